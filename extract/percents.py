"""Percents: "1,95 %", "3,34%", "+6,50%" and "0,5 point de pourcentage" (differences in points,
flagged), "environ 75 %", "2,5 procent"."""

from __future__ import annotations

import re

from extract import lexicon_fr as fr
from extract import lexicon_nl as nl
from extract.amounts import cell_spans
from extract.base import Region, make_record
from extract.models import Record
from ingest.models import Document, Table
from ingest.text.numbers import clean, parse_number

_NUM = r"\d{1,3}(?:,\d+)?|\d{1,3}\.\d{1,2}(?!\d)"
PERCENT = re.compile(
    rf"(?<![\d.,])(?:(?<![\d.,])(?<!\d\s)(?P<sign>[+\-−±]|[↗↘]))?\s?(?P<num>{_NUM})\s?"
    rf"(?:(?P<points>{fr.POINTS_RX}|{nl.POINTS_RX})|{fr.PERCENT_WORDS_RX}|{nl.PERCENT_WORDS_RX})",
    re.I,
)
_APPROX = re.compile(
    r"(?:environ|près\s+de|quelque|approximativement|ongeveer|circa|bijna)\s*$", re.I
)
_NEGATIVE = "-−↘"


def percent_value(sign: str | None, num: str) -> float | None:
    """The signed value of a percentage ("↘", "0,32" -> -0.32)."""
    value = parse_number(num)
    if value is None:
        return None
    return -value if sign and sign in _NEGATIVE else value


def text_percents(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    """Every percentage in text[lo:hi]; signed ones and "points" are differences in points."""
    out = []
    for m in PERCENT.finditer(text, lo, hi):
        sign = m.group("sign")
        value = percent_value(sign, m.group("num"))
        if value is None:
            continue
        extra: dict = {}
        if sign or m.group("points"):
            extra["difference_points"] = True
        if sign:
            extra["sign"] = sign
        if _APPROX.search(text[max(0, m.start() - 25) : m.start()]):
            extra["approximate"] = True
        start = m.start("sign") if sign else m.start("num")
        out.append(make_record(region.doc, "percent", clean(value), start, m.end(), "%", extra))
    return out


_PERCENT_HEADER = re.compile(rf"%|\bpourcentage\b|\bpercentage\b|{nl.PERCENT_WORDS_RX}", re.I)
_BARE = re.compile(r"^[+\-−]?\d{1,3}(?:,\d+)?$")


def table_percents(doc: Document, table: Table) -> list[Record]:
    """Bare figures ("89,48") in a table column whose header says "%": percents."""
    columns = {i for i, label in enumerate(table.header) if label and _PERCENT_HEADER.search(label)}
    out = []
    for row in table.rows if columns else []:
        for i, (cell, (s, e)) in enumerate(zip(row.cells, cell_spans(doc.text, row), strict=False)):
            if i not in columns or not _BARE.match(cell) or e <= s:
                continue
            value = percent_value(cell[0] if cell[0] in "+-−" else None, cell.lstrip("+-−"))
            if value is not None and abs(value) <= 100:
                out.append(
                    make_record(doc, "percent", clean(value), s, e, "%", {"unit_from_header": True})
                )
    return out
