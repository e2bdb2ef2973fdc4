"""Reader for web pages (.html, .htm): the article body only, via trafilatura."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.draft import Draft, ReadError
from ingest.text import decode


def read_html(path: Path, data: bytes) -> Draft:
    """Extract the main article (no navigation, sidebars, teasers) with its title, date and author."""
    import trafilatura

    html = decode(data, path.name)
    doc = trafilatura.bare_extraction(
        html,
        include_tables=True,
        include_comments=False,
        include_links=False,
        favor_precision=True,
        with_metadata=True,
        output_format="python",
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ReadError(f"{path.name} holds no readable article text.")
    text = pipe_rows_to_tabs(text)
    title = getattr(doc, "title", None)
    date = getattr(doc, "date", None)
    author = getattr(doc, "author", None)
    return Draft(text=text, title=title, date=date, author=author, fmt="html")


_PIPE_ROW = re.compile(r"^\|(.*)\|\s*$", re.M)


def pipe_rows_to_tabs(text: str) -> str:
    """Table rows written as "| a | b |" become tab-separated rows, like every other table."""
    def row(m: re.Match) -> str:
        cells = [c.strip() for c in m.group(1).split("|")]
        return "\t".join(cells)

    return _PIPE_ROW.sub(row, text)
