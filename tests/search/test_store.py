"""The SQLite store: one transaction per document, atomic replacement, vectors by model."""

from pathlib import Path

import numpy as np
import pytest

from extract.models import Record
from ingest.pipeline import parse_file
from search.store import Store, record_keys


@pytest.fixture()
def store(tmp_path) -> Store:
    return Store(tmp_path / "kb.sqlite")


@pytest.fixture(scope="module")
def letter(corpus_dir):
    return parse_file(corpus_dir / "lettre-2021-taskforces-soins-pertinents.txt")


def _counts(store: Store) -> dict:
    db = store.db
    return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("documents", "passages", "passages_fts", "records", "sections", "vectors")}


def _record(doc, start=0, end=5) -> Record:
    return Record(id=Record.make_id(doc.doc_id, "code", start, end), doc_id=doc.doc_id, type="code",
                  value="565235", text=doc.text[start:end], start=start, end=end)


def test_document_round_trip(store, letter):
    store.put_document(letter, [_record(letter)])
    loaded = store.load_document(letter.doc_id)
    assert loaded.text == letter.text
    assert [s.number for s in loaded.sections] == [s.number for s in letter.sections]
    assert _counts(store)["passages"] == len(letter.passages) == _counts(store)["passages_fts"]
    assert store.records_by_key("565235")[0].doc_id == letter.doc_id


def test_replacing_a_document_leaves_no_orphans(store, letter):
    store.put_document(letter, [_record(letter)])
    pids = [r[0] for r in store.db.execute("SELECT pid FROM passages")]
    store.put_vectors("m", pids, np.ones((len(pids), 4), dtype=np.float32))
    changed = letter.model_copy(update={"doc_id": "other-version"})
    store.put_document(changed, [], replaces=[letter.doc_id])
    counts = _counts(store)
    assert counts["documents"] == 1 and counts["records"] == 0 and counts["vectors"] == 0
    assert counts["passages"] == counts["passages_fts"] == len(letter.passages)


def test_failed_write_leaves_nothing_behind(store, letter):
    bad = [_record(letter), _record(letter).model_copy(update={"value": object()})]
    with pytest.raises(TypeError):
        store.put_document(letter, bad)
    assert _counts(store) == {k: 0 for k in _counts(store)}


def test_generation_changes_on_every_write(store, letter):
    g0 = store.generation()
    store.put_document(letter, [])
    assert store.generation() > g0


def test_vectors_are_kept_per_model(store, letter):
    store.put_document(letter, [])
    pids = [r[0] for r in store.db.execute("SELECT pid FROM passages")]
    store.put_vectors("model-a", pids[:2], np.eye(2, 3, dtype=np.float32))
    assert store.vector_count("model-a") == 2
    assert len(store.passages_without_vectors("model-a", 100)) == len(pids) - 2
    assert store.drop_vectors_except("model-b") == 2
    ids, mat = store.load_vectors("model-a")
    assert len(ids) == 0 and mat.shape[0] == 0


@pytest.mark.parametrize(
    "type_, value, keys",
    [
        ("tariff_row", {"code_amb": "565235", "code_hos": "565246"}, ["565235", "565246"]),
        ("code_range", {"from": "458673", "to": "458684"}, [str(c) for c in range(458673, 458685)]),
        ("code", "597726", ["597726"]),
        ("amount", 12.5, []),
    ],
)
def test_record_keys(type_, value, keys):
    rec = Record(id="x", doc_id="d", type=type_, value=value, text="t", start=0, end=1)
    assert record_keys(rec) == keys


def test_store_file_lives_where_asked(tmp_path):
    Store(tmp_path / "sub" / "kb.sqlite")
    assert (Path(tmp_path) / "sub" / "kb.sqlite").exists()


def test_index_of_another_analyser_version_is_rebuilt(tmp_path, letter):
    path = tmp_path / "kb.sqlite"
    store = Store(path)
    store.put_document(letter, [])
    terms = ["taskforc"]
    before = store.bm25(terms, 5)
    assert before
    with store.tx() as db:  # an index from another analyser: other terms, other version
        db.execute("UPDATE passages_fts SET body = 'zzz', ctx = 'zzz'")
        db.execute("UPDATE meta SET value = 'old' WHERE key = 'analyser'")
    assert store.bm25(terms, 5) == []
    store.close()
    reopened = Store(path)
    from search.analysis import ANALYSER_VERSION
    assert reopened.analyser_version() == ANALYSER_VERSION
    assert reopened.bm25(terms, 5) == before
