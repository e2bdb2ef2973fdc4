"""Obligations: who must (commits to, should, may) do what, by when.

Sentence by sentence: a modality cue ("doit", "s'engage à", "insiste pour que", "peut", a
future tense of an actor), the actor (the subject, a passive agent "par X", or the previous
sentence's subject for a pronoun), the action, and a deadline (a date after "d'ici", "pour le",
"au plus tard", a year after "d'ici", or a relative delay "dans les trente jours qui suivent X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.base import Region, make_record
from extract.dates import find_delays
from extract.lexicon_obligations import (
    DEADLINE_BEFORE,
    DISCOURSE_WORDS,
    DUTY_VERBS,
    FUTURE_VERB,
    MODALITY_CUES,
    NOT_ACTORS,
    SELF_ACTORS,
    SUBJECT_PRONOUNS,
)
from extract.models import Record
from ingest.dates import find_dates
from ingest.sentences import sentences

_CUES = [(mod, re.compile(rx, re.I)) for mod, rx in MODALITY_CUES]
_DUTY = re.compile(r"\b(?:" + "|".join(DUTY_VERBS) + r")\b", re.I)
_FUTURE = re.compile(FUTURE_VERB, re.I)
_DEADLINE_HEAD = re.compile(rf"(?:{DEADLINE_BEFORE})$", re.I)
_YEAR_DEADLINE = re.compile(r"d['’]ici\s+(?:(?:à|la\s+)?fin\s+)?(?P<y>(?:19|20)\d\d)\b|tegen\s+(?P<y2>(?:19|20)\d\d)\b", re.I)
_SUBORDINATE = re.compile(r"^\s*(?:étant\s+donné\s+que|vu\s+que|puisque|bien\s+que|alors\s+que|si\s|lorsque|comme\s)", re.I)
_PASSIVE_AGENT = re.compile(r"\b(?:soumise?s?|établie?s?|réalisée?s?|présentée?s?|fixée?s?|approuvée?s?|élaborée?s?|organisée?s?)\s+par\s+(?P<agent>(?:la|le|les|l['’])\s*[^,;.(]{2,80}?(?:\s*\([A-Z][\w-]{1,10}\))?)(?=\s+(?:à|au|aux|pour|d['’]ici|dans|avant)\b|[,;.(])", re.I)
_CLAUSE_BREAK = re.compile(r"[,:;()]|\b(?:que|qu['’]|qui|dont|mais|où)\b", re.I)
_PASSIVE_FUTURE = re.compile(r"\b(?:sera|seront)\s+(?:\w+\s+)?\w+(?:ée?s?|ise?s?|ite?s?|te?s?)\s+par\b", re.I)


@dataclass
class Deadline:
    value: str
    start: int
    end: int
    extra: dict


def _deadline(text: str, lo: int, hi: int) -> Deadline | None:
    """The first deadline phrase in text[lo:hi]."""
    for s, e, value in find_dates(text[lo:hi]):
        head = text[max(lo, lo + s - 30) : lo + s]
        if _DEADLINE_HEAD.search(head) or re.match(r"\s*au\s+plus\s+tard", text[lo + e : lo + e + 20], re.I):
            return Deadline(value, lo + s, lo + e, {})
    m = _YEAR_DEADLINE.search(text, lo, hi)
    if m:
        return Deadline(m.group("y") or m.group("y2"), m.start(), m.end(), {"granularity": "year"})
    for s, e, value, anchor in find_delays(text, lo, hi):
        extra = {"deadline_kind": "relative", **({"deadline_anchor": anchor} if anchor else {})}
        return Deadline(value, s, e, extra)
    return None


def _cues(sentence: str) -> list[tuple[int, str | None, re.Match]]:
    """Every modality cue (and future-tense verb, modality None) in the sentence, in order."""
    found = []
    for mod, rx in _CUES:
        for m in rx.finditer(sentence):
            if mod == "may" and re.search(r"\bn(?:e|['’])\s*$", sentence[: m.start()]):
                continue  # "ne peut" denies a permission
            found.append((m.start(), mod, m))
    for m in _FUTURE.finditer(sentence):
        if m.group(0).lower() not in _NOT_FUTURE:
            found.append((m.start(), None, m))
    found += [(m.start(), None, m) for m in _PASSIVE_FUTURE.finditer(sentence)]
    return sorted(found, key=lambda x: x[0])


_NOT_FUTURE = frozenset(
    "pendant entra cadre mesure lettre notre votre autre contre centre montre ordre titre offre "
    "encadra sera seront aura auront fera feront pourra pourront devra devront sont tera".split()
)


def _clean_actor(phrase: str) -> str | None:
    phrase = re.sub(r"^\s*(?:\d{1,2}\.)+(?:\d{1,2})?\s*", "", phrase)
    if phrase.strip(" ,").lower() in DISCOURSE_WORDS or re.match(r"\s*s['’]il\b|\s*si\b", phrase, re.I):
        return None
    words = phrase.strip(" ,;:«»\"'").split()
    while words and words[0].lower().strip("’'") in ("la", "le", "les", "l", "un", "une", "ce", "cette", "ces", "de", "des"):
        words = words[1:]
    actor = " ".join(words).strip(" ,;:")
    if not actor or actor.lower() in NOT_ACTORS or len(actor) < 2:
        return None
    if actor.split()[0].lower() in _NOT_HEADS:
        return None
    return actor[:90]


_NOT_HEADS = frozenset(
    "en de du des pour dans sur à avec par après avant selon vu si lors sans sous entre chez "
    "il ils elle elles on qui que dont ce cela ceci y etc. etc het van voor in op met".split()
)


def _subject_before(sentence: str, pos: int) -> str | None:
    """The noun phrase right before the verb at `pos`, skipping relative clauses ("qui ...")."""
    before = sentence[:pos]
    pieces, last = [], 0
    for m in _CLAUSE_BREAK.finditer(before):
        pieces.append((before[last : m.start()], m.group(0).lower()))
        last = m.end()
    pieces.append((before[last:], ""))
    after_relative = False
    for i in range(len(pieces) - 1, -1, -1):
        phrase = pieces[i][0]
        starts_relative = i > 0 and pieces[i - 1][1].strip("’'") in ("qui", "que", "qu", "dont", "où")
        if starts_relative:
            after_relative = True
            continue
        actor = _clean_actor(_strip_clitics(phrase))
        if actor:
            return actor
        if not after_relative:
            break
    head = re.split(r"\s+(?:qui|que|dont)\b|,", before, maxsplit=1)[0]
    return _clean_actor(head) if len(head.split()) <= 8 else None


def _strip_clitics(phrase: str) -> str:
    phrase = re.sub(r"\b(?:en\s+outre|par\s+ailleurs|dès\s+lors|également|enfin|toutefois)\b", " ", phrase, flags=re.I)
    return re.sub(r"\b(?:se|s['’]|ne|n['’]|y|en|le|la|les|l['’])\s*$", "", phrase.strip(), flags=re.I)


def _actor(sentence: str, cue: re.Match, previous: str | None) -> str | None:
    agent = _PASSIVE_AGENT.search(sentence)
    if agent:
        return _clean_actor(agent.group("agent"))
    actor = _subject_before(sentence, cue.start())
    if actor and actor.split()[-1].lower() in SUBJECT_PRONOUNS:
        head = _clean_actor(re.split(r"\s+(?:qui|que|dont)\b|,", sentence, maxsplit=1)[0])
        return head if head and head != actor and len(head.split()) <= 6 else previous
    if actor is None:
        words = sentence[: cue.start()].split()
        if words and words[-1].lower() in SUBJECT_PRONOUNS:
            return previous
    return actor


def _is_self(actor: str | None) -> bool:
    return bool(actor) and any(a in actor.lower() for a in SELF_ACTORS)


def obligations(region: Region, text: str, lo: int, hi: int, skip: list[tuple[int, int]]) -> list[Record]:
    """Obligations with actor, action, deadline and modality, one per sentence."""
    out: list[Record] = []
    previous: str | None = None
    for s, e in sentences(text, lo, hi):
        if any(a <= s < b for a, b in skip):
            continue
        sent = text[s:e]
        rec, subject = _one(region, text, s, e, sent, previous)
        if rec:
            out.append(rec)
        previous = subject or previous
    return out


def _one(region: Region, text: str, s: int, e: int, sent: str, previous: str | None):
    """The obligation of one sentence (or None) and the sentence's subject."""
    main_lo = s + sent.index(",") + 1 if _SUBORDINATE.match(sent) and "," in sent else s
    deadline = _deadline(text, main_lo, e)
    chosen = None
    for _, mod, cue in _cues(sent):
        actor = _actor(sent, cue, previous)
        if mod is None and not (deadline or _is_self(actor)):
            continue
        if actor or chosen is None:
            chosen = (mod, cue, actor)
        if actor:
            break
    if chosen is None and deadline:
        verb = _DUTY.search(sent)
        chosen = ("must", verb, _actor(sent, verb, previous)) if verb else None
    if chosen is None:
        return None, None
    mod, cue, actor = chosen
    if mod is None:
        mod = "commits" if _is_self(actor) else "must"
    if actor is None and deadline is None:
        return None, None
    value = {"actor": actor, "action": _action(sent, cue.end(), deadline, s),
             "deadline": deadline.value if deadline else None, "modality": mod}
    extra = dict(deadline.extra) if deadline else {}
    return make_record(region.doc, "obligation", value, s, e, None, extra), actor


def _action(sent: str, after: int, deadline: Deadline | None, offset: int) -> str:
    tail = sent[after:]
    if deadline:
        ds, de = deadline.start - offset - after, deadline.end - offset - after
        if 0 <= ds <= len(tail):
            tail = tail[:ds] + tail[de:]
    tail = re.sub(r"\b(?:d['’]ici|pour\s+le|au\s+plus\s+tard(?:\s+pour\s+le|\s+le)?|avant\s+le)\s*(?=[,.;]|$)", "", tail.strip(), flags=re.I)
    words = " ".join(tail.split()).strip(" ,;:.")
    return words[:160]
