"""Sentence and paragraph boundaries as character spans (no text is ever rewritten)."""

from __future__ import annotations

import re

# Words after which a period does not end a sentence (data only, lower-case).
ABBREVIATIONS = frozenset(
    "art arts al cf ex etc m mm mme mmes dr drs pr prof st ste n no nr nos p pp vol éd ed "
    "min max env resp ca vs fig hon bv nl fr bijv blz zgn o.a i.e e.g av apr".split()
)
_END = re.compile(r"[.!?…]+[»”\"')\]]*(?=\s)|;(?=\s*\n)|:(?=\s*\n\s*[-•●◦▪\uf0b7])")
_BULLET_START = re.compile(r"\n[ \t]*(?:[-•●◦▪\uf0b7]|\d{1,2}[.)]\s|[a-z]\)\s)")
_BLANK = re.compile(r"\n[ \t\f\v]*\n")


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Non-blank paragraphs of text[start:end] (split at blank lines), trimmed.

    A blank line inside a sentence (text extracted from PDFs often has one after every line)
    does not split it: a piece that does not end a sentence joins a next piece starting in
    lower case.
    """
    end = len(text) if end is None else end
    out, pos = [], start
    for m in _BLANK.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    pieces = [t for t in (_trim(text, s, e) for s, e in out) if t[1] > t[0]]
    merged: list[tuple[int, int]] = []
    for s, e in pieces:
        if merged and _continues(text, merged[-1], s):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


_SENTENCE_END = tuple(".!?:;»”\"")


def _continues(text: str, prev: tuple[int, int], start: int) -> bool:
    """Whether the piece at `start` carries on the sentence of the piece `prev`."""
    last = text[prev[1] - 1]
    first = text[start]
    if text[start : start + 2].startswith(("- ", "• ")):
        return False
    if last == "." and _is_abbrev(text, prev[1] - 1):
        return first.islower()
    if last in _SENTENCE_END:
        return False
    line_start = text.rfind("\n", prev[0], prev[1]) + 1
    full_line = prev[1] - max(line_start, prev[0]) >= 60
    return first.islower() or first in "(«\"" or full_line


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _is_abbrev(text: str, dot: int) -> bool:
    """Whether the period at `dot` ends an abbreviation or a section number, not a sentence.
    Looks back over the word before the period only, so a long line stays linear."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return True
    t = dot
    while t > 0 and not text[t - 1].isspace():
        t -= 1
    token = text[t:dot]
    if _SECTION_NUMBER.fullmatch(token):
        return True  # a section number such as 5.2.3.1.
    if not _LONE_NUMBER.fullmatch(token):
        return False
    b = t
    while b > 0 and text[b - 1] in " \t":
        b -= 1
    return b == 0 or text[b - 1] == "\n"  # "3." or "A." alone at the start of a line


_SECTION_NUMBER = re.compile(r"(\d{1,2}\.)+\d{1,2}")
_LONE_NUMBER = re.compile(r"\d{1,2}|[A-Z]")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end]: ends at . ! ? (not after abbreviations or numbers),
    at list bullets and at blank lines."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    for ps, pe in paragraphs(text, start, end):
        cuts = {ps, pe}
        for m in _END.finditer(text, ps, pe):
            if text[m.start()] == "." and _is_abbrev(text, m.start()):
                continue
            cuts.add(m.end())
        for m in _BULLET_START.finditer(text, ps, pe):
            cuts.add(m.start() + 1)
        bounds = sorted(cuts)
        for s, e in zip(bounds, bounds[1:], strict=False):
            s, e = _trim(text, s, e)
            if e <= s:
                continue
            if out and out[-1][1] >= ps and not any(c.isalnum() for c in text[s:e]):
                out[-1] = (out[-1][0], e)  # a stray ";" or "..." joins the sentence before
            else:
                out.append((s, e))
    return out
