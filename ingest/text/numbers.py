"""Belgian/French number forms: "8.588.807", "2.515,06", "6.287, 70", "1,294", "-6.526",
"250 000", shared by amounts, percents and tariff rows."""

from __future__ import annotations

import re

# A number as written in Belgian French texts; thousands with dots (or thin/non-breaking spaces),
# decimals with a comma. Never starts or ends inside a longer run of digits.
NUMBER = re.compile(
    r"(?<![\d.,])(?P<sign>[-−–+]\s?)?"
    r"(?P<int>\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d+)"
    r"(?P<dec>,\d+)?(?![\d])(?!\.\d)"
)

# The same, as a fragment for larger patterns that know the number is money (a currency or a
# scale follows), so ordinary spaces may group thousands too ("250 000 euros") and a space may
# follow the decimal comma ("6.287, 70 euros", a PDF artefact).
MONEY_NUMBER_RX = (
    r"(?:(?<!\d\s)[-−–]\s?)?(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.])|\d+)"
    r"(?:,\s?\d{1,2}(?!\d)|,\d+)?"
)

_BELGIAN = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_ENGLISH_DECIMAL = re.compile(r"\d+\.\d{1,2}")


def parse_number(text: str) -> float | None:
    """The value of a Belgian-format number ("2.515,06" -> 2515.06), or None."""
    s = re.sub(r"[\s\u00a0\u202f]", "", text).replace("−", "-").replace("–", "-")
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    if _ENGLISH_DECIMAL.fullmatch(s):  # an English decimal such as 3.1
        return sign * float(s)
    if not _BELGIAN.fullmatch(s):
        return None
    return sign * float(s.replace(".", "").replace(",", "."))


def format_belgian(value: float, decimals: int = 2, sep: str = ".") -> str:
    """Format a number the Belgian way: thousands with dots (or `sep`), decimals with a comma."""
    neg = value < 0
    whole, _, frac = f"{abs(value):.{decimals}f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sep.join(groups) + ("," + frac if decimals else "")
    return ("-" if neg else "") + out


def clean(value: float) -> float | int:
    """An int when the value is whole, else a float rounded to 6 decimals."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


def in_word(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] is part of a word ("doctors4doctors", "B2B", "3D"):
    a name, not a figure."""
    return text[start - 1 : start].isalpha() or text[end : end + 1].isalpha()
