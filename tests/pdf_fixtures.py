"""Build realistic multi-page PDFs from the corpus texts: a running header on every page, a page
number in the footer, bold headings, wrapped and hyphenated lines, and tables drawn as grids (with
merged header cells) or as plain aligned text. `Layout` records where each paragraph went."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from ingest.text.sentences import paragraphs

PAGE_W, PAGE_H = 595, 842
LEFT, TOP, BOTTOM = 56, 80, 770
SIZE, LEADING = 10, 14
CELL_SIZE, CELL_LEADING = 6.5, 8
FONTS = {"F0": pymupdf.Font("helv"), "F1": pymupdf.Font("hebo")}  # embedded, so ’ « » € survive
_FONT = FONTS["F0"]
_NUMBERED = re.compile(r"^\s*(?:(?:\d{1,2}\.)+\d{0,2}|[A-Z]\.)\s+\S")
ROW = re.compile(r"^(?P<label>.*?)\s*(?P<date>\d\d-\d\d-\d\d|20\d\d)?\s*(?P<a>-?\d{1,3}(?:\.\d{3})*)"
                 r"(?:\s+(?P<b>-?\d{1,3}(?:\.\d{3})*))?\s*$")
ANNEX_HEADER = ["En 000 EUR", "", "Application 2020", "Base annuelle"]


_ADVANCE: dict[tuple[int, str], float] = {}


def text_width(text: str, size: float, font=_FONT) -> float:
    """Width of `text` in points (glyph advances cached: Font.text_length is slow)."""
    total = 0.0
    for ch in text:
        key = (id(font), ch)
        if key not in _ADVANCE:
            _ADVANCE[key] = font.text_length(ch, 1)
        total += _ADVANCE[key]
    return total * size


@dataclass
class Layout:
    """Where things went: paragraph text -> page, words hyphenated, table rows drawn."""

    pages: dict[str, int] = field(default_factory=dict)
    hyphenated: list[str] = field(default_factory=list)
    table_rows: list[list[str]] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    page_count: int = 0


@dataclass
class Block:
    """A paragraph, a heading or a table (header rows first) of the source."""

    kind: str
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    header_rows: int = 0


def source_paragraphs(text: str) -> list[str]:
    """Paragraphs of an extracted text (a numbered heading line starts a new one), page-number
    lines dropped, lines joined."""
    out = []
    for s, e in paragraphs(text):
        current: list[str] = []
        for line in text[s:e].split("\n"):
            if _NUMBERED.match(line) and current:
                out.append(" ".join(" ".join(current).split()))
                current = []
            current.append(line)
        para = " ".join(" ".join(current).split())
        if para and not re.fullmatch(r"\d{1,3}", para):
            out.append(para)
    return out


def _plain(md: str) -> str:
    md = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", md)
    md = re.sub(r"<[^>]+>|\*\*|^#+\s*|\\", "", md)
    return " ".join(md.split())


def _annex_rows(lines: list[str]) -> list[list[str]]:
    """The accord's budget annex, one row per item: label, effective date, 2020 amount, annual base."""
    rows, label = [], []
    for line in lines:
        m = ROW.match(line)
        if m and "%" not in line and (m.group("label") or label):
            if m.group("label") and label:  # a label of its own: the pending lines are a row
                rows.append([" ".join(label), "", "", ""])
                label = []
            full = " ".join([*label, m.group("label")]).strip()
            rows.append([full, m.group("date") or "", m.group("a"), m.group("b") or ""])
            label = []
        elif label and not line[:1].isupper() and not line.startswith(("a)", "b)", "c)", "d)")):
            label.append(line)
        else:
            if label:
                rows.append([" ".join(label), "", "", ""])
            label = [line]
    if label:
        rows.append([" ".join(label), "", "", ""])
    return rows


def _text_blocks(text: str) -> list[Block]:
    lines = text.split("\n")
    start = next((i for i, ln in enumerate(lines) if ln.strip().lower() == "en 000 eur"), None)
    if start is None:
        return [_para_block(p) for p in source_paragraphs(text)]
    end = next(i for i in range(start, len(lines)) if re.match(r"^\(\d\)\s", lines[i].strip()))
    body = [ln.strip() for ln in lines[start + 1 : end] if ln.strip()]
    body = body[3:] if body[:3] == ["Application 2020", "Base", "annuelle"] else body
    table = Block("table", rows=[ANNEX_HEADER, *_annex_rows(body)], header_rows=1)
    before = [_para_block(p) for p in source_paragraphs("\n".join(lines[:start]))]
    after = [_para_block(p) for p in source_paragraphs("\n".join(lines[end:]))]
    return [*before, table, *after]


def _para_block(para: str) -> Block:
    short_numbered = _NUMBERED.match(para) and len(para) < 90 and not para.endswith((".", ":"))
    return Block("heading" if short_numbered else "para", text=para)


def _markdown_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    table: list[list[str]] = []
    for line in text.split("\n"):
        if line.count("\t") >= 2:
            table.append([_plain(c) for c in line.split("\t")])
            continue
        if table:
            head = next((i for i, r in enumerate(table) if any(re.search(r"\d", c) for c in r)), 0)
            blocks.append(Block("table", rows=table, header_rows=head))
            table = []
        plain = _plain(line)
        if not plain or plain == "(*)":
            continue
        if line.startswith("#") or (line.startswith("**") and line.rstrip().endswith("**")):
            blocks.append(Block("heading", text=plain))
        else:
            blocks.append(Block("para", text=re.sub(r"^[-*]\s+", "- ", plain)))
    if table:
        blocks.append(Block("table", rows=table, header_rows=2))
    return blocks


def _wrap(para: str, width: float, layout: Layout, size: float = SIZE, font=_FONT) -> list[str]:
    lines, cur = [], ""
    for word in para.split():
        trial = f"{cur} {word}".strip()
        if text_width(trial, size, font) <= width:
            cur = trial
            continue
        if len(word) >= 11 and word.isalpha() and word.islower() and size == SIZE:
            head = word[: len(word) // 2]
            if text_width(f"{cur} {head}-", size, font) <= width:
                lines.append(f"{cur} {head}-".strip())
                layout.hyphenated.append(word)
                cur = word[len(head) :]
                continue
        if cur:
            lines.append(cur)
        cur = word
    if cur:
        lines.append(cur)
    return lines


def _widths(rows: list[list[str]]) -> list[float]:
    """Column widths: the first (label) column takes what the figure columns leave."""
    n = max(len(r) for r in rows)
    total = PAGE_W - 2 * LEFT
    if n <= 4:
        return [total - 3 * 60.0, 60.0, 60.0, 60.0][-n:] if n == 4 else [total / n] * n
    return [total / n] * n


class _Writer:
    def __init__(self, header: str | tuple[str, str] | None, layout: Layout, ruled: bool) -> None:
        self.doc = pymupdf.open()
        self.header, self.layout, self.ruled = header, layout, ruled
        self.page = None
        self.y = BOTTOM

    def new_page(self) -> None:
        self.page = self.doc.new_page(width=PAGE_W, height=PAGE_H)
        for name, font in FONTS.items():
            self.page.insert_font(fontname=name, fontbuffer=font.buffer)
        header = self.header
        if isinstance(header, tuple):
            header = header[(self.doc.page_count + 1) % 2]
        if header:
            self.page.insert_text((LEFT, 40), header, fontname="F0", fontsize=8)
            self.page.draw_line((LEFT, 46), (PAGE_W - LEFT, 46), width=0.3)
        self.y = TOP

    def line(self, text: str, bold: bool = False, size: float = SIZE) -> None:
        if self.y > BOTTOM:
            self.new_page()
        self.page.insert_text((LEFT, self.y), text, fontname="F1" if bold else "F0", fontsize=size)
        self.y += LEADING * size / SIZE

    def paragraph(self, para: str, bold: bool = False, size: float = SIZE) -> None:
        font = FONTS["F1" if bold else "F0"]
        lines = _wrap(para, PAGE_W - 2 * LEFT, self.layout, size, font)
        if self.y > BOTTOM - (LEADING * 3 if bold else 0):
            self.new_page()
        self.layout.pages[para] = self.doc.page_count
        if bold:
            self.layout.headings.append(para)
        for ln in lines:
            self.line(ln, bold, size)
        self.y += LEADING * 0.8

    def table(self, block: Block) -> None:
        rows = [r + [""] * (max(len(x) for x in block.rows) - len(r)) for r in block.rows]
        widths = _widths(rows)
        head = rows[: block.header_rows]
        for i, row in enumerate(rows):
            is_head = i < block.header_rows
            height = self._row_height(row, widths, head, i if is_head else None)
            if self.y + height > BOTTOM:
                self.new_page()
                if head and not is_head:  # the header is repeated on a continuation page
                    for j, hrow in enumerate(head):
                        self._row(hrow, widths, self._row_height(hrow, widths, head, j), head, j)
            self._row(row, widths, height, head, i if is_head else None)
            if not is_head:
                self.layout.table_rows.append(row)
        self.y += LEADING

    def _spans(self, row: list[str], head: list[list[str]], level: int | None) -> list[int]:
        """Columns each cell covers: a header label spans the empty cells to its right that
        have a label beneath them (a merged cell)."""
        spans = [1] * len(row)
        if level is None or level + 1 >= len(head):
            return spans
        below = head[level + 1]
        for c in range(len(row)):
            if row[c]:
                k = c + 1
                while k < len(row) and not row[k] and below[k]:
                    k += 1
                spans[c] = k - c
        return spans

    def _row_height(self, row, widths, head, level) -> float:
        spans = self._spans(row, head, level)
        lines = 1
        for c, cell in enumerate(row):
            width = sum(widths[c : c + spans[c]]) - 6
            lines = max(lines, len(_wrap(cell, width, self.layout, CELL_SIZE)) if cell else 1)
        return lines * CELL_LEADING + 6

    def _row(self, row, widths, height, head, level) -> None:
        spans = self._spans(row, head, level)
        x, c = LEFT, 0
        while c < len(row):
            w = sum(widths[c : c + spans[c]])
            if self.ruled:
                self.page.draw_rect(pymupdf.Rect(x, self.y, x + w, self.y + height), color=(0, 0, 0), width=0.5)
            y = self.y + CELL_LEADING
            for ln in _wrap(row[c], w - 6, self.layout, CELL_SIZE) if row[c] else []:
                numeric = bool(re.fullmatch(r"[-\d.,= A-Z]+", ln)) and level is None and c > 0
                tx = x + w - 3 - text_width(ln, CELL_SIZE) if numeric else x + 3
                self.page.insert_text((tx, y), ln, fontname="F0", fontsize=CELL_SIZE)
                y += CELL_LEADING
            x += w
            c += spans[c]
        self.y += height


def _footers(doc, footer: str) -> None:
    total = doc.page_count
    for n, page in enumerate(doc, start=1):
        text = footer.format(n=n, total=total)
        page.insert_text((PAGE_W / 2 - text_width(text, 8) / 2, 810), text, fontsize=8)


def build_pdf(
    text: str,
    path: Path,
    header: str | tuple[str, str] | None = None,
    title: str | None = None,
    footer: str = "{n}",
    ruled: bool = True,
    markdown: bool = False,
) -> Layout:
    """Write `text` as a paginated PDF (markdown: '#' and bold lines are headings, tab-separated
    runs are tables); the accord's budget annex after "En 000 EUR" becomes a table."""
    layout = Layout()
    w = _Writer(header, layout, ruled)
    w.new_page()
    for block in _markdown_blocks(text) if markdown else _text_blocks(text):
        if block.kind == "table":
            w.table(block)
        else:
            w.paragraph(block.text, bold=block.kind == "heading")
    _footers(w.doc, footer)
    if title:
        w.doc.set_metadata({"title": title})
    w.doc.save(path)
    layout.page_count = w.doc.page_count
    return layout
