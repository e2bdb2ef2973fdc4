"""Constraints are checked, not scored: every code, year, date, profession, body, place and
document number a question names must be named by the evidence or its context (the sentence, its passage,
the section path, the table heading, the document's title, date and validity); a clause stating
years of its own must state the question's (`other_year`), one stating dates the question's
month (`other_month`); a named source must be named by the cited document (`unnamed_sources`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.models import Record
from ingest.metadata import document_year
from ingest.text import find_dates, find_years, fold
from search.lexicon_actors import BODIES
from search.models import Hit
from search.question import CODE_RE, Question, actor_patterns


@dataclass(frozen=True)
class Evidence:
    """What a candidate's constraints are checked against."""

    folded: str
    text: str
    years: frozenset[str]
    dates: frozenset[str]
    codes: frozenset[str]
    own_year: str | None = None  # the document's own year: of its validity, else its date, else its title


def evidence(hit: Hit, context: str, valid_from: str | None = None, records: list[Record] = ()) -> Evidence:
    """The evidence of a passage: its text and context (title, section path, table header),
    and the document's date and validity. The year of a law it cites ("la loi du 19 juillet
    2018") is no year the passage is about."""
    text = f"{hit.text}\n{context}\n{hit.title}"
    stamps = [d for d in (hit.date, valid_from) if d]
    own = _without_legal_refs(hit.text, records)
    years = frozenset(find_years(f"{own}\n{context}\n{hit.title}")) | {d[:4] for d in stamps}
    if hit.kind == "table_row" and valid_from:  # a tariff row is of the year it applies from, not of
        years = frozenset(find_years(hit.text)) | {valid_from[:4]}  # its circular's number or date
    return Evidence(
        folded=fold(text),
        text=text,
        years=years,
        dates=frozenset(d for _, _, d in find_dates(text)) | set(stamps),
        codes=frozenset(CODE_RE.findall(hit.text)),
        own_year=document_year(valid_from, hit.date, hit.title),
    )


def unmet(q: Question, ev: Evidence) -> list[str]:
    """What the question names that the evidence does not (empty when every constraint holds)."""
    out = [f"code {c}" for c in q.codes if c not in ev.codes]
    if q.compared_years:  # each side of a comparison names one of the years
        out += [] if ev.years & set(q.years) else [f"any of the years {', '.join(q.years)}"]
    else:
        out += [f"the year {y}" for y in q.years  # a year of a date met is met ("la loi du 19 juillet 2018")
                if y not in ev.years and not any(d.startswith(y) and d in ev.dates for d in q.dates)]
    out += [f"the date {d}" for d in q.dates if d not in ev.dates]
    out += [f"the document {r}" for r in q.refs if r not in ev.text]
    pats = actor_patterns()
    out += [p.replace("_", " ") for p in q.professions if not pats["professions"][p].search(ev.folded)]
    out += [_label(b, BODIES) for b in q.bodies if not pats["bodies"][b].search(ev.folded)]
    out += [p.replace("_", " ").title() for p in q.places if not pats["places"][p].search(ev.folded)]
    return out


def other_year(q: Question, quote: str, inside: list[Record], ev: Evidence, title: str) -> list[str]:
    """A year the question names, met only by the clause's context while the clause states years
    of its own ("l'objectif pour 2022 est fixé à …" asked for 2021): the clause is about those.
    The document's own year (of its title, else its validity or date) still meets it; years of a legal
    reference ("la loi du 22 août 2002") are no years of the clause."""
    if not q.years or q.compared_years:
        return []
    own = set(find_years(_without_legal_refs(quote, inside)))
    if not own:
        return []
    doc = set(find_years(title)) or {ev.own_year}  # "accord 2022", concluded in December 2021
    return [f"the year {y}" for y in q.years if y not in own and y not in doc]


def _without_legal_refs(text: str, records: list[Record]) -> str:
    """The text with its legal references blanked: the years of the laws it cites are not its own."""
    for r in records:
        if r.type == "legal_ref":
            text = text.replace(r.text, " ")
    return text


def other_month(q: Question, inside: list[Record]) -> list[str]:
    """A month the question names ("from September 2020") while the clause's own dates are all
    of other months ("… fixés à 64 euros à partir du 1er avril 2022"): the clause is about those."""
    if not q.months or q.compared_years:
        return []
    own = {str(r.value)[:7] for r in inside if r.type == "date" and re.match(r"\d{4}-\d\d-\d\d$", str(r.value))}
    return [f"the month {m}" for m in q.months if own and m not in own]


def unnamed_sources(q: Question, document: str) -> list[str]:
    """The sources the question names ("selon l'ABSyM") that the cited document does not name."""
    return [f"the source {n}" for n in q.sources if not re.search(rf"(?<!\w){re.escape(n)}(?!\w)", document)]


def _label(key: str, table: dict[str, tuple[str, ...]]) -> str:
    form = table[key][0].rstrip("*")
    return form.upper() if len(form) <= 5 else form


def reason_unmet(missing: list[str], nearest: Hit | None, near_years: frozenset[str]) -> str:
    """One sentence saying what no passage satisfied, and what the nearest one is about."""
    what = ", ".join(dict.fromkeys(missing))
    if nearest is None:
        return f"No document found names {what}."
    about = f" (it is about {', '.join(sorted(near_years)[-2:])})" if near_years and any("year" in m for m in missing) else ""
    where = nearest.title + (f", section {nearest.section.number}" if nearest.section.number else "")
    return f"No passage found names {what}; the nearest is in {where}{about}."
