"""Tariff rows from tariff tables, read by cell content so shifted headers never move values.

A row holds a key-letter cell ("B = 1,257532", "I = 0,838485") or a bare coefficient
("1,323274"), the AMB and HOS codes (6 digits, maybe "565025 = B"), the relative value, then the
money columns: fee and four reimbursements (ambulatory/hospitalised, with/without preferential
scheme). With only four money columns the fee is coefficient x relative value.
"""

from __future__ import annotations

import re

from extract.base import make_record
from extract.models import Record
from extract.numbers import clean, parse_number
from ingest.models import Document, Table, TableRow

LETTER = re.compile(r"^(?P<letter>[A-Z]{1,3})\s*=\s*(?P<coef>\d+(?:[.,]\d+)?)$")
BARE_COEF = re.compile(r"^\d+,\d{4,}$")
CODE_CELL = re.compile(r"^(?P<code>\d{6})(?:\s*=\s*(?P<letter>[A-Z]{1,3}))?$")
MARKER = re.compile(r"^=\s*[A-Z]{1,3}$")
FIELDS = ("amb_pref", "amb_nonpref", "hos_pref", "hos_nonpref")


def parse_row(cells: list[str]) -> dict | None:
    """The tariff fields of a row's cells, or None when the row is not a tariff row."""
    letter, coef, codes, numbers = None, None, [], []
    for cell in (c.strip() for c in cells):
        if not cell or MARKER.match(cell):
            continue
        if (m := LETTER.match(cell)) and coef is None:
            letter, coef = m.group("letter"), parse_number(m.group("coef"))
        elif BARE_COEF.match(cell) and coef is None and not codes:
            coef = parse_number(cell)
        elif (m := CODE_CELL.match(cell)) and len(codes) < 2:
            codes.append(m.group("code"))
            letter = letter or m.group("letter")
        elif (value := parse_number(cell)) is not None and codes:
            numbers.append(value)
    if len(codes) < 2 or len(numbers) < 5 or (len(numbers) == 5 and not coef):
        return None
    return _fields(letter, coef, codes, numbers)


def _fields(letter: str | None, coef: float | None, codes: list[str], numbers: list[float]) -> dict | None:
    relative, money = numbers[0], numbers[1:]
    if len(money) == 4 and coef:
        fee = round(coef * relative, 2)
        money = [fee, *money]
    if len(money) < 5:
        return None
    row = {"code_amb": codes[0], "code_hos": codes[1], "letter": letter,
           "coefficient": clean(coef) if coef is not None else None,
           "relative_value": clean(relative), "fee": clean(money[0])}
    row.update({name: clean(v) for name, v in zip(FIELDS, money[1:5], strict=False)})
    return row


def tariff_rows(doc: Document) -> tuple[list[Record], list[tuple[int, int]]]:
    """Tariff-row records of every table, and the spans of the tables read as tariff tables."""
    out: list[Record] = []
    spans: list[tuple[int, int]] = []
    for table in doc.tables:
        recs = [r for r in (_row_record(doc, table, row) for row in table.rows) if r]
        if recs:
            out += recs
            spans.append((table.start, table.end))
    return out, spans


def _row_record(doc: Document, table: Table, row: TableRow) -> Record | None:
    fields = parse_row(row.cells)
    if fields is None:
        return None
    fields["valid_from"] = doc.valid_from
    extra = {"table": table.heading, "header": table.header}
    return make_record(doc, "tariff_row", fields, row.start, row.end, "EUR", extra)
