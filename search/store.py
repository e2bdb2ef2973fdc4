"""The SQLite store: documents, sections, tables, passages, records, vectors, BM25 terms.

Each document is written (or replaced) in one transaction, so a failed write
leaves nothing behind and a changed file never leaves orphans.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from extract.models import Record
from ingest.metadata import document_year
from ingest.models import Document, Section, SectionRef, Span, Table, TableRow
from search.analysis import ANALYSER_VERSION, analyse

SCHEMA_VERSION = 1
VECTOR_UNITS = "passage+sentence"  # what is embedded: each passage, and each of its sentences

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
  doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL, parser TEXT NOT NULL,
  title TEXT, doc_type TEXT, lang TEXT, date TEXT, valid_from TEXT, text TEXT NOT NULL,
  meta TEXT, pages TEXT, ingested_at TEXT DEFAULT (datetime('now')));
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE TABLE IF NOT EXISTS sections (
  doc_id TEXT, id INTEGER, parent INTEGER, number TEXT, heading TEXT, level INTEGER, path TEXT,
  start INTEGER, "end" INTEGER, page INTEGER, PRIMARY KEY (doc_id, id));
CREATE TABLE IF NOT EXISTS tables_ (
  doc_id TEXT, id INTEGER, section INTEGER, heading TEXT, header TEXT, unit TEXT,
  start INTEGER, "end" INTEGER, page INTEGER, rows TEXT, PRIMARY KEY (doc_id, id));
CREATE TABLE IF NOT EXISTS passages (
  pid INTEGER PRIMARY KEY AUTOINCREMENT, doc_id TEXT NOT NULL, ord INTEGER, section INTEGER,
  kind TEXT, table_id INTEGER, start INTEGER, "end" INTEGER, page INTEGER, text TEXT, context TEXT);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(body, ctx, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS passages_vocab USING fts5vocab(passages_fts, 'row');
CREATE TABLE IF NOT EXISTS records (
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, type TEXT, value TEXT, unit TEXT, text TEXT,
  start INTEGER, "end" INTEGER, page INTEGER, section TEXT, extra TEXT);
CREATE INDEX IF NOT EXISTS records_doc ON records(doc_id, type);
CREATE TABLE IF NOT EXISTS record_keys (key TEXT, record_id TEXT, doc_id TEXT);
CREATE INDEX IF NOT EXISTS record_keys_key ON record_keys(key);
CREATE TABLE IF NOT EXISTS vectors (
  pid INTEGER PRIMARY KEY, model TEXT NOT NULL, dim INTEGER NOT NULL, vec BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS vectors_model ON vectors(model);
CREATE TABLE IF NOT EXISTS sentence_vectors (
  pid INTEGER NOT NULL, model TEXT NOT NULL, dim INTEGER NOT NULL, vec BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS sentence_vectors_pid ON sentence_vectors(pid);
"""


class Store:
    """One SQLite file in the data directory; safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self.db.executescript(SCHEMA)
        with self.tx() as db:
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            db.execute("INSERT OR IGNORE INTO meta VALUES ('generation', '0')")
        self._check_analyser()

    def _check_analyser(self) -> None:
        """Re-analyse every passage when the index was built by another analyser version."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'analyser'").fetchone()
        if row is not None and row[0] == ANALYSER_VERSION:
            return
        with self.tx() as db:
            rows = db.execute(
                "SELECT p.pid, p.text, p.context, d.lang FROM passages p JOIN documents d ON d.doc_id = p.doc_id"
            ).fetchall()
            db.execute("DELETE FROM passages_fts")
            db.executemany(
                "INSERT INTO passages_fts (rowid, body, ctx) VALUES (?,?,?)",
                [(r[0], " ".join(analyse(r[1], r[3])), " ".join(analyse(r[2] or "", r[3]))) for r in rows],
            )
            db.execute("INSERT OR REPLACE INTO meta VALUES ('analyser', ?)", (ANALYSER_VERSION,))

    def analyser_version(self) -> str | None:
        """The analyser version the lexical index was built with."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'analyser'").fetchone()
        return row[0] if row else None

    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=OFF")
            self._local.conn = conn
        return conn

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed on success, rolled back on any error."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
            db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def generation(self) -> int:
        """A counter bumped by every write; readers use it to refresh caches."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0])

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # --- documents -----------------------------------------------------------------------

    def document_by_source(self, source: str) -> sqlite3.Row | None:
        """The stored document read from `source`, if any."""
        return self.db.execute(
            "SELECT doc_id, sha256, parser FROM documents WHERE source = ?", (source,)
        ).fetchone()

    def document_by_sha(self, sha: str) -> sqlite3.Row | None:
        """A stored document with these exact bytes, if any."""
        return self.db.execute(
            "SELECT doc_id, source, parser FROM documents WHERE sha256 = ?", (sha,)
        ).fetchone()

    def put_document(self, doc: Document, records: list[Record], replaces: Iterable[str] = ()) -> None:
        """Write a document with its passages and records, replacing older versions atomically."""
        with self.tx() as db:
            for old in {*replaces, doc.doc_id}:
                self._delete(db, old)
            self._insert_document(db, doc)
            self._insert_passages(db, doc)
            self._insert_records(db, records)

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and everything derived from it; False when it was not there."""
        with self.tx() as db:
            return self._delete(db, doc_id)

    def _delete(self, db: sqlite3.Connection, doc_id: str) -> bool:
        pids = [r[0] for r in db.execute("SELECT pid FROM passages WHERE doc_id = ?", (doc_id,))]
        db.executemany("DELETE FROM passages_fts WHERE rowid = ?", [(p,) for p in pids])
        db.executemany("DELETE FROM vectors WHERE pid = ?", [(p,) for p in pids])
        db.executemany("DELETE FROM sentence_vectors WHERE pid = ?", [(p,) for p in pids])
        for table in ("passages", "records", "record_keys", "sections", "tables_"):
            db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        return db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,)).rowcount > 0

    def _insert_document(self, db: sqlite3.Connection, doc: Document) -> None:
        db.execute(
            "INSERT INTO documents (doc_id, source, sha256, parser, title, doc_type, lang, date,"
            " valid_from, text, meta, pages) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.doc_id, doc.source, doc.sha256, doc.meta.get("parser", ""), doc.title, doc.doc_type,
             doc.lang, doc.date, doc.valid_from, doc.text, json.dumps(doc.meta, ensure_ascii=False),
             json.dumps([p.model_dump() for p in doc.pages])),
        )
        db.executemany(
            'INSERT INTO sections (doc_id, id, parent, number, heading, level, path, start, "end", page)'
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(doc.doc_id, s.id, s.parent, s.number, s.heading, s.level, s.path, s.start, s.end, s.page)
             for s in doc.sections],
        )
        db.executemany(
            'INSERT INTO tables_ (doc_id, id, section, heading, header, unit, start, "end", page, rows)'
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(doc.doc_id, t.id, t.section, t.heading, json.dumps(t.header, ensure_ascii=False), t.unit,
              t.start, t.end, t.page, json.dumps([r.model_dump() for r in t.rows], ensure_ascii=False))
             for t in doc.tables],
        )

    def _insert_passages(self, db: sqlite3.Connection, doc: Document) -> None:
        for p in doc.passages:
            cur = db.execute(
                'INSERT INTO passages (doc_id, ord, section, kind, table_id, start, "end", page, text, context)'
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (doc.doc_id, p.id, p.section, p.kind, p.table, p.start, p.end, p.page, p.text, p.context),
            )
            db.execute(
                "INSERT INTO passages_fts (rowid, body, ctx) VALUES (?,?,?)",
                (cur.lastrowid, " ".join(analyse(p.text, doc.lang)), " ".join(analyse(p.context, doc.lang))),
            )

    def _insert_records(self, db: sqlite3.Connection, records: list[Record]) -> None:
        db.executemany(
            'INSERT OR REPLACE INTO records (id, doc_id, type, value, unit, text, start, "end", page,'
            " section, extra) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(r.id, r.doc_id, r.type, json.dumps(r.value, ensure_ascii=False), r.unit, r.text, r.start,
              r.end, r.page, r.section.model_dump_json() if r.section else None,
              json.dumps(r.extra, ensure_ascii=False)) for r in records],
        )
        db.executemany(
            "INSERT INTO record_keys (key, record_id, doc_id) VALUES (?,?,?)",
            [(key, r.id, r.doc_id) for r in records for key in record_keys(r)],
        )

    # --- reading -------------------------------------------------------------------------

    _SUMMARY = (
        "SELECT d.doc_id, d.title, d.doc_type, d.lang, d.date, d.source,"
        " (SELECT COUNT(*) FROM sections s WHERE s.doc_id = d.doc_id) AS sections,"
        " (SELECT COUNT(*) FROM passages p WHERE p.doc_id = d.doc_id) AS passages,"
        " (SELECT COUNT(*) FROM records r WHERE r.doc_id = d.doc_id) AS records FROM documents d"
    )

    def documents(self) -> list[dict]:
        """Every document with its counts of sections, passages and records."""
        rows = self.db.execute(self._SUMMARY + " ORDER BY d.date DESC, d.title").fetchall()
        return [dict(r) for r in rows]

    def summary(self, doc_id: str) -> dict | None:
        """One document's metadata and counts."""
        row = self.db.execute(self._SUMMARY + " WHERE d.doc_id = ?", (doc_id,)).fetchone()
        return dict(row) if row else None

    def document(self, doc_id: str) -> dict | None:
        """A document with its text and section list, or None."""
        row = self.db.execute(
            "SELECT doc_id, title, doc_type, lang, date, valid_from, source, text, meta, pages"
            " FROM documents WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["meta"] = json.loads(out["meta"] or "{}")
        out["pages"] = json.loads(out["pages"] or "[]")
        out["sections"] = [dict(r) for r in self.db.execute(
            'SELECT id, parent, number, heading, level, path, start, "end", page FROM sections'
            " WHERE doc_id = ? ORDER BY start, level", (doc_id,))]
        return out

    def load_document(self, doc_id: str) -> Document | None:
        """Rebuild a Document (text, pages, sections, tables; no passages) from the store."""
        d = self.document(doc_id)
        if d is None:
            return None
        row = self.db.execute("SELECT sha256 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        tables = [
            Table(id=t["id"], section=t["section"], heading=t["heading"] or "", header=json.loads(t["header"]),
                  unit=t["unit"], rows=[TableRow(**r) for r in json.loads(t["rows"])], start=t["start"],
                  end=t["end"], page=t["page"])
            for t in self.db.execute("SELECT * FROM tables_ WHERE doc_id = ? ORDER BY id", (doc_id,))
        ]
        return Document(
            doc_id=doc_id, source=d["source"], sha256=row[0], title=d["title"], doc_type=d["doc_type"],
            lang=d["lang"], date=d["date"], valid_from=d["valid_from"], text=d["text"],
            pages=[Span(**p) for p in d["pages"]], sections=[Section(**s) for s in d["sections"]],
            tables=tables, meta=d["meta"],
        )

    def counts(self) -> dict[str, int]:
        """Numbers of documents, passages and records."""
        q = "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM passages), (SELECT COUNT(*) FROM records)"
        d, p, r = self.db.execute(q).fetchone()
        return {"documents": d, "passages": p, "records": r}

    def sections_of(self, doc_id: str) -> dict[int, SectionRef]:
        """Section references of a document by section id."""
        rows = self.db.execute("SELECT id, number, heading, path FROM sections WHERE doc_id = ?", (doc_id,))
        return {r["id"]: SectionRef(number=r["number"], heading=r["heading"], path=r["path"]) for r in rows}

    def passages(self, pids: list[int]) -> dict[int, sqlite3.Row]:
        """Passage rows joined with their document's metadata and section, by pid."""
        if not pids:
            return {}
        marks = ",".join("?" * len(pids))
        rows = self.db.execute(
            f'SELECT p.pid, p.doc_id, p.section, p.kind, p.table_id, p.start, p."end", p.page, p.text,'
            f" p.context, d.title, d.doc_type, d.source, d.date, d.lang, s.number AS sec_number,"
            f" s.heading AS sec_heading, s.path AS sec_path FROM passages p"
            f" JOIN documents d ON d.doc_id = p.doc_id"
            f" LEFT JOIN sections s ON s.doc_id = p.doc_id AND s.id = p.section"
            f" WHERE p.pid IN ({marks})", pids,
        ).fetchall()
        return {r["pid"]: r for r in rows}

    def passage_langs(self, pids: list[int]) -> dict[int, str]:
        """The language of each passage's document, by pid."""
        return {int(r[0]): r[1] for r in self._documents_of(pids, "d.lang")}

    def passage_years(self, pids: list[int]) -> dict[int, str]:
        """The year each passage's document is of (see `ingest.metadata.document_year`), by pid."""
        years = {int(r[0]): document_year(r[1], r[2], r[3]) for r in self._documents_of(pids, "d.valid_from, d.date, d.title")}
        return {pid: year for pid, year in years.items() if year}

    def _documents_of(self, pids: list[int], columns: str) -> list[sqlite3.Row]:
        """The pid and the given columns of the document of each passage."""
        if not pids:
            return []
        marks = ",".join("?" * len(pids))
        return self.db.execute(f"SELECT p.pid, {columns} FROM passages p JOIN documents d ON d.doc_id = p.doc_id"
                               f" WHERE p.pid IN ({marks})", pids).fetchall()

    def valid_from(self, doc_id: str) -> str | None:
        """The date from which a document applies, when it says so."""
        row = self.db.execute("SELECT valid_from FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def text_of(self, doc_id: str) -> str | None:
        """The canonical text of a document."""
        row = self.db.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    # --- records -------------------------------------------------------------------------

    def records(self, doc_id: str | None = None, type_: str | None = None, q: str | None = None,
                limit: int = 1000) -> list[Record]:
        """Records filtered by document, type and a text fragment (case-insensitive)."""
        where, args = [], []
        if doc_id:
            where.append("doc_id = ?")
            args.append(doc_id)
        if type_:
            where.append("type = ?")
            args.append(type_)
        if q:
            where.append("(text LIKE ? OR value LIKE ? OR extra LIKE ?)")
            args += [f"%{q}%"] * 3
        sql = "SELECT * FROM records" + (" WHERE " + " AND ".join(where) if where else "")
        rows = self.db.execute(sql + " ORDER BY doc_id, start LIMIT ?", (*args, limit)).fetchall()
        return [_record(r) for r in rows]

    def records_by_key(self, key: str, type_: str | None = None) -> list[Record]:
        """Records indexed under a key (a nomenclature code)."""
        sql = "SELECT r.* FROM record_keys k JOIN records r ON r.id = k.record_id WHERE k.key = ?"
        args: list = [key]
        if type_:
            sql += " AND r.type = ?"
            args.append(type_)
        return [_record(r) for r in self.db.execute(sql, args)]

    def records_in(self, doc_id: str, start: int, end: int) -> list[Record]:
        """Records of a document whose span lies within [start, end)."""
        rows = self.db.execute(
            'SELECT * FROM records WHERE doc_id = ? AND start >= ? AND "end" <= ? ORDER BY start',
            (doc_id, start, end),
        )
        return [_record(r) for r in rows]

    # --- BM25 ----------------------------------------------------------------------------

    def bm25(self, terms: list[str], k: int, where: str = "", args: tuple = (),
             weights: tuple[float, float] = (1.0, 0.5)) -> list[tuple[int, float]]:
        """Top-k (pid, score) by BM25 over analysed passage text and context; higher is better."""
        if not terms:
            return []
        match = " OR ".join('"' + t.replace('"', "") + '"' for t in terms)
        sql = (
            "SELECT f.rowid AS pid, bm25(passages_fts, ?, ?) AS s FROM passages_fts f"
            " JOIN passages p ON p.pid = f.rowid JOIN documents d ON d.doc_id = p.doc_id"
            f" WHERE passages_fts MATCH ? {where} ORDER BY s LIMIT ?"
        )
        rows = self.db.execute(sql, (*weights, match, *args, k)).fetchall()
        return [(r["pid"], -r["s"]) for r in rows]

    def term_stats(self, terms: list[str]) -> tuple[int, dict[str, int]]:
        """(number of passages, document frequency of each term)."""
        n = self.db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
        if not terms:
            return n, {}
        marks = ",".join("?" * len(terms))
        rows = self.db.execute(f"SELECT term, doc FROM passages_vocab WHERE term IN ({marks})", terms)
        return n, {r[0]: r[1] for r in rows}

    def passage_context(self, pid: int) -> str:
        """The indexed context (title, section path, table header) of a passage."""
        row = self.db.execute("SELECT context FROM passages WHERE pid = ?", (pid,)).fetchone()
        return row[0] if row else ""

    def table_header(self, pid: int) -> list[str]:
        """The column headers of a table-row passage's table, one per column ([] for prose)."""
        row = self.db.execute(
            "SELECT t.header FROM passages p JOIN tables_ t ON t.doc_id = p.doc_id AND t.id = p.table_id"
            " WHERE p.pid = ? AND p.kind = 'table_row'", (pid,)).fetchone()
        return json.loads(row[0]) if row and row[0] else []

    def pids_where(self, where: str, args: tuple) -> set[int]:
        """Passage ids passing a filter clause over passages p and documents d."""
        sql = f"SELECT p.pid FROM passages p JOIN documents d ON d.doc_id = p.doc_id WHERE 1=1 {where}"
        return {r[0] for r in self.db.execute(sql, args)}

    def pids_with_text(self, needle: str, limit: int = 200) -> list[int]:
        """Passages whose text contains `needle` verbatim (the exact route for codes)."""
        rows = self.db.execute(
            "SELECT pid FROM passages WHERE instr(text, ?) > 0 ORDER BY kind = 'table_row' DESC, pid LIMIT ?",
            (needle, limit),
        )
        return [r[0] for r in rows]

    def pids_with_records(self, type_: str, values: list[str], limit: int = 100) -> list[int]:
        """Passages holding a record of `type_` whose JSON value is one of `values`."""
        if not values:
            return []
        marks = ",".join("?" * len(values))
        rows = self.db.execute(
            'SELECT DISTINCT p.pid FROM records r JOIN passages p ON p.doc_id = r.doc_id'
            ' AND r.start >= p.start AND r."end" <= p."end"'
            f" WHERE r.type = ? AND r.value IN ({marks}) ORDER BY p.pid LIMIT ?",
            (type_, *values, limit),
        )
        return [r[0] for r in rows]

    def pids_holding(self, types: tuple[str, ...], pids: list[int]) -> set[int]:
        """Which of `pids` hold a record of one of `types`."""
        if not types or not pids:
            return set()
        tmarks, pmarks = ",".join("?" * len(types)), ",".join("?" * len(pids))
        rows = self.db.execute(
            'SELECT DISTINCT p.pid FROM passages p JOIN records r ON r.doc_id = p.doc_id'
            ' AND r.start >= p.start AND r."end" <= p."end"'
            f" WHERE p.pid IN ({pmarks}) AND r.type IN ({tmarks})",
            (*pids, *types),
        )
        return {r[0] for r in rows}

    # --- vectors -------------------------------------------------------------------------

    def passages_without_vectors(self, model: str, limit: int) -> list[sqlite3.Row]:
        """Passages that have no vector from `model` yet, oldest first."""
        return self.db.execute(
            "SELECT p.pid, p.text, p.context FROM passages p"
            " LEFT JOIN vectors v ON v.pid = p.pid AND v.model = ?"
            " WHERE v.pid IS NULL ORDER BY p.pid LIMIT ?", (model, limit),
        ).fetchall()

    def put_vectors(self, model: str, pids: list[int], matrix: np.ndarray,
                    sentences: tuple[list[int], np.ndarray] | None = None) -> None:
        """Store passage vectors computed by `model`, and the vectors of their sentences
        (owner pids, matrix) when given, in one transaction."""
        matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        with self.tx() as db:
            db.executemany("DELETE FROM sentence_vectors WHERE pid = ?", [(p,) for p in pids])
            if sentences is not None and len(sentences[0]):
                owners, smat = sentences[0], np.ascontiguousarray(sentences[1], dtype=np.float32)
                db.executemany(
                    "INSERT INTO sentence_vectors (pid, model, dim, vec) VALUES (?,?,?,?)",
                    [(pid, model, smat.shape[1], smat[i].tobytes()) for i, pid in enumerate(owners)],
                )
            db.executemany(
                "INSERT OR REPLACE INTO vectors (pid, model, dim, vec) VALUES (?,?,?,?)",
                [(pid, model, matrix.shape[1], matrix[i].tobytes()) for i, pid in enumerate(pids)],
            )
            db.execute("INSERT OR REPLACE INTO meta VALUES ('vector_units', ?)", (VECTOR_UNITS,))

    def vector_units(self) -> str | None:
        """What the stored vectors were made of (VECTOR_UNITS), None before any were stored."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'vector_units'").fetchone()
        return row[0] if row else None

    def drop_vectors_except(self, model: str | None) -> int:
        """Delete vectors made by any other model (every vector when None); returns how many
        passage vectors were dropped."""
        with self.tx() as db:
            db.execute("DELETE FROM sentence_vectors WHERE model != ?", (model or "",))
            return db.execute("DELETE FROM vectors WHERE model != ?", (model or "",)).rowcount

    def load_vectors(self, model: str, sentences: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """(pids, matrix) of every stored passage vector from `model` — with, when asked, the
        vectors of their sentences, each under its passage's pid."""
        sql = "SELECT pid, dim, vec FROM vectors WHERE model = ?"
        if sentences:
            sql += " UNION ALL SELECT pid, dim, vec FROM sentence_vectors WHERE model = ?"
        rows = self.db.execute(sql + " ORDER BY pid", (model, model) if sentences else (model,)).fetchall()
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
        pids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        mat = np.frombuffer(b"".join(r[2] for r in rows), dtype=np.float32).reshape(len(rows), rows[0][1])
        return pids, mat

    def vector_count(self, model: str) -> int:
        """How many passages have a vector from `model`."""
        return self.db.execute("SELECT COUNT(*) FROM vectors WHERE model = ?", (model,)).fetchone()[0]


def record_keys(record: Record) -> list[str]:
    """Lookup keys of a record: the codes it names (ranges expanded when small)."""
    v = record.value
    if record.type == "tariff_row" and isinstance(v, dict):
        return [c for c in (v.get("code_amb"), v.get("code_hos")) if c]
    if record.type == "code" and isinstance(v, str):
        return [v]
    if record.type == "code_range" and isinstance(v, dict):
        lo, hi = int(v["from"]), int(v["to"])
        return [str(c) for c in range(lo, hi + 1)] if 0 <= hi - lo <= 200 else [v["from"], v["to"]]
    return []


def _record(row: sqlite3.Row) -> Record:
    return Record(
        id=row["id"], doc_id=row["doc_id"], type=row["type"], value=json.loads(row["value"]),
        unit=row["unit"], text=row["text"], start=row["start"], end=row["end"], page=row["page"],
        section=SectionRef.model_validate_json(row["section"]) if row["section"] else None,
        extra=json.loads(row["extra"] or "{}"),
    )
