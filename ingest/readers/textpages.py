"""Pages and page chrome in plain text extracted from a PDF (pdftotext and the like).

The text itself is never rewritten: a form feed ends a page, so such a text gets page spans;
page-number lines ("17", "- 3 -", "Page 3 / 25") and header or footer lines repeated at the top
or bottom of the pages become boilerplate spans, which keeps them out of passages and headings.
Without form feeds a page-number line is only recognised when it stands alone between blank lines
and the numbers rise through the text; such a text gets no pages, since where page 1 to 16 begin
cannot be known from two page numbers.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.models import Span

PAGE_LINE = re.compile(
    r"^[ \t]*(?:[-–—][ \t]*)?(?:(?:page|p\.|blz\.?|pagina|seite)[ \t]*)?(?P<n>\d{1,3})"
    r"(?:[ \t]*(?:/|sur|of|van|de|von)[ \t]*\d{1,4})?[ \t]*(?:[-–—][ \t]*)?$",
    re.I,
)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line of text[start:end], form feeds excluded."""
    out, pos = [], start
    for line in text[start:end].split("\n"):
        s, e = pos, pos + len(line)
        while s < e and text[s] == "\f":
            s += 1
        while e > s and text[e - 1] == "\f":
            e -= 1
        out.append((s, e))
        pos += len(line) + 1
    return out


def form_feed_pages(text: str) -> list[Span]:
    """One span per page when the text holds form feeds (a trailing empty page is dropped)."""
    if "\f" not in text:
        return []
    pages, start = [], 0
    for m in re.finditer("\f", text):
        pages.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        pages.append((start, len(text)))
    else:
        pages[-1] = (pages[-1][0], len(text))
    return [Span(start=s, end=e, page=i) for i, (s, e) in enumerate(pages, start=1)]


def _key(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.lower())).strip()


def _edge_lines(text: str, page: Span) -> list[tuple[int, int]]:
    """The first two and last two non-blank lines of a page."""
    lines = [(s, e) for s, e in _lines(text, page.start, page.end) if text[s:e].strip()]
    return lines[:2] + lines[-2:] if len(lines) > 4 else lines


def paged_chrome(text: str, pages: list[Span]) -> list[Span]:
    """Page-number lines and repeated header/footer lines at the edges of form-feed pages."""
    edges = [_edge_lines(text, p) for p in pages]
    counts = Counter(k for lines in edges for k in {_key(text[s:e]) for s, e in lines})
    need = max(2, round(0.4 * len(pages)))
    spans = []
    for lines in edges:
        for s, e in lines:
            line = text[s:e]
            if PAGE_LINE.match(line) or (counts[_key(line)] >= need and len(pages) >= 3):
                spans.append(Span(start=s, end=e))
    return sorted(spans, key=lambda sp: sp.start)


def loose_page_numbers(text: str) -> list[Span]:
    """Page-number lines standing alone between blank lines, their numbers rising."""
    lines = _lines(text, 0, len(text))
    spans, last = [], 0
    for i, (s, e) in enumerate(lines):
        m = PAGE_LINE.match(text[s:e])
        if not m or not text[s:e].strip():
            continue
        above = i == 0 or not text[lines[i - 1][0] : lines[i - 1][1]].strip()
        below = i + 1 == len(lines) or not text[lines[i + 1][0] : lines[i + 1][1]].strip()
        n = int(m.group("n"))
        if above and below and n > last:
            spans.append(Span(start=s, end=e))
            last = n
    return spans


def text_pages(text: str) -> tuple[list[Span], list[Span]]:
    """(pages, chrome spans) of a plain text."""
    pages = form_feed_pages(text)
    if len(pages) >= 2:
        return pages, paged_chrome(text, pages)
    return [], loose_page_numbers(text)
