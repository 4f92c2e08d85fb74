"""The quote extractor's fast scans find exactly what the plain regexes they replace find."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import speakers
from pipeline.extract.quote_marks import _MARKS, _mark_positions

# letters, digits, the marks themselves and several kinds of white space
_ALPHABET = "ab Z9_'\"‘’“”«»„‟\n\t\xa0\u2009.,-(]"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_mark_positions_are_the_marks_regex(text):
    assert _mark_positions(text) == [m.start() for m in _MARKS.finditer(text)]


def test_mark_positions_without_curly_marks():
    text = "He said \"it's 'fine'\" and left.\n'Yes' - it's done"
    assert _mark_positions(text) == [m.start() for m in _MARKS.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60), st.data())
def test_tokens_are_the_token_regex(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    starts, infos = speakers._tokens(text, lo, hi)
    want = [(m.start(), m.group()) for m in speakers._TOK.finditer(text, lo, hi)]
    assert list(zip(starts, (i.t for i in infos))) == want


def test_tokens_with_runs_of_white_space():
    text = "Mr.  Smith,\t the\xa0minister\u2009(Ukraine)  said"
    starts, infos = speakers._tokens(text, 0, len(text))
    assert list(zip(starts, (i.t for i in infos))) == [(m.start(), m.group()) for m in speakers._TOK.finditer(text)]
