"""extract: normalised records (amounts, percents, dates, codes, legal references, obligations,
tariff rows) from a Document, each with the exact span it was read from."""

from __future__ import annotations

from extract.amounts import text_amounts, unit_amounts, unit_start
from extract.base import Region, inside, overlaps
from extract.codes import text_codes, text_ranges
from extract.dates import delay_records, full_dates, partial_dates
from extract.legal import legal_refs
from extract.models import RECORD_TYPES, Record
from extract.obligations import obligations
from extract.percents import text_percents
from extract.tariffs import tariff_rows
from ingest.models import Document

# Bump when extraction changes, so re-ingesting an unchanged file re-extracts it.
EXTRACT_VERSION = "2"


def _own_regions(doc: Document) -> list[tuple[int | None, int, int]]:
    """(section id, start, end) of each section's own text, and of the text before any section."""
    first = min((s.start for s in doc.sections), default=len(doc.text))
    regions = [(None, 0, first)] if first > 0 else []
    for sec in doc.sections:
        children = [c.start for c in doc.sections if c.parent == sec.id]
        regions.append((sec.id, sec.start, min(children, default=sec.end)))
    return regions


def _pieces(lo: int, hi: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """text[lo:hi] minus the holes, as ordered pieces."""
    out, pos = [], lo
    for s, e in sorted(holes):
        if e <= pos or s >= hi:
            continue
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < hi:
        out.append((pos, hi))
    return out


def _region_records(doc: Document, sec_id: int | None, lo: int, hi: int,
                    holes: list[tuple[int, int]]) -> list[Record]:
    region = Region(doc, lo, hi, sec_id)
    text = doc.text
    out: list[Record] = []
    unit_from = unit_start(region, text, lo, hi)
    for a, b in _pieces(lo, hi, holes):
        legal = legal_refs(region, text, a, b)
        legal_spans = [(r.start, r.end) for r in legal]
        out += legal
        out += text_amounts(region, text, a, b)
        if unit_from is not None and unit_from < b:
            out += unit_amounts(region, text, max(a, unit_from), b)
        out += text_percents(region, text, a, b)
        dates = full_dates(region, text, a, b)
        out += [d for d in dates if not inside(legal_spans, d.start, d.end)]
        taken = legal_spans + [(d.start, d.end) for d in dates]
        out += partial_dates(region, text, a, b, taken)
        out += delay_records(region, text, a, b)
        ranges = text_ranges(region, text, a, b)
        out += ranges
        out += text_codes(region, text, a, b, [(r.start, r.end) for r in ranges])
    out += obligations(region, text, lo, hi, holes)
    return out


def extract_document(doc: Document) -> list[Record]:
    """All records of a document, in text order, without duplicates."""
    tariffs, tariff_spans = tariff_rows(doc)
    holes = [(b.start, b.end) for b in doc.boilerplate] + tariff_spans
    records = list(tariffs)
    for sec_id, lo, hi in _own_regions(doc):
        records += _region_records(doc, sec_id, lo, hi, holes)
    records = _dedupe(records)
    label_table_cells(doc, records)
    return records


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
    seen: set[str] = set()
    out = []
    amounts = [(r.start, r.end) for r in records if r.type in ("amount", "percent")]
    for rec in sorted(records, key=lambda r: (r.start, -r.end, r.type)):
        if rec.id in seen:
            continue
        if rec.type == "code" and any(overlaps((rec.start, rec.end), s) for s in amounts):
            continue
        seen.add(rec.id)
        out.append(rec)
    return out


__all__ = ["EXTRACT_VERSION", "RECORD_TYPES", "Record", "extract_document"]
