"""Finding page chrome (navigation, teasers, comment forms) in web pages captured as markdown."""

from __future__ import annotations

import re

from ingest.draft import HeadingHint
from ingest.lexicon import ARTICLE_END_MARKERS
from ingest.models import Span
from ingest.text import find_dates

LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*\)")  # a markdown link (or image): its words, its target
_BULLET = re.compile(r"^[\s\-*•◦o□☐>]+")
_BREADCRUMB = re.compile(r"\]\([^)]*\)\s*>\s*")
_LABEL_WORDS = 4  # the longest label heading a list of links


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def is_link_line(line: str) -> bool:
    """A line made only of links, bullets and separators (a menu entry), or of a link and its
    date (a teaser: "- [Statut social 2025](#) – 16 décembre 2024")."""
    if "](" not in line:
        return False
    rest = _BULLET.sub("", LINK.sub("", line))
    for start, end, _ in reversed(find_dates(rest)):
        rest = rest[:start] + rest[end:]
    if _plain(rest).endswith(":") and _is_label(rest):  # "*Partager :* [LinkedIn](#) [E-mail](#)"
        return True
    return not re.search(r"[^\W\d_]{2,}", rest.replace(">", ""))


def _is_label(line: str) -> bool:
    """A short line that is no sentence ("**Dernières actualités**", "Lees ook:")."""
    plain = _plain(line)
    return 0 < len(plain.split()) <= _LABEL_WORDS and not re.search(r"[.!?;]$|\d", plain)


def _labels_of_links(lines: list[tuple[int, int, str]], lo: int, hi: int) -> list[int]:
    """Indexes of the labels heading a block of link lines ("**Documents liés**" above a list
    of links): chrome like the links they head."""
    out = []
    for i in range(lo, hi):
        line = lines[i][2]
        if not line.strip() or is_link_line(line) or not _is_label(line):
            continue
        after = next((j for j in range(i + 1, hi) if lines[j][2].strip()), None)
        if after is not None and is_link_line(lines[after][2]):
            out.append(i)
    return out


def _plain(line: str) -> str:
    s = LINK.sub(r"\1", line)
    s = re.sub(r"<[^>]+>|[*_#`\\]", "", s)
    return re.sub(r"\s+", " ", _BULLET.sub("", s)).strip()


def _breadcrumb_title(lines: list[tuple[int, int, str]]) -> str | None:
    for _, _, line in lines:
        if len(_BREADCRUMB.findall(line)) >= 2:
            tail = line.rsplit(">", 1)[-1]
            title = _plain(tail)
            if len(title.split()) >= 3:
                return title
    return None


def _title_line(lines, headings: list[HeadingHint]) -> tuple[int, str] | None:
    crumb = _breadcrumb_title(lines)
    if crumb:
        key = crumb.rstrip(" )").lower()
        for i, (_, _, line) in enumerate(lines):
            plain = _plain(line)
            if plain and plain.rstrip(" )").lower() == key and not is_link_line(line):
                return i, plain
    for h in headings:
        if len(h.text.split()) >= 4 and not h.text.startswith("["):
            idx = next(i for i, (s, e, _) in enumerate(lines) if s <= h.start <= e)
            return idx, h.text
    return None


def markdown_boilerplate(text: str, headings: list[HeadingHint]) -> tuple[str | None, list[Span]]:
    """Return (title, boilerplate spans) for a markdown capture of a web page.

    Only pages that look like captures (menus of links) get chrome removed;
    ordinary markdown documents come back untouched.
    """
    lines = _lines(text)
    link_lines = [ln for ln in lines if is_link_line(ln[2])]
    if len(link_lines) < 5:
        return None, []
    found = _title_line(lines, headings)
    spans: list[Span] = []
    start_idx = 0
    title = None
    if found:
        start_idx, title = found
        if lines[start_idx][0] > 0:
            spans.append(Span(start=0, end=lines[start_idx][0]))
    end_idx = _end_marker(lines, start_idx)
    labels = set(_labels_of_links(lines, start_idx, end_idx))
    for i, (s, e, line) in enumerate(lines[start_idx:end_idx], start_idx):
        if is_link_line(line) or i in labels:
            spans.append(Span(start=s, end=e))
    if end_idx < len(lines):
        spans.append(Span(start=lines[end_idx][0], end=len(text)))
    return title, spans


def _end_marker(lines, start_idx: int) -> int:
    for i in range(start_idx + 1, len(lines)):
        plain = _plain(lines[i][2]).lower()
        if plain and any(plain.startswith(m) for m in ARTICLE_END_MARKERS):
            return i
    return len(lines)
