"""Ingestion speed: pages/s and passages/s on a 200-page PDF built from the corpus (the accord and
the tariff circular in turn, running header, page numbers, ruled tables), for parsing alone, with
extraction, and with storage and embeddings (default model, or KB_EMBEDDING_MODEL), plus the table
finder's own cost, each phase in its own process with its peak memory.

    python bench/ingest.py                    # 200-page PDF
    python bench/ingest.py --pages 50
    python bench/ingest.py --synthetic 10000  # also: ingest a 10,000-passage synthetic text corpus
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def build_big_pdf(path: Path, pages: int) -> tuple[int, int]:
    """A PDF of `pages` pages: the accord (with its budget annex as a ruled table) and the tariff
    circular (ruled tariff tables) in turn, with a running header and page numbers; returns the
    page count and how many pages hold ruled tables."""
    from pdf_fixtures import build_pdf

    from ingest.readers.pdf import import_pymupdf

    pymupdf = import_pymupdf()
    corpus = ROOT / "corpus"
    sources = [(corpus / "accord-medico-mutualiste-2020.txt", False), (corpus / "circulaire-oa-2024-382-tarifs-2025.md", True)]
    for i, (src, markdown) in enumerate(sources):
        build_pdf(src.read_text(), path.with_name(f"part-{i}.pdf"), header="INAMI — Service des soins de santé",
                  footer="Page {n}", markdown=markdown)
    doc, turn = pymupdf.open(), 0
    while doc.page_count < pages:
        doc.insert_pdf(pymupdf.open(path.with_name(f"part-{turn % 2}.pdf")))
        turn += 1
    doc.select(list(range(pages)))
    doc.save(path)
    ruled = sum(1 for page in doc if sum(len(d.get("items", ())) for d in page.get_drawings()) >= 8)
    return doc.page_count, ruled


def phase_parse(path: Path) -> dict:
    from ingest.pipeline import IngestLimits, parse_file

    start = time.perf_counter()
    doc = parse_file(path, limits=IngestLimits(max_bytes=2**31))
    return {"seconds": time.perf_counter() - start, "pages": len(doc.pages), "passages": len(doc.passages),
            "tables": len(doc.tables)}


def phase_extract(path: Path) -> dict:
    from extract import extract_document
    from ingest.pipeline import IngestLimits, parse_file

    start = time.perf_counter()
    doc = parse_file(path, limits=IngestLimits(max_bytes=2**31))
    records = extract_document(doc)
    return {"seconds": time.perf_counter() - start, "pages": len(doc.pages), "passages": len(doc.passages),
            "records": len(records)}


def phase_tables(path: Path) -> dict:
    """The table finder alone, on the pages that draw rules (where the reader runs it)."""
    from ingest.readers.pdf import import_pymupdf
    from ingest.readers.pdf_tables import MIN_RULE_ITEMS

    doc = import_pymupdf().open(path)
    ruled = [p for p in doc if sum(len(d.get("items", ())) for d in p.get_drawings()) >= MIN_RULE_ITEMS]
    start = time.perf_counter()
    for page in ruled:
        page.find_tables(use_layout=False)
    return {"seconds": time.perf_counter() - start, "pages": len(ruled), "passages": 0}


def phase_embed(path: Path) -> dict:
    from api.service import KnowledgeBase
    from api.settings import Settings

    kb = KnowledgeBase(Settings(data=Path(tempfile.mkdtemp()), max_file_mb=2048))
    kb.embedder()  # model load is not ingestion time
    start = time.perf_counter()
    (report,) = kb.ingest([path])
    made = kb.embed()
    return {"seconds": time.perf_counter() - start, "pages": len(kb.store.load_document(report.doc_id).pages),
            "passages": report.passages, "embedded": made}


def synthetic_folder(folder: Path, passages: int, seed: int = 3) -> None:
    """Text documents of numbered sections built from corpus sentences, about `passages` passages."""
    from ingest.text.sentences import sentences

    text = "\n".join(p.read_text() for p in (ROOT / "corpus").glob("*.txt"))
    pool = [" ".join(text[s:e].split()) for s, e in sentences(text) if 60 < e - s < 400]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    per_doc = 100
    for d in range(passages // per_doc):
        paras = [f"{i + 1}. Section {i + 1}\n\n" + " ".join(rng.sample(pool, 3)) for i in range(per_doc)]
        (folder / f"doc-{d:04d}.txt").write_text("\n\n".join(paras))


def phase_synthetic(folder: Path) -> dict:
    from api.service import KnowledgeBase
    from api.settings import Settings

    kb = KnowledgeBase(Settings(data=Path(tempfile.mkdtemp())))
    kb.embedder()
    start = time.perf_counter()
    reports = kb.ingest([folder])
    parsed = time.perf_counter() - start
    kb.embed()
    return {"seconds": time.perf_counter() - start, "parse_seconds": parsed,
            "passages": sum(r.passages for r in reports), "documents": len(reports)}


PHASES = {"parse": phase_parse, "extract": phase_extract, "tables": phase_tables, "embed": phase_embed,
          "synthetic": phase_synthetic}


def child(phase: str, target: Path) -> None:
    result = PHASES[phase](target)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def run_child(phase: str, target: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", phase, "--target", str(target)],
                          capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--synthetic", type=int, default=0, help="also ingest a synthetic corpus of N passages")
    ap.add_argument("--child", choices=list(PHASES), help=argparse.SUPPRESS)
    ap.add_argument("--target", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.target)
        return
    work = Path(tempfile.mkdtemp(prefix="kb-ingest-"))
    pdf = work / "big.pdf"
    pages, ruled = build_big_pdf(pdf, args.pages)
    print(f"{pages}-page PDF ({pdf.stat().st_size / 1e6:.1f} MB, {ruled} pages with ruled tables), "
          f"{os.cpu_count()} CPU cores, embedding model: {os.environ.get('KB_EMBEDDING_MODEL', 'default (e5)')}\n")
    print("| phase | seconds | pages/s | passages/s | peak RSS MB |\n|---|---|---|---|---|")
    phases = (("parse", "parse"), ("extract", "parse + extract"), ("embed", "parse + extract + store + embed"),
              ("tables", "table finder alone, ruled pages only"))
    for phase, label in phases:
        r = run_child(phase, pdf)
        passages = f"{r['passages'] / r['seconds']:.1f}" if r["passages"] else "-"
        print(f"| {label} | {r['seconds']:.1f} | {r['pages'] / r['seconds']:.1f} | {passages} | "
              f"{r['peak_rss_mb']:.0f} |", flush=True)
    if args.synthetic:
        folder = work / "synthetic"
        synthetic_folder(folder, args.synthetic)
        r = run_child("synthetic", folder)
        print(f"\nSynthetic corpus: {r['documents']} documents, {r['passages']} passages: parsed and stored in "
              f"{r['parse_seconds']:.0f} s, with embeddings {r['seconds']:.0f} s "
              f"({r['passages'] / r['seconds']:.1f} passages/s), peak RSS {r['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
