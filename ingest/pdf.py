"""Reader for PDF files (pymupdf), page by page, keeping 1-based page numbers.

The canonical text is rebuilt from the lines of each page: running headers and footers (lines
in the page margins that repeat across pages, page numbers) are dropped; a paragraph is a run
of lines without a wide vertical gap; a word hyphenated at a line end is joined; a sentence
that runs over a page break is joined; ruled tables found by pymupdf's table finder become
tab-separated rows (then read as tables like any text table). pymupdf's layout model is not
used: plain text extraction runs at hundreds of pages per second, the layout model at about two.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ingest.draft import Draft, HeadingHint, ReadError
from ingest.lexicon import HYPHEN_PREFIXES
from ingest.models import Span

MARGIN = 0.09  # top/bottom share of the page where running headers and footers live
_PAGE_NO = re.compile(r"^\s*(?:[-–]\s*)?(?:page|p\.|blz\.?|pagina)?\s*\d{1,4}\s*(?:(?:/|sur|of|van|de)\s*\d{1,4})?\s*(?:[-–])?\s*$", re.I)


@dataclass
class Line:
    """One text line of a page, with what layout says about it."""

    text: str
    y0: float
    y1: float
    size: float
    bold: bool
    is_table: bool = False


def _page_lines(page) -> list[Line]:
    out = []
    for block in page.get_text("dict", sort=True)["blocks"]:
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if s["text"].strip()]
            if not spans:
                continue
            text = "".join(s["text"] for s in line["spans"]).strip()
            size = max(s["size"] for s in spans)
            bold = all(s["flags"] & 16 or "bold" in s["font"].lower() for s in spans)
            out.append(Line(text, line["bbox"][1], line["bbox"][3], size, bold))
    return out


def _chrome_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def running_chrome(pages: list[list[Line]], heights: list[float]) -> set[str]:
    """Keys of margin lines that repeat on many pages (running headers and footers)."""
    counts: Counter[str] = Counter()
    for lines, h in zip(pages, heights, strict=True):
        keys = {_chrome_key(ln.text) for ln in lines if ln.y1 < h * MARGIN or ln.y0 > h * (1 - MARGIN)}
        counts.update(keys)
    need = max(2, int(0.5 * len(pages)))
    return {k for k, n in counts.items() if n >= need and len(pages) >= 2}


def _is_chrome(line: Line, h: float, chrome: set[str]) -> bool:
    in_margin = line.y1 < h * MARGIN or line.y0 > h * (1 - MARGIN)
    return in_margin and (_chrome_key(line.text) in chrome or bool(_PAGE_NO.match(line.text)))


def _table_lines(page) -> tuple[list[Line], list[tuple[float, float, float, float]]]:
    """Ruled tables of a page as tab-separated lines, and their boxes (only on pages with rules)."""
    drawings = page.get_drawings()
    if sum(len(d.get("items", [])) for d in drawings) < 8:
        return [], []
    try:
        found = page.find_tables(use_layout=False)
    except Exception:  # a table-finder failure must not lose the page text
        return [], []
    lines, boxes = [], []
    words = page.get_text("words", sort=True) if found.tables else []
    for table in found.tables:
        rows = [[_cell_text(words, c) for c in row.cells] for row in table.rows]
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        boxes.append(tuple(table.bbox))
        y = table.bbox[1]
        for cells in rows:
            if any(cells):
                lines.append(Line("\t".join(cells), y, y + 0.1, 0.0, False, True))
                y += 0.2
    return lines, boxes


def _cell_text(words: list[tuple], bbox) -> str:
    """The words whose centre lies in a cell's box, in reading order (spaces and punctuation kept)."""
    if bbox is None:
        return ""
    x0, y0, x1, y1 = bbox
    inside = [w[4] for w in words if x0 <= (w[0] + w[2]) / 2 <= x1 and y0 <= (w[1] + w[3]) / 2 <= y1]
    return " ".join(inside).replace("\t", " ")


def _inside(line: Line, boxes) -> bool:
    return any(b[1] - 1 <= line.y0 and line.y1 <= b[3] + 1 for b in boxes)


def _body_lines(page, chrome: set[str]) -> list[Line]:
    h = page.rect.height
    tables, boxes = _table_lines(page)
    lines = [ln for ln in _page_lines(page) if not _is_chrome(ln, h, chrome) and not _inside(ln, boxes)]
    return sorted(lines + tables, key=lambda ln: ln.y0)


def _joins(prev: str, nxt: str) -> str:
    """How two lines meet: "" (hyphenated word), " " (same sentence) or "\\n"."""
    m = re.search(r"(\w+)-$", prev)
    if m and nxt[:1].islower() and m.group(1).lower() not in HYPHEN_PREFIXES and len(m.group(1)) > 2:
        return "HYPHEN"
    return "\n"


def _gap_break(prev: Line, line: Line, typical: float) -> bool:
    return line.is_table != prev.is_table or (line.y0 - prev.y1) > max(typical * 0.9, 4.0)


def _typical_gap(lines: list[Line]) -> float:
    gaps = sorted(b.y0 - a.y1 for a, b in zip(lines, lines[1:], strict=False) if b.y0 > a.y1 and not a.is_table)
    return gaps[len(gaps) // 2] if gaps else 3.0


class _Builder:
    """Accumulates canonical text with heading hints and page spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.headings: list[HeadingHint] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def drop_last_hyphen(self) -> None:
        last = self.parts[-1]
        self.parts[-1] = last[:-1]
        self.pos -= 1

    def ends_sentence(self) -> bool:
        tail = "".join(self.parts[-3:]).rstrip()
        return not tail or tail[-1] in ".!?:;»\"”)" or tail.endswith("\t")

    def text(self) -> str:
        return "".join(self.parts)


def _add_page(b: _Builder, lines: list[Line], body_size: float) -> None:
    typical = _typical_gap(lines)
    for i, line in enumerate(lines):
        if i:
            prev = lines[i - 1]
            if _gap_break(prev, line, typical):
                b.add("\n\n")
            elif _joins(prev.text, line.text) == "HYPHEN":
                b.drop_last_hyphen()
            else:
                b.add("\n")
        start = b.pos
        b.add(line.text)
        if _looks_heading(line, body_size):
            level = 1 if line.size > body_size + 2 else 2
            b.headings.append(HeadingHint(start=start, end=b.pos, level=level, text=line.text))


def _looks_heading(line: Line, body_size: float) -> bool:
    short = len(line.text) <= 120 and not line.text.rstrip().endswith((".", ",", ";"))
    return short and not line.is_table and (line.size > body_size + 1.5 or (line.bold and line.size >= body_size))


def _page_join(b: _Builder, first: Line | None) -> None:
    """Between pages: carry on a sentence (or a hyphenated word), else start a paragraph."""
    if first is None or not b.parts:
        return
    prev_tail = b.parts[-1]
    if not b.ends_sentence() and first.text[:1].islower():
        if _joins(prev_tail, first.text) == "HYPHEN":
            b.drop_last_hyphen()
        else:
            b.add("\n")
    else:
        b.add("\n\n")


def read_pdf(path: Path, data: bytes, max_pages: int = 2000) -> Draft:
    """The text of every page without running headers/footers, with page spans and tables as rows."""
    import pymupdf

    doc = _open(path, data, max_pages, pymupdf)
    raw = [_page_lines(p) for p in doc]
    chrome = running_chrome(raw, [p.rect.height for p in doc])
    sizes = Counter(round(ln.size) for lines in raw for ln in lines)
    body_size = sizes.most_common(1)[0][0] if sizes else 10
    b = _Builder()
    pages: list[Span] = []
    for number, page in enumerate(doc, start=1):
        lines = _body_lines(page, chrome)
        _page_join(b, lines[0] if lines else None)
        start = b.pos
        _add_page(b, lines, body_size)
        pages.append(Span(start=start, end=b.pos, page=number))
    text = b.text()
    if not text.strip():
        raise ReadError(f"{path.name} has no text layer (a scanned PDF needs OCR first).")
    for a, nxt in zip(pages, pages[1:], strict=False):
        a.end = nxt.start
    title = (doc.metadata or {}).get("title") or None
    return Draft(text=text, pages=pages, headings=b.headings, fmt="pdf", title=title or None)


def _open(path: Path, data: bytes, max_pages: int, pymupdf):
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # pymupdf raises its own types for broken files
        raise ReadError(f"{path.name} is not a readable PDF ({str(exc).strip() or type(exc).__name__}).") from exc
    if doc.needs_pass:
        raise ReadError(f"{path.name} is encrypted and needs a password.")
    if doc.page_count == 0:
        raise ReadError(f"{path.name} has no pages.")
    if doc.page_count > max_pages:
        raise ReadError(f"{path.name} has {doc.page_count} pages, more than the limit of {max_pages}.")
    return doc
