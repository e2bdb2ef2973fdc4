"""A faiss inner-product index over the stored vectors of one model, refreshed on writes.

Each passage is in the index once for itself and once for each of its sentences, all under its
pid: a passage's score is the best of them (a question matching one sentence of a long passage
is not drowned by the rest of it)."""

from __future__ import annotations

import threading

import faiss
import numpy as np

from search.store import Store


class DenseIndex:
    """Exact cosine search (vectors are normalised) kept in step with the store's generation."""

    def __init__(self, store: Store, model: str) -> None:
        self.store = store
        self.model = model
        self._lock = threading.Lock()
        self._generation = -1
        self._index: faiss.IndexIDMap2 | None = None
        self.size = 0
        self.fanout = 4  # vectors read first per passage wanted (a passage has several)

    def _refresh(self) -> None:
        gen = self.store.generation()
        if gen == self._generation:
            return
        with self._lock:
            if gen == self._generation:
                return
            pids, mat = self.store.load_vectors(self.model, sentences=True)
            index = None
            if len(pids):
                index = faiss.IndexIDMap2(faiss.IndexFlatIP(mat.shape[1]))
                index.add_with_ids(mat, pids)
            self._index, self.size, self._generation = index, len(pids), gen

    def search(self, qvec: np.ndarray, k: int, allowed: set[int] | None = None) -> list[tuple[int, float]]:
        """Top-k (pid, cosine) for a query vector, optionally restricted to `allowed` pids."""
        self._refresh()
        if self._index is None or k <= 0 or (allowed is not None and not allowed):
            return []
        q = np.ascontiguousarray(qvec.reshape(1, -1), dtype=np.float32)
        params = None
        if allowed is not None:
            sel = faiss.IDSelectorBatch(np.fromiter(allowed, dtype=np.int64, count=len(allowed)))
            params = faiss.SearchParameters(sel=sel)
        n = min(k * self.fanout, self.size)
        while True:  # read more vectors until k passages are found (or every vector is read)
            scores, ids = self._index.search(q, n, params=params)
            best: dict[int, float] = {}
            for i, s in zip(ids[0], scores[0], strict=False):
                if i >= 0 and int(i) not in best:  # best first: the first vector of a pid is its max
                    best[int(i)] = float(s)
            if len(best) >= k or n >= self.size:
                break
            n = min(2 * n, self.size)
        return list(best.items())[:k]
