"""Counts of dead and injured in a sentence, with ACLED's conventions for vague numbers.

The figures extractor supplies numbers with categories; this module reads the casualty phrases
themselves ("killing three", "left dozens dead", "No casualties were reported") so events get
their fatalities and injuries even where a figure's category is missing, and tells which
figure (by character span) the count came from.
"""
from __future__ import annotations

import re

from pipeline.extract.fast_regex import caseless, fast_words

_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12, "dozens": 12, "dozens of": 12,
    "several": 3, "a few": 3, "few": 3, "some": 3, "scores": 20, "scores of": 20, "hundreds": 100,
    "hundreds of": 100, "thousands": 1000, "thousands of": 1000, "a couple of": 2, "a number of": 3,
    "multiple": 3, "many": 3, "numerous": 3,
}
_NUM = (r"(?:\d{1,3}(?:,\d{3})+|\d+|a dozen|a hundred|dozens of|dozens|hundreds of|hundreds|thousands of|"
        r"thousands|scores of|a couple of|a number of|a few|several|multiple|numerous|many|one|two|three|four|"
        r"five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
        r"nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|an?)")
_QUAL = r"(?:(?:at least|more than|over|about|around|nearly|almost|some|up to|an estimated|roughly|approximately) )?"
_WHO = (r"(?:(?:\w+ ){0,2}(?:people|persons|civilians|soldiers|troops|fighters|militants|children|women|men|"
        r"residents|police(?:men| officers)?|officers|servicemen|members|workers|passengers|journalists|"
        r"protesters|demonstrators|students|villagers|others|person|child|man|woman|soldier|civilian|"
        r"policeman|policemen|cops|jawans|troopers|personnel|rebels|insurgents|gunmen|attackers|worshippers|pilgrims|"
        r"policeman|officer|boy|girl|baby|infant|family members|Ukrainians|Russians|Palestinians|Israelis)\b)?")
_DEAD = r"(?P<dead>killed|dead|died|slain|lost their lives|shot dead|perished|deaths|fatalities|bodies)"
_HURT = r"(?P<hurt>injured|wounded|hurt|injuries|hospitali[sz]ed|casualties)"
_AUX = r"(?:,\s+(?:including|among them|most of them|many of them)\s[^,]{1,40},)?(?:\s+(?:were|was|have been|has been|had been|are|is|reportedly|also|confirmed|been|being)){0,3}"

_PATTERNS = re.compile(
    # "three people were killed", "at least 12 dead", "dozens of civilians were wounded"
    r"\b(?P<q1>" + _QUAL + r")(?P<n1>" + _NUM + r")\b\s*" + _WHO + _AUX + r"\s*(?:" + _DEAD + r"|" + _HURT + r")\b"
    # "killing three", "injuring at least 20 people", "left 5 dead"
    r"|\b(?P<v2>killing|killed|kills|injuring|wounding|injured|wounded|claimed the lives of|left)\s+(?P<q2>" + _QUAL
    + r")(?P<n2>" + _NUM + r")\b(?!\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|times|percent|per cent|%|miles|km|kilomet\w+|meters|metres)\b)(?:\s+" + _WHO + r")?(?:\s+(?P<v2b>dead|injured|wounded|hurt))?"
    # "Prigozhin was killed": one named person
    r"|\b(?P<one>[A-Z][a-z]+)\s+(?:was|has been|had been)\s+(?:\w+ly\s+)?(?:killed|shot dead|assassinated)\b"
    # "death toll rose to 18", "the number of injured reached 40"
    r"|\b(?P<toll>death toll|toll|number of (?:dead|deaths|injured|wounded))\s+(?:\w+\s+){0,3}?(?:to|of|at|is|was|reached|stands at|stood at)\s+(?P<q3>"
    + _QUAL + r")(?P<n3>\d{1,3}(?:,\d{3})+|\d+)\b",
    re.IGNORECASE,
)
_ZERO = fast_words(  # (fast_words: the same matches, without trying every word at every position)
    r"\b(?:no (?:one|body|people|person|civilians?) (?:was |were |had been |has been )?(?:killed|hurt|injured|wounded|harmed)"
    r"|nobody (?:was |were )?(?:killed|hurt|injured|wounded|harmed)|no (?:casualties|deaths|fatalities|injuries|victims|one was hurt)"
    r"|without (?:casualties|injuries|loss of life)|no (?:reports|report) of (?:casualties|injuries|deaths))\b",
    re.IGNORECASE,
)


def _value(tok: str) -> int | None:
    t = tok.lower().replace(",", "")
    if t.isdigit():
        return int(t)
    return _WORDS.get(t)


# every match of _PATTERNS holds one of these (lower-cased); most sentences hold none of them
_CUES = ("kill", "dead", "died", "slain", "lost their lives", "perish", "death", "fatalit", "bodies", "injur",
         "wound", "hurt", "hospitali", "casualt", "claimed the lives", "left", "assassinat", "toll", "number of")


def find_casualties(text: str, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """(kind "killed"/"injured", count, span start, span end) found in text[start:end]."""
    low = caseless(text[start:end])
    for c in _CUES:  # (a plain loop: any() over a generator costs more than most of these tests)
        if c in low:
            break
    else:
        return []
    out: list[tuple[str, int, int, int]] = []
    for m in _PATTERNS.finditer(text, start, end):
        g = m.groupdict()
        if g["n1"]:
            n, ns = g["n1"], m.start("n1")
            if n.lower() in ("a", "an") and not re.match(r"\s+\w*\s*(?:person|child|man|woman|soldier|civilian|policeman|officer|boy|girl|baby|infant)\b", text[m.end("n1"):m.end("n1") + 30], re.I):
                continue
            kind = "killed" if g["dead"] else "injured"
            if g["hurt"] and g["hurt"].lower() == "casualties":
                continue  # "casualties" mixes dead and injured
        elif g["n2"]:
            n, ns = g["n2"], m.start("n2")
            v = (g["v2b"] or g["v2"]).lower()
            if v == "left" and not g["v2b"]:
                continue
            if n.lower() in ("a", "an"):
                continue
            kind = "killed" if v in ("killing", "killed", "kills", "claimed the lives of", "dead") else "injured"
        elif g["one"]:
            if g["one"] in ("It", "This", "That", "There", "Who", "Which", "What"):
                continue
            out.append(("killed", 1, m.start("one"), m.end()))
            continue
        else:
            n, ns = g["n3"], m.start("n3")
            kind = "injured" if re.search(r"injured|wounded", g["toll"], re.I) else "killed"
        val = _value(n)
        if val is None:
            continue
        out.append((kind, val, ns, m.end()))
    return out


def says_none_hurt(text: str, start: int, end: int) -> tuple[bool, bool]:
    """(no one killed, no one injured) as the sentence states it."""
    m = _ZERO.search(text, start, end)
    if not m:
        return False, False
    s = m.group().lower()
    if "killed" in s or "deaths" in s or "fatalities" in s or "loss of life" in s:
        return True, False
    if "casualties" in s or "victims" in s:
        return True, True
    return True, True  # no one hurt or injured: none killed either
