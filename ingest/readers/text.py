"""Reader for plain text and markdown files (.txt, .md)."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.boilerplate import markdown_boilerplate
from ingest.draft import Draft, HeadingHint, ReadError
from ingest.readers.textpages import text_pages

_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.M)
_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*[ \t]*$", re.M)


def decode(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8/UTF-16 (BOM-aware) or Windows-1252, rejecting binary junk."""
    if not data.strip():
        raise ReadError(f"{name} is empty.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif _looks_utf16(data):
        text = data.decode("utf-16-le" if data[1] == 0 else "utf-16-be", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if _is_binary(text):
        raise ReadError(f"{name} does not look like text (binary content).")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_utf16(data: bytes) -> bool:
    sample = data[:2000]
    zeros = sample.count(0)
    return len(sample) >= 4 and zeros > len(sample) * 0.3 and (sample[1] == 0 or sample[0] == 0)


def _is_binary(text: str) -> bool:
    sample = text[:20000]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\t\r\f\v") or c == "\ufffd")
    return bad > max(8, len(sample) * 0.02)


def read_text(path: Path, data: bytes) -> Draft:
    """Read a .txt file: the canonical text is the decoded file; form feeds make pages, and page
    numbers or running headers of a text extracted from a PDF are marked as boilerplate."""
    text = decode(data, path.name)
    pages, chrome = text_pages(text)
    return Draft(text=text, pages=pages, boilerplate=chrome, fmt="text")


def read_markdown(path: Path, data: bytes) -> Draft:
    """Read a .md file: headings from '#' lines, web-page chrome marked as boilerplate."""
    text = decode(data, path.name)
    headings = [
        HeadingHint(start=m.start(), end=m.end(), level=len(m.group(1)), text=_clean(m.group(2)))
        for m in _MD_HEADING.finditer(text)
    ]
    bold = [
        HeadingHint(start=m.start(), end=m.end(), level=6, text=_clean(m.group(1)))
        for m in _BOLD_LINE.finditer(text)
        if 3 <= len(m.group(1)) <= 300
    ]
    title, boiler = markdown_boilerplate(text, headings)
    meta = {"web_page": True} if boiler else {}
    return Draft(text=text, headings=headings + bold, boilerplate=boiler, title=title, fmt="markdown", meta=meta)


def _clean(s: str) -> str:
    s = re.sub(r"<[^>]+>", "", s)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    return re.sub(r"[*_`]+", "", s).strip()
