"""Reader for spreadsheets (.xlsx, openpyxl): one Document per workbook, one table per sheet.

Each visible sheet gives a heading line (the sheet name), its title lines (a lone cell above the
grid), its used range as tab-separated rows read as a Table, and its notes (lone text cells
below). Cells are written as printed in Belgium (see cellformat), so a tariff row from an XLSX
attachment has the same cells as in the circular; code columns keep "565235" without dots.
Merged cells: a label merged across columns in a header row is repeated over those columns (the
table reader then joins stacked labels per column); a value merged down data rows is repeated
in each row; other merged cells keep their value in the first cell only.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ingest.draft import Draft, HeadingHint, ReadError, TextBuilder
from ingest.lexicon import CODE_COLUMN_CUES
from ingest.readers.cellformat import format_cell
from ingest.readers.pdf_lines import is_numeric
from ingest.tables import table_from_spans
from ingest.text import fold

MAX_CELLS = 2_000_000  # filled cells per workbook


def _filled(ws) -> dict[tuple[int, int], object]:
    """(row, column) -> cell of every cell holding a value (no phantom cells are created)."""
    return {k: c for k, c in ws._cells.items() if c.value is not None and str(c.value).strip() != ""}


def _is_figure(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _label_rows(cells: dict, rows: list[int]) -> set[int]:
    """Rows at the top holding no figures (column labels), up to the first row with figures."""
    with_figures = {r for (r, _), c in cells.items() if _is_figure(c.value)}
    first = min(with_figures, default=rows[-1] + 1)
    return {r for r in rows if r < first}


def _resolve_merges(ws, cells: dict, grid: dict, rows: list[int]) -> None:
    labels = _label_rows(cells, rows)
    for rng in ws.merged_cells.ranges:
        value = grid.get((rng.min_row, rng.min_col))
        if not value:
            continue
        across = rng.min_row in labels and rng.min_row == rng.max_row
        down = rng.min_row not in labels and rng.min_col == rng.max_col
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (across and r == rng.min_row) or (down and c == rng.min_col):
                    grid.setdefault((r, c), value)


def _code_columns(cells: dict, labels: set[int]) -> set[int]:
    """Columns whose label names a code (their integers are written without thousands dots)."""
    out = set()
    for (r, c), cell in cells.items():
        if r in labels and isinstance(cell.value, str) and any(cue in fold(cell.value).split() for cue in CODE_COLUMN_CUES):
            out.add(c)
    return out


def sheet_grid(ws) -> list[list[str]]:
    """The sheet's used range as rows of cell texts (empty rows dropped, merges resolved)."""
    cells = _filled(ws)
    if not cells:
        return []
    rows = sorted({r for r, _ in cells})
    codes = _code_columns(cells, _label_rows(cells, rows))
    grid = {k: format_cell(c.value, c.number_format, k[1] in codes) for k, c in cells.items()}
    _resolve_merges(ws, cells, grid, rows)
    cols = sorted({c for _, c in grid})
    span = range(cols[0], cols[-1] + 1)
    out = [[grid.get((r, c), "") for c in span] for r in sorted({r for r, _ in grid})]
    return [row for row in out if any(row)]


def _lone_text(row: list[str]) -> str | None:
    """The text of a row with a single filled cell that is not a figure."""
    filled = [c for c in row if c]
    return filled[0] if len(filled) == 1 and not is_numeric(filled[0]) else None


def _split(rows: list[list[str]]) -> tuple[list[str], list[list[str]], list[str]]:
    """(title lines, table rows, note lines): lone text cells above and below the grid."""
    top = 0
    while top < len(rows) - 1 and _lone_text(rows[top]):
        top += 1
    bottom = len(rows)
    while bottom > top + 1 and _lone_text(rows[bottom - 1]):
        bottom -= 1
    return [_lone_text(r) or "" for r in rows[:top]], rows[top:bottom], [_lone_text(r) or "" for r in rows[bottom:]]


class _Builder(TextBuilder):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[tuple[int, int]]] = []

    def sheet(self, name: str, rows: list[list[str]]) -> None:
        start = self.block(name)
        self.headings.append(HeadingHint(start=start, end=self.pos, level=1, text=name))
        titles, table, notes = _split(rows)
        for line in titles:
            self.block(line)
        spans, pos = [], None
        for row in table:
            line = "\t".join(row)
            pos = self.block(line) if pos is None else self._line(line)
            spans.append((pos, pos + len(line)))
        self.tables.append(spans)
        for line in notes:
            self.block(line)

    def _line(self, line: str) -> int:
        self.parts.append("\n" + line)
        self.pos += 1 + len(line)
        return self.pos - len(line)


def read_xlsx(path: Path, data: bytes) -> Draft:
    """Every visible, non-empty sheet as a heading, its title lines, its table and its notes."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise ReadError(f"{path.name} is not a readable XLSX workbook (the file is damaged or not a workbook).") from exc
    if sum(len(ws._cells) for ws in wb.worksheets) > MAX_CELLS:
        raise ReadError(f"{path.name} has more than {MAX_CELLS:,} cells, over the limit for a workbook.")
    b = _Builder()
    for ws in wb.worksheets:
        rows = sheet_grid(ws) if ws.sheet_state == "visible" else []
        if rows:
            b.sheet(" ".join(ws.title.split()) or "Feuille", rows)
    if not b.parts:
        raise ReadError(f"{path.name} has no filled cells.")
    text = b.text()
    tables = [table_from_spans(text, spans) for spans in b.tables if len(spans) >= 2]
    return Draft(text=text, headings=b.headings, tables=tables, fmt="xlsx",
                 title=(wb.properties.title or None), meta={"sheets": len(b.tables)})
