"""Answers drawn from retrieved passages: the best sentence or table row, a record's value when
the question asks for one, exact citations, and null when the evidence is too weak."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from extract.models import Record
from ingest.sentences import sentences
from search.analysis import analyse, fold, query_terms
from search.hybrid import Retriever, query_langs
from search.lexicon_questions import (
    KIND_RECORD_TYPES,
    NON_PREFERENTIAL_CUES,
    PREFERENTIAL_CUES,
    QUESTION_KINDS,
    REIMBURSEMENT_CUES,
    TARIFF_FIELDS,
)
from search.models import Answer, Citation, Filters, Hit

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONEY = re.compile(r"-?\d{1,3}(?:\.\d{3})*(?:,\s?\d{1,2})?|\d+(?:,\d+)?")


@dataclass(frozen=True)
class AnswerParams:
    """Thresholds of the answer step (calibrated on the dev questions; see README)."""

    min_confidence: float = 0.40
    passages: int = 6
    second_citation: float = 0.90
    max_citations: int = 3
    dense_floor: float = 0.80
    dense_ceiling: float = 0.90


@dataclass
class Candidate:
    """A sentence (or table row) of a retrieved passage, scored against the question."""

    hit: Hit
    start: int
    end: int
    quote: str
    coverage: float
    score: float
    records: list[Record] = field(default_factory=list)


def question_kind(question: str) -> str | None:
    """amount, percent, date or code when the question asks for such a value."""
    q = " " + fold(question) + " "
    for kind in ("code", "percent", "date", "amount"):
        if any(cue in q for cue in QUESTION_KINDS[kind]):
            return kind
    return None


class Answerer:
    """Turns a question into an Answer over a Retriever."""

    def __init__(self, retriever: Retriever, params: AnswerParams | None = None) -> None:
        self.retriever = retriever
        self.store = retriever.store
        self.params = params or AnswerParams()

    def ask(self, question: str, k: int = 5, filters: Filters | None = None) -> Answer:
        """Answer a question with citations whose quotes are exact spans of the sources."""
        hits = self.retriever.search(question, max(k, self.params.passages), filters)
        if not hits:
            return Answer(question=question, answer=None)
        kind = question_kind(question)
        cands = self._candidates(question, hits[: self.params.passages], kind)
        best = cands[0] if cands else None
        confidence = self._confidence(best, hits)
        if best is None or confidence < self.params.min_confidence:
            return Answer(question=question, answer=None, citations=[_citation(h, h.start, h.end, h.text) for h in hits[:k]])
        chosen = self._chosen(cands)
        records = [r for c in chosen for r in c.records]
        text = self._answer_text(question, kind, chosen[0])
        citations = [_citation(c.hit, c.start, c.end, c.quote) for c in chosen]
        return Answer(question=question, answer=text, citations=citations, records=records)

    def _chosen(self, cands: list[Candidate]) -> list[Candidate]:
        best = cands[0]
        out = [best]
        for c in cands[1:]:
            if len(out) >= self.params.max_citations or c.score < best.score * self.params.second_citation:
                break
            if not any(c.start < o.end and o.start < c.end and c.hit.doc_id == o.hit.doc_id for o in out):
                out.append(c)
        return out

    def _confidence(self, best: Candidate | None, hits: list[Hit]) -> float:
        if best is None:
            return 0.0
        dense = getattr(best.hit, "dense", None)
        p = self.params
        dense_conf = 0.0 if dense is None else (dense - p.dense_floor) / (p.dense_ceiling - p.dense_floor)
        return max(best.coverage, min(1.0, dense_conf))

    # --- candidate sentences ---------------------------------------------------------------

    def _idf(self, terms: list[str]) -> dict[str, float]:
        n, df = self.store.term_stats(terms)
        return {t: math.log(1 + (n - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5)) for t in terms}

    def _candidates(self, question: str, hits: list[Hit], kind: str | None) -> list[Candidate]:
        terms = query_terms(question, query_langs(question))
        idf = self._idf(terms)
        total = sum(idf.values()) or 1.0
        years = set(_YEAR.findall(question))
        wanted = KIND_RECORD_TYPES.get(kind or "", ())
        out: list[Candidate] = []
        texts: dict[str, str] = {}
        for hit in hits:
            text = texts.setdefault(hit.doc_id, self.store.text_of(hit.doc_id) or "")
            around = set(analyse(self.store.passage_context(hit.passage_id) + " " + hit.text))
            recs = self.store.records_in(hit.doc_id, hit.start, hit.end)
            prior = 1.0 / (1.0 + 0.12 * (hit.rank - 1))
            for s, e in _spans(text, hit):
                own = set(analyse(text[s:e]))
                cov = sum(idf[t] * (1.0 if t in own else 0.5 if t in around else 0.0) for t in terms) / total
                in_sent = [r for r in recs if s <= r.start and r.end <= e and r.type in wanted]
                score = cov * prior
                if wanted:
                    score *= 1.25 if in_sent else 0.55
                if years and not years & set(_YEAR.findall(hit.text + " " + (hit.date or "") + " " + hit.title)):
                    score *= 0.5
                    cov *= 0.5
                out.append(Candidate(hit, s, e, text[s:e], cov, score, in_sent))
        out.sort(key=lambda c: -c.score)
        return out

    # --- answer text -------------------------------------------------------------------------

    def _answer_text(self, question: str, kind: str | None, cand: Candidate) -> str:
        rec = cand.records[0] if cand.records else None
        if rec is not None and rec.type == "tariff_row":
            return _tariff_answer(question, rec, cand)
        if rec is not None and kind in ("amount", "percent", "date", "code"):
            return rec.text if rec.type != "obligation" else _deadline_text(rec)
        return re.sub(r"\s+", " ", cand.quote).strip()


def _spans(text: str, hit: Hit) -> list[tuple[int, int]]:
    """Candidate spans: each sentence, and a lead-in ending with ':' joined to what follows."""
    if hit.kind == "table_row":
        return [(hit.start, hit.end)]
    sents = sentences(text, hit.start, hit.end) or [(hit.start, hit.end)]
    joined = [(s, sents[i + 1][1]) for i, (s, e) in enumerate(sents[:-1]) if text[s:e].rstrip().endswith(":")]
    return sents + joined


def _deadline_text(rec: Record) -> str:
    value = rec.value if isinstance(rec.value, dict) else {}
    return str(value.get("deadline") or rec.text)


def _tariff_field(question: str) -> str:
    q = fold(question)
    pref = "pref" if any(c in q for c in PREFERENTIAL_CUES) and not any(c in q for c in NON_PREFERENTIAL_CUES) else "nonpref"
    for name, cues in TARIFF_FIELDS:
        if any(c in q for c in cues):
            return name if name == "fee" else name.replace("nonpref", pref)
    if any(c in q for c in REIMBURSEMENT_CUES):
        return f"amb_{pref}"
    return "fee"


def _tariff_answer(question: str, rec: Record, cand: Candidate) -> str:
    """The cell of the row that the question asks for (fee, or a reimbursement column)."""
    value = rec.value.get(_tariff_field(question)) if isinstance(rec.value, dict) else None
    if value is None:
        return re.sub(r"\s+", " ", cand.quote).strip()
    for m in _MONEY.finditer(cand.quote):
        raw = m.group(0).replace(".", "").replace(" ", "").replace(",", ".")
        try:
            if abs(float(raw) - float(value)) < 0.005:
                return m.group(0)
        except ValueError:
            continue
    return f"{value}"


def _citation(hit: Hit, start: int, end: int, quote: str) -> Citation:
    data = hit.model_dump()
    data.update(start=start, end=end, quote=quote, passage_id=hit.passage_id, kind=hit.kind, lang=hit.lang)
    return Citation(**data)
