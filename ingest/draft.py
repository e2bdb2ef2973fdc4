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


class TextBuilder:
    """Builds a canonical text block by block (blank line between blocks), tracking offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.headings: list[HeadingHint] = []

    def block(self, text: str) -> int:
        """Append a block; its start offset."""
        if self.parts:
            self.parts.append("\n\n")
            self.pos += 2
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return start

    def text(self) -> str:
        return "".join(self.parts)


class ReadError(Exception):
    """A file that cannot be read; the message is one sentence for the user."""
