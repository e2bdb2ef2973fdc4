"""Nomenclature codes (6 digits) and ranges ("355493-355504", abbreviated "458673-684")."""

from __future__ import annotations

import re

from extract.base import Region, make_record
from extract.models import Record

RANGE = re.compile(r"(?<![\d.,/])(?P<a>\d{6})\s*[-–]\s*(?P<b>\d{6}|\d{3})(?![\d.,]\d|\d)")
CODE = re.compile(r"(?<![\d.,-])(?<!\d\s)(?P<c>\d{6})(?![\d]|[.,]\d|\s\d)")
_AFTER_CODE = re.compile(r"(?:^|[^\d])\d{6}/$")
_MONEY_AFTER = re.compile(r"\s*(?:€|eur\b|euros?\b|%|milliers|millions)", re.I)
_PHONE_BEFORE = re.compile(r"(?:tél|tel|fax|gsm|\+32)[^\n]{0,6}$", re.I)


def _range_end(a: str, b: str) -> str:
    return b if len(b) == 6 else a[: 6 - len(b)] + b


def text_ranges(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    """Code ranges; the abbreviated end keeps the leading digits of the start."""
    out = []
    for m in RANGE.finditer(text, lo, hi):
        a, b = m.group("a"), _range_end(m.group("a"), m.group("b"))
        if not (0 < int(b) - int(a) < 1000):
            continue
        out.append(make_record(region.doc, "code_range", {"from": a, "to": b}, m.start(), m.end(), "code"))
    return out


def text_codes(region: Region, text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[Record]:
    """Standalone 6-digit codes (not money, not phone numbers, not inside a range)."""
    out = []
    for m in CODE.finditer(text, lo, hi):
        s, e = m.span("c")
        if any(a <= s and e <= b for a, b in taken) or _MONEY_AFTER.match(text, e):
            continue
        if _PHONE_BEFORE.search(text[max(0, s - 12) : s]):
            continue
        if text[s - 1 : s] == "/" and not _AFTER_CODE.search(text[max(0, s - 8) : s]):
            continue  # "2024/123456" is a reference, "102071/102572" two codes
        out.append(make_record(region.doc, "code", m.group("c"), s, e, "code"))
    return out
