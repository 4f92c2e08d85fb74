"""Event dates resolved against the publication time."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.dates import resolve_date

PUB = dt.datetime(2025, 9, 8, 10, 0)  # a Monday


@pytest.mark.parametrize("sentence,date,precision", [
    ("The attack on September 7 killed three.", dt.date(2025, 9, 7), "day"),
    ("The attack on 7 September killed three.", dt.date(2025, 9, 7), "day"),
    ("Troops entered the town on Sunday.", dt.date(2025, 9, 7), "day"),
    ("Troops entered the town on Monday.", dt.date(2025, 9, 8), "day"),
    ("Drones struck overnight.", dt.date(2025, 9, 8), "day"),
    ("Shelling resumed yesterday.", dt.date(2025, 9, 7), "day"),
    ("Shelling resumed last night.", dt.date(2025, 9, 7), "day"),
    ("The talks opened today.", dt.date(2025, 9, 8), "day"),
    ("The rebels seized the town last week.", dt.date(2025, 9, 1), "month"),
    ("The rebels seized the town last month.", dt.date(2025, 8, 1), "month"),
    ("The deal was signed in May.", dt.date(2025, 5, 1), "month"),
    ("The deal was signed in May 2019.", dt.date(2019, 5, 1), "month"),
    ("The war began on Feb. 24, 2022.", dt.date(2022, 2, 24), "day"),
    ("They met in 2016.", dt.date(2016, 1, 1), "year"),
])
def test_resolved(sentence, date, precision):
    d, p, cue = resolve_date(sentence, PUB)
    assert (d, p) == (date, precision) and cue


def test_date_without_year_goes_back_a_year_when_in_the_future():
    d, _, _ = resolve_date("The siege began on December 20.", dt.datetime(2025, 1, 5))
    assert d == dt.date(2024, 12, 20)


def test_future_weekday():
    d, _, _ = resolve_date("The leaders will meet on Thursday.", PUB)
    assert d == dt.date(2025, 9, 11)


def test_no_publication_date_no_day():
    assert resolve_date("The attack on September 7 killed three.", None)[:2] == (None, None)
    assert resolve_date("The attack on Sunday killed three.", None)[:2] == (None, None)
    assert resolve_date("The war began on Feb. 24, 2022.", None)[:2] == (dt.date(2022, 2, 24), "day")


def test_no_cue_no_date():
    assert resolve_date("Rebels attacked the convoy.", PUB) == (None, None, None)


def test_cue_nearest_the_trigger_wins():
    s = "The comments this week follow the invasion on Feb. 24."
    d, _, _ = resolve_date(s, PUB, s.index("invasion"))
    assert d == dt.date(2025, 2, 24)
