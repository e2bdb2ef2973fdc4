"""Deadline phrases of obligations: a date after "d'ici le", "pour le", "au plus tard le",
"avant le", "uiterlijk op" (ISO date), a recurring day ("au plus tard le 31 mars de chaque année"
-> "--03-31"), a month or a year ("d'ici fin juin 2025" -> "2025-06", "d'ici 2022" -> "2022"),
or a relative delay ("dans un délai de 15 jours après ..." -> "P15D" with its anchor); and the
date a duty applies from ("à partir du 1er janvier 2025"), kind "from", or is set for ("sera annulée
le 1er janvier 2020"), kind "on"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract import lexicon_fr as fr
from extract import lexicon_nl as nl
from extract.dates import DAY_MONTH, PERIOD_DEADLINE, RECURRING, VALID_FROM, find_delays
from ingest.models import Document
from ingest.text.dates import MONTH_YEAR, find_dates, iso, month_number

_HEAD = re.compile(rf"(?:{fr.DEADLINE_BEFORE_RX}|{nl.DEADLINE_BEFORE_RX})$", re.I)
_AFTER = re.compile(rf"(?:{fr.DEADLINE_AFTER_RX}|{nl.DEADLINE_AFTER_RX})", re.I)
_ON = re.compile(rf"(?:{fr.ON_DATE_BEFORE_RX}|{nl.ON_DATE_BEFORE_RX})", re.I)


@dataclass
class Deadline:
    """A deadline: its ISO value, the span of its phrase (head words included) and extra facts."""

    value: str
    start: int
    end: int
    extra: dict = field(default_factory=dict)


def _lead(rx: re.Pattern, text: str, s: int, lo: int, reach: int) -> int | None:
    """Where the words `rx` finds right before position `s` (within `reach`) start, or None."""
    window = text[max(lo, s - reach) : s]
    m = rx.search(window)
    return s - len(window) + m.start() if m else None


def _headed(text: str, s: int, e: int, lo: int) -> int | None:
    """Start of the deadline phrase whose date is text[s:e]; None when no deadline word leads it."""
    head = _lead(_HEAD, text, s, lo, 40)
    if head is not None:
        return head
    return s if _AFTER.match(text, e) else None


def _day_month(doc: Document, text: str, lo: int, hi: int) -> list[Deadline]:
    """A day and month without a year: recurring ("de chaque année"), or in the document's year."""
    out = []
    year = (doc.date or "")[:4]
    for m in DAY_MONTH.finditer(text, lo, hi):
        month, day = month_number(m.group("month")) or 0, int(m.group("day"))
        head = _headed(text, m.start(), m.end(), lo)
        if head is None or not iso(2000, month, day):
            continue
        rec = RECURRING.match(text, m.end())
        if rec:
            out.append(
                Deadline(
                    f"--{month:02d}-{day:02d}", head, rec.end(), {"deadline_kind": "recurring"}
                )
            )
        elif year.isdigit() and iso(int(year), month, day):
            out.append(Deadline(iso(int(year), month, day), head, m.end(), {"year_inferred": True}))  # type: ignore[arg-type]
    return out


def find_deadlines(doc: Document, text: str, lo: int, hi: int) -> list[Deadline]:
    """Every deadline phrase in text[lo:hi], in text order."""
    out: list[Deadline] = []
    for s, e, value in find_dates(text, lo, hi):
        head = _headed(text, s, e, lo)
        if head is not None:
            out.append(Deadline(value, head, e))
    out += _day_month(doc, text, lo, hi)
    for m in PERIOD_DEADLINE.finditer(text, lo, hi):
        month = month_number(m.group("month")) if m.group("month") else None
        value = f"{m.group('year')}-{month:02d}" if month else m.group("year")
        out.append(
            Deadline(value, m.start(), m.end(), {"granularity": "month" if month else "year"})
        )
    out += [Deadline(d.value, d.start, d.end, d.extra()) for d in find_delays(text, lo, hi)]
    out.sort(key=lambda d: (d.start, -d.end))
    kept: list[Deadline] = []
    for d in out:
        if not any(k.start <= d.start < k.end for k in kept):
            kept.append(d)
    return kept


def find_start_dates(text: str, lo: int, hi: int) -> list[Deadline]:
    """Full dates a duty applies from ("À partir du 1er janvier 2025, le kinésithérapeute
    transmet", "vanaf 1 april 2025 verplicht"), as deadlines of kind "from": what an obligation
    without a deadline is dated by. A year alone ("à partir de 2021") dates none."""
    out = []
    for s, e, value in find_dates(text, lo, hi):
        head = _lead(VALID_FROM, text, s, lo, 30)
        if head is not None:
            out.append(Deadline(value, head, e, {"deadline_kind": "from"}))
    return out


def find_on_dates(text: str, lo: int, hi: int) -> list[Deadline]:
    """Dates an action is set for ("sera annulée le 1er janvier 2020", "sera effectué en février
    2021", "zal in februari 2021 worden uitgevoerd"), as deadlines of kind "on"."""
    found = [(s, e, v) for s, e, v in find_dates(text, lo, hi)]
    for m in MONTH_YEAR.finditer(text, lo, hi):
        month = month_number(m.group("month"))
        if month and not any(s <= m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), f"{m.group('year')}-{month:02d}"))
    return [Deadline(v, s, e, {"deadline_kind": "on"}) for s, e, v in sorted(found)
            if _lead(_ON, text, s, lo, 6) is not None]
