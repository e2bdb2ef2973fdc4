"""Candidate clauses of the retrieved passages, scored against the question.

A candidate is a sentence, a clause of it (cut at semicolons), a lead-in ending in ':' joined to
what follows, or a table row. Its coverage is the idf-weighted share of the question's concepts
it holds (half credit when only its passage or section has them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.models import Record
from ingest.boilerplate import is_link_line
from ingest.text import fold, sentences
from search.analysis import analyse
from search.answer.constraints import Evidence, other_month, other_year, unnamed_sources
from search.answer.values import (
    conditional,
    counted_words,
    counts_nothing,
    cue_factor,
    free_durations,
    idf,
    wanted,
)
from search.lexicon_questions import FRACTION_PATTERNS
from search.models import Hit
from search.query import covered
from search.question import Question, actor_patterns

NAMED_HERE = 0.2  # how much more a clause naming the question's professions and places weighs (tune + calib + calib2)
_FRACTION = re.compile(r"(?<!\w)(?:" + "|".join(FRACTION_PATTERNS) + r")(?!\w)")
_CLAUSE_CUT = re.compile(r";\s+")
_LEAD_LINE = re.compile(r"[^\n]*:[ \t]*\n")  # a line ending with a colon
_LIST_ITEM = re.compile(r"[-•*–·]|\(?[a-z]\)\s")


@dataclass
class Candidate:
    """A clause of a retrieved passage, with what it holds and how well it matches."""

    hit: Hit
    start: int
    end: int
    quote: str
    coverage: float
    score: float
    records: list[Record] = field(default_factory=list)  # records of the asked kind in the clause
    taken: list[tuple[int, int]] = field(default_factory=list)  # spans of the values read in it
    valued: bool = False
    evidence: Evidence | None = None
    unmet: list[str] = field(default_factory=list)
    dense: float | None = None  # cosine of the question and this clause, when a model is loaded
    own: float = 0.0  # the share of the question's concepts in the clause itself
    held: list[Record] = field(default_factory=list)  # every record in the clause
    header: list[str] = field(default_factory=list)  # a table row's column headers


def concept_weights(q: Question, n: int, df: dict[str, int]) -> list[float]:
    """A weight per concept group of the question: the highest idf among its terms."""
    return [max(idf(n, df.get(t, 0)) for alt in g for t in alt) for g in q.query.groups]


def hit_candidates(q: Question, hit: Hit, text: str, context: str, records: list[Record],
                   weights: list[float], ev: Evidence, unmet: list[str], header: list[str] = ()) -> list[Candidate]:
    """Every clause of one hit, scored; a table row holds its column headers as its own words."""
    total = sum(weights) or 1.0
    around = set(analyse(context + " " + hit.text))
    prior = 1.0 / (1.0 + 0.12 * (hit.rank - 1))
    asked = q.asks_value
    out = []
    sources = unnamed_sources(q, f"{hit.title}\n{text}")
    for s, e in spans(text, hit):
        if _is_heading(text, s, e, hit):
            continue
        own = set(analyse(" ".join([text[s:e], *header])))
        credits = [_credit(g, own, around) for g in q.query.groups]
        cov = sum(w * c for c, w in zip(credits, weights, strict=True)) / total
        strict = sum(w for c, w in zip(credits, weights, strict=True) if c == 1.0) / total
        inside = [r for r in records if s <= r.start and r.end <= e]
        mine = [r for r in inside if wanted(r, q.kind) and not q.states(r) and not q.rules_out(r)
                and (q.asks_threshold or not conditional(r, text))]
        valued = bool(mine) or (q.kind == "percent" and bool(_FRACTION.search(fold(text[s:e]))))
        if q.kind == "count":
            valued = _has_number(text[s:e], [(a - s, b - s) for a, b in _value_spans(inside)])
        elif q.kind == "duration" and not valued:  # "deux mois plus tard": a duration, no record
            valued = bool(free_durations(text, s, e, _value_spans(inside)))
        score = cov * prior * ((1.25 if valued else 0.55) if asked else 1.0)
        if mine:
            score *= cue_factor(q, mine, text)
        score *= named_here(q, text[s:e])
        out.append(Candidate(hit, s, e, text[s:e], cov, score, mine, _value_spans(inside),
                             valued, ev, unmet + other_year(q, lead_in(text, hit.start, s) + text[s:e], inside, ev, hit.title)
                             + other_month(q, inside) + sources, own=strict,
                             held=inside, header=list(header)))
    return out


def named_here(q: Question, clause: str) -> float:
    """A factor for a clause naming, in its own words, the professions and places the question
    names (their constraint is met by the passage, but the clause that names them is the one about them)."""
    names = [("professions", p) for p in q.professions] + [("places", p) for p in q.places]
    if not names:
        return 1.0
    pats, folded = actor_patterns(), fold(clause)
    share = sum(1 for table, key in names if pats[table][key].search(folded)) / len(names)
    return 1.0 + NAMED_HERE * share


def spans(text: str, hit: Hit) -> list[tuple[int, int]]:
    """Candidate spans of a hit: sentences, their clauses, and lead-ins joined to what follows."""
    if hit.kind == "table_row":
        return [(hit.start, hit.end)]
    sents = sentences(text, hit.start, hit.end) or [(hit.start, hit.end)]
    out = list(sents)
    for s, e in sents:
        cuts = [m.end() for m in _CLAUSE_CUT.finditer(text, s, e)]
        if cuts:
            bounds = [s, *cuts, e]
            out += [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b - a > 15]
    out += [(s, sents[i + 1][1]) for i, (s, e) in enumerate(sents[:-1])
            if text[s:e].rstrip().endswith(":") or _bare_line(text, s, e)]
    return list(dict.fromkeys(out))


def lead_in(text: str, lo: int, s: int) -> str:
    """The line announcing the list a clause starting a line belongs to ("Le montant du statut
    social 2022 s'élève à :"), from the passage's start `lo`; empty for any other clause. Its
    years are the item's: "2.462,10 euros pour les médecins …" is a 2022 figure."""
    if text[text.rfind("\n", lo, s) + 1 : s].strip():
        return ""
    lines = [m.group(0) for m in _LEAD_LINE.finditer(text, lo, s)]
    return lines[-1] if lines else ""


def _bare_line(text: str, s: int, e: int) -> bool:
    """A short line standing alone, without final punctuation or figures: a sub-heading ("En cas
    de rupture définitive"), which leads in to what follows and never answers alone."""
    quote = text[s:e].strip()
    alone = text[max(0, s - 1) : s] in ("", "\n") and text[e : e + 1] in ("", "\n")
    return (alone and 0 < len(quote.split()) <= 8 and quote[-1] not in ".!?;:,"
            and not any(ch.isdigit() for ch in quote) and not _LIST_ITEM.match(quote))


def _is_heading(text: str, s: int, e: int, hit: Hit) -> bool:
    """A section heading, the document's title line or a link alone is never an answer."""
    if all(is_link_line(line) for line in text[s:e].splitlines() if line.strip()):
        return True  # links alone, a teaser, or a label and its links ("Pièces jointes : [x.xlsx](#)")
    raw = " ".join(text[s:e].split())
    quote = raw.strip(" .:#*")
    if not quote or (raw.endswith(":") and len(quote.split()) <= 8) or _bare_line(text, s, e):
        return True  # nothing, or a lead-in or sub-heading alone ("En cas de rupture définitive :")
    heads = {hit.title.strip(), (hit.section.heading or "").strip(),
             f"{hit.section.number or ''} {hit.section.heading or ''}".strip()}
    if len(quote.split()) >= 3 and quote in hit.title:
        return True  # a piece of the title line ("Blocage politique … : et maintenant ?" of "… ? (Cartel)")
    return quote in heads or (len(quote.split()) <= 6 and not any(c.isdigit() for c in quote) and quote.isupper())


def _value_spans(records: list[Record]) -> list[tuple[int, int]]:
    """The spans of the values read in a clause (an obligation's span is the whole clause)."""
    return [(r.start, r.end) for r in records if r.type != "obligation"]


def _has_number(clause: str, taken: list[tuple[int, int]]) -> bool:
    if any(not any(a <= w[0] < b for a, b in taken) for w in counted_words(clause, 0, len(clause))):
        return True
    return any(not any(a <= m.start() < b for a, b in taken) and not counts_nothing(clause, m.start(), m.end())
               for m in re.finditer(r"\d[\d.,]*", clause))


def _credit(group: tuple, own: set[str], around: set[str]) -> float:
    """1 when the clause has the concept, 0.5 when only its passage or section does, and half
    that again when only a word sharing the first five letters is there (appliquent/applicable)."""
    if covered(group, own):
        return 1.0
    if covered(group, own | around):
        return 0.5
    prefixes = {t[:5] for t in own | around if len(t) >= 5}
    singles = [alt[0] for alt in group if len(alt) == 1 and len(alt[0]) >= 5 and not alt[0][0].isdigit()]
    return 0.25 if any(t[:5] in prefixes for t in singles) else 0.0
