"""A question parsed once into a typed `Question`: what it asks for and what it constrains.

Retrieval, answer selection and abstention all read the same `Question`; none re-parses the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.amounts import is_aggregate
from extract.models import Record
from ingest.metadata import guess_lang
from ingest.text import NUMBER, find_dates, find_months, find_years, fold, in_word, parse_number
from search.lexicon_actors import BODIES, PHYSICIANS, PLACES, PROFESSIONS
from search.lexicon_questions import (
    AGGREGATE_CUES,
    ASKS_WHO,
    CONDITION_PATTERNS,
    COUNT_NOUNS,
    DURATION_CUES,
    DUTCH_NOT_COUNT,
    ELLIPTIC_HEADS,
    FREQUENCY_CUES,
    FREQUENCY_PERIOD,
    KIND_PATTERNS,
    KIND_RECORD_TYPES,
    NOT_COUNT_NOUNS,
    PER_UNIT_CUES,
    QUESTION_KINDS,
)
from search.query import Query, analyse_query

CODE_RE = re.compile(r"(?<![\d.,])\d{6}(?!\d|[.,]\d)")
# A source the question names ("selon l'ABSyM", "volgens de UMWB", "according to Domus Medica"):
# an acronym or a proper name after "according to".
SOURCE_RE = re.compile(r"(?:\b[Ss]elon|[Dd]['’]après|\b[Vv]olgens|\b[Aa]ccording\s+to)\s+(?:(?:le|la|les|de|het|the)\s+|l['’])?"
                       r"((?:[A-Z][\w-]*[A-Z][\w-]*)|(?:[A-Z][a-zà-ÿ]+(?:\s+[A-Z][a-zà-ÿ]+)*))")
REF_RE = re.compile(r"(?<![\d/])(?:19|20)\d\d/\d{1,5}(?![\d/])")  # a document's number ("circulaire OA 2024/382")
_COMPARISON = re.compile(
    r"compar|\bcontre\b|selon qu|\bversus\b|\bvs\b|plusieurs|vergeleken|tegenover|compared|respectivement"
    r"|difference|verschil|evolu|chang|wijzig|\bentre\b.*\bet\b|\bbetween\b.*\band\b"
)
_ASKS_START = re.compile(r"depuis quand|a partir de quand|s'appliqu|en vigueur|vanaf wanneer|from when|since when|applicable|ingang"
                         r"|d'application|van toepassing|in werking|take effect|takes effect|\bappl(?:y|ies)\b")
_ASKS_END = re.compile(r"jusqu'(?:a|au) quand|jusqu'a quelle date|until when|till when|tot wanneer|tot welke datum"
                       r"|\b(?:run|last)s? until\b|\bexpire|\bprend(?:-il|-elle)? fin\b|\bloopt af\b|\beindigt\b")
_ASKS_DEADLINE = re.compile(r"\bby (?:when|what date|which date|what day)|\bbefore (?:when|what date|which date)|\bno later than when"
                            r"|tegen wanneer|tegen welke datum|voor welke datum|uiterlijk wanneer|pour quand|d'ici quand"
                            r"|d'ici quelle date|avant quelle date|pour quelle date|au plus tard quand|date limite|deadline")
# "à côté de la norme de croissance", "on top of indexation": what follows names what is not asked.
_CONTRAST = re.compile(r"(?:a cote d|en plus d|au-dela d|\boutre|on top of|besides|apart from|in addition to|\bnaast"
                       r"|bovenop|\bbehalve|\bsans|\bwithout|\bzonder)(?:e\s+|u\s+|es\s+|'|\s+)(?:(?:l'|la|le|les|une?|the|an?|de|het|een)\s*)?"
                       r"(?!quel|welk|what|which|combien|hoeveel|\d)([^\W\d][\w'-]*"
                       r"(?:\s+(?:(?:de|du|des|van|of|the|la|le|het)\s+)?[^\W\d][\w'-]*)?)")
_PER_UNIT = re.compile(r"(?<!\w)(?:" + "|".join(PER_UNIT_CUES) + r")(?!\w)")
_AGGREGATE = re.compile(r"(?<!\w)(?:" + "|".join(AGGREGATE_CUES) + r")(?!\w)")
_PERIOD_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)\s?[-–/]\s?((?:19|20)\d\d)(?!\d)")
_ASKS_THRESHOLD = re.compile(r"seuil|plafond|limite|au-dela d|a partir de quel|en deca|depass|exced|superieur|inferieur"
                             r"|drempel|grens|overschrijd|hoger dan|lager dan|vanaf welk|\bboven|threshold|ceiling"
                             r"|\bcap\b|limit|exceed|above|below|beyond|more than|less than|meer dan|minder dan|plus de|moins de"
                             r"|maxim|minim|au plus|au moins|hoogstens|ten hoogste|ten minste|at most|at least|up to")
_ASKS_DELTA = re.compile(r"augment|hausse|de combien|revalori|verhoog|stijg|increase|raise|baiss|diminu|redui"
                         r"|recul|daal|daling|gedaald|verminder|verlaag|decreas|drop|\bfall|\bfell|reduc")


KINDS = ("amount", "percent", "date", "duration", "count", "code")  # the values a question may ask for


@dataclass(frozen=True)
class Question:
    """What a question asks (kind, focus) and what the evidence must satisfy (constraints)."""

    text: str
    folded: str
    lang: str
    kind: str | None  # amount, percent, date, duration, count, code, or None (a clause answers)
    query: Query
    codes: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    months: tuple[str, ...] = ()  # months named with a year but no day ("from September 2020"): YYYY-MM
    professions: tuple[str, ...] = ()  # non-physician professions named (constraints)
    bodies: tuple[str, ...] = ()  # bodies named (constraints)
    places: tuple[str, ...] = ()  # regions and provinces named (constraints)
    compare: bool = False
    asks_start: bool = False
    asks_end: bool = False  # "until when", "jusqu'à quand": the end of a period, not its start
    asks_deadline: bool = False  # "by when", "tegen wanneer", "pour quand": the date something is due
    asks_delta: bool = False
    numbers: tuple[float, ...] = ()  # the numbers the question states, years aside ("the €12 fee")
    refs: tuple[str, ...] = ()  # documents named by their number ("2024/382"): no year constraint
    sources: tuple[str, ...] = ()  # who the answer must come from ("selon l'ABSyM")
    contrast: tuple[str, ...] = ()  # terms of what the question sets aside ("à côté de la norme"): not asked
    per_unit: bool = False  # asks what one act, patient or physician is paid or charged, not a budget
    period: tuple[str, ...] = ()  # years joined as one period ("l'accord 2022-2023", "2024–2025")
    asks_threshold: bool = False  # asks for a threshold or a limit ("au-delà de quel revenu", "drempel")

    def states(self, rec: Record) -> bool:
        """Whether the question itself states this record's value: what it gives is not what it
        asks ("How often can the €12 fee be billed?" is not answered by "12 euros")."""
        if rec.type == "date" and rec.unit != "duration":
            return str(rec.value) in self.dates
        if rec.type in ("amount", "percent") and isinstance(rec.value, (int, float)):
            return any(abs(float(rec.value) - n) < 0.005 for n in self.numbers)
        return False

    def rules_out(self, rec: Record) -> bool:
        """Whether the question's kind rules a value out: a fee, tariff or premium is no budget
        figure (an envelope in thousands of euros answers "what is the physician paid" wrongly)."""
        return self.per_unit and is_aggregate(rec)

    @property
    def asks_value(self) -> bool:
        """Whether a value of some kind (a count included) answers, rather than a clause."""
        return bool(KIND_RECORD_TYPES.get(self.kind or "")) or self.kind == "count"

    @property
    def compared_years(self) -> tuple[str, ...]:
        """The years whose values the question sets side by side: two or more distinct years in a
        comparison, or in a question asking for a value ("the fee of code X in 2024 and 2025")."""
        years = tuple(dict.fromkeys(self.years))
        if not self.compare:  # "the 2022–2023 agreement" names one period, not two years
            years = tuple(y for y in years if y not in self.period)
        return years if len(years) > 1 and (self.compare or self.kind is not None) else ()

    @property
    def constrained(self) -> bool:
        """Whether the question names anything the evidence must name too."""
        return bool(self.codes or self.years or self.dates or self.professions or self.bodies or self.places or self.refs
                    or self.sources)


@lru_cache(maxsize=1)
def _kind_rx() -> dict[str, re.Pattern]:
    cues = {**QUESTION_KINDS, "duration": DURATION_CUES}
    return {
        kind: re.compile(r"(?<!\w)(?:" + "|".join(
            [c if c.endswith("?") else re.escape(c) for c in words] + list(KIND_PATTERNS.get(kind, ()))
        ) + r")(?!\w)")
        for kind, words in cues.items()
    }


_COUNT_RX = re.compile(r"(?:combien|hoeveel|how many)\s+(?:de\s+|d')?(?:" + "|".join(COUNT_NOUNS) + ")"
                       r"|(?:combien\s+(?:de\s+|d')|how many\s+)(?!" + "|".join(NOT_COUNT_NOUNS) + r")\w"
                       r"|hoeveel\s+(?!(?:" + "|".join(DUTCH_NOT_COUNT) + r")\b)[a-z-]{3,}(?:en|ers|s)\b")


_ASKS_WHO_RX = re.compile(ASKS_WHO)
_ELLIPTIC_RX = {kind: re.compile(rf"\s*(?:(?:le|la|les|de|het|the)\s+|l')?{head}(?!\w)")
                for kind, head in ELLIPTIC_HEADS.items()}
_FREQUENCY_RX = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, FREQUENCY_CUES)) + r")(?!\w)")
_PERIOD_RX = re.compile(rf"(?<!\w){FREQUENCY_PERIOD}(?!\w)")


def question_kind(folded: str) -> str | None:
    """amount, percent, date, duration, count or code when the question asks for such a value
    (the earliest cue wins, then the longest; a delay cue wins over a date cue at the same place;
    without a cue, the noun a question without a question word starts with);
    None for a clause and for "which physicians…" (who is asked, not their fee). "How often" asks
    what it does not state: how many times when it names the period ("combien de fois par
    semaine"), else the period ("une fois par période de six mois"). "How often" and "how many"
    give way to a cue before them ("Which code …, and how often …?" asks a code)."""
    found = sorted((m.start(), -len(m.group(0)), kind != "duration", kind)
                   for kind, rx in _kind_rx().items() if (m := rx.search(folded)))
    cues = [f[0] for f in found]
    often = _FREQUENCY_RX.search(folded)
    if often and not any(at < often.start() for at in cues):  # unless another cue comes first
        return "count" if _PERIOD_RX.search(folded) else "duration"
    if _ASKS_WHO_RX.search(folded):
        return None
    count = _COUNT_RX.search(folded)
    if count and not any(at < count.start() for at in cues):
        return "count"  # "how many …" unless another cue comes first ("by what date … how many GMDs")
    if any(re.search(p, folded) for p in CONDITION_PATTERNS):
        return None
    if not found:
        return next((kind for kind, rx in _ELLIPTIC_RX.items() if rx.match(folded)), None)
    first = found[0]  # the earliest cue, unless a longer one overlaps it ("de combien de jours")
    longer = [f for f in found[1:] if f[0] < first[0] - first[1] and f[1] < first[1]]
    return min(longer, key=lambda f: (f[1], f[0]))[3] if longer else first[3]


def _form_rx(forms: tuple[str, ...]) -> re.Pattern:
    """One pattern for a name's forms ("kine*" is a prefix); a space matches any run of
    whitespace, so a name broken across lines ("au Comité\n\nde l'assurance") is still found."""
    parts = [_spaced(f[:-1]) + r"[\w-]*" if f.endswith("*") else _spaced(f) for f in forms]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


@lru_cache(maxsize=1)
def actor_patterns() -> dict[str, dict[str, re.Pattern]]:
    """Compiled forms of every profession, physician kind, body and place, by table."""
    return {
        "professions": {k: _form_rx(v) for k, v in PROFESSIONS.items()},
        "physicians": {k: _form_rx(v) for k, v in PHYSICIANS.items()},
        "bodies": {k: _form_rx(v) for k, v in BODIES.items()},
        "places": {k: _form_rx(v) for k, v in PLACES.items()},
    }


def _spaced(form: str) -> str:
    return r"\s+".join(re.escape(w) for w in form.split(" "))


def named(table: str, folded: str) -> tuple[str, ...]:
    """Keys of `table` ("professions", "physicians", "bodies", "places") named in a folded text."""
    return tuple(k for k, rx in actor_patterns()[table].items() if rx.search(folded))


def parse_question(text: str) -> Question:
    """Parse a question once: language, kind, concept groups and constraints."""
    folded = fold(text)
    found = find_dates(text)
    dates = tuple(d for _, _, d in found)
    codes = tuple(dict.fromkeys(CODE_RE.findall(text)))
    kind = question_kind(folded)
    refs = tuple(dict.fromkeys(REF_RE.findall(text)))
    years = tuple(y for y in find_years(REF_RE.sub(" ", text)))
    if kind is None and codes:
        kind = "amount"  # what is asked of a named code, without another cue, is its tariff
    return Question(
        text=text, folded=folded, lang=guess_lang(text), kind=kind,
        query=analyse_query(text), codes=codes, years=years, dates=dates, months=tuple(find_months(text)), refs=refs, sources=tuple(dict.fromkeys(SOURCE_RE.findall(text))),
        professions=named("professions", folded), bodies=named("bodies", folded),
        places=named("places", folded),
        compare=bool(_COMPARISON.search(folded)), asks_start=bool(_ASKS_START.search(folded)),
        asks_end=bool(_ASKS_END.search(folded)), asks_deadline=bool(_ASKS_DEADLINE.search(folded)),
        period=tuple(y for m in _PERIOD_YEARS.finditer(text) for y in m.groups()),
        asks_delta=bool(_ASKS_DELTA.search(folded)), asks_threshold=bool(_ASKS_THRESHOLD.search(folded)),
        per_unit=kind == "amount" and bool(_PER_UNIT.search(folded)) and not _AGGREGATE.search(folded), contrast=contrast_terms(folded), numbers=stated_numbers(text, codes, [(a, b) for a, b, _ in found] + [m.span() for m in REF_RE.finditer(text)]),
    )


def contrast_terms(folded: str) -> tuple[str, ...]:
    """The analysed terms of what a question sets beside what it asks ("à côté de la norme de
    croissance", "on top of indexation", "sans statut BIM"): one noun and what qualifies it."""
    return tuple(dict.fromkeys(t for m in _CONTRAST.finditer(folded) for t in analyse_query(m.group(1)).terms))


def stated_numbers(text: str, codes: tuple[str, ...], spans: list[tuple[int, int]]) -> tuple[float, ...]:
    """The numbers of a question that are neither years, nomenclature codes, parts of a word nor
    inside the spans of its dates."""
    out = []
    for m in NUMBER.finditer(text):
        raw = m.group(0)
        if any(s <= m.start() < e for s, e in spans) or re.fullmatch(r"(?:19|20)\d\d", raw) or raw in codes or (v := parse_number(raw)) is None:
            continue
        if in_word(text, m.start(), m.end()):
            continue
        out.append(v)
    return tuple(out)
