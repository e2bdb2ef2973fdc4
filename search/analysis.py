"""Text analysis for BM25: case and accent folding, elision, numbers, stop words, stemming."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

from ingest.text import TEXT_VERSION, fold
from search.lexicon import ELISIONS, STOPWORDS

_TOKEN = re.compile(r"\d+(?:[.,\u00a0 ]\d{3})*(?:,\d+)?|\d+(?:[.,]\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)?", re.U)
# Stored with every index: an index analysed by another version is re-analysed, never mixed.
ANALYSER_VERSION = f"1+text{TEXT_VERSION}"

_STEMMERS = {"fr": "french", "nl": "dutch", "en": "english", "de": "german"}


@lru_cache(maxsize=8)
def _stemmer(lang: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_STEMMERS.get(lang, "french"))


def normalise_number(tok: str) -> str:
    """"8.588.807" -> "8588807"; "1,95" -> "1p95"; "2.515,06" -> "2515p06"."""
    tok = tok.replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", tok):
        tok = tok.replace(".", "")
    return tok.replace(",", "p").replace(".", "p")


def words(text: str) -> list[str]:
    """Folded word and number tokens, elisions stripped, no stop-word removal."""
    out = []
    for m in _TOKEN.finditer(fold(text)):
        tok = m.group(0)
        if tok[0].isdigit():
            out.append(normalise_number(tok))
            continue
        if "'" in tok:
            head, tail = tok.split("'", 1)
            tok = tail if head in ELISIONS else head + tail
        out.append(tok)
    return out


def analyse(text: str, lang: str = "fr") -> list[str]:
    """BM25 terms: folded tokens without stop words, stemmed in `lang` (numbers kept whole)."""
    stem = _stemmer(lang).stemWord
    return [t if t[0].isdigit() else stem(t) for t in words(text) if t not in STOPWORDS and len(t) > 1 or t.isdigit()]


def query_terms(text: str, langs: tuple[str, ...] = ("fr",)) -> list[str]:
    """Distinct terms of a query, stemmed in each of `langs`, in first-seen order."""
    seen: dict[str, None] = {}
    for lang in langs:
        for term in analyse(text, lang):
            seen.setdefault(term, None)
    return list(seen)
