"""Build realistic multi-page PDFs from the corpus texts (running header, page-number footer,
wrapped and hyphenated lines, ruled tables), recording where each paragraph went."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from ingest.sentences import paragraphs

PAGE_W, PAGE_H = 595, 842
LEFT, TOP, BOTTOM = 56, 80, 770
SIZE, LEADING = 10, 14
FONT = "F0"  # Helvetica embedded as a Unicode font, so ’ « » € survive
_FONT = pymupdf.Font("helv")
_NUMBERED = re.compile(r"^\s*(?:(?:\d{1,2}\.)+\d{0,2}|[A-Z]\.)\s+\S")
ROW = re.compile(r"^(?P<label>.*?)\s+(?P<date>\d\d-\d\d-\d\d|20\d\d)?\s*(?P<a>-?\d{1,3}(?:\.\d{3})*)(?:\s+(?P<b>-?\d{1,3}(?:\.\d{3})*))?$")


@dataclass
class Layout:
    """Where things went: paragraph text -> page, words hyphenated, table rows drawn."""

    pages: dict[str, int] = field(default_factory=dict)
    hyphenated: list[str] = field(default_factory=list)
    table_rows: list[list[str]] = field(default_factory=list)
    page_count: int = 0


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


def _wrap(para: str, width: float, layout: Layout) -> list[str]:
    lines, cur = [], ""
    for word in para.split():
        trial = f"{cur} {word}".strip()
        if _FONT.text_length(trial, SIZE) <= width:
            cur = trial
            continue
        if len(word) >= 11 and word.isalpha() and word.islower():
            head = word[: len(word) // 2]
            if _FONT.text_length(f"{cur} {head}-", SIZE) <= width:
                lines.append(f"{cur} {head}-".strip())
                layout.hyphenated.append(word)
                cur = word[len(head) :]
                continue
        lines.append(cur)
        cur = word
    if cur:
        lines.append(cur)
    return lines


class _Writer:
    def __init__(self, header: str | None, layout: Layout) -> None:
        self.doc = pymupdf.open()
        self.header, self.layout = header, layout
        self.page = None
        self.y = BOTTOM

    def new_page(self) -> None:
        self.page = self.doc.new_page(width=PAGE_W, height=PAGE_H)
        self.page.insert_font(fontname=FONT, fontbuffer=_FONT.buffer)
        n = self.doc.page_count
        if self.header:
            self.page.insert_text((LEFT, 40), self.header, fontname=FONT, fontsize=8)
        self.page.insert_text((PAGE_W / 2 - 5, 810), str(n), fontname=FONT, fontsize=8)
        self.y = TOP

    def line(self, text: str) -> None:
        if self.y > BOTTOM:
            self.new_page()
        self.page.insert_text((LEFT, self.y), text, fontname=FONT, fontsize=SIZE)
        self.y += LEADING

    def paragraph(self, para: str) -> None:
        lines = _wrap(para, PAGE_W - 2 * LEFT, self.layout)
        if self.y > BOTTOM:
            self.new_page()
        self.layout.pages[para] = self.doc.page_count
        for ln in lines:
            self.line(ln)
        self.y += LEADING * 0.8

    def table(self, rows: list[list[str]]) -> None:
        widths = [300, 50, 65, 65]
        for row in rows:
            if self.y + 16 > BOTTOM:
                self.new_page()
            x = LEFT
            for w, cell in zip(widths, row, strict=True):
                rect = pymupdf.Rect(x, self.y, x + w, self.y + 16)
                self.page.draw_rect(rect, color=(0, 0, 0), width=0.5)
                while cell and _FONT.text_length(cell, 6.5) > w - 6:
                    cell = cell[:-1]
                self.page.insert_text((x + 3, self.y + 11), cell, fontname=FONT, fontsize=6.5)
                x += w
            self.layout.table_rows.append(row)
            self.y += 16
        self.y += LEADING


def build_pdf(text: str, path: Path, header: str | None = None, title: str | None = None) -> Layout:
    """Write `text` as a paginated PDF; annex-like lines after "En 000 EUR" become a ruled table."""
    layout = Layout()
    w = _Writer(header, layout)
    w.new_page()
    pending: list[list[str]] = []
    in_unit = False
    for para in source_paragraphs(text):
        in_unit = in_unit or para.strip().lower().startswith("en 000 eur")
        m = ROW.match(para) if in_unit else None
        if m and "%" not in para:
            pending.append([m.group("label"), m.group("date") or "", m.group("a"), m.group("b") or ""])
            continue
        if pending:
            w.table(pending)
            pending = []
        w.paragraph(para)
    if pending:
        w.table(pending)
    if title:
        w.doc.set_metadata({"title": title})
    w.doc.save(path)
    layout.page_count = w.doc.page_count
    return layout
