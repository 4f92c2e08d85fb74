"""The cheap first tests in front of the figure regexes are necessary conditions: wherever a
regex matches, its test lets it through (checked on made-up strings built from the words and
characters the regexes look for, and on the corpora). Also: the Latin-1 lower-casing used for
the scans gives the same figures as str.lower()."""
import json
import random
import re
from pathlib import Path

import pytest

from pipeline.extract import figure_lexicon as lex
from pipeline.extract import figures as F
from pipeline.extract import numbers as N
from pipeline.extract.text import Doc
from pipeline.extract.units import UNIT_AFTER, UNIT_FIRST_CHARS, UNIT_UPPER_AFTER

_PIECES = (" ", "  ", "\u00a0", "\t", "\n", "-", "–", "+", ",", ".", "(", ")", "'", "%", "°", "µ", "μ", "K", "ſ",
           "ı", "İ", "5", "12", "a", "A", "an", "and", "or", "to", "of", "odd", "more", "plus", "half", "third",
           "hundred", "Million", "bn", "m", "k", "b", "tn", "pm", "a.m.", "GMT", "h", "hrs", "AD", "B.C.", "Downing",
           "Street", "st", "th", "May", "June", "higher", "Down", "up", "km", "per cent", "years", "MW", "kWh",
           "two", "Twenty", "dozen", "people", "x")


def _strings(n: int = 4000, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 7))) for _ in range(n)]


def _corpus_texts(limit: int = 300) -> list[str]:
    path = Path("/work/shared/corpora/bbc_news_2225.jsonl")
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line, _ in zip(f, range(limit)) if line.strip()]


def _cases():
    yield from ((s, 0) for s in _strings())
    for t in _corpus_texts():
        for m in re.finditer(r"\d", t):  # right after digits, where the regexes run
            yield t, m.end()


def _follow(text, pos):
    c0 = text[pos:pos + 1]
    return c0, (text[pos + 1:pos + 2] if c0 in F._SPACES else "")


_FIGURE_GATES = [  # (regex, first, after one space)
    (lex.RANGE_JOIN, F._RANGE_FIRST, F._RANGE_SPACE),
    (lex.QUALIFIER_RIGHT, F._QUALIFIER_RIGHT_FIRST, F._QUALIFIER_RIGHT_SPACE),
    (UNIT_UPPER_AFTER, frozenset(), F._UPPER_UNIT_SPACE),
    (lex.HIGHER_LOWER_AFTER, frozenset(), F._HIGHER_LOWER_SPACE),
    (F._NOT_AFTER, F._NOT_AFTER_FIRST, F._NOT_AFTER_SPACE),
    (F._NOT_AFTER_SCALED, F._NOT_AFTER_SCALED_FIRST, F._NOT_AFTER_SCALED_SPACE),
    (lex.MONTH_AFTER, F._MONTH_FIRST, F._MONTH_SPACE),
    (UNIT_AFTER, UNIT_FIRST_CHARS, frozenset()),
    (F._OBJECT_WORDS, F._SPACES, frozenset()),
]


@pytest.mark.parametrize("rx,first,space", _FIGURE_GATES, ids=lambda x: getattr(x, "pattern", "")[:30])
def test_figure_gates_are_necessary(rx, first, space):
    for text, pos in _cases():
        m = rx.match(text, pos)
        if m and (rx is not F._OBJECT_WORDS or m.group(1) is not None):
            c0, c1 = _follow(text, pos)
            assert c0 in first or c1 in space, (rx.pattern[:40], text[pos:pos + 20])


@pytest.mark.parametrize("rx,firsts", [(N._FRACTION_TAIL, N._A_CHARS), (N._FRACTION_AFTER, N._FRACTION_FIRST),
                                        (N._WORD_TOKEN, N._TOKEN_FIRST)])
def test_word_gates_are_necessary(rx, firsts):
    for text, pos in _cases():
        if rx.match(text, pos):
            assert N._word_may_follow(text, pos, firsts), text[pos:pos + 20]


def test_scale_gate_is_necessary():
    for text, pos in _cases():
        if N._SCALE_AFTER.match(text, pos):
            assert N._scale_may_follow(text, pos), text[pos:pos + 20]


def test_ignorecase_chars():
    assert N.ignorecase_chars("k") == frozenset("kK\u212a")
    assert N.ignorecase_chars("s") == frozenset("sS\u017f")
    assert frozenset("µΜμ") <= N.ignorecase_chars("µ")


@pytest.mark.parametrize("text", [
    "ÀLVARO said 25 soldiers were killed in ÉCIJA; Ó 3 ÖRE and TWO Ümlauts (£5m).",
    "Über 1,200 people fled. ÉTÉ: about 40 DRONES were shot down, the army said.",
    "Zoë, 34, told reporters that ÅSA had lost 12% of £2.5bn since 1998.",
])
def test_latin1_lowering_gives_the_same_figures(text, monkeypatch):
    assert not text.isascii() and max(map(ord, text)) < 256
    fast = F.extract_figures(Doc(text))
    monkeypatch.setattr(F, "_lowered", str.lower)
    assert F.extract_figures(Doc(text)) == fast
    assert fast  # (the sentences hold figures)
