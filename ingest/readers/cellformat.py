"""Spreadsheet cells written as a Belgian reader sees them printed ("2.515,06", "1,257532", "3,22%",
"565235", "01-01-2025"), following the cell's number format where it has one."""

from __future__ import annotations

import re
from datetime import date, datetime, time

_LITERAL = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|[_*].')


def _group(whole: str) -> str:
    return f"{int(whole):,}".replace(",", ".")


def belgian_number(value: float, decimals: int, thousands: bool, pad: int = 0) -> str:
    """A number with a decimal comma and, when asked, dots between thousands."""
    text = f"{abs(value):.{decimals}f}"
    whole, _, frac = text.partition(".")
    whole = _group(whole) if thousands else whole.zfill(pad)
    sign = "-" if value < 0 and float(text) != 0 else ""
    return sign + whole + ("," + frac if frac else "")


def _general(value: float) -> str:
    """No explicit format: integers plain (codes stay "565235"), money with dots and a comma,
    longer decimals (coefficients) with a comma only."""
    if float(value).is_integer():
        return str(int(value))
    digits = f"{value:.6f}".rstrip("0").split(".")[1]
    if len(digits) <= 2:
        return belgian_number(value, 2, thousands=True)
    return belgian_number(value, len(digits), thousands=False)


def _numeric(value: float, fmt: str, plain_ints: bool) -> str:
    section = _LITERAL.sub("", fmt.split(";")[0])
    if "E+" in section.upper() or not re.search(r"[0#?]", section):
        return _general(value)
    percent = "%" in section
    if percent:
        value *= 100
    whole, _, frac = section.partition(".")
    decimals = len(re.findall(r"[0#?]", frac))
    thousands = "," in whole and not plain_ints
    pad = whole.count("0")
    out = belgian_number(value, decimals, thousands, pad if not thousands else 0)
    return out + ("%" if percent else "")


def _date(value: date | datetime, fmt: str) -> str:
    sep = "-" if "-" in fmt else "." if "." in fmt and "/" not in fmt else "/"
    year = "%Y" if "yyyy" in fmt.lower() or "yy" not in fmt.lower() else "%y"
    text = value.strftime(f"%d{sep}%m{sep}{year}")
    if isinstance(value, datetime) and value.time() != time():
        text += value.strftime(" %H:%M")
    return text


def format_cell(value: object, fmt: str = "General", plain_ints: bool = False) -> str:
    """A cell as text; `plain_ints` keeps integers without thousands dots (code columns)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime | date):
        return _date(value, fmt or "")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float):
        if not fmt or fmt == "General" or fmt == "@":
            return _general(value)
        return _numeric(float(value), fmt, plain_ints)
    return " ".join(str(value).split())
