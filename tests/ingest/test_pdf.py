"""PDF ingestion on a paginated PDF built from the accord: pages, sections, chrome, joins, tables."""

import re

import pymupdf
import pytest
from pdf_fixtures import build_pdf, source_paragraphs

from extract import extract_document
from ingest.draft import ReadError
from ingest.pipeline import parse_file

HEADER = "ACCORD NATIONAL MÉDICO-MUTUALISTE 2020 — CNMM"


@pytest.fixture(scope="module")
def accord_pdf(tmp_path_factory, corpus_dir):
    text = (corpus_dir / "accord-medico-mutualiste-2020.txt").read_text()
    path = tmp_path_factory.mktemp("pdf") / "accord.pdf"
    layout = build_pdf(text, path, header=HEADER)
    return parse_file(path), layout, parse_file(corpus_dir / "accord-medico-mutualiste-2020.txt")


def test_the_fixture_is_a_real_multipage_pdf(accord_pdf):
    _, layout, _ = accord_pdf
    assert layout.page_count >= 15 and layout.hyphenated and layout.table_rows


def test_sections_are_the_same_as_from_the_text(accord_pdf):
    doc, _, txt = accord_pdf
    # clause headings are the clause's first line, so only their start is compared
    assert [(s.number, s.heading[:40], s.level) for s in doc.sections] == [
        (s.number, s.heading[:40], s.level) for s in txt.sections
    ]
    assert all(s.page for s in doc.sections)
    pages = [s.page for s in doc.sections]
    assert pages == sorted(pages)


def test_running_headers_and_page_numbers_are_gone(accord_pdf):
    doc, layout, _ = accord_pdf
    assert HEADER not in doc.text
    assert not re.search(r"^\s*\d{1,2}\s*$", doc.text, re.M)
    assert len(doc.pages) == layout.page_count


@pytest.mark.parametrize(
    "sentence, section",
    [
        ("5.037,70 euros pour les médecins qui ont adhéré", "11"),
        ("présentera les premiers résultats à la CNMM d’ici le 31 mai 2020", "5.2.6"),
        ("dans un délai de 15 jours après la constatation d'une des situations", "16.2.4"),
        ("Le forfait d’accréditation est fixé à 634,75 euros", "6.2.3"),
    ],
)
def test_known_sentences_have_their_page_and_section(accord_pdf, sentence, section):
    doc, layout, _ = accord_pdf
    pos = " ".join(doc.text.split()).find(sentence)
    assert pos >= 0
    para = next(p for p in layout.pages if sentence in p)
    passage = next(p for p in doc.passages if sentence in " ".join(p.text.split()))
    assert passage.page == layout.pages[para] or passage.page == layout.pages[para] + 1
    sec = next(s for s in doc.sections if s.id == passage.section)
    assert sec.number == section


def test_hyphenated_words_are_joined(accord_pdf):
    doc, layout, _ = accord_pdf
    for word in layout.hyphenated:
        assert word in doc.text


def test_sentences_run_over_page_breaks(accord_pdf):
    doc, _, _ = accord_pdf
    breaks = [p.start for p in doc.pages[1:]]
    joined = [b for b in breaks if doc.text[b - 2 : b] != "\n\n"]
    assert joined, "some page break falls inside a paragraph in this fixture"
    # carried on: a line break inside the paragraph, or a hyphenated word joined across pages
    assert all(doc.text[b - 1] == "\n" or doc.text[b - 1].isalpha() for b in joined)
    passage = next(p for p in doc.passages if p.start < joined[0] < p.end)
    assert passage.page == doc.page_at(passage.start)


def test_the_budget_annex_is_a_table_with_its_unit(accord_pdf):
    doc, layout, _ = accord_pdf
    table = next(t for t in doc.tables if t.unit)
    assert table.unit == "En 000 EUR"
    first = table.rows[0].cells
    assert first == layout.table_rows[0]
    amounts = [r for r in extract_document(doc) if r.type == "amount" and "first_column_keur" in r.extra]
    row = next(r for r in amounts if r.extra["row"].startswith("Masse d’indexation"))
    assert row.value == 181959000 and row.page == table.page


def test_paragraph_helper_drops_page_numbers(corpus_dir):
    paras = source_paragraphs((corpus_dir / "accord-medico-mutualiste-2020.txt").read_text())
    assert "17" not in paras and any(p.startswith("14.3. Médecins spécialistes") for p in paras)


def _pdf_bytes(text: str = "Bonjour le monde") -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), text)
    return doc.tobytes()


def test_an_encrypted_pdf_fails_with_a_sentence(tmp_path):
    doc = pymupdf.open(stream=_pdf_bytes(), filetype="pdf")
    path = tmp_path / "secret.pdf"
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    with pytest.raises(ReadError, match="encrypted"):
        parse_file(path)


@pytest.mark.parametrize("data", [b"%PDF-1.7\nnot really", _pdf_bytes()[:300], b"\x00" * 64])
def test_broken_pdfs_fail_with_a_sentence(tmp_path, data):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        parse_file(path)
    assert "broken.pdf" in str(err.value) and str(err.value).endswith(".")


def test_a_pdf_without_text_says_it_needs_ocr(tmp_path):
    doc = pymupdf.open()
    doc.new_page().draw_rect(pymupdf.Rect(10, 10, 100, 100))
    path = tmp_path / "scan.pdf"
    doc.save(path)
    with pytest.raises(ReadError, match="OCR"):
        parse_file(path)
