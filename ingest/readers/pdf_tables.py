"""Tables of a PDF page as rows of cells.

Ruled tables come from pymupdf's table finder, run only on pages with enough vector lines to
hold a grid (the finder costs about 60 ms a page; plain text extraction about 2 ms), without the
layout model. A cell's text is read from the page's words whose centre lies in the cell box.
Tables drawn without rules are found from the text itself: a run of lines with three or more
separate pieces, some of them figures, whose pieces line up in columns (gutters free of text).
"""

from __future__ import annotations

from statistics import median

from ingest.readers.pdf_lines import Line, hyphen_join, is_numeric

MIN_RULE_ITEMS = 8  # vector items (lines, rectangles) a page needs before the table finder runs


def ruled_tables(page, first_id: int, vocab: set[str]) -> list[list[Line]]:
    """Each ruled table of the page as its row lines (at least two rows and two columns)."""
    drawings = page.get_drawings()
    if sum(len(d.get("items", ())) for d in drawings) < MIN_RULE_ITEMS:
        return []
    try:
        found = page.find_tables(use_layout=False)
    except Exception:  # a table-finder failure must not lose the page text
        return []
    if not found.tables:
        return []
    words = page.get_text("words", sort=True)
    out = []
    for table in found.tables:
        rows = []
        for row in table.rows:
            cells = [_cell_text(words, c, vocab) for c in row.cells]
            if any(cells):
                x0, y0, x1, y1 = row.bbox
                rows.append(Line("\t".join(cells), x0, y0, x1, y1, 0.0, False, cells=cells))
        if len(rows) >= 2 and max(sum(1 for c in r.cells if c) for r in rows) >= 2:
            for r in rows:
                r.table = first_id + len(out)
                r.extra["bbox"] = tuple(table.bbox)
            out.append(rows)
    return out


def _cell_text(words: list[tuple], bbox, vocab: set[str]) -> str:
    """The words whose centre lies in a cell's box, in reading order; a word cut by a line break
    inside the cell is joined."""
    if bbox is None:
        return ""
    x0, y0, x1, y1 = bbox
    inside = [w for w in words if x0 <= (w[0] + w[2]) / 2 <= x1 and y0 <= (w[1] + w[3]) / 2 <= y1]
    text = ""
    for prev, word in zip([None, *inside], inside, strict=False):
        piece = word[4].replace("\t", " ")
        if prev is not None and word[1] > prev[3] - 1:  # the word starts a new line of the cell
            how = hyphen_join(text, piece, vocab)
            if how == "drop":
                text = text[:-1] + piece
                continue
            if how == "keep":
                text += piece
                continue
        text = f"{text} {piece}" if text else piece
    return text


def inside_any(line: Line, tables: list[list[Line]]) -> bool:
    """Whether a text line lies inside the box of one of the tables."""
    for rows in tables:
        bx0, by0, bx1, by1 = rows[0].extra["bbox"]
        if by0 - 1 <= line.y0 and line.y1 <= by1 + 1 and bx0 - 1 <= line.x0 and line.x1 <= bx1 + 1:
            return True
    return False


# --- tables without rules --------------------------------------------------------------------


def _visual_rows(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into rows of the page (same height), each row left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.y0 + ln.y1) / 2):
        mid = (line.y0 + line.y1) / 2
        if rows:
            last = rows[-1][0]
            if abs(mid - (last.y0 + last.y1) / 2) <= 0.5 * min(line.height, last.height):
                rows[-1].append(line)
                continue
        rows.append([line])
    return [sorted(r, key=lambda ln: ln.x0) for r in rows]


def _is_data(row: list[Line]) -> bool:
    return len(row) >= 3 and any(is_numeric(ln.text) for ln in row)


def _gap(a: list[Line], b: list[Line]) -> float:
    return min(ln.y0 for ln in b) - max(ln.y1 for ln in a)


def _runs(rows: list[list[Line]]) -> list[tuple[int, int]]:
    """(first, last) indices of runs of data rows, label-only rows between them included."""
    data = [i for i, r in enumerate(rows) if _is_data(r)]
    if len(data) < 2:
        return []
    pitches = [_gap(rows[a], rows[b]) for a, b in zip(data, data[1:], strict=False) if b == a + 1]
    limit = max(3 * (median(pitches) if pitches else 4.0), 12.0)
    runs: list[tuple[int, int]] = []
    start = prev = data[0]
    left = min(ln.x0 for i in data for ln in rows[i]) + 20
    for i in data[1:]:
        gaps_ok = all(_gap(rows[k - 1], rows[k]) <= limit for k in range(prev + 1, i + 1))
        if gaps_ok and all(_group_row(rows[k], left) for k in range(prev + 1, i)):
            prev = i
            continue
        runs.append((start, prev))
        start = prev = i
    runs.append((start, prev))
    return [(a, b) for a, b in runs if sum(1 for k in range(a, b + 1) if _is_data(rows[k])) >= 2]


def _group_row(row: list[Line], left: float) -> bool:
    """A label alone in the first column between data rows ("Moyens disponibles", "Total")."""
    return len(row) == 1 and row[0].x0 <= left and not row[0].bold and len(row[0].text) <= 160


def _short(row: list[Line]) -> bool:
    return sum(len(ln.text) for ln in row) <= 160


def _header_start(rows: list[list[Line]], first: int, left: float) -> int:
    """The first of the rows just above a run that hold its column labels (several pieces, or one
    off the left edge); group labels between them and the run come along."""
    start = first
    k = first
    while k > 0 and first - k < 6:
        row = rows[k - 1]
        if _gap(row, rows[k]) > max(2.5 * row[0].height, 12.0) or not _short(row):
            break
        if len(row) >= 2 or row[0].x0 > left + 20:
            start = k - 1
        elif not _group_row(row, left + 20):
            break
        k -= 1
    return start


def _columns(rows: list[list[Line]]) -> list[tuple[float, float]]:
    """Column extents: the pieces of data rows merged where they overlap horizontally."""
    spans = sorted((ln.x0, ln.x1) for r in rows if _is_data(r) for ln in r)
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 <= cols[-1][1] + 1:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    return [(a, b) for a, b in cols]


def _column_of(line: Line, cols: list[tuple[float, float]], header: bool) -> int:
    """The column of a piece: the one it overlaps most for figures; for labels (header cells are
    set at the left of their cell, figures at the right) the first column ending after its start."""
    overlaps = [i for i, (a, b) in enumerate(cols) if line.x0 < b and a < line.x1]
    if overlaps and not header:
        return max(overlaps, key=lambda i: min(line.x1, cols[i][1]) - max(line.x0, cols[i][0]))
    return next((i for i, (_, b) in enumerate(cols) if b > line.x0 + 1), len(cols) - 1)


def _cells(row: list[Line], cols, header: bool) -> list[str]:
    cells = [""] * len(cols)
    for ln in row:
        i = _column_of(ln, cols, header)
        cells[i] = f"{cells[i]} {ln.text}".strip()
    return cells


def _row_line(row: list[Line], cells: list[str], table: int, header: bool) -> Line:
    x0, y0 = min(ln.x0 for ln in row), min(ln.y0 for ln in row)
    x1, y1 = max(ln.x1 for ln in row), max(ln.y1 for ln in row)
    return Line("\t".join(cells), x0, y0, x1, y1, row[0].size, False, cells=cells, table=table, header=header)


def _table(rows: list[list[Line]], head: int, table: int) -> list[Line]:
    """Row lines of a table; a row set tight under the previous one (a wrapped cell) is merged
    into it unless it holds figures."""
    cols = _columns(rows[head:])
    out: list[Line] = []
    prev: list[Line] | None = None
    for i, row in enumerate(rows):
        header = i < head
        cells = _cells(row, cols, header)
        tight = prev is not None and _gap(prev, row) < 0.3 * row[0].height
        if out and tight and out[-1].header == header and (header or not any(is_numeric(ln.text) for ln in row)):
            merged = [f"{a} {b}".strip() for a, b in zip(out[-1].cells, cells, strict=True)]
            out[-1] = _row_line([*prev, *row], merged, table, header)
            prev = [*prev, *row]
            continue
        out.append(_row_line(row, cells, table, header))
        prev = row
    return out


def text_tables(lines: list[Line], first_id: int) -> tuple[list[list[Line]], set[int]]:
    """Tables drawn without rules, and the ids (object ids) of the lines they consumed."""
    if sum(1 for ln in lines if is_numeric(ln.text)) < 6:
        return [], set()
    rows = _visual_rows(lines)
    left = min(ln.x0 for ln in lines)
    tables, used = [], set()
    for a, b in _runs(rows):
        start = _header_start(rows, a, left)
        part = rows[start : b + 1]
        tables.append(_table(part, a - start, first_id + len(tables)))
        used.update(id(ln) for r in part for ln in r)
    return tables, used
