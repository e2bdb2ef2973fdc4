"""Legal references: laws and decrees with their date and title ("loi du 22 avril 2019 relative à
..."), the SSI law ("loi SSI" = the law coordinated on 14 July 1994), articles with paragraphs
("article 51, § 9", "articles 26, 50 et 51", "articles 21 à 26 inclus"), what a decree carries out
("portant exécution de l'article 53, § 1er, de la loi ..."), KCE reports and notes ("note CSS
2019/314"), with normalised parts (act, law_date, article, paragraph, implements, number).
"""

from __future__ import annotations

import re

from extract import lexicon_fr as fr
from extract import lexicon_nl as nl
from extract.base import Region, make_record
from extract.models import Record
from ingest.text import squash
from ingest.text.dates import MONTH_ALT, iso, month_number

SSI_LAW = {"law": fr.SSI_LAW_NAME, "law_date": "1994-07-14"}
_ACT = "|".join(fr.ACT_WORDS_RX + nl.ACT_WORDS_RX)
_DATE = (rf"(?P<day>[0-3]?\d)(?:er|ste)?(?:\s+(?P<month>{MONTH_ALT})\s+|(?P<sep>[-/.])(?P<mm>[01]?\d)(?P=sep))"
         r"(?P<year>(?:19|20)\d\d)")  # "du 3 juillet 1996", "van 12-03-2019"
SSI = re.compile("|".join(fr.SSI_PATTERNS + nl.SSI_PATTERNS), re.I)
DATED_ACT = re.compile(
    rf"(?<![\w-])(?P<act>{_ACT})\s+(?:{fr.ACT_DATE_LINK_RX}|{nl.ACT_DATE_LINK_RX})\s+{_DATE}\b",
    re.I,
)
COORDINATED = re.compile(
    rf"(?<![\w-])(?P<act>lois?|wet(?:ten)?)\s+(?:{fr.TITLE_HEAD_RX}|{nl.TITLE_HEAD_RX})\s+[^.;:()]{{3,220}}?,?\s+"
    rf"(?:{fr.COORDINATED_RX}|{nl.COORDINATED_RX})\s+{_DATE}\b",
    re.I,
)
TITLE_HEAD = re.compile(
    rf"\s*,?\s+(?:{fr.TITLE_HEAD_RX}|{nl.TITLE_HEAD_RX}|en\s+ce\s+qui\s+concerne)\s", re.I
)
TITLE_STOP = re.compile(
    rf"[.;:()«»]|\n\s*\n|,(?!\s*(?:{fr.COORDINATED_RX}|{nl.COORDINATED_RX}|modifiée|telle\s+que|gewijzigd))"
    rf"|\s+et\s+(?:la|le|l['’]|les|de|het)\s*(?:{_ACT})\b|\s+(?:du|van)\s+[0-3]?\d(?:er)?\s+(?:{MONTH_ALT})\b",
    re.I,
)
IMPLEMENTS = re.compile(rf"\s*,?\s+(?:{fr.IMPLEMENTS_RX}|{nl.IMPLEMENTS_RX})\s*", re.I)
_SUFFIX = r"(?:\s?(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?"
_ONE = rf"\d+{_SUFFIX}(?![°\d])"
_NUMS = rf"{_ONE}(?:\s*(?:,|et|à|en|tot)\s*(?:{_ONE}|(?:bis|ter|quater)\b))*(?:\s+inclus)?"
ARTICLE = re.compile(
    rf"(?P<kw>{fr.ARTICLE_RX}|{nl.ARTICLE_RX})\s+(?P<nums>{_NUMS})"
    rf"(?:\s*,?\s*§\s*(?P<par>\d+)(?:{fr.PARAGRAPH_SUFFIX_RX})?)?"
    rf"(?:\s*,?\s*(?:{fr.ALINEA_RX}|{nl.ALINEA_RX})\s*(?P<al>\d+)(?:er)?)?"
    r"(?:\s*,\s*(?P<point>\d+°))?",
    re.I,
)
OF_LAW = re.compile(rf"(?:{fr.OF_LAW_RX}|{nl.OF_LAW_RX})", re.I)
ANNEX = re.compile(rf"(?:{fr.ANNEX_RX}|{nl.ANNEX_RX})", re.I)
BARE_LAW = re.compile(rf"(?:{fr.BARE_LAW_RX}|{nl.BARE_LAW_RX})", re.I)
NOMENCLATURE_LAW = {"law": fr.NOMENCLATURE_NAME, "law_date": fr.NOMENCLATURE_DATE}
THIS_LAW = re.compile(rf"{fr.THIS_LAW_RX}|{nl.THIS_LAW_RX}", re.I)
NOMENCLATURE = re.compile(rf"{fr.NOMENCLATURE_RX}|{nl.NOMENCLATURE_RX}", re.I)
REPORT = re.compile(
    rf"(?:{fr.REPORT_RX}|{nl.REPORT_RX})\s+(?:n°\s*|nr\.?\s*|no\.?\s*)?(?P<n>\d+\s?[A-Z]?)\b", re.I
)
NOTE = re.compile(
    rf"(?:{fr.NOTE_RX}|{nl.NOTE_RX})\s+(?P<org>[A-Z][A-Za-z]{{1,7}})\s+(?P<n>\d{{4}}/\d+)"
)
GAZETTE = re.compile(
    rf"(?P<act>{fr.GAZETTE_RX}|{nl.GAZETTE_RX})\s+(?:{fr.GAZETTE_DATE_LINK_RX}|{nl.GAZETTE_DATE_LINK_RX})\s+{_DATE}\b", re.I)
_VERBS = frozenset(fr.TITLE_VERBS + nl.TITLE_VERBS)  # the sentence's verb ends an act's title
_ENT_WORDS = frozenset(fr.ENT_WORDS)
INFER_WITHIN = 400  # an article without its law takes the law named this close before it


def _date(m: re.Match) -> str | None:
    month = int(m.group("mm")) if m.group("mm") else month_number(m.group("month")) or 0
    return iso(int(m.group("year")), month, int(m.group("day")))


def _act_name(act: str) -> str:
    key = squash(act).lower()
    return fr.ACT_NAMES.get(key) or nl.ACT_NAMES.get(key) or key


def articles(nums: str) -> str | list[str]:
    """ "26, 50 et 51" -> ["26", "50", "51"]; "21 à 26 inclus" -> "21-26"; "17ter et quater" ->
    ["17ter", "17quater"]."""
    parts: list[str] = []
    for token in re.findall(rf"\d+{_SUFFIX}|\b(?:bis|ter|quater)\b", nums):
        token = token.replace(" ", "")
        if token.isalpha() and parts:
            token = re.match(r"\d+", parts[-1]).group(0) + token  # type: ignore[union-attr]
        parts.append(token)
    if re.search(r"\bà\b|\btot\b", nums) and len(parts) == 2:
        return f"{parts[0]}-{parts[1]}"
    return parts[0] if len(parts) == 1 else parts


def _title_end(text: str, pos: int, limit: int = 200) -> int:
    """Where the title of an act that starts at `pos` ends: at punctuation that closes it, before
    another act, or before the verb of the sentence ("... du tiers payant respectent ...")."""
    hi = min(len(text), pos + limit)
    stop = TITLE_STOP.search(text, pos, hi)
    end = stop.start() if stop else hi
    if not stop and end < len(text) and text[end].isalnum():
        end = text.rfind(" ", pos, end)
    for m in re.finditer(r"[^\W\d_]+", text[pos:end]):
        word = m.group(0).lower()
        if word in _VERBS or (
            len(word) > 5
            and word.endswith("ent")
            and not word.endswith("ment")
            and word not in _ENT_WORDS
        ):
            end = pos + m.start()
            break
    return len(text[:end].rstrip(" ,"))


def _act_at(text: str, m: re.Match) -> tuple[dict, int]:
    """A dated act's value (act, law_date, implements) and where its mention ends."""
    value: dict = {"act": _act_name(m.group("act")), "law_date": _date(m)}
    end = m.end()
    imp = IMPLEMENTS.match(text, end)
    if imp:
        art = ARTICLE.match(text, imp.end())
        ref = _article_value(text, art, None) if art else _law_at(text, imp.end())
        if ref:
            value["implements"] = {
                k: v for k, v in ref[0].items() if k in ("article", "paragraph", "law_date", "law")
            }
            end = ref[1]
    head = TITLE_HEAD.match(text, end)
    if head:
        end = _title_end(text, head.end())
    return value, end


def _law_at(text: str, pos: int) -> tuple[dict, int] | None:
    """The law named at `pos` (after "de la"), with where its mention ends."""
    for pattern in (SSI, COORDINATED, DATED_ACT):
        m = pattern.match(text, pos)
        if m and pattern is SSI:
            return dict(SSI_LAW), m.end()
        if m and pattern is COORDINATED:
            return {"act": _act_name(m.group("act")), "law_date": _date(m)}, m.end()
        if m:
            return _act_at(text, m)
    m = NOMENCLATURE.match(text, pos)
    if m:
        return dict(NOMENCLATURE_LAW), m.end()
    annex = ANNEX.match(text, pos)  # "van de bijlage bij het koninklijk besluit van 14 september 1984"
    return _law_at(text, annex.end()) if annex else None


def _article_value(text: str, m: re.Match, last: tuple[dict, int] | None,
                   own: tuple[dict, int] | None = None) -> tuple[dict, int]:
    """An article reference's value (with its law) and where it ends: "de la loi précitée" or a
    bare "de la loi" is the law named last, else the document's own law (`own`)."""
    value: dict = {"article": articles(m.group("nums"))}
    for key, group in (("paragraph", "par"), ("alinea", "al"), ("point", "point")):
        if m.group(group):
            value[key] = m.group(group)
    end = m.end()
    of = OF_LAW.match(text, end)
    found = _law_at(text, of.end()) if of else None
    this = (THIS_LAW.match(text, of.end()) or BARE_LAW.match(text, of.end())) if of else None
    if found:
        law, end = found
        value.update(law)
    elif this and (last or own):
        value.update((last or own)[0])  # type: ignore[index]
        end = this.end()
    elif not of and last and m.start() - last[1] <= INFER_WITHIN:
        value.update(last[0])
        value["law_inferred"] = True
    return value, end


def legal_refs(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    """Article references (with their law), dated and coordinated acts, the SSI law, reports."""
    out: list[Record] = []
    taken_until = lo
    last: tuple[dict, int] | None = None
    events = sorted(
        [(m.start(), 0, m) for m in ARTICLE.finditer(text, lo, hi)]
        + [
            (m.start(), 1, m)
            for p in (SSI, COORDINATED, DATED_ACT)
            for m in p.finditer(text, lo, hi)
        ],
        key=lambda x: (x[0], x[1]),
    )
    headings = {sec.start for sec in region.doc.sections if sec.number and not sec.number[0].isdigit()}
    own = document_law(region.doc)
    for start, kind, m in events:
        if start < taken_until or start in headings:  # "Art. 3." opening its article is no reference
            continue
        if kind == 0:
            value, end = _article_value(text, m, last, own)
            law = {k: v for k, v in value.items() if k in ("law", "law_date", "act")}
        else:
            found = _law_at(text, start)
            if not found:
                continue
            value, end = found
            law = value
        if (law.get("law_date") or law.get("law")) and not value.get("law_inferred"):
            last = ({k: v for k, v in law.items() if k in ("law", "law_date", "act")}, end)
        value = {"text": squash(text[start:end]), **value}
        out.append(make_record(region.doc, "legal_ref", value, start, end))
        taken_until = end
    return out + _reports(region, text, lo, hi)


def document_law(doc) -> tuple[dict, int] | None:
    """The law a document cites as "la loi" / "de wet": the SSI law when it names it, else the first
    law it names with its date (a decree's "Vu la loi du …")."""
    key = doc.doc_id
    if key not in _OWN_LAW:
        found = SSI.search(doc.text)
        if found:
            _OWN_LAW[key] = (dict(SSI_LAW), found.end())
        else:
            m = next((m for m in COORDINATED.finditer(doc.text)), None) or next(
                (m for m in DATED_ACT.finditer(doc.text) if m.group("act").lower().startswith(("loi", "wet"))), None)
            _OWN_LAW[key] = ({"act": _act_name(m.group("act")), "law_date": _date(m)}, m.end()) if m else None
        if len(_OWN_LAW) > 256:
            _OWN_LAW.pop(next(iter(_OWN_LAW)))
    return _OWN_LAW[key]


_OWN_LAW: dict[str, tuple[dict, int] | None] = {}


def _reports(region: Region, text: str, lo: int, hi: int) -> list[Record]:
    out = []
    for m in REPORT.finditer(text, lo, hi):
        value = {
            "text": squash(m.group(0)),
            "act": "rapport KCE",
            "number": m.group("n").replace(" ", ""),
        }
        out.append(make_record(region.doc, "legal_ref", value, m.start(), m.end()))
    for m in NOTE.finditer(text, lo, hi):
        value = {
            "text": squash(m.group(0)),
            "act": f"note {m.group('org').upper()}",
            "number": m.group("n"),
        }
        out.append(make_record(region.doc, "legal_ref", value, m.start(), m.end()))
    for m in GAZETTE.finditer(text, lo, hi):  # a publication: its date stays a date of its own too
        value = {"text": squash(m.group(0)), "act": squash(m.group("act")), "published": _date(m)}
        out.append(make_record(region.doc, "legal_ref", value, m.start(), m.end()))
    return out
