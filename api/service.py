"""KnowledgeBase: the one facade the CLI and the HTTP service both call."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from api.settings import Settings
from extract import EXTRACT_VERSION, extract_document
from extract.models import Record
from ingest.draft import ReadError
from ingest.passages import PassageLimits
from ingest.pipeline import (
    PARSER_VERSION,
    IngestLimits,
    parse_file,
    read_bytes,
    sha256_bytes,
    supported,
)
from search.answer import Answerer, AnswerParams
from search.dense import DenseIndex
from search.embeddings import (
    SentenceTransformerEmbedder,
    load_embedder,
    passage_input,
    sentence_inputs,
)
from search.evaluate import EvalReport, load_questions, run_fold
from search.hybrid import FusionParams, Retriever
from search.models import Answer, Filters, SearchResult
from search.store import VECTOR_UNITS, Store

Progress = Callable[[str, int, int], None]
PIPELINE_VERSION = f"{PARSER_VERSION}.{EXTRACT_VERSION}"


class IngestReport(BaseModel):
    """The outcome for one file, as `kb ingest --json` prints it."""

    doc_id: str | None = None
    source: str
    title: str | None = None
    doc_type: str | None = None
    lang: str | None = None
    status: Literal["new", "unchanged", "updated", "failed"]
    sections: int = 0
    passages: int = 0
    records: int = 0
    error: str | None = None


def report_json(report: IngestReport) -> dict:
    """A report as the contract prints it: every field, and `error` only when there is one."""
    data = report.model_dump()
    if data["error"] is None:
        del data["error"]
    return data


class NotFound(Exception):
    """A document or code that the knowledge base does not hold."""


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], list[IngestReport]]:
    """Files to ingest (folders walked recursively, supported extensions) and failures for bad paths."""
    files: list[Path] = []
    bad: list[IngestReport] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if _wanted(p))
        elif path.is_file():
            files.append(path)
        else:
            bad.append(IngestReport(source=str(path), status="failed", error=f"{path} does not exist."))
    return files, bad


def _wanted(path: Path) -> bool:
    """Files a folder walk ingests: supported, not hidden, not a README describing the folder."""
    name = path.name.lower()
    return path.is_file() and supported(path) and not name.startswith(".") and not name.startswith("readme")


class KnowledgeBase:
    """Ingestion, embedding, search, answers and records over one data directory."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.data.mkdir(parents=True, exist_ok=True)
        self.store = Store(settings.db_path)
        self._embedder: SentenceTransformerEmbedder | None = None
        self._embedder_loaded = False
        self._dense: DenseIndex | None = None
        self._lock = threading.Lock()
        self._warming = threading.Event()
        self.limits = IngestLimits(
            max_bytes=int(settings.max_file_mb * 1024 * 1024),
            max_pages=settings.max_pages,
            passages=PassageLimits(target=settings.passage_target, maximum=settings.passage_max),
        )
        self.fusion = FusionParams(
            depth=settings.depth, w_bm25=settings.w_bm25, w_dense=settings.w_dense,
            rrf_k=settings.rrf_k, method=settings.fusion, w_type=settings.w_type, w_year=settings.w_year,
        )
        self.answer_params = AnswerParams(min_confidence=settings.min_confidence)

    # --- models ------------------------------------------------------------------------

    def embedder(self, progress: Callable[[str, float], None] | None = None) -> SentenceTransformerEmbedder | None:
        """The configured embedding model, loaded once (None when set to 'none')."""
        with self._lock:
            if not self._embedder_loaded:
                self._embedder = load_embedder(
                    self.settings.embedding_model, self.settings.models_dir, self.settings.threads, progress,
                    self.settings.embedding_dtype,
                )
                self._embedder_loaded = True
        return self._embedder

    def retriever(self, dense: bool = True) -> Retriever:
        """A retriever; the dense model is loaded only when vectors exist for it, and its faiss
        index is kept across requests (it refreshes itself when the store changes)."""
        emb = self.embedder() if dense and self._has_vectors() else None
        retriever = Retriever(self.store, emb, self.fusion, self._dense)
        if retriever.dense is not None:
            self._dense = retriever.dense
        return retriever

    def warm(self) -> float:
        """Load the models and indexes a query needs and answer one question, so that the first
        user's question is as fast as the tenth; returns the seconds it took."""
        start = time.perf_counter()
        self._warming.set()
        try:
            if self.store.counts()["passages"]:
                self.ask(_WARM_QUESTION)
        finally:
            self._warming.clear()
        return time.perf_counter() - start

    def warm_in_background(self) -> threading.Thread:
        """Start warming in a thread; `/health` says "starting" until it is done."""
        self._warming.set()
        thread = threading.Thread(target=self.warm, name="kb-warm", daemon=True)
        thread.start()
        return thread

    def _has_vectors(self) -> bool:
        return self.store.db.execute("SELECT 1 FROM vectors LIMIT 1").fetchone() is not None

    # --- ingestion -----------------------------------------------------------------------

    def ingest(self, paths: Iterable[Path], progress: Progress | None = None) -> list[IngestReport]:
        """Ingest files and folders; one bad file never stops the batch."""
        files, reports = expand_paths(paths)
        for i, path in enumerate(files):
            if progress:
                progress(path.name, i, len(files))
            reports.append(self.ingest_file(path))
        if progress:
            progress("done", len(files), len(files))
        return reports

    def ingest_file(self, path: Path, data: bytes | None = None, source: str | None = None) -> IngestReport:
        """Ingest one file: new, unchanged, updated or failed (with a one-sentence reason)."""
        source = source or str(Path(path).resolve())
        try:
            data = read_bytes(Path(path), self.limits) if data is None else data
            sha = sha256_bytes(data)
            existing = self.store.document_by_source(source)
            if existing and existing["sha256"] == sha and existing["parser"] == PIPELINE_VERSION:
                return self._report(existing["doc_id"], source, "unchanged")
            same = self.store.document_by_sha(sha)
            if same and same["parser"] == PIPELINE_VERSION and not existing:
                return self._report(same["doc_id"], source, "unchanged")
            doc = parse_file(Path(path), data, self.limits)
            doc.source = source
            doc.meta["parser"] = PIPELINE_VERSION
            records = extract_document(doc)
            replaces = [existing["doc_id"]] if existing else []
            self.store.put_document(doc, records, replaces)
            return self._report(doc.doc_id, source, "updated" if existing else "new")
        except ReadError as exc:
            return IngestReport(source=source, status="failed", error=str(exc))
        except Exception as exc:  # a parser bug must not stop the batch
            return IngestReport(source=source, status="failed", error=f"{Path(path).name} could not be processed ({type(exc).__name__}: {exc}).")

    def _report(self, doc_id: str, source: str, status: str) -> IngestReport:
        row = self.store.summary(doc_id) or {}
        return IngestReport(
            doc_id=doc_id, source=source, status=status, title=row.get("title"), doc_type=row.get("doc_type"),
            lang=row.get("lang"), sections=row.get("sections", 0), passages=row.get("passages", 0),
            records=row.get("records", 0),
        )

    # --- embedding -----------------------------------------------------------------------

    def embed(self, progress: Progress | None = None, batch: int | None = None) -> int:
        """Compute missing vectors for the configured model (resumable); returns how many."""
        emb = self.embedder()
        if emb is None:
            return 0
        current = self.store.vector_units() == VECTOR_UNITS or not self.store.vector_count(emb.name)
        self.store.drop_vectors_except(emb.name if current else None)  # vectors of older units are redone
        batch = batch or self.settings.embed_batch
        total = self.store.counts()["passages"]
        done = self.store.vector_count(emb.name)
        made = 0
        while True:
            rows = self.store.passages_without_vectors(emb.name, batch * 8)
            if not rows:
                break
            for start in range(0, len(rows), batch):
                chunk = rows[start : start + batch]
                self._embed_chunk(emb, chunk, batch)
                made += len(chunk)
                if progress:
                    progress("embedding", done + made, total)
        return made

    def _embed_chunk(self, emb: SentenceTransformerEmbedder, chunk: list, batch: int) -> None:
        """Vectors of some passages and of their sentences, stored together."""
        vecs = emb.encode_passages([passage_input(r["text"], r["context"]) for r in chunk], batch)
        owners, inputs = [], []
        for r in chunk:
            sents = sentence_inputs(r["text"], r["context"])
            owners += [r["pid"]] * len(sents)
            inputs += sents
        sentences = (owners, emb.encode_passages(inputs, batch)) if inputs else None
        self.store.put_vectors(emb.name, [r["pid"] for r in chunk], vecs, sentences)

    def health(self) -> dict:
        """Counts, and how much of the corpus the dense model covers."""
        counts = self.store.counts()
        spec = self.settings.embedding_model
        vectors = self.store.db.execute("SELECT model, COUNT(*) FROM vectors GROUP BY model").fetchall()
        covered = max((n for _, n in vectors), default=0)
        if counts["passages"] == 0:
            dense = "empty"
        elif covered >= counts["passages"]:
            dense = "complete"
        else:
            dense = "partial" if covered else "none"
        status = "starting" if self._warming.is_set() else "empty" if not counts["documents"] else "ok"
        return {
            "status": status, "documents": counts["documents"], "passages": counts["passages"],
            "records": counts["records"], "embedding_model": spec, "vectors": covered,
            "retrieval": "hybrid" if covered else "bm25", "dense_coverage": dense,
        }

    # --- queries -------------------------------------------------------------------------

    def search(self, query: str, k: int = 10, filters: Filters | None = None, mode: str = "hybrid") -> SearchResult:
        """Passages for a query, best first."""
        _check_query(query)
        hits = self.retriever(dense=mode != "bm25").search(query, k, filters or Filters(), mode)
        return SearchResult(query=query, results=hits)

    def ask(self, question: str, k: int = 5, filters: Filters | None = None) -> Answer:
        """A cited answer, or null with the best passages."""
        _check_query(question)
        return Answerer(self.retriever(), self.answer_params).ask(question, k, filters)

    def records(self, doc_id: str | None = None, type_: str | None = None, q: str | None = None,
                limit: int = 1000) -> list[Record]:
        """Records filtered by document, type and text."""
        return self.store.records(doc_id, type_, q, limit)

    def code(self, code: str) -> list[Record]:
        """Tariff rows naming a 6-digit code, newest valid_from first."""
        code = code.strip()
        if not (len(code) == 6 and code.isdigit()):
            raise ValueError(f"'{code}' is not a 6-digit nomenclature code.")
        rows = self.store.records_by_key(code, "tariff_row")
        return sorted(rows, key=lambda r: (r.value or {}).get("valid_from") or "", reverse=True)

    def documents(self) -> list[dict]:
        """Every document with counts."""
        return self.store.documents()

    def document(self, doc_id: str) -> dict:
        """One document with its text and sections; NotFound when absent."""
        doc = self.store.document(doc_id)
        if doc is None:
            raise NotFound(f"No document has the id '{doc_id}'.")
        keep = ("doc_id", "title", "doc_type", "lang", "date", "valid_from", "source", "text", "sections")
        return {k: doc[k] for k in keep}

    # --- evaluation ----------------------------------------------------------------------

    def evaluate(self, paths: list[Path], k: int = 10, compare_bm25: bool = True) -> EvalReport:
        """`kb eval`: retrieval and answer metrics, one fold per question file."""
        folds = [(fold_name(Path(p)), load_questions(Path(p))) for p in paths]
        texts = {d["doc_id"]: self.store.text_of(d["doc_id"]) or "" for d in self.store.documents()}
        retriever = self.retriever()
        answerer = Answerer(retriever, self.answer_params)
        reports = [run_fold(name, qs, retriever, answerer, texts, k, compare_bm25)[0] for name, qs in folds]
        return EvalReport(threshold=answerer.threshold, folds=reports)

    def evaluate_extraction(self, gold_paths: list[Path]) -> tuple[dict, str]:
        """`kb eval-extract`: records of the stored documents against each gold file (a fold)."""
        from extract.evaluate import fold_report, load_gold

        by_name = {}
        for d in self.store.documents():
            doc = self.store.load_document(d["doc_id"])
            by_name[Path(doc.source).name] = (doc, self.store.records(doc_id=doc.doc_id, limit=1_000_000))
        folds, texts = [], []
        for path in gold_paths:
            fold, text = fold_report(by_name, load_gold(Path(path)), fold_name(Path(path)))
            folds.append(fold)
            texts.append(f"== {fold['name']} ({Path(path).name})\n{text}")
        return {"folds": folds}, "\n\n".join(texts)


def fold_name(path: Path) -> str:
    """A fold's name from its file: gold/questions.test.jsonl or gold/extraction.test.jsonl -> "test"."""
    parts = path.name.split(".")
    return parts[1] if len(parts) > 2 else path.stem


_WARM_QUESTION = "Quel est le montant de l'honoraire prévu en 2020 ?"


def _check_query(text: str) -> None:
    if not text or not text.strip():
        raise ValueError("The query is empty.")
    if len(text) > 2000:
        raise ValueError("The query is longer than 2000 characters.")

