"""Hybrid retrieval: French BM25 + dense vectors, fused; codes in a query go to exact matches first."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import numpy as np

from ingest.models import SectionRef
from ingest.text.numbers import NUMBER, parse_number
from search.dense import DenseIndex
from search.embeddings import Embedder
from search.lexicon_questions import KIND_RECORD_TYPES
from search.models import Filters, Hit
from search.question import CODE_RE, Question, parse_question
from search.similarity import similarity_for
from search.store import Store


@dataclass(frozen=True)
class FusionParams:
    """How lexical and dense candidates are combined (chosen by measurement; see README)."""

    depth: int = 50
    w_bm25: float = 1.0
    w_dense: float = 1.5
    rrf_k: int = 10
    method: str = "rrf"  # "rrf" or "score" (min-max normalised weighted sum)
    ctx_weight: float = 0.5
    w_type: float = 0.5  # weight of the answer-type run (candidates holding the asked kind of value)
    w_stand_in: float = 0.75  # share of the BM25 weight a passage in another language gets from its dense rank
    stand_in_for: tuple[str, ...] = ("fr", "nl")  # question languages the stand-in vote is given for
    w_year: float = 0.25  # weight of the run of candidates from a document of a year the question names


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", text.strip()))


def filter_sql(filters: Filters) -> tuple[str, tuple]:
    """SQL conditions over passages p and documents d for the filters."""
    where, args = [], []
    for column, value in (("d.doc_type", filters.doc_type), ("d.lang", filters.lang), ("d.doc_id", filters.doc_id)):
        if value:
            where.append(f"{column} = ?")
            args.append(value)
    if filters.since:
        where.append("d.date >= ?")
        args.append(filters.since)
    if filters.until:
        where.append("d.date <= ?")
        args.append(filters.until)
    return "".join(f" AND {w}" for w in where), tuple(args)


def fuse(runs: list[tuple[list[tuple[int, float]], float]], params: FusionParams) -> dict[int, float]:
    """Combine ranked runs [(pid, score)] with weights, by weighted RRF or normalised scores."""
    fused: dict[int, float] = {}
    for run, weight in runs:
        if not run or weight <= 0:
            continue
        if params.method == "rrf":
            for rank, (pid, _) in enumerate(run):
                fused[pid] = fused.get(pid, 0.0) + weight / (params.rrf_k + rank + 1)
            continue
        scores = np.array([s for _, s in run])
        lo, hi = scores.min(), scores.max()
        for (pid, s) in run:
            norm = (s - lo) / (hi - lo) if hi > lo else 1.0
            fused[pid] = fused.get(pid, 0.0) + weight * norm
    return fused


def _parsed(query: str | Question) -> Question:
    return query if isinstance(query, Question) else parse_question(query)


class Retriever:
    """Finds passages for a query over one store, with an optional dense model."""

    def __init__(self, store: Store, embedder: Embedder | None = None, params: FusionParams | None = None,
                 dense: DenseIndex | None = None) -> None:
        self.store = store
        self.embedder = embedder
        self.params = params or FusionParams()
        if embedder is not None and (dense is None or dense.model != embedder.name):
            dense = DenseIndex(store, embedder.name)
        self.dense = dense if embedder is not None else None

    def lexical(self, q: Question, k: int, filters: Filters) -> list[tuple[int, float]]:
        """BM25 candidates."""
        where, args = filter_sql(filters)
        terms = q.query.terms
        return self.store.bm25(terms, k, where, args, (1.0, self.params.ctx_weight))

    def semantic(self, q: Question, k: int, filters: Filters) -> list[tuple[int, float]]:
        """Dense candidates (empty when no model or no vectors)."""
        if self.embedder is None or self.dense is None:
            return []
        allowed = None
        if filters.active():
            where, args = filter_sql(filters)
            allowed = self.store.pids_where(where, args)
        qvec = similarity_for(self.embedder).query(q.text)  # cached: the answer step reads it too
        return self.dense.search(qvec, k, allowed)

    def exact_codes(self, q: Question, filters: Filters) -> list[int]:
        """Passages containing a 6-digit code named in the query, table rows first."""
        codes = q.codes
        if not codes:
            return []
        allowed = self.store.pids_where(*filter_sql(filters)) if filters.active() else None
        out: list[int] = []
        for code in codes:
            out += [p for p in self.store.pids_with_text(code) if p not in out and (allowed is None or p in allowed)]
        return out

    def by_records(self, q: Question, filters: Filters) -> list[tuple[int, float]]:
        """Passages holding the dates and figures the query names, whatever their spelling
        ("01/01/2025" finds "1er janvier 2025", "5037,70" finds "5.037,70 euros")."""
        dates = [json.dumps(d) for d in q.dates]
        numbers = [m.group(0) for m in NUMBER.finditer(q.text) if not CODE_RE.fullmatch(m.group(0))]
        values = {json.dumps(v) for n in numbers if (v := parse_number(n)) is not None and not _is_year(n)}
        values |= {json.dumps(int(float(v))) for v in values if float(json.loads(v)).is_integer()}
        pids = self.store.pids_with_records("date", dates) if dates else []
        for type_ in ("amount", "percent"):
            pids += [p for p in self.store.pids_with_records(type_, sorted(values)) if p not in pids]
        if filters.active() and pids:
            allowed = self.store.pids_where(*filter_sql(filters))
            pids = [p for p in pids if p in allowed]
        return [(p, 1.0) for p in pids]

    def stand_in(self, q: Question, lex: list[tuple[int, float]], sem: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """The dense candidates in another language than the question's that BM25 missed, in dense
        order: BM25 cannot match a Dutch passage's words to a French question's, so without a
        stand-in vote such passages could only ever rank on the dense run. Not for English
        questions: they share enough words with French texts for BM25 to vote (measured: the
        stand-in lowered English R@5 on both tuning folds)."""
        if self.params.w_stand_in <= 0 or not sem or q.lang not in self.params.stand_in_for:
            return []
        found = {pid for pid, _ in lex}
        langs = self.store.passage_langs([pid for pid, _ in sem if pid not in found])
        return [(pid, s) for pid, s in sem if pid in langs and langs[pid] != q.lang]

    def typed(self, q: Question, order: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """The candidates, in fused order, that hold the kind of value the question asks for
        (an amount for "quelle somme", a date for "quand"): an answer-type prior."""
        types = KIND_RECORD_TYPES.get(q.kind or "", ()) if self.params.w_type > 0 else ()
        if not types:
            return []
        holding = self.store.pids_holding(types, [p for p, _ in order])
        return [(p, s) for p, s in order if p in holding]

    def of_year(self, q: Question, order: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """The candidates, in fused order, from a document of a year the question names (an
        accord of that year, a circular applying from it): a document prior, not a constraint."""
        if self.params.w_year <= 0 or not q.years:
            return []
        years = self.store.passage_years([p for p, _ in order])
        return [(p, s) for p, s in order if years.get(p) in q.years]

    def ranked(self, query: str | Question, k: int, filters: Filters | None = None,
               mode: str = "hybrid") -> list[tuple[int, float]]:
        """(pid, score) best first; mode is "hybrid", "bm25" or "dense"."""
        return self._ranked(_parsed(query), k, filters or Filters(), mode)[0]

    def _ranked(self, query: Question, k: int, filters: Filters, mode: str) -> tuple[list[tuple[int, float]], dict[int, float]]:
        depth = max(self.params.depth, k)
        lex = self.lexical(query, depth, filters) if mode != "dense" else []
        sem = self.semantic(query, depth, filters) if mode != "bm25" else []
        facts = self.by_records(query, filters) if mode != "dense" else []
        runs = [(lex, self.params.w_bm25), (sem, self.params.w_dense), (facts, self.params.w_bm25)]
        if mode == "hybrid":  # "dense" stays the dense run alone
            runs.append((self.stand_in(query, lex, sem), self.params.w_bm25 * self.params.w_stand_in))
        order = sorted(fuse(runs, self.params).items(), key=lambda kv: -kv[1])
        priors = [(self.typed(query, order[:depth]), self.params.w_type), (self.of_year(query, order[:depth]), self.params.w_year)]
        if any(run for run, _ in priors):
            order = sorted(fuse([*runs, *priors], self.params).items(), key=lambda kv: -kv[1])
        exact = self.exact_codes(query, filters)
        if exact:
            top = (order[0][1] if order else 1.0) + 1.0
            boosted = [(pid, top + 1.0 / (i + 1)) for i, pid in enumerate(exact)]
            order = boosted + [(p, s) for p, s in order if p not in set(exact)]
        return order[:k], dict(sem)

    def search(self, query: str | Question, k: int = 10, filters: Filters | None = None,
               mode: str = "hybrid") -> list[Hit]:
        """Hits for a query, best first (each with its dense cosine when one was computed)."""
        ranked, dense = self._ranked(_parsed(query), k, filters or Filters(), mode)
        return self.hits(ranked, dense)

    def hits(self, ranked: list[tuple[int, float]], dense: dict[int, float] | None = None) -> list[Hit]:
        """Hydrate (pid, score) pairs into Hits."""
        rows = self.store.passages([pid for pid, _ in ranked])
        out = []
        for pid, score in ranked:
            r = rows.get(pid)
            if r is None:
                continue
            out.append(Hit(
                rank=len(out) + 1, score=round(float(score), 6), doc_id=r["doc_id"], title=r["title"],
                doc_type=r["doc_type"], source=r["source"], date=r["date"],
                section=SectionRef(number=r["sec_number"], heading=r["sec_heading"], path=r["sec_path"] or ""),
                page=r["page"], start=r["start"], end=r["end"], text=r["text"], passage_id=pid,
                kind=r["kind"], lang=r["lang"], dense=(dense or {}).get(pid),
            ))
        return out
