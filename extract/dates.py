"""Dates: full dates (via ingest.text.dates), ISO dates, month and year ("septembre 2019" -> "2019-09"),
day and month dated by the document's year, a year that is a deadline ("d'ici 2022" -> "2022"),
and relative delays ("dans les trente jours qui suivent la publication ..." -> "P30D").

Bare years ("pour 2020", "l'année 2019") are no dates; a day and month that recur ("le 31 mars
de chaque année") are no dates either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import lexicon_fr as fr
from extract import lexicon_nl as nl
from extract.base import Region, alternation, make_record, touches
from extract.models import Record
from ingest.text import squash
from ingest.text.dates import MONTH_ALT, MONTH_YEAR, find_dates, iso, month_number

NUMBER_WORDS = {**fr.NUMBER_WORDS, **nl.NUMBER_WORDS}
DURATION_UNITS = {**fr.DURATION_UNITS, **nl.DURATION_UNITS}

DAY_MONTH = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:er|e|ste|de)?\s+(?P<month>{MONTH_ALT})\b(?!\.?\s+(?:19|20)?\d\d\b)",
    re.I,
)
# The words before the date something applies from ("applicable à partir du", "vanaf"): a tariff's
# start, a duty's start.
VALID_FROM = re.compile(rf"(?:{fr.VALID_FROM_RX}|{nl.VALID_FROM_RX})\s*$", re.I)
RECURRING = re.compile(rf"\s*(?:{fr.RECURRING_RX}|{nl.RECURRING_RX})", re.I)
PERIOD_DEADLINE = re.compile(
    rf"(?:{fr.DEADLINE_PERIOD_HEAD_RX}|{nl.DEADLINE_PERIOD_HEAD_RX})"
    rf"(?:(?P<month>{MONTH_ALT})\.?\s+)?(?P<year>(?:19|20)\d\d)\b(?![-/]\d)",
    re.I,
)
DELAY = re.compile(
    rf"(?:{fr.DELAY_HEAD_RX}|{nl.DELAY_HEAD_RX})\s+"
    rf"(?P<n>\d+|{alternation(NUMBER_WORDS)})\s+(?P<unit>{alternation(DURATION_UNITS)})\b"
    rf"(?:\s+(?:{fr.DELAY_LINK_RX}|{nl.DELAY_LINK_RX})\s+(?P<anchor>(?:[^.;:\n]|\n(?!\s*\n)){{3,160}}?)"
    r"(?=[,.;:]|\s+(?:au\s+moyen|par\s+(?:lettre|courrier|voie|recommandé)|ils|elles|via)\b|$))?",
    re.I,
)
# A count of days, months or years tied to an event without a head ("l'accord prend fin 30 jours
# après la survenance", "twee maanden na de publicatie").
LINKED_DELAY = re.compile(
    rf"(?<![\w,.])(?P<n>\d+|{alternation(NUMBER_WORDS)})\s+(?P<unit>{alternation(DURATION_UNITS)})\s+"
    rf"(?:{fr.DELAY_LINK_RX}|{nl.DELAY_LINK_RX})\s+(?P<anchor>(?:[^.;:\n]|\n(?!\s*\n)){{3,160}}?)"
    r"(?=[,.;:]|\s+(?:au\s+moyen|par\s+(?:lettre|courrier|voie|recommandé)|ils|elles|via)\b|$)",
    re.I,
)


BARE_DURATION = re.compile(
    rf"(?<![\w,.])(?P<n>\d+|{alternation(NUMBER_WORDS)})\s+(?P<unit>{alternation(DURATION_UNITS)})\b", re.I)
# "de six à douze mois", "tussen zes en twaalf maanden": the lower end shares the upper one's unit.
DURATION_RANGE = re.compile(
    rf"(?<![\w,.])(?P<n>\d+|{alternation(NUMBER_WORDS)})\s+(?:à|a|tot|en|to|-)\s+"
    rf"(?P<n2>\d+|{alternation(NUMBER_WORDS)})\s+(?P<unit>{alternation(DURATION_UNITS)})\b", re.I)


def find_durations(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Every count of days, weeks, months or years in text[lo:hi] ("deux ans", "15 jours"), with
    a delay's head or without, as (start, end, ISO duration): what a duration question may be
    answered by ("de six à douze mois" gives both ends)."""
    out = []
    for m in BARE_DURATION.finditer(text, lo, hi):
        if value := duration(m.group("n"), m.group("unit")):
            out.append((m.start(), m.end(), value))
    for m in DURATION_RANGE.finditer(text, lo, hi):
        if value := duration(m.group("n"), m.group("unit")):
            out.append((m.start("n"), m.end("n"), value))
    return sorted(out)


def full_dates(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    """Day-month-year dates of text[lo:hi] as records."""
    return [
        make_record(region.doc, "date", v, s, e, "date")
        for s, e, v in find_dates(text, lo, hi)
    ]


def partial_dates(
    region: Region, text: str, lo: int, hi: int, taken: list[tuple[int, int]]
) -> list[Record]:
    """Month-year dates, years that are deadlines, and day-month dates in the document's year."""
    out = []
    for m in MONTH_YEAR.finditer(text, lo, hi):
        month = month_number(m.group("month"))
        if month and not touches(taken, m.start(), m.end()):
            out.append(
                make_record(
                    region.doc,
                    "date",
                    f"{m.group('year')}-{month:02d}",
                    m.start(),
                    m.end(),
                    "date",
                    {"granularity": "month"},
                )
            )
    for m in PERIOD_DEADLINE.finditer(text, lo, hi):
        if not m.group("month") and not touches(taken, m.start("year"), m.end("year")):
            out.append(
                make_record(
                    region.doc,
                    "date",
                    m.group("year"),
                    m.start("year"),
                    m.end("year"),
                    "date",
                    {"granularity": "year", "deadline": True},
                )
            )
    year = (region.doc.date or "")[:4]
    if year.isdigit():
        for m in DAY_MONTH.finditer(text, lo, hi):
            value = iso(int(year), month_number(m.group("month")) or 0, int(m.group("day")))
            if (
                value
                and not touches(taken, m.start(), m.end())
                and not RECURRING.match(text, m.end())
            ):
                out.append(
                    make_record(
                        region.doc,
                        "date",
                        value,
                        m.start(),
                        m.end(),
                        "date",
                        {"year_inferred": True},
                    )
                )
    return out


def duration(n: str, unit: str) -> str | None:
    """ISO 8601 duration for "15 jours", "trente jours", "deux ans"."""
    count = int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower())
    code = DURATION_UNITS.get(" ".join(unit.lower().split()))
    return f"P{count}{code}" if count and code else None


@dataclass
class Delay:
    """A relative delay: its span, ISO duration and anchor event."""

    start: int
    end: int
    value: str
    anchor: str | None

    def extra(self) -> dict:
        return {
            "deadline_kind": "relative",
            **({"deadline_anchor": self.anchor} if self.anchor else {}),
        }


def find_delays(text: str, lo: int, hi: int) -> list[Delay]:
    """Relative delays in text[lo:hi]."""
    out: list[Delay] = []
    headed = list(DELAY.finditer(text, lo, hi))
    linked = [m for m in LINKED_DELAY.finditer(text, lo, hi)
              if not any(h.start() <= m.start("n") < h.end() for h in headed)]
    for m in sorted(headed + linked, key=lambda m: m.start()):
        value = duration(m.group("n"), m.group("unit"))
        if value:
            out.append(
                Delay(
                    m.start(),
                    m.end(),
                    value,
                    squash(m.group("anchor")) if m.group("anchor") else None,
                )
            )
    return out


def delay_records(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    """Relative deadlines as durations, with their anchor event in extra, and every other count
    of days, weeks, months or years ("une période de deux ans", "tot 5 jaar") as a duration."""
    delays = find_delays(text, lo, hi)
    out = [make_record(region.doc, "date", d.value, d.start, d.end, "duration", d.extra()) for d in delays]
    for s, e, value in find_durations(text, lo, hi):
        if not any(d.start <= s < d.end for d in delays) and not _an_age(value):
            out.append(make_record(region.doc, "date", value, s, e, "duration"))
    return out


AGE_YEARS = 15  # "vanaf 45 jaar", "jusqu'à 18 ans": so many years, unheaded, are an age, no duration


def _an_age(value: str) -> bool:
    m = re.fullmatch(r"P(\d+)Y", value)
    return bool(m) and int(m.group(1)) >= AGE_YEARS
