"""extract: normalised records (amounts, percents, dates, codes, ...) from documents."""

from __future__ import annotations

from extract.models import RECORD_TYPES, Record
from ingest.models import Document


def extract_document(doc: Document) -> list[Record]:
    """All records of a document, in text order (placeholder until the extractors land)."""
    return []


__all__ = ["RECORD_TYPES", "Record", "extract_document"]
