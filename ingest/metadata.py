"""Document metadata: title, type, the dates it gives of itself (date, validity, period) and
language."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.draft import Draft
from ingest.lexicon import DOC_TYPE_CUES, LANG_CODES, LETTERHEAD_LINES
from ingest.models import DocDate, Span
from ingest.text import fold
from ingest.text.dates import find_dates, find_years

_SIGNED = re.compile(
    r"(?:fait\s+à|gedaan\s+te|opgemaakt\s+te|done\s+at)?\s*[A-ZÀ-Ý][\w\-]+,\s+(?:le\s+|den\s+|on\s+)?$"
    r"|(?:fait\s+à|gedaan\s+te|opgemaakt\s+te|done\s+at)\s+[A-ZÀ-Ý][\w\-]+,?\s+(?:le|op|on)\s+$",
    re.I,
)
_VALID_FROM = re.compile(
    r"(?:applicables?|d['’]application)\s+(?:à\s+partir\s+du|à\s+partir\s+de|dès\s+le|au)"
    r"|en\s+vigueur\s+(?:à\s+partir\s+du|à\s+partir\s+de|dès\s+le)"  # "les honoraires en vigueur au 31 décembre": a state
    r"|van\s+toepassing\s+(?:vanaf|met\s+ingang\s+van)|in\s+werking\s+(?:vanaf|op)|applicable\s+from|effective\s+from"
    r"|\b(?:est|is)\s+(?:valable|geldig|valid)\s+(?:du|van|from)\b",
    re.I,
)
# The text saying from when it applies itself: "La présente convention entre en vigueur le 1er janvier
# 2024", "Le présent accord est conclu pour une période d'un an, à savoir du 1er janvier 2020 au …".
_OWN_START = re.compile(
    r"(?:l[ea]\s+présente?|dit|deze|this)\s+(?:accord|convention|circulaire|arrêté|akkoord|overeenkomst|omzendbrief"
    r"|besluit|agreement)\b[^.;]{0,80}?(?:entre\s+en\s+vigueur\s+le|produit\s+ses\s+effets\s+le"
    r"|s['’]applique\s+à\s+partir\s+du|(?:est|sont)\s+applicables?\s+à\s+partir\s+du|à\s+savoir\s+du|treedt\s+in\s+werking\s+op|heeft\s+uitwerking\s+met\s+ingang\s+van"
    r"|namelijk\s+van|takes\s+effect\s+on|namely\s+from)",
    re.I,
)
_UNTIL = re.compile(r"\s*(?:au|jusqu['’]au|tot\s+en\s+met|tot|to|until|through)\s+", re.I)
# The years a text covers: "accord 2024-2025", "periode 2024-2025", "pour l'année 2022", "voor de
# jaren 2024 en 2025".
_PERIOD = re.compile(
    r"\b(?:accord|convention|akkoord|overeenkomst|agreement|période|periode|period|années|jaren|years)\b"
    r"[^.;:\n\d]{0,40}?\b(?P<y1>(?:19|20)\d\d)\s*(?:[-–/]|\bet\b|\ben\b|\band\b)\s*(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?:pour|voor|for)\s+(?:l['’]année|het\s+jaar|the\s+year)\s+(?P<y>(?:19|20)\d\d)\b",
    re.I,
)
PERIOD_TYPES = frozenset({"accord", "convention"})  # texts concluded for a period
_LONGEST_TITLE = 400  # a decree's title line names what it amends: "Arrêté royal du … modifiant …"
_OPENING = 1500  # how far into the text its opening lines reach
_LONGEST_PERIOD = 10  # years
_SUBJECT = re.compile(r"(?:objet|concerne|betreft|onderwerp|subject)\s*:\s*(.+)", re.I)
_CONCLUDED = re.compile(r"(?:a\s+conclu|conclu|sign[ée]|gesloten|ondertekend|approuvé)\s+(?:le|op|on)\s*$", re.I)
# The verb after the date, in Dutch word order: "heeft de NCAZ op 19 december 2019 het volgende
# akkoord gesloten"; the date is the nearest before the verb in its sentence.
_CONCLUDED_AFTER = re.compile(r"\b(?:gesloten|afgesloten|ondertekend|concluded|signed)\b", re.I)
_KIND = re.compile(r"\b(?:akkoord|overeenkomst|protocol|agreement|accord|convention)\b", re.I)  # what is concluded
_DATE_TO_VERB = 120  # the farthest a date stands before its verb
# A law's or decree's date ("la loi … coordonnée le 14 juillet 1994", "the law of 14 July 1994") is
# never the date of the text citing it.
_LAW_DATE_BEFORE = re.compile(r"(?:\b(?:loi|wet|law|arrêté|besluit|decree|act)\b|co[oö]rdonn[ée]e?|gecoördineerd|coordinated)"
                              r"[^.;]{0,25}$", re.I)


def body_text(text: str, boilerplate: list[Span]) -> str:
    """The text with page chrome blanked out (offsets preserved)."""
    chars = list(text)
    for span in boilerplate:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def _plain_lines(text: str) -> list[str]:
    lines = []
    for line in text.split("\n"):
        clean = re.sub(r"<[^>]+>|\*\*|^#+\s*", "", line).strip()
        if clean:
            lines.append(clean)
    return lines


def guess_title(draft: Draft, body: str, source: Path) -> str:
    """The page title, a letter's subject line ("Objet : …", "Betreft: …"), a cue line such as
    "Circulaire OA ...", the first short line below the letterhead, or the file name."""
    if draft.title:
        return draft.title
    subject = next((m.group(1).strip() for m in map(_SUBJECT.match, _plain_lines(body)[:30]) if m), None)
    if subject and 8 <= len(subject) <= 200:  # a letter's "Objet :" / "Betreft:" line
        return subject
    lines = _plain_lines(body)[:15]
    while lines and any(fold(lines[0]).startswith(h) for h in LETTERHEAD_LINES):
        lines = lines[1:]  # "INSTITUT NATIONAL D'ASSURANCE MALADIE-INVALIDITÉ", "Service des soins de santé"
    for i, line in enumerate(lines):
        folded = fold(line)
        if len(line) < _LONGEST_TITLE and any(cue in folded for t, cue, w in DOC_TYPE_CUES
                                              if (w >= 3 or t == "law") and t != "letter"):
            subject = _subject_after(lines, i, draft.text)
            return f"{line} — {subject}" if subject else line
    first = lines[0] if lines else ""
    if 8 <= len(first) <= 150 and not first.endswith(",") and not _is_salutation(first):
        return first
    return source.stem.replace("-", " ").replace("_", " ").strip().capitalize()


def _subject_after(lines: list[str], i: int, raw: str) -> str | None:
    for line in lines[i + 1 : i + 5]:
        if f"**{line}**" in raw and len(line) > 15:
            return line
    return None


def _is_salutation(line: str) -> bool:
    return bool(re.match(r"(cher|chère|madame|monsieur|geachte|beste|dear)\b", line.strip(), re.I))


def guess_doc_type(draft: Draft, title: str, body: str) -> str:
    """Score type cues on the title, the opening and the closing of the text."""
    head = fold(title + "\n" + body.strip()[:1500])
    tail = fold(body.strip()[-1200:])
    scores = dict.fromkeys([*(t for t, _, _ in DOC_TYPE_CUES), "news"], 0)
    for doc_type, cue, weight in DOC_TYPE_CUES:
        if cue in head:
            scores[doc_type] += weight + (2 if cue in fold(title) else 0)
        elif doc_type == "letter" and cue in tail:
            scores[doc_type] += weight
    if draft.fmt == "html" or draft.meta.get("web_page"):
        scores["news"] += 5
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 3 else "other"


def document_dates(draft: Draft, title: str, body: str, doc_type: str) -> list[DocDate]:
    """Every date the document gives of itself, the preferred first within each role: its date
    (page metadata, a signature line, a concluding verb, the title, a byline), its validity and
    the period it covers."""
    return _own_dates(draft, title, body) + _validity(body) + _period(title, body, doc_type)


def doc_date(dates: list[DocDate]) -> str | None:
    """The document's own date: the first signed, concluded or published date."""
    return next((d.value for d in dates if d.role in ("signed", "concluded", "published")), None)


def valid_from(dates: list[DocDate]) -> str | None:
    """The date from which the document applies."""
    return next((d.value for d in dates if d.role == "valid_from"), None)


def _own_dates(draft: Draft, title: str, body: str) -> list[DocDate]:
    out = [DocDate(role="published", value=draft.date)] if draft.date else []
    dates = find_dates(body)
    for start, end, value in dates:
        before = body[max(0, start - 60) : start]
        if _SIGNED.search(before.split("\n")[-1]):
            out.append(DocDate(role="signed", value=value, start=start, end=end))
        elif start < _OPENING and _CONCLUDED.search(before):
            out.append(DocDate(role="concluded", value=value, start=start, end=end))
    out += _concluded_before_verb(body, dates)
    at = body.find(title) if title else -1
    out += [DocDate(role="published", value=v, **_offsets(at, s, e)) for s, e, v in find_dates(title)]
    if draft.title:
        pos = body.find(draft.title)
        out += [DocDate(role="published", value=v, start=s, end=e) for s, e, v in dates
                if 0 <= pos <= s <= pos + len(draft.title) + 300][:1]
    return list({(d.role, d.value, d.start): d for d in out}.values())


def _offsets(at: int, s: int, e: int) -> dict:
    """Offsets in the body of a span found at s:e of a line found at `at` (-1: not in the body)."""
    return {"start": at + s, "end": at + e} if at >= 0 else {}


def _concluded_before_verb(body: str, dates: list[tuple[int, int, str]]) -> list[DocDate]:
    """The date of the first concluding verb of the opening lines that follows its date in the
    same sentence ("heeft de NCAZ op 19 december 2019 het volgende akkoord gesloten")."""
    for m in _CONCLUDED_AFTER.finditer(body, 0, _OPENING):
        near = [(e, s, v) for s, e, v in dates if 0 <= m.start() - e <= _DATE_TO_VERB and "." not in body[e : m.start()]
                and _KIND.search(body, e, m.end() + 40) and not _LAW_DATE_BEFORE.search(body, max(0, s - 40), s)]
        if near:
            e, s, v = max(near)
            return [DocDate(role="concluded", value=v, start=s, end=e)]
    return []


def _validity(body: str) -> list[DocDate]:
    """From when a text applies: what it says of itself ("La présente convention entre en vigueur
    le 1er janvier 2024", "… à savoir du 1er janvier 2020 au 31 décembre 2020"), else an opening cue
    ("Applicable à partir de 1/01/2025"); and until when, where it says so."""
    for m in _OWN_START.finditer(body):
        found = find_dates(body, m.end(), m.end() + 40)
        if found and found[0][0] - m.end() < 12:
            s, e, v = found[0]
            return [DocDate(role="valid_from", value=v, start=s, end=e), *_until(body, e)]
    for m in _VALID_FROM.finditer(body, 0, 4000):
        found = find_dates(body, m.end(), m.end() + 60)
        if found and found[0][0] - m.end() < 25:
            s, e, v = found[0]
            return [DocDate(role="valid_from", value=v, start=s, end=e), *_until(body, e)]
    return []


def _until(body: str, pos: int) -> list[DocDate]:
    """The end date right after a start date ("du … au 31 décembre 2020", "van … tot en met …")."""
    link = _UNTIL.match(body, pos)
    found = find_dates(body, link.end(), link.end() + 40) if link else []
    if found and found[0][0] == link.end():
        s, e, v = found[0]
        return [DocDate(role="valid_until", value=v, start=s, end=e)]
    return []


def _period(title: str, body: str, doc_type: str) -> list[DocDate]:
    """The years an accord or convention covers, as its title or opening writes them ("accord
    national médico-mutualiste 2024-2025", "pour l'année 2022"): "2024/2025", "2022"."""
    if doc_type not in PERIOD_TYPES:
        return []
    at = body.find(title) if title else -1
    for text, base in ((title, at), (body[:_OPENING], 0)):
        for m in _PERIOD.finditer(text):
            if m.group("y"):
                where = _offsets(base, m.start("y"), m.end("y"))
                return [DocDate(role="period", value=m.group("y"), **where)]
            first, last = int(m.group("y1")), int(m.group("y2"))
            if 0 < last - first <= _LONGEST_PERIOD:
                where = _offsets(base, m.start("y1"), m.end("y2"))
                return [DocDate(role="period", value=f"{first}/{last}", **where)]
    return []


def guess_lang(body: str) -> str:
    """fr, nl, en or de, by a language identifier restricted to those four."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    global _IDENTIFIER
    if _IDENTIFIER is None:
        _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        _IDENTIFIER.set_languages(list(LANG_CODES))
    sample = re.sub(r"[\d\W_]+", " ", body)[:6000]
    if len(sample.strip()) < 20:
        return "fr"
    lang, _ = _IDENTIFIER.classify(sample)
    return lang


_IDENTIFIER = None


def document_year(valid_from: str | None, date: str | None, title: str | None) -> str | None:
    """The year a document is of: of its validity, else of its date, else the first of its title."""
    return (valid_from or date or "")[:4] or next(iter(find_years(title or "")), None)
