"""XLSX attachments, text encodings and document metadata."""

import io
from pathlib import Path

import openpyxl
import pytest

from extract import extract_document
from ingest.draft import ReadError
from ingest.metadata import guess_lang
from ingest.pipeline import parse_file
from ingest.readers.text import decode
from ingest.readers.xlsx import format_cell
from ingest.tables import clean_cell

NEWS = ["news-2024-03-21-chiffres-conventionnement-2024.md", "news-2024-11-27-blocage-budget-inami-2025.md"]


def _xlsx_from_table(table) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "N. Examens génétiques"
    ws.append(["", "Numéro de code", None, None, "Honoraires", "Intervention Ambulant", None, "Intervention Hospitalisé", None])
    ws.merge_cells("B1:D1")
    ws.merge_cells("F1:G1")
    ws.append(["", "AMB", "HOS", None, None, "Avec régime préférentiel", "Sans régime préférentiel",
               "Avec régime préférentiel", "Sans régime préférentiel"])
    for row in table.rows:
        ws.append([_number(clean_cell(c)) for c in row.cells])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _number(cell: str):
    if cell.isdigit():
        return int(cell)
    try:
        return float(cell.replace(".", "").replace(",", "."))
    except ValueError:
        return cell


def test_an_xlsx_attachment_gives_the_same_tariff_rows(tmp_path, corpus_dir):
    circular = parse_file(corpus_dir / "circulaire-oa-2024-382-tarifs-2025.md")
    table = circular.tables[1]
    path = tmp_path / "annexe.xlsx"
    path.write_bytes(_xlsx_from_table(table))
    doc = parse_file(path)
    assert doc.tables[0].header[1] == "Numéro de code / AMB"
    assert doc.tables[0].header[6].startswith("Intervention Ambulant / Sans")
    from_xlsx = [r.value for r in extract_document(doc) if r.type == "tariff_row"]
    from_md = [r.value for r in extract_document(circular) if r.type == "tariff_row" and table.start <= r.start < table.end]
    strip = [{k: v for k, v in row.items() if k != "valid_from"} for row in from_md]
    assert [{k: v for k, v in row.items() if k != "valid_from"} for row in from_xlsx] == strip
    assert len(from_xlsx) == len(table.rows) == 6
    for rec in extract_document(doc):
        assert doc.text[rec.start : rec.end] == rec.text


@pytest.mark.parametrize(
    "value, text",
    [(2515.06, "2.515,06"), (1.257532, "1,257532"), (565235, "565235"), (2000.0, "2000"), (0.5, "0,50"),
     (-6526.0, "-6526"), (None, ""), ("B = 1,257532", "B = 1,257532"), (1886.3, "1.886,30")],
)
def test_xlsx_numbers_are_written_the_belgian_way(value, text):
    assert format_cell(value) == text


def test_a_broken_xlsx_fails_with_a_sentence(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(ReadError, match="not a readable XLSX"):
        parse_file(path)


SAMPLE = "L’accord médico-mutualiste prévoit une indexation de 1,95 % à partir du 1er janvier 2020.\n"


@pytest.mark.parametrize(
    "data",
    [SAMPLE.encode("utf-8"), SAMPLE.encode("utf-8-sig"), SAMPLE.replace("’", "'").encode("latin-1"),
     SAMPLE.encode("cp1252"), SAMPLE.encode("utf-16"), SAMPLE.encode("utf-16-le"), SAMPLE.encode("utf-16-be")],
)
def test_text_files_in_any_common_encoding_decode_the_same(data):
    assert decode(data, "x.txt").replace("'", "’") == SAMPLE


@pytest.mark.parametrize("data, message", [(b"", "empty"), (b"   \n\n", "empty"), (bytes(range(256)) * 40, "binary")])
def test_empty_and_binary_text_files_fail(data, message):
    with pytest.raises(ReadError, match=message):
        decode(data, "junk.txt")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Het nationaal akkoord artsen-ziekenfondsen bepaalt de honoraria van de artsen voor het jaar.", "nl"),
        ("L'accord national médico-mutualiste fixe les honoraires des médecins pour l'année.", "fr"),
        ("The national agreement sets the fees of physicians for the coming year.", "en"),
    ],
)
def test_language_detection(text, lang):
    assert guess_lang(text) == lang


def test_metadata_of_the_corpus(corpus_dir):
    accord = parse_file(corpus_dir / "accord-medico-mutualiste-2020.txt")
    assert (accord.doc_type, accord.date, accord.title) == ("accord", "2019-12-19", "ACCORD NATIONAL MÉDICO-MUTUALISTE 2020")
    assert accord.valid_from == "2020-01-01"  # "Le présent accord est conclu pour une période d'un an, à savoir du …"
    letter = parse_file(corpus_dir / "lettre-2021-taskforces-soins-pertinents.txt")
    assert letter.doc_type == "letter" and letter.date is None
    news = parse_file(corpus_dir / NEWS[1])
    assert news.title.startswith("Blocage politique") and news.date == "2024-11-27"


def test_a_dutch_circular_is_recognised(tmp_path):
    path = Path(tmp_path) / "omzendbrief.txt"
    path.write_text(
        "Omzendbrief VI nr. 2024/382 van 12-12-2024\n\nVan toepassing vanaf 1/01/2025\n\n"
        "De honoraria van de geneeskundige verstrekkingen worden geïndexeerd met 3,22%.\n", encoding="utf-8")
    doc = parse_file(path)
    assert (doc.doc_type, doc.lang, doc.date, doc.valid_from) == ("circular", "nl", "2024-12-12", "2025-01-01")


@pytest.mark.parametrize(
    "opening, date",
    [("Krachtens artikel 50 van de wet, gecoördineerd op 14 juli 1994, heeft de Nationale Commissie "
      "Tandartsen-Ziekenfondsen op 15 december 2025 het volgende akkoord gesloten voor 2026.", "2025-12-15"),
     ("Op 3 maart 2026 hebben de partijen de volgende overeenkomst ondertekend.", "2026-03-03"),
     ("On 3 March 2026, under the law of 14 July 1994, the commission signed the following agreement.", "2026-03-03")],
)
def test_a_document_concluded_on_a_date_its_verb_follows_is_of_that_date(tmp_path, opening, date):
    path = Path(tmp_path) / "akkoord.txt"
    path.write_text(f"NATIONAAL AKKOORD TANDARTSEN-ZIEKENFONDSEN 2026\n\n{opening}\n\n1. Honoraria\n\n"
                    "De honoraria worden op 1 januari 2026 geïndexeerd.\n", encoding="utf-8")
    assert parse_file(path).date == date


def test_a_convention_below_its_letterhead_is_titled_typed_and_dated_by_what_it_says(tmp_path):
    path = Path(tmp_path) / "convention.txt"
    path.write_text(
        "INSTITUT NATIONAL D'ASSURANCE MALADIE-INVALIDITÉ\nService des soins de santé\n\n"
        "CONVENTION NATIONALE ENTRE LES LOGOPÈDES ET LES ORGANISMES ASSUREURS 2026\n\n"
        "Conclue le 10 décembre 2025 au sein de la Commission de conventions.\n\n"
        "Art. 2. Les honoraires en vigueur au 31 décembre 2025 sont indexés de 2 %.\n\n"
        "Art. 3. La présente convention entre en vigueur le 1er janvier 2026.\n", encoding="utf-8")
    doc = parse_file(path)
    assert doc.title == "CONVENTION NATIONALE ENTRE LES LOGOPÈDES ET LES ORGANISMES ASSUREURS 2026"
    assert (doc.doc_type, doc.valid_from) == ("convention", "2026-01-01")  # not the fees "en vigueur au 31 décembre"


def test_a_letter_is_titled_by_its_subject_line(tmp_path):
    path = Path(tmp_path) / "brief.txt"
    path.write_text(
        "RIJKSINSTITUUT VOOR ZIEKTE- EN INVALIDITEITSVERZEKERING\nCel Monitoring\n\nBrussel, 3 maart 2025\n\n"
        "Betreft: verzoek om gegevens over de wachtposten\n\nGeachte,\n\nWij vragen u de gegevens te bezorgen.\n\n"
        "Met vriendelijke groeten,\n", encoding="utf-8")
    doc = parse_file(path)
    assert (doc.title, doc.doc_type, doc.lang) == ("verzoek om gegevens over de wachtposten", "letter", "nl")


CAPTURE = """- [Accueil](#)
- [Actualités](#)
- [Agenda](#)
- [Contact](#)
- [Nederlands](#)

# Les honoraires de biologie clinique sont revus en 2026

La Commission a revu les honoraires forfaitaires de biologie clinique ; le détail est [sur le site](#).

**Documents liés**

- [Tableau des tarifs (PDF)](#)
- [FAQ sur la biologie](#)

**Dernières actualités**

- [Statut social : calendrier de paiement](#) – 16 décembre 2025
- [Téléconsultations : ce qui reste remboursé](#) – 12/12/2025

*Partager cette page :* [LinkedIn](#) [E-mail](#)
"""


def test_teasers_and_the_labels_of_link_lists_are_chrome_in_a_capture(tmp_path):
    path = tmp_path / "capture.md"
    path.write_text(CAPTURE, encoding="utf-8")
    doc = parse_file(path)
    chrome = {doc.text[b.start : b.end].strip() for b in doc.boilerplate}
    for line in ("**Documents liés**", "**Dernières actualités**", "*Partager cette page :* [LinkedIn](#) [E-mail](#)",
                 "- [Statut social : calendrier de paiement](#) – 16 décembre 2025",
                 "- [Téléconsultations : ce qui reste remboursé](#) – 12/12/2025"):
        assert line in chrome
    passages = " ".join(p.text for p in doc.passages)
    assert "le détail est [sur le site](#)" in passages  # a sentence with a link is the article's
    assert "actualités" not in passages.lower() and "Statut social" not in passages
