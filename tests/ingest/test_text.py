"""Plain text extracted from PDFs: form feeds as pages, page numbers and running headers as chrome."""

import re

from ingest.pipeline import parse_file
from ingest.readers.textpages import loose_page_numbers, text_pages

ACCORD = "accord-medico-mutualiste-2020.txt"


def test_page_number_lines_of_the_accord_are_chrome(corpus_dir):
    doc = parse_file(corpus_dir / ACCORD)
    assert [doc.text[b.start : b.end].strip() for b in doc.boilerplate] == ["17", "18"]
    assert doc.pages == []  # no form feeds: where pages 1 to 16 begin is unknown
    for p in doc.passages:
        assert not re.search(r"^\s*1[78]\s*$", p.text, re.M)
    before = next(s for s in doc.sections if s.number == "14.2.3.4")  # "17" follows it
    after = next(s for s in doc.sections if s.number == "14.3")
    assert after.path == "14 " + doc.sections[after.parent].heading + " > 14.3 " + after.heading
    assert before.end <= doc.boilerplate[0].start < after.start


def _pdftotext(pages: list[str], header: str = "INAMI - Accord national 2020") -> str:
    return "".join(f"{header}\n\n{body}\n\n{n}\n\f" for n, body in enumerate(pages, start=1))


PAGES = [
    "1. Objet\n\nLe présent accord fixe les honoraires des médecins pour l'année 2020 et les\n",
    "conditions de leur application.\n\n2. Durée\n\nL'accord est conclu pour un an.\n",
    "3. Indexation\n\nLes honoraires sont indexés de 1,95 % à partir du 1er janvier 2020.\n",
    "4. Formalités\n\nLes médecins notifient leur refus dans les trente jours.\n",
]


def test_form_feeds_make_pages_and_chrome_is_marked(tmp_path):
    path = tmp_path / "accord.txt"
    text = _pdftotext(PAGES)
    path.write_text(text, encoding="utf-8")
    doc = parse_file(path)
    assert doc.text == text  # the text itself is never rewritten
    assert [p.page for p in doc.pages] == [1, 2, 3, 4]
    chrome = {doc.text[b.start : b.end] for b in doc.boilerplate}
    assert chrome == {"INAMI - Accord national 2020", "1", "2", "3", "4"}
    assert [s.number for s in doc.sections] == ["1", "2", "3", "4"]
    assert [s.page for s in doc.sections] == [1, 2, 3, 4]
    hit = next(p for p in doc.passages if "1,95 %" in p.text)
    assert hit.page == 3 and "INAMI" not in hit.text
    assert all("Accord national" not in p.text for p in doc.passages)
    assert doc.doc_type != "news"


def test_a_trailing_form_feed_makes_no_empty_page():
    pages, _ = text_pages("page un\fpage deux\f\n")
    assert [(p.page, p.start, p.end) for p in pages] == [(1, 0, 8), (2, 8, 19)]


def test_loose_page_numbers_need_blank_lines_and_rising_numbers():
    text = "Texte\n\n3\n\nSuite du texte\nvoir point\n4\n\n12\n\n2\n\nFin\n\n13\n"
    found = [text[s.start : s.end] for s in loose_page_numbers(text)]
    assert found == ["3", "12", "13"]
