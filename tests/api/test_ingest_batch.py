"""Batches with bad input: every failure reported in a sentence, the rest ingested, nothing half-written."""

import os

import pymupdf
import pytest
from tests_support import make_kb

GOOD = "1. Objet\n\nLe présent accord fixe les honoraires des médecins pour l'année 2020.\n"


def _encrypted_pdf(path):
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Secret")
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")


@pytest.fixture()
def messy_folder(tmp_path, corpus_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(os.urandom(4096))
    pdf = pymupdf.open()
    pdf.new_page().insert_text((72, 72), "Bonjour")
    (folder / "truncated.pdf").write_bytes(pdf.tobytes()[:200])
    _encrypted_pdf(folder / "locked.pdf")
    (folder / "latin1.txt").write_bytes(GOOD.encode("latin-1"))
    (folder / "utf16.txt").write_bytes(GOOD.replace("2020", "2021").encode("utf-16"))
    (folder / "notes.docx").write_bytes(b"ignored: unsupported extension inside a folder")
    with open(folder / "huge.txt", "wb") as f:  # 200 MB, sparse: refused before it is read
        f.truncate(200 * 1024 * 1024)
    (folder / "accord.txt").write_text((corpus_dir / "accord-medico-mutualiste-2020.txt").read_text())
    return folder


def test_a_messy_batch_reports_each_failure_and_keeps_the_rest(tmp_path, messy_folder):
    kb = make_kb(tmp_path / "kb")
    reports = {r.source.rsplit("/", 1)[-1]: r for r in kb.ingest([messy_folder])}
    assert set(reports) == {"empty.txt", "junk.txt", "truncated.pdf", "locked.pdf", "latin1.txt",
                            "utf16.txt", "huge.txt", "accord.txt"}
    failed = {name: r.error for name, r in reports.items() if r.status == "failed"}
    assert set(failed) == {"empty.txt", "junk.txt", "truncated.pdf", "locked.pdf", "huge.txt"}
    assert "empty" in failed["empty.txt"] and "binary" in failed["junk.txt"]
    assert "encrypted" in failed["locked.pdf"] and "PDF" in failed["truncated.pdf"]
    assert "MB" in failed["huge.txt"] and "limit" in failed["huge.txt"]
    for error in failed.values():
        assert error.endswith(".") and error.count(". ") == 0
    assert {r.status for n, r in reports.items() if n not in failed} == {"new"}
    assert kb.health()["documents"] == 3
    db = kb.store.db
    orphans = db.execute("SELECT COUNT(*) FROM passages WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
    assert orphans.fetchone()[0] == 0


def test_an_explicitly_named_unsupported_file_fails(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"x")
    (report,) = make_kb(tmp_path / "kb").ingest([path])
    assert report.status == "failed" and "unsupported extension" in report.error


def test_a_missing_path_fails_alone(tmp_path, corpus_dir):
    kb = make_kb(tmp_path / "kb")
    reports = kb.ingest([tmp_path / "nope.pdf", corpus_dir / "lettre-2021-taskforces-soins-pertinents.txt"])
    assert [r.status for r in reports] == ["failed", "new"]
    assert "does not exist" in reports[0].error


def test_limits_are_settings(tmp_path, corpus_dir):
    kb = make_kb(tmp_path / "kb", max_file_mb=0.01)
    (report,) = kb.ingest([corpus_dir / "accord-medico-mutualiste-2020.txt"])
    assert report.status == "failed" and "limit" in report.error


@pytest.mark.slow
def test_a_folder_of_a_thousand_files_goes_through_with_progress(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1000):
        (folder / f"note-{i:04d}.txt").write_text(f"{GOOD}\nNote {i} : code {100000 + i}, montant de {i},50 euros.\n")
    calls = []
    kb = make_kb(tmp_path / "kb")
    reports = kb.ingest([folder], progress=lambda name, done, total: calls.append((done, total)))
    assert len(reports) == 1000 and {r.status for r in reports} == {"new"}
    assert calls[0] == (0, 1000) and calls[-1] == (1000, 1000)
    assert kb.health()["documents"] == 1000
    again = kb.ingest([folder])
    assert {r.status for r in again} == {"unchanged"}


def _orphans(db) -> dict[str, int]:
    live = "(SELECT doc_id FROM documents)"
    return {
        "passages": db.execute(f"SELECT COUNT(*) FROM passages WHERE doc_id NOT IN {live}").fetchone()[0],
        "records": db.execute(f"SELECT COUNT(*) FROM records WHERE doc_id NOT IN {live}").fetchone()[0],
        "sections": db.execute(f"SELECT COUNT(*) FROM sections WHERE doc_id NOT IN {live}").fetchone()[0],
        "vectors": db.execute("SELECT COUNT(*) FROM vectors WHERE pid NOT IN (SELECT pid FROM passages)").fetchone()[0],
        "fts": db.execute("SELECT COUNT(*) FROM passages_fts WHERE rowid NOT IN (SELECT pid FROM passages)").fetchone()[0],
    }


def test_a_changed_file_replaces_its_previous_version_whole(tmp_path, corpus_dir):
    import numpy as np

    kb = make_kb(tmp_path / "kb")
    path = tmp_path / "accord.txt"
    text = (corpus_dir / "accord-medico-mutualiste-2020.txt").read_text()
    path.write_text(text)
    (first,) = kb.ingest([path])
    pids = [r[0] for r in kb.store.db.execute("SELECT pid FROM passages WHERE doc_id = ?", (first.doc_id,))]
    kb.store.put_vectors("test-model", pids, np.ones((len(pids), 4)))  # as if embedded
    assert [r.status for r in kb.ingest([path])] == ["unchanged"]
    path.write_text(text.replace("634,75 euros", "640,00 euros"))
    (second,) = kb.ingest([path])
    assert second.status == "updated" and second.doc_id != first.doc_id
    assert [d["doc_id"] for d in kb.documents()] == [second.doc_id]
    assert _orphans(kb.store.db) == {"passages": 0, "records": 0, "sections": 0, "vectors": 0, "fts": 0}
    assert kb.store.vector_count("test-model") == 0
    hits = kb.search("forfait d'accréditation 640,00 euros", k=3, mode="bm25").results
    assert hits and "640,00" in hits[0].text


def test_a_failed_update_keeps_the_previous_version(tmp_path):
    kb = make_kb(tmp_path / "kb")
    path = tmp_path / "note.txt"
    path.write_text(GOOD)
    (first,) = kb.ingest([path])
    path.write_bytes(os.urandom(2048))
    (second,) = kb.ingest([path])
    assert second.status == "failed" and "binary" in second.error
    assert [d["doc_id"] for d in kb.documents()] == [first.doc_id]


def test_every_format_in_one_batch(tmp_path, corpus_dir):
    from html_fixtures import build_news_html
    from pdf_fixtures import build_pdf
    from xlsx_fixtures import circular_workbook

    folder = tmp_path / "in"
    folder.mkdir()
    layout = build_pdf((corpus_dir / "accord-medico-mutualiste-2020.txt").read_text(), folder / "accord.pdf",
                       header="ACCORD NATIONAL MÉDICO-MUTUALISTE 2020 — CNMM", footer="Page {n} / {total}")
    page, *_ = build_news_html(corpus_dir / "news-2024-11-27-blocage-budget-inami-2025.md")
    (folder / "news.html").write_text(page)
    (folder / "annexe.xlsx").write_bytes(circular_workbook(corpus_dir / "circulaire-oa-2024-382-tarifs-2025.md"))
    (folder / "letter.txt").write_bytes((corpus_dir / "lettre-2021-taskforces-soins-pertinents.txt").read_text().encode("utf-16"))
    kb = make_kb(tmp_path / "kb")
    reports = {r.source.rsplit("/", 1)[-1]: r for r in kb.ingest([folder])}
    assert {n: (r.status, r.doc_type) for n, r in reports.items()} == {
        "accord.pdf": ("new", "accord"), "news.html": ("new", "news"), "annexe.xlsx": ("new", "other"),
        "letter.txt": ("new", "letter")}
    assert all(r.passages > 0 and r.lang == "fr" for r in reports.values())
    sentence = "Le forfait d’accréditation est fixé à 634,75 euros"
    hit = kb.search(sentence, k=1, mode="bm25").results[0]
    para = next(p for p in layout.pages if sentence in p)
    assert hit.page == layout.pages[para] and hit.section.number == "6.2.3"
    doc = kb.document(reports["accord.pdf"].doc_id)
    assert [s["number"] for s in doc["sections"] if s["number"]][:3] == ["1", "2", "3"]
    assert all(s["page"] for s in doc["sections"])
