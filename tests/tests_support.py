"""Helpers shared by tests (importable as `tests_support`; conftest holds the fixtures)."""

from __future__ import annotations

from pathlib import Path


def make_kb(data: Path, model: str = "none", models: Path | None = None, **settings):
    """A KnowledgeBase over `data` with the given embedding model ('none' = BM25 only)."""
    from api.service import KnowledgeBase
    from api.settings import Settings

    return KnowledgeBase(Settings(data=data, embedding_model=model, models=models, **settings))


def doc_of(text: str, name: str = "snippet.txt", date: str | None = None):
    """A Document parsed from a text snippet (for extractor tests)."""
    import hashlib

    from ingest.draft import Draft
    from ingest.pipeline import IngestLimits, assemble

    draft = Draft(text=text, date=date)
    return assemble(draft, Path(name), hashlib.sha256(text.encode()).hexdigest(), IngestLimits())


def records_of(text: str, type_: str | None = None, date: str | None = None):
    """Records extracted from a snippet, optionally of one type."""
    from extract import extract_document

    recs = extract_document(doc_of(text, date=date))
    return [r for r in recs if type_ is None or r.type == type_]
