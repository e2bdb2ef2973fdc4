"""Which value of a clause answers the question, and how the answer reads.

A clause may give several values for several cases ("5.037,70 euros pour les médecins qui ont
adhéré … et 2.xxx euros pour …"): each value gets the words around it (what follows it, and less
so what precedes it back to the value before), and the value whose words match the question's
best is the answer. `answer` is the value as written; `value` and `unit` are normalised.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from extract.dates import NUMBER_WORDS, find_durations
from extract.models import Record
from ingest.boilerplate import LINK
from ingest.text import NUMBER, fold, format_belgian, in_word, parse_number
from search.analysis import analyse
from search.lexicon_questions import (
    KIND_RECORD_TYPES,
    NON_PREFERENTIAL_CUES,
    PATIENT_SHARE_CUES,
    PREFERENTIAL_CUES,
    REIMBURSEMENT_CUES,
    SCALE_WORDS,
    TARIFF_FIELDS,
)
from search.question import Question

DEFINING = re.compile(r"(?:fix[ée]e?s?\s+à|s['’]él[eè]v\w*\s+à|est\s+de|sont\s+de|atteint|bedraagt|bedragen|vastgesteld\s+op|is\s+set\s+at|amounts?\s+to"
                      r"|porté(?:e|s|es)?\s+à|pass(?:e|ent)\s+à|ramené(?:e|s|es)?\s+à|gebracht\s+op|(?:verhoogd|verlaagd|stijgt|daalt)\s+tot"
                      r"|gaat\s+naar|(?:increased|raised|brought|reduced|rises|goes)\s+(?:up\s+)?to)\s*:?\s*$", re.I)
DELTA = re.compile(r"(?:augmentation|hausse|revalorisation|supplément|majoration|verhoging|stijging|increase"
                   r"|augmenté(?:e|s|es)?|majoré(?:e|s|es)?|verhoogd|vermeerderd|increased|raised"
                   r"|baisse|diminution|réduction|recul|daling|vermindering|verlaging|decrease|drop|fall|reduction"
                   r"|diminué(?:e|s|es)?|réduit(?:e|s|es)?|verlaagd|verminderd|gedaald|decreased|reduced|fell|dropped)"
                   r"\s+(?:de\s+|d['’]|van\s+|met\s+|of\s+|by\s+)?$", re.I)
_SPLIT = re.compile(r"[,;:(]|\s(?:et|en|and|contre|tegenover|versus|puis|dan|then)\s", re.I)
START = re.compile(r"(?:à\s+partir\s+d[ue]|dès\s+le|applicable|en\s+vigueur|depuis\s+le|vanaf|met\s+ingang\s+van|from)\s*(?:le\s+)?(?:1er\s+)?$", re.I)
END = re.compile(r"(?:jusqu['’]\s*(?:au|à|a)|\bau|\btot(?:\s+en\s+met)?|\buntil|\bto|prend\s+fin\s+le|eindigt\s+op"
                 r"|expire\s+le)\s*(?:le\s+)?$", re.I)
# A date due: "au plus tard le", "d'ici le", "pour le … au plus tard", "uiterlijk op", "vóór", "by".
DEADLINE = re.compile(r"(?:au\s+plus\s+tard|d['’]ici|pour|avant|uiterlijk|tegen|vóór|voor|by|before|no\s+later\s+than"
                      r"|at\s+the\s+latest)\s*(?:le\s+|op\s+|on\s+|the\s+)?(?:1er\s+)?$", re.I)
DEADLINE_AFTER = re.compile(r"^\s*(?:au\s+plus\s+tard|at\s+the\s+latest|uiterlijk)\b", re.I)
# A value after these words is a threshold, a condition on what is asked ("lorsque le pourcentage
# calculé dépasse 4 %, …"), not its value, unless a threshold is asked.
THRESHOLD_BEFORE = re.compile(r"(?:dépass\w*|excèd\w*|excéd\w*|supérieure?s?\s+à|inférieure?s?\s+à|au-delà\s+d[e'’]"
                              r"|en\s+deçà\s+d[e'’]|overschrijd\w*|hoger\s+dan|lager\s+dan|boven|exceed\w*|above|below"
                              r"|beyond|higher\s+than|lower\s+than)\s*(?:de\s+|d['’]|le\s+seuil\s+de\s+)?$", re.I)
# A number after these words points to a part of a text ("au point 11", "artikel 51"), it counts nothing.
REFERENCE_BEFORE = re.compile(r"(?:\bn°|\bnr\.?|\bnuméro|\bnummer|\barticles?|\bartikel|\bart\.|\bpoints?|\bpunt|§"
                              r"|\bchapitre|\bhoofdstuk|\bsection|\bannexe|\bbijlage|\btitre|\btitel|\bpages?|\bpagina)\s*$", re.I)
RESPECTIVE = re.compile(r"\b(?:respectivement|respectievelijk|respectively)\b", re.I)
_AND = re.compile(r"\s(?:et|en|and)\s", re.I)
FROM_TO_START = re.compile(r"(?:\bde|\bd['’]|\bvan|\bfrom)\s*$", re.I)
FROM_TO_END = re.compile(r"\s*(?:%|euros?|€|EUR)?\s*(?:à|a|naar|tot|to)\s*", re.I)
_WORD = re.compile(r"[^\W\d_]{3,}")
_LINE_START = re.compile(r"[ \t#*>-]*")
_NUMBER_MARK = re.compile(r"\d+(?:[.,]\d+)*[.)][ \t]")
# "établi pour le 30 juin et introduit au 1er janvier": a second value whose own words are a
# conjunction and a verb, without a subject of its own, shares the first's subject.
_ELLIPTIC = re.compile(r"\s*(?:et|en|and|ou|of|or)\s+(?!(?:le|la|les|l|un|une|ce|cette|ces|son|sa|ses|leurs?|het|een"
                       r"|the|a|an|this|these|its|their)\b)[^\W\d_]{4,}(?:\s+[^\W\d_]+){0,2}\s*", re.I)
_PLURAL_CODES = re.compile(r"\b(?:codes|numeros|nummers|codenummers|nomenclatuurnummers)\b")
_DURATION = re.compile(r"P(\d+)([DWMY])")
_DURATION_UNITS = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}
_MARKUP = re.compile(r"</?\w+[^>]*>|\*\*|__")


Similar = Callable[[list[str]], list[float]]


@dataclass(frozen=True)
class Choice:
    """The answering value of a clause (or none), as written and normalised."""

    record: Record | None
    text: str | None
    value: object = None
    unit: str | None = None
    margin: float = 1.0  # how clearly this value beats the clause's other values (0..1)


_SPLIT_FIGURE = re.compile(r"(\d[.,])\s+(\d)")


def readable(text: str) -> str:
    """Source text as an answer: markup removed (a link keeps its words), whitespace collapsed."""
    return " ".join(_MARKUP.sub("", LINK.sub(r"\1", text)).split())


def wanted(rec: Record, kind: str | None) -> bool:
    """Whether a record can answer a question of this kind."""
    if rec.type not in KIND_RECORD_TYPES.get(kind or "", ()):
        return False
    if rec.type == "date":
        return (rec.unit == "duration") == (kind == "duration")
    return True


def conditional(rec: Record, text: str) -> bool:
    """Whether an amount or percentage is stated as a threshold ("dépasse 4 %", "boven 3.000 euro")."""
    return rec.type in ("amount", "percent") and bool(THRESHOLD_BEFORE.search(text, max(0, rec.start - 30), rec.start))


def choose(q: Question, records: list[Record], text: str, lo: int, hi: int,
           weights: dict[str, float] | None = None, similar: Similar | None = None,
           dense_weight: float = 0.0) -> Choice:
    """The record of clause text[lo:hi] that answers q (records already of the wanted kind).

    With `similar` (the question's dense similarity to texts), each value's own words also
    score by their similarity to the question, rescaled to [0, dense_weight] over the clause's
    values: a Dutch or English question's qualifiers seldom share words with a French clause.
    Table cells keep to their row and column headers: even as a tie-break, the dense similarity
    took the total column for "the GPs' share"."""
    if not records:
        return Choice(None, None, margin=0.0)
    codes = [r for r in records if r.type == "code"]
    if q.kind == "code" and len(codes) > 1 and _PLURAL_CODES.search(q.folded):
        texts = [readable(r.text) for r in sorted(codes, key=lambda r: r.start)]
        return Choice(codes[0], ", ".join(texts), [r.value for r in codes], "code", 1.0)
    scores = _qualifier_scores(q, records, text, lo, hi, weights or {})
    if similar is not None and dense_weight > 0 and len(records) > 1 and not any(r.extra.get("row") for r in records):
        scores = [a + b for a, b in zip(scores, _dense_scores(records, text, lo, hi, similar, dense_weight), strict=True)]
    order = sorted(range(len(records)), key=lambda i: -scores[i])
    best = records[order[0]]
    margin = 1.0 if len(order) == 1 else min(1.0, max(0.0, scores[order[0]] - scores[order[1]]))
    return _choice(q, best, margin)


def _qualifier_scores(q: Question, records: list[Record], text: str, lo: int, hi: int,
                      weights: dict[str, float]) -> list[float]:
    """Each value's words, matched with the question's (see `owned_words`); a year the question
    names counts 2 more in a value's own words or labels ("92,59 % contre 92,71 % en 2023"); the
    words of what the question sets aside ("à côté de la norme de croissance") count against."""
    recs = sorted(records, key=lambda r: r.start)
    owned, shared = owned_words(recs, text, lo, hi)
    terms, aside = set(q.query.terms) - set(q.contrast), set(q.contrast)
    out = {}
    for r in recs:
        labels = " ".join(str(r.extra.get(k, "")) for k in ("column", "row"))
        words = labels if r.extra.get("row") else owned[r.id] + " " + labels  # a cell: its row and column
        analysed = set(analyse(words))
        found = terms & analysed
        score = sum(weights.get(t, 1.0) for t in found) + 2 * sum(1 for y in q.years if y in words)
        score -= sum(weights.get(t, 1.0) for t in aside & analysed)  # what the question sets aside
        if q.compare and q.years and q.years[0] in owned[r.id]:
            score += 1.0  # the year a comparison starts from is the one it asks about
        adjacent = text[max(lo, r.start - 40) : r.start]
        before = "" if shared and r is recs[0] else adjacent  # a shared lead's "fixé à" is every value's
        out[r.id] = score + _cue_score(q, before) + _date_cue_score(q, r, adjacent, text) + _from_to(text, recs, r, lo) - _period_start(q, text, recs, r)
    return [out[r.id] for r in records]


def _dense_scores(records: list[Record], text: str, lo: int, hi: int, similar: Similar, weight: float) -> list[float]:
    recs = sorted(records, key=lambda r: r.start)
    owned, _ = owned_words(recs, text, lo, hi)
    words = {r.id: readable(owned[r.id] + " " + r.text) for r in recs}
    sims = similar([words[r.id] for r in records])
    low, high = min(sims), max(sims)
    return [weight * (x - low) / (high - low) if high > low else 0.0 for x in sims]


def owned_words(recs: list[Record], text: str, lo: int, hi: int) -> tuple[dict[str, str], bool]:
    """The words qualifying each value (records in text order) of clause text[lo:hi], and whether
    the text before the first value qualifies them all.

    Between two values the text is split at its last comma, semicolon, colon or conjunction:
    before it qualifies the value before, after it the value after. What precedes a colon also
    qualifies every later value ("une hausse de 0,5 point de sa part : de 14,0 % à 14,5 %").
    The text before the first value is shared by all when the values carry words after them
    ("fixés à 23 euros pour A et à 27 euros pour B"), and is the first's when they do not
    ("A est indexé de 0,75 %, B de 0,90 %"); with "respectivement" its parts, cut at
    "et"/"en"/"and", go to the values in order."""
    owned = {r.id: "" for r in recs}
    gaps = [text[a.end : b.start] for a, b in zip(recs, recs[1:], strict=False)]
    cuts = [_gap_cut(g) for g in gaps]
    after = [g if c is None else g[:c] for g, c in zip(gaps, cuts, strict=True)]
    lead = text[lo : recs[0].start]
    shared = lead.rstrip().endswith(":") or any(_WORD.search(a) for a in after)
    parts = _respective(lead, len(recs))
    if parts:
        for r, part in zip(recs, parts, strict=True):
            owned[r.id] += part
    elif not shared:  # what precedes the lead's last cut qualifies all ("Pour le Cartel, A (de 2,5 %) et B")
        owned[recs[0].id] += lead[max((m.end() for m in _SPLIT.finditer(lead) if m.group(0) != "("), default=0):]
    inherited = ""
    for i, (gap, cut) in enumerate(zip(gaps, cuts, strict=True)):
        owned[recs[i].id] += after[i]
        owned[recs[i + 1].id] += inherited + ("" if cut is None else gap[cut:])
        if i == 0 and not shared and not parts and cut is not None and _ELLIPTIC.fullmatch(gap[cut:]):
            owned[recs[1].id] += " " + _subject(owned[recs[0].id], len(gap[cut:].split()))
        if ":" in gap:
            inherited += " " + owned[recs[i].id] + " " + gap[: gap.index(":")]
    owned[recs[-1].id] += text[recs[-1].end : hi]
    return owned, shared


def _subject(lead: str, own: int) -> str:
    """The lead of a first value less its last `own` + 1 words (its verb and preposition): what an
    elliptic second value ("et introduit au") shares with it."""
    words = lead.split()
    return " ".join(words[: max(0, len(words) - own - 1)])


def _gap_cut(gap: str) -> int | None:
    """Where the text between two values stops qualifying the first: at a closing parenthesis
    that ends the first ("la norme (de 2,5 %) et notre index (de 3,34 %)"), else at the last
    comma, semicolon, colon, opening parenthesis or conjunction."""
    if gap.lstrip().startswith(")"):
        return gap.index(")") + 1
    return max((m.start() for m in _SPLIT.finditer(gap)), default=None)


def _respective(lead: str, n: int) -> list[str] | None:
    """The lead's n parts when it assigns its values in order ("A et B … respectivement"); the
    head the parts share ("les montants de base" in "les montants de base de la pension de
    retraite et de la pension de survie") is given to each."""
    if n < 2 or not RESPECTIVE.search(lead):
        return None
    head = RESPECTIVE.split(lead)[0]
    parts = [p for p in _AND.split(head) if p.strip()]
    if len(parts) != n:
        return None
    words = parts[1].split()
    for size in (3, 2):
        at = parts[0].find(" ".join(words[:size])) if len(words) >= size else -1
        if at > 0:
            shared = parts[0][:at]
            return [parts[0][at:]] + [f"{shared} {p}" for p in parts[1:]]
    return parts


def _from_to(text: str, recs: list[Record], rec: Record, lo: int) -> float:
    """In "de X à Y" / "van X naar Y" / "from X to Y", Y is the value now, X the one before."""
    i = recs.index(rec)
    return 0.0 if i == 0 else reached(text, (recs[i - 1].start, recs[i - 1].end), rec.start, lo)


def reached(text: str, prev: tuple[int, int], start: int, lo: int) -> float:
    """1 when the value at `start` is the Y of "de X à Y" with X the value spanning `prev`."""
    gap = text[prev[1] : start]
    lead = text[max(lo, prev[0] - 12) : prev[0]]
    return 1.0 if FROM_TO_END.fullmatch(gap) and FROM_TO_START.search(lead) else 0.0


def cue_factor(q: Question, records: list[Record], text: str) -> float:
    """How a clause's values are stated, as a factor on its score: an increase ("augmentation de")
    answers only a question about an increase; a value stated as the amount ("fixé à") or, when
    asked, a start ("à partir du") or an end ("jusqu’au") is preferred."""
    befores = [text[max(0, r.start - 40) : r.start] for r in records]
    if any(_asked_date_cues(q, r, b, text) for r, b in zip(records, befores, strict=True)):
        return 2.0
    if not q.asks_delta and all(DELTA.search(b) for b in befores):
        return 0.6
    return 1.2 if any(DEFINING.search(b) for b in befores) else 1.0


def _period_start(q: Question, text: str, recs: list[Record], rec: Record) -> float:
    """1.5 for the first date of a period ("du 1er janvier 2022 au 31 décembre 2023") when the
    question asks for its end."""
    i = recs.index(rec)
    if not q.asks_end or rec.type != "date" or i + 1 >= len(recs) or recs[i + 1].type != "date":
        return 0.0
    return 1.5 if END.search(text[rec.end : recs[i + 1].start]) and len(text[rec.end : recs[i + 1].start]) < 20 else 0.0


def _cue_score(q: Question, before: str) -> float:
    """A value stated as the amount ("fixé à") scores 1; a change ("augmentation de") −1.5 unless asked."""
    score = 0.0
    if DEFINING.search(before):
        score += 1
    if DELTA.search(before) and not q.asks_delta:
        score -= 1.5
    return score


def _asked_date_cues(q: Question, rec: Record, before: str, text: str) -> int:
    """How many of the start, end and deadline the question asks for introduce this date
    ("à partir du", "jusqu'au", "au plus tard le")."""
    return ((q.asks_start and rec.type == "date" and bool(START.search(before)))
            + (q.asks_end and rec.type == "date" and bool(END.search(before)))
            + (q.asks_deadline and _due(rec, before, text)))


def _date_cue_score(q: Question, rec: Record, before: str, text: str) -> float:
    """1.5 for each start, end or deadline the question asks for that introduces the date: the
    words right before it are its own even when the clause's lead qualifies every value."""
    return 1.5 * _asked_date_cues(q, rec, before, text)


def _due(rec: Record, before: str, text: str) -> bool:
    """Whether a day is stated as due ("au plus tard le 15 novembre", "pour le 20 avril au plus tard");
    a year alone is not ("voor 2022" is "for 2022")."""
    return rec.type == "date" and rec.unit != "duration" and len(str(rec.value)) == 10 and bool(
        DEADLINE.search(before) or DEADLINE_AFTER.search(text[rec.end : rec.end + 20]))


def _choice(q: Question, rec: Record, margin: float) -> Choice:
    if rec.type == "tariff_row":
        return _tariff_choice(q, rec, margin)
    return value_choice(rec, margin)


def value_choice(rec: Record, margin: float = 1.0) -> Choice:
    """A record (no tariff row) as an answer: its text as written, its value and unit normalised."""
    if rec.type == "date" and rec.unit == "duration":
        m = _DURATION.fullmatch(str(rec.value))
        value, unit = (int(m.group(1)), _DURATION_UNITS[m.group(2)]) if m else (None, None)
        return Choice(rec, readable(rec.text), value, unit, margin)
    unit = {"amount": "EUR", "percent": "%", "date": "date", "code": "code", "code_range": "code"}.get(rec.type, rec.unit)
    text = readable(rec.text)
    if rec.type in ("amount", "percent"):  # one figure broken by the layout: "6.287, 70 euros"
        text = _SPLIT_FIGURE.sub(r"\1\2", text)
    return Choice(rec, text, rec.value, unit, margin)


def tariff_field(q: Question, given: tuple[str, ...] = ()) -> str:
    """Which cell of a tariff row the question asks for: the fee, or a reimbursement column;
    never a field in `given` (one the question states itself); "patient_share", which no row has
    (see `patient_share`), when the question asks first what the patient pays himself."""
    f = q.folded
    share = min((f.find(c) for c in PATIENT_SHARE_CUES if c in f), default=-1)
    if share >= 0 and not any(0 <= f.find(c) < share for c in REIMBURSEMENT_CUES):
        return "patient_share"
    pref = _preferential(q)
    for name, cues in TARIFF_FIELDS:
        if name not in given and any(c in f for c in cues):
            return name if name == "fee" else name.replace("nonpref", pref)
    if any(c in f for c in REIMBURSEMENT_CUES):
        return f"amb_{pref}"
    return "fee"


def _preferential(q: Question) -> str:
    """"pref" when the question is about a beneficiary of the preferential scheme, else "nonpref"."""
    f = q.folded
    return "pref" if any(c in f for c in PREFERENTIAL_CUES) and not any(c in f for c in NON_PREFERENTIAL_CUES) else "nonpref"


def patient_share(q: Question, cells: dict) -> float | None:
    """What the patient pays himself (the ticket modérateur): the fee less the reimbursement of
    his case — ambulatory unless the question says hospitalised, with or without the preferential
    scheme as it says; None when the row lacks either cell."""
    hos = any(c in q.folded for c in dict(TARIFF_FIELDS)["hos_nonpref"])
    fee, paid = cells.get("fee"), cells.get(f"{'hos' if hos else 'amb'}_{_preferential(q)}")
    if not isinstance(fee, (int, float)) or not isinstance(paid, (int, float)):
        return None
    return round(float(fee) - float(paid), 2)


def _tariff_choice(q: Question, rec: Record, margin: float) -> Choice:
    cells = rec.value if isinstance(rec.value, dict) else {}
    if q.kind == "code":  # the row's other code: HOS for a named AMB code, and the reverse
        codes = [c for c in (cells.get("code_amb"), cells.get("code_hos")) if c and c not in q.codes]
        return Choice(rec, codes[0], codes[0], "code", margin) if codes else Choice(rec, None, margin=0.0)
    letter = cells.get("letter")  # "montant de la prestation X (lettre-clé Q)" states the letter
    cues = "|".join(re.escape(c) for c in dict(TARIFF_FIELDS)["letter"])
    said = letter and re.search(rf"(?:{cues})\W{{0,3}}{re.escape(fold(str(letter)))}(?!\w)", q.folded)
    stated = ("letter",) if said else ()
    name = tariff_field(q, stated)
    if name == "patient_share":  # no column gives it: the fee less the reimbursement
        share = patient_share(q, cells)
        return Choice(rec, format_belgian(share), share, "EUR", margin) if share is not None else Choice(rec, None, margin=0.0)
    value = cells.get(name)
    if value is None:
        return Choice(rec, None, margin=0.0)
    if name == "letter":
        return Choice(rec, str(value), value, None, margin)
    unit = None if name == "relative_value" else "EUR"
    for m in NUMBER.finditer(rec.text):  # the cell as written ("363,43"; "289" for a relative value)
        if (v := parse_number(m.group(0))) is not None and abs(v - float(value)) < 1e-6 * max(1.0, abs(v)) + 0.005 \
                and ("," in m.group(0) or unit is None):
            return Choice(rec, m.group(0), value, unit, margin)
    return Choice(rec, None, value, unit, margin)


def counts(q: Question, text: str, lo: int, hi: int, taken: list[tuple[int, int]],
           header: list[str] | None = None) -> Choice:
    """A count ("7,4 millions de personnes", "3.000 médecins") in a clause: a number that is no
    record (amount, percent, date, code) and no year, with its scale word. In a table row, each
    number is matched by its column's header instead of the words after it."""
    found = []
    for m in NUMBER.finditer(text, lo, hi):
        if any(s <= m.start() < e for s, e in taken) or counts_nothing(text, m.start(), m.end()):
            continue
        value = parse_number(m.group(0))
        if value is None:
            continue
        after = text[m.end() : min(hi, m.end() + 40)]
        lead = len(after) - len(after.lstrip())
        word = re.match(r"\w+", after[lead:])
        scale = SCALE_WORDS.get(fold(word.group(0))) if word else None
        end = m.end() + lead + word.end() if word and scale else m.end()
        found.append((m.start(), end, round(value * (scale or 1), 6)))
    found += [w for w in counted_words(text, lo, hi) if not any(s <= w[0] < e for s, e in taken)]
    found.sort()
    if not found:
        return Choice(None, None, margin=0.0)
    ends = [f[0] for f in found[1:]] + [hi]  # a number's words stop at the next number
    found = [(s, e, v, text[e : min(nxt, e + 40)]) for (s, e, v), nxt in zip(found, ends, strict=True)]
    terms = set(q.query.terms)
    if header:
        score = {f[0]: _label_match(terms, _column(header, text, lo, f[0])) for f in found}
    else:
        score = {f[0]: len(terms & set(analyse(f[3]))) for f in found}
    for prev, f in zip(found, found[1:], strict=False):
        score[f[0]] += reached(text, prev[:2], f[0], lo)  # "passées de 2 à 5,5 millions": 5,5 millions
    scored = sorted(found, key=lambda f: -score[f[0]])
    s, e, value, _ = scored[0]
    value = int(value) if float(value).is_integer() else value
    return Choice(None, readable(text[s:e]), value, "count", 1.0 if len(scored) == 1 else 0.5)


def counts_nothing(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] counts nothing: a year ("en 2023."), the number of
    a part of a text ("au point 11"), of a section or list item at a line's start ("9. MGF et
    MSF", "14.2.1. un", "3) les"), or part of a word ("3D", "doctors4doctors")."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return (bool(re.fullmatch(r"(?:19|20)\d\d", text[start:end].rstrip(".,")))
            or bool(REFERENCE_BEFORE.search(text, max(0, start - 12), start))
            or (bool(_LINE_START.fullmatch(line)) and bool(_NUMBER_MARK.match(text, start)))
            or in_word(text, start, end))


# Number words that count ("trois task forces", "drie werkgroepen"), two to twenty: not "un"/"een"
# (articles as often as numbers) nor "neuf" (new).
_COUNT_WORDS = {w: n for w, n in NUMBER_WORDS.items() if 2 <= n <= 20 and w not in ("neuf",)}
_COUNT_WORD = re.compile(r"(?<![\w-])(" + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True)) + r")(?![\w-])", re.I)


def counted_words(text: str, lo: int, hi: int) -> list[tuple[int, int, float]]:
    """Counts written as words in text[lo:hi], as (start, end, value)."""
    return [(m.start(), m.end(), float(_COUNT_WORDS[m.group(1).lower()])) for m in _COUNT_WORD.finditer(text, lo, hi)]


def free_durations(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Counts of days, months or years in text[lo:hi] that no record holds ("deux mois plus tard")."""
    return [d for d in find_durations(text, lo, hi) if not any(a <= d[0] < b for a, b in taken)]


def bare_duration(q: Question, text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> Choice:
    """A duration question answered by a count of days, months or years that is no record: the
    one whose following words share most of the question's terms."""
    found = free_durations(text, lo, hi, taken)
    if not found:
        return Choice(None, None, margin=0.0)
    terms = set(q.query.terms)
    s, e, iso = max(found, key=lambda d: len(terms & set(analyse(text[d[1] : min(hi, d[1] + 40)]))))
    m = _DURATION.fullmatch(iso)
    return Choice(None, readable(text[s:e]), int(m.group(1)), _DURATION_UNITS[m.group(2)],
                  1.0 if len(found) == 1 else 0.5)


def _column(header: list[str], text: str, lo: int, at: int) -> str:
    """The header of the tab-separated column holding the character at `at` of a row from `lo`."""
    col = text.count("\t", lo, at)
    return header[col] if col < len(header) else ""


def _label_match(terms: set[str], label: str) -> float:
    """How well a column header names the question's terms: 1 a term, 0.5 a term sharing its
    first four letters with a header word ("adhered" / "adhésion"; loose, but it only ranks the
    columns of one row)."""
    words = set(analyse(label))
    prefixes = {w[:4] for w in words if len(w) >= 4}
    return sum(1.0 if t in words else 0.5 if len(t) >= 4 and t[:4] in prefixes else 0.0 for t in terms)


def idf(n: int, df: int) -> float:
    """BM25's idf of a term found in df of n passages."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))
