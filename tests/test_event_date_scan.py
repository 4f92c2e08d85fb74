"""The events extractor's shortcuts (date start scan, caseless gates, tuple places) change no answer."""
import pickle
import random
import re

from pipeline.extract import casualties, dates, places
from pipeline.extract import fast_regex

_WORDS = ("on last Monday MONDAYS 5 May 2022 in June 12th of Sept. 2021-03-04 yesterday the day before "
          "overnight this week by Dec during the night tonight since 1999 20 İn ſince \u212aILLED killed "
          "three people were killed death toll rose to 18 no one was hurt ſlain left 5 dead").split()
_GLUE = [" ", "  ", ", ", "-", "x", "", "\n", "5", "\u00a0", "“"]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_WORDS) + rnd.choice(_GLUE) for _ in range(rnd.randint(0, 14))) for _ in range(n)]


def test_date_start_scan_finds_what_the_plain_regex_finds():
    for text in _texts(3000, 1) + ["", "5", "Monday", "İn May 2020", "on\u00a0Sunday"]:
        plain = [(m.span(), m.groupdict()) for m in dates._DATE.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in dates._date_matches(text)] == plain, text


def test_date_matches_are_a_fresh_list():
    found = dates._date_matches("on Monday and on Tuesday")
    found.reverse()
    assert [m.group() for m in dates._date_matches("on Monday and on Tuesday")] == ["on Monday", "on Tuesday"]


def test_caseless_gates_let_every_match_through():
    for text in _texts(3000, 2):
        low = fast_regex.caseless(text)
        if list(casualties._PATTERNS.finditer(text)):
            assert any(c in low for c in casualties._CUES), text
        if list(dates._DATE.finditer(text)):
            assert re.search(r"\d", text) or any(c in low for c in dates._CUES), text


def test_start_scan_rejects_alternatives_without_a_letter():
    try:
        fast_regex.start_scan([r"\d+ days"])
    except ValueError:
        return
    raise AssertionError("a digit-led alternative was accepted")


def test_places_pickle_and_compare_as_values():
    p = places.Place("Kyiv", "UA", 50.45, 30.52, 2952301, "city")
    q = pickle.loads(pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL))
    assert q == p and hash(q) == hash(p) and type(q) is places.Place
    assert (q.name, q.country_code, q.kind) == ("Kyiv", "UA", "city")
    assert all(type(x) is places.Place for x in places.gazetteer().lookup("Kyiv"))


def test_clause_regexes_match_their_plain_forms():
    from pipeline.extract import events
    end = re.compile(r",\s+(?:\w+ly\s+)?\w+ing\b|;|,\s+(?:which|who|while|but|according)\b|\s+—\s+"
                     r"|\s+(?:(?:days?|weeks?|hours?|months?)\s+)?(?:after|since|before|until|because|when)\s")
    start = re.compile(r"(?:[;,]\s+(?:as|while|but|whereas|and)|\s(?:as|while|whereas))\s")
    rnd = random.Random(3)
    words = "as while but whereas and after since days weeks before when — ; , which who according quickly firing x".split()
    for _ in range(3000):
        text = "".join(rnd.choice(words) + rnd.choice([" ", "  ", ",", ", ", "\n", "", ";"]) for _ in range(rnd.randint(0, 15)))
        a = rnd.randrange(len(text) + 1)
        for plain, fast in ((end, events._CLAUSE_END), (start, events._CLAUSE_START)):
            assert [m.span() for m in fast.finditer(text, a)] == [m.span() for m in plain.finditer(text, a)], text


def test_time_gate_lets_every_time_phrase_through():
    from pipeline.extract import actors
    rnd = random.Random(4)
    words = "NATO chief on last Tuesday ſunday week morning evening tonight the , Monday,".split()
    for _ in range(4000):
        text = "".join(rnd.choice(words) + rnd.choice([" ", "  ", ",", ", ", "\n", ""]) for _ in range(rnd.randint(0, 8)))
        if actors._TIME_AFTER_SUBJECT.search(text):
            assert actors._ends_in_time(text), text
