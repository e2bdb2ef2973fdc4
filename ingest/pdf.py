"""Reader for PDF files, page by page with pymupdf, keeping 1-based page numbers."""

from __future__ import annotations

import os
from pathlib import Path

from ingest.draft import Draft, ReadError
from ingest.models import Span

os.environ.setdefault("PYMUPDF_LAYOUT", "0")


def read_pdf(path: Path, data: bytes, max_pages: int = 2000) -> Draft:
    """The text of every page, pages separated by a blank line, with page spans."""
    import pymupdf

    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # pymupdf raises its own types for broken files
        raise ReadError(f"{path.name} is not a readable PDF ({exc}).") from exc
    if doc.needs_pass:
        raise ReadError(f"{path.name} is encrypted and needs a password.")
    if doc.page_count > max_pages:
        raise ReadError(f"{path.name} has {doc.page_count} pages, more than the limit of {max_pages}.")
    parts: list[str] = []
    pages: list[Span] = []
    pos = 0
    for number, page in enumerate(doc, start=1):
        text = page.get_text("text").replace("\r\n", "\n").rstrip() + "\n"
        pages.append(Span(start=pos, end=pos + len(text), page=number))
        parts.append(text)
        pos += len(text) + 1
        parts.append("\n")
    text = "".join(parts)
    if not text.strip():
        raise ReadError(f"{path.name} has no text layer (a scanned PDF needs OCR first).")
    return Draft(text=text, pages=pages, fmt="pdf")
