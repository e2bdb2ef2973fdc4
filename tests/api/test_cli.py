"""The `kb` command through a subprocess: JSON on stdout, errors on stderr, exit codes."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

KB = str(Path(sys.executable).parent / "kb")


def run(*args: str, data: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "KB_EMBEDDING_MODEL": "none", **(env or {})}
    return subprocess.run([KB, *args, "--data", str(data)], capture_output=True, text=True, env=full_env, timeout=300)


@pytest.fixture(scope="module")
def data(tmp_path_factory, corpus_dir):
    folder = tmp_path_factory.mktemp("corpus")
    for f in corpus_dir.iterdir():
        shutil.copy(f, folder / f.name)
    data = tmp_path_factory.mktemp("kb-cli")
    proc = run("ingest", str(folder), "--json", data=data)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert [r["status"] for r in out["ingested"]] == ["new"] * 5
    return data, folder


def test_the_console_script_is_installed():
    assert Path(KB).exists()


def test_ingesting_again_reports_every_file_unchanged(data):
    data_dir, folder = data
    out = json.loads(run("ingest", str(folder), "--json", data=data_dir).stdout)
    assert {r["status"] for r in out["ingested"]} == {"unchanged"}
    first = out["ingested"][0]
    assert {"doc_id", "source", "title", "doc_type", "lang", "status", "sections", "passages", "records"} <= set(first)


def test_a_changed_file_is_updated_and_a_bad_one_fails_alone(data, tmp_path):
    data_dir, folder = data
    letter = folder / "lettre-2021-taskforces-soins-pertinents.txt"
    letter.write_text(letter.read_text() + "\nPost-scriptum : réponse attendue pour le 15 mai 2021.\n")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n this is not a pdf")
    proc = run("ingest", str(folder), "--json", data=data_dir)
    assert proc.returncode == 1
    by_name = {Path(r["source"]).name: r for r in json.loads(proc.stdout)["ingested"]}
    assert by_name["lettre-2021-taskforces-soins-pertinents.txt"]["status"] == "updated"
    assert by_name["broken.pdf"]["status"] == "failed" and by_name["broken.pdf"]["error"]
    assert by_name["broken.pdf"]["doc_id"] is None and "error" not in by_name["accord-medico-mutualiste-2020.txt"]
    assert by_name["accord-medico-mutualiste-2020.txt"]["status"] == "unchanged"
    docs = json.loads(run("docs", "--json", data=data_dir).stdout)["documents"]
    assert len(docs) == 5
    (folder / "broken.pdf").unlink()


def test_search_json_shape(data):
    out = json.loads(run("search", "postes de garde", "--k", "3", "--json", data=data[0]).stdout)
    assert out["query"] == "postes de garde" and len(out["results"]) == 3
    assert out["results"][0]["rank"] == 1


def test_ask_json_has_exact_quotes(data):
    out = json.loads(run("ask", "Quel est le forfait d'accréditation ?", "--json", data=data[0]).stdout)
    assert set(out) == {"question", "answer", "value", "unit", "confidence", "reason_code", "reason", "citations", "records"}
    assert out["citations"]
    texts: dict[str, str] = {}
    for c in out["citations"]:  # each quote is the exact span of its own document
        if c["doc_id"] not in texts:
            texts[c["doc_id"]] = json.loads(run("doc", c["doc_id"], "--json", data=data[0]).stdout)["text"]
        assert texts[c["doc_id"]][c["start"] : c["end"]] == c["quote"]


def test_doc_lists_sections_in_order(data):
    docs = json.loads(run("docs", "--json", data=data[0]).stdout)["documents"]
    accord = next(d for d in docs if d["doc_type"] == "accord")
    doc = json.loads(run("doc", accord["doc_id"], "--json", data=data[0]).stdout)
    starts = [s["start"] for s in doc["sections"]]
    assert starts == sorted(starts)
    assert doc["sections"][0]["number"] == "1" and doc["sections"][0]["heading"] == "Contexte"


@pytest.mark.parametrize(
    "args, message",
    [
        (("doc", "nope", "--json"), "No document"),
        (("search", "x", "--doc-type", "memo", "--json"), "doc_type"),
        (("search", "x", "--since", "yesterday", "--json"), "since"),
        (("code", "12", "--json"), "6-digit"),
        (("records", "--type", "amounts", "--json"), "type must be"),
        (("eval", "missing.jsonl", "--json"), "missing.jsonl"),
    ],
)
def test_errors_go_to_stderr_with_a_nonzero_exit(data, args, message):
    proc = run(*args, data=data[0])
    assert proc.returncode != 0
    assert proc.stdout == ""
    assert message in proc.stderr


def test_eval_prints_the_metrics(data):
    gold = Path(__file__).resolve().parents[2] / "gold" / "questions.dev.jsonl"
    plot = data[0] / "curve.png"
    out = json.loads(run("eval", str(gold), "--json", "--plot", str(plot), data=data[0]).stdout)
    fold = out["folds"][0]
    assert fold["name"] == "dev" and fold["questions"] == 30 and fold["overall"]["negatives"] == 1
    assert fold["overall"]["r5"] >= 0.8
    assert fold["citation_exact"] == 1.0
    assert 0.0 <= out["threshold"] <= 1.0
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_data_defaults_to_the_environment_variable(tmp_path):
    env = {**os.environ, "KB_EMBEDDING_MODEL": "none", "KB_DATA": str(tmp_path / "envdata")}
    proc = subprocess.run([KB, "docs", "--json"], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0 and json.loads(proc.stdout) == {"documents": []}
    assert (tmp_path / "envdata" / "kb.sqlite").exists()


def test_code_and_records_commands(data):
    out = json.loads(run("code", "565596", "--json", data=data[0]).stdout)
    assert out["code"] == "565596" and out["rows"][0]["value"]["amb_nonpref"] == 755.9
    recs = json.loads(run("records", "--type", "percent", "--q", "3,34", "--json", data=data[0]).stdout)["records"]
    assert recs and all(r["type"] == "percent" and r["value"] == 3.34 for r in recs)


def test_eval_extract_prints_scores_per_type_for_each_fold(data, tmp_path):
    gold = Path(__file__).resolve().parents[2] / "gold" / "extraction.dev.jsonl"
    lines = gold.read_text(encoding="utf-8").splitlines()
    part = tmp_path / "extraction.part.jsonl"  # a second fold: the dev gold's tariff rows alone
    part.write_text("\n".join(ln for ln in lines if '"tariff_row"' in ln) + "\n", encoding="utf-8")
    out = json.loads(run("eval-extract", str(gold), str(part), "--json", data=data[0]).stdout)
    assert [f["name"] for f in out["folds"]] == ["dev", "part"]
    scores = {t["type"]: t for t in out["folds"][0]["types"]}
    assert scores["tariff_row"]["f1"] >= 0.95 and scores["amount"]["recall"] >= 0.95
    assert [t["type"] for t in out["folds"][1]["types"]] == ["tariff_row"]
    text = run("eval-extract", str(gold), str(part), data=data[0]).stdout
    assert "tariff_row" in text and "F1" in text and "== part" in text


def test_a_pdf_of_the_accord_through_the_cli(tmp_path, corpus_dir):
    from pdf_fixtures import build_pdf

    pdf = tmp_path / "accord.pdf"
    layout = build_pdf((corpus_dir / "accord-medico-mutualiste-2020.txt").read_text(), pdf,
                       header="ACCORD NATIONAL MÉDICO-MUTUALISTE 2020 — CNMM")
    data = tmp_path / "kb"
    (report,) = json.loads(run("ingest", str(pdf), "--json", data=data).stdout)["ingested"]
    assert report["status"] == "new" and report["doc_type"] == "accord"
    doc = json.loads(run("doc", report["doc_id"], "--json", data=data).stdout)
    numbers = [s["number"] for s in doc["sections"] if s["number"]]
    assert numbers[:5] == ["1", "2", "3", "3.1", "3.2"] and "16.2.5" in numbers and len(numbers) == len(set(numbers))
    assert next(s for s in doc["sections"] if s["number"] == "11")["heading"] == "Statut social"
    sentence = "Le forfait d’accréditation est fixé à 634,75 euros"
    hit = json.loads(run("search", sentence, "--k", "1", "--json", data=data).stdout)["results"][0]
    para = next(p for p in layout.pages if sentence in p)
    assert sentence in " ".join(hit["text"].split())
    assert hit["page"] == layout.pages[para] and hit["section"]["number"] == "6.2.3"
