"""Shared fixtures: the demo corpus, and knowledge bases built from it once per session."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from tests_support import make_kb

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "gold"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def dev_questions() -> list[dict]:
    return [json.loads(line) for line in (GOLD / "questions.dev.jsonl").read_text().splitlines() if line.strip()]


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory) -> Path:
    """One model cache for the whole session (KB_TEST_MODELS reuses a cache across runs)."""
    cached = os.environ.get("KB_TEST_MODELS")
    return Path(cached) if cached else tmp_path_factory.mktemp("models")


@pytest.fixture(scope="session")
def kb_lexical(tmp_path_factory):
    """The corpus ingested with BM25 only (no dense model): fast, for most tests."""
    kb = make_kb(tmp_path_factory.mktemp("kb-lexical"))
    reports = kb.ingest([CORPUS])
    assert all(r.status == "new" for r in reports), reports
    return kb


@pytest.fixture(scope="session")
def kb_dense(tmp_path_factory, models_dir):
    """The corpus ingested and embedded with the default model (multilingual-e5-small)."""
    kb = make_kb(tmp_path_factory.mktemp("kb-dense"), "e5", models_dir)
    kb.ingest([CORPUS])
    kb.embed()
    return kb


@pytest.fixture(scope="session")
def kb_folds(tmp_path_factory, models_dir):
    """The corpus and the evaluation fixtures (gold/documents), embedded: the store of the folds."""
    kb = make_kb(tmp_path_factory.mktemp("kb-folds"), "e5", models_dir)
    kb.ingest([CORPUS, GOLD / "documents"])
    kb.embed()
    return kb


@pytest.fixture(scope="session")
def accord_id(kb_lexical) -> str:
    return next(d["doc_id"] for d in kb_lexical.documents() if d["doc_type"] == "accord")
