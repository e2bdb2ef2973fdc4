"""Reader for web pages (.html, .htm): the article body only, via trafilatura.

trafilatura finds the main content (no navigation, sidebars, teasers, comment forms, footers)
and its title, author and publication date. The canonical text is built from its XML tree:
headings become heading hints, paragraphs are separated by blank lines, list items start with
"- ", and tables become tab-separated rows read as Table objects. Paragraphs and boxes that
announce related content ("Lire aussi", "Ceci pourrait vous intéresser") are left out.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.draft import Draft, HeadingHint, ReadError, TextBuilder
from ingest.lexicon import ARTICLE_END_MARKERS
from ingest.readers.text import decode
from ingest.tables import table_from_spans
from ingest.text import fold

_MARKERS = tuple(fold(m) for m in ARTICLE_END_MARKERS)


def _text(elem) -> str:
    """An element's text with line breaks (<lb/>) kept and spaces collapsed."""
    parts = []
    for node in elem.iter():
        if node.tag == "lb":
            parts.append("\n")
        elif node.tag == "list" and node is not elem:
            break
        elif node.text:
            parts.append(node.text)
        if node is not elem and node.tail:
            parts.append(node.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _is_teaser(text: str) -> bool:
    return fold(text).lstrip(" -•*").startswith(_MARKERS)


class _Builder(TextBuilder):
    def __init__(self) -> None:
        super().__init__()
        self.table_spans: list[list[tuple[int, int]]] = []

    def heading(self, elem, title: str | None) -> None:
        """A heading; the page title opening the article is text, not a section."""
        text = " ".join(_text(elem).split())
        if text:
            level = int(m.group(1)) if (m := re.match(r"h(\d)", elem.get("rend", ""))) else 2
            start = self.block(text)
            if not (start == 0 and title and text.lower() == title.strip().lower()):
                self.headings.append(HeadingHint(start=start, end=self.pos, level=level, text=text))

    def items(self, elem, depth: int = 0) -> list[str]:
        out = []
        for item in elem.findall("item"):
            text = " ".join(_text(item).split())
            if text:
                out.append("  " * depth + "- " + text)
            for sub in item.findall("list"):
                out += self.items(sub, depth + 1)
        return out

    def table(self, elem) -> None:
        rows = [[" ".join(_text(c).split()) for c in row.findall("cell")] for row in elem.findall("row")]
        rows = [r for r in rows if any(r)]
        if not rows:
            return
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            self.block(" ".join(c for r in rows for c in r if c))
            return
        start = self.block("\n".join("\t".join(r) for r in rows))
        spans, pos = [], start
        for r in rows:
            line = "\t".join(r)
            spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        self.table_spans.append(spans)


def _walk(main, b: _Builder, title: str | None) -> None:
    """Blocks of the article; a heading announcing teasers or comments drops what follows it up
    to the next heading."""
    skipping = False
    for elem in main:
        if elem.tag == "head":
            skipping = _is_teaser(_text(elem))
            if not skipping:
                b.heading(elem, title)
            continue
        if skipping:
            continue
        if elem.tag == "list":
            lines = b.items(elem)
            if lines:
                b.block("\n".join(lines))
        elif elem.tag == "table":
            b.table(elem)
        elif elem.tag in ("p", "quote", "code"):
            text = _text(elem)
            if text and not _is_teaser(text):
                b.block(text)


def read_html(path: Path, data: bytes) -> Draft:
    """Extract the main article (no navigation, sidebars, teasers) with its title, date and author."""
    import trafilatura
    from lxml import etree

    html = decode(data, path.name)
    xml = trafilatura.extract(
        html, output_format="xml", include_tables=True, include_comments=False, include_links=False,
        include_images=False, include_formatting=True, favor_precision=True, with_metadata=True,
    )
    if not xml:
        raise ReadError(f"{path.name} holds no readable article text.")
    root = etree.fromstring(xml.encode("utf-8"))
    b = _Builder()
    _walk(root.find("main"), b, root.get("title"))
    text = b.text()
    if not text.strip():
        raise ReadError(f"{path.name} holds no readable article text.")
    tables = [table_from_spans(text, spans) for spans in b.table_spans]
    return Draft(text=text, headings=b.headings, tables=tables, title=root.get("title") or None,
                 date=root.get("date") or None, author=root.get("author") or None, fmt="html",
                 meta={"web_page": True})
