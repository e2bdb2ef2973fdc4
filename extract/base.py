"""What every extractor receives (a Region of a document) and how it makes a Record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from extract.models import Record
from ingest.models import Document, SectionRef, Table


@dataclass
class Region:
    """A stretch of a document's text (a section's own text) with the tables that lie in it."""

    doc: Document
    start: int
    end: int
    section_id: int | None = None
    tables: list[Table] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.doc.text

    def slice(self) -> str:
        """The region's own text."""
        return self.doc.text[self.start : self.end]


def make_record(
    doc: Document,
    type_: str,
    value: Any,
    start: int,
    end: int,
    unit: str | None = None,
    extra: dict | None = None,
    part: str = "",
) -> Record:
    """A Record whose text is exactly doc.text[start:end], with its page and section (`part`
    tells apart records of one span)."""
    return Record(
        id=Record.make_id(doc.doc_id, type_, start, end, part),
        doc_id=doc.doc_id,
        type=type_,  # type: ignore[arg-type]
        value=value,
        unit=unit,
        text=doc.text[start:end],
        start=start,
        end=end,
        page=doc.page_at(start),
        section=SectionRef.of(doc.section_at(start)),
        extra=extra or {},
    )


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of `spans`."""
    return any(s <= start and end <= e for s, e in spans)


def touches(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans`."""
    return any(s < end and start < e for s, e in spans)


def alternation(words, escape: bool = True) -> str:
    """A regex alternation of words, longest first (so "millions" wins over "million")."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)

