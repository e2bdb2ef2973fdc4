"""One reader per format behind one interface: `Reader(path, data) -> Draft`.

FORMATS is the one table of supported extensions; a new format is one reader and one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.draft import Draft
from ingest.readers.html import read_html
from ingest.readers.pdf import read_pdf
from ingest.readers.text import read_markdown, read_text
from ingest.readers.xlsx import read_xlsx

Reader = Callable[[Path, bytes], Draft]

FORMATS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".xlsx": read_xlsx,
}


def reader_for(path: Path) -> Reader | None:
    """The reader of a file's format, by extension (None when unsupported)."""
    return FORMATS.get(path.suffix.lower())
