"""Dates: full dates (via ingest.dates), month and year ("septembre 2019" -> "2019-09"),
day and month with the year taken from the document's date, and relative delays."""

from __future__ import annotations

import re

from extract.base import Region, make_record
from extract.lexicon_fr import DURATION_UNITS, NUMBER_WORDS
from extract.models import Record
from ingest.dates import DAY_MONTH_YEAR, MONTH_ALT, NUMERIC, expand_year, iso, month_number

MONTH_YEAR = re.compile(rf"(?<![\d\w])(?P<month>{MONTH_ALT})\.?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
DAY_MONTH = re.compile(rf"\b(?P<day>[0-3]?\d)(?:er|e)?\s+(?P<month>{MONTH_ALT})\b(?!\.?\s+(?:19|20)?\d\d\b)", re.I)
_NUM_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_UNITS = "|".join(sorted((re.escape(u) for u in DURATION_UNITS), key=len, reverse=True))
DELAY = re.compile(
    rf"(?:dans\s+(?:un\s+délai\s+de|les)|endéans\s+(?:les)?|au\s+plus\s+tard\s+(?:dans\s+les)?|binnen(?:\s+de)?|within)\s+"
    rf"(?P<n>\d+|{_NUM_WORDS})\s+(?P<unit>{_UNITS})"
    rf"(?:\s+(?:qui\s+suivent|suivant|après|à\s+compter\s+de|na|following|after)\s+(?P<anchor>[^.;:\n]{{3,120}}?)(?=[,.;:]|\s+(?:au\s+moyen|par|ils|elles|via)\b|$))?",
    re.I,
)


def full_dates(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    """Day-month-year dates, numeric or written; "12.12.24" style dotted dates need four-digit years."""
    out = []
    for m in DAY_MONTH_YEAR.finditer(text, lo, hi):
        value = iso(int(m.group("year")), month_number(m.group("month")) or 0, int(m.group("day")))
        if value:
            out.append(make_record(region.doc, "date", value, m.start(), m.end(), "date"))
    for m in NUMERIC.finditer(text, lo, hi):
        if m.group("sep") == "." and len(m.group("year")) == 2:
            continue
        value = iso(expand_year(m.group("year")), int(m.group("month")), int(m.group("day")))
        if value and not any(r.start <= m.start() < r.end for r in out):
            out.append(make_record(region.doc, "date", value, m.start(), m.end(), "date"))
    return out


def partial_dates(region: Region, text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[Record]:
    """Month-year dates, and day-month dates dated by the document's own year."""
    out = []
    for m in MONTH_YEAR.finditer(text, lo, hi):
        if _taken(taken, m.start(), m.end()):
            continue
        month = month_number(m.group("month"))
        if month:
            out.append(make_record(region.doc, "date", f"{m.group('year')}-{month:02d}", m.start(), m.end(),
                                   "date", {"granularity": "month"}))
    year = (region.doc.date or "")[:4]
    if year.isdigit():
        for m in DAY_MONTH.finditer(text, lo, hi):
            value = iso(int(year), month_number(m.group("month")) or 0, int(m.group("day")))
            if value and not _taken(taken, m.start(), m.end()):
                out.append(make_record(region.doc, "date", value, m.start(), m.end(), "date", {"year_inferred": True}))
    return out


def _taken(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in taken)


def duration(n: str, unit: str) -> str | None:
    """ISO 8601 duration for "15 jours", "trente jours", "deux ans"."""
    count = int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower())
    code = DURATION_UNITS.get(unit.lower())
    return f"P{count}{code}" if count and code else None


def find_delays(text: str, lo: int, hi: int) -> list[tuple[int, int, str, str | None]]:
    """(start, end, ISO duration, anchor) of relative delays in text[lo:hi]."""
    out = []
    for m in DELAY.finditer(text, lo, hi):
        value = duration(m.group("n"), m.group("unit"))
        if value:
            anchor = " ".join(m.group("anchor").split()) if m.group("anchor") else None
            out.append((m.start(), m.end(), value, anchor))
    return out


def delay_records(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    """Relative deadlines as durations, with their anchor event in extra."""
    return [
        make_record(region.doc, "date", value, s, e, "duration",
                    {"deadline_kind": "relative", **({"deadline_anchor": anchor} if anchor else {})})
        for s, e, value, anchor in find_delays(text, lo, hi)
    ]
