"""Retrieval and answer evaluation on a question file (the format of gold/questions.dev.jsonl).

A hit is a returned passage that contains an evidence string, whitespace-normalised.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel, Field

from ingest.jsonl import read_jsonl
from search.answer import Answerer
from search.hybrid import Retriever
from search.models import Answer, Hit

_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    """Whitespace-normalised text for evidence matching."""
    return _WS.sub(" ", text).strip()


def load_questions(path: Path) -> list[dict]:
    """Questions from a JSON-lines file; a clear error names the bad line."""
    return read_jsonl(path, ("question",))


def first_relevant(hits: list[Hit], evidence: list[str]) -> int | None:
    """1-based rank of the first hit containing any evidence string, or None."""
    ev = [norm(e) for e in evidence if e.strip()]
    for hit in hits:
        text = norm(hit.text)
        if any(e in text for e in ev):
            return hit.rank
    return None


class Bucket(BaseModel):
    """Retrieval metrics over a group of questions."""

    n: int = 0
    r1: float = 0.0
    r5: float = 0.0
    mrr10: float = 0.0
    bm25_r5: float | None = None
    bm25_mrr10: float | None = None


class EvalReport(BaseModel):
    """Everything `kb eval` prints."""

    questions: int
    positives: int
    overall: Bucket
    by_kind: dict[str, Bucket]
    by_lang: dict[str, Bucket]
    citation_exact: float
    answer_support: float
    negatives: int
    negatives_null: int
    positives_answered: float
    failures: list[dict] = Field(default_factory=list)


def _bucket(ranks: list[int | None], bm25: list[int | None] | None = None) -> Bucket:
    n = len(ranks)
    if not n:
        return Bucket()

    def stats(rs: list[int | None]) -> tuple[float, float, float]:
        return (
            sum(1 for r in rs if r == 1) / n,
            sum(1 for r in rs if r and r <= 5) / n,
            sum(1.0 / r for r in rs if r and r <= 10) / n,
        )

    r1, r5, mrr = stats(ranks)
    b = Bucket(n=n, r1=round(r1, 4), r5=round(r5, 4), mrr10=round(mrr, 4))
    if bm25 is not None:
        _, b5, bm = stats(bm25)
        b.bm25_r5, b.bm25_mrr10 = round(b5, 4), round(bm, 4)
    return b


def _supported(answer: Answer, evidence: list[str]) -> bool:
    quotes = " ".join(norm(c.text) + " " + norm(c.quote) for c in answer.citations)
    return answer.answer is not None and all(norm(e) in quotes for e in evidence if e.strip())


def evaluate(questions: list[dict], retriever: Retriever, answerer: Answerer, texts: dict[str, str],
             k: int = 10, compare_bm25: bool = True) -> EvalReport:
    """Run every question through search (hybrid and BM25-only) and ask; aggregate the metrics."""
    ranks, bm25_ranks, groups = [], [], defaultdict(list)
    exact = total_cit = supported = answered_pos = neg = neg_null = 0
    failures = []
    for q in questions:
        evidence = q.get("evidence") or []
        answer = answerer.ask(q["question"], k=5)
        for c in answer.citations:
            total_cit += 1
            exact += texts.get(c.doc_id, "")[c.start : c.end] == c.quote
        if not evidence:
            neg += 1
            neg_null += answer.answer is None
            continue
        rank = first_relevant(retriever.search(q["question"], k), evidence)
        brank = first_relevant(retriever.search(q["question"], k, mode="bm25"), evidence) if compare_bm25 else None
        ranks.append(rank)
        bm25_ranks.append(brank)
        groups["kind:" + q.get("kind", "?")].append((rank, brank))
        groups["lang:" + q.get("lang", "?")].append((rank, brank))
        supported += _supported(answer, evidence)
        answered_pos += answer.answer is not None
        if rank != 1:
            failures.append({"id": q.get("id"), "rank": rank, "bm25_rank": brank, "question": q["question"]})
    pos = len(ranks)

    def sub(prefix: str) -> dict[str, Bucket]:
        return {
            key.split(":", 1)[1]: _bucket([a for a, _ in v], [b for _, b in v] if compare_bm25 else None)
            for key, v in sorted(groups.items()) if key.startswith(prefix)
        }

    return EvalReport(
        questions=len(questions), positives=pos,
        overall=_bucket(ranks, bm25_ranks if compare_bm25 else None),
        by_kind=sub("kind:"), by_lang=sub("lang:"),
        citation_exact=round(exact / total_cit, 4) if total_cit else 1.0,
        answer_support=round(supported / pos, 4) if pos else 0.0,
        negatives=neg, negatives_null=neg_null,
        positives_answered=round(answered_pos / pos, 4) if pos else 0.0,
        failures=failures,
    )


def format_report(report: EvalReport) -> str:
    """A plain-text table of the report."""
    lines = [f"questions: {report.questions} ({report.positives} with evidence, {report.negatives} negative)"]
    header = f"{'group':<16}{'n':>4}{'R@1':>8}{'R@5':>8}{'MRR@10':>8}{'BM25 R@5':>10}{'BM25 MRR':>10}"
    lines.append(header)

    def row(name: str, b: Bucket) -> str:
        b5 = f"{b.bm25_r5:.3f}" if b.bm25_r5 is not None else "-"
        bm = f"{b.bm25_mrr10:.3f}" if b.bm25_mrr10 is not None else "-"
        return f"{name:<16}{b.n:>4}{b.r1:>8.3f}{b.r5:>8.3f}{b.mrr10:>8.3f}{b5:>10}{bm:>10}"

    lines.append(row("all", report.overall))
    lines += [row(f"kind:{k}", b) for k, b in report.by_kind.items()]
    lines += [row(f"lang:{k}", b) for k, b in report.by_lang.items()]
    lines.append(f"citation exactness: {report.citation_exact:.3f}")
    lines.append(f"answer support (citations hold the evidence): {report.answer_support:.3f}")
    lines.append(f"positives answered: {report.positives_answered:.3f}")
    lines.append(f"negatives answered null: {report.negatives_null}/{report.negatives}")
    return "\n".join(lines)
