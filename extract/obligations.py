"""Obligations: who must (commits to, should, may) do what, by when.

Sentence by sentence: a modality cue ("doit", "est chargé de", "s'engage à", "veillera à",
"sont invités à", "peut", a future tense, a duty verb before a delay), its actor, the action and a
deadline. The actor is the grammatical subject of the cue: the noun phrase before it, skipping
inserts ("en concertation avec ...") and relative clauses ("qui souhaite ..."), the agent of a
passive ("sera soumise par la CIA"), or for a pronoun the actor of the sentence before. An actor
must name someone (a person, body or institution: a noun of the lexicon, an acronym or a proper
name); a sentence whose subject is a thing ("les mesures doivent être prises") has no actor and
gives no obligation. A future tense or a present duty verb obliges only with a deadline (or, in
the future tense, for a party to the agreement itself, which commits). "X insiste pour que Y ..."
obliges Y when Y is an actor, else X with the deadline of the request kept in extra.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import lexicon_fr as fr
from extract import lexicon_nl as nl
from extract.actors import Grammar, grammar_for
from extract.base import Region, make_record
from extract.deadlines import Deadline, find_deadlines, find_on_dates, find_start_dates
from extract.models import Record
from ingest.text import squash
from ingest.text.nlp import finite_present_verbs
from ingest.text.sentences import sentences

NOT_SPECIFIED = "non précisé"  # the actor of a duty whose text names nobody
# Texts whose future ("l'INAMI lancera") and present ("le kinésithérapeute transmet", "la Commission
# se réunit") tenses bind their actors, deadline or not; elsewhere (news, letters) only with a deadline.
NORMATIVE = frozenset({"accord", "convention", "circular", "law"})
_CUES = [(mod, re.compile(rx, re.I)) for lex in (fr, nl) for mod, rx in lex.MODALITY_CUES]
_FUTURE_FR = re.compile(fr.FUTURE_VERB_RX, re.I)
_FUTURE_NL = re.compile(nl.FUTURE_VERB_RX, re.I)
_DUTY = re.compile(r"\b(?:" + "|".join(fr.DUTY_VERBS + nl.DUTY_VERBS) + r")\b", re.I)
_PASSIVE_BY = re.compile(
    rf"{fr.PASSIVE_BY_RX}|{nl.PASSIVE_BY_RX}".replace("(?P<part>", "(?:"), re.I
)
_FUTURE_PASSIVE = re.compile(rf"(?:{fr.FUTURE_PASSIVE_RX})|(?:{nl.FUTURE_PASSIVE_RX})", re.I)
_PASSIVE_AFTER = re.compile(rf"(?:{fr.PASSIVE_AFTER_CUE_RX})|(?:{nl.PASSIVE_AFTER_CUE_RX})", re.I)
_NEGATION = re.compile(rf"(?:{fr.NEGATION_BEFORE_RX})|(?:{nl.NEGATION_BEFORE_RX})", re.I)
_SELF = tuple(fr.SELF_ACTORS + nl.SELF_ACTORS)
_NUMBER_START = re.compile(
    r"\s*(?:[-•●◦▪\uf0b7–*]\s*|(?:(?:\d{1,2}\.)+\d{0,2}\.?|[A-Z]\.|\d{1,2}\)|[a-z]\))\s+)"
)
_AFTER_AGENT = r"\s(?:à|au|aux|pour|d['’]ici|dans|avant|au\s+plus\s+tard|aan|voor|tegen|binnen)\b"
_DATIVE = re.compile(r"\s*(?:à|aux|au|aan)\s+", re.I)
_AGENT = re.compile(r"[^,;.]{0,80}?\b(?:par|door)\s+", re.I)
_HEADING_BREAK = re.compile(
    r"\n\s*(?=(?:Le|La|Les|L['’]|Un|Une|Des|Ce|Cet|Cette|Ces|De|Het|Een)\b)"
)


@dataclass
class Cue:
    """A modality cue in a sentence: offsets in the sentence, modality, and kind."""

    start: int
    end: int
    modality: str | None  # None for a future tense or a duty verb (decided by the deadline)
    kind: str  # "modal", "request", "future", "duty", "passive", "participle", "present",
    # "future_passive"
    negated: bool = False


@dataclass
class Context:
    """What a sentence needs from the sentences before it."""

    grammar: Grammar
    previous_actor: str | None = None
    previous_sentence: str = ""
    lead: tuple[str, str] | None = None  # (actor, modality) of a lead-in ending with ":"
    normative: bool = False  # an accord, convention, circular or law: its future and present tenses bind
    lang: str = "fr"


def find_cues(sent: str) -> list[Cue]:
    """Every modality cue of a sentence, in order."""
    found = []
    for mod, rx in _CUES:
        for m in rx.finditer(sent):
            kind = (
                "participle"
                if re.match(r"charg", m.group(0), re.I)
                else ("request" if mod == "request" else "advice" if mod == "advice" else "modal")
            )
            found.append(
                Cue(
                    m.start(),
                    m.end(),
                    "should" if mod in ("request", "advice") else mod,
                    kind,
                    bool(_NEGATION.search(sent[max(0, m.start() - 20) : m.start()])),
                )
            )
    for rx in (_FUTURE_FR, _FUTURE_NL):
        for m in rx.finditer(sent):
            if m.group(0).lower() not in fr.NOT_FUTURE:
                found.append(Cue(m.start(), m.end(), None, "future"))
    for m in _PASSIVE_BY.finditer(sent):
        found.append(Cue(m.start(), m.end(), None, "passive"))
    agents = {c.start for c in found if c.kind == "passive"}
    for m in _FUTURE_PASSIVE.finditer(sent):
        if m.start() not in agents:  # "sera soumise par la CIA" is the CIA's
            found.append(Cue(m.start(), m.end(), None, "future_passive"))
    found += [Cue(m.start(), m.end(), None, "duty") for m in _DUTY.finditer(sent)]
    return sorted(found, key=lambda c: (c.start, -c.end))


def present_cues(sent: str, ctx: Context) -> list[Cue]:
    """The main-clause verbs of a sentence in the present tense that do something (by the
    language's tagger or parse; none without one): in a normative text, present-tense actions of
    an actor bind ("la Commission se réunit …", "de tandarts vermeldt …"); statements do not."""
    return [
        Cue(s, e, None, "present")
        for s, e, lemma in finite_present_verbs(sent, ctx.lang)
        if lemma not in ctx.grammar.lex.STATEMENT_VERBS  # type: ignore[attr-defined]
    ]


def _actor_for(sent: str, cue: Cue, ctx: Context) -> str | None:
    """The actor of one cue, or None when the cue has none (a thing, an agentless passive)."""
    g = ctx.grammar
    if cue.kind == "passive":
        return g.actor_after(sent, cue.end)
    if cue.kind == "future_passive":  # "le premier paiement sera effectué": an agent would be "passive"
        return NOT_SPECIFIED
    if cue.kind == "participle":
        return g.last_actor(
            sent[: cue.start], plural=sent[cue.start : cue.end].split()[0].endswith("s")
        )
    if sent[cue.start : cue.start + 3].lower() in (
        "il ",
        "het",
    ):  # "il est demandé aux médecins de"; "il y a lieu de faire une analyse": nobody named
        dative = _DATIVE.match(sent, cue.end)
        actor = g.actor_after(sent, dative.end()) if dative else None
        return actor or (NOT_SPECIFIED if cue.modality == "must" and not cue.negated else None)
    if cue.kind == "advice":  # "nous recommandons aux médecins de", "wij raden de artsen aan"
        dative = _DATIVE.match(sent, cue.end)
        return g.actor_after(sent, dative.end() if dative else cue.end)
    if cue.kind == "modal" and _PASSIVE_AFTER.match(sent, cue.end):
        agent = _AGENT.match(sent, cue.end)
        actor = g.actor_after(sent, agent.end()) if agent else None
        # "le consentement doit être enregistré": a duty nobody is named for
        return actor or (NOT_SPECIFIED if cue.modality == "must" and not cue.negated else None)
    previous = g.first_actor(sent[: cue.start]) or ctx.previous_actor
    subject = g.subject_before(sent, cue.start, previous, ctx.previous_sentence)
    if subject is None and g.lex.SUBJECT_AFTER_VERB and cue.kind in ("modal", "future", "present"):
        subject = g.actor_after(sent, cue.end)  # "Vanaf 2026 moet de tandarts ..."
        if subject:  # up to the object's determiner: "de tandarts | de verstrekking attesteren"
            subject = re.split(g.lex.SUBJECT_END_RX, subject, maxsplit=1)[0]
    if cue.kind == "request" and subject is None:
        return g.actor_after(sent, cue.end)
    return subject


def _choose(
    sent: str, cues: list[Cue], ctx: Context, deadline: Deadline | None, on: tuple[int, ...] = ()
) -> tuple[Cue, str] | None:
    """The first cue that has an actor and obliges (a future or duty verb needs a deadline, a
    future passive a deadline or a date after it that it is set for: offsets `on`); cues of
    relative clauses ("une organisation qui souhaite ...") only when the main clause has none, and
    a future passive only when no cue names an actor."""
    ordered = sorted(  # a future passive names nobody: the last resort
        cues, key=lambda c: (c.kind == "future_passive", ctx.grammar.in_relative(sent, c.start))
    )
    for cue in ordered:
        if cue.negated and (cue.kind != "modal" or cue.modality not in ("must", "may")):
            continue
        actor = _actor_for(sent, cue, ctx)
        if not actor:
            continue
        if cue.kind == "future_passive":
            if ctx.normative and (deadline or any(p > cue.start for p in on)) and not cue.negated:
                return cue, actor
            continue
        if (
            deadline
            or cue.kind in ("modal", "request", "participle", "advice")
            or (cue.kind == "future" and (_is_self(actor) or ctx.normative))
            or (cue.kind in ("duty", "passive") and ctx.normative)
            or (cue.kind == "present" and ctx.normative)
        ):
            return cue, actor
    return None


def _is_self(actor: str | None) -> bool:
    low = (actor or "").lower()
    return any(re.search(rf"\b{re.escape(a)}\b", low) for a in _SELF)


def _modality(cue: Cue, actor: str) -> str:
    if cue.negated:
        return "must"  # "ne peut pas", "ne doit pas": a prohibition
    if cue.modality:
        return cue.modality
    return "commits" if _is_self(actor) and cue.kind in ("future", "present") else "must"


def _action(sent: str, cue: Cue, actor: str, deadline: Deadline | None, offset: int) -> str:
    """What is to be done: the words after the cue (from the verb for a future or duty verb, from
    the participle for a passive, after "de" for "il est demandé à X de"), without the deadline."""
    start = cue.start if cue.kind in ("future", "duty", "passive", "present", "future_passive") else cue.end
    words = sent[start:]
    if deadline and deadline.start - offset >= start:
        words = sent[start : deadline.start - offset] + " " + sent[deadline.end - offset :]
    if cue.kind == "passive":  # "soumise par la CIA à l'approbation" -> "soumise à l'approbation"
        words = re.sub(
            rf"\s(?:par|door)\s+(?:\S+\s+)?{re.escape(actor.split()[0])}.*?(?={_AFTER_AGENT}|$)",
            " ",
            words,
            count=1,
            flags=re.I | re.S,
        )
    elif sent[cue.start : cue.start + 3].lower() in ("il ", "het"):
        words = re.split(r"\s(?:de|d['’]|om)\s*", words, maxsplit=1)[-1]
    words = re.sub(r"^\s*(?:(?:à|de|que|om|te)\b|d['’]|qu['’])\s*", "", squash(words), flags=re.I)
    words = re.sub(r"\s*,(?:\s*,)+", ",", re.sub(r"\s+([,.;])", r"\1", words))
    return words.strip(" ,;:.")[:160]


def _start_of(text: str, s: int, e: int) -> int:
    """Where the sentence itself starts: after a section number or a heading line glued to it."""
    m = _NUMBER_START.match(text, s, e)
    s = m.end() if m else s
    glued = [
        b
        for b in _HEADING_BREAK.finditer(text, s, e)
        if not re.search(r"[,;:]\s*$", text[s : b.start()])
    ]
    if glued and not any(c.isdigit() for c in text[s : glued[0].start()][-3:]):
        head = text[s : glued[0].start()]
        if len(head) < 90 and not re.search(r"[.!?]\s*$", head):
            return glued[0].end()
    return s


def _deadline_for(deadlines: list[Deadline], pos: int) -> Deadline | None:
    """The deadline nearest after the cue at `pos` in its sentence, else the nearest before it."""
    after = [d for d in deadlines if d.start >= pos]
    before = [d for d in deadlines if d.start < pos]
    return after[0] if after else (before[-1] if before else None)


def _request(sent: str, cue: Cue, actor: str, deadline: Deadline | None, ctx: Context):
    """For "X insiste pour que Y ...": Y's duty when Y is an actor, else X's wish (Y's deadline in
    extra)."""
    other = ctx.grammar.actor_after(sent, cue.end)
    if other:
        return other, deadline, {}
    extra = {"requested_deadline": deadline.value} if deadline else {}
    return actor, None, extra


def sentence_obligation(
    region: Region, s: int, e: int, ctx: Context
) -> tuple[list[Record], str | None]:
    """The obligations of the sentence text[s:e] (one per actor of a coordination: "le SPF et
    l'INAMI renforceront") and the actor it names."""
    text = region.text
    s = _start_of(text, s, e)
    sent = text[s:e]
    main_lo = s + ctx.grammar.main_clause_start(sent)
    deadlines = [d for d in find_deadlines(region.doc, text, s, e) if d.start >= main_lo]
    cues = find_cues(sent)
    on_dates = ([d for d in find_on_dates(text, s, e) if d.start >= main_lo]
                if any(c.kind == "future_passive" for c in cues) else [])  # only a future passive needs them
    first = deadlines[0] if deadlines else None
    chosen = _choose(sent, cues, ctx, first, tuple(d.start - s for d in on_dates))
    if chosen is None and ctx.normative and ctx.grammar.last_actor(sent, inserts=True):
        chosen = _choose(sent, present_cues(sent, ctx), ctx, first)
    if chosen is None:
        item = _lead_item(region, s, e, sent, ctx)
        return ([item] if item else []), None
    cue, actor = chosen
    deadline = _deadline_for(deadlines, s + cue.start) or next(
        (d for d in find_start_dates(text, s, e) if d.start >= main_lo), None
    )
    if deadline is None and cue.kind == "future_passive":
        deadline = next(d for d in on_dates if d.start - s > cue.start)
    extra: dict = {}
    if cue.kind == "request":
        actor, deadline, extra = _request(sent, cue, actor, deadline, ctx)
    if cue.negated:
        extra["negated"] = True
    value = {
        "actor": actor,
        "action": _action(sent, cue, actor, deadline, s),
        "deadline": deadline.value if deadline else None,
        "modality": _modality(cue, actor),
    }
    if deadline:
        extra.update(deadline.extra)
    ctx.lead = None
    if sent.rstrip().endswith(":") and len(value["action"]) < 3:
        ctx.lead = (actor, value["modality"])  # the list items that follow carry the duty
        return [], actor
    actors = coordinated(actor)
    return [make_record(region.doc, "obligation", {**value, "actor": a}, s, e, None, extra, a if len(actors) > 1 else "")
            for a in actors], actor


_COORDINATION = re.compile(f"{fr.COORDINATION_RX}|{nl.COORDINATION_RX}")
_DETERMINER = re.compile(f"^(?:{fr.COORDINATED_DETERMINER_RX}|{nl.COORDINATED_DETERMINER_RX})", re.I)


def coordinated(actor: str) -> list[str]:
    """The actors of a coordination ("organismes assureurs et les prestataires de soins" -> both),
    each without its determiner; the actor itself when it is one."""
    pieces = _COORDINATION.split(actor)
    if len(pieces) < 2:
        return [actor]
    head = pieces[0].split(", ") if "(" not in pieces[0] else [pieces[0]]  # "X, Y et Z"
    parts = [_DETERMINER.sub("", p).strip() for p in [*head, *pieces[1:]]]
    return parts if all(len(p) >= 2 for p in parts) else [actor]


def _lead_item(region: Region, s: int, e: int, sent: str, ctx: Context) -> Record | None:
    """A list item after a lead-in ("la CNMM s'engage à :") has the lead's actor and modality."""
    if ctx.lead is None or not sent[:1].islower():
        ctx.lead = None
        return None
    actor, modality = ctx.lead
    value = {
        "actor": actor,
        "action": squash(sent).strip(" ,;:.")[:160],
        "deadline": None,
        "modality": modality,
    }
    extra: dict = {"list_item": True}
    deadlines = find_deadlines(region.doc, region.text, s, e)
    if deadlines:
        value["deadline"] = deadlines[0].value
        extra.update(deadlines[0].extra)
    return make_record(region.doc, "obligation", value, s, e, None, extra)


def obligations(
    region: Region, text: str, lo: int, hi: int, skip: list[tuple[int, int]]
) -> list[Record]:
    """Obligations with actor, action, deadline and modality: one per sentence and actor."""
    out: list[Record] = []
    doc = region.doc
    ctx = Context(grammar_for(doc.lang), normative=doc.doc_type in NORMATIVE,
                  lang=doc.lang)
    for s0, e0 in sentences(text, lo, hi):
        if any(a <= s0 < b for a, b in skip):
            continue
        for s, e in _clauses(text, s0, e0, ctx):
            recs, actor = sentence_obligation(region, s, e, ctx)
            out += recs
            sent = text[s:e]
            subject = (actor if actor != NOT_SPECIFIED else None) or ctx.grammar.first_actor(sent)
            if subject or ctx.grammar.opens_with_subject(sent):
                ctx.previous_actor = subject  # "Les montants restent inchangés. Ils ..." binds no one
            ctx.previous_sentence = sent
    return out


_SEMICOLON = re.compile(r";\s+")


def _clauses(text: str, s: int, e: int, ctx: Context) -> list[tuple[int, int]]:
    """A sentence cut at its semicolons where each part opens on its own subject ("le médecin-conseil
    peut en demander une copie ; le kinésithérapeute la transmet dans les 15 jours"); a list
    after a lead-in, or parts without their own subject, stay one sentence."""
    sent = text[s:e]
    cuts = [m for m in _SEMICOLON.finditer(sent) if sent.count("(", 0, m.start()) == sent.count(")", 0, m.start())]
    if not cuts or ctx.lead is not None or sent.rstrip().endswith(":"):
        return [(s, e)]
    bounds = [0, *(m.end() for m in cuts), len(sent)]
    parts = [(bounds[i], (cuts[i].start() + 1) if i < len(cuts) else bounds[i + 1]) for i in range(len(bounds) - 1)]
    if not all(ctx.grammar.opens_with_subject(sent[a:b]) for a, b in parts[1:]):
        return [(s, e)]
    return [(s + a, s + b) for a, b in parts]
