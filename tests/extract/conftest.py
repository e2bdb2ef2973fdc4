"""Fixtures of the extraction tests: each corpus document parsed and extracted once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import extract_document
from extract.evaluate import evaluate
from ingest.pipeline import parse_file

GOLD = Path(__file__).resolve().parents[2] / "gold" / "extraction.dev.jsonl"


@pytest.fixture(scope="session")
def corpus_records(corpus_dir):
    """{file name: (Document, records)} for every corpus document."""
    out = {}
    for path in sorted(corpus_dir.glob("*.*")):
        if not path.name.lower().startswith("readme"):
            doc = parse_file(path)
            out[path.name] = (doc, extract_document(doc))
    return out


@pytest.fixture(scope="session")
def gold_report(corpus_records):
    """The evaluation of the corpus records against the dev gold file."""
    return evaluate(corpus_records, GOLD)
