"""Tariff rows from tariff tables, read by cell content so shifted headers never move values.

A row holds a key-letter cell ("B = 1,257532", "I = 0,838485") or a bare coefficient
("1,323274"), the AMB and HOS codes (6 digits, maybe "565025 = B"), the relative value, then the
money columns: fee and four reimbursements (ambulatory/hospitalised, with/without preferential
scheme). With only four money columns the fee is coefficient x relative value. A row may lack its
HOS code ("-") when it has a coefficient. `valid_from` is the document's effective date.
"""

from __future__ import annotations

import re

from extract.base import make_record
from extract.dates import VALID_FROM
from extract.models import Record
from ingest.models import Document, Table, TableRow
from ingest.text.dates import find_dates
from ingest.text.numbers import clean, parse_number

LETTER = re.compile(r"^(?P<letter>[A-Z]{1,3})\s*=\s*(?P<coef>\d+(?:[.,]\d+)?)$")
BARE_COEF = re.compile(r"^\d+,\d{4,}$")
CODE_CELL = re.compile(r"^(?P<code>\d{6})(?:\s*=\s*(?P<letter>[A-Z]{1,3}))?$")
MARKER = re.compile(r"^=\s*[A-Z]{1,3}$")
NO_CODE = re.compile(
    r"^[-–—/]$"
)  # a code column left empty on purpose ("-" where no HOS code exists)
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
        elif NO_CODE.match(cell) and len(codes) == 1 and not numbers:
            codes.append(None)
        elif (value := parse_number(cell)) is not None and codes:
            numbers.append(value)
    if (
        not codes
        or (len(codes) < 2 and not coef)
        or len(numbers) < 5
        or (len(numbers) == 5 and not coef)
    ):
        return None
    return _fields(letter, coef, codes + [None], numbers)


def _fields(
    letter: str | None, coef: float | None, codes: list[str | None], numbers: list[float]
) -> dict | None:
    relative, money = numbers[0], numbers[1:]
    if len(money) == 4 and coef:
        fee = round(coef * relative, 2)
        money = [fee, *money]
    if len(money) < 5:
        return None
    row = {
        "code_amb": codes[0],
        "code_hos": codes[1],
        "letter": letter,
        "coefficient": clean(coef) if coef is not None else None,
        "relative_value": clean(relative),
        "fee": clean(money[0]),
    }
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


def valid_from(doc: Document, table: Table) -> str | None:
    """The date the tariffs apply from: the document's effective date, else the last "à partir du
    <date>" written before the table."""
    if doc.valid_from:
        return doc.valid_from
    found = [
        v
        for s, _, v in find_dates(doc.text, 0, table.start)
        if VALID_FROM.search(doc.text[max(0, s - 40) : s])
    ]
    return found[-1] if found else None


def _row_record(doc: Document, table: Table, row: TableRow) -> Record | None:
    fields = parse_row(row.cells)
    if fields is None:
        return None
    fields["valid_from"] = valid_from(doc, table)
    extra = {"table": table.heading, "header": table.header}
    return make_record(doc, "tariff_row", fields, row.start, row.end, "EUR", extra)
