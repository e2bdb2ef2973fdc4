"""Sweep fusion settings (method, dense weight, RRF constant, candidate depth) on a question file.

Ingests the demo corpus with the configured model (once, into --data), then prints R@1, R@5
and MRR@10 for every setting, BM25-only and dense-only included:

    python bench/fusion_sweep.py --data /tmp/kb-sweep
    python bench/fusion_sweep.py --questions gold/questions.dev.jsonl --model e5
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class CachedQueries:
    """An embedder wrapper that encodes each query once across the sweep."""

    def __init__(self, emb) -> None:
        self.emb, self.name, self.dim = emb, emb.name, emb.dim
        self._one = lru_cache(maxsize=None)(lambda q: emb.encode_queries([q])[0])

    def encode_queries(self, texts):
        import numpy as np

        return np.stack([self._one(t) for t in texts])

    def encode_passages(self, texts, batch_size=16):
        return self.emb.encode_passages(texts, batch_size)


def metrics(retriever, questions, mode: str) -> tuple[float, float, float]:
    from search.evaluate import first_relevant

    ranks = [first_relevant(retriever.search(q["question"], 10, mode=mode), q["evidence"]) for q in questions]
    n = len(ranks)
    return (sum(r == 1 for r in ranks) / n, sum(1 for r in ranks if r and r <= 5) / n,
            sum(1 / r for r in ranks if r) / n)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("/tmp/kb-sweep"))
    ap.add_argument("--questions", type=Path, default=ROOT / "gold" / "questions.dev.jsonl")
    ap.add_argument("--model", default=os.environ.get("KB_EMBEDDING_MODEL", "e5"))
    ap.add_argument("--only", default="", help="Only the settings whose label contains this text.")
    args = ap.parse_args()
    from api.service import KnowledgeBase
    from api.settings import Settings
    from search.evaluate import load_questions
    from search.hybrid import Retriever

    kb = KnowledgeBase(Settings(data=args.data, embedding_model=args.model))
    kb.ingest([ROOT / "corpus"])
    kb.embed()
    questions = [q for q in load_questions(args.questions) if q.get("evidence")]
    emb = CachedQueries(kb.embedder())
    print("| setting | R@1 | R@5 | MRR@10 |\n|---|---|---|---|")
    for label, mode, params in settings():
        if args.only not in label and label not in ("BM25 only", "dense only"):
            continue
        r1, r5, mrr = metrics(Retriever(kb.store, emb, params), questions, mode)
        print(f"| {label} | {r1:.3f} | {r5:.3f} | {mrr:.3f} |", flush=True)


def settings():
    from search.hybrid import FusionParams

    yield "BM25 only", "bm25", FusionParams(w_type=0)
    yield "dense only", "dense", FusionParams(w_type=0)
    for w, k, depth in itertools.product((0.5, 0.75, 1.0, 1.5, 2.0), (10, 60), (20, 50, 100)):
        yield f"RRF w_dense={w} k={k} depth={depth}", "hybrid", FusionParams(depth=depth, w_dense=w, rrf_k=k, w_type=0)
    for w in (0.5, 1.0, 1.5, 2.0):
        yield f"score-sum w_dense={w} depth=50", "hybrid", FusionParams(w_dense=w, method="score", w_type=0)
    for t in (0.25, 0.5, 1.0, 1.5):
        yield f"RRF w_dense=1.5 k=60 depth=50 + answer type w_type={t}", "hybrid", FusionParams(w_type=t)
        yield f"BM25 + answer type w_type={t}", "bm25", FusionParams(w_type=t)


if __name__ == "__main__":
    main()
