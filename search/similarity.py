"""Dense similarity of a question and short texts (clauses, the words owning a value), with the
retrieval model: it matches a Dutch or English question to a French clause where words cannot.
Vectors of texts are kept in a bounded cache, so a clause read again costs nothing."""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock
from weakref import WeakKeyDictionary

import numpy as np

from search.embeddings import Embedder


class Similarity:
    """Cosine similarities of a question to texts, with an LRU cache of text vectors."""

    def __init__(self, embedder: Embedder, max_cached: int = 50_000) -> None:
        self.embedder = embedder
        self.max_cached = max_cached
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = Lock()

    def query(self, text: str) -> np.ndarray:
        """The question's vector (cached): the normalised sum of its vector as a query and as a
        passage. e5 encodes a query ("query: …") and a passage ("passage: …") apart; the sum
        matches a Dutch question to French passages far better (test fold Dutch R@5 0.64 → 0.82,
        see README), and is the query vector itself for a model without prefixes."""
        asked = self._cached(self._queries, [text], self.embedder.encode_queries)[0]
        said = self._cached(self._vectors, [text], self.embedder.encode_passages)[0]
        both = asked + said
        norm = float(np.linalg.norm(both))
        return both / norm if norm > 0 else asked

    def scores(self, question: str, texts: list[str]) -> list[float]:
        """cos(question, text) for each text (1-normalised vectors)."""
        if not texts:
            return []
        qvec = self.query(question)
        vecs = self._cached(self._vectors, texts, self.embedder.encode_passages)
        return [float(v @ qvec) for v in vecs]

    def _cached(self, cache: OrderedDict, texts: list[str], encode) -> list[np.ndarray]:
        with self._lock:
            todo = list(dict.fromkeys(t for t in texts if t not in cache))
        if todo:
            fresh = encode(todo)
            with self._lock:
                for t, v in zip(todo, fresh, strict=True):
                    cache[t] = v
                while len(cache) > self.max_cached:
                    cache.popitem(last=False)
        with self._lock:
            for t in texts:
                cache.move_to_end(t)
            return [cache[t] for t in texts]


_SHARED: WeakKeyDictionary = WeakKeyDictionary()


def similarity_for(embedder: Embedder | None) -> Similarity | None:
    """The one Similarity (and cache) of an embedder, kept as long as the embedder lives."""
    if embedder is None:
        return None
    if embedder not in _SHARED:
        _SHARED[embedder] = Similarity(embedder)
    return _SHARED[embedder]
