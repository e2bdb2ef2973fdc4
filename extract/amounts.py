"""Amounts of money in euros: "8.588.807 milliers d'euros", "€ 58", "200 millions", table figures
in a unit given by a header ("En 000 EUR")."""

from __future__ import annotations

import re

from extract.base import Region, make_record
from extract.lexicon_fr import COUNT_NOUNS, PER_UNIT, SCALES
from extract.models import Record
from extract.numbers import clean, parse_number

_NUM = r"[-−]?\s?\d{1,3}(?:\.\d{3})+(?:,\s?\d{1,2}(?!\d))?|[-−]?\d+(?:,\d+)?"
_SCALE = r"milliers?|mille|millions?|milliards?|mio|mln|mrd|duizend|miljoen(?:en)?|miljard|thousand|billion"
_CUR = r"euros?\b|eur\b|€"
AFTER = re.compile(
    rf"(?<![\d.,])(?P<num>{_NUM})\s*(?P<scale>{_SCALE})?\s*(?:(?:d['’]|de\s+)\s*)?(?P<cur>{_CUR})", re.I
)
BEFORE = re.compile(rf"(?P<cur>€|\bEUR)\s?(?P<num>{_NUM})(?:\s+(?P<scale>{_SCALE}))?\b", re.I)
SCALE_ONLY = re.compile(rf"(?<![\d.,])(?P<num>{_NUM})\s+(?P<scale>millions?|milliards?|miljoen|miljard)\b", re.I)
_COUNT_AFTER = re.compile(r"\s*(?:de\s+|d['’]\s*)?(" + "|".join(COUNT_NOUNS) + r"|actes|acte)\b", re.I)
_NOT_MONEY_BEFORE = re.compile(r"(?:n°|no|nr|numéro|code|article|art\.|point|§)\s*$", re.I)


def _value(num: str, scale: str | None) -> float | None:
    value = parse_number(num.replace(" ", "") if "," not in num else num.replace(", ", ","))
    if value is None:
        return None
    return value * SCALES.get((scale or "").lower(), 1)


def _per_unit(text: str, end: int) -> str | None:
    tail = text[end : end + 60]
    stripped = tail.lstrip()
    for marker in PER_UNIT:
        if stripped.lower().startswith(marker):
            return " ".join(re.split(r"[.;,\n(]", stripped, maxsplit=1)[0].split())
    return None


def _record(region: Region, m: re.Match, start: int, end: int, unit_word: str | None) -> Record | None:
    value = _value(m.group("num"), m.group("scale"))
    if value is None:
        return None
    extra: dict = {}
    per = _per_unit(region.text, end)
    if per:
        extra["per_unit"] = per
    if unit_word is None:
        extra["currency_implied"] = True
    return make_record(region.doc, "amount", clean(value), start, end, "EUR", extra)


def text_amounts(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    """Amounts written with a currency or a money scale in text[lo:hi]."""
    out: list[Record] = []
    taken: list[tuple[int, int]] = []
    for pattern in (AFTER, BEFORE):
        for m in pattern.finditer(text, lo, hi):
            start, end = m.start(), m.end()
            start += len(m.group(0)) - len(m.group(0).lstrip())
            if _NOT_MONEY_BEFORE.search(text[max(0, start - 12) : start]) or any(s < end and start < e for s, e in taken):
                continue
            if re.fullmatch(r"00+", m.group("num").strip()):
                continue  # "En 000 EUR" names a unit, it is no amount
            rec = _record(region, m, start, end, m.group("cur"))
            if rec:
                out.append(rec)
                taken.append((start, end))
    for m in SCALE_ONLY.finditer(text, lo, hi):
        if any(s < m.end() and m.start() < e for s, e in taken) or _COUNT_AFTER.match(text, m.end()):
            continue
        rec = _record(region, m, m.start(), m.end(), None)
        if rec:
            out.append(rec)
            taken.append((m.start(), m.end()))
    return out


# --- figures in a unit given by a header ("En 000 EUR") -------------------------------------

UNIT_LINE = re.compile(
    r"^[ \t]*\(?(?:en|in|x)\s*(?:000|1\.000|milliers?|duizend)\s*(?:d['’]\s*)?(?:eur|euros?|€)\b\)?",
    re.I | re.M,
)
_FIG = r"-?\d{1,3}(?:\.\d{3})*(?![\d,%])"
ROW_LINE = re.compile(
    rf"^(?P<label>[^\n]*?)[ \t]*(?P<date>\b\d\d-\d\d-\d\d\b|\b(?:19|20)\d\d\b)?[ \t]+(?P<a>{_FIG})(?:[ \t]+(?P<b>{_FIG}))?[ \t]*$",
    re.M,
)
_DATE2 = re.compile(r"(\d\d)-(\d\d)-(\d\d)")


def unit_start(region: Region, text: str, lo: int, hi: int) -> int | None:
    """Where figures start being thousands of euros in text[lo:hi]: after a line such as
    "En 000 EUR", or at a table whose header gives that unit."""
    m = UNIT_LINE.search(text, lo, hi)
    starts = [m.end()] if m else []
    starts += [t.start for t in region.doc.tables if t.unit and lo <= t.start < hi and UNIT_LINE.match(t.unit)]
    return min(starts) if starts else None


def _effective(date: str | None) -> str | None:
    if not date:
        return None
    m = _DATE2.fullmatch(date)
    return f"20{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else date


def unit_amounts(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    """Rows of figures in thousands of euros after a unit line: label, effective date, amounts.

    The first figure of a row (the year's amount) is the value; a second (annual base) goes to extra.
    """
    out = []
    for m in ROW_LINE.finditer(text, lo, hi):
        label = m.group("label").strip()
        if not m.group("b") and not m.group("date"):
            continue
        if "%" in label or (not label and not m.group("date") and not m.group("b")):
            continue
        first = parse_number(m.group("a"))
        second = parse_number(m.group("b")) if m.group("b") else None
        if first is None:
            continue
        extra = {"unit_note": "thousands of euros (table unit)", "row": label or _previous_label(text, m.start()),
                 "first_column_keur": clean(first)}
        if second is not None:
            extra["second_column_keur"] = clean(second)
        eff = _effective(m.group("date"))
        if eff:
            extra["date_effet"] = eff
        out.append(make_record(region.doc, "amount", clean(first * 1000), m.start("a"), m.end("a"), "EUR", extra))
    return out


def _previous_label(text: str, pos: int) -> str:
    before = text[max(0, pos - 300) : pos].rstrip().split("\n")
    for line in reversed(before):
        if line.strip():
            return line.strip()
    return ""
