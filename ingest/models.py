"""Typed models produced by ingestion: Document, Section, Table, Passage.

Every offset (`start`, `end`) is a character offset into `Document.text`, and
`text[start:end]` is exactly the span it describes.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

DocType = Literal["accord", "convention", "circular", "news", "letter", "law", "page", "other"]
Lang = Literal["fr", "nl", "en", "de"]
DOC_TYPES: tuple[str, ...] = ("accord", "convention", "circular", "news", "letter", "law", "page", "other")


DateRole = Literal["signed", "concluded", "published", "valid_from", "valid_until", "period"]


class DocDate(BaseModel):
    """A date a document gives of itself: when it was signed, concluded or published, from and
    until when it applies, or the period it covers ("2024/2025"). Offsets are None when the date
    comes from the file's metadata rather than its text."""

    role: DateRole
    value: str
    start: int | None = None
    end: int | None = None


class Span(BaseModel):
    """A character range of the canonical text, with its (1-based) page if any."""

    start: int
    end: int
    page: int | None = None


class Section(BaseModel):
    """A node of the section tree: a numbered or titled heading and its body.

    `number` is the full hierarchical number ("5.2.3.1", "N.1", "5.1.1.A") or
    None for an unnumbered heading; `path` joins the labels of the ancestors
    and the section itself with " > ".
    """

    id: int
    parent: int | None = None
    number: str | None = None
    heading: str
    level: int
    path: str
    start: int
    end: int
    page: int | None = None


class SectionRef(BaseModel):
    """How a hit or record names its section."""

    number: str | None = None
    heading: str | None = None
    path: str = ""

    @classmethod
    def of(cls, section: Section | None) -> SectionRef | None:
        """The reference of `section`, or None."""
        if section is None:
            return None
        return cls(number=section.number, heading=section.heading, path=section.path)


class TableRow(BaseModel):
    """One row of a table: its cells as text, and its span in the canonical text."""

    cells: list[str]
    start: int
    end: int
    page: int | None = None


class Table(BaseModel):
    """A table kept as rows; `header` holds the column labels (merged header rows)."""

    id: int
    section: int | None = None
    heading: str = ""
    header: list[str] = Field(default_factory=list)
    unit: str | None = None
    rows: list[TableRow] = Field(default_factory=list)
    start: int
    end: int
    page: int | None = None


class Passage(BaseModel):
    """A retrievable unit of text that never crosses a section boundary.

    `text` equals `Document.text[start:end]`; `context` (title, section path,
    table heading and header) is indexed with it but is not part of the quote.
    """

    id: int
    section: int | None = None
    kind: Literal["text", "table_row", "table"] = "text"
    table: int | None = None
    start: int
    end: int
    page: int | None = None
    text: str
    context: str = ""


class Document(BaseModel):
    """A parsed source file: one canonical text plus its structure and metadata."""

    doc_id: str
    source: str
    sha256: str
    title: str
    doc_type: DocType = "other"
    lang: Lang = "fr"
    date: str | None = None
    valid_from: str | None = None
    dates: list[DocDate] = Field(default_factory=list)  # every date it gives of itself, by preference
    text: str
    pages: list[Span] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list)
    boilerplate: list[Span] = Field(default_factory=list)
    meta: dict = Field(default_factory=dict)

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding `offset`, or None when the source has no pages."""
        for span in self.pages:
            if span.start <= offset < span.end:
                return span.page
        return self.pages[-1].page if self.pages and offset >= self.pages[-1].start else None

    def section_at(self, offset: int) -> Section | None:
        """The deepest section whose span holds `offset`."""
        best: Section | None = None
        for sec in self.sections:
            if sec.start <= offset < sec.end and (best is None or sec.level >= best.level):
                best = sec
        return best
