"""Tariff tables give the same rows from markdown, ruled and unruled PDF tables and XLSX sheets."""

import openpyxl
import pytest
from pdf_fixtures import build_pdf
from xlsx_fixtures import circular_workbook

from extract import extract_document
from ingest.models import TableRow
from ingest.pipeline import parse_file
from ingest.tables import align_header, find_tab_tables, merge_header

CIRCULAR = "circulaire-oa-2024-382-tarifs-2025.md"


@pytest.fixture(scope="module")
def circular(corpus_dir):
    return parse_file(corpus_dir / CIRCULAR)


def tariffs(doc) -> list[dict]:
    return [{k: v for k, v in r.value.items() if k != "valid_from"}
            for r in extract_document(doc) if r.type == "tariff_row"]


def layout_of(doc) -> list:
    return [(t.heading, t.header, t.unit, [r.cells for r in t.rows]) for t in doc.tables]


@pytest.fixture(scope="module", params=["ruled", "unruled"])
def circular_pdf(request, tmp_path_factory, corpus_dir):
    path = tmp_path_factory.mktemp("circ") / f"{request.param}.pdf"
    build_pdf((corpus_dir / CIRCULAR).read_text(), path, header="INAMI — Circulaire OA 2024/382",
              footer="Page {n} / {total}", markdown=True, ruled=request.param == "ruled")
    return parse_file(path)


def test_pdf_tables_give_the_markdown_rows(circular, circular_pdf):
    assert len(circular_pdf.pages) >= 3
    assert layout_of(circular_pdf) == layout_of(circular)
    assert tariffs(circular_pdf) == tariffs(circular) and len(tariffs(circular)) == 76


def test_pdf_tables_keep_their_sections_and_pages(circular, circular_pdf):
    assert [(s.number, s.heading) for s in circular_pdf.sections] == [(s.number, s.heading) for s in circular.sections]
    for table in circular_pdf.tables:
        assert all(r.page for r in table.rows)
        for row in table.rows:
            assert circular_pdf.text[row.start : row.end] == "\t".join(row.cells)
    rows = [p for p in circular_pdf.passages if p.kind == "table_row"]
    assert len(rows) == sum(len(t.rows) for t in circular_pdf.tables)
    p = next(p for p in rows if "565235" in p.text)
    assert "Analyses prénatales" in p.context and "Honoraires" in p.context


def test_a_table_continued_on_the_next_page_is_one_table(circular_pdf):
    (big,) = [t for t in circular_pdf.tables if len(t.rows) == 38]
    assert len({r.page for r in big.rows}) == 2
    assert not any(r.cells[1].startswith("Numéro") for r in big.rows)


# --- XLSX ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def circular_xlsx(tmp_path_factory, corpus_dir):
    path = tmp_path_factory.mktemp("xlsx") / "annexe.xlsx"
    path.write_bytes(circular_workbook(corpus_dir / CIRCULAR))
    return parse_file(path)


def test_an_xlsx_attachment_gives_the_same_rows(circular, circular_xlsx):
    assert [[r.cells for r in t.rows] for t in circular_xlsx.tables] == [[r.cells for r in t.rows] for t in circular.tables]
    assert tariffs(circular_xlsx) == tariffs(circular)
    for rec in extract_document(circular_xlsx):
        assert circular_xlsx.text[rec.start : rec.end] == rec.text


def test_xlsx_merged_header_cells_label_every_column(circular, circular_xlsx):
    assert [t.header for t in circular_xlsx.tables] == [t.header for t in circular.tables]
    assert circular_xlsx.tables[0].header[6] == "Intervention Ambulant / Bénéficiaires sans régime préférentiel"


def test_xlsx_sheets_are_sections_and_rows_are_passages(circular_xlsx):
    doc = circular_xlsx
    assert [(s.number, s.heading) for s in doc.sections][:2] == [("1", "Analyses cytogénétiques"),
                                                                   ("2", "Analyses prénatales")]
    for table in doc.tables:
        sec = next(s for s in doc.sections if s.id == table.section)
        assert table.heading == sec.heading
        for row in table.rows:
            assert doc.text[row.start : row.end] == "\t".join(row.cells)
    rows = [p for p in doc.passages if p.kind == "table_row"]
    assert len(rows) == sum(len(t.rows) for t in doc.tables) == 77 and all(p.page is None for p in rows)


def test_xlsx_titles_notes_codes_and_vertical_merges(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Forfaits 2025"
    ws["A1"] = "Forfaits de garde applicables à partir du 1er janvier 2025"
    ws.append([])
    ws.append(["Code", "Prestation", "Montant", "Part"])
    ws.append([101076, "Forfait de disponibilité", 1234.5, 0.0322])
    ws.append([None, "Forfait de nuit", 2000, 0.05])
    ws.merge_cells("A4:A5")
    ws.append([1234567, "Total", 3234.5, None])
    ws["C4"].number_format = ws["C5"].number_format = ws["C6"].number_format = "#,##0.00"
    ws["D4"].number_format = ws["D5"].number_format = "0.00%"
    ws["A6"].number_format = "#,##0"
    ws.append(["Les montants sont indexés chaque année au 1er janvier."])
    hidden = wb.create_sheet("Brouillon")
    hidden["A1"] = "ne pas publier"
    hidden.sheet_state = "hidden"
    path = tmp_path / "forfaits.xlsx"
    wb.save(path)
    doc = parse_file(path)
    (table,) = doc.tables
    assert table.header == ["Code", "Prestation", "Montant", "Part"]
    assert [r.cells for r in table.rows] == [
        ["101076", "Forfait de disponibilité", "1.234,50", "3,22%"],
        ["101076", "Forfait de nuit", "2.000,00", "5,00%"],
        ["1234567", "Total", "3.234,50", ""],
    ]
    assert doc.text.startswith("Forfaits 2025\n\nForfaits de garde applicables")
    assert doc.text.rstrip().endswith("indexés chaque année au 1er janvier.") and "ne pas publier" not in doc.text
    assert doc.valid_from == "2025-01-01"


# --- header rows -----------------------------------------------------------------------------


def test_merged_header_labels_are_carried_over_their_columns():
    rows = [["", "Numéro de code", "", "Honoraires", "Intervention", ""],
            ["", "AMB", "HOS", "", "avec", "sans"]]
    assert merge_header(rows) == ["", "Numéro de code / AMB", "Numéro de code / HOS", "Honoraires",
                                  "Intervention / avec", "Intervention / sans"]


def test_a_header_written_without_its_corner_cell_is_shifted_back():
    data = [TableRow(cells=["Région bruxelloise", "3.747", "89,48 %"], start=0, end=1)]
    assert align_header(["MG actifs", "% MG conventionnés", ""], data) == ["", "MG actifs", "% MG conventionnés"]


@pytest.mark.parametrize(
    "text, header, first",
    [
        ("\tMontants\t\n\t2023\t2024\nBruxelles\t1.234\t1.300\nFlandre\t5.000\t5.100\n",
         ["", "Montants / 2023", "Montants / 2024"], ["Bruxelles", "1.234", "1.300"]),
        ("En 000 EUR\t\tApplication 2020\tBase annuelle\nMoyens disponibles\t\t\t\nMasse\t01-01-20\t181.959\t181.959\n",
         ["En 000 EUR", "", "Application 2020", "Base annuelle"], ["Moyens disponibles", "", "", ""]),
    ],
)
def test_header_rows_stop_at_years_and_group_rows(text, header, first):
    (table,) = find_tab_tables(text)
    assert table.header == header and table.rows[0].cells == first
