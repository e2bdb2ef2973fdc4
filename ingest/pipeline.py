"""parse_file(path) -> Document: reader, structure, tables, passages and metadata."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ingest.draft import Draft, ReadError
from ingest.metadata import (
    body_text,
    doc_date,
    document_dates,
    guess_doc_type,
    guess_lang,
    guess_title,
    valid_from,
)
from ingest.models import Document, Section, Table
from ingest.passages import PassageLimits, build_passages
from ingest.readers import FORMATS, reader_for
from ingest.readers.pdf import read_pdf
from ingest.structure import build_sections
from ingest.tables import find_tab_tables
from ingest.text import TEXT_VERSION

# Bump when parsing changes, so re-ingesting an unchanged file re-parses it; it carries the text
# module's version, since sentences, folding and dates shape passages and metadata.
PARSER_VERSION = f"7+text{TEXT_VERSION}"


@dataclass(frozen=True)
class IngestLimits:
    """Bounds on what one file may be."""

    max_bytes: int = 100 * 1024 * 1024
    max_pages: int = 2000
    passages: PassageLimits = PassageLimits()


def supported(path: Path) -> bool:
    """Whether a reader exists for this file's extension."""
    return reader_for(path) is not None


def sha256_bytes(data: bytes) -> str:
    """Hex sha256 of the file's bytes: the content identity of a document."""
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path, limits: IngestLimits) -> bytes:
    """The file's bytes, or a ReadError when it is missing, unsupported or too large."""
    if not path.is_file():
        raise ReadError(f"{path} is not a file.")
    if not supported(path):
        raise ReadError(f"{path.name} has an unsupported extension ({path.suffix or 'none'}).")
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise ReadError(f"{path.name} is {size / 1e6:.0f} MB, over the limit of {limits.max_bytes / 1e6:.0f} MB.")
    data = path.read_bytes()
    if not data.strip():
        raise ReadError(f"{path.name} is empty.")
    return data


def parse_file(path: Path, data: bytes | None = None, limits: IngestLimits | None = None) -> Document:
    """Parse one file into a Document; raises ReadError with a one-sentence reason."""
    limits = limits or IngestLimits()
    data = read_bytes(path, limits) if data is None else data
    reader = reader_for(path)
    if reader is None:
        raise ReadError(f"{path.name} has an unsupported extension ({path.suffix or 'none'}).")
    draft = read_pdf(path, data, limits.max_pages) if reader is read_pdf else reader(path, data)
    return assemble(draft, path, sha256_bytes(data), limits)


def assemble(draft: Draft, path: Path, sha: str, limits: IngestLimits) -> Document:
    """Derive sections, tables, passages and metadata from a reader's draft."""
    text = draft.text
    body = body_text(text, draft.boilerplate)
    title = guess_title(draft, body, path)
    sections = build_sections(text, draft.headings, draft.boilerplate, title)
    tables = _place_tables(draft.tables + _text_tables(draft), sections, text)
    doc_type = guess_doc_type(draft, title, body)
    dates = document_dates(draft, title, body, doc_type)
    doc = Document(
        doc_id=sha[:16],
        source=str(path),
        sha256=sha,
        title=title,
        doc_type=doc_type,  # type: ignore[arg-type]
        lang=guess_lang(body),  # type: ignore[arg-type]
        date=doc_date(dates),
        valid_from=valid_from(dates),
        dates=dates,
        text=text,
        pages=draft.pages,
        sections=sections,
        tables=tables,
        boilerplate=draft.boilerplate,
        meta={"format": draft.fmt, "author": draft.author, "parser": PARSER_VERSION, **draft.meta},
    )
    doc.passages = build_passages(text, sections, tables, draft.boilerplate, title, limits.passages)
    _set_pages(doc)
    return doc


def _text_tables(draft: Draft) -> list[Table]:
    if draft.fmt not in ("text", "markdown", "html", "pdf", "xlsx"):
        return []
    found = find_tab_tables(draft.text)
    skip = [(b.start, b.end) for b in draft.boilerplate] + [(t.start, t.end) for t in draft.tables]
    return [t for t in found if not any(s <= t.start < e or t.start <= s < t.end for s, e in skip)]


def _place_tables(tables: list[Table], sections: list[Section], text: str) -> list[Table]:
    """Number tables in text order and attach each to its section and heading."""
    tables = sorted(tables, key=lambda t: t.start)
    for i, table in enumerate(tables):
        table.id = i
        holder = _deepest(sections, table.start)
        if holder is not None:
            table.section = holder.id
            table.heading = table.heading or holder.heading
    return tables


def _deepest(sections: list[Section], offset: int) -> Section | None:
    best = None
    for sec in sections:
        if sec.start <= offset < sec.end and (best is None or sec.level >= best.level):
            best = sec
    return best


def _set_pages(doc: Document) -> None:
    if not doc.pages:
        return
    for sec in doc.sections:
        sec.page = doc.page_at(sec.start)
    for table in doc.tables:
        table.page = doc.page_at(table.start)
        for row in table.rows:
            row.page = doc.page_at(row.start)
    for passage in doc.passages:
        passage.page = doc.page_at(passage.start)


__all__ = ["IngestLimits", "ReadError", "parse_file", "supported", "PARSER_VERSION", "FORMATS"]
