"""extract: normalised records (amounts, percents, dates, codes, legal references, obligations,
tariff rows) from a Document, each with the exact span it was read from.

`extract_document(doc)` runs the extractors over each section's own text (the text before its
first subsection), after the tariff tables (whose cells belong to their tariff rows only), and
returns the records de-duplicated and sorted by position. The dates a document gives of itself
(`Document.dates`: signed, concluded, published, valid from, valid until, the period covered) are
labelled with their role in `extra["role"]`.
"""

from __future__ import annotations

from extract.amounts import line_amounts, table_amounts, text_amounts, unit_line_start
from extract.base import Region, inside, make_record, overlaps, touches
from extract.codes import text_codes, text_ranges
from extract.dates import delay_records, full_dates, partial_dates
from extract.legal import legal_refs
from extract.models import RECORD_TYPES, Record
from extract.obligations import obligations
from extract.percents import table_percents, text_percents
from extract.tariffs import tariff_rows
from ingest.models import Document
from ingest.passages import uncovered

# Bump when extraction changes, so re-ingesting an unchanged file re-extracts it.
EXTRACT_VERSION = "8"

Span = tuple[int, int]


def _own_regions(doc: Document) -> list[tuple[int | None, int, int]]:
    """(section id, start, end) of each section's own text, and of the text before any section."""
    first = min((s.start for s in doc.sections), default=len(doc.text))
    regions = [(None, 0, first)] if first > 0 else []
    for sec in doc.sections:
        children = [c.start for c in doc.sections if c.parent == sec.id]
        regions.append((sec.id, sec.start, min(children, default=sec.end)))
    return regions


def _value_records(
    region: Region, a: int, b: int, unit_rows: tuple[int, int, int, tuple[str, ...]] | None,
    table_spans: list[Span],
) -> list[Record]:
    """Amounts, percents, dates, codes and legal references of text[a:b]."""
    text = region.text
    legal = legal_refs(region, text, a, b)
    legal_spans = [(r.start, r.end) for r in legal if "published" not in r.value]  # a publication's date is an event
    out = list(legal) + text_amounts(region, text, a, b) + text_percents(region, text, a, b)
    if unit_rows and unit_rows[0] < b and a < unit_rows[1]:
        lo, hi, factor, columns = unit_rows
        out += line_amounts(region, text, max(a, lo), min(b, hi), factor, table_spans, columns)
    dates = [d for d in full_dates(region, text, a, b) if not touches(legal_spans, d.start, d.end)]
    out += dates
    out += partial_dates(region, text, a, b, legal_spans + [(d.start, d.end) for d in dates])
    out += delay_records(region, text, a, b)
    ranges = text_ranges(region, text, a, b)
    out += ranges
    out += text_codes(region, text, a, b, [(r.start, r.end) for r in ranges] + legal_spans)
    return out


def extract_document(doc: Document) -> list[Record]:
    """All records of a document, in text order, without duplicates."""
    tariffs, tariff_spans = tariff_rows(doc)
    holes = [(b.start, b.end) for b in doc.boilerplate] + tariff_spans
    records = list(tariffs)
    money_tables = []
    for table in doc.tables:
        if not any(s <= table.start < e for s, e in holes):
            found = table_amounts(doc, table)
            records += found + table_percents(doc, table)
            if found:
                money_tables.append((table.start, table.end))
    for sec_id, lo, hi in _own_regions(doc):
        region = Region(doc, lo, hi, sec_id)
        unit_rows = unit_line_start(doc.text, lo, hi)
        for a, b in uncovered(lo, hi, holes):
            records += _value_records(region, a, b, unit_rows, money_tables)
        records += obligations(region, doc.text, lo, hi, holes)
    records = _dedupe(records + _periods(doc))
    label_table_cells(doc, records)
    label_own_dates(doc, records)
    return records


def _periods(doc: Document) -> list[Record]:
    """The period a document covers, where its text writes it ("accord 2024-2025"), as a date
    record valued "2024/2025" (or "2022" for one year)."""
    return [make_record(doc, "date", d.value, d.start, d.end, "period", {"role": "period"})
            for d in doc.dates if d.role == "period" and d.start is not None and d.end is not None]


def label_own_dates(doc: Document, records: list[Record]) -> None:
    """Give each date the document gives of itself (signed, concluded, published, valid from or
    until) its role in extra, so that the document's metadata can be read from its records."""
    roles = {(d.start, d.end): d.role for d in doc.dates if d.start is not None}
    for rec in records:
        role = roles.get((rec.start, rec.end))
        if rec.type == "date" and role:
            rec.extra.setdefault("role", role)


def label_table_cells(doc: Document, records: list[Record]) -> None:
    """Give each value read from a table cell its row label and column header in extra."""
    rows = [(row, table) for table in doc.tables for row in table.rows]
    for rec in records:
        if rec.type not in ("amount", "percent", "date", "code"):
            continue
        for row, table in rows:
            if row.start <= rec.start < row.end:
                col = doc.text[row.start : rec.start].count("\t")
                if col < len(table.header) and table.header[col]:
                    rec.extra.setdefault("column", table.header[col])
                if row.cells and row.cells[0] and col > 0:
                    rec.extra.setdefault("row", row.cells[0])
                break


def _dedupe(records: list[Record]) -> list[Record]:
    """One record per id; no code where an amount or percent was read, no amount inside another."""
    seen: set[str] = set()
    out = []
    money = [(r.start, r.end) for r in records if r.type in ("amount", "percent")]
    for rec in sorted(records, key=lambda r: (r.start, -r.end, r.type)):
        if rec.id in seen:
            continue
        if rec.type == "code" and any(overlaps((rec.start, rec.end), s) for s in money):
            continue
        if rec.type == "amount" and any(
            o.type == "amount"
            and inside([(o.start, o.end)], rec.start, rec.end)
            and (o.start, o.end) != (rec.start, rec.end)
            for o in out
        ):
            continue
        seen.add(rec.id)
        out.append(rec)
    return out


__all__ = ["EXTRACT_VERSION", "RECORD_TYPES", "Record", "extract_document"]
