"""Core date parsing for French, Dutch and English forms, shared by metadata and extract.

Covers "1er janvier 2020", "19 décembre 2019", "1/01/2025", "12-12-2024",
"01-09-20" (two-digit years), "1.1.2019" and "18 maart 2024".
"""

from __future__ import annotations

import re
from datetime import date

from ingest.lexicon_dates import MONTHS

MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:er|e|ste|de|st|nd|rd|th)?\s+(?P<month>{MONTH_ALT})\.?\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
NUMERIC = re.compile(r"(?<![\d.,/-])(?P<day>[0-3]?\d)(?P<sep>[/.-])(?P<month>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d\d|\d\d)(?![\d,/-]|\.\d)")


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


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """All full dates in `text` as (start, end, ISO date), in order."""
    found: list[tuple[int, int, str]] = []
    for m in DAY_MONTH_YEAR.finditer(text):
        value = iso(int(m.group("year")), month_number(m.group("month")) or 0, int(m.group("day")))
        if value:
            found.append((m.start(), m.end(), value))
    for m in NUMERIC.finditer(text):
        value = iso(expand_year(m.group("year")), int(m.group("month")), int(m.group("day")))
        if value and not any(s <= m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), value))
    return sorted(found)


def parse_date(text: str) -> str | None:
    """The first full date in `text` as ISO, or None."""
    found = find_dates(text)
    return found[0][2] if found else None
