"""The number grammar: every written form of a number reads to its value."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.numbers import number_starts, read_number


def first_number(text: str):
    for m in number_starts(text):
        num = read_number(text, m)
        if num is not None:
            return text[num.start:num.end], num.value, num.vague
    return None


@pytest.mark.parametrize(
    ("text", "surface", "value", "vague"),
    [
        ("69", "69", 69, False),
        ("1,500", "1,500", 1500, False),
        ("12.75", "12.75", 12.75, False),
        ("473 400", "473 400", 473400, False),
        ("2.5 million", "2.5 million", 2.5e6, False),
        ("$1.5bn", "1.5bn", 1.5e9, False),
        ("€300m", "300m", 3e8, False),
        ("£30k", "30k", 30000, False),
        ("three", "three", 3, False),
        ("Three", "Three", 3, False),
        ("twenty-five", "twenty-five", 25, False),
        ("ninety nine", "ninety nine", 99, False),
        ("three hundred and twenty", "three hundred and twenty", 320, False),
        ("two million", "two million", 2e6, False),
        ("a dozen", "a dozen", 12, False),
        ("a hundred", "a hundred", 100, False),
        ("dozens", "dozens", 12, True),
        ("hundreds of", "hundreds", 100, True),
        ("thousands", "thousands", 1000, True),
        ("tens of thousands", "tens of thousands", 10000, True),
        ("hundreds of thousands", "hundreds of thousands", 100000, True),
        ("several", "several", 3, True),
        ("several hundred", "several hundred", 300, True),
        ("three-and-a-half-year", "three-and-a-half", 3.5, False),
        ("two and a half million", "two and a half million", 2.5e6, False),
        ("2 and a half", "2 and a half", 2.5, False),
        ("half", "half", 0.5, False),
        ("half a million", "half a million", 5e5, False),
        ("a third", "a third", 1 / 3, False),
        ("a quarter", "a quarter", 0.25, False),
        ("two-thirds", "two-thirds", 2 / 3, False),
        ("three quarters", "three quarters", 0.75, False),
    ],
)
def test_number_forms(text, surface, value, vague):
    got = first_number(text)
    assert got is not None
    assert got[0] == surface
    assert got[1] == pytest.approx(value)
    assert got[2] is vague


@pytest.mark.parametrize("text", ["G7", "Su-25", "COVID-19", "the first", "second", "a week", "tens"])
def test_not_numbers(text):
    assert first_number(text) is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-–abcdefhilmnorstuvwxyz$€£%"
                                             "ONE TWO three hundred thousand million dozen half and a of")),
               max_size=80))
def test_reading_never_crashes_and_stays_in_bounds(text):
    for m in number_starts(text):
        num = read_number(text, m)
        if num is not None:
            assert 0 <= num.start < num.end <= len(text)
            assert num.value == num.value  # not NaN


def test_space_chars_are_all_of_backslash_s():
    """The number scan's twin spells out `\\s`; it must hold every character `\\s` matches."""
    import re
    import sys

    from pipeline.extract.numbers import SPACE_CHARS

    assert set(SPACE_CHARS) == {chr(c) for c in range(sys.maxunicode + 1) if re.match(r"\s", chr(c))}
