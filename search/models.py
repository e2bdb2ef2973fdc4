"""Typed results of search and ask: Hit, Citation, Answer, and the filters they take."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from extract.models import Record
from ingest.models import SectionRef


class Filters(BaseModel):
    """Restrictions applied to every candidate passage."""

    doc_type: str | None = None
    lang: str | None = None
    since: str | None = None
    until: str | None = None
    doc_id: str | None = None

    def active(self) -> bool:
        """Whether any restriction is set."""
        return any(v is not None for v in self.model_dump().values())


class Hit(BaseModel):
    """A retrieved passage; `text` equals its document's text[start:end]."""

    rank: int
    score: float
    doc_id: str
    title: str
    doc_type: str
    source: str
    date: str | None = None
    section: SectionRef = Field(default_factory=SectionRef)
    page: int | None = None
    start: int
    end: int
    text: str
    passage_id: int = Field(default=0, exclude=True)
    kind: str = Field(default="text", exclude=True)
    lang: str = Field(default="fr", exclude=True)
    dense: float | None = Field(default=None, exclude=True)


class Citation(Hit):
    """A hit narrowed to the quoted span that supports the answer."""

    quote: str


class SearchResult(BaseModel):
    """What `kb search` and GET /search return."""

    query: str
    results: list[Hit]


ReasonCode = Literal["not_found", "constraint_unmet", "low_confidence"]


class Answer(BaseModel):
    """What `kb ask` and POST /ask return: the answer is null when the corpus does not hold it,
    and then `reason_code` and `reason` say why."""

    question: str
    answer: str | None
    value: Any = None
    unit: str | None = None
    confidence: float = 0.0
    reason_code: ReasonCode | None = None
    reason: str | None = None
    citations: list[Citation] = Field(default_factory=list)
    records: list[Record] = Field(default_factory=list)
    features: dict[str, float] | None = Field(default=None, exclude=True)  # what `confidence` came from
