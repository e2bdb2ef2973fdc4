"""What kind of value a question asks for (an amount, a percent, a date, a code), from its cues."""

from __future__ import annotations

import re

from ingest.text import fold
from search.lexicon_questions import COUNT_NOUNS, QUESTION_KINDS

_KIND_RX = {
    kind: re.compile(r"(?<!\w)(?:" + "|".join(c if c.endswith("?") else re.escape(c) for c in cues) + r")(?!\w)")
    for kind, cues in QUESTION_KINDS.items()
}
_COUNT_RX = re.compile(r"(?:combien|hoeveel|how many)\s+(?:de\s+|d'|d’)?(?:" + "|".join(COUNT_NOUNS) + ")")


def question_kind(question: str) -> str | None:
    """amount, percent, date or code when the question asks for such a value (earliest cue wins)."""
    q = fold(question)
    if _COUNT_RX.search(q):
        return None
    found = [(m.start(), kind) for kind, rx in _KIND_RX.items() if (m := rx.search(q))]
    return min(found)[1] if found else None
