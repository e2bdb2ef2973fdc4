"""Tables written as tab-separated lines (text and markdown captures) kept as rows.

Header rows (the leading rows with no figures) are merged into one label per
column: a label spanning several columns in an upper row is carried right
over the empty cells beneath which a lower row has a label.
"""

from __future__ import annotations

import re

from ingest.models import Table, TableRow

_TAG = re.compile(r"<[^>]+>")
_DATA_CELL = re.compile(r"^[-+−↗↘=]?\s*(?:[A-Z]{1,3}\s*=\s*)?[\d.,\s]+%?(?:\s*=\s*[A-Z]{1,3})?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
UNIT_RE = re.compile(
    r"\b(?:en|in|x)\s*(?:000|1\.000|milliers?|duizend|millions?|miljoen)\s*(?:d['’]\s*)?(?:eur|euros?|€)\b"
    r"|\(\s*(?:en\s*)?(?:000|k)\s*(?:eur|€)\s*\)",
    re.I,
)


def clean_cell(cell: str) -> str:
    """A cell's text without markup (<b>, **) and with collapsed spaces."""
    cell = _TAG.sub("", cell).replace("**", "")
    return re.sub(r"\s+", " ", cell).strip()


def _line_spans(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_row(line: str) -> bool:
    return line.count("\t") >= 2


def find_tab_tables(text: str) -> list[Table]:
    """Every run of two or more tab-separated lines, as a Table with merged header."""
    spans = _line_spans(text)
    tables: list[Table] = []
    i = 0
    while i < len(spans):
        if not _is_row(text[spans[i][0] : spans[i][1]]):
            i += 1
            continue
        j = i
        while j < len(spans) and _is_row(text[spans[j][0] : spans[j][1]]):
            j += 1
        if j - i >= 2:
            tables.append(table_from_spans(text, spans[i:j], len(tables)))
        i = j
    return tables


def is_header_row(cells: list[str], index: int) -> bool:
    """A row of column labels: no figures but years, and (below the first) labels beyond the
    first column (a row with only a label in the first column is a group row of the data)."""
    if any(_DATA_CELL.match(c) and not _YEAR.match(c) for c in cells if c):
        return False
    return index == 0 or any(cells[1:])


def table_from_spans(text: str, spans: list[tuple[int, int]], idx: int = 0) -> Table:
    """A Table from the spans of its tab-separated row lines; leading label rows make the header."""
    rows = [TableRow(cells=[clean_cell(c) for c in text[s:e].split("\t")], start=s, end=e) for s, e in spans]
    n_head = 0
    while n_head < len(rows) - 1 and is_header_row(rows[n_head].cells, n_head):
        n_head += 1
    header = align_header(merge_header([r.cells for r in rows[:n_head]]), rows[n_head:])
    before = text[max(0, spans[0][0] - 300) : spans[0][0]]
    unit = UNIT_RE.search(before + " ".join(header))
    return Table(
        id=idx,
        header=header,
        unit=unit.group(0) if unit else None,
        rows=rows[n_head:],
        start=spans[0][0],
        end=spans[-1][1],
    )


def align_header(header: list[str], data: list[TableRow]) -> list[str]:
    """Shift a header right by one when it was written without the empty corner cell above the
    row labels (its last cell empty, or shorter than the rows)."""
    if not header or not data:
        return header
    width = max(len(r.cells) for r in data)
    labels = [r.cells[0] for r in data if r.cells]
    row_labels = bool(labels) and all(lbl and not _DATA_CELL.match(lbl) for lbl in labels)
    if header[0] and row_labels and (header[-1] == "" or len(header) < width):
        trimmed = header[:-1] if header[-1] == "" else header
        return ([""] + trimmed + [""] * width)[:width]
    return header


def merge_header(header_rows: list[list[str]]) -> list[str]:
    """One label per column from stacked header rows (merged cells carried right)."""
    if not header_rows:
        return []
    width = max(len(r) for r in header_rows)
    grid = [r + [""] * (width - len(r)) for r in header_rows]
    for level in range(len(grid) - 1):
        row, below = grid[level], grid[level + 1]
        for col in range(1, width):
            if not row[col] and row[col - 1] and below[col]:
                row[col] = row[col - 1]
    return [" / ".join(dict.fromkeys(r[c] for r in grid if r[c])) for c in range(width)]
