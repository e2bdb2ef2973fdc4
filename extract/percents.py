"""Percents: "1,95 %", "3,34%", "+6,50%" (a difference in points, flagged), "environ 75 %"."""

from __future__ import annotations

import re

from extract.base import Region, make_record
from extract.models import Record
from extract.numbers import clean, parse_number

PERCENT = re.compile(
    r"(?<![\d.,])(?P<sign>[+\-−±]|[↗↘])?\s?(?P<num>\d{1,3}(?:,\d+)?|\d{1,3}\.\d{1,2})\s?(?:%|pour\s?cent\b|procent\b|percent\b)",
    re.I,
)
_APPROX = re.compile(r"(?:environ|près de|quelque|approximativement|ongeveer|circa|about|around)\s*$", re.I)


def text_percents(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    """Every percentage in text[lo:hi], signed ones flagged as differences in points."""
    out = []
    for m in PERCENT.finditer(text, lo, hi):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        sign = m.group("sign")
        extra: dict = {}
        if sign:
            extra["difference_points"] = True
            if sign in "-−↘":
                value = -value
            extra["sign"] = sign
        if _APPROX.search(text[max(0, m.start() - 25) : m.start()]):
            extra["approximate"] = True
        start = m.start("sign") if sign else m.start("num")
        out.append(make_record(region.doc, "percent", clean(value), start, m.end(), "%", extra))
    return out
