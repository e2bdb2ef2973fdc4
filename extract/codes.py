"""Nomenclature codes (6 digits) and ranges ("355493-355504", abbreviated "458673-684",
"101032 à 101054").

A 6-digit number is a code only where it is no money ("250000 €"), no phone or reference number
("02 739 71 11", "2024/123456"), no count ("123456 habitants") and no round figure ("150000").
"""

from __future__ import annotations

import re

from extract import lexicon_fr as fr
from extract import lexicon_nl as nl
from extract.base import Region, alternation, make_record
from extract.models import Record

RANGE = re.compile(
    r"(?<![\d.,/])(?P<a>\d{6})(?:\s*[-–]\s*|\s+(?:à|au|tot|t/m|tot\s+en\s+met)\s+)(?P<b>\d{6}|\d{3})"
    r"(?![\d.,]\d|\d)"
)
CODE = re.compile(r"(?<![\d.,-])(?<!\d\s)(?P<c>\d{6})(?![\d]|[.,]\d|\s\d)")
_AFTER_CODE = re.compile(r"(?:^|[^\d])\d{6}/$")
_MONEY_AFTER = re.compile(
    r"\s*(?:(?:[-–]|à|tot)\s*\d[\d.,]*\s*)?(?:€|eur\b|euros?\b|%|milliers|millions|duizend|miljoen)",
    re.I,
)
_COUNT_AFTER = re.compile(r"\s*(?:" + alternation(fr.COUNT_NOUNS + nl.COUNT_NOUNS) + r")\b", re.I)
_PHONE_BEFORE = re.compile(r"(?:tél|tel|fax|gsm|\+32)[^\n]{0,6}$", re.I)
_REFERENCE_BEFORE = re.compile(
    r"(?:"
    + alternation(fr.REFERENCE_WORDS + nl.REFERENCE_WORDS)
    + r")\s*(?:n°|nr\.?|no\.?|:)?\s*$",
    re.I,
)
_MONEY_BEFORE = re.compile(r"(?:€|\beur)\s?$", re.I)


def range_end(a: str, b: str) -> str:
    """The full end of a range whose end may be abbreviated ("458673", "684" -> "458684")."""
    return b if len(b) == 6 else a[: 6 - len(b)] + b


def text_ranges(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    """Code ranges; the abbreviated end keeps the leading digits of the start."""
    out = []
    for m in RANGE.finditer(text, lo, hi):
        a, b = m.group("a"), range_end(m.group("a"), m.group("b"))
        if not (0 < int(b) - int(a) < 1000) or _MONEY_AFTER.match(text, m.end()):
            continue
        out.append(
            make_record(region.doc, "code_range", {"from": a, "to": b}, m.start(), m.end(), "code")
        )
    return out


def is_code_at(text: str, s: int, e: int) -> bool:
    """Whether the 6 digits at text[s:e] read as a code in their context."""
    if (
        _MONEY_AFTER.match(text, e)
        or _COUNT_AFTER.match(text, e)
        or _MONEY_BEFORE.search(text[max(0, s - 5) : s])
    ):
        return False
    before = text[max(0, s - 30) : s]
    if (
        text[s:e].endswith("0000")
        or _PHONE_BEFORE.search(before[-12:])
        or _REFERENCE_BEFORE.search(before)
    ):
        return False
    # "2024/123456" is a reference, "102071/102572" two codes
    return not (text[s - 1 : s] == "/" and not _AFTER_CODE.search(text[max(0, s - 8) : s]))


def text_codes(
    region: Region, text: str, lo: int, hi: int, taken: list[tuple[int, int]]
) -> list[Record]:
    """Standalone 6-digit codes (not inside a range or another record)."""
    out = []
    for m in CODE.finditer(text, lo, hi):
        s, e = m.span("c")
        if any(a <= s and e <= b for a, b in taken) or not is_code_at(text, s, e):
            continue
        out.append(make_record(region.doc, "code", m.group("c"), s, e, "code"))
    return out
