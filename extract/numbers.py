"""Belgian/French number forms: "8.588.807", "2.515,06", "6.287, 70", "1,294", "-6.526"."""

from __future__ import annotations

import re

# A number as written in Belgian French texts; thousands with dots (or thin/non-breaking spaces),
# decimals with a comma. Never starts or ends inside a longer run of digits.
NUMBER = re.compile(
    r"(?<![\d.,])(?P<sign>[-−–+]\s?)?"
    r"(?P<int>\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d+)"
    r"(?P<dec>,\d+)?(?![\d])(?!\.\d)"
)


def parse_number(text: str) -> float | None:
    """The value of a Belgian-format number ("2.515,06" -> 2515.06), or None."""
    s = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    s = s.replace("−", "-").replace("–", "-")
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}", s):
        return None
    if re.fullmatch(r"\d+\.\d{1,2}", s):  # an English decimal such as 3.1
        return sign * float(s)
    return sign * float(s.replace(".", "").replace(",", "."))


def format_belgian(value: float, decimals: int = 2) -> str:
    """Format a number the Belgian way: thousands with dots, decimals with a comma."""
    neg = value < 0
    whole, _, frac = f"{abs(value):.{decimals}f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups) + ("," + frac if decimals else "")
    return ("-" if neg else "") + out


def clean(value: float) -> float | int:
    """An int when the value is whole, else a float rounded to 6 decimals."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded
