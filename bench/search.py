"""Latency of GET /search and POST /ask over HTTP, hybrid and BM25-only, with the server's peak memory.

Two corpora: the demo corpus (ingested and embedded with the configured model) and a
synthetic corpus of --passages passages generated from the demo corpus' vocabulary. The
synthetic corpus gets random unit vectors instead of model vectors (embedding 100k passages on
2 CPU cores takes hours; search latency does not depend on what the vectors hold), while
queries are still encoded by the real model.

    python bench/search.py                      # demo corpus + 100k synthetic passages
    python bench/search.py --passages 20000     # a smaller synthetic corpus
    python bench/search.py --skip-synthetic     # demo corpus only
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data: Path, model: str, models: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "KB_EMBEDDING_MODEL": model, "KB_MODELS": str(models), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--data", str(data), "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            return proc, base
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not start")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(fn, items: list[str]) -> list[float]:
    out = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - t) * 1000)
    return out


def measure(base: str, queries: list[str]) -> dict[str, list[float]]:
    def search(q: str) -> None:
        urllib.request.urlopen(f"{base}/search?" + urllib.parse.urlencode({"q": q, "k": 10}), timeout=120).read()

    def ask(q: str) -> None:
        req = urllib.request.Request(f"{base}/ask", data=json.dumps({"question": q}).encode(),
                                     headers={"Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=120).read()

    search(queries[0])  # warm-up: loads the model and the index
    ask(queries[0])
    return {"search": timed(search, queries), "ask": timed(ask, queries)}


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100)[int(p) - 1] if len(values) > 1 else values[0]


def synthetic_corpus(data: Path, n_passages: int, model_name: str | None, dim: int, seed: int = 7) -> None:
    """Write n_passages synthetic passages (and random unit vectors for `model_name`) into `data`."""
    import numpy as np

    from api.service import KnowledgeBase
    from api.settings import Settings
    from ingest.pipeline import parse_file

    rng = random.Random(seed)
    vocab = re.findall(r"[^\W\d_]{3,}|\d[\d.,]*", " ".join(p.read_text() for p in (ROOT / "corpus").iterdir()
                                                          if p.suffix in (".txt", ".md")))
    kb = KnowledgeBase(Settings(data=data, embedding_model="none"))
    per_doc, made = 200, 0
    tmp = Path(tempfile.mkdtemp())
    while made < n_passages:
        paras = []
        for i in range(min(per_doc, n_passages - made)):
            words = " ".join(rng.choice(vocab) for _ in range(rng.randint(40, 110)))
            paras.append(f"{i + 1}. {words.capitalize()}.")
        path = tmp / f"synthetic-{made:07d}.txt"
        path.write_text("\n\n".join(paras))
        doc = parse_file(path)
        kb.store.put_document(doc, [])
        made += len(doc.passages)
    if model_name:
        pids = [r[0] for r in kb.store.db.execute("SELECT pid FROM passages")]
        gen = np.random.default_rng(seed)
        for i in range(0, len(pids), 5000):
            chunk = pids[i : i + 5000]
            vecs = gen.standard_normal((len(chunk), dim)).astype("float32")
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
            kb.store.put_vectors(model_name, chunk, vecs)


def run_config(label: str, data: Path, model: str, models: Path, queries: list[str]) -> list[str]:
    proc, base = start_server(data, model, models)
    try:
        times = measure(base, queries)
        rss = peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    rows = []
    for endpoint, vals in times.items():
        rows.append(f"| {label} | {'hybrid' if model != 'none' else 'BM25 only'} | {endpoint} | "
                    f"{pct(vals, 50):.0f} | {pct(vals, 95):.0f} | {rss:.0f} |")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passages", type=int, default=100_000)
    ap.add_argument("--skip-synthetic", action="store_true")
    ap.add_argument("--model", default=os.environ.get("KB_EMBEDDING_MODEL", "e5"))
    args = ap.parse_args()
    from api.service import KnowledgeBase
    from api.settings import Settings

    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    models = Path(os.environ.get("KB_MODELS", work / "models"))
    queries = [json.loads(line)["question"] for line in (ROOT / "gold" / "questions.dev.jsonl").read_text().splitlines()]
    demo = work / "demo"
    kb = KnowledgeBase(Settings(data=demo, embedding_model=args.model, models=models))
    kb.ingest([ROOT / "corpus"])
    kb.embed()
    print("| corpus | retrieval | endpoint | p50 ms | p95 ms | server peak RSS MB |")
    print("|---|---|---|---|---|---|")
    for model in (args.model, "none"):
        print("\n".join(run_config(f"demo ({kb.health()['passages']} passages)", demo, model, models, queries)), flush=True)
    if args.skip_synthetic:
        return
    emb = kb.embedder()
    synth = work / "synthetic"
    t = time.perf_counter()
    synthetic_corpus(synth, args.passages, emb.name if emb else None, emb.dim if emb else 384)
    print(f"\n(synthetic corpus of {args.passages} passages written in {time.perf_counter() - t:.0f} s)\n", file=sys.stderr)
    for model in (args.model, "none"):
        print("\n".join(run_config(f"synthetic ({args.passages} passages)", synth, model, models, queries)), flush=True)


if __name__ == "__main__":
    main()
