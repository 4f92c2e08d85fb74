"""Pair quotation marks into quoted spans, tolerating the marks real news gets wrong.

One regex pass finds every candidate mark; a small state machine pairs them per paragraph:
- double marks (straight, curly, «», „) open and close; a straight mark's role comes from
  its neighbours, so `"...”` and `“..."` still pair;
- one nested quote of the other family is allowed inside an open quote;
- a quote still open at the end of a paragraph runs to the paragraph end (the news
  convention where the next paragraph reopens it), and a stray closing mark after such a
  paragraph closes a quote that started at its own paragraph start;
- single quotes ('…', ‘…’) count only outside double quotes, on one line, and only when
  the marks sit where quotation marks sit (not apostrophes inside words).
A mismatch never stops the scan: the state resets at every paragraph.
"""
from __future__ import annotations

from dataclasses import dataclass

import re

# every candidate mark (stdlib re skips to them fast), but not an apostrophe between two letters
# or digits ("it's", the commonest mark); whether a single mark can open or close is checked on
# its neighbours in the loop
_MARKS = re.compile(r"""["“”«»„‟\n'‘’](?!(?<=[^\W_]['‘’])[^\W_])""")
# the same marks as one pattern per mark, each led by a literal, which the engine finds an order
# of magnitude faster than a class: only the kinds in the text are scanned, merged by position
# (a single mark keeps `_MARKS`'s test: no apostrophe between two word characters)
_MARK_SCANS = tuple(
    (c, re.compile(re.escape(c) + (r"(?!(?<=[^\W_]" + c + r")[^\W_])" if c in "'‘’" else "")))
    for c in "\"“”«»„‟\n'‘’")
_SINGLE_OPEN_AFTER = "([—–"   # besides whitespace and the text start
_SINGLE_CLOSE_BEFORE = ".,!?;:"  # besides word characters
_SINGLE_CLOSE_NEXT = ".,;:!?)]—–"  # besides whitespace and the text end
_OPENERS = "“«„‟"
_CLOSERS = "”»"
MAX_SINGLE = 300  # a single-quoted span longer than this is apostrophes, not a quote


@dataclass(slots=True)
class Quoted:
    """A quoted span: marks at [open_at, close_end), content at [start, end)."""

    open_at: int
    start: int
    end: int
    close_end: int
    closed: bool
    single: bool


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _single_mark(text: str, i: int, ch: str, n: int) -> bool:
    """Can the single mark at i open ('word) or close (word') a quote, not sit inside a word?"""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < n else ""
    if ch != "’" and (not prev or prev.isspace() or prev in _SINGLE_OPEN_AFTER) and nxt.isalpha():
        return True
    return ch != "‘" and bool(prev) and (prev.isalnum() or prev == "_" or prev in _SINGLE_CLOSE_BEFORE) and (
        not nxt or nxt.isspace() or nxt in _SINGLE_CLOSE_NEXT)


def _closers_left(text: str, i: int, opener: str) -> int:
    """How many closing marks of the opener's kind are left in the paragraph after i (looking
    a bounded distance ahead, so that many nested marks stay linear)."""
    hi = min(len(text), i + 2000)
    pe = text.find("\n", i, hi)
    return text.count("”" if opener == "“" else "»", i, hi if pe < 0 else pe)


def _mark_positions(text: str) -> list[int]:
    """Where `_MARKS` matches, in order."""
    found = [m.start() for c, pattern in _MARK_SCANS if c in text for m in pattern.finditer(text)]
    found.sort()
    return found


def find_quoted(text: str) -> list[Quoted]:
    out: list[Quoted] = []
    open_at = -1          # index of the open double mark, -1 when outside
    open_straight = False
    nested = -1           # index of an open nested mark inside the open quote
    single_at = -1        # index of an open single mark (outside double quotes only)
    para_start = 0
    prev_para_unclosed = False
    this_para_unclosed = False
    n = len(text)

    def emit(o: int, s: int, e: int, ce: int, closed: bool, single: bool) -> None:
        s, e = _trim(text, s, e)
        if e > s:
            out.append(Quoted(o, s, e, ce, closed, single))

    for i in _mark_positions(text):
        ch = text[i]
        if ch == "\n":
            if i == para_start:
                # a blank line (or the text's first character): the newline before reset
                # everything, and an empty paragraph changes no flag
                para_start = i + 1
                continue
            if open_at >= 0:
                emit(open_at, open_at + 1, i, i, False, False)
                this_para_unclosed = True
            open_at, nested, single_at = -1, -1, -1
            # (with both flags down a blank or non-blank paragraph leaves them down: no test)
            if (prev_para_unclosed or this_para_unclosed) and text[para_start:i].strip():
                prev_para_unclosed, this_para_unclosed = this_para_unclosed, False
            para_start = i + 1
            continue
        if ch in "'‘’":
            if open_at >= 0 or 0 < i < n - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
                continue  # inside a double quote, or an apostrophe inside a word ("it's")
            if not _single_mark(text, i, ch, n):
                continue
            if ch == "‘" or (ch == "'" and (i + 1 < n and text[i + 1].isalpha()) and
                             (i == 0 or not text[i - 1].isalnum())):
                if single_at < 0:
                    single_at = i
                continue
            if single_at >= 0:
                if i - single_at <= MAX_SINGLE:
                    emit(single_at, single_at + 1, i, i + 1, True, True)
                single_at = -1
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch == '"':
            # a straight mark's role comes from its neighbours: text after it opens (outside a
            # quote), space or punctuation after it closes; inside, only space-before-text-after opens
            if open_at < 0:
                opens = not nxt.isspace() and nxt not in ".,;:!?)]"
            else:
                opens = (prev.isspace() or prev in "([—–") and not nxt.isspace() and nxt not in ".,;:!?)]"
            closes = not opens
        else:
            opens = ch in _OPENERS
            closes = ch in _CLOSERS
        if open_at < 0:
            single_at = -1
            if closes and ch != '"' and i == para_start and not nxt.isspace():
                opens = True  # a paragraph opened with the wrong mark: ”Text ...
            if opens:
                open_at, open_straight, nested = i, ch == '"', -1
            elif closes and prev_para_unclosed and i > para_start:
                # the closing mark of a quote reopened without a mark at this paragraph's start
                emit(para_start, para_start, i, i + 1, True, False)
                prev_para_unclosed = False
            continue
        # inside an open quote
        if nested >= 0:
            if closes or (ch == '"' and text[nested] == '"'):
                nested = -1
            continue
        same_family = (ch == '"') == open_straight
        if closes and (same_family or ch in _CLOSERS or ch == '"'):
            emit(open_at, open_at + 1, i, i + 1, True, False)
            open_at = -1
        elif opens and not same_family:
            nested = i
        elif opens and ch in "“«" and _closers_left(text, i, ch) >= 2:
            nested = i  # “... what he calls “hell” than ...”: a nested quote with the same marks
        elif opens:
            # an opener of the same family while open: the earlier quote was never closed
            emit(open_at, open_at + 1, i, i, False, False)
            open_at = i
    if open_at >= 0:
        emit(open_at, open_at + 1, n, n, False, False)
    return out
