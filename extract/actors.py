"""Actors of obligations: the noun phrase that names who is bound, found by light French/Dutch
grammar (no parser): the subject before a verb, the agent after "par", the last body named.

An actor is a noun phrase whose head is a noun of the actor lexicon ("médecin", "organismes
assureurs", "comité"), an acronym ("CNMM", "INAMI") or a proper name after a determiner ("la
Vivaldi"); "un certain nombre de mesures" or "le financement" name no actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract import lexicon_fr as fr
from extract import lexicon_nl as nl
from ingest.text import fold

_WORD = re.compile(r"[^\W\d_]+['’]|[^\W\d_][\w-]*|\d[\w.]*|[«»\"()]", re.U)
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*$")
_CUT = re.compile(r"[,;:.!?]")
_VERBISH = frozenset(
    "est sont sera seront soit soient a ont doit doivent peut peuvent fait font va vont était "
    "étaient avait avaient is zijn wordt worden heeft hebben moet moeten kan kunnen zal "
    "zullen".split()
)
_INFINITIVE = re.compile(r"\w+(?:er|ir|oir)$")
_ADJECTIVE = re.compile(
    r"(?:ée?s?|aux|ales?|els?|elles?|aires?|iques?|eurs?|ifs?|ives?|ants?|antes?|ents|iens?|iennes?|ux)$"
)


@dataclass(frozen=True)
class Grammar:
    """The word lists of one language, and the actor-finding rules over them."""

    lex: object  # extract.lexicon_fr or extract.lexicon_nl

    @property
    def nouns(self) -> frozenset[str]:
        return _word_set(self.lex, "ACTOR_NOUNS")

    def _words(self, name: str) -> frozenset[str]:
        return _word_set(self.lex, name)

    @property
    def relatives(self) -> frozenset[str]:
        """Relative pronouns in lower case with their accents: folded, "où" would be "ou"."""
        return frozenset(w.lower() for w in self.lex.RELATIVES)  # type: ignore[attr-defined]

    # --- noun phrases -------------------------------------------------------------------------

    def is_head(self, words: list[str], after_determiner: bool) -> bool:
        """Whether a noun phrase of these words (without determiner and modifiers) is an actor."""
        if not words:
            return False
        head, nxt = words[0], (words[1] if len(words) > 1 else "")
        if _ACRONYM.match(head) and len(head) <= 10:
            return True
        folded = fold(head)
        if folded in self._words("QUANTITY_NOUNS") and fold(nxt).rstrip("'’") in (
            "de",
            "du",
            "des",
            "d",
            "van",
        ):
            return False  # "une partie du financement"
        if (
            fold(" ".join(words[:2])) in self.nouns
            or folded in self.nouns
            or _singular(folded) in self.nouns
            or self._compound_actor(folded)
        ):
            return True
        proper = head[:1].isupper() and len(head) > 2 and (not nxt or nxt[:1].isupper())
        return after_determiner and proper  # "la Vivaldi", "les Task Forces"

    def _compound_actor(self, folded: str) -> bool:
        """A profession by its ending ("logopedisten", "diététicien", "pédiatre"), or a Dutch
        compound whose head (its last part) is an actor noun ("zorgverstrekkers")."""
        suffixes, heads = _compound_ends(self.lex)
        if len(folded) >= 7 and folded.endswith(suffixes):
            return True
        if not getattr(self.lex, "COMPOUND_HEADS", False):
            return False
        return any(folded.endswith(h) and len(folded) - len(h) >= 3 for h in heads)

    def noun_phrase(
        self, phrase: str, any_position: bool = False, strict: bool = False
    ) -> str | None:
        """The actor named by the first noun phrase of `phrase` (not one after a preposition unless
        `any_position`), as text without its determiner; None when it names no actor."""
        tokens = list(_WORD.finditer(phrase))
        dets, preps = self._words("DETERMINERS"), self._words("PREPOSITIONS")
        for i, tok in enumerate(tokens):
            word = tok.group(0)
            low = fold(word).rstrip("'’")
            is_det = low in dets
            bare = (i == 0 or any_position) and bool(getattr(self.lex, "PLURAL_ENDINGS", ())) and (
                fold(word).endswith(self.lex.PLURAL_ENDINGS) and self.is_head([word], after_determiner=False))
            if not (is_det or _ACRONYM.match(word) or bare):
                continue
            prev = fold(tokens[i - 1].group(0)).rstrip("'’") if i else ""
            if prev in preps and not any_position:
                return None
            start = i + 1 if is_det else i
            return self._from(phrase, tokens, start, after_determiner=is_det, strict=strict)
        return None

    def _from(
        self, phrase: str, tokens: list, start: int, after_determiner: bool, strict: bool = False
    ) -> str | None:
        mods = self._words("ACTOR_MODIFIERS")
        while start < len(tokens) and fold(tokens[start].group(0)) in mods:
            start += 1
        if start >= len(tokens):
            return None
        words = [t.group(0) for t in tokens[start:]]
        if not self.is_head(words, after_determiner):
            return None
        end = self._np_end(tokens, start, strict)
        return _balanced(" ".join(phrase[tokens[start].start() : end].split()))

    def _np_end(self, tokens: list, start: int, strict: bool = False) -> int:
        """Where the noun phrase starting at token `start` ends: before a relative pronoun, a verb,
        an auxiliary, a preposition of time or "de" + infinitive, after at most 10 words. `strict` (when nothing bounds the
        phrase) also ends it at a lowercase word that reads as no adjective ("libère")."""
        rels, ent = self.relatives, self._words("ENT_WORDS")
        times = frozenset(w.lower() for w in self.lex.TIME_PREPOSITIONS)  # type: ignore[attr-defined]
        irregular = self._words("IRREGULAR_INFINITIVES")
        end, linked = tokens[start].end(), False
        window = tokens[start + 1 : start + 10]
        for i, tok in enumerate(window):
            low = fold(tok.group(0))
            nxt = fold(window[i + 1].group(0)) if i + 1 < len(window) else ""
            if tok.group(0).lower() in rels or tok.group(0).lower().rstrip("'’") in times or low in _VERBISH or _verb_ent(low, self.nouns | ent):
                break
            if low.rstrip("'’") in ("de", "d", "du", "des", "van") and (
                _INFINITIVE.match(nxt) or nxt in irregular
            ):
                break
            is_link = low.rstrip("'’") in (
                "de",
                "d",
                "du",
                "des",
                "van",
                "et",
                "en",
                "ou",
                "of",
                "un",
                "une",
                "een",
                "la",
                "l",
                "le",
                "les",
            )
            if strict and not (
                is_link
                or linked
                or not tok.group(0)[:1].islower()
                or _ADJECTIVE.search(tok.group(0).lower())
            ):
                break
            linked = is_link
            end = tok.end()
        return end

    # --- where the actor is -------------------------------------------------------------------

    def subject_before(
        self, sent: str, pos: int, previous: str | None, previous_sentence: str
    ) -> str | None:
        """The subject of the verb at `pos`: the noun phrase of the clause before it."""
        pieces = _pieces(sent[:pos])
        i = len(pieces) - 1
        while i >= 0:
            piece = self.strip_clitics(pieces[i])
            if not piece.strip():
                i -= 1
                continue
            if self._ends_relative(piece):
                return self.antecedent(
                    pieces[i][: pieces[i].lower().rfind("qui")] or " ".join(pieces[:i])
                )
            if self.is_insert(piece):
                i -= 1
                continue
            return self._subject_of(piece, pieces[:i], previous, previous_sentence)
        return None

    def _subject_of(
        self, piece: str, before: list[str], previous: str | None, previous_sentence: str
    ) -> str | None:
        piece = self._after_complementizer(piece)
        pronoun = self.pronoun(piece)
        if pronoun == "self":
            return piece.split()[-1].lower()
        if pronoun == "previous":
            return previous
        if pronoun == "last":
            return self.last_actor(previous_sentence, inserts=True)
        actor = self.noun_phrase(self._before_relative(piece))
        if actor is None:
            return None
        members = [actor]
        for prev in reversed(before):  # "Les prestataires, les organisations, ... sont invités"
            other = self.noun_phrase(prev) if not self.is_insert(prev) else None
            if other is None or not re.match(r"\s*\w", prev):
                break
            members.insert(0, other)
        return ", ".join(members)

    def actor_after(self, sent: str, pos: int) -> str | None:
        """The actor named right after `pos` ("par la Cellule interadministrative (CIA) à ...")."""
        tail = sent[pos : pos + 160]
        cut = _CUT.search(tail)
        tail = tail[: cut.start()] if cut else tail
        stops = "|".join(
            re.escape(w) for w in self.lex.INSERT_OPENERS if w not in ("de", "du", "des", "d")
        )
        tail = re.split(
            rf"\s(?:{stops})\s|\s(?:d['’]ici|au\s+plus\s+tard|pendant)\b",
            tail,
            maxsplit=1,
            flags=re.I,
        )[0]
        found = self.noun_phrase(tail, any_position=True, strict=True)
        if found is None and re.search(
            r"\b(?:aux?|du|des|à|aan)\s*$", sent[max(0, pos - 5) : pos], re.I
        ):
            tokens = list(
                _WORD.finditer(tail)
            )  # "aux organismes assureurs": the article is contracted
            found = (
                self._from(tail, tokens, 0, after_determiner=False, strict=True) if tokens else None
            )
        return found

    def last_actor(
        self, phrase: str, plural: bool | None = None, inserts: bool = False
    ) -> str | None:
        """The last actor named in `phrase` (outside inserts unless `inserts`), of the given number
        if known."""
        kept = [p for p in _pieces(phrase) if p.strip() and (inserts or not self.is_insert(p))]
        for piece in reversed(kept):
            tokens = list(_WORD.finditer(piece))
            for i in range(len(tokens) - 1, -1, -1):
                actor = self.noun_phrase(piece[tokens[i].start() :], any_position=True)
                if actor and (plural is None or _is_plural(actor) == plural):
                    return actor
        return None

    def antecedent(self, phrase: str) -> str | None:
        """The actor named by the last noun phrase of `phrase` (what "qui" stands for), or None."""
        tokens = list(_WORD.finditer(phrase))
        dets = self._words("DETERMINERS")
        for i in range(len(tokens) - 1, -1, -1):
            word = tokens[i].group(0)
            if fold(word).rstrip("'’") in dets or _ACRONYM.match(word):
                return self.noun_phrase(phrase[tokens[i].start() :], any_position=True)
        return None

    def first_actor(self, sent: str) -> str | None:
        """The subject of a sentence when it names an actor (for pronouns in the next sentence)."""
        kept = [p for p in _pieces(sent) if p.strip() and not self.is_insert(p)]
        return self.noun_phrase(self._before_relative(kept[0])) if kept else None

    def opens_with_subject(self, sent: str) -> bool:
        """Whether the sentence opens on a noun phrase (its subject), actor or not."""
        kept = [p for p in _pieces(sent) if p.strip() and not self.is_insert(p)]
        first = fold(kept[0].split()[0]).rstrip("'’") if kept and kept[0].split() else ""
        return first.split("'")[0].split("’")[0] in self._words("DETERMINERS")

    def main_clause_start(self, sent: str) -> int:
        """Offset after a leading subordinate clause ("Étant donné que ..., "), else 0."""
        m = re.match(rf"\s*(?:{self.lex.SUBORDINATE_OPENERS_RX})[^,]*,", sent, re.I)
        return m.end() if m else 0

    # --- small parts ----------------------------------------------------------------------------

    def strip_clitics(self, piece: str) -> str:
        prev = None
        while prev != piece:
            prev, piece = (
                piece,
                re.sub(
                    rf"(?:{self.lex.CLITICS_RX})|\s*\betc\.?\s*$", "", piece.rstrip(), flags=re.I
                ),
            )
        return piece

    def is_insert(self, piece: str) -> bool:
        first = fold(piece.strip().split(" ")[0]).rstrip("'’") if piece.strip() else ""
        first = re.split(r"['’]", first)[0]
        return first in self._words("INSERT_OPENERS") or bool(re.match(r"\s*(?:\(|«|etc\b)", piece))

    def pronoun(self, piece: str) -> str | None:
        low = fold(piece.strip())
        if any(low.endswith(fold(p)) for p in self.lex.LAST_NAMED_PRONOUNS):
            return "last"
        words = low.split()
        if words and words[-1] in ("nous", "wij"):
            return "self"
        if (
            words
            and words[-1] in self._words("SUBJECT_PRONOUNS")
            and not re.search(self.lex.IMPERSONAL_IL_RX, low)
        ):
            return "previous"
        return None

    def in_relative(self, sent: str, pos: int) -> bool:
        """Whether the verb at `pos` is in a relative clause ("une organisation qui souhaite")."""
        pieces = _pieces(sent[:pos])
        return bool(pieces) and self._ends_relative(self.strip_clitics(pieces[-1]))

    def _ends_relative(self, piece: str) -> bool:
        words = fold(piece).split()
        return bool(words) and words[-1] in ("qui", "die")

    def _before_relative(self, piece: str) -> str:
        rels = "|".join(sorted(self.relatives, key=len, reverse=True))
        return re.split(rf"\s(?:{rels})(?:\s|['’])", piece, maxsplit=1, flags=re.I)[0]

    def _after_complementizer(self, piece: str) -> str:
        parts = re.split(r"\bqu(?:e\s|['’])|\bdat\s", piece, flags=re.I)
        return parts[-1] if len(parts) > 1 and parts[-1].strip() else piece


def _pieces(text: str) -> list[str]:
    """Text cut at commas, semicolons and colons (parentheses stay inside their piece)."""
    return re.split(r"[,;:]", text)


def _singular(word: str) -> str:
    if word.endswith("aux"):
        return word[:-3] + "al"
    return word[:-1] if word.endswith(("s", "x")) else word


def _is_plural(actor: str) -> bool:
    head = actor.split()[0] if actor.split() else ""
    return head.lower().endswith(("s", "x")) and not _ACRONYM.match(head)


def _verb_ent(word: str, nouns: frozenset[str]) -> bool:
    """A third-person plural verb ("transmettent"), not a noun ending in -ent ("gouvernement")."""
    return (
        len(word) > 4 and word.endswith("ent") and not word.endswith("ment") and word not in nouns
    )


def _balanced(text: str) -> str:
    """Text without a trailing unmatched opening quote or bracket, or with its closing one."""
    text = text.strip(" ,;:'")
    for open_, close in (("«", "»"), ("(", ")")):
        if text.count(open_) > text.count(close):
            text = text.rstrip(open_ + " ")
            if text.count(open_) > text.count(close):
                text += " " + close if open_ == "«" else close
    if text.count('"') % 2:
        text = text[:-1].rstrip() if text.endswith('"') else text + '"'
    return text


@lru_cache(maxsize=64)
def _word_set(lex, name: str) -> frozenset[str]:
    """A word list of a lexicon module, folded (lower case, no accents)."""
    return frozenset(fold(w) for w in getattr(lex, name))


@lru_cache(maxsize=4)
def _compound_ends(lex) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A language's profession endings and the actor nouns that may head a compound, folded."""
    return tuple(fold(s) for s in lex.ACTOR_SUFFIXES), tuple(fold(n) for n in lex.ACTOR_NOUNS if len(n) >= 4)


def grammar_for(lang: str | None) -> Grammar:
    """The grammar of a document's language (French unless Dutch)."""
    return Grammar(nl if lang == "nl" else fr)
