"""PDF ingestion on paginated PDFs built from the accord: pages, sections, chrome, joins, tables."""

import re
import subprocess
import sys

import pymupdf
import pytest
from pdf_fixtures import build_pdf, source_paragraphs

from extract import extract_document
from ingest.draft import ReadError
from ingest.pipeline import parse_file
from ingest.readers.pdf_lines import hyphen_join

HEADER = "ACCORD NATIONAL MÉDICO-MUTUALISTE 2020 — CNMM"
ACCORD = "accord-medico-mutualiste-2020.txt"


@pytest.fixture(scope="module")
def accord_pdf(tmp_path_factory, corpus_dir):
    text = (corpus_dir / ACCORD).read_text()
    path = tmp_path_factory.mktemp("pdf") / "accord.pdf"
    layout = build_pdf(text, path, header=HEADER, footer="Page {n} / {total}")
    return parse_file(path), layout, parse_file(corpus_dir / ACCORD)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_fixture_is_a_real_multipage_pdf(accord_pdf):
    _, layout, _ = accord_pdf
    assert layout.page_count >= 15 and layout.hyphenated and len(layout.table_rows) > 50


def test_sections_are_the_same_as_from_the_text(accord_pdf):
    doc, _, txt = accord_pdf
    # a clause's heading is its first line in the text file, its first 120 characters in the PDF
    assert [(s.number, s.heading[:40], s.level, s.parent) for s in doc.sections] == [
        (s.number, s.heading[:40], s.level, s.parent) for s in txt.sections
    ]
    pages = [s.page for s in doc.sections]
    assert all(pages) and pages == sorted(pages)


def test_section_paths_follow_the_numbering_over_page_breaks(accord_pdf):
    doc, _, _ = accord_pdf
    sec = next(s for s in doc.sections if s.number == "5.2.3.1")
    assert sec.path.startswith("5 Organisation des soins > 5.2 Postes de garde > 5.2.3 Financement")
    crossing = [s for s in doc.sections if doc.page_at(s.start) != doc.page_at(max(s.end - 1, s.start))]
    assert crossing, "some section runs over a page break in this fixture"


def test_running_headers_footers_and_page_numbers_are_gone(accord_pdf):
    doc, layout, _ = accord_pdf
    assert HEADER not in doc.text and "Page 3 / " not in doc.text
    assert not re.search(r"^\s*\d{1,2}\s*$", doc.text, re.M)
    assert len(doc.pages) == layout.page_count
    assert [p.page for p in doc.pages] == list(range(1, layout.page_count + 1))
    assert all(a.end == b.start for a, b in zip(doc.pages, doc.pages[1:], strict=False))


@pytest.mark.parametrize(
    "sentence, section",
    [
        ("5.037,70 euros pour les médecins qui ont adhéré", "11"),
        ("présentera les premiers résultats à la CNMM d’ici le 31 mai 2020", "5.2.6"),
        ("dans un délai de 15 jours après la constatation d'une des situations", "16.2.4"),
        ("Le forfait d’accréditation est fixé à 634,75 euros", "6.2.3"),
        ("lève le doute, par le biais d’une circulaire", "4.2.2"),
        ("une plus grande attention aux droits sociaux du médecin en formation", "9"),
    ],
)
def test_known_sentences_have_their_page_and_section(accord_pdf, sentence, section):
    doc, layout, _ = accord_pdf
    para = next(p for p in layout.pages if sentence in p)
    passage = next(p for p in doc.passages if sentence in flat(p.text))
    start = passage.start + flat(passage.text).index(sentence)  # close enough: spaces are single
    assert doc.page_at(passage.start) == passage.page
    assert passage.page in (layout.pages[para], layout.pages[para] + 1)
    assert doc.page_at(start) in (layout.pages[para], layout.pages[para] + 1)
    sec = next(s for s in doc.sections if s.id == passage.section)
    assert sec.number == section


def test_lines_of_a_paragraph_are_joined_with_spaces(accord_pdf):
    doc, layout, _ = accord_pdf
    long = [p for p in layout.pages if len(p) > 400 and "\t" not in p and not p[:1].isdigit()]
    found = [p for p in long if p in doc.text]
    assert len(found) >= 0.9 * len(long)


def test_hyphenated_words_are_joined_and_compounds_kept(accord_pdf):
    doc, layout, _ = accord_pdf
    for word in layout.hyphenated:
        assert word in doc.text
    assert "médico-mutualiste" in doc.text and "médico- mutualiste" not in doc.text
    assert not re.search(r"\w-\n\w", doc.text)


def test_sentences_run_over_page_breaks(accord_pdf):
    doc, _, _ = accord_pdf
    joined = [p.start for p in doc.pages[1:] if doc.text[p.start - 2 : p.start] != "\n\n"]
    assert joined, "some page break falls inside a paragraph in this fixture"
    for b in joined:  # a space inside the sentence, or a word cut by a hyphen joined up
        assert doc.text[b - 1] == " " or doc.text[b - 1].isalpha() or doc.text[b - 1] == "\n"
    passage = next(p for p in doc.passages if p.start < joined[0] < p.end)
    assert passage.page == doc.page_at(passage.start)


def test_the_budget_annex_is_one_table_over_its_pages(accord_pdf):
    doc, layout, _ = accord_pdf
    (table,) = [t for t in doc.tables if t.unit]
    assert table.unit == "En 000 EUR"
    assert table.header == ["En 000 EUR", "", "Application 2020", "Base annuelle"]
    assert [r.cells for r in table.rows] == [[" ".join(c.split()) for c in r] for r in layout.table_rows]
    assert len({r.page for r in table.rows}) >= 2  # continued over a page, header not repeated
    for row in table.rows:
        assert doc.text[row.start : row.end] == "\t".join(row.cells)
    amounts = [r for r in extract_document(doc) if r.type == "amount" and "first_column_keur" in r.extra]
    row = next(r for r in amounts if r.extra["row"].startswith("Masse d’indexation"))
    assert row.value == 181959000 and row.page == table.rows[1].page


def test_table_rows_are_passages_with_their_heading(accord_pdf):
    doc, _, _ = accord_pdf
    table = next(t for t in doc.tables if t.unit)
    rows = [p for p in doc.passages if p.kind == "table_row" and p.table == table.id]
    assert len(rows) == len(table.rows)
    assert all("Application 2020" in p.context and "En 000 EUR" in p.context for p in rows)
    assert all(p.page == r.page for p, r in zip(rows, table.rows, strict=True))


def test_an_unruled_table_gives_the_same_rows(tmp_path, corpus_dir, accord_pdf):
    doc, _, _ = accord_pdf
    path = tmp_path / "unruled.pdf"
    build_pdf((corpus_dir / ACCORD).read_text(), path, header=HEADER, ruled=False)
    plain = parse_file(path)
    ruled = next(t for t in doc.tables if t.unit)
    (table,) = [t for t in plain.tables if t.unit]
    assert table.header == ruled.header
    assert [r.cells for r in table.rows] == [r.cells for r in ruled.rows]


def test_headers_alternating_on_odd_and_even_pages_are_gone(tmp_path, corpus_dir):
    path = tmp_path / "alt.pdf"
    build_pdf((corpus_dir / ACCORD).read_text(), path, header=("CNMM — Accord 2020", "INAMI — Soins de santé"),
              footer="- {n} -")
    doc = parse_file(path)
    assert "CNMM — Accord 2020" not in doc.text and "INAMI — Soins de santé" not in doc.text
    assert not re.search(r"^- \d+ -$", doc.text, re.M)


def test_paragraph_helper_drops_page_numbers(corpus_dir):
    paras = source_paragraphs((corpus_dir / ACCORD).read_text())
    assert "17" not in paras and any(p.startswith("14.3. Médecins spécialistes") for p in paras)


@pytest.mark.parametrize(
    "prev, nxt, vocab, how",
    [
        ("le présent ac-", "cord prévoit", set(), "drop"),
        ("l'accord médico-", "mutualiste 2020", set(), "keep"),
        ("celui-", "ci est", set(), "keep"),
        ("la COVID-", "19 a", set(), "keep"),
        ("les porte-", "parole du", {"porte-parole"}, "keep"),
        ("une socio-", "logie", {"sociologie"}, "drop"),
        ("voir le point 3 -", "les", set(), None),
        ("fin de phrase.", "Début", set(), None),
        ("une réadap\u00ad", "tation", set(), "drop"),
    ],
)
def test_line_end_hyphens(prev, nxt, vocab, how):
    assert hyphen_join(prev, nxt, vocab) == how


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


@pytest.mark.parametrize("data", [b"%PDF-1.7\nnot really", _pdf_bytes()[:300], b"\x00" * 64, b"GIF89a" + bytes(200)])
def test_broken_pdfs_fail_with_a_sentence(tmp_path, data):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        parse_file(path)
    message = str(err.value)
    assert "broken.pdf" in message and message.endswith(".") and message.count(". ") == 0


def test_a_pdf_without_text_says_it_needs_ocr(tmp_path):
    doc = pymupdf.open()
    doc.new_page().draw_rect(pymupdf.Rect(10, 10, 100, 100))
    path = tmp_path / "scan.pdf"
    doc.save(path)
    with pytest.raises(ReadError, match="OCR"):
        parse_file(path)


def test_the_page_limit_is_a_setting(tmp_path, corpus_dir):
    from ingest.pipeline import IngestLimits

    path = tmp_path / "accord.pdf"
    build_pdf((corpus_dir / ACCORD).read_text(), path)
    with pytest.raises(ReadError, match="more than the limit of 5"):
        parse_file(path, limits=IngestLimits(max_pages=5))


def test_the_layout_model_is_not_loaded_and_nothing_is_printed():
    code = ("import sys; from ingest.readers.pdf import import_pymupdf; m = import_pymupdf(); "
            "print(m._get_layout is None, 'onnxruntime' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True False"


def test_a_pdf_title_that_names_a_file_is_ignored(tmp_path, corpus_dir):
    path = tmp_path / "l.pdf"
    build_pdf((corpus_dir / "lettre-2021-taskforces-soins-pertinents.txt").read_text(), path,
              title="Microsoft Word - lettre_TF_2021.docx")
    doc = parse_file(path)
    assert "Microsoft" not in doc.title and doc.doc_type == "letter"
