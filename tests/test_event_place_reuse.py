"""The events extractor's shortcuts give what the plain scans give: place scans split where no name can
run across (and reused for the lead), and the weapon words' substring test before their regexes."""
from __future__ import annotations

import random

from pipeline.extract import event_lexicon as lx
from pipeline.extract import events, places

# place names and the characters that glue or split them (runs, possessives, acronyms, region words)
_VOCAB = ["Kyiv", "Kryvyi", "Rih", "Rio", "de", "Janeiro", "U.S.", "US", "UK", "U.S.A.", "DRC", "Donetsk",
          "region", "Region", "regions", "of", "the", "and", "Luhansk", "Rostov-on-Don", "Kharkiv's", "Odesa’s",
          "Ukraine", "Russia", "New", "York", "Gaza", "Strip", "el-", "al-", "Sea", "Azov", "oblast", "2", "city"]
_GLUE = ["", " ", " ", "  ", "\n", "\t", "\xa0", "-", ".", ", ", "'", "’", ". "]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_VOCAB) + rnd.choice(_GLUE) for _ in range(rnd.randint(1, 40))) for _ in range(n)]


def _key(ms: list[places.Mention]) -> list[tuple]:
    return [(m.surface, m.start, m.end, tuple(m.candidates), m.is_region) for m in ms]


def test_a_scan_splits_where_no_name_joins():
    rnd = random.Random(5)
    for text in _texts(600, 1):
        x, y = 0, len(text)
        whole = _key(places.find_mentions(text, x, y))
        for p in range(1, len(text)):
            if not places.joins_at(text, p):
                assert _key(places.find_mentions(text, x, p)) + _key(places.find_mentions(text, p, y)) == whole, (text, p)
        if len(text) > 2:  # and inside any range
            x = rnd.randrange(len(text) - 1)
            y = rnd.randrange(x + 1, len(text) + 1)
            inner = _key(places.find_mentions(text, x, y))
            for p in range(x + 1, y):
                if not places.joins_at(text, p):
                    assert _key(places.find_mentions(text, x, p)) + _key(places.find_mentions(text, p, y)) == inner


def test_lead_places_reuse_the_scanned_stretches():
    rnd = random.Random(6)
    for text in _texts(400, 2):
        n = len(text)
        cuts = sorted(rnd.sample(range(n + 1), min(n + 1, 6)))
        scanned = [(a, b, places.find_mentions(text, a, b)) for a, b in zip(cuts[::2], cuts[1::2]) if b > a]
        end = rnd.randint(0, n)
        assert _key(events._lead_places(text, end, scanned)) == _key(places.find_mentions(text, 0, end)), text


def test_weapon_cues_hide_no_weapon():
    words = ["drones", "Air-strikes", "HIMARS", "landmines", "IEDs", "booby-traps", "sarin", "blew himself up",
             "grenade", "Shahed", "tank fire", "bombardment", "attack", "from", "jets", "planted a bomb", "ſhelling",
             "\u212aalibr", "missile", "the", ",", "aircraft", "bombers"]
    rnd = random.Random(7)
    for _ in range(2000):
        window = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 8)))
        if rnd.random() < 0.3:
            window = window.upper()
        plain = window if "from" not in window else events._PLATFORM.sub(" ", window)
        expected = next((sub for sub in lx.WEAPON_ORDER if lx.WEAPON_RE[sub].search(plain)), None)
        assert events._weapon(window) == expected, window
