"""Record: one normalised fact found in a document, with its exact span."""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, Field

from ingest.models import SectionRef

RecordType = Literal[
    "amount", "percent", "date", "code", "code_range", "legal_ref", "obligation", "tariff_row"
]
RECORD_TYPES: tuple[str, ...] = (
    "amount", "percent", "date", "code", "code_range", "legal_ref", "obligation", "tariff_row",
)


class Record(BaseModel):
    """A normalised value with provenance: `text` equals the document's text[start:end]."""

    id: str
    doc_id: str
    type: RecordType
    value: Any
    unit: str | None = None
    text: str
    start: int
    end: int
    page: int | None = None
    section: SectionRef | None = None
    extra: dict[str, Any] = Field(default_factory=dict)

    @staticmethod
    def make_id(doc_id: str, type_: str, start: int, end: int, part: str = "") -> str:
        """A stable id from the document, the type and the span (and which of the span's records:
        a duty of two actors is two records of one sentence)."""
        raw = f"{doc_id}:{type_}:{start}:{end}{':' + part if part else ''}".encode()
        return hashlib.sha1(raw).hexdigest()[:16]
