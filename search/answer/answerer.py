"""The answer step: candidates from the retrieved passages, constraints checked, the clause and
value that answer, a calibrated confidence — or null with a reason code and one sentence."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from extract.models import Record
from ingest.text import find_years, fold
from ingest.text.nlp import content_words
from search.answer.candidates import Candidate, concept_weights, hit_candidates
from search.answer.confidence import Calibration, load_calibration
from search.answer.constraints import evidence, reason_unmet, unmet
from search.answer.values import Choice, bare_duration, choose, counts, idf, readable, value_choice
from search.hybrid import Retriever
from search.lexicon_questions import GENERIC_QUESTION_WORDS
from search.models import Answer, Citation, Filters, Hit
from search.query import analyse_query
from search.question import KINDS, Question, parse_question
from search.similarity import similarity_for

_KIND_WORDS = {"amount": "an amount", "percent": "a percentage", "date": "a date", "duration": "a delay",
               "count": "a number", "code": "a code"}


@dataclass(frozen=True)
class AnswerParams:
    """How many passages the answer step reads, and how it cites."""

    passages: int = 8
    second_citation: float = 0.90
    comparison_citation: float = 0.70
    max_citations: int = 3
    min_confidence: float | None = None  # overrides the calibrated threshold when set
    cross_lingual_tau: float = 0.1  # how much a clause in another language leans on its dense similarity
    value_dense_weight: float = 0.5  # how much a value's words weigh by dense similarity (tune + calib)


@dataclass
class Decision:
    """The chosen candidate, its value, and the features its confidence is computed from."""

    best: Candidate
    choice: Choice
    features: dict[str, float]


class Answerer:
    """Turns a question into an Answer over a Retriever."""

    def __init__(self, retriever: Retriever, params: AnswerParams | None = None,
                 calibration: Calibration | None = None) -> None:
        self.retriever = retriever
        self.store = retriever.store
        self.params = params or AnswerParams()
        self.calibration = calibration or load_calibration()
        self.similarity = similarity_for(retriever.embedder)
        self._texts: dict[str, str] = {}  # documents' texts read for the current question

    @property
    def threshold(self) -> float:
        p = self.params.min_confidence
        return self.calibration.threshold if p is None else p

    def ask(self, question: str | Question, k: int = 5, filters: Filters | None = None) -> Answer:
        """Answer a question with citations whose quotes are exact spans of the sources."""
        q = question if isinstance(question, Question) else parse_question(question)
        self._texts = {}
        hits = self.retriever.search(q, max(k, self.params.passages), filters)
        if q.compared_years:
            hits = self._search_sides(q, hits, max(k, self.params.passages), filters)
        missing = [c for c in q.codes if not self.store.pids_with_text(c, 1)]
        if not hits or missing:
            what = f"code {', '.join(missing)}" if missing else "the question's terms"
            return self._null(q, hits[:k], "not_found", f"No document mentions {what}.")
        decision, cands = self.decide(q, hits[: self.params.passages])
        if decision is None:
            return self._abstain(q, hits[:k], cands)
        conf = self.calibration.probability(decision.features)
        ok = [c for c in cands if not c.unmet]
        sides = _sides(q, ok) if q.compared_years else []
        if q.compare and q.compared_years and not sides:
            return self._null(q, hits[:k], "low_confidence",
                              f"No passage found gives each of the years {', '.join(q.compared_years)}.", conf, decision)
        if conf < self.threshold:
            near = _stronger_unmet(decision.best, cands)
            if near is not None:  # what answers the question best fails a constraint
                return self._null(q, hits[:k], "constraint_unmet", _unmet_reason(near), conf, decision)
            return self._null(q, hits[:k], "low_confidence",
                              f"The best passage found answers the question only in part (confidence {conf:.2f}).",
                              conf, decision)
        return self._answer(q, decision, ok, sides, conf)

    def _search_sides(self, q: Question, hits: list[Hit], n: int, filters: Filters | None) -> list[Hit]:
        """A comparison of years retrieves each side too (the question without the other years),
        and reads the best passages of each side in turn: one search finds mostly one side."""
        lists = [hits]
        for year in q.compared_years:
            side = re.sub(r"\b(?:" + "|".join(y for y in q.years if y != year) + r")\b", " ", q.text)
            lists.append(self.retriever.search(parse_question(side), n, filters))
        merged: dict[str, Hit] = {}
        for rank in range(n):
            for hs in lists:
                if rank < len(hs) and hs[rank].passage_id not in merged:
                    merged[hs[rank].passage_id] = hs[rank]
        return [h.model_copy(update={"rank": i}) for i, h in enumerate(merged.values(), 1)][:n]

    # --- deciding ------------------------------------------------------------------------

    def decide(self, q: Question, hits: list[Hit]) -> tuple[Decision | None, list[Candidate]]:
        """The answering candidate and its features (None when no candidate may answer)."""
        cands = self.candidates(q, hits)
        ok = [c for c in cands if not c.unmet]
        asked = q.asks_value
        pool = [c for c in ok if c.valued] if asked else ok
        if not pool:
            return None, cands
        best = pool[0]
        choice = self._choice(q, best)
        if asked and choice.text is None:
            return None, cands
        rest = [c for c in ok if c is not best]
        features = {
            "coverage": best.coverage,
            "margin": 1.0 - (rest[0].score / best.score if rest and best.score > 0 else 0.0),
            "inv_rank": 1.0 / best.hit.rank,
            "dense": best.hit.dense or 0.0,
            "has_dense": float(best.hit.dense is not None),
            "valued": float(best.valued) if asked else 0.5,
            "kind_none": float(q.kind is None),
            "unknown": float(self._unknown_concepts(q)),
            "lang_mismatch": float(q.lang != best.hit.lang),
            "value_margin": choice.margin if asked else 0.5,
            "constrained": float(q.constrained),
            "own": best.own,
            "values": float(min(len(best.records), 4)) if asked else 0.0,
            "clause_dense": best.dense or 0.0,
            "dense_top": float(best.dense is not None and best.dense >= max(c.dense or 0.0 for c in pool)),
            "unmet_share": _unmet_share(best, cands),
            "year_by_context": _year_by_context(q, best),
            **{f"kind_{k}": float(q.kind == k) for k in KINDS},
        }
        return Decision(best, choice, features), cands

    def candidates(self, q: Question, hits: list[Hit]) -> list[Candidate]:
        """Every clause of the hits, constraints checked, best first."""
        n, df = self.store.term_stats(q.query.terms)
        weights = concept_weights(q, n, df)
        out: list[Candidate] = []
        for hit in hits:
            text = self._text(hit.doc_id)
            context = self.store.passage_context(hit.passage_id)
            records = self.store.records_in(hit.doc_id, hit.start, hit.end)
            ev = evidence(hit, context, self.store.valid_from(hit.doc_id), records)
            header = self.store.table_header(hit.passage_id) if hit.kind == "table_row" else []
            out += hit_candidates(q, hit, text, context, records, weights, ev, unmet(q, ev), header)
        self._dense_scores(q, out)
        lean_on_dense(q, out, self.params.cross_lingual_tau)
        out.sort(key=lambda c: -c.score)
        return out

    def _text(self, doc_id: str) -> str:
        if doc_id not in self._texts:
            self._texts[doc_id] = self.store.text_of(doc_id) or ""
        return self._texts[doc_id]

    def _dense_scores(self, q: Question, cands: list[Candidate]) -> None:
        """Each candidate's dense similarity to the question, a feature of the confidence (as a
        factor on the clause score it gained nothing on the tuning fold; see README)."""
        if self.similarity is None:
            return
        for c, s in zip(cands, self.similarity.scores(q.text, [readable(c.quote) for c in cands]), strict=True):
            c.dense = s

    def _choice(self, q: Question, c: Candidate) -> Choice:
        if q.kind == "count":
            return counts(q, self._text(c.hit.doc_id), c.start, c.end, c.taken, c.header or None)
        if c.records:
            n, df = self.store.term_stats(q.query.terms)
            weights = {t: idf(n, df.get(t, 0)) for t in q.query.terms}
            similar = (lambda texts: self.similarity.scores(q.text, texts)) if self.similarity else None
            return choose(q, c.records, self._text(c.hit.doc_id), c.start, c.end, weights, similar,
                          self.params.value_dense_weight)
        if q.kind == "duration":
            return bare_duration(q, self._text(c.hit.doc_id), c.start, c.end, c.taken)
        if q.kind is None:
            return _held_value(q, c)
        return Choice(None, None, margin=0.0)

    def _unknown_concepts(self, q: Question) -> int:
        """Nouns and adjectives of the question that no passage contains."""
        words = [w for w in content_words(q.text) if fold(w) not in GENERIC_QUESTION_WORDS]
        if not words:
            return 0
        groups = [analyse_query(w).groups for w in words]
        terms = [t for gs in groups for g in gs for alt in g for t in alt]
        _, df = self.store.term_stats(terms)
        return sum(1 for gs in groups if gs and not any(df.get(t, 0) for g in gs for alt in g for t in alt))

    # --- answering -----------------------------------------------------------------------

    def _answer(self, q: Question, d: Decision, ok: list[Candidate], sides: list[Candidate], conf: float) -> Answer:
        """The answer from the decision, citing one side per year compared when each has one."""
        chosen = sides or self._chosen(q, d.best, ok)
        records: list[Record] = [d.choice.record] if d.choice.record else []
        records += [r for c in chosen[1:] for r in c.records[:1]]
        text = d.choice.text or readable(d.best.quote)
        if q.compare and len(sides) > 1:  # each side's value or words
            text = " … ".join(self._choice(q, c).text or readable(c.quote) for c in sides)
        return Answer(question=q.text, answer=text, value=d.choice.value, unit=d.choice.unit,
                      confidence=round(conf, 4), citations=[_citation(c) for c in chosen], records=records,
                      features=d.features)

    def _chosen(self, q: Question, best: Candidate, cands: list[Candidate]) -> list[Candidate]:
        """The best candidate, plus others nearly as good (more when the question compares)."""
        ratio = self.params.comparison_citation if q.compare else self.params.second_citation
        out = [best]
        for c in cands:
            if len(out) >= self.params.max_citations or c.score < best.score * ratio:
                break
            if _fresh(c, out):
                out.append(c)
        return out

    def _abstain(self, q: Question, hits: list[Hit], cands: list[Candidate]) -> Answer:
        near = cands[0] if cands else None
        if q.constrained and near is not None and all(c.unmet for c in cands):
            return self._null(q, hits, "constraint_unmet", _unmet_reason(near))
        what = _KIND_WORDS.get(q.kind or "", "an answer")
        return self._null(q, hits, "low_confidence", f"No passage found states {what} for this question.")

    def _null(self, q: Question, hits: list[Hit], code: str, reason: str, conf: float = 0.0,
              decision: Decision | None = None) -> Answer:
        return Answer(question=q.text, answer=None, confidence=round(conf, 4), reason_code=code, reason=reason,
                      citations=[_citation_of_hit(h) for h in hits], features=decision.features if decision else None)


def lean_on_dense(q: Question, cands: list[Candidate], tau: float) -> None:
    """A clause in another language than the question's shares few of its words, so its word
    score says little: its dense similarity, relative to the best clause's, weighs on it too
    (a factor exp((cos - best cos) / tau))."""
    dense = [c.dense for c in cands if c.dense is not None]
    if tau <= 0 or not dense:
        return
    top = max(dense)
    for c in cands:
        if c.dense is not None and c.hit.lang != q.lang:
            c.score *= math.exp((c.dense - top) / tau)


def _unmet_reason(near: Candidate) -> str:
    """The one sentence saying which constraint the nearest candidate fails, and where it is."""
    years = near.evidence.years if near.evidence else frozenset()
    return reason_unmet(near.unmet, near.hit, years)


def _stronger_unmet(best: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The best candidate when it fails a constraint and scores at least twice the one chosen
    among those meeting every constraint: the question's answer is there, for another year,
    code or actor, not in the weak clause that was left."""
    top = cands[0] if cands else None
    return top if top is not None and top.unmet and top.score >= 2 * best.score else None


def _held_value(q: Question, c: Candidate) -> Choice:
    """For a question that names no kind of value, the clause answers in words; when it holds
    a single amount, percentage or delay the question does not state itself, that is its
    normalised value, and when it holds none but lists codes, those are (the text stays the clause)."""
    values = [r for r in c.held if (r.type in ("amount", "percent") or (r.type == "date" and r.unit == "duration"))
              and not q.states(r)]
    codes = list(dict.fromkeys(str(r.value) for r in c.held if r.type == "code" and str(r.value) not in q.codes))
    if not values and codes:  # "which services …?" answered by the codes the clause lists
        return Choice(None, None, codes[0] if len(codes) == 1 else codes, "code", margin=0.0)
    if len(values) != 1:
        return Choice(None, None, margin=0.0)
    picked = value_choice(values[0], 0.0)
    return Choice(values[0], None, picked.value, picked.unit, margin=0.0)


def _unmet_share(best: Candidate, cands: list[Candidate]) -> float:
    """The share of the best score held by a stronger candidate that fails a constraint: high
    when what answers the question is there for another year, code or actor."""
    top = next((c.score for c in cands if c.unmet), 0.0)
    return top / (top + best.score) if top > best.score else 0.0


def _year_by_context(q: Question, c: Candidate) -> float:
    """1 when a year the question names is met only by the passage around the clause, not by the
    clause itself, its document's title or the document's own year."""
    own = set(find_years(c.quote)) | set(find_years(c.hit.title))
    if c.evidence is not None and c.evidence.own_year:
        own.add(c.evidence.own_year)
    return float(bool(q.years) and not q.compared_years and any(y not in own for y in q.years))


def _fresh(c: Candidate, out: list[Candidate]) -> bool:
    return not any(c.start < o.end and o.start < c.end and c.hit.doc_id == o.hit.doc_id for o in out)


def _sides(q: Question, cands: list[Candidate]) -> list[Candidate]:
    """For each year compared, the best candidate naming it in its own words, else the best of a
    document of that year (of its validity, else its date or title), in the question's order of
    years; [] unless every year has one. When a value is asked, candidates holding one come first:
    a clause that only mentions the year in passing ("entamé en 2020") is the last resort."""
    out: list[Candidate] = []
    tiers = [[c for c in cands if c.valued], cands] if q.asks_value else [cands]
    for year in q.compared_years:
        if any(year in find_years(o.quote) for o in out):
            continue  # one clause gives both sides ("33.148 en 2020, contre 25.048 en 2019")
        side = next((s for tier in tiers if (s := _side(year, tier, out)) is not None), None)
        if side is None:
            return []
        out.append(side)
    return out


def _side(year: str, cands: list[Candidate], out: list[Candidate]) -> Candidate | None:
    """The best candidate naming the year in its own words, else the best of a document of that year."""
    own = (c for c in cands if year in find_years(c.quote) and _fresh(c, out))
    doc = (c for c in cands if _fresh(c, out) and c.evidence and c.evidence.own_year == year)
    return next(own, None) or next(doc, None)


def _citation(c: Candidate) -> Citation:
    data = c.hit.model_dump()
    data.update(start=c.start, end=c.end, quote=c.quote, passage_id=c.hit.passage_id, kind=c.hit.kind,
                lang=c.hit.lang, dense=c.hit.dense)
    return Citation(**data)


def _citation_of_hit(h: Hit) -> Citation:
    data = h.model_dump()
    data.update(quote=h.text, passage_id=h.passage_id, kind=h.kind, lang=h.lang, dense=h.dense)
    return Citation(**data)
