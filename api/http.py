"""The HTTP service: thin FastAPI routes over KnowledgeBase, same shapes as the CLI's JSON."""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from api.service import IngestReport, KnowledgeBase, NotFound, report_json
from api.settings import Settings, load_settings
from api.validation import check_filters, check_record_type
from extract.models import Record
from search.models import Answer, SearchResult


class AskBody(BaseModel):
    """Body of POST /ask."""

    question: str = Field(min_length=1, max_length=2000)
    k: int = Field(default=5, ge=1, le=50)
    doc_type: str | None = None
    lang: str | None = None
    since: str | None = None
    until: str | None = None


class Health(BaseModel):
    status: str
    documents: int
    passages: int
    records: int = 0
    embedding_model: str = ""
    vectors: int = 0
    retrieval: str = "bm25"
    dense_coverage: str = "none"


class DocumentsOut(BaseModel):
    documents: list[dict]


class RecordsOut(BaseModel):
    records: list[Record]


class CodeOut(BaseModel):
    code: str
    rows: list[Record]


class IngestOut(BaseModel):
    ingested: list[IngestReport]


def _validation_message(exc: RequestValidationError) -> str:
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path"))
    msg = first.get("msg", "invalid input")
    return f"{where or 'request'}: {msg}." if not msg.endswith(".") else f"{where or 'request'}: {msg}"


def create_app(settings: Settings | None = None, kb: KnowledgeBase | None = None) -> FastAPI:
    """The FastAPI application over one knowledge base."""
    settings = settings or load_settings()
    kb = kb or KnowledgeBase(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        kb.warm_in_background()  # /health says "starting" until the models are loaded
        yield

    app = FastAPI(title="inami-kb", version="0.1.0", lifespan=lifespan,
                  description="Search and cited answers over INAMI/RIZIV documents.")
    app.state.kb = kb

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": _validation_message(exc)})

    @app.exception_handler(ValueError)
    async def _bad(_: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    @app.exception_handler(NotFound)
    async def _missing(_: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse(status_code=404, content={"detail": str(exc)})

    def authorised(authorization: Annotated[str | None, Header()] = None) -> None:
        key = settings.api_key
        if key and authorization != f"Bearer {key}":
            raise HTTPException(status_code=401, detail="This write needs the header 'Authorization: Bearer <key>'.")

    _routes(app, kb, settings, authorised)
    return app


def _routes(app: FastAPI, kb: KnowledgeBase, settings: Settings, authorised) -> None:
    @app.get("/health", response_model=Health)
    def health() -> dict:
        return kb.health()

    @app.get("/search", response_model=SearchResult)
    def search(
        q: Annotated[str, Query(min_length=1, max_length=2000, description="Query text or a 6-digit code.")],
        k: Annotated[int, Query(ge=1, le=100)] = 10,
        doc_type: str | None = None, lang: str | None = None,
        since: str | None = None, until: str | None = None,
        mode: Annotated[Literal["hybrid", "bm25"], Query(description="bm25 skips the dense model.")] = "hybrid",
    ) -> SearchResult:
        return kb.search(q, k, check_filters(doc_type, lang, since, until), mode)

    @app.post("/ask", response_model=Answer)
    def ask(body: AskBody) -> Answer:
        return kb.ask(body.question, body.k, check_filters(body.doc_type, body.lang, body.since, body.until))

    @app.get("/documents", response_model=DocumentsOut)
    def documents() -> dict:
        return {"documents": kb.documents()}

    @app.get("/documents/{doc_id}")
    def document(doc_id: str) -> dict:
        return kb.document(doc_id)

    @app.get("/records", response_model=RecordsOut)
    def records(doc_id: str | None = None, type: str | None = None, q: str | None = None,
                limit: Annotated[int, Query(ge=1, le=10000)] = 1000) -> dict:
        check_record_type(type)
        return {"records": kb.records(doc_id, type, q, limit)}

    @app.get("/codes/{code}", response_model=CodeOut)
    def code(code: str) -> dict:
        return {"code": code, "rows": kb.code(code)}

    @app.post("/documents", response_model=IngestOut, dependencies=[Depends(authorised)])
    async def upload(file: Annotated[UploadFile, File(description="A .pdf, .html, .htm, .txt, .md or .xlsx file.")]) -> dict:
        name = _safe_name(file.filename or "")
        data = await file.read()
        limit = int(settings.max_file_mb * 1024 * 1024)
        if len(data) > limit:
            raise HTTPException(status_code=413, detail=f"The file is larger than {settings.max_file_mb:g} MB.")
        folder = settings.data / settings.upload_dir_name / hashlib.sha256(data).hexdigest()[:16]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_bytes(data)
        report = kb.ingest_file(path, data, source=f"upload:{name}")
        if report.status == "failed":
            raise HTTPException(status_code=422, detail=report.error)
        if report.status in ("new", "updated") and settings.embed_on_ingest:
            kb.embed()
        return JSONResponse({"ingested": [report_json(report)]})


def _safe_name(name: str) -> str:
    name = Path(name).name
    if not name or not re.search(r"\.(pdf|html?|txt|md|markdown|xlsx)$", name, re.I):
        raise ValueError("Upload a file named *.pdf, *.html, *.htm, *.txt, *.md or *.xlsx.")
    return re.sub(r"[^\w.\- ]", "_", name)
