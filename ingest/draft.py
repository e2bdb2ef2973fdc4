"""What a format reader returns: the canonical text plus what the format told us."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ingest.models import Span, Table


class HeadingHint(BaseModel):
    """A heading the format marks explicitly (markdown '#', HTML <h2>, bold PDF line)."""

    start: int
    end: int
    level: int
    text: str


class Draft(BaseModel):
    """A reader's output, before structure, passages and metadata are derived."""

    text: str
    pages: list[Span] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    headings: list[HeadingHint] = Field(default_factory=list)
    boilerplate: list[Span] = Field(default_factory=list)
    title: str | None = None
    date: str | None = None
    author: str | None = None
    fmt: str = "text"
    meta: dict = Field(default_factory=dict)


class ReadError(Exception):
    """A file that cannot be read; the message is one sentence for the user."""
