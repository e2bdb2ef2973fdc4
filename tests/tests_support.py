"""Helpers shared by tests (importable as `tests_support`; conftest holds the fixtures)."""

from __future__ import annotations

from pathlib import Path


def make_kb(data: Path, model: str = "none", models: Path | None = None, **settings):
    """A KnowledgeBase over `data` with the given embedding model ('none' = BM25 only)."""
    from api.service import KnowledgeBase
    from api.settings import Settings

    return KnowledgeBase(Settings(data=data, embedding_model=model, models=models, **settings))
