"""Legal references: laws with their date, "loi SSI", articles and paragraphs, royal decrees,
KCE reports and notes ("note CSS 2019/314"), with normalised parts."""

from __future__ import annotations

import re

from extract.base import Region, make_record
from extract.lexicon_legal import ACT_WORDS, SSI_LAW_NAME, SSI_PATTERNS
from extract.models import Record
from ingest.dates import DAY_MONTH_YEAR, iso, month_number

_ACT = "|".join(ACT_WORDS)
_DATE = r"[0-3]?\d(?:er)?\s+[^\W\d_]+\s+(?:19|20)\d\d"
SSI = re.compile("|".join(SSI_PATTERNS), re.I)
DATED_ACT = re.compile(
    rf"(?P<act>{_ACT})\s+du\s+(?P<date>{_DATE})"
    r"(?P<tail>\s*,?\s+(?:relati(?:f|ve)s?\s+(?:à|au|aux)|portant|concernant|modifiant|fixant|instaurant|betreffende|tot)\s+"
    r"[^.;:()\n]*(?:\n[^.;:()\n]*)?)?",
    re.I,
)
_NUMS = r"\d+(?:\s?(?:bis|ter|quater))?(?:\s*(?:,|et|à|en|tot)\s*\d+(?:\s?(?:bis|ter|quater))?)*(?:\s+inclus)?"
ARTICLE = re.compile(
    rf"(?P<kw>\barticles?|\bart\.|\bartikelen|\bartikel)\s+(?P<nums>{_NUMS})"
    r"(?:\s*,?\s*§\s*(?P<par>\d+)(?:er)?)?(?:\s*,?\s*(?:alinéa|al\.|lid)\s*\d+)?",
    re.I,
)
OF_LAW = re.compile(r"\s*,?\s*(?:de\s+la|du|de\s+l['’]|van\s+de|van\s+het)\s+", re.I)
THIS_LAW = re.compile(r"(?:cette|ladite|la\s+même)\s+loi|la\s+loi\s+précitée|deze\s+wet", re.I)
NOMENCLATURE = re.compile(r"(?:la\s+)?nomenclature", re.I)
REPORT = re.compile(r"(?:rapport\s+KCE|KCE[-\s]*(?:\(\s*)?rapport|KCE\s+report)\s+(?P<n>\d+\s?[A-Z]?)\b", re.I)
NOTE = re.compile(r"\bnote\s+(?P<org>CSS|CGSS|CSSS|INAMI)\s+(?P<n>\d{4}/\d+)", re.I)


def _date_of(text: str) -> str | None:
    m = DAY_MONTH_YEAR.search(text)
    if not m:
        return None
    return iso(int(m.group("year")), month_number(m.group("month")) or 0, int(m.group("day")))


def _articles(nums: str) -> str | list[str]:
    parts = re.findall(r"\d+(?:\s?(?:bis|ter|quater))?", nums)
    parts = [p.replace(" ", "") for p in parts]
    if re.search(r"\bà\b|\btot\b", nums) and len(parts) == 2:
        return f"{parts[0]}-{parts[1]}"
    return parts[0] if len(parts) == 1 else parts


def _law_at(text: str, pos: int) -> tuple[dict, int] | None:
    """The law named right after an article reference, with where its mention ends."""
    m = SSI.match(text, pos)
    if m:
        return {"law": SSI_LAW_NAME, "law_date": "1994-07-14"}, m.end()
    m = DATED_ACT.match(text, pos)
    if m:
        return _act_value(m), m.end()
    m = NOMENCLATURE.match(text, pos)
    if m:
        return {"law": "nomenclature des prestations de santé"}, m.end()
    return None


def _act_value(m: re.Match) -> dict:
    act = " ".join(m.group("act").lower().split())
    value: dict = {"law_date": _date_of(m.group("date")), "act": act}
    return value


def legal_refs(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    """Article references (with the law they belong to), dated acts, the SSI law, reports, notes."""
    out: list[Record] = []
    taken: list[tuple[int, int]] = []
    last_law: dict | None = None
    events = sorted(
        [(m.start(), "article", m) for m in ARTICLE.finditer(text, lo, hi)]
        + [(m.start(), "act", m) for m in DATED_ACT.finditer(text, lo, hi)]
        + [(m.start(), "ssi", m) for m in SSI.finditer(text, lo, hi)],
        key=lambda x: x[0],
    )
    for start, kind, m in events:
        if any(s <= start < e for s, e in taken):
            continue
        if kind == "article":
            rec, law = _article_record(region, text, m, last_law)
        else:
            law = {"law": SSI_LAW_NAME, "law_date": "1994-07-14"} if kind == "ssi" else _act_value(m)
            value = {"text": " ".join(m.group(0).split()), **law}
            rec = make_record(region.doc, "legal_ref", value, m.start(), m.end())
        last_law = law or last_law
        out.append(rec)
        taken.append((rec.start, rec.end))
    out += _reports(region, text, lo, hi)
    return out


def _article_record(region: Region, text: str, m: re.Match, last_law: dict | None) -> tuple[Record, dict | None]:
    value: dict = {"article": _articles(m.group("nums"))}
    if m.group("par"):
        value["paragraph"] = m.group("par")
    end = m.end()
    law = None
    of = OF_LAW.match(text, end)
    if of:
        found = _law_at(text, of.end())
        this = THIS_LAW.match(text, of.end())
        if found:
            law, end = found
        elif this and last_law:
            law, end = last_law, this.end()
    if law is None and last_law and not of:
        law = last_law
        value["law_inferred"] = True
    if law:
        value.update(law)
    value = {"text": " ".join(text[m.start():end].split()), **value}
    return make_record(region.doc, "legal_ref", value, m.start(), end), (law if of else None)


def _reports(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    out = []
    for m in REPORT.finditer(text, lo, hi):
        value = {"text": " ".join(m.group(0).split()), "act": "rapport KCE", "number": m.group("n").replace(" ", "")}
        out.append(make_record(region.doc, "legal_ref", value, m.start(), m.end()))
    for m in NOTE.finditer(text, lo, hi):
        value = {"text": m.group(0), "act": f"note {m.group('org').upper()}", "number": m.group("n")}
        out.append(make_record(region.doc, "legal_ref", value, m.start(), m.end()))
    return out
