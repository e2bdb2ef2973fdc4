"""The one date finder, for French, Dutch and English forms, used by metadata, extraction and
question analysis alike.

Covers "1er janvier 2020", "1<sup>er</sup> janvier 2025", "19 décembre 2019", "18 maart 2024",
"1/01/2025", "12-12-2024", "01-09-20" (two-digit years), "1.1.2019" and ISO "2024-03-15".
Dotted dates need four-digit years ("12.12.24" is a version number as often as a date).
"""

from __future__ import annotations

import re
from datetime import date

from ingest.text.months import MONTHS

MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:er|e|ère|ste|de|st|nd|rd|th)?\s+(?P<month>{MONTH_ALT})\.?\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
SUP_DATE = re.compile(
    rf"\b(?P<day>[0-3]?\d)\s?<sup>\s*(?:er|e|ère)\s*</sup>\s+(?P<month>{MONTH_ALT})\.?\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
NUMERIC = re.compile(
    r"(?<![\d.,/-])(?P<day>[0-3]?\d)(?P<sep>[/.-])(?P<month>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d\d|\d\d)(?!\d|[.,/-]\d)"
)
ISO_DATE = re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d|[.,/-]\d)")
MONTH_YEAR = re.compile(rf"(?<![\d\w])(?P<month>{MONTH_ALT})\.?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
YEAR = re.compile(r"(?<![\d,])(?<!\d\.)(?:19|20)\d\d(?!\d|[.,]\d)")


def iso(year: int, month: int, day: int) -> str | None:
    """ISO date string, or None when the parts do not make a real date."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def month_number(word: str) -> int | None:
    """The month number of a French, Dutch or English month name (accents optional)."""
    return MONTHS.get(word.lower().rstrip("."))


def expand_year(year: str) -> int:
    """Four-digit year from a two- or four-digit string (two digits mean 20xx)."""
    y = int(year)
    return y + 2000 if len(year) == 2 else y


def find_dates(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
    """All full dates in text[lo:hi] as (start, end, ISO date), in order."""
    hi = len(text) if hi is None else hi
    out: list[tuple[int, int, str]] = []
    for rx in (DAY_MONTH_YEAR, SUP_DATE):
        for m in rx.finditer(text, lo, hi):
            value = iso(int(m.group("year")), month_number(m.group("month")) or 0, int(m.group("day")))
            if value:
                out.append((m.start(), m.end(), value))
    taken = sorted((s, e) for s, e, _ in out)
    for rx in (NUMERIC, ISO_DATE):
        for m in rx.finditer(text, lo, hi):
            if rx is NUMERIC and m.group("sep") == "." and len(m.group("year")) == 2:
                continue
            year = expand_year(m.group("year")) if rx is NUMERIC else int(m.group("year"))
            value = iso(year, int(m.group("month")), int(m.group("day")))
            if value and not _overlaps(taken, m.start(), m.end()):
                out.append((m.start(), m.end(), value))
    return sorted(out)


def find_months(text: str) -> list[str]:
    """Months named with their year but no day ("septembre 2020", "vanaf april 2022") as
    "YYYY-MM", in order, without repeats; the months of full dates are not among them."""
    taken = [(s, e) for s, e, _ in find_dates(text)]
    out = [f"{m.group('year')}-{month_number(m.group('month')):02d}" for m in MONTH_YEAR.finditer(text)
           if not _overlaps(taken, m.start(), m.end())]
    return list(dict.fromkeys(out))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def parse_date(text: str) -> str | None:
    """The first full date in `text` as ISO, or None."""
    found = find_dates(text)
    return found[0][2] if found else None


def find_years(text: str) -> list[str]:
    """Four-digit years (1900–2099) written in `text`, in order, without repeats."""
    return list(dict.fromkeys(m.group(0) for m in YEAR.finditer(text)))
