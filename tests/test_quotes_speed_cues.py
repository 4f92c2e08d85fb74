"""The cue scan on a copy with lead characters turned into spaces finds exactly what the plain
lead-class regex finds; the per-mark scans find what `_MARKS` finds (own sentences only)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import quotes
from pipeline.extract.quote_marks import _MARKS, _mark_positions
from pipeline.extract.speaker_lexicon import CUE_PATTERN

# the scan the copy replaces: a lead character, then a cue form
_PLAIN_CUE = re.compile(r"[ \n\t\xa0\"'“‘(\[—–\-/.,;:](" + CUE_PATTERN + r")\b")


def _plain(text: str) -> list[tuple[int, int, str]]:
    """`_find_cues` as it was before the copy (the same noun filter)."""
    out = []
    for m in _PLAIN_CUE.finditer(text):
        s, e = m.span(1)
        if s >= 2 and text[s - 1].isspace() and (
                text[s - 2] in quotes._NOUN_BEFORE_HINT or text[s - 2].isspace()) and (
                quotes._NOUN_BEFORE.search(text, max(0, s - 7), s) is not None):
            continue
        out.append((s, e, m.group(1)))
    m = quotes._CUE_AT0.match(text)
    if m is not None:
        out.insert(0, (0, m.end(), m.group()))
    return out


def _scanned(text: str) -> list[tuple[int, int, str]]:
    return [(c.s, c.e, c.w) for c in quotes._find_cues(text)]


_WORDS = ["said", "the said", "a reply", "replied", "says", "told", "according", "According", "to", "acknowledged", "the", "x",
          "saidx", "_said", "é", "1"]
_GLUE = list(" \n\t\xa0\"'“‘([—–-/.,;:!?)_") + ["", "  "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GLUE), st.sampled_from(_WORDS)), max_size=14))
def test_cue_scan_is_the_plain_regex(parts):
    text = "".join(g + w for g, w in parts)
    assert _scanned(text) == _plain(text)


def test_cue_scan_on_written_examples():
    for text in ["said the mayor", "“Go,” she said—and left.", "according-to plan", "according\nto",
                 "(according to the mayor)", "It was well-said, he told\xa0me: “fine”.",
                 "They acknowledged/said it.", "According to\xa0her, according  to him"]:
        assert _scanned(text) == _plain(text), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab Z9_'\"‘’“”«»„‟\n\t\xa0.,-(]", max_size=60))
def test_mark_scans_are_the_marks_regex(text):
    assert _mark_positions(text) == [m.start() for m in _MARKS.finditer(text)]
