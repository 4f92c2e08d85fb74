"""Shared text utilities for the extractors: the article document and its sentences.

Sentence splitting is a single compiled regex pass plus an abbreviation check, so every
extractor sees the same sentence boundaries and `sentence_index` agrees across tables.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field

# Boundary: a newline, or terminal punctuation with optional closing quotes/brackets followed
# by space and a sentence start (optional opening quotes/brackets, then a capital or digit).
# The pattern begins with one character class so `re` jumps between candidate characters in C
# instead of trying the whole pattern at every position (2.5x faster scan); `(?<=\n)` ends the
# match at a newline. Checking the next sentence's start in the lookahead, not with a second
# match per candidate, finds the same boundaries: no shorter match is followed by a space.
_BOUNDARY = re.compile(r"""[.!?…\n](?:(?<=\n)|[.!?…]*["'”’»)\]]*(?=\s+["'“‘«(\[]*[A-Z0-9]))""")
_NON_SPACE = re.compile(r"\S")

# Words after which a period does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen lt col sgt capt cmdr adm maj sen rep gov pres rev gov't
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc ltd co corp jr sr
    mt ft approx est dept univ fig al e.g i.e u.s u.k u.n u.s.a a.m p.m""".split()
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of `text`, leading/trailing space trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        dot = m.start()
        # 7 letters before the period: too long for an abbreviation and not initials
        if (text[dot] == "." and not (dot >= 7 and text[dot - 7:dot].isalpha())
                and _is_abbreviation(_word_before(text, dot, start))):
            continue
        end = m.end()
        _push(text, start, end, spans)
        start = end
    _push(text, start, len(text), spans)
    return spans


def _word_before(text: str, dot: int, floor: int) -> str:
    """The letters-and-dots word ending at the period at `dot` (scans back only over that word)."""
    j = dot
    while j > floor and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    return text[j:dot]


def _is_abbreviation(word: str) -> bool:
    if not word:
        return False
    low = word.lower().rstrip(".")
    if low in ABBREVIATIONS:
        return True
    # initials such as "J." or "U.S." (but not a capitalised word like "Kyiv.")
    return len(low) == 1 or ("." in low and all(len(p) <= 2 for p in low.split(".")))


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append text[start:end] without its leading and trailing space, unless that leaves nothing."""
    # most sentences start right at `start` or after the one space that follows a boundary: no regex
    if start < end and not text[start].isspace():
        first = start
    elif start + 1 < end and not text[start + 1].isspace():
        first = start + 1
    else:
        m = _NON_SPACE.search(text, start, end)
        if m is None:
            return
        first = m.start()
    while text[end - 1].isspace():  # stops at `first` at the latest
        end -= 1
    spans.append((first, end))


@dataclass(slots=True)
class Doc:
    """One article as the extractors see it: text, sentence spans and the dating anchor."""

    text: str
    published_at: dt.datetime | None = None
    title: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list, repr=False)  # for bisecting offsets

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = split_sentences(self.text)
        self.sentence_starts = [s for s, _ in self.sentences]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding character `offset` (the previous one when between)."""
        i = bisect_right(self.sentence_starts, offset) - 1
        return i if i > 0 else 0

    def sentence_text(self, index: int) -> str:
        s, e = self.sentences[index]
        return self.text[s:e]


def trie_pattern(words, space: str = r"[\s-]+") -> str:
    """A regex matching any of `words`, nested by letter as a trie (longer words tried first;
    a space in a word matches `space`). A flat alternation of hundreds of words is tried one
    word at a time; the trie is tried one letter at a time."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie, space)


def _trie_regex(node: dict, space: str) -> str:
    branches = []
    for ch in sorted((c for c in node if c), key=lambda c: -_depth(node[c])):
        piece = space if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch], space))
    if "" in node:
        branches.append("")  # the word may end here; longer words were tried first
    if not branches:
        return ""
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _depth(node: dict) -> int:
    return 1 + max((_depth(n) for n in node.values()), default=0)
