"""Amounts of money in euros: "8.588.807 milliers d'euros", "€ 58", "200 millions", "2,5 miljoen
euro", and table figures in a unit given by a header or a unit line ("En 000 EUR").

Numbers that are not money (counts, years, codes, article numbers) are left alone: a figure is
an amount only with a currency, a money scale, or a money unit over its table column.
"""

from __future__ import annotations

import re

from extract import lexicon_fr as fr
from extract import lexicon_nl as nl
from extract.base import Region, alternation, make_record
from extract.models import Record
from ingest.models import Document, Table, TableRow
from ingest.text import squash
from ingest.text.numbers import MONEY_NUMBER_RX, clean, parse_number

SCALES = {**fr.SCALES, **nl.SCALES}
_NUM = MONEY_NUMBER_RX
_SCALE = alternation(SCALES)
_BIG_SCALE = alternation(
    w for w, f in SCALES.items() if f >= 1_000_000 or w in ("milliers", "duizend")
)
_CUR = r"euros?\b|eur\b|€"
AFTER = re.compile(
    rf"(?<![\d.,])(?P<num>{_NUM})\s*(?:(?P<scale>{_SCALE})\b\s*)?(?:(?:d['’]|de\s+)\s*)?(?P<cur>{_CUR})",
    re.I,
)
BEFORE = re.compile(rf"(?P<cur>€|\bEUR)\s?(?P<num>{_NUM})(?:\s+(?P<scale>{_SCALE})\b)?", re.I)
SCALE_ONLY = re.compile(rf"(?<![\d.,])(?P<num>{_NUM})\s+(?P<scale>{_BIG_SCALE})\b", re.I)
_OF_NOUN = re.compile(r"\s*(?:de\s+|d['’]\s*|aan\s+)(?P<noun>[^\W\d_]+)", re.I)
_COUNT_AFTER = re.compile(r"\s*(?:" + alternation(fr.COUNT_NOUNS + nl.COUNT_NOUNS) + r")\b", re.I)
_MONEY_NOUNS = {w.lower() for w in fr.MONEY_NOUNS + nl.MONEY_NOUNS}
_AFTER_MONEY_SCALE = {w.lower() for w in fr.AFTER_MONEY_SCALE + nl.AFTER_MONEY_SCALE}
_BARE_NOUN = re.compile(r"[ \t]*\n?[ \t]*(?P<noun>[^\W\d_]{3,}(?:s|x|en|ën))\b")
_NOT_MONEY_BEFORE = re.compile(
    r"(?:n°|no|nr|numéro|nummer|code|article|artikel|art\.|point|punt|§)\s*$", re.I
)
_PER_UNIT = tuple(fr.PER_UNIT + nl.PER_UNIT)
_NOT_PER_UNIT = re.compile(rf"(?:{fr.NOT_PER_UNIT_RX}|{nl.NOT_PER_UNIT_RX})", re.I)


def amount_value(num: str, scale: str | None) -> float | None:
    """Euros of a number and its scale word ("8.588.807", "milliers") -> 8588807000."""
    value = parse_number(num)
    if value is None:
        return None
    return value * SCALES.get((scale or "").lower(), 1)


def is_aggregate(rec: Record) -> bool:
    """A budget-sized amount: 100,000 euros or more, or a figure written in thousands or millions
    ("75" in a table in 000 EUR, "25 milliers d'EUR") — an envelope, not one act's fee."""
    if rec.type != "amount" or not isinstance(rec.value, (int, float)):
        return False
    m = re.search(_NUM, rec.text)
    written = parse_number(m.group(0)) if m else None
    return rec.value >= 100_000 or bool(written and rec.value >= 999 * written)


def _per_unit(text: str, end: int) -> str | None:
    """ "par honoraires forfaitaires" after an amount, when it is a unit price."""
    tail = text[end : end + 80].lstrip()
    low = tail.lower()
    if not low.startswith(_PER_UNIT) or _NOT_PER_UNIT.match(low):
        return None
    return squash(re.split(r"[.;,\n(]", tail, maxsplit=1)[0])


def _record(region: Region, m: re.Match, start: int, end: int, implied: bool) -> Record | None:
    num = m.group("num")
    if num[:1] in "-−–" and _list_marker(region.text, m.start("num")):
        num = num[1:].lstrip()  # "- 1.234,56 euro voor …": a list item, not a negative amount
        start = max(start, m.end("num") - len(num))
    value = amount_value(num, m.group("scale"))
    if value is None:
        return None
    extra: dict = {}
    per = _per_unit(region.text, end)
    if per:
        extra["per_unit"] = per
    if implied:
        extra["currency_implied"] = True
    return make_record(region.doc, "amount", clean(value), start, end, "EUR", extra)


def _list_marker(text: str, pos: int) -> bool:
    """Whether the dash at `pos` opens a list item: alone at the start of its line, then a space."""
    line = text.rfind("\n", max(0, pos - 200), pos) + 1
    return not text[line:pos].strip(" \t*•>") and text[pos + 1 : pos + 2] in (" ", "\t", "\u00a0")


def _skip(text: str, start: int, num: str) -> bool:
    if _NOT_MONEY_BEFORE.search(text[max(0, start - 12) : start]):
        return True
    return bool(re.fullmatch(r"0+", num.strip()))  # "En 000 EUR" names a unit, it is no amount


def text_amounts(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    """Amounts written with a currency or a money scale in text[lo:hi]."""
    out: list[Record] = []
    taken: list[tuple[int, int]] = []
    for pattern in (AFTER, BEFORE):
        for m in pattern.finditer(text, lo, hi):
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            if _skip(text, start, m.group("num")) or any(
                s < m.end() and start < e for s, e in taken
            ):
                continue
            rec = _record(region, m, start, m.end(), implied=False)
            if rec:
                out.append(rec)
                taken.append((start, m.end()))
    for m in SCALE_ONLY.finditer(text, lo, hi):
        if any(s < m.end() and m.start() < e for s, e in taken) or not _money_scale(text, m.end()):
            continue
        if _skip(text, m.start(), m.group("num")):
            continue
        rec = _record(region, m, m.start(), m.end(), implied=True)
        if rec:
            out.append(rec)
            taken.append((m.start(), m.end()))
    return out


def _money_scale(text: str, end: int) -> bool:
    """Whether "200 millions" (no currency) is money: not "millions de personnes", nor a plural
    noun right after the scale ("4,1 miljoen teleconsultaties")."""
    if _COUNT_AFTER.match(text, end):
        return False
    bare = _BARE_NOUN.match(text, end)
    if bare and bare.group("noun").lower() not in _MONEY_NOUNS | _AFTER_MONEY_SCALE:
        return False
    of = _OF_NOUN.match(text, end)
    return of is None or of.group("noun").lower() in _MONEY_NOUNS


# --- figures in a unit given by a header or a unit line ("En 000 EUR") ------------------------

UNIT_LINE = re.compile(
    r"^[ \t]*\(?(?:en|in|x)\s*(?P<scale>000|1\.000|milliers?|duizend|millions?|miljoen)\s*"
    r"(?:d['’]\s*)?(?:eur|euros?|€)\b\)?[ \t]*$",
    re.I | re.M,
)
_FIG = r"-?\d{1,3}(?:\.\d{3})*(?![\d,%])"
ROW_LINE = re.compile(
    r"^(?P<label>[^\n\t]*?)[ \t]*(?P<date>\b\d\d-\d\d-\d\d\b|\b(?:19|20)\d\d\b)?"
    rf"[ \t]+(?P<a>{_FIG})"
    rf"(?:[ \t]+(?P<b>{_FIG}))?[ \t]*$",
    re.M,
)
_DATE2 = re.compile(r"(\d\d)-(\d\d)-(\d\d)")
_PROSE = re.compile(r"^[ \t]*\(\d{1,2}\)[ \t]+\S|^[ \t]*(?:\S+[ \t]+){14,}", re.M)
_COL_UNIT = re.compile(
    r"(?:\b(?:en|in|x)\s*|\(\s*)?(?P<scale>000|1\.000|k|milliers?|duizend|millions?|miljoen)?"
    r"\s*(?:d['’]\s*)?(?:€|\beur\b|\beuros?\b)",
    re.I,
)


def _scale_factor(word: str | None) -> int:
    word = (word or "").lower()
    if word in ("000", "1.000", "k", "millier", "milliers", "duizend"):
        return 1000
    return 1_000_000 if word.startswith(("million", "miljoen")) else 1


def unit_line_start(text: str, lo: int, hi: int) -> tuple[int, int, int, tuple[str, ...]] | None:
    """(start, end, factor, column labels) of the pseudo-table after a unit line ("En 000 EUR") in
    text[lo:hi]; it ends at the first prose line (a footnote "(1) ..." or a long sentence)."""
    m = UNIT_LINE.search(text, lo, hi)
    if not m:
        return None
    prose = _PROSE.search(text, m.end(), hi)
    end = prose.start() if prose else hi
    first = ROW_LINE.search(text, m.end(), end)
    columns = header_labels(text[m.end() : first.start() if first else end])
    return m.end(), end, _scale_factor(m.group("scale")), columns


def header_labels(header: str) -> tuple[str, ...]:
    """The column labels of a pseudo-table's header lines, first two: a line starting in lower
    case continues the one before ("Base" + "annuelle"), as PDF text wraps a header cell."""
    labels: list[str] = []
    for line in (ln.strip() for ln in header.splitlines()):
        if not line:
            continue
        if labels and line[0].islower():
            labels[-1] += " " + line
        else:
            labels.append(line)
    return tuple(" ".join(lb.split()) for lb in labels[:2])


def _effective(date: str | None) -> str | None:
    if not date:
        return None
    m = _DATE2.fullmatch(date)
    return f"20{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else date


def _row_record(
    doc: Document, figures: list[tuple[float, int, int]], factor: int, label: str, date: str | None,
    columns: tuple[str, ...] = (),
) -> list[Record]:
    """The records of a row: its first figure (a second, the annual base, also in its extra), and
    the second figure as a record of its own; each names its column when the header does."""
    first, rest = figures[0][0], figures[1:]
    unit = "thousands of euros (table unit)" if factor == 1000 else f"x{factor} euros (table unit)"
    extra: dict = {
        "unit_note": unit,
        "row": label,
        "first_column_keur" if factor == 1000 else "first_column": clean(first),
    }
    if rest:
        extra["second_column_keur" if factor == 1000 else "second_column"] = clean(rest[0][0])
    if date:
        extra["date_effet"] = _effective(date)
    out = []
    for i, (value, a, b) in enumerate(figures[:2]):
        cell = dict(extra, column=columns[i]) if i < len(columns) and columns[i] else dict(extra)
        out.append(make_record(doc, "amount", clean(value * factor), a, b, "EUR", cell))
    return out


def line_amounts(
    region: Region, text: str, lo: int, hi: int, factor: int, skip: list[tuple[int, int]],
    columns: tuple[str, ...] = (),
) -> list[Record]:
    """Rows of a line-per-row pseudo-table (a PDF table as text): label, date, 1 or 2 figures."""
    out = []
    for m in ROW_LINE.finditer(text, lo, hi):
        if any(s <= m.start() < e for s, e in skip):
            continue
        label = m.group("label").strip()
        if "%" in label or (not m.group("b") and not m.group("date")):
            continue
        figures = [
            (parse_number(m.group(g)), m.start(g), m.end(g)) for g in ("a", "b") if m.group(g)
        ]
        if any(v is None for v, _, _ in figures):
            continue
        out += _row_record(
            region.doc, figures, factor, label or _previous_label(text, m.start()), m.group("date"), columns
        )
    return out


def _previous_label(text: str, pos: int) -> str:
    before = text[max(0, pos - 300) : pos].rstrip().split("\n")
    return next((line.strip() for line in reversed(before) if line.strip()), "")


# --- tables with cells ------------------------------------------------------------------------

_CELL_FIG = re.compile(r"^[-−]?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^[-−]?\d+(?:,\d+)?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_CELL_DATE = re.compile(r"^\d\d-\d\d-\d\d$|^(?:19|20)\d\d$")


def column_factors(table: Table) -> dict[int, int]:
    """Money columns of a table and their factor: every column under a table unit ("En 000 EUR"),
    or the columns whose header names a currency ("Montant (EUR)", "en milliers d'euros")."""
    if table.unit:
        m = _COL_UNIT.search(table.unit)
        factor = _scale_factor(m.group("scale")) if m else 1000
        return {i: factor for i in range(max((len(r.cells) for r in table.rows), default=0))}
    out = {}
    for i, label in enumerate(table.header):
        m = _COL_UNIT.search(label or "")
        if m:
            out[i] = _scale_factor(m.group("scale"))
    return out


def cell_spans(text: str, row: TableRow) -> list[tuple[int, int]]:
    """Span of each cell of a row in the text (cells are cleaned; find their raw text in order)."""
    spans, pos = [], row.start
    for cell in row.cells:
        idx = text.find(cell, pos, row.end) if cell else -1
        if idx < 0:
            spans.append((pos, pos))
            continue
        spans.append((idx, idx + len(cell)))
        pos = idx + len(cell)
    return spans


def _classify(row: TableRow, spans: list[tuple[int, int]], factors: dict[int, int]):
    """Label texts, effective date and figures (value, start, end, factor) of a row's cells."""
    texts, date, figures = [], None, []
    for i, (cell, (s, e)) in enumerate(zip(row.cells, spans, strict=False)):
        if not cell:
            continue
        if _CELL_DATE.match(cell) and not figures and date is None:
            date = cell
        elif (
            i in factors
            and _CELL_FIG.match(cell)
            and e > s
            and (value := parse_number(cell)) is not None
        ):
            figures.append((value, s, e, factors[i]))
        elif not _CELL_FIG.match(cell):
            texts.append(cell)
    return " ".join(texts), date, figures


def table_amounts(doc: Document, table: Table) -> list[Record]:
    """Amounts of a table with money columns: a record per figure, each naming its row and
    column (of a row with two figures, the first also carries the second in extra)."""
    factors = column_factors(table)
    if not factors:
        return []
    out: list[Record] = []
    label, columns = "", list(table.header)
    for row in table.rows:
        spans = cell_spans(doc.text, row)
        text, date, figures = _classify(row, spans, factors)
        label = text or label
        cells = [doc.text[s:e] for _, s, e, _ in figures]
        if figures and all(_YEAR.match(c) for c in cells + ([date] if date else [])):
            columns = list(row.cells)  # a header row of years, read as data by the table reader
            continue
        if not figures:
            continue
        if len(figures) <= 2:
            idx = [next((i for i, sp in enumerate(spans) if sp == f[1:3]), -1) for f in figures]
            names = tuple(columns[i] if 0 <= i < len(columns) else "" for i in idx)
            out += _row_record(doc, [f[:3] for f in figures], figures[0][3], label, date, names)
            continue
        for value, s, e, factor in figures:
            col = next((i for i, sp in enumerate(spans) if sp == (s, e)), -1)
            out.append(
                _cell_record(
                    doc, value, s, e, factor, label, columns[col] if 0 <= col < len(columns) else ""
                )
            )
    return out


def _cell_record(
    doc: Document, value: float, s: int, e: int, factor: int, label: str, column: str
) -> Record:
    extra = {"row": label, "table_unit_factor": factor, **({"column": column} if column else {})}
    return make_record(doc, "amount", clean(value * factor), s, e, "EUR", extra)
