"""Warm start: the served app loads its models before it reports healthy, so the first answer
after `ok` is as fast as the later ones."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from api.http import create_app
from api.service import KnowledgeBase

QUESTIONS = [
    "Quel est le montant de l'honoraire de disponibilité ?",
    "Wanneer kan een arts het akkoord opzeggen?",
    "How much is code 565235 reimbursed?",
    "Quelle est l'enveloppe prévue pour la télé-expertise ?",
]


def _ask_time(client: TestClient, question: str) -> float:
    start = time.perf_counter()
    assert client.post("/ask", json={"question": question}).status_code == 200
    return time.perf_counter() - start


def test_health_says_starting_until_the_models_are_loaded(kb_dense):
    kb = KnowledgeBase(kb_dense.settings)  # a new instance: nothing loaded yet
    with TestClient(create_app(kb.settings, kb)) as client:
        seen = [client.get("/health").json()["status"]]
        for _ in range(600):
            if seen[-1] == "ok":
                break
            time.sleep(0.1)
            seen.append(client.get("/health").json()["status"])
        assert seen[0] == "starting" and seen[-1] == "ok"
        assert kb._embedder is not None and kb._dense is not None  # loaded before "ok"
        first = _ask_time(client, QUESTIONS[0])
        later = [_ask_time(client, q) for q in QUESTIONS[1:] + QUESTIONS]
    assert first < 3 * max(later)  # cold, the first answer took over 100 times the later ones


def test_health_of_an_empty_base_says_empty(tmp_path):
    from tests_support import make_kb

    kb = make_kb(tmp_path / "kb")
    with TestClient(create_app(kb.settings, kb)) as client:
        for _ in range(100):
            body = client.get("/health").json()
            if body["status"] != "starting":
                break
            time.sleep(0.05)
    assert body["status"] == "empty" and body["documents"] == 0
