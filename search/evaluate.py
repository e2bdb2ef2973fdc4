"""Retrieval and answer evaluation on question files (the format of gold/questions.*.jsonl).

A hit is relevant when it contains an evidence string (whitespace-normalised). An answer is right
when, for a value question, its `value` equals the gold value and its text holds no other value
of that type; for other questions, when its text holds the gold clause (a comparison: when its
citations hold every side). Each file is a fold; the report gives each fold by kind and language.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import BaseModel, Field

from ingest.jsonl import read_jsonl
from ingest.text import NUMBER, find_dates, parse_number
from search.answer import Answerer, readable
from search.hybrid import Retriever
from search.models import Answer, Hit
from search.question import CODE_RE

_WS = re.compile(r"\s+")
VALUE_KINDS = ("amount", "percent", "date", "duration", "count", "code", "table")
_SCALES = (1, 1e3, 1e6, 1e9)


def norm(text: str) -> str:
    """Whitespace-normalised, markup-free text for evidence matching."""
    return _WS.sub(" ", readable(text)).strip()


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


def _same(a: object, b: object) -> bool:
    if isinstance(a, dict) and {"from", "to"} <= set(a):  # a code range names its two ends
        a = [a["from"], a["to"]]
    if isinstance(a, list) or isinstance(b, list):
        return sorted(map(str, a if isinstance(a, list) else [a])) == sorted(map(str, b if isinstance(b, list) else [b]))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(float(a) - float(b)) <= max(0.005, 1e-6 * abs(float(b)))
    return str(a) == str(b)


def _other_values(q: dict, text: str) -> bool:
    """Whether an answer's text holds a value of the gold's type other than the gold value."""
    gold = q.get("value")
    if q.get("kind") == "date":
        return any(d != gold for _, _, d in find_dates(text))
    if q.get("kind") == "code":
        golds = set(map(str, gold if isinstance(gold, list) else [gold]))
        return any(c not in golds for c in CODE_RE.findall(text))
    if not isinstance(gold, (int, float)):
        return False
    dates = [(s, e) for s, e, _ in find_dates(text)]  # a day of a date is no amount or percentage
    for m in NUMBER.finditer(text):
        v = parse_number(m.group(0))
        if v is None or re.fullmatch(r"(?:19|20)\d\d", m.group(0)) or any(s <= m.start() < e for s, e in dates):
            continue
        if not any(_same(v * s, gold) for s in _SCALES):
            return True
    return False


_GOLD_SCALES = {"milliard": 1e9, "miljard": 1e9, "billion": 1e9, "million": 1e6, "miljoen": 1e6,
                "millier": 1e3, "duizend": 1e3, "thousand": 1e3}


def gold_value(q: dict) -> object:
    """The gold's normalised value: given, or read from its written answer (older gold files
    such as the dev set have only "answer": "180.198 milliers d'euros …")."""
    if q.get("value") is not None or q.get("kind") not in VALUE_KINDS or not q.get("answer"):
        return q.get("value")
    text = str(q["answer"])
    if q["kind"] == "date":
        found = find_dates(text)
        return found[0][2] if found else None
    if q["kind"] == "code":
        codes = list(dict.fromkeys(CODE_RE.findall(text)))
        return codes if len(codes) > 1 else (codes[0] if codes else None)
    m = NUMBER.search(text)
    if m is None:
        return None
    value = parse_number(m.group(0))
    tail = text[m.end() : m.end() + 16].lower()
    scale = next((f for w, f in _GOLD_SCALES.items() if tail.lstrip().startswith(w)), 1)
    return None if value is None else value * (scale if q["kind"] in ("amount", "table", "count") else 1)


def _sides(evidence: list[str]) -> list[list[str]]:
    """A comparison's evidence as the sides it needs: spans giving the same figures (a passage
    and its translation) are one side, any of which will do; a span without figures is its own."""
    sides: dict[object, list[str]] = {}
    for e in evidence:
        figures = tuple(sorted(v for m in NUMBER.finditer(e) if (v := parse_number(m.group(0))) is not None))
        sides.setdefault(figures or e, []).append(e)
    return list(sides.values())


def correct(q: dict, answer: Answer) -> bool:
    """Whether an answer is right for a gold question (False for any answer to a negative)."""
    evidence = [e for e in q.get("evidence") or [] if e.strip()]
    if answer.answer is None or not evidence:
        return False
    gold = gold_value(q)
    if gold is not None and q.get("kind") in VALUE_KINDS:
        q = {**q, "value": gold}
        scaled = q.get("kind") == "table" and not q.get("unit") and isinstance(gold, (int, float))
        same = _same(answer.value, gold) or (scaled and _same(answer.value, gold * 1000))  # a cell in 000 EUR
        return same and not _other_values(q, answer.answer)
    if q.get("kind") == "comparison":
        quotes = " ".join(norm(c.quote) for c in answer.citations)
        return all(any(norm(e) in quotes for e in side) for side in _sides(evidence))
    text = norm(answer.answer)
    if any(norm(e) in text for e in evidence):
        return True
    # the value as written inside the gold clause ("31 mars 2020" for "by when must …"); a clause
    # given in pieces split at its line breaks is read whole too
    return any(ch.isdigit() for ch in text) and any(text in norm(e) for e in [*evidence, " ".join(evidence)])


@dataclass
class Outcome:
    """One question's result."""

    q: dict
    rank: int | None
    bm25_rank: int | None
    answer: Answer
    right: bool
    exact: bool


class Bucket(BaseModel):
    """Metrics over a group of questions."""

    n: int = 0
    r1: float = 0.0
    r5: float = 0.0
    mrr10: float = 0.0
    bm25_r5: float | None = None
    bm25_mrr10: float | None = None
    accuracy: float = 0.0  # right answers / answerable questions
    wrong: float = 0.0  # wrong answers / answerable questions
    abstained: float = 0.0  # null answers / answerable questions
    negatives: int = 0
    negatives_null: float = 0.0  # unanswerable questions answered null


class FoldReport(BaseModel):
    """One fold's figures."""

    name: str
    questions: int
    overall: Bucket
    by_kind: dict[str, Bucket]
    by_lang: dict[str, Bucket]
    wrong_overall: float  # wrong answers (answerable or not) / all questions
    citation_exact: float
    curve: list[tuple[float, float]] = Field(default_factory=list)  # (coverage, accuracy) by threshold
    failures: list[dict] = Field(default_factory=list)


class EvalReport(BaseModel):
    """Everything `kb eval` prints: one report per fold."""

    threshold: float
    folds: list[FoldReport]


def run_fold(name: str, questions: list[dict], retriever: Retriever, answerer: Answerer,
             texts: dict[str, str], k: int = 10, compare_bm25: bool = True) -> tuple[FoldReport, list[Outcome]]:
    """Every question through search and ask; the answers kept are those at or above the
    answerer's threshold (the curve uses every confidence)."""
    raw = Answerer(retriever, replace(answerer.params, min_confidence=0.0), answerer.calibration)
    outcomes = []
    for q in questions:
        evidence = q.get("evidence") or []
        answer = raw.ask(q["question"], k=5)
        exact = all(texts.get(c.doc_id, "")[c.start : c.end] == c.quote for c in answer.citations)
        rank = brank = None
        if evidence:
            rank = first_relevant(retriever.search(q["question"], k), evidence)
            if compare_bm25:
                brank = first_relevant(retriever.search(q["question"], k, mode="bm25"), evidence)
        outcomes.append(Outcome(q, rank, brank, answer, correct(q, answer), exact))
    return fold_report(name, outcomes, answerer.threshold, compare_bm25), outcomes


def kept(o: Outcome, threshold: float) -> bool:
    """Whether the answer stands at this threshold."""
    return o.answer.answer is not None and o.answer.confidence >= threshold


def bucket(outs: list[Outcome], threshold: float, compare_bm25: bool = True) -> Bucket:
    """Metrics of a group of outcomes at a threshold."""
    pos = [o for o in outs if o.q.get("evidence")]
    neg = [o for o in outs if not o.q.get("evidence")]
    n = len(pos)
    b = Bucket(n=n, negatives=len(neg))
    if neg:
        b.negatives_null = round(sum(not kept(o, threshold) for o in neg) / len(neg), 4)
    if not n:
        return b

    def stats(ranks: list[int | None]) -> tuple[float, float, float]:
        return (sum(r == 1 for r in ranks) / n, sum(1 for r in ranks if r and r <= 5) / n,
                sum(1.0 / r for r in ranks if r and r <= 10) / n)

    b.r1, b.r5, b.mrr10 = (round(x, 4) for x in stats([o.rank for o in pos]))
    if compare_bm25:
        _, b5, bm = stats([o.bm25_rank for o in pos])
        b.bm25_r5, b.bm25_mrr10 = round(b5, 4), round(bm, 4)
    b.accuracy = round(sum(kept(o, threshold) and o.right for o in pos) / n, 4)
    b.wrong = round(sum(kept(o, threshold) and not o.right for o in pos) / n, 4)
    b.abstained = round(sum(not kept(o, threshold) for o in pos) / n, 4)
    return b


def fold_report(name: str, outs: list[Outcome], threshold: float, compare_bm25: bool = True) -> FoldReport:
    """Aggregate one fold's outcomes."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outs:
        groups["kind:" + o.q.get("kind", "?")].append(o)
        groups["lang:" + o.q.get("lang", "?")].append(o)
    wrong = sum(kept(o, threshold) and not o.right for o in outs)
    failures = [
        {"id": o.q.get("id"), "kind": o.q.get("kind"), "rank": o.rank, "answered": kept(o, threshold),
         "right": o.right, "confidence": o.answer.confidence, "reason_code": o.answer.reason_code}
        for o in outs if (o.q.get("evidence") and (not o.right or o.rank != 1)) or (not o.q.get("evidence") and kept(o, threshold))
    ]
    cits = [o.exact for o in outs if o.answer.citations]
    return FoldReport(
        name=name, questions=len(outs), overall=bucket(outs, threshold, compare_bm25),
        by_kind={k.split(":", 1)[1]: bucket(v, threshold, compare_bm25) for k, v in sorted(groups.items()) if k.startswith("kind:")},
        by_lang={k.split(":", 1)[1]: bucket(v, threshold, compare_bm25) for k, v in sorted(groups.items()) if k.startswith("lang:")},
        wrong_overall=round(wrong / len(outs), 4) if outs else 0.0,
        citation_exact=round(sum(cits) / len(cits), 4) if cits else 1.0,
        curve=curve(outs), failures=failures,
    )


def curve(outs: list[Outcome]) -> list[tuple[float, float]]:
    """(coverage, accuracy) of the answers kept at each confidence threshold, over all questions."""
    answered = sorted((o for o in outs if o.answer.answer is not None), key=lambda o: -o.answer.confidence)
    points, right = [], 0
    for i, o in enumerate(answered, 1):
        right += o.right
        points.append((round(i / len(outs), 4), round(right / i, 4)))
    return points


def format_report(report: EvalReport) -> str:
    """Plain-text tables, one per fold."""
    lines = [f"threshold: {report.threshold:.3f}"]
    head = (f"{'group':<18}{'n':>4}{'R@1':>7}{'R@5':>7}{'MRR':>7}{'bm25R5':>8}{'acc':>7}{'wrong':>7}"
            f"{'null':>7}{'neg':>5}{'negnull':>8}")
    for f in report.folds:
        lines += ["", f"fold {f.name}: {f.questions} questions", head]
        rows = [("all", f.overall)] + [(f"kind:{k}", b) for k, b in f.by_kind.items()] + [(f"lang:{k}", b) for k, b in f.by_lang.items()]
        for name, b in rows:
            b5 = f"{b.bm25_r5:.3f}" if b.bm25_r5 is not None else "-"
            lines.append(f"{name:<18}{b.n:>4}{b.r1:>7.3f}{b.r5:>7.3f}{b.mrr10:>7.3f}{b5:>8}{b.accuracy:>7.3f}"
                         f"{b.wrong:>7.3f}{b.abstained:>7.3f}{b.negatives:>5}{b.negatives_null:>8.3f}")
        lines.append(f"wrong answers over all questions: {f.wrong_overall:.3f}; citations exact: {f.citation_exact:.3f}")
    return "\n".join(lines)


def plot(report: EvalReport, path: Path) -> None:
    """Accuracy against coverage, one line per fold (matplotlib, no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4.5))
    for f in report.folds:
        if f.curve:
            xs, ys = zip(*f.curve, strict=True)
            ax.plot(xs, ys, label=f.name)
    ax.axhline(0.95, color="grey", lw=0.6, ls="--")
    ax.set_xlabel("coverage (answered / all questions)")
    ax.set_ylabel("accuracy of the answers given")
    ax.set_ylim(0, 1.02)
    ax.set_xlim(0, 1)
    ax.legend()
    ax.set_title("inami-kb: accuracy against coverage")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
