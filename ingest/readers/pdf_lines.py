"""Text lines of a PDF page (pymupdf "dict" output) with the layout facts ingestion needs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.lexicon import HYPHEN_PREFIXES, HYPHEN_SUFFIXES


@dataclass
class Line:
    """One text line of a page: its text, box, font size and weight; table rows carry cells."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    block: int = 0
    cells: list[str] | None = None
    table: int | None = None  # which table of the page a row belongs to
    header: bool = False  # a table's header row
    extra: dict = field(default_factory=dict)

    @property
    def is_table(self) -> bool:
        return self.cells is not None

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 1.0)


def _span_text(spans: list[dict]) -> str:
    """Spans of a line joined; a wide gap between two spans becomes a space."""
    out = ""
    for prev, span in zip([None, *spans], spans, strict=False):
        if prev is not None and span["bbox"][0] - prev["bbox"][2] > span["size"] * 0.25:
            if not out.endswith(" ") and not span["text"].startswith(" "):
                out += " "
        out += span["text"]
    return out


def page_lines(page) -> list[Line]:
    """Every non-blank line of a page in pymupdf's reading order."""
    out = []
    for b, block in enumerate(page.get_text("dict", sort=True)["blocks"]):
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if s["text"].strip()]
            if not spans:
                continue
            text = " ".join(_span_text(spans).split())
            size = max(s["size"] for s in spans)
            bold = all(s["flags"] & 16 or "bold" in s["font"].lower() for s in spans)
            x0, y0, x1, y1 = line["bbox"]
            out.append(Line(text, x0, y0, x1, y1, size, bold, b))
    return out


_NUMERIC = re.compile(
    r"^(?:[-+−↗↘=]?\s*(?:[A-Z]{1,3}\s*=\s*)?[\d.,\s]+%?(?:\s*=\s*[A-Z]{1,3})?"
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|=\s*[A-Z]{1,3}|[-+]?\d[\d.\s]*(?:,\d+)?\s*(?:€|EUR|%))$"
)


def is_numeric(text: str) -> bool:
    """A figure, a percentage, a date or a code cell ("2.515,06", "3,22 %", "01-01-20", "565025 = B")."""
    text = text.strip()
    if text.startswith("= "):
        return True
    return any(c.isdigit() for c in text) and bool(_NUMERIC.match(text))


_WORD_HYPHEN = re.compile(r"(\w+)[-\u2010\u00ad]$")
_FIRST_WORD = re.compile(r"\w+")


def hyphen_join(prev: str, nxt: str, vocab: set[str]) -> str | None:
    """How a line ending in a hyphen meets the next line: "drop" (a word cut by the line break),
    "keep" (a compound such as "médico-mutualiste" or "COVID-19") or None (no word hyphen).

    The document's own words decide first: if the joined word occurs elsewhere the hyphen was a
    line-break artefact, if the hyphenated form occurs it is kept; then the word lists."""
    m = _WORD_HYPHEN.search(prev)
    first = _FIRST_WORD.match(nxt)
    if not m or not first:
        return None
    if prev.endswith("\u00ad"):
        return "drop"
    head, tail = m.group(1), first.group(0)
    if f"{head}{tail}".lower() in vocab:
        return "drop"
    if f"{head}-{tail}".lower() in vocab:
        return "keep"
    cut_word = head.isalpha() and tail.isalpha() and tail[:1].islower() and not head.isupper()
    if not cut_word or head.lower() in HYPHEN_PREFIXES or tail.lower() in HYPHEN_SUFFIXES:
        return "keep"
    return "drop"


def vocabulary(lines: list[Line]) -> set[str]:
    """Lower-cased words (hyphenated compounds included) of a document's lines."""
    words: set[str] = set()
    for line in lines:
        words.update(w.lower() for w in re.findall(r"\w+(?:-\w+)*", line.text[:-1] if line.text.endswith("-") else line.text))
    return words
