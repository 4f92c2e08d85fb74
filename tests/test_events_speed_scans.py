"""The fast scans of the events extractor find exactly what the plain regexes they stand for find.

Each fast path tries an exact regex only where a cheaper scan (over bytes, or led by a literal) says
it may match; these tests compare them with the plain regexes on sentences written for the purpose
and on random mixes of the tricky pieces (non-ASCII letters and digits, odd spaces, case foldings).
"""
from __future__ import annotations

import random
import re

from pipeline.extract import actors, dates, places
from pipeline.extract import event_lexicon as lx
from pipeline.extract.events import _ARMED_AT, _DEMONYM_RE, _POLITICAL_AT, _demonyms, _search

SENTENCES = [
    "Foreign Minister Anna-Maria Kowalczyk met President [Jan] Novák in Warsaw on Monday.",
    "The U.S. and the UK, with the USA's allies and the UAE, backed the DRC; USAID and DRCs did not.",
    "South African and North Korean envoys joined Ukrainian, Russian and ukrainian-born delegates.",
    "Rebels overran the town and mobs looted shops; the mobile unit called on troops overall.",
    "Police calls for calm were ignored as protesters called for talks and burnt an effigy.",
    "Troops retook Kherson in November 2022, then on Monday and last week shelled it again.",
    "In  January\u00a0the army struck during the night; since ſunday the İnvasion of Crimea went on.",
    "Smith×Jones and José Martí-Pérez saw the Kelvin sign \u212a and \u0663 May strikes overnight.",
    "ATTACKS, Attacked, aTTacked: a heart attack, cyber-attacks and crisis-hit towns; self-detonated.",
    "Early Tuesdays, last Sundays and this Wednesday's summit; 7th of May, 2024-05-07, in 1999.",
]

_PIECES = ["IS", "is", "Isis", "UN", "un", "G7", "g20", "government", "Governments", "spokeswoman", "defence",
           "Naxalites", "al-Shabaab", "Boko  Haram", "cease-fire", "white house", "Prime", "war", "wars", "Anna", "Novák", "U.S.", "UK", "USA", "DRC", "South African", "Ukrainian", "overran", "mob",
           "mobile", "called on", "calls", "burnt", "effigy", "shelled", "attack", "Attacked", "January",
           "Monday", "last week", "in", "on", "since", "ſunday", "İ", "\u212a", "\u0663", "7th", "2024",
           "the day before", "×", "José", "Martí", "-", "[", "]", ",", ".", "’s", "“", "”", "—"]
_GAPS = [" ", "  ", "\u00a0", "", "-", ", ", "\n"]


def _random_texts(n: int = 300, seed: int = 7):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(_PIECES) + rnd.choice(_GAPS) for _ in range(rnd.randint(1, 25)))


def _texts():
    yield from SENTENCES
    yield from _random_texts()


def test_person_spans_as_findall():
    for text in _texts():
        assert list(actors._person_spans(text, actors.capitals_marked(text))) == actors._PERSON.findall(text), text


def test_person_names_of_a_prefix_with_the_whole_texts_marks():
    text = SENTENCES[0] + " " + SENTENCES[7]
    for cut in range(0, len(text), 7):
        assert actors.person_names(text[:cut], actors.capitals_marked(text)) == actors.person_names(text[:cut])


def test_demonyms_as_findall():
    for text in _texts():
        caps = actors.capitals_marked(text)
        for end in (len(text), len(text) // 2):
            assert [m.group() for m in _demonyms(text, caps, 0, end)] == _DEMONYM_RE.findall(text, 0, end), text


_ACRONYM = re.compile(r"(?:U(?<![\w].)(?:\.S\.A\.|\.S\.|\.K\.|SA|S|K|AE)|D(?<![\w].)RC)(?![\w.])")


def test_acronym_halves_as_one_regex():
    for text in _texts():
        both = sorted(m.span() for r in (places._ACRONYM_U, places._ACRONYM_D) for m in r.finditer(text))
        assert both == [m.span() for m in _ACRONYM.finditer(text)], text


def test_trigger_matches_as_the_plain_regex():
    for text in _texts():
        fast = [(m.span(), m.lastgroup) for m in lx.trigger_matches(text)]
        assert fast == [(m.span(), m.lastgroup) for m in lx.TRIGGER_RE.finditer(text)], text


def test_longer_literal_starts():
    assert lx._literal_starts("overr?an") == [("overran", True), ("overan", True)]
    assert sorted(lx._literal_starts("call(?:ed|s)? on")) == [("call on", True), ("called on", True), ("calls on", True)]
    assert lx._literal_starts("took (?:\\w+ )?hostages?") == [("took ", False)]
    assert lx._literal_starts("rall(?:y|ies)(?= against)") == [("rally", False), ("rallies", False)]


def test_date_scan_as_finditer():
    for text in _texts():
        assert [m.span() for m in dates._scan(text)] == [m.span() for m in dates._DATE.finditer(text)], text


def test_date_literal_starts_read_through_spaces_and_groups():
    texts, whole = dates._literal_starts(r"in\s+(?P<m>January|Jan\.?)(?:\s+(?P<y>(?:19|20)\d\d))?")
    assert sorted(texts) == ["in jan", "in january"] and not whole
    assert dates._literal_starts("(?:a|b)?c") == (["ac", "bc", "c"], True)


def test_word_gated_searches_as_the_plain_ones():
    rnd = random.Random(3)
    for text in _texts():
        low_lead = lx.lowered(text)
        lead = low_lead[1] if low_lead else None
        for _ in range(6):  # windows that start and end inside words too
            s = rnd.randint(0, len(text))
            e = rnd.randint(s, len(text))
            for exact, at in ((lx.POLITICAL_RE, _POLITICAL_AT), (lx.ARMED_RE, _ARMED_AT)):
                assert _search(exact, at, text, lead, s, e) == bool(exact.search(text, s, e)), (text, s, e)


def test_trigger_matches_with_the_lowered_text_made_once():
    for text in _texts():
        fast = [(m.span(), m.lastgroup) for m in lx.trigger_matches(text, lx.lowered(text))]
        assert fast == [(m.span(), m.lastgroup) for m in lx.TRIGGER_RE.finditer(text)], text
