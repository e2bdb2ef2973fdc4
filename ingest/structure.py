"""The section tree, built from numbering ("5.2.3.1.", "N.", "A."), articles ("Art. 3.",
"Artikel 5.") and explicit headings.

A numbered line opens a section only when its number follows plausibly from
the numbers seen so far (a first child, or a next sibling of an open section),
so amounts such as "3.000 milliers" or stray page numbers never open one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.draft import HeadingHint
from ingest.lexicon import LETTERHEAD_LINES
from ingest.models import Section, Span
from ingest.text import fold

_NUMBERED = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?[ \t]*"
    r"(?P<num>(?:\d{1,2}\.)+\d{1,2}\.?|\d{1,2}\.|[A-Z]\.)"
    r"(?:\*\*)?[ \t]+(?P<rest>\S[^\n]*)$",
    re.M,
)
# An article of a law, decree or convention: "Article 1er.", "Art. 2.", "Artikel 5. Toetreding".
_ARTICLE = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?[ \t]*(?P<num>(?:Article|Artikel|Art\.)[ \t]*(?P<n>\d{1,3})"
    r"(?:er|ste|e)?(?:bis|ter|quater)?)\.?(?:\*\*)?(?P<rest>[ \t][^\n]*)?$",
    re.M,
)
# A chapter line whose ordinal is written "Ier" / "1ste": "CHAPITRE Ier. - CHAMP D'APPLICATION".
_ORDINAL = re.compile(r"\b([IVXLC]+|\d+)(?:er|ère|ste|de|e)\b")
_CAPS_LINE = re.compile(r"^[ \t]*([A-ZÀ-ÖØ-Þ0-9][A-ZÀ-ÖØ-Þ0-9 '’\-–:,.()/&]{6,})[ \t]*$", re.M)
MAX_HEADING = 120


@dataclass
class _Node:
    key: tuple  # ("a", (5, 2, 3)) for arabic, ("L", "N") for a letter, ("h", level) unnumbered
    number: str | None
    label: str
    heading: str
    start: int
    level: int
    parent: int | None
    children: list[int] = field(default_factory=list)


@dataclass
class _Candidate:
    start: int
    line_end: int
    key: tuple
    heading: str
    md_level: int | None
    number: str | None = None  # as written, for an article ("Art. 3")


def _heading_text(rest: str) -> str:
    rest = re.sub(r"<[^>]+>|\*\*|#+\s*$", "", rest).strip()
    if len(rest) <= MAX_HEADING:
        return rest
    cut = rest[:MAX_HEADING].rsplit(" ", 1)[0]
    return cut + " …"


def _numbered_candidates(text: str, hints: dict[int, HeadingHint]) -> list[_Candidate]:
    out = []
    for m in _NUMBERED.finditer(text):
        num = m.group("num").rstrip(".")
        rest = m.group("rest")
        hint = hints.get(m.start())
        if num.isalpha():
            if not (rest[:1].isupper() and (hint or len(rest) <= 80)):
                continue
            key = ("L", num)
        else:
            comps = tuple(int(c) for c in num.split("."))
            dotted = m.group("num").endswith(".")
            if any(c == 0 for c in comps) or (not (dotted and len(comps) > 1) and not rest[:1].isupper()):
                continue
            if not (rest[:1].isalpha() or rest[:1] in "«(\"'"):
                continue
            key = ("a", comps)
        out.append(_Candidate(m.start(), m.end(), key, _heading_text(rest), hint.level if hint else None))
    return out


def _article_candidates(text: str) -> list[_Candidate]:
    """Article lines; the words after the number are the heading when they read as one ("Art. 3.
    Conclusion et durée du contrat"), else the article's text starts on its line ("Art. 2. Pour
    l'application ..., on entend par :") and the heading is empty."""
    out = []
    for m in _ARTICLE.finditer(text):
        rest = re.sub(r"\*\*", "", m.group("rest") or "").strip()
        heading = rest if rest and len(rest) <= 100 and rest[:1].isupper() and rest[-1] not in ".:;" else ""
        out.append(_Candidate(m.start(), m.end(), ("art", int(m.group("n"))), heading, None,
                              m.group("num").strip()))
    return out


def _caps_candidates(text: str) -> list[_Candidate]:
    out = []
    for m in re.finditer(r"^[^\n]+$", text, re.M):
        line = m.group(0).strip()
        letters = [c for c in _ORDINAL.sub(r"\1", line) if c.isalpha()]
        if len(letters) < 8 or len(line.split()) < 2 or not all(c.isupper() for c in letters):
            continue
        if not _CAPS_LINE.match(_ORDINAL.sub(r"\1", m.group(0))) or fold(line).startswith(LETTERHEAD_LINES):
            continue  # a letterhead line ("SERVICE PUBLIC FÉDÉRAL ...") heads no section
        out.append(_Candidate(m.start(), m.end(), ("h", 1), line, 1))
    return out


def _hint_candidates(hints: list[HeadingHint], taken: set[int]) -> list[_Candidate]:
    return [
        _Candidate(h.start, h.end, ("h", h.level), _heading_text(h.text), h.level)
        for h in hints
        if h.start not in taken and h.text and h.level <= 6
    ]


def _outside(pos: int, spans: list[Span]) -> bool:
    return not any(s.start <= pos < s.end for s in spans)


class _Tree:
    """Open-section stack; decides where each candidate heading belongs."""

    def __init__(self, text_len: int) -> None:
        self.nodes: list[_Node] = []
        self.ends: dict[int, int] = {}
        self.stack: list[int] = []
        self.text_len = text_len

    def _pop_to(self, depth: int, pos: int) -> None:
        while len(self.stack) > depth:
            self.ends[self.stack.pop()] = pos

    def _push(self, cand: _Candidate, number: str | None, label_num: str | None) -> None:
        parent = self.stack[-1] if self.stack else None
        label = " ".join(p for p in (label_num, cand.heading) if p)
        node = _Node(cand.key, number, label, cand.heading, cand.start, len(self.stack) + 1, parent)
        self.nodes.append(node)
        if parent is not None:
            self.nodes[parent].children.append(len(self.nodes) - 1)
        self.stack.append(len(self.nodes) - 1)

    def _numbered_prefix(self) -> str | None:
        for idx in reversed(self.stack):
            if self.nodes[idx].number:
                return self.nodes[idx].number
        return None

    def add_arabic(self, cand: _Candidate) -> bool:
        t = cand.key[1]
        for depth in range(len(self.stack) - 1, -1, -1):
            node = self.nodes[self.stack[depth]]
            kind, val = node.key
            if kind == "a" and t[:-1] == val and 1 <= t[-1] <= 2 and not self._has_numbered_child(node):
                return self._place(cand, depth + 1)
            if kind == "a" and len(t) == len(val) and t[:-1] == val[:-1] and 1 <= t[-1] - val[-1] <= 3:
                return self._place(cand, depth)
            if kind == "L" and t == (1,) and not self._has_numbered_child(node):
                return self._place(cand, depth + 1)
        if any(self.nodes[i].key[0] == "a" for i in self.stack) or self._seen_arabic():
            return False
        if t[-1] > 3 and cand.md_level is None and len(cand.heading) > 80:
            return False
        return self._place(cand, self._depth_below_headings(cand.md_level))

    def _has_numbered_child(self, node: _Node) -> bool:
        return any(self.nodes[c].key[0] != "h" for c in node.children)

    def _seen_arabic(self) -> bool:
        return any(n.key[0] == "a" and len(n.key[1]) == 1 for n in self.nodes)

    def add_letter(self, cand: _Candidate) -> bool:
        x = cand.key[1]
        for depth in range(len(self.stack) - 1, -1, -1):
            node = self.nodes[self.stack[depth]]
            if node.key[0] == "L" and 1 <= ord(x) - ord(node.key[1]) <= 3:
                return self._place(cand, depth)
        if x == "A" and self.stack:
            return self._place(cand, len(self.stack))
        if any(self.nodes[i].key[0] == "L" for i in self.stack):
            return False
        if cand.md_level is None and x != "A":
            return False
        return self._place(cand, self._depth_below_headings(cand.md_level))

    def add_article(self, cand: _Candidate) -> bool:
        """An article follows the one before it (1 to 3 on) or is the first one; it sits below the
        chapter headings and ends any numbered section."""
        n = cand.key[1]
        last = [node.key[1] for node in self.nodes if node.key[0] == "art"]
        if (last and not 1 <= n - last[-1] <= 3) or (not last and n > 3):
            return False
        depth = self._depth_below_headings(6)
        self._pop_to(depth, cand.start)
        self._push(cand, cand.number, cand.number)
        return True

    def add_heading(self, cand: _Candidate) -> bool:
        level = cand.md_level or 1
        if level >= 6:  # bold line: a sub-heading of the current section
            depth = len(self.stack)
            while depth and self.nodes[self.stack[depth - 1]].key == ("h", 6):
                depth -= 1
            return self._place(cand, depth)
        return self._place(cand, self._depth_below_headings(level))

    def _depth_below_headings(self, level: int | None) -> int:
        depth = 0
        for i, idx in enumerate(self.stack):
            kind, val = self.nodes[idx].key
            if kind == "h" and level is not None and val < level:
                depth = i + 1
            else:
                break
        return depth

    def _place(self, cand: _Candidate, depth: int) -> bool:
        self._pop_to(depth, cand.start)
        kind, val = cand.key
        if kind == "h":
            self._push(cand, None, None)
            return True
        prefix = self._numbered_prefix()
        local = ".".join(str(c) for c in val) if kind == "a" else val
        if kind == "a" and prefix and self.nodes[self.stack[-1]].key[0] == "a":
            number = local
        else:
            number = f"{prefix}.{local}" if prefix else local
        self._push(cand, number, number)
        return True

    def finish(self) -> None:
        self._pop_to(0, self.text_len)


def build_sections(
    text: str,
    hints: list[HeadingHint] | None = None,
    skip: list[Span] | None = None,
    title: str | None = None,
) -> list[Section]:
    """Build the section tree of `text`; `skip` spans (page chrome) never hold headings."""
    hints = hints or []
    skip = skip or []
    by_start = {h.start: h for h in hints}
    cands = _numbered_candidates(text, by_start) + _article_candidates(text)
    taken = {c.start for c in cands}
    cands += _hint_candidates(hints, taken)
    taken |= {c.start for c in cands}
    cands += [c for c in _caps_candidates(text) if c.start not in taken and not _is_title(c, text, title)]
    cands = sorted((c for c in cands if _outside(c.start, skip)), key=lambda c: c.start)
    tree = _Tree(len(text))
    for cand in cands:
        kind = cand.key[0]
        if kind == "a":
            tree.add_arabic(cand)
        elif kind == "L":
            tree.add_letter(cand)
        elif kind == "art":
            tree.add_article(cand)
        else:
            tree.add_heading(cand)
    tree.finish()
    return _clip_to_chrome(_to_sections(tree, text), skip, text)


def _clip_to_chrome(sections: list[Section], skip: list[Span], text: str) -> list[Section]:
    """End each section where trailing page chrome (comments, teasers) begins."""
    for sec in sections:
        for span in skip:
            if sec.start < span.start < sec.end <= span.end:
                sec.end = _trim_end(text, sec.start, span.start)
    return sections


def _is_title(cand: _Candidate, text: str, title: str | None) -> bool:
    """An all-caps line at the very top is the document's title, not a section."""
    if title and cand.heading.strip().lower() == title.strip().lower() and cand.start < 400:
        return True
    return cand.key == ("h", 1) and not text[: cand.start].strip()


def _to_sections(tree: _Tree, text: str) -> list[Section]:
    sections: list[Section] = []
    for i, node in enumerate(tree.nodes):
        chain, j = [], i
        while j is not None:
            chain.append(tree.nodes[j].label)
            j = tree.nodes[j].parent
        end = tree.ends.get(i, len(text))
        sections.append(
            Section(
                id=i,
                parent=node.parent,
                number=node.number,
                heading=node.heading,
                level=node.level,
                path=" > ".join(reversed(chain)),
                start=node.start + _lead_ws(text, node.start),
                end=_trim_end(text, node.start, end),
            )
        )
    return sections


def _lead_ws(text: str, pos: int) -> int:
    n = 0
    while pos + n < len(text) and text[pos + n] in " \t":
        n += 1
    return n


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
