"""Query analysis: language cues, glossary expansion, and terms grouped by concept.

Each group holds the alternatives for one concept of the question (its stems in the question's
languages, and the French phrases a glossary entry maps it to), each alternative a tuple of
terms; BM25 searches all terms, and a group is covered when all terms of one alternative are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.text import fold
from search.analysis import analyse, words
from search.lexicon import EN_STOPWORDS, FR_STOPWORDS, NL_STOPWORDS
from search.lexicon_glossary import GLOSSARY


@dataclass(frozen=True)
class Query:
    """An analysed query."""

    text: str
    langs: tuple[str, ...]
    groups: tuple[tuple[tuple[str, ...], ...], ...]

    @property
    def terms(self) -> list[str]:
        """Every distinct term, in first-seen order."""
        return list(dict.fromkeys(t for g in self.groups for alt in g for t in alt))


def covered(group: tuple[tuple[str, ...], ...], present: set[str]) -> bool:
    """Whether one alternative of a group has all its terms present."""
    return any(alt and all(t in present for t in alt) for alt in group)


def query_langs(query: str) -> tuple[str, ...]:
    """Stemming languages for a query: French always, plus Dutch or English when it reads so."""
    toks = set(words(query))
    langs = ["fr"]
    for lang, stop in (("nl", NL_STOPWORDS - FR_STOPWORDS), ("en", EN_STOPWORDS - FR_STOPWORDS)):
        if toks & stop:
            langs.append(lang)
    return tuple(langs)


@lru_cache(maxsize=1)
def _glossary_rx() -> re.Pattern:
    keys = sorted(GLOSSARY, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _single_word_keys() -> tuple[str, ...]:
    return tuple(sorted((k for k in GLOSSARY if " " not in k and len(k) >= 5), key=len, reverse=True))


def _compound_head(word: str) -> str | None:
    """The glossary word a Dutch compound ends with, at least three letters after its start
    (Dutch compounds are head-final: "huisartsenwachtpost" is a kind of "wachtpost")."""
    word = word.strip(".,;:!?()\"'")
    return next((k for k in _single_word_keys() if word.endswith(k) and len(word) - len(k) >= 3), None)


def _stems(text: str, langs: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(t for lang in langs for t in analyse(text, lang)))


def analyse_query(text: str) -> Query:
    """Groups of alternative terms for each concept of the query."""
    langs = query_langs(text)
    folded = fold(text)
    groups: list[tuple[str, ...]] = []
    rest = folded
    for m in _glossary_rx().finditer(folded):
        key = m.group(0)
        alts = [tuple(analyse(key, lang)) for lang in langs]
        alts += [tuple(analyse(phrase, "fr")) for phrase in GLOSSARY[key]]
        alts = [a for a in dict.fromkeys(alts) if a]
        if alts:
            groups.append(tuple(alts))
        rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
    for word in re.findall(r"\S+", rest):
        stems = _stems(word, langs)
        head = _compound_head(word) if "nl" in langs else None
        if head:  # "huisartsenwachtpost": its head "wachtpost" is in the glossary
            alts = [(t,) for t in stems] + [tuple(analyse(phrase, "fr")) for phrase in GLOSSARY[head]]
            groups.append(tuple(a for a in dict.fromkeys(alts) if a))
        elif stems:
            groups.append(tuple((t,) for t in stems))
    return Query(text, langs, tuple(dict.fromkeys(groups)))
