"""Folding for matching: the one definition every stage uses (cues, BM25 terms, lexicons)."""

from __future__ import annotations

import unicodedata

_SUBST = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "œ": "oe", "æ": "ae", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case, compatibility forms, accents removed, apostrophes unified, ligatures spelled
    out: "Hôpital" -> "hopital", "l’œuvre" -> "l'oeuvre". Not length-preserving."""
    text = unicodedata.normalize("NFKD", text).lower().translate(_SUBST)
    return "".join(c for c in text if not unicodedata.combining(c))


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces, ends trimmed."""
    return " ".join(text.split())
