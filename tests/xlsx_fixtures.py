"""Build XLSX attachments from the tab-separated tables of a corpus circular: one sheet per
table, header labels spanning columns as merged cells, figures stored as numbers with the number
format that prints them the Belgian way."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl

from ingest.pipeline import parse_file
from ingest.tables import find_tab_tables


def _value(cell: str):
    """A cell as a spreadsheet holds it: figures as numbers (with the format that prints them)."""
    if re.fullmatch(r"\d{6}", cell):
        return int(cell), "0"
    if re.fullmatch(r"\d+", cell):
        return int(cell), "General"
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})*,\d{2}", cell):
        return float(cell.replace(".", "").replace(",", ".")), "#,##0.00"
    if re.fullmatch(r"\d+,\d+", cell):
        return float(cell.replace(",", ".")), "0." + "0" * len(cell.split(",")[1])
    return cell or None, "General"


def _write_sheet(ws, header_rows: list[list[str]], rows: list[list[str]]) -> None:
    """Header labels spanning the empty cells to their right that have labels beneath are merged
    cells, as in the circulars' attachments."""
    for r, cells in enumerate(header_rows, start=1):
        for c, text in enumerate(cells, start=1):
            ws.cell(r, c, text or None)
        if r < len(header_rows):
            below = header_rows[r]
            for c, text in enumerate(cells):
                k = c + 1
                while text and k < len(cells) and not cells[k] and k < len(below) and below[k]:
                    k += 1
                if k - c > 1:
                    ws.merge_cells(start_row=r, start_column=c + 1, end_row=r, end_column=k)
    for r, cells in enumerate(rows, start=len(header_rows) + 1):
        for c, text in enumerate(cells, start=1):
            value, fmt = _value(text)
            cell = ws.cell(r, c, value)
            cell.number_format = fmt
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text such as "= I", not a formula


def circular_workbook(path: Path) -> bytes:
    """A circular's tables as the sheets of its XLSX attachment (header rows as in the text)."""
    text = path.read_text()
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    doc = parse_file(path)
    for i, (raw, table) in enumerate(zip(find_tab_tables(text), doc.tables, strict=True)):
        ws = wb.create_sheet(f"{i + 1}. {table.heading}"[:31].replace(":", " "))
        head = [re.sub(r"<[^>]+>", "", line).split("\t") for line in text[raw.start : raw.rows[0].start].strip("\n").split("\n")]
        _write_sheet(ws, head, [r.cells for r in table.rows])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
