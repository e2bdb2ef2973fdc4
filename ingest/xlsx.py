"""Reader for spreadsheets (.xlsx, openpyxl): each sheet becomes a titled table of tab-separated rows.

Numbers are written the Belgian way, as the circulars print them ("2.515,06", "1,257532",
"565235"), so a tariff row read from an XLSX attachment has the same cells as in the circular.
Merged cells keep their value in the first cell only; header labels spanning several columns
are carried over by the table reader.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

from ingest.draft import Draft, HeadingHint, ReadError


def format_cell(value: object) -> str:
    """A cell as text: integers plain, money with dots and a comma, long decimals with a comma."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime):
        return value.date().strftime("%d-%m-%Y") if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return str(int(value))
    if isinstance(value, float):
        return _decimal(value)
    return " ".join(str(value).split())


def _decimal(value: float) -> str:
    digits = f"{value:.6f}".rstrip("0").split(".")[1]
    if len(digits) <= 2:
        whole, frac = f"{abs(value):.2f}".split(".")
        groups = f"{int(whole):,}".replace(",", ".")
        return ("-" if value < 0 else "") + f"{groups},{frac}"
    return f"{value:.{len(digits)}f}".replace(".", ",")


def _sheet_rows(ws) -> list[list[str]]:
    rows = [[format_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
    rows = [r for r in rows if any(c for c in r)]
    width = max((max((i + 1 for i, c in enumerate(r) if c), default=0) for r in rows), default=0)
    return [r[:width] + [""] * (width - len(r[:width])) for r in rows]


def read_xlsx(path: Path, data: bytes) -> Draft:
    """Every non-empty sheet as a heading line and its rows (cells separated by tabs)."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ReadError(f"{path.name} is not a readable XLSX workbook ({type(exc).__name__}).") from exc
    parts: list[str] = []
    headings: list[HeadingHint] = []
    pos = 0
    for ws in wb.worksheets:
        rows = _sheet_rows(ws)
        if not rows:
            continue
        title = ws.title.strip() or "Feuille"
        block = "\n".join("\t".join(r) for r in rows)
        headings.append(HeadingHint(start=pos, end=pos + len(title), level=2, text=title))
        chunk = f"{title}\n\n{block}\n\n"
        parts.append(chunk)
        pos += len(chunk)
    if not parts:
        raise ReadError(f"{path.name} has no filled cells.")
    return Draft(text="".join(parts), headings=headings, fmt="xlsx", title=(wb.properties.title or None))
