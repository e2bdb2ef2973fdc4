"""Passages: bounded spans of text that never cross a section boundary.

Paragraphs of a section's own text are grouped up to a target size; a long
paragraph is cut at sentence ends. Every table row is a passage of its own,
indexed with its table's heading and column labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.models import Passage, Section, Span, Table
from ingest.text.sentences import paragraphs, sentences

_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]?\s*\d{1,4}\s*[-–]?|page\s+\d+(?:\s*(?:/|sur|of|van)\s*\d+)?)\s*$", re.I)


@dataclass(frozen=True)
class PassageLimits:
    """Size bounds for passages, in characters."""

    target: int = 600
    maximum: int = 1000


def _own_regions(sections: list[Section], text_len: int) -> list[tuple[int | None, int, int]]:
    """(section id, start, end) of the text each section holds before its first child."""
    regions = []
    first = min((s.start for s in sections), default=text_len)
    if first > 0:
        regions.append((None, 0, first))
    for sec in sections:
        children = [c.start for c in sections if c.parent == sec.id]
        regions.append((sec.id, sec.start, min(children, default=sec.end)))
    return regions


def uncovered(start: int, end: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) that no span (chrome, a table) covers, in order."""
    out, pos = [], start
    for s, e in sorted(sp for sp in spans if sp[0] < end and start < sp[1]):
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < end:
        out.append((pos, end))
    return out


def _units(text: str, start: int, end: int, blocked: list[tuple[int, int]], limits: PassageLimits):
    """Paragraphs (or sentence runs of long ones) outside chrome, tables and page numbers; None
    marks a break that a passage must not run over."""
    for fs, fe in uncovered(start, end, blocked):
        yield None
        for ps, pe in paragraphs(text, fs, fe):
            if _PAGE_NUMBER.match(text[ps:pe]):
                yield None
            elif pe - ps <= limits.maximum:
                yield (ps, pe)
            else:
                yield from sentences(text, ps, pe)


def _group(units, limits: PassageLimits) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for unit in units:
        if unit is None:
            if cur:
                out.append(cur)
            cur = None
            continue
        if cur and (cur[1] - cur[0] >= limits.target or unit[1] - cur[0] > limits.maximum):
            out.append(cur)
            cur = None
        cur = (cur[0], unit[1]) if cur else unit
    if cur:
        out.append(cur)
    return out


def build_passages(
    text: str,
    sections: list[Section],
    tables: list[Table],
    boilerplate: list[Span],
    title: str,
    limits: PassageLimits | None = None,
) -> list[Passage]:
    """All passages of a document, in text order."""
    limits = limits or PassageLimits()
    by_id = {s.id: s for s in sections}
    blocked = [(b.start, b.end) for b in boilerplate] + [(t.start, t.end) for t in tables]
    spans: list[tuple[int, int, int | None, str, int | None]] = []
    for sec_id, start, end in _own_regions(sections, len(text)):
        for s, e in _group(_units(text, start, end, blocked, limits), limits):
            spans.append((s, e, sec_id, "text", None))
    for table in tables:
        for row in table.rows:
            spans.append((row.start, row.end, table.section, "table_row", table.id))
    spans.sort()
    out = []
    for i, (s, e, sec_id, kind, table_id) in enumerate(spans):
        sec = by_id.get(sec_id) if sec_id is not None else None
        ctx = _context(title, sec, tables[table_id] if table_id is not None else None)
        out.append(Passage(id=i, section=sec_id, kind=kind, table=table_id, start=s, end=e, text=text[s:e], context=ctx))
    return out


def _context(title: str, sec: Section | None, table: Table | None) -> str:
    parts = [title]
    if sec:
        parts.append(sec.path)
    if table:
        if table.heading and (not sec or table.heading not in sec.path):
            parts.append(table.heading)
        labels = [h for h in table.header if h]
        if labels:
            parts.append(" | ".join(labels))
        if table.unit:
            parts.append(table.unit)
    return " — ".join(p for p in parts if p)
