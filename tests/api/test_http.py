"""The HTTP service through TestClient, against the session's BM25 index."""

import io

import pytest
from fastapi.testclient import TestClient

from api.http import create_app


@pytest.fixture(scope="module")
def client(kb_lexical):
    return TestClient(create_app(kb_lexical.settings, kb_lexical))


def test_health_counts_the_corpus(client):
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["documents"] == 5
    assert body["passages"] > 100
    assert body["retrieval"] == "bm25"


def test_search_returns_contract_hits(client):
    body = client.get("/search", params={"q": "postes de garde budget 2020", "k": 3}).json()
    assert body["query"] == "postes de garde budget 2020"
    assert len(body["results"]) == 3
    hit = body["results"][0]
    assert set(hit) == {"rank", "score", "doc_id", "title", "doc_type", "source", "date", "section",
                        "page", "start", "end", "text"}
    assert set(hit["section"]) == {"number", "heading", "path"}
    assert [h["rank"] for h in body["results"]] == [1, 2, 3]


def test_search_filters_by_type_and_date(client):
    body = client.get("/search", params={"q": "tarifs", "doc_type": "circular", "since": "2024-01-01"}).json()
    assert body["results"] and all(h["doc_type"] == "circular" for h in body["results"])


def test_ask_returns_exact_citations(client, kb_lexical):
    body = client.post("/ask", json={"question": "Quand la plateforme garde présente-t-elle ses premiers résultats ?"}).json()
    assert set(body) == {"question", "answer", "value", "unit", "confidence", "reason_code", "reason", "citations", "records"}
    assert body["citations"]
    for c in body["citations"]:
        assert kb_lexical.store.text_of(c["doc_id"])[c["start"] : c["end"]] == c["quote"]


def test_documents_and_one_document(client, accord_id):
    docs = client.get("/documents").json()["documents"]
    assert {d["doc_type"] for d in docs} == {"accord", "circular", "news", "letter"}
    assert {"doc_id", "title", "doc_type", "lang", "date", "source", "sections", "passages", "records"} <= set(docs[0])
    doc = client.get(f"/documents/{accord_id}").json()
    assert doc["date"] == "2019-12-19"
    numbers = [s["number"] for s in doc["sections"]]
    assert numbers[:3] == ["1", "2", "3"] and "5.2.3.1" in numbers
    sec = next(s for s in doc["sections"] if s["number"] == "11")
    assert doc["text"][sec["start"] : sec["end"]].startswith("11. Statut social")


def test_records_endpoint_filters(client):
    body = client.get("/records", params={"type": "amount"}).json()
    assert all(r["type"] == "amount" for r in body["records"])


@pytest.mark.parametrize(
    "path, params, status",
    [
        ("/search", {"q": ""}, 422),
        ("/search", {"q": "x", "k": 0}, 422),
        ("/search", {"q": "x", "doc_type": "memo"}, 400),
        ("/search", {"q": "x", "since": "2024-13-01"}, 400),
        ("/search", {"q": "x", "since": "2025-01-01", "until": "2024-01-01"}, 400),
        ("/records", {"type": "amounts"}, 400),
        ("/documents/does-not-exist", {}, 404),
        ("/codes/12345", {}, 400),
    ],
)
def test_bad_input_gets_a_sentence_not_a_500(client, path, params, status):
    resp = client.get(path, params=params)
    assert resp.status_code == status
    detail = resp.json()["detail"]
    assert isinstance(detail, str) and len(detail) > 5


def test_ask_rejects_an_empty_question(client):
    resp = client.post("/ask", json={"question": ""})
    assert resp.status_code == 422 and isinstance(resp.json()["detail"], str)


def test_openapi_and_docs_are_served(client):
    spec = client.get("/openapi.json").json()
    assert {"/health", "/search", "/ask", "/documents", "/records", "/codes/{code}"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


def test_upload_needs_the_key_when_one_is_set(tmp_path, corpus_dir):
    from tests_support import make_kb

    kb = make_kb(tmp_path / "kb", api_key="s3cret")
    client = TestClient(create_app(kb.settings, kb))
    data = (corpus_dir / "lettre-2021-taskforces-soins-pertinents.txt").read_bytes()
    files = {"file": ("lettre.txt", io.BytesIO(data), "text/plain")}
    assert client.post("/documents", files=files).status_code == 401
    files = {"file": ("lettre.txt", io.BytesIO(data), "text/plain")}
    ok = client.post("/documents", files=files, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200
    assert ok.json()["ingested"][0]["status"] == "new"
    again = client.post("/documents", files={"file": ("lettre.txt", io.BytesIO(data), "text/plain")},
                        headers={"Authorization": "Bearer s3cret"})
    assert again.json()["ingested"][0]["status"] == "unchanged"
    assert client.get("/health").json()["documents"] == 1


def test_upload_rejects_bad_files_with_a_sentence(tmp_path):
    from tests_support import make_kb

    kb = make_kb(tmp_path / "kb")
    client = TestClient(create_app(kb.settings, kb))
    bad_ext = client.post("/documents", files={"file": ("x.exe", io.BytesIO(b"MZ"), "application/octet-stream")})
    assert bad_ext.status_code == 400
    junk = client.post("/documents", files={"file": ("x.pdf", io.BytesIO(b"%PDF-1.4 garbage"), "application/pdf")})
    assert junk.status_code == 422 and "PDF" in junk.json()["detail"]
    assert client.get("/health").json()["documents"] == 0


def test_code_lookup_returns_tariff_rows_citing_the_circular(client, kb_lexical):
    body = client.get("/codes/565235").json()
    assert body["code"] == "565235" and len(body["rows"]) == 1
    row = body["rows"][0]
    assert row["type"] == "tariff_row" and row["value"]["fee"] == 2515.06
    assert row["value"]["valid_from"] == "2025-01-01"
    assert "565235" in row["text"] and kb_lexical.store.text_of(row["doc_id"])[row["start"] : row["end"]] == row["text"]
    assert client.get("/codes/565246").json()["rows"][0]["value"]["code_amb"] == "565235"  # the HOS code too
    assert client.get("/codes/999999").json()["rows"] == []


def test_records_filter_by_type_document_and_text(client):
    docs = {d["doc_type"]: d["doc_id"] for d in client.get("/documents").json()["documents"]}
    body = client.get("/records", params={"doc_id": docs["accord"], "type": "amount", "q": "milliers"}).json()
    assert body["records"] and all(r["doc_id"] == docs["accord"] and r["type"] == "amount" for r in body["records"])
    assert any(r["value"] == 8588807000 for r in body["records"])
    assert set(body["records"][0]) == {"id", "doc_id", "type", "value", "unit", "text", "start", "end", "page", "section", "extra"}


def test_the_newest_tariff_comes_first(tmp_path, corpus_dir):
    from tests_support import make_kb

    source = (corpus_dir / "circulaire-oa-2024-382-tarifs-2025.md").read_text()
    newer = source.replace("Applicable à partir de 1/01/2025", "Applicable à partir de 1/01/2026").replace(
        "2000\t2.515,06\t2.515,06", "2000\t2.600,00\t2.600,00")
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "c2025.md").write_text(source)
    (folder / "c2026.md").write_text(newer)
    kb = make_kb(tmp_path / "kb")
    kb.ingest([folder])
    rows = kb.code("565235")
    assert [r.value["valid_from"] for r in rows] == ["2026-01-01", "2025-01-01"]
    assert rows[0].value["fee"] == 2600.0
