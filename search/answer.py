"""Answers drawn from retrieved passages: the best sentence or table row, a record's value when
the question asks for one, exact citations, and null when the evidence is too weak."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from extract.models import Record
from ingest.metadata import guess_lang
from ingest.text import fold
from ingest.text.dates import find_dates
from ingest.text.sentences import sentences
from search.analysis import analyse
from search.hybrid import Retriever
from search.lexicon_questions import (
    FRACTION_PATTERNS,
    GENERIC_QUESTION_WORDS,
    KIND_RECORD_TYPES,
    NON_PREFERENTIAL_CUES,
    PREFERENTIAL_CUES,
    REIMBURSEMENT_CUES,
    TARIFF_FIELDS,
)
from search.models import Answer, Citation, Filters, Hit
from search.nlp import content_words
from search.query import Query, analyse_query, covered
from search.questions import question_kind

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONEY = re.compile(r"-?\d{1,3}(?:\.\d{3})*(?:,\s?\d{1,2})?|\d+(?:,\d+)?")


@dataclass(frozen=True)
class AnswerParams:
    """Thresholds of the answer step (calibrated on the dev questions; see README)."""

    min_confidence: float = 0.175
    fallback_confidence: float = 0.90
    passages: int = 6
    second_citation: float = 0.90
    comparison_citation: float = 0.70
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
    doc_text: str = field(default="", repr=False)
    valued: bool = False  # holds a value of the asked kind (a record, or a share said in words)


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
        best, needed = self._best(cands, kind)
        if best is None or self._confidence(best, question) < needed:
            quotes = [_citation(h, h.start, h.end, h.text) for h in hits[:k]]
            return Answer(question=question, answer=None, citations=quotes)
        chosen = self._chosen(best, cands, question)
        record = best_record(question, best.records, kind, best.doc_text)
        records = [record] if record else []
        records += [r for c in chosen[1:] for r in c.records[:1]]
        text = self._answer_text(question, kind, best, record)
        citations = [_citation(c.hit, c.start, c.end, c.quote) for c in chosen]
        return Answer(question=question, answer=text, citations=citations, records=records)

    def _best(self, cands: list[Candidate], kind: str | None) -> tuple[Candidate | None, float]:
        """The answering candidate and the confidence it needs: typed questions prefer a sentence
        holding a value of the asked type, and fall back to plain sentences only when sure."""
        if not cands:
            return None, 1.0
        typed = [c for c in cands if c.valued] if kind else []
        if typed and typed[0].score >= cands[0].score * 0.5:
            return typed[0], self.params.min_confidence
        if kind:
            return cands[0], self.params.fallback_confidence
        return cands[0], self.params.min_confidence

    def _chosen(self, best: Candidate, cands: list[Candidate], question: str) -> list[Candidate]:
        """The best candidate, plus others nearly as good (more when the question compares)."""
        ratio = self.params.comparison_citation if _COMPARISON.search(fold(question)) else self.params.second_citation
        out = [best]
        for c in cands:
            if len(out) >= self.params.max_citations or c.score < best.score * ratio:
                break
            if not any(c.start < o.end and o.start < c.end and c.hit.doc_id == o.hit.doc_id for o in out):
                out.append(c)
        return out

    def _confidence(self, best: Candidate, question: str) -> float:
        """Lexical coverage, lowered for each concept of the question the corpus never mentions;
        for a question in another language than the passage, dense similarity."""
        if guess_lang(question) == best.hit.lang:
            return best.coverage * 0.6 ** self._unknown_concepts(question)
        if best.hit.dense is None:
            return best.coverage
        p = self.params
        dense_conf = (best.hit.dense - p.dense_floor) / (p.dense_ceiling - p.dense_floor)
        return max(best.coverage, min(1.0, dense_conf))

    def _unknown_concepts(self, question: str) -> int:
        """Nouns and adjectives of the question that no passage contains (glossary synonyms count)."""
        words = [w for w in content_words(question) if fold(w) not in GENERIC_QUESTION_WORDS]
        if not words:
            return 0
        groups = [analyse_query(w).groups for w in words]
        terms = [t for gs in groups for g in gs for alt in g for t in alt]
        _, df = self.store.term_stats(terms)
        return sum(1 for gs in groups if gs and not any(df.get(t, 0) for g in gs for alt in g for t in alt))

    # --- candidate sentences ---------------------------------------------------------------

    def _weights(self, query: Query) -> list[float]:
        """A weight per concept group: the highest idf among its terms."""
        n, df = self.store.term_stats(query.terms)
        idf = {t: math.log(1 + (n - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5)) for t in query.terms}
        return [max(idf[t] for alt in g for t in alt) for g in query.groups]

    def _candidates(self, question: str, hits: list[Hit], kind: str | None) -> list[Candidate]:
        """Every sentence (or table row) of the hits, scored against the question, best first."""
        query = analyse_query(question)
        weights = self._weights(query)
        texts: dict[str, str] = {}
        out: list[Candidate] = []
        for hit in hits:
            text = texts.setdefault(hit.doc_id, self.store.text_of(hit.doc_id) or "")
            out += self._hit_candidates(question, query, weights, hit, text, kind)
        out.sort(key=lambda c: -c.score)
        return out

    def _hit_candidates(self, question: str, query: Query, weights: list[float], hit: Hit, text: str,
                        kind: str | None) -> list[Candidate]:
        total = sum(weights) or 1.0
        wanted = KIND_RECORD_TYPES.get(kind or "", ())
        around = set(analyse(self.store.passage_context(hit.passage_id) + " " + hit.text))
        recs = self.store.records_in(hit.doc_id, hit.start, hit.end)
        prior = 1.0 / (1.0 + 0.12 * (hit.rank - 1))
        scope = _scope(question, hit)
        out = []
        for s, e in _spans(text, hit):
            own = set(analyse(text[s:e]))
            cov = sum(w * _credit(g, own, around) for g, w in zip(query.groups, weights, strict=True)) / total
            cov *= scope
            in_sent = [r for r in recs if s <= r.start and r.end <= e and _wanted(r, wanted, kind)]
            valued = bool(in_sent) or (kind == "percent" and bool(_FRACTION.search(fold(text[s:e]))))
            score = cov * prior
            if wanted:
                score *= 1.25 if valued else 0.55
            if in_sent:
                score *= _cue_factor(question, best_record(question, in_sent, kind, text), text)
            out.append(Candidate(hit, s, e, text[s:e], cov, score, in_sent, text, valued))
        return out

    # --- answer text -------------------------------------------------------------------------

    def _answer_text(self, question: str, kind: str | None, cand: Candidate, rec: Record | None) -> str:
        if rec is not None and rec.type == "tariff_row":
            return _tariff_answer(question, rec, cand)
        if rec is not None and rec.type == "obligation":
            value = rec.value if isinstance(rec.value, dict) else {}
            return str(value.get("deadline") or _clean(cand.quote))
        if rec is not None and kind in ("amount", "percent", "date", "code"):
            return rec.text
        return _clean(cand.quote)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_FRACTION = re.compile(r"(?<!\w)(?:" + "|".join(FRACTION_PATTERNS) + r")(?!\w)")
_COMPARISON = re.compile(r"compar|\bcontre\b|selon qu|\bversus\b|\bvs\b|plusieurs|vergeleken|tegenover|compared|respectivement")
_DEFINING = re.compile(r"(?:fix[ée]e?s?\s+à|s['’]él[eè]v\w*\s+à|est\s+de|sont\s+de|atteint|bedraagt|bedragen|vastgesteld\s+op|is\s+set\s+at|amounts?\s+to)\s*:?\s*$", re.I)
_DELTA = re.compile(r"(?:augmentation|hausse|revalorisation|supplément|majoration|verhoging|increase)\s+(?:de\s+|d['’]|van\s+|of\s+)?$", re.I)
_START = re.compile(r"(?:à\s+partir\s+d[ue]|dès\s+le|applicable|en\s+vigueur|depuis\s+le|vanaf|met\s+ingang\s+van|from)\s*(?:le\s+)?$", re.I)
_ASKS_START = re.compile(r"depuis quand|a partir de quand|s'appliqu|en vigueur|vanaf wanneer|from when|since when|applicable")
_ASKS_DELTA = re.compile(r"augment|hausse|de combien|revalori|verhoog|increase")


def _credit(group: tuple, own: set[str], around: set[str]) -> float:
    """1 when the sentence has the concept, 0.5 when only its passage or section does, and half
    that again when only a word sharing the first five letters is there (appliquent/applicable)."""
    if covered(group, own):
        return 1.0
    if covered(group, own | around):
        return 0.5
    prefixes = {t[:5] for t in own | around if len(t) >= 5}
    singles = [alt[0] for alt in group if len(alt) == 1 and len(alt[0]) >= 5 and not alt[0][0].isdigit()]
    return 0.25 if any(t[:5] in prefixes for t in singles) else 0.0


def _wanted(rec: Record, wanted: tuple[str, ...], kind: str | None) -> bool:
    if rec.type not in wanted:
        return False
    if rec.type == "obligation":  # answers a date question only through its deadline
        return isinstance(rec.value, dict) and bool(rec.value.get("deadline"))
    return True


def _cue_factor(question: str, rec: Record | None, text: str) -> float:
    """Favour a value stated as the amount ("fixé à"), or as a start ("à partir du") when asked."""
    if rec is None:
        return 1.0
    before = text[max(0, rec.start - 40) : rec.start]
    q = fold(question)
    if _DELTA.search(before) and not _ASKS_DELTA.search(q):
        return 0.6
    if rec.type == "date" and _ASKS_START.search(q) and _START.search(before):
        return 2.0
    return 1.2 if _DEFINING.search(before) else 1.0


def best_record(question: str, records: list[Record], kind: str | None, text: str = "") -> Record | None:
    """The record of a sentence that answers the question best (by cues around it and table labels)."""
    if not records:
        return None
    q = fold(question)
    terms = set(analyse_query(question).terms)
    return max(records, key=lambda r: _record_score(r, q, terms, text[max(0, r.start - 40) : r.start]))


def _record_score(rec: Record, q: str, terms: set[str], before: str) -> float:
    score = 0.0
    labels = " ".join(str(rec.extra.get(k, "")) for k in ("column", "row"))
    if labels.strip():
        score += 2 * len(terms & set(analyse(labels)))
        score += 2 * sum(1 for y in _YEAR.findall(q) if y in labels)
    if _DEFINING.search(before):
        score += 1
    if _DELTA.search(before) and not _ASKS_DELTA.search(q):
        score -= 1.5
    if rec.type == "date" and _ASKS_START.search(q):
        score += 1.5 if _START.search(before) else 0
    if rec.type == "obligation":
        score += 1 if isinstance(rec.value, dict) and rec.value.get("deadline") else -2
    return score


def _scope(question: str, hit: Hit) -> float:
    """1, or less when the question names a year (0.3) or a day (0.5) the passage never mentions."""
    years = set(_YEAR.findall(question))
    if years and not years & set(_YEAR.findall(f"{hit.text} {hit.date or ''} {hit.title}")):
        return 0.3
    dates = {d for _, _, d in find_dates(question)}
    if dates and not dates & ({d for _, _, d in find_dates(hit.text)} | {hit.date}):
        return 0.5
    return 1.0


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
