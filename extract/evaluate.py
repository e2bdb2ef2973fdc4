"""Evaluation of records against a gold file (the format of gold/extraction.dev.jsonl).

A predicted record matches a gold record of the same document and type with the same
normalised value (numbers within 0.005; obligations: same deadline and an actor sharing a
content word; legal references: same law date and articles where the gold gives them). Each
prediction matches at most one gold record, preferring one whose evidence overlaps it.

Recall is over every gold record. Precision is over the predictions that fall inside the
gold's exhaustive spans ("NNN:<section number> <heading>", "NNN:tableK",
"NNN:obligations_with_deadline"), where every record of the types annotated with that label is
listed (a span labelled on amounts and dates says nothing of obligations in it); where a type
has no such span, precision is undefined and F1 equals recall. `Report.unmatched` lists the
predictions inside exhaustive spans that match no gold record (the false positives).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel

from extract.models import RECORD_TYPES, Record
from ingest.jsonl import read_jsonl
from ingest.models import Document
from ingest.text import fold

_STOP = frozenset("la le les l de des du d un une et ou au aux a en par pour".split())


class TypeScore(BaseModel):
    """Scores of one record type."""

    type: str
    gold: int = 0
    matched: int = 0  # gold records found
    predicted_in_spans: int = 0
    correct_in_spans: int = 0
    precision: float | None = None
    recall: float = 0.0
    f1: float = 0.0


class ExtractionReport(BaseModel):
    """What `kb eval-extract` prints: scores per type and overall, the gold records no prediction
    matched, and the predictions inside exhaustive spans that match no gold record."""

    types: list[TypeScore]
    overall: TypeScore
    missed: list[dict] = []
    unmatched: list[dict] = []


Report = ExtractionReport


def load_gold(path: Path) -> list[dict]:
    """Gold records from a JSON-lines file; a clear error names the bad line."""
    return read_jsonl(path, ("doc", "type", "value"))


def _words(text: str | None) -> set[str]:
    return {
        w[:6] for w in re.findall(r"[a-z0-9]+", fold(text or "")) if w not in _STOP and len(w) > 2
    }


def _same_actor(a: str | None, b: str | None) -> bool:
    """Actors sharing a word, or one the acronym of the other ("OA", "organismes assureurs")."""
    if _words(a) & _words(b):
        return True
    return any(x and re.fullmatch(r"[A-Z]{2,}", x.strip()) and x.strip().lower() == _initials(y)
               for x, y in ((a, b), (b, a)))


def _initials(text: str | None) -> str:
    words = re.findall(r"[^\W\d_]+", fold(text or ""))
    return "".join(w[0] for w in words if w not in _STOP and len(w) > 2)


def _num_eq(a, b) -> bool:
    try:
        return abs(float(a) - float(b)) < 0.005
    except (TypeError, ValueError):
        return str(a) == str(b)


def _as_set(v) -> set[str]:
    """A field's items: a list's, or those of a written list ("18, 51 et 68")."""
    if v is None:
        return set()
    items = v if isinstance(v, list) else re.split(r"\s*(?:,|\bet\b|\ben\b|\band\b)\s*", str(v))
    return {str(x).strip() for x in items if str(x).strip()}


def value_match(type_: str, gold, pred) -> bool:
    """Whether a predicted value equals a gold value for its type."""
    if type_ in ("amount", "percent"):
        return _num_eq(gold, pred)
    if type_ in ("date", "code"):
        return str(gold) == str(pred)
    if not isinstance(gold, dict) or not isinstance(pred, dict):
        return False
    if type_ == "code_range":
        return gold.get("from") == pred.get("from") and gold.get("to") == pred.get("to")
    if type_ == "tariff_row":
        return all(
            _num_eq(v, pred.get(k)) if isinstance(v, (int, float)) else v == pred.get(k)
            for k, v in gold.items()
            if k != "valid_from" and v is not None
        )
    if type_ == "obligation":
        return str(gold.get("deadline")) == str(pred.get("deadline")) and _same_actor(gold.get("actor"), pred.get("actor"))
    if type_ == "legal_ref":  # the gold's articles among the prediction's (one record per article or per list)
        if gold.get("law_date") is not None and str(gold["law_date"]) != str(pred.get("law_date")):
            return False
        return gold.get("article") is None or _as_set(gold["article"]) <= _as_set(pred.get("article"))
    return gold == pred


def _evidence_spans(doc: Document, evidence: str) -> list[tuple[int, int]]:
    """Where an evidence string occurs in the text, whitespace-insensitively."""
    words = evidence.split()
    if not words:
        return []
    rx = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [(m.start(), m.end()) for m in rx.finditer(doc.text)]


def _gold_spans(doc: Document, gold: dict) -> list[tuple[int, int]]:
    """Where a gold record's evidence (continued by extra.evidence_cont) occurs in the text."""
    cont = (gold.get("extra") or {}).get("evidence_cont", "")
    both = _evidence_spans(doc, f"{gold.get('evidence', '')} {cont}") if cont else []
    return both or _evidence_spans(doc, gold.get("evidence", ""))


def _bare(text: str) -> str:
    """Folded words without punctuation: how a label and a section's number and heading compare."""
    return " ".join(re.findall(r"\w+", fold(text)))


def exhaustive_span(doc: Document, label: str) -> tuple[tuple[int, int], str | None] | None:
    """(span, only-type) named by an exhaustive_span label, or None when it cannot be resolved:
    "NNN:<number> <heading>" is that section with its subsections (the heading decides between
    sections of one number, and names the section when the number is missing), "NNN:tableK" the
    K-th table, "NNN:obligations_with_deadline" the whole document for obligations with a
    deadline."""
    name = label.split(":", 1)[-1].strip()
    if name == "obligations_with_deadline":
        return (0, len(doc.text)), "obligation_deadline"
    m = re.fullmatch(r"table(\d+)", name)
    if m:
        k = int(m.group(1)) - 1
        return (
            ((doc.tables[k].start, doc.tables[k].end), None) if 0 <= k < len(doc.tables) else None
        )
    number, _, heading = name.partition(" ")
    number = number.rstrip(".")
    numbered = [sec for sec in doc.sections if sec.number == number]
    by_heading = [
        sec for sec in doc.sections if heading and fold(sec.heading).startswith(fold(heading))
    ]
    if not numbered and not by_heading:  # "Art. 3. Conclusion …", "Artikel 5 Voorschrift …"
        by_heading = [sec for sec in doc.sections if any(_bare(h).startswith(_bare(name)) for h in
                                                          (sec.heading, f"{sec.number or ''} {sec.heading}"))]
    pick = [s for s in numbered if s in by_heading] or numbered or by_heading
    return ((pick[0].start, pick[0].end), None) if pick else None


SpanRule = tuple[tuple[int, int], str | None, frozenset[str]]


def _spans_of(doc: Document, golds: list[dict]) -> list[SpanRule]:
    """Each exhaustive span of a document's gold, with the record types it is exhaustive for
    (those of the gold records that carry its label)."""
    types: dict[str, set[str]] = defaultdict(set)
    for g in golds:
        if g.get("exhaustive_span"):
            types[g["exhaustive_span"]].add(g["type"])
    out = []
    for label, kinds in types.items():
        resolved = exhaustive_span(doc, label)
        if resolved:
            out.append((resolved[0], resolved[1], frozenset(kinds)))
    return out


def _in_spans(rec: Record, spans: list[SpanRule]) -> bool:
    for (s, e), only, kinds in spans:
        if rec.type not in kinds:
            continue
        if only == "obligation_deadline":
            if isinstance(rec.value, dict) and rec.value.get("deadline"):
                return True
            continue
        if s <= rec.start < e:
            return True
    return False


def _match_doc(
    doc: Document, preds: list[Record], golds: list[dict]
) -> tuple[set[str], list[dict]]:
    """Ids of matched predictions and the gold records left unmatched. Each prediction matches
    one gold record (a legal reference to a list of articles, one per article: the gold writes one
    record per article or one per list): first the gold records whose evidence the prediction
    overlaps, then the others to any prediction of equal value left."""
    used: set[str] = set()
    covered: dict[str, set[str]] = defaultdict(set)  # a list reference's articles matched so far
    done: set[int] = set()
    for near in (True, False):
        for i, g in enumerate(golds):
            if i in done:
                continue
            ev = _gold_spans(doc, g) if near else []
            for p in preds:
                if p.type != g["type"] or not _free(p, g, used, covered) or not value_match(g["type"], g["value"], p.value):
                    continue
                if near and not any(p.start < e and s < p.end for s, e in ev):
                    continue
                used.add(p.id)
                covered[p.id] |= _as_set((g["value"] or {}).get("article")) if g["type"] == "legal_ref" else set()
                done.add(i)
                break
    return used, [g for i, g in enumerate(golds) if i not in done]


def _free(pred: Record, gold: dict, used: set[str], covered: dict[str, set[str]]) -> bool:
    """Whether a prediction may still match this gold record: unused, or a reference to several
    articles of which this gold record names others than those already matched."""
    if pred.id not in used:
        return True
    if gold["type"] != "legal_ref" or not isinstance(pred.value, dict):
        return False
    arts = _as_set((gold["value"] or {}).get("article"))
    return len(_as_set(pred.value.get("article"))) > 1 and bool(arts) and not arts & covered[pred.id]


def evaluate(
    records_by_doc: dict[str, tuple[Document, list[Record]]], gold_path: Path
) -> ExtractionReport:
    """Score records of documents (keyed by file name) against a gold file."""
    return evaluate_gold(records_by_doc, load_gold(gold_path))


def fold_report(records_by_doc: dict[str, tuple[Document, list[Record]]], gold: list[dict],
                name: str) -> tuple[dict, str]:
    """One fold's report (JSON-ready, with its figures by document language when it has several)
    and its printed form."""
    report = evaluate_gold(records_by_doc, gold)
    lang_of = {n: doc.lang for n, (doc, _) in records_by_doc.items()}
    langs = sorted({lang_of[g["doc"]] for g in gold if g["doc"] in lang_of})
    by_lang = {lang: evaluate_gold(records_by_doc, [g for g in gold if lang_of.get(g["doc"]) == lang])
               for lang in langs} if len(langs) > 1 else {}
    out = {"name": name, **report.model_dump(),
           "by_lang": {k: v.model_dump(exclude={"missed", "unmatched"}) for k, v in by_lang.items()}}
    lines = [format_report(report)]
    lines += [f"{lang}: " + "  ".join(f"{t.type} {t.f1:.3f}" for t in r.types) + f"  all {r.overall.f1:.3f}"
              for lang, r in by_lang.items()]
    return out, "\n".join(lines)


def evaluate_gold(
    records_by_doc: dict[str, tuple[Document, list[Record]]], gold: list[dict]
) -> ExtractionReport:
    """Score records of documents (keyed by file name) against gold records."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    counts: dict[str, TypeScore] = {t: TypeScore(type=t) for t in RECORD_TYPES}
    missed: list[dict] = []
    unmatched: list[dict] = []
    for name, golds in by_doc.items():
        if name not in records_by_doc:
            raise ValueError(f"The gold names {name}, which is not ingested.")
        doc, preds = records_by_doc[name]
        used, miss = _match_doc(doc, preds, golds)
        missed += miss
        spans = _spans_of(doc, golds)
        missing = {id(g) for g in miss}
        for g in golds:
            counts[g["type"]].gold += 1
            counts[g["type"]].matched += id(g) not in missing  # gold records found
        for p in preds:
            if spans and _in_spans(p, spans):
                counts[p.type].predicted_in_spans += 1
                counts[p.type].correct_in_spans += p.id in used
                if p.id not in used:
                    unmatched.append(
                        {
                            "doc": name,
                            "type": p.type,
                            "text": " ".join(p.text.split())[:200],
                            "value": p.value,
                            "section": p.section.number if p.section else None,
                        }
                    )
    types = [_finish(c) for c in counts.values() if c.gold or c.predicted_in_spans]
    overall = _finish(
        TypeScore(
            type="all",
            gold=sum(c.gold for c in types),
            matched=sum(c.matched for c in types),
            predicted_in_spans=sum(c.predicted_in_spans for c in types),
            correct_in_spans=sum(c.correct_in_spans for c in types),
        )
    )
    return ExtractionReport(types=types, overall=overall, missed=missed, unmatched=unmatched)


def _finish(c: TypeScore) -> TypeScore:
    c.recall = round(min(c.matched, c.gold) / c.gold, 4) if c.gold else 0.0
    c.precision = (
        round(c.correct_in_spans / c.predicted_in_spans, 4) if c.predicted_in_spans else None
    )
    p = c.precision if c.precision is not None else c.recall
    c.f1 = round(2 * p * c.recall / (p + c.recall), 4) if p + c.recall else 0.0
    return c


def format_report(report: ExtractionReport) -> str:
    """A plain-text table of the report."""
    lines = [f"{'type':<12}{'gold':>6}{'found':>7}{'in spans':>10}{'P':>8}{'R':>8}{'F1':>8}"]
    for c in [*report.types, report.overall]:
        p = f"{c.precision:.3f}" if c.precision is not None else "-"
        lines.append(
            f"{c.type:<12}{c.gold:>6}{c.matched:>7}{c.predicted_in_spans:>10}{p:>8}{c.recall:>8.3f}{c.f1:>8.3f}"
        )
    lines.append("P is measured inside the gold's exhaustive spans; where a type has none, F1 = R.")
    return "\n".join(lines)
