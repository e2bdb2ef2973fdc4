"""Reader for PDF files (pymupdf), page by page, keeping 1-based page numbers.

The canonical text is rebuilt from the lines of each page:
- running headers and footers (margin lines repeating over the pages, on all pages or on every
  other page, digits aside) and page numbers ("17", "- 3 -", "Page 3 / 25") are dropped;
- the lines of a paragraph are joined with a space; a line ends where a wide vertical gap, a
  heading, a list item, or a line that stops short of the margin says so;
- a word hyphenated at a line end is joined (the hyphen kept in compounds: "médico-mutualiste");
- a sentence that runs over a page break is joined, and so is a table that does;
- tables (ruled ones from pymupdf's table finder, unruled ones from aligned columns) become
  tab-separated rows and Table objects; a header row repeated on a continuation page is dropped.
pymupdf's layout model (an ONNX model that `import pymupdf` loads when pymupdf_layout is installed;
no environment variable turns it off in pymupdf 2.0) and pymupdf4llm (which loads onnxruntime) are
kept from loading: together they add about 0.6 s and 55 MB to start-up, the layout model makes the
table finder 5 to 10 times slower, and these readers need neither.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from ingest.draft import Draft, HeadingHint, ReadError
from ingest.lexicon import PDF_JUNK_TITLES
from ingest.models import Span
from ingest.readers.pdf_lines import Line, hyphen_join, page_lines, vocabulary
from ingest.readers.pdf_tables import inside_any, ruled_tables, text_tables
from ingest.tables import is_header_row, table_from_spans

MAX_HEADING = 300  # characters of a bold or large-print run still read as a heading
MARGIN = 0.1  # top/bottom share of the page where running headers and footers live
_PAGE_NO = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:page|p\.|blz\.?|pagina|seite)?\s*\d{1,4}\s*"
    r"(?:(?:/|sur|of|van|de|von)\s*\d{1,4})?\s*(?:[-–—])?\s*$",
    re.I,
)
_ITEM = re.compile(r"^(?:[-–•●◦▪\uf0b7*]\s|\(?[a-z]\)\s|\(?\d{1,2}[°)]\s|(?:\d{1,2}\.)+\d{0,2}\s)")
_SENTENCE_END = tuple(".!?:;»\"”)")


_SKIPPED = ("pymupdf.layout", "pymupdf4llm")  # an ONNX layout model; markdown/OCR helpers


def import_pymupdf():
    """pymupdf, imported without its layout model and pymupdf4llm (see the module docstring);
    either can still be imported later by code that wants it."""
    if "pymupdf" not in sys.modules:
        blocked = [name for name in _SKIPPED if name not in sys.modules]
        for name in blocked:
            sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail
        try:
            import pymupdf  # noqa: F401
        finally:
            for name in blocked:
                if sys.modules.get(name, 0) is None:
                    del sys.modules[name]
    import pymupdf

    pymupdf.no_recommend_layout()  # its hint would otherwise go to stdout
    return pymupdf


# --- running headers and footers -------------------------------------------------------------


def _chrome_key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def _in_margin(line: Line, h: float) -> bool:
    return line.y1 < h * MARGIN or line.y0 > h * (1 - MARGIN)


def running_chrome(pages: list[list[Line]], heights: list[float]) -> set[str]:
    """Keys of margin lines that repeat over the pages, or over every other page."""
    n = len(pages)
    if n < 2:
        return set()
    counts: Counter[str] = Counter()
    parity: Counter[tuple[str, int]] = Counter()
    for i, (lines, h) in enumerate(zip(pages, heights, strict=True)):
        keys = {_chrome_key(ln.text) for ln in lines if _in_margin(ln, h)}
        counts.update(keys)
        parity.update((k, i % 2) for k in keys)
    need = max(2, round(0.4 * n))
    half = [max(2, round(0.7 * ((n + 1 - p) // 2))) for p in (0, 1)]
    keys = {k for k, c in counts.items() if c >= need}
    return keys | {k for (k, p), c in parity.items() if c >= half[p] and n >= 4}


def _is_chrome(line: Line, h: float, chrome: set[str]) -> bool:
    return _in_margin(line, h) and (_chrome_key(line.text) in chrome or bool(_PAGE_NO.match(line.text)))


# --- one page ----------------------------------------------------------------------------------


def _page_body(page, lines: list[Line], chrome: set[str], vocab: set[str], table_id: int) -> list[Line]:
    """The page's lines without chrome, tables replaced by their rows, in reading order."""
    h = page.rect.height
    lines = [ln for ln in lines if not _is_chrome(ln, h, chrome)]
    tables = ruled_tables(page, table_id, vocab)
    lines = [ln for ln in lines if not inside_any(ln, tables)]
    unruled, used = text_tables(lines, table_id + len(tables))
    lines = [ln for ln in lines if id(ln) not in used]
    for rows in tables + unruled:
        at = next((i for i, ln in enumerate(lines) if ln.y0 > rows[0].y0), len(lines))
        lines[at:at] = rows
    return lines


def _right_edge(lines: list[Line]) -> float:
    """Where full text lines end (the right margin of the text column)."""
    ends = sorted(ln.x1 for ln in lines if not ln.is_table and len(ln.text) > 30)
    return ends[int(len(ends) * 0.9)] if ends else max((ln.x1 for ln in lines), default=0.0)


def _typical_gap(lines: list[Line]) -> float:
    gaps = sorted(b.y0 - a.y1 for a, b in zip(lines, lines[1:], strict=False)
                  if b.y0 > a.y1 - 1 and not a.is_table and not b.is_table and a.block == b.block)
    return gaps[len(gaps) // 2] if gaps else 3.0


def _heading_runs(lines: list[Line], body_size: float) -> dict[int, int]:
    """Index of each heading's first line -> index of its last (a heading may wrap); a run of
    styled lines too long for a heading is a bold paragraph. As in markdown, a bold line standing
    alone is a heading even with a final period ("Tarifs; médecins - partie 7; 01-01-2025.")."""
    out: dict[int, int] = {}
    i = 0
    while i < len(lines):
        if not _styled(lines[i], body_size):
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and _continues_heading(lines[j], lines[j + 1], body_size):
            j += 1
        text = " ".join(ln.text for ln in lines[i : j + 1])
        if len(text) <= MAX_HEADING and not text.endswith((",", ";")):
            out[i] = j
        i = j + 1
    return out


def _continues_heading(line: Line, nxt: Line, body_size: float) -> bool:
    return (_styled(nxt, body_size) and abs(nxt.size - line.size) < 0.5 and nxt.y0 - line.y1 < line.height
            and not line.text.endswith(_SENTENCE_END) and not _ITEM.match(nxt.text))


def _styled(line: Line, body_size: float) -> bool:
    letters = any(c.isalpha() for c in line.text)
    return letters and not line.is_table and (line.size > body_size + 1.5 or (line.bold and line.size >= body_size - 0.5))


# --- the canonical text ------------------------------------------------------------------------


class _Builder:
    """Accumulates the canonical text with heading hints, page spans and table row spans."""

    def __init__(self, vocab: set[str], body_size: float) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.vocab, self.body_size = vocab, body_size
        self.headings: list[HeadingHint] = []
        self.rows: dict[int, list[tuple[int, int]]] = {}  # table chain -> row spans
        self.first_rows: dict[int, list[list[str]]] = {}  # table chain -> its first rows' cells
        self.chain: dict[int, int] = {}  # table id on a page -> chain (tables continued over pages)
        self.repeat = 0  # rows of a continued table's header still to compare
        self.prev: Line | None = None
        self.prev_heading = False
        self.prev_right = 0.0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def drop_last_char(self) -> None:
        self.parts[-1] = self.parts[-1][:-1]
        self.pos -= 1

    def text(self) -> str:
        return "".join(self.parts)

    def join(self, sep: str) -> None:
        if sep == "HYPHEN":
            self.drop_last_char()
        elif self.parts:
            self.add(sep)

    def add_page(self, lines: list[Line]) -> int:
        """Append a page's lines; returns where the page starts in the text."""
        right, typical = _right_edge(lines), _typical_gap(lines)
        heads = _heading_runs(lines, self.body_size)
        self.repeat = -1
        start = None
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.is_table and self._repeated_header(line, first=i == 0):
                i += 1
                continue
            if i in heads:
                line = self._merge(lines[i : heads[i] + 1])
                self.join("\n\n")
            else:
                self.join(self._separator(line, i == 0, typical, right))
            start = self.pos if start is None else start
            self._put(line, heading=i in heads)
            i = heads.get(i, i) + 1
        self.prev_right = right
        return self.pos if start is None else start

    def _put(self, line: Line, heading: bool) -> None:
        begin = self.pos
        self.add(line.text)
        if heading:
            self.headings.append(HeadingHint(start=begin, end=self.pos, level=self._level(line), text=line.text))
        if line.is_table:
            chain = self.chain.setdefault(line.table, line.table)
            self.rows.setdefault(chain, []).append((begin, self.pos))
            first = self.first_rows.setdefault(chain, [])
            if len(first) < 4:
                first.append(line.cells)
        self.prev, self.prev_heading = line, heading

    def _merge(self, lines: list[Line]) -> Line:
        """One line from the lines of a wrapped heading."""
        text = lines[0].text
        for prev, line in zip(lines, lines[1:], strict=False):
            how = hyphen_join(prev.text, line.text, self.vocab)
            text = text[:-1] + line.text if how == "drop" else text + ("" if how else " ") + line.text
        first = lines[0]
        return Line(text, first.x0, first.y0, max(ln.x1 for ln in lines), lines[-1].y1, first.size, first.bold, first.block)

    def _level(self, line: Line) -> int:
        if line.size >= self.body_size + 3:
            return 1
        return 2 if line.size > self.body_size + 1.5 else 6

    def _repeated_header(self, line: Line, first: bool) -> bool:
        """Whether a row repeats the header of the table it continues from the page before
        (then it is dropped); the first table row of a page decides whether it continues one."""
        prev = self.prev
        if first:
            self.repeat = -1
            if prev is not None and prev.is_table and line.table not in self.chain \
                    and len(prev.cells) == len(line.cells):
                self.chain[line.table] = self.chain.get(prev.table, prev.table)
                self.repeat = 0
        if self.repeat < 0:
            return False
        head = self.first_rows.get(self.chain[line.table], [])
        if self.repeat < len(head) and line.cells == head[self.repeat] and is_header_row(line.cells, 0):
            self.repeat += 1
            return True
        self.repeat = -1
        return False

    def _separator(self, line: Line, first_on_page: bool, typical: float, right: float) -> str:
        prev = self.prev
        if prev is None:
            return ""
        if prev.is_table or line.is_table:
            same = prev.is_table and line.is_table and self.chain.get(line.table, line.table) == self.chain.get(prev.table)
            return "\n" if same else "\n\n"
        if self.prev_heading:
            return "\n\n"
        if first_on_page:
            return self._page_separator(line)
        if line.y0 - prev.y1 > typical + max(0.5 * line.size, 3.0):
            return "\n\n"
        return self._line_separator(prev, line, right)

    def _line_separator(self, prev: Line, line: Line, right: float) -> str:
        how = hyphen_join(prev.text, line.text, self.vocab)
        if how:
            return "HYPHEN" if how == "drop" else ""
        if _ITEM.match(line.text) or _hard_break(prev, line, right):
            return "\n"
        return " "

    def _page_separator(self, line: Line) -> str:
        """Between pages: carry on a sentence (or a hyphenated word), else start a paragraph."""
        prev = self.prev
        if prev.text.endswith(_SENTENCE_END) or _ITEM.match(line.text):
            return "\n\n"
        full = not _hard_break(prev, line, self.prev_right)
        if not (line.text[:1].islower() or full):
            return "\n\n"
        how = hyphen_join(prev.text, line.text, self.vocab)
        if how:
            return "HYPHEN" if how == "drop" else ""
        return " "


def _hard_break(prev: Line, line: Line, right: float) -> bool:
    """Whether `prev` ends a line on purpose: the next line's first word would have fitted on it,
    or the next line is indented after a sentence end."""
    first = line.text.split()[0] if line.text.split() else ""
    char_w = (line.x1 - line.x0) / max(len(line.text), 1)
    fits = prev.x1 + char_w * (len(first) + 1) < right - 2
    indent = line.x0 > prev.x0 + 1.5 * char_w and prev.text.endswith(_SENTENCE_END)
    return fits or indent


# --- the document ------------------------------------------------------------------------------


def _body_size(pages: list[list[Line]]) -> float:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for ln in lines:
            if len(ln.text) >= 30:  # running text, not table cells
                sizes[round(ln.size * 2) / 2] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _title(first_page: list[Line], body_size: float, metadata: dict) -> str | None:
    """The large-print lines opening page 1, else the PDF's own title unless it is a file name."""
    big = [ln for ln in first_page[:8] if ln.size >= body_size + 2 and any(c.isalpha() for c in ln.text)]
    if big:
        size = big[0].size
        run = [ln.text for ln in first_page if abs(ln.size - size) < 0.5][:3]
        return " ".join(run)[:200]
    meta = (metadata or {}).get("title") or ""
    junk = any(j in meta.lower() for j in PDF_JUNK_TITLES) or re.search(r"\.\w{2,4}$", meta)
    return meta.strip() if len(meta.strip()) >= 8 and not junk else None


def _read_pages(doc, path: Path) -> tuple[list, list[list[Line]], list[int]]:
    """(pages, their lines, numbers of damaged pages); a damaged page is kept empty."""
    pages, raw, broken = [], [], []
    for i in range(doc.page_count):
        try:
            page = doc.load_page(i)
            lines = page_lines(page)
        except Exception:  # one damaged page must not lose the others
            page, lines = None, []
            broken.append(i + 1)
        pages.append(page)
        raw.append(lines)
    if len(broken) == len(raw):
        raise ReadError(f"{path.name} has no page that can be read (the file is damaged).")
    return pages, raw, broken


def _build(loaded: list, raw: list[list[Line]], chrome: set[str], body_size: float) -> tuple[_Builder, list[int]]:
    """The canonical text of all pages, and where each page starts in it."""
    b = _Builder(vocabulary([ln for lines in raw for ln in lines]), body_size)
    starts, table_id = [], 0
    for page, lines in zip(loaded, raw, strict=True):
        body = _page_body(page, lines, chrome, b.vocab, table_id) if lines else []
        table_id = max((ln.table + 1 for ln in body if ln.is_table), default=table_id)
        starts.append(b.add_page(body))
    return b, starts


def read_pdf(path: Path, data: bytes, max_pages: int = 2000) -> Draft:
    """The text of every page without running headers/footers, with page spans and tables as rows."""
    doc = _open(path, data, max_pages, import_pymupdf())
    loaded, raw, broken = _read_pages(doc, path)
    chrome = running_chrome(raw, [p.rect.height if p else 842.0 for p in loaded])
    body_size = _body_size(raw)
    b, starts = _build(loaded, raw, chrome, body_size)
    text = b.text()
    if not text.strip():
        raise ReadError(f"{path.name} has no text layer (a scanned PDF needs OCR first).")
    ends = [*starts[1:], len(text)]
    pages = [Span(start=s, end=e, page=n) for n, (s, e) in enumerate(zip(starts, ends, strict=True), start=1)]
    tables = [table_from_spans(text, spans) for spans in b.rows.values()]
    meta = {"pages": doc.page_count, **({"unreadable_pages": broken} if broken else {})}
    return Draft(text=text, pages=pages, headings=b.headings, tables=[t for t in tables if t.rows], fmt="pdf",
                 title=_title(raw[0], body_size, _metadata(doc)), meta=meta)


def _metadata(doc) -> dict:
    try:
        return doc.metadata or {}
    except Exception:  # a damaged info dictionary is no reason to lose the text
        return {}


def _open(path: Path, data: bytes, max_pages: int, pymupdf):
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # pymupdf raises its own types for broken files
        raise ReadError(f"{path.name} is not a readable PDF (the file is damaged or not a PDF).") from exc
    if doc.needs_pass:
        raise ReadError(f"{path.name} is encrypted and needs a password.")
    if doc.page_count == 0:
        raise ReadError(f"{path.name} has no pages.")
    if doc.page_count > max_pages:
        raise ReadError(f"{path.name} has {doc.page_count} pages, more than the limit of {max_pages}.")
    return doc
