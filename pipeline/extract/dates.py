"""Event dates: the date words of a sentence resolved against the article's publication time.

Only an explicit cue dates an event ("on Sunday", "overnight", "yesterday", "on September 7",
"last week", "in May 2022"); without one, or without a publication date to anchor a cue that
lacks its year, the date stays NULL rather than borrowing the publication date.
"""
from __future__ import annotations

import datetime as dt
import re

from pipeline.extract.fast_regex import (
    _group_end, caseless, fast_words, letter_led, matches_at, REGEX_META, split_alternatives, start_scan,
)
from pipeline.extract.text import trie_pattern

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}

_MONTH = (r"(?P<{g}>January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DATE_ALTS = (
    _MONTH.format(g="m1") + r"\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>(?:19|20)\d\d))?",
    r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format(g="m2") + r"(?:,?\s+(?P<y2>(?:19|20)\d\d))?",
    r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)",
    r"(?:(?P<rel>last|this|next|on|early|late|since)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b",
    r"(?P<yday>yesterday|the day before|a day earlier|last night|the previous night)",
    r"(?P<today>today|this morning|this afternoon|this evening|tonight|earlier today)",
    r"(?P<night>overnight|during the night|in the early hours)",
    r"(?P<lastp>last|this|past|previous)\s+(?P<unit>week|month|year)",
    r"(?:in|since|during|until|by)\s+" + _MONTH.format(g="m3") + r"(?:\s+(?P<y3>(?:19|20)\d\d))?",
    r"(?:in|since|during)\s+(?P<y4>(?:19|20)\d\d)\b",
)
_DATE = re.compile(r"\b(?:" + "|".join(_DATE_ALTS) + r")", re.IGNORECASE)
_DIGIT_LED = _DATE_ALTS[1:3]  # "7th of May", "2022-05-07"
# _DATE's leading \b makes the engine try all its alternatives at every position (most of the
# time of dating an event): the word starts where it can match are found first (see _date_matches)
try:
    _DATE_STARTS: re.Pattern | None = start_scan([a for a in _DATE_ALTS if a not in _DIGIT_LED], re.IGNORECASE, r"\d")
except ValueError:  # an alternative without a leading letter: the plain scan
    _DATE_STARTS = None


def _literal_starts(alt: str, limit: int = 64) -> tuple[list[str], bool]:
    """The lower-case literal texts an alternative may start with (a space for each \\s), written out through
    optional characters and groups ("in\\s+(?:January|...)" -> "in january", ...); and whether that is all of
    the alternative. Where it cannot be read on, each text so far is a start."""
    lits, i, n = [""], 0, len(alt)
    while i < n:
        if alt.startswith("(?", i):
            if not alt.startswith(("(?:", "(?P<"), i):
                break  # a look-around
            j = i + _group_end(alt[i:])
            inner = alt[alt.index(">", i) + 1 if alt[i + 2] == "P" else i + 3:j]
            options = []
            for o in split_alternatives(inner):
                texts, whole = _literal_starts(o, limit)
                options.extend((t, whole) for t in texts)
        elif alt.startswith("\\s", i):
            j, options = i + 1, [(" ", True)]
        elif alt[i] not in REGEX_META:
            j, options = i, [(alt[i].lower(), True)]
        else:
            break
        q = alt[j + 1:j + 2]
        if q in ("*", "{") or (q == "+" and options != [(" ", True)]):
            break  # (\\s+: one or more spaces, as the trie below reads a space)
        if q in ("?", "+"):
            j += 1
            if q == "?":
                options.append(("", True))
            if alt[j + 1:j + 2] in ("?", "+"):  # lazy or possessive: the same texts
                j += 1
        ends = [x + t for x in lits for t, whole in options if not whole]
        lits = [x + t for x in lits for t, whole in options if whole]
        if ends or len(lits) > limit:
            return ends + lits, False
        i = j + 1
    return lits, i >= n


# _DATE_STARTS tries the case-blind alternatives at every word start (and tests its class at every
# character): most of the time of dating. This one scans the sentence lower-cased (caseless) as bytes
# in which every character but a-z and 0-9 is a space, led by a literal space (the engine skips to
# spaces in C): a word start followed by an ASCII digit or by the literal text some letter-led
# alternative starts with (its spaces stand for any such character: more starts, never fewer).
# _DATE, tried at each, finds what it finds at _DATE_STARTS's
_NOT_ALNUM_TO_SPACE = bytes(b if 97 <= b <= 122 or 48 <= b <= 57 else 32 for b in range(256))
_NAMED = re.compile(r"\(\?P<\w+>")
try:
    _LITERALS = {lit for a in _DATE_ALTS if a not in _DIGIT_LED for x in letter_led(_NAMED.sub("(?:", a))
                 for lit in _literal_starts(x)[0]}
    if any(len(lit) < 2 or not lit.isascii() for lit in _LITERALS):
        raise ValueError("a short literal")
    _LEAD_STARTS: re.Pattern | None = re.compile(
        b" (?=[0-9]|" + trie_pattern({re.sub("[^a-z0-9]", " ", lit) for lit in _LITERALS}, space=" +").encode("ascii") + b")")
except ValueError:
    _LEAD_STARTS = None
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # a digit _DATE's \d takes that the bytes cannot show

# "said on Saturday" dates the saying; "reported that on Sunday ..." dates what was reported
_SPEECH_BEFORE = fast_words(r"\b(?:said|says|told|announced|reported|added|claimed|stated|confirmed|wrote|tweeted)\s+"
                               r"(?:(?!that\b)\w+\s+){0,2}$", re.I)
_FUTURE = fast_words(r"\b(?:will|shall|next|is due|are due|plans? to|is expected to|are expected to|scheduled)\b", re.I)


# every match of _DATE holds a digit or one of these (lower-cased); many clauses hold none
_CUES = ("day", "night", "morning", "afternoon", "evening", "hours", "week", "month", "year",
         "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DIGIT = re.compile(r"\d")  # (any decimal digit, as _DATE's \d)


_MATCHES: dict[str, list[re.Match]] = {}  # recent answers: an event's clause is dated twice, its sentence again


def _date_matches(sentence: str) -> list[re.Match]:
    """list(_DATE.finditer(sentence)) (a new list), tried only where a date expression can start."""
    out = _MATCHES.get(sentence)
    if out is None:
        if len(_MATCHES) >= 256:
            _MATCHES.clear()
        out = _MATCHES[sentence] = _scan(sentence)
    return out[:]


def _scan(sentence: str) -> list[re.Match]:
    if _DATE_STARTS is None:
        return list(_DATE.finditer(sentence))
    low = caseless(sentence)
    if _LEAD_STARTS is None or len(low) != len(sentence) or (not sentence.isascii() and _OTHER_DIGIT.search(sentence)):
        starts = _DATE_STARTS.finditer(sentence)
    else:  # (the leading space: a word start at 0 follows a non-letter too; starts keep their offsets)
        starts = _LEAD_STARTS.finditer((" " + low).encode("ascii", "replace").translate(_NOT_ALNUM_TO_SPACE))
    return list(matches_at(_DATE, starts, sentence))


def _dist(m: re.Match, anchor: int) -> float:
    """How far a cue lies from an event word; one after the word is the likelier at equal distance."""
    return m.start() - anchor if m.start() >= anchor else 1.5 * (anchor - m.end())


def _month(tok: str) -> int:
    t = tok.lower().rstrip(".")
    return _MONTHS.get(t) or _MONTH_ABBR.get(t[:4] if t.startswith("sept") else t[:3], 0)


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def resolve_date(sentence: str, published_at: dt.datetime | dt.date | None,
                 anchor: int | None = None, window: tuple[int, int] | None = None,
                 skip_speech: bool = False, others: list[tuple[int, int, int]] | tuple = ()
                 ) -> tuple[dt.date | None, str | None, str | None]:
    """(date, precision, cue) of the date expression in `sentence` nearest to `anchor` (the trigger's
    offset in the sentence; the first expression when not given). `window` = (chars before, chars
    after) the anchor a cue may lie in: a noun's date sits next to it ("the attack on Sunday").
    `others`: (offset, chars before, chars after) of the sentence's other event words; a cue nearer
    to one of them, inside its window, is that event's date."""
    pub = published_at.date() if isinstance(published_at, dt.datetime) else published_at
    if not _DIGIT.search(sentence):
        low = caseless(sentence)
        for c in _CUES:  # (a plain loop: any() over a generator costs more than most of these tests)
            if c in low:
                break
        else:
            return None, None, None  # no date expression can match: skip the scan
    found = _date_matches(sentence)
    if not found:
        return None, None, None  # (half the clauses that pass the test above)
    if anchor is not None and window is not None:
        found = [m for m in found if anchor - window[0] <= m.start() <= anchor + window[1]]
    if skip_speech:  # "officials said on Saturday": the day of the statement, not of the event
        found = [m for m in found if not _SPEECH_BEFORE.search(sentence, max(0, m.start() - 25), m.start())]
    if anchor is not None and others and found:
        # a cue belongs to the event word nearest to it: "a forum on the anniversary of the invasion on
        # Feb. 24" dates the invasion, not the forum
        # (each other word only claims cues inside its own window)
        found = [m for m in found if not any(o - b <= m.start() <= o + a and _dist(m, o) < _dist(m, anchor)
                                             for o, b, a in others)]
    if anchor is not None and len(found) > 1:
        # a cue after the trigger ("struck X on Sunday") is the likelier one at equal distance
        found.sort(key=lambda m: _dist(m, anchor))
    for m in found:
        g = m.groupdict()
        cue = m.group()
        # future tense near the cue ("will meet on Thursday"), not anywhere in the sentence
        future = bool(_FUTURE.search(sentence, max(0, m.start() - 50), m.end()))
        if g["iso"]:
            d = _safe(*map(int, g["iso"].split("-")))
            if d:
                return d, "day", cue
            continue
        if g["m1"] or g["m2"]:
            mon = _month(g["m1"] or g["m2"])
            day = int(g["d1"] or g["d2"])
            year = g["y1"] or g["y2"]
            if year:
                d = _safe(int(year), mon, day)
            elif pub:
                d = _safe(pub.year, mon, day)
                # a past event told without its year belongs to the last such date
                if d and not future and d > pub + dt.timedelta(days=2):
                    d = _safe(pub.year - 1, mon, day)
            else:
                d = None
            if d:
                return d, "day", cue
            if not pub and not year:
                return None, None, cue
            continue
        if g["wd"]:
            if not pub:
                return None, None, cue
            target = _WEEKDAYS[g["wd"].lower()]
            rel = (g["rel"] or "").lower()
            if rel == "next" or (future and rel != "last"):
                delta = (target - pub.weekday()) % 7 or 7
                return pub + dt.timedelta(days=delta), "day", cue
            delta = (pub.weekday() - target) % 7
            if rel == "last" and delta == 0:
                delta = 7
            return pub - dt.timedelta(days=delta), "day", cue
        if g["yday"]:
            return (pub - dt.timedelta(days=1), "day", cue) if pub else (None, None, cue)
        if g["today"] or g["night"]:
            return (pub, "day", cue) if pub else (None, None, cue)
        if g["lastp"]:
            if not pub:
                return None, None, cue
            unit, which = g["unit"].lower(), g["lastp"].lower()
            back = which in ("last", "past", "previous")
            if unit == "week":
                d = pub - dt.timedelta(days=7 if back else 0)
                return d.replace(day=1), "month", cue
            if unit == "month":
                y, mo = (pub.year, pub.month - 1) if back else (pub.year, pub.month)
                if mo == 0:
                    y, mo = y - 1, 12
                return dt.date(y, mo, 1), "month", cue
            return dt.date(pub.year - (1 if back else 0), 1, 1), "year", cue
        if g["m3"]:
            mon = _month(g["m3"])
            if g["y3"]:
                return dt.date(int(g["y3"]), mon, 1), "month", cue
            if not pub:
                return None, None, cue
            y = pub.year if mon <= pub.month or future else pub.year - 1
            return dt.date(y, mon, 1), "month", cue
        if g["y4"]:
            return dt.date(int(g["y4"]), 1, 1), "year", cue
    return None, None, None
