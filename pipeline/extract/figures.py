"""Figure extraction: quantities in news text, with qualifier, range, unit, object and category.

One pass finds where numbers begin (`numbers.number_starts`), `numbers.read_number` reads each
expression, and short anchored regexes around it read the rest: currency and qualifier on the
left; range, unit and "or more" on the right; then what is counted. Numbers that are dates,
years, clock times, ordinals, scores or parts of names are dropped. A second pass per sentence
sets the category of bare counts from the nearest trigger word ("killed", "intercepted", ...)
without reaching across a neighbouring figure, and the source ("according to X", "X said").
"""
from __future__ import annotations

import math
import re
import string
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, fields

from pipeline.extract import figure_lexicon as lex
from pipeline.extract.fast_regex import scan_lowered
from pipeline.extract.figure_context import (CHANGE_LAST_WORDS, CHANGE_ONLY_FOR_SHARES, MONTH_WORDS,
                                             QUALIFIER_LAST_WORDS, SCORE_WORDS, YEAR_WORDS, Tail)
from pipeline.extract.numbers import (DIGIT_AT, SPACE_CHARS, WHOLE_WORDS, WORD_START, Number, ignorecase_chars,
                                      number_starts, read_number)
from pipeline.extract.records import Figure
from pipeline.extract.text import Doc
from pipeline.extract.units import (CATEGORY_OF_UNIT, CURRENCY_BEFORE, CURRENCY_LAST_CHARS, CURRENCY_SYMBOLS,
                                    UNIT_AFTER, UNIT_FIRST_CHARS, UNIT_OF, UNIT_UPPER_AFTER)

_AGE_APPOSITION = re.compile(r"[A-Z][\w'’\-]+,[ \u00a0]$")
_RACE_AFTER = re.compile(r"[\s\u00a0-]+(?:hurdles|sprint|freestyle|relay|final|finals|race|backstroke|breaststroke|"
                         r"butterfly|medley|event|dash|heats?|steeplechase|runner|champion|title|record|walk)\b",
                         re.IGNORECASE)
_IRREGULAR_PLURALS = frozenset("people children men women police staff cattle sheep fish personnel aircraft feet "
                               "teeth mice geese data media crew".split())
_YEAR_DETERMINERS = frozenset("the a an its their his her our your my this that these those original same annual "
                               "latest previous last next first".split())
_TENNIS = frozenset({0.0, 15.0, 30.0, 40.0})
_ERA_AFTER = re.compile(r"[\s\u00a0]?(?:A\.D\.|AD\b|B\.C\.|BC\b|BCE\b|CE\b)")
_NOT_AFTER_SCALED = re.compile(_ERA_AFTER.pattern + "|" + lex.STREET_AFTER.pattern)
_NOT_AFTER = re.compile("(?i:" + lex.CLOCK_AFTER.pattern + ")|" + _NOT_AFTER_SCALED.pattern)
_IN_AFTER = re.compile(r"[\s\u00a0]+in[\s\u00a0]+")
_OF_AFTER = re.compile(r"[\s\u00a0]+of(?=[\s\u00a0])")
_OBJECT_LEAD = re.compile(r"[\s\u00a0]+(?:of[\s\u00a0]+)?(?:(?:the|these|those|its|their)[\s\u00a0]+)?")
_UNIT_SPACES = re.compile(r"[\s\u00a0-]+")
_TOKEN = re.compile(r"[A-Za-z][\w'’\-]*")
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)\b")
_AGE_AFTER = re.compile(r"[\s\u00a0]+old\b|-old\b", re.IGNORECASE)
_LONG_AFTER = re.compile(r"-long\b", re.IGNORECASE)
_MILLION_NOUNS = re.compile(
    r"[\s\u00a0]+(?:[A-Za-z-]+[\s\u00a0]+)?(?:people|users|customers|viewers|subscribers|listeners|readers|homes|"
    r"households|jobs|shares|barrels|tonnes|copies|votes|voters|visitors|passengers|units|players|residents|"
    r"children|adults|workers|members|accounts|downloads|sales|cars|phones|devices|pounds|dollars|euros)\b",
    re.IGNORECASE,
)
_HALF_OK_AFTER = re.compile(r"[\s\u00a0]+(?:of|the|a|an|its|their|his|her|that|this|these|those|all|what)\b",
                            re.IGNORECASE)
_HALF_NOT_AFTER = frozenset("first second third fourth final last latter former other the opening closing this that "
                            "each every".split())
_COMPOUND_SKIP = frozenset("off way ways fold nil all thirds third half up party".split())
_ONE_COMPOUNDS = frozenset("time times sided man woman".split())  # "one-time", "one-man"
_SENTENCE_OPENERS = ".!?:;\"“”'‘’([\n-–—•*"
# capitalised words before a number that do not make it a name: "Russian 152 mm gun", "Russia's 1,200 tanks"
_NOT_NAME_ENDINGS = ("ian", "can", "ean", "ish", "ese", "ch", "ani", "eli", "'s", "’s", "s'", "s’")
_FIGURE_ARGS = ("surface", "value", "char_start", "char_end", "sentence_index", "value_max", "qualifier", "unit",
                "object", "category")  # the order `_figure` passes them in
if tuple(f.name for f in fields(Figure))[:len(_FIGURE_ARGS)] != _FIGURE_ARGS:
    raise ImportError("records.Figure changed its field order: update _figure's Figure(...) call")
# Cheap first tests for the regexes tried right after a number: most numbers are followed by
# none of what they look for, and a regex call costs as much as several character look-ups.
# `_follow` gives the character at a position and, when that is a space, the one after it; each
# set below holds the characters a match may start with (..._FIRST) or continue with after one
# space (..._SPACE, which holds the spaces too, for a longer run of them).
_SPACES = frozenset(SPACE_CHARS)  # [\s\u00a0]
_UPPER = frozenset(string.ascii_uppercase)
_NOT_AFTER_FIRST = ignorecase_chars("apogbcuehl") | frozenset("ABC")  # clock words (any case); eras
_NOT_AFTER_SPACE = _NOT_AFTER_FIRST | _UPPER | _SPACES  # ... or a street: "10 Downing Street"
_NOT_AFTER_SCALED_FIRST = frozenset("ABC")  # eras
_NOT_AFTER_SCALED_SPACE = _UPPER | _SPACES  # eras, streets
_MONTH_FIRST = frozenset("snrt")  # MONTH_AFTER: "st", "nd", "rd", "th"
_MONTH_SPACE = frozenset("JFMASONDo") | _SPACES  # ... a month or "of" after a space
_RANGE_FIRST = frozenset("-–—") | ignorecase_chars("tao")  # RANGE_JOIN: a dash, "to", "and", "or"
_RANGE_SPACE = _RANGE_FIRST | _SPACES
_QUALIFIER_RIGHT_FIRST = frozenset("+-")  # QUALIFIER_RIGHT: "+", "-plus", "-odd"
_QUALIFIER_RIGHT_SPACE = ignorecase_chars("o") | _SPACES  # ... "or more", "odd"
_UPPER_UNIT_SPACE = frozenset("MGKkTdHC")  # UNIT_UPPER_AFTER, after exactly one space
_HIGHER_LOWER_SPACE = ignorecase_chars("hlud") | _SPACES  # HIGHER_LOWER_AFTER: higher up lower down


def _follow(text: str, pos: int) -> tuple[str, str]:
    """The character at `pos` and, if it is a space, the next one ("" where there is none)."""
    c = text[pos:pos + 1]
    return c, (text[pos + 1:pos + 2] if c in _SPACES else "")


_WINDOW = 120  # how far (chars) a trigger word may be from its figure
_WINDOW_NO_OBJECT = 40  # ... when nothing counted is named after the figure


@dataclass(slots=True)
class _Found:
    fig: Figure
    num: Number
    kind: str | None  # what the object is: projectile, weapon, structure, personnel, person, place, thing
    word_only: bool  # written in words, no digits
    obj_end: int


def extract_figures(doc: Doc) -> list[Figure]:
    """All figures of the article, in text order (`event_index` is left for the events extractor)."""
    text = doc.text
    low = _lowered(text)  # for the lower-case twin scans (`scan_lowered`, `number_starts`), made once
    found: list[_Found] = []
    blocked = 0
    for m in number_starts(text, low):
        if m.start() < blocked:
            continue
        num = read_number(text, m)
        if num is None:
            continue
        blocked = num.end
        f = _figure(text, num)
        if f is None:
            continue
        if isinstance(f, _Skip):
            blocked = max(blocked, f.end)
            continue
        blocked = max(blocked, f.obj_end if f.fig.unit is None else f.fig.char_end, f.fig.char_end)
        found.append(f)
    return _finish(doc, found, low if len(low) == len(text) else None)  # else offsets would not line up


def _lowered(text: str) -> str:
    """text.lower() as the scans over it need it, made fast for Latin-1 text (which str.lower()
    converts a character at a time): bytes.lower() lower-cases the ASCII letters only, and leaves
    the capitals À-Þ, which every regex run over it treats as their small letters (all are \w,
    none is in [a-z0-9_] or in a number word or trigger word; isalpha() holds for both)."""
    if text.isascii():
        return text.lower()
    try:
        return text.encode("latin-1").lower().decode("latin-1")
    except UnicodeEncodeError:
        return text.lower()


def _figure(text: str, num: Number) -> _Found | _Skip | None:
    """The figure for number `num`, with everything read around it; None if it is no figure."""
    s0 = num.start
    c0 = text[num.end:num.end + 1]  # (`_follow`, inline: once per number)
    c1 = text[num.end + 1:num.end + 2] if c0 in _SPACES else ""
    if num.digits and not _digits_ok(text, num, c0, c1):
        return None
    tail = Tail(text, s0)
    if num.digits:
        if not _digits_words_ok(text, num, tail, c0, c1):
            return None
    elif not _words_ok(text, num, tail):
        return None

    start, end = s0, num.end
    unit = None
    cur = CURRENCY_BEFORE.search(text, max(0, s0 - 5), s0) if (s0 and not text[s0 - 1].isspace() or (
        s0 > 1 and text[s0 - 2].isupper())) and _currency_may_end(text, s0) else None
    if cur:
        code = cur.group().strip().lower()
        unit = CURRENCY_SYMBOLS.get(code) or CURRENCY_SYMBOLS.get(code.rstrip("."))
        start = cur.start()
        tail = Tail(text, start)
    elif num.short_scale == "m" and not _MILLION_NOUNS.match(text, num.end) and (
            _RACE_AFTER.match(text, num.end) or "." not in text[num.start:num.end]
            and not _plural_after(text, num.end)):
        num.value /= 1e6  # "100m", "400m hurdles": metres without a currency
        unit = "meter"
    elif num.short_scale == "b":
        return None

    # qualifier words on the left
    qual = "~" if num.vague else "="
    qk = 0
    bare_start = start
    # (Tail.qualifier's and Tail.change's first tests, inline: most numbers have neither word before them)
    q = tail.qualifier() if tail.nearest in QUALIFIER_LAST_WORDS else None
    if q:
        qual, qk = q
        start = tail.start_of_last(qk)

    value, value_max = num.value, None
    before = tail.last(qk) if qk else tail.nearest
    age = before == "aged" or (before == "of" and tail.last(qk + 1) in ("age", "ages"))

    # unit right after the number ("5 km", "90%", "6.5 billion zlotys", "three-day")
    if unit is None:
        u = UNIT_AFTER.match(text, end) if c0 in UNIT_FIRST_CHARS else None
        if u is not None and u.group("spaced") and u.group("spaced")[0].isupper() and u.group("spaced")[1:].islower():
            return None  # "50 Cent", "Maroon 5 Days": a name, not a unit
        if u is None and (num.vague or num.scaled):
            of = _OF_AFTER.match(text, end)  # "millions of pounds"
            u = UNIT_AFTER.match(text, of.end()) if of else None
        key = _unit_key(u) if u else None
        if key is None and c1 in _UPPER_UNIT_SPACE and (u := UNIT_UPPER_AFTER.match(text, end)):
            key = UNIT_OF.get(u.group(1).lower())  # "12,600 MW"
        if key:
            unit, end = key[0], u.end()
            c0, c1 = _follow(text, end)
    end_at = end  # (where c0, c1 were read)
    ch = tail.change(qk) if qk or tail.nearest in CHANGE_LAST_WORDS else None
    # range: "10 to 15", "10-15", "between 10 and 15"
    r = lex.RANGE_JOIN.match(text, end) if c0 in _RANGE_FIRST or c1 in _RANGE_SPACE else None
    second = None
    if r:
        second = _number_at(text, r.end())
        if second is not None:
            ok = second.value > value or (second.scaled and not num.scaled)
            if r.group("or"):
                ok = ok and second.value > value and num.digits == second.digits and not num.scaled
            elif r.group("and"):
                ok = ok and before == "between"
            elif r.group("to"):
                # "rose 5% to 7%", "from 5 to 7" tell a change, not a range
                ok = ok and before != "from" and ch is None
            else:  # dash
                if num.digits != second.digits:
                    ok = False
                elif num.digits and (second.value <= value or any(w in SCORE_WORDS for w in tail.words)
                                     or (value in _TENNIS and second.value in _TENNIS)
                                     or lex.SCORE_AFTER.match(text, second.end)):
                    return _Skip(second.end)  # a score: "won 3-1", "a 2-0 lead", "15-30"
            if ok and unit is not None:
                u2 = UNIT_AFTER.match(text, second.end)
                key2 = _unit_key(u2) if u2 else None
                if key2 and key2[0] != unit:
                    ok = False  # "15% to 22 cents"
            if ok:
                low = value
                if second.scaled and not num.scaled:
                    for mult in (1e12, 1e9, 1e6, 1e3, 100.0):
                        if second.value >= mult and low * mult <= second.value:
                            low *= mult
                            break
                value, value_max, end = low, second.value, second.end
                if before == "between":
                    start = tail.start_of_last(qk + 1)
                u2 = UNIT_AFTER.match(text, end)
                key2 = _unit_key(u2) if u2 else None
                if key2 and (unit is None or unit == key2[0]):
                    unit, end = key2[0], u2.end()
    if second is not None and value_max is None and unit is None and not r.group("dash"):
        u2 = UNIT_AFTER.match(text, second.end)
        key2 = _unit_key(u2) if u2 else None
        if key2:
            unit = key2[0]  # "6 and 8 days", "from 60 to 71 percent": the unit is shared
    # "-year-old", "years old", "-long"
    if unit in ("year", "month", "week", "day", "hour", "minute"):
        a = _AGE_AFTER.match(text, end)
        if a:
            age, end = True, a.end()
        else:
            lg = _LONG_AFTER.match(text, end)
            if lg:
                end = lg.end()
    if unit in ("century", "decade") and value < 1:  # "a quarter-century", "half a century"
        value *= 100 if unit == "century" else 10
        unit = "year"

    compound = None
    if unit is None and text.startswith("-", end):
        h = _HYPHEN_WORD.match(text, end)
        if h and h.group(1).lower() not in ("odd", "plus"):  # those are qualifiers, read below
            w = h.group(1).lower()
            if w in _COMPOUND_SKIP or (num.value == 1 and (not num.digits or w in _ONE_COMPOUNDS)):
                return None
            compound = w  # "nine-storey": counts storeys
            end = h.end()

    # qualifiers after: "100+", "50 or more", "40-odd"
    if end != end_at:
        c0, c1 = _follow(text, end)
    if c0 in _QUALIFIER_RIGHT_FIRST or c1 in _QUALIFIER_RIGHT_SPACE:
        qr = lex.QUALIFIER_RIGHT.match(text, end)
        if qr:
            qual = lex.QUALIFIER_OF_GROUP[qr.lastgroup]
            end = qr.end()
            c0, c1 = _follow(text, end)

    # change: "rose 5%", "fell by 3 points", "a 5% rise"
    category_unit = CATEGORY_OF_UNIT.get(unit) if unit else None
    if category_unit == "duration" and qk == 1 and tail.nearest in ("over", "under"):
        qual = "~" if num.vague else "="  # "£5bn over five years" is a period, not a bound
        if value_max is None:
            start = bare_start
    measured = category_unit in ("percent", "money") or unit == "point"
    if ch:
        direction, verb, by = ch
        if not by and verb in CHANGE_ONLY_FOR_SHARES and category_unit != "percent":
            ch = None  # "lost $5m", "raised $5m": an amount, not a change
        elif not by and category_unit == "percent" and _OF_AFTER.match(text, end):
            ch = None  # "cut 80% of benefits": a share
        elif by or measured:
            qual = direction
    if not ch and measured and text[s0] == "+":
        qual = "up"  # "+2.1%"
    elif not ch and measured:
        if tail.last(qk) in ("a", "an"):
            cr = lex.CHANGE_RIGHT.match(text, end)
            if cr:
                qual = "up" if cr.group("up") else "down"
        hl = lex.HIGHER_LOWER_AFTER.match(text, end) if c1 in _HIGHER_LOWER_SPACE else None
        if hl:
            qual = "up" if hl.group("up") else "down"  # "closed 3% higher"

    if num.value == 1 and num.words == 1 and not num.digits and (ia := _IN_AFTER.match(text, end)) \
            and _number_at(text, ia.end()) is not None:
        return None  # "one in five": a ratio; the five is read on its own
    if num.value == 0.5 and not num.digits and not num.scaled and unit is None:
        if not (_HALF_OK_AFTER.match(text, num.end) or tail.nearest in ("by", "than", "cut", "halved")) \
                or tail.nearest in _HALF_NOT_AFTER:
            return None  # "second half", "half-time"

    # what is counted
    obj, obj_end, kind = None, end, None
    if compound:
        obj = compound
    elif unit is None or category_unit == "money":
        obj, obj_end = _object(text, end)
        if obj:
            kind = _kind(obj.split(" and ", 1)[0])  # the first conjunct heads: "cities and forces"

    if not age and unit is None and num.digits and value < 120 and value == int(value) and not qk \
            and text[end:end + 1] in (",", ".") and _AGE_APPOSITION.search(text, max(0, s0 - 40), s0):
        age = True  # "Mr Jackson, 46, denies"
    if age:
        category = "age"  # the unit only when written: "71-year-old" has one, "aged 71" and "Smith, 71," none
    elif unit == "millimeter" and lex.CALIBRE_AFTER.match(text, end):
        category = "other"
    elif unit:
        category = CATEGORY_OF_UNIT.get(unit, "other")
    else:
        category = "count"
    # positional arguments: twice as fast as keywords, and one Figure is made per figure
    fig = Figure(text[start:end], float(value), start, end, 0,  # surface, value, char_start, char_end, sentence
                 float(value_max) if value_max is not None else None, qual, unit, obj, category)
    return _Found(fig, num, kind, not num.digits, obj_end)


class _Skip:
    """A span to skip without a figure (a score such as "3-1")."""

    __slots__ = ("end",)

    def __init__(self, end: int) -> None:
        self.end = end


def _unit_key(u: re.Match):
    glued = u.group("glued")
    if glued and len(glued) == 1 and glued.isupper() and glued not in "CF":
        return None  # "3G", "4K", "5S": names, not units
    key = (glued or u.group("spaced") or "").lower()
    if not key.isalpha():
        key = _UNIT_SPACES.sub(" ", key)
    return UNIT_OF.get(key)


def _currency_may_end(text: str, pos: int) -> bool:
    """A cheap necessary condition for CURRENCY_BEFORE to match right before `pos` (its `$` also
    matches before a final newline, after the optional space)."""
    if text[pos - 1] in CURRENCY_LAST_CHARS:
        return True
    t = text[max(0, pos - 3):pos].rstrip()
    return bool(t) and t[-1] in CURRENCY_LAST_CHARS


def _number_at(text: str, pos: int) -> Number | None:
    """The second number of a range, after an optional currency sign ("£3bn-£4bn")."""
    if text[pos:pos + 1] in ("$", "€", "£", "¥"):
        pos += 1
    m = DIGIT_AT.match(text, pos) or WORD_START.match(text, pos)
    if m is None:
        return None
    return read_number(text, m)


def _digits_ok(text: str, num: Number, c0: str, c1: str) -> bool:
    """Checks on the number and the characters around it (cheap, before reading the words);
    `c0`, `c1`: `_follow(text, num.end)`."""
    raw = text[num.start:num.end]
    n = len(text)
    end = num.end
    if len(raw) > 24 or not math.isfinite(num.value):
        return False  # an identifier, not a quantity
    if raw[0] == "0" and len(raw) > 1 and raw[1].isdigit():
        return False  # phone numbers, codes
    if raw[0] == "+" and text[end:end + 1] in (" ", "-", "(") and text[end + 1:end + 2].isdigit():
        return False  # "+44 20 7946 0000"
    if num.start >= 2 and text[num.start - 1] == " " and text[num.start - 2].isdigit():
        return False  # the second group of "0800 123 456"
    nxt = text[end] if end < n else ""
    if nxt in "/:" and end + 1 < n and text[end + 1].isdigit():
        return False  # 24/7, 10:30, 2004/05
    if not num.scaled:
        if nxt.isalpha():
            u = UNIT_AFTER.match(text, end)
            if not u or not _unit_key(u):
                return False  # 3D, 5G, 7am
    if raw.isdigit() and len(raw) == 4 and 1900 <= num.value <= 2100 and not num.scaled \
            and not (num.start and text[num.start - 1] in "$€£¥") and not _plural_after(text, end):
        return False  # a year, also "until at least 2008"
    if nxt in "'’" and text[end + 1:end + 2] == "s":
        return False  # "the 7610's screen": a model name
    if num.start and text[num.start - 1] == "(" and nxt == ")":
        before = text[max(0, num.start - 30):num.start - 1].rstrip().rsplit(None, 1)
        if before and before[-1][:1].isupper() and before[-1].lower() not in lex.CAPITAL_OK:
            return False  # "Edwards (77)": a substitution minute in a line-up
    if num.start and text[num.start - 1] in "#№":
        return False
    # a clock time ("7pm", "10 GMT"), an era ("190 AD"), a street ("10 Downing Street"): one match
    if num.scaled:
        return not ((c0 in _NOT_AFTER_SCALED_FIRST or c1 in _NOT_AFTER_SCALED_SPACE)
                    and _NOT_AFTER_SCALED.match(text, end))
    return not ((c0 in _NOT_AFTER_FIRST or c1 in _NOT_AFTER_SPACE) and _NOT_AFTER.match(text, end))


def _digits_words_ok(text: str, num: Number, tail: Tail, c0: str, c1: str) -> bool:
    """Checks on the words before a number in digits: dates, years, names, indexes."""
    raw = text[num.start:num.end]
    v = num.value
    last = tail.nearest.rstrip(".,")
    if raw.isdigit():
        if 1 <= v <= 31 and ((last in MONTH_WORDS and tail.last_raw()[:1].isupper())
                             or (last == "the" and tail.last(1) in MONTH_WORDS)
                             or ((c0 in _MONTH_FIRST or c1 in _MONTH_SPACE)
                                 and lex.MONTH_AFTER.match(text, num.end))):
            return False  # dates
        if len(raw) == 4 and 1000 <= v <= 2100 and last in YEAR_WORDS and not tail.qualifier():
            return False  # "in 1054"
        if len(raw) == 4 and 1900 <= v <= 2100 and (last in _YEAR_DETERMINERS or last.endswith(("'s", "’s"))):
            return False  # "the 2005 elections", "Adams' original 1977 scripts", "Labour's 1997 victory"
    word = tail.last_raw().lstrip("([\"“‘'")
    if word and word[0].isalpha():
        low = word.lower()
        if low in lex.INDEX_WORDS or low.rstrip(".") in lex.INDEX_WORDS:
            return False  # page 5, No 10, top 10
        if word[0].isupper() and low not in lex.CAPITAL_OK and not low.endswith(_NOT_NAME_ENDINGS) \
                and low.rstrip(".") not in MONTH_WORDS and not CURRENCY_BEFORE.search(word + " ") \
                and not ((u := UNIT_AFTER.match(text, num.end)) and _unit_key(u)):
            return False  # Boeing 737, Section 427, Windows 10, BBC 2 (but "Take 500mg")
    return True


def _at_sentence_start(text: str, pos: int) -> bool:
    """Whether `pos` begins a sentence or a line (only spaces and an opener before it)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPENERS


def _words_ok(text: str, num: Number, tail: Tail) -> bool:
    if not math.isfinite(num.value):
        return False  # "a trillion trillion ..."
    if text[num.start].isupper() and not _at_sentence_start(text, num.start):
        return False  # Formula One, BBC Two, the Big Four
    low = tail.nearest
    if low in lex.INDEX_WORDS:
        return False
    if num.value == 1 and num.words == 1 and low in lex.ONE_IDIOM_LEFT:
        return False
    return True


def _plural_after(text: str, end: int) -> bool:
    """Whether a plural noun follows (so "2000 people" is a count, not a year)."""
    m = _TOKEN.match(text, end + 1) if end < len(text) and text[end] in " \u00a0" else None
    if not m:
        return False
    w = m.group().lower()
    if w in lex.OBJECT_STOP:
        return False
    if (w.endswith("s") and not w.endswith("ss")) or w in _IRREGULAR_PLURALS:
        return True
    # "1260 Russian soldiers": a capitalised adjective, then the plural
    m2 = _TOKEN.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
    return bool(m2 and m.group()[0].isupper() and m2.group().lower().endswith("s")
                and m2.group().lower() not in lex.OBJECT_STOP)


def _object(text: str, end: int) -> tuple[str | None, int]:
    """What is counted: the words after the figure up to a function word or verb, and their end."""
    # the lead, then the run of words the loop may read (each joined to the next by one space)
    if text[end:end + 1] not in _SPACES:
        return None, end  # the lead starts with a space
    lead = _OBJECT_WORDS.match(text, end)
    if not lead or lead.group(1) is None:
        return None, end
    first_start = last_end = lead.start(1)
    toks = lead.group(1).split()
    n = len(toks)
    words: list[str] = []
    pos = first_start  # where toks[i] starts
    i = 0
    while len(words) < 5 and i < n:
        w = toks[i]
        w_end = pos + len(w)
        low = w.lower()
        if low == "and" and words and len(words) < 4:
            if i + 1 < n and text[w_end] == " ":
                nxt = toks[i + 1].lower()
                if nxt not in lex.OBJECT_STOP and nxt not in lex.TRIGGER_CATEGORIES:
                    words.append(w)
                    pos = w_end + 1
                    i += 1
                    continue
            break
        if low in _OBJECT_END or low.endswith("ly"):
            break
        if words and low.endswith("ed"):
            break  # "missiles reached": the verb after the noun
        words.append(w)
        last_end = w_end
        pos = w_end + 1
        i += 1
    if words and words[-1].lower() == "and":
        words.pop()
    if not words:
        return None, end
    return text[first_start:last_end], last_end


# Words joined by single spaces, as many as `_object` may read (5 words, then one to stop at).
_OBJECT_CHAIN = re.compile(r"[A-Za-z][\w'’\-]*(?:[ \u00a0][A-Za-z][\w'’\-]*){0,6}")
# _OBJECT_LEAD and then _OBJECT_CHAIN where it ends, in one match: the chain is optional, so the
# lead is never given back to it and ends where it ends alone
_OBJECT_WORDS = re.compile(_OBJECT_LEAD.pattern + "(" + _OBJECT_CHAIN.pattern + ")?")
# a word that ends the object: a function word, a trigger, a number word (the chain's words start
# with a letter, so no digits)
_OBJECT_END = frozenset(lex.OBJECT_STOP) | frozenset(lex.TRIGGER_CATEGORIES) | WHOLE_WORDS


def _kind(obj: str) -> str:
    """A coarse class of the counted object, which decides the triggers that may apply to it."""
    classes: set[str] = set()
    for tok in _WORD_RUN.findall(obj):
        classes |= _noun_classes(tok)
    if "projectile" in classes:
        return "projectile"
    if "structure" in classes and "weapon" not in classes:
        return "structure"
    for kind in ("weapon", "personnel", "person", "place", "structure"):
        if kind in classes:
            return kind
    return "thing"


# Each noun regex is `\b(?:letters...)\b`, so it finds a match in the object exactly when one of
# the object's whole words (maximal \w runs) matches it from end to end: the words are classified
# once each and remembered (a pure function of the word, so the memo never goes stale).
_NOUN_REGEXES = (("projectile", lex.PROJECTILE_NOUNS), ("structure", lex.STRUCTURE_NOUNS),
                 ("weapon", lex.WEAPON_NOUNS), ("personnel", lex.PERSONNEL_NOUNS), ("person", lex.PERSON_NOUNS),
                 ("place", lex.PLACE_NOUNS))
_WORD_RUN = re.compile(r"\w+")
_NOUN_MEMO: dict[str, frozenset[str]] = {}


def _noun_classes(word: str) -> frozenset[str]:
    classes = _NOUN_MEMO.get(word)
    if classes is None:
        if len(_NOUN_MEMO) > 100_000:
            _NOUN_MEMO.clear()
        classes = _NOUN_MEMO[word] = frozenset(k for k, rx in _NOUN_REGEXES if rx.fullmatch(word))
    return classes


_PERSON_CATS = frozenset({"killed", "injured", "missing", "displaced", "arrested"})


def _allowed(cat: str, kind: str | None) -> bool:
    """Whether a trigger category fits the object: people are killed, drones intercepted, homes damaged."""
    if cat in _PERSON_CATS:
        return kind in (None, "person", "personnel", "thing")
    if cat in ("launched", "intercepted"):
        return kind in ("projectile", "weapon")
    if cat == "damaged":
        return kind in (None, "weapon", "structure")
    return kind != "place"


def _finish(doc: Doc, found: list[_Found], low: str | None) -> list[Figure]:
    """Second pass in text order: sentence, category of bare counts, dropping idioms, source."""
    text = doc.text
    out: list[Figure] = []
    triggers_cache: dict[int, _Triggers] = {}
    cues_cache: dict[int, list[re.Match]] = {}  # reporting verbs found with the triggers
    attrib_cache: dict[int, str | None] = {}
    starts = doc.sentence_starts  # (Doc.sentence_index, inlined: one call per figure)
    sent_of = [i if (i := bisect_right(starts, f.fig.char_start) - 1) > 0 else 0 for f in found]
    for i, f in enumerate(found):
        fig = f.fig
        si = sent_of[i]
        fig.sentence_index = si
        if fig.category == "count":
            if si not in triggers_cache:
                triggers_cache[si] = _triggers(doc, si, low, cues_cache)
            trig = triggers_cache[si]
            lo = found[i - 1].obj_end if i > 0 and sent_of[i - 1] == si else -1
            hi = found[i + 1].fig.char_start if i + 1 < len(found) and sent_of[i + 1] == si else len(text) + 1
            cat = _nearest(text, trig, fig.char_start, f.obj_end, f.kind, lo, hi)
            if cat is None:
                cat = _nearest(text, trig, fig.char_start, f.obj_end, f.kind, -1, len(text) + 1)
            if cat is None:
                cat = _DEFAULT_CATEGORY.get(f.kind or "", "count")
            fig.category = cat
        # "one" alone is a figure only when it counts something that happened to it
        if f.word_only and fig.qualifier == "=" and fig.unit is None:
            if f.num.value == 1 and f.num.words == 1 and fig.category in ("count", "personnel", "other"):
                continue
            if fig.object is None and fig.value_max is None and fig.category in ("count", "personnel"):
                continue  # "the two were", "both"
        if out and fig.qualifier == "=" and _PAREN_GAP.fullmatch(text, out[-1].char_end, fig.char_start) \
                and out[-1].category == fig.category:
            fig.qualifier = out[-1].qualifier  # "some 1,450km (900 miles)"
        if si not in attrib_cache:
            attrib_cache[si] = _attribution(doc, si, low, cues_cache.get(si))
        fig.attributed_to = attrib_cache[si]
        out.append(fig)
    return out


_DEFAULT_CATEGORY = {"projectile": "launched", "personnel": "personnel"}
# `text[a:b].strip() == "("` without slicing the text between two figures, which may be long
_PAREN_GAP = re.compile(r"\s*\(\s*")


class _Triggers:
    """The trigger words of one sentence in text order: starts, ends (both ascending, matches
    do not overlap) and categories, so a figure looks only at those within its window."""

    __slots__ = ("starts", "ends", "cats")

    def __init__(self, starts: list[int], ends: list[int], cats: list[tuple[str, ...]]) -> None:
        self.starts, self.ends, self.cats = starts, ends, cats


def _triggers(doc: Doc, si: int, low: str | None, cues_cache: dict[int, list[re.Match]]) -> _Triggers:
    """The sentence's triggers; its reporting verbs go to `cues_cache` when found on the way."""
    if not doc.sentences:
        return _Triggers([], [], [])
    s, e = doc.sentences[si]
    if low is None:
        ms = list(scan_lowered(lex.TRIGGER_RE, lex.TRIGGER_TWIN, doc.text, low, s, e, offset=1))
    else:
        ms, cues_cache[si] = _scan_both(doc.text, low, s, e)
    return _Triggers([m.start() for m in ms], [m.end() for m in ms],
                     [lex.TRIGGER_CATEGORIES[" ".join(m.group().lower().split())] for m in ms])


def _scan_both(text: str, low: str, s: int, e: int) -> tuple[list[re.Match], list[re.Match]]:
    """The matches of the two scans `scan_lowered(TRIGGER_RE, TRIGGER_TWIN, ...)` and
    `scan_lowered(SAID_CUE, SAID_TWIN, ...)` over text[s:e] (offset 1), from one pass of their
    joint twin: most of the time goes into the twin's stops at every space, made once here. Each
    scan's own position is kept as `scan_lowered` keeps it; a twin hit belongs to one list only."""
    trig: list[re.Match] = []
    cues: list[re.Match] = []
    pos_t = pos_c = s
    match_t, match_c = lex.TRIGGER_RE.match, lex.SAID_CUE.match
    if m := match_t(text, s, e):  # the twin cannot see the character before `s`
        trig.append(m)
        pos_t = m.end()
    if m := match_c(text, s, e):
        cues.append(m)
        pos_c = m.end()
    search, categories = lex.TRIGGER_SAID_TWIN.search, lex.TRIGGER_CATEGORIES
    p = min(pos_t, pos_c)
    while (c := search(low, p, e)) is not None:
        cs = c.start()
        if " ".join(c.group()[1:].split()) in categories:
            if cs >= pos_t:  # (a hit inside a trigger already found is not one for that scan)
                m = match_t(text, cs + 1, e)
                if m:
                    trig.append(m)
                pos_t = m.end() if m else cs + 1
        elif cs >= pos_c:
            m = match_c(text, cs + 1, e)
            if m:
                cues.append(m)
            pos_c = m.end() if m else cs + 1
        p = max(cs + 1, min(pos_t, pos_c))
    return trig, cues


def _nearest(text: str, trig: _Triggers, start: int, end: int, kind: str | None, lo: int, hi: int) -> str | None:
    """The category of the nearest fitting trigger within [lo, hi) and _WINDOW chars of the figure."""
    best, best_d = None, _WINDOW
    starts, ends, cats_of = trig.starts, trig.ends, trig.cats
    # a trigger ending _WINDOW chars before the figure or starting _WINDOW chars after it is too far
    for i in range(bisect_right(ends, start - _WINDOW), bisect_left(starts, end + _WINDOW)):
        ts, te = starts[i], ends[i]
        if ts < lo or te > hi or (start <= ts < end):
            continue
        a, b = (te, start) if te <= start else (end, ts)
        d = b - a if b > a else 0
        if d >= best_d:
            continue  # the clause penalty below only adds
        if text.find(",", a, b) >= 0 or text.find(";", a, b) >= 0:
            d += 25  # a trigger in another clause is weaker
        if d < best_d:
            cats = cats_of[i]
            for c in cats:
                if _allowed(c, kind) and (kind is not None or c != "damaged" or d <= _WINDOW_NO_OBJECT):
                    best, best_d = c, d
                    break
    return best


def _attribution(doc: Doc, si: int, low: str | None, cues: list[re.Match] | None) -> str | None:
    """The source of the sentence's figures: "according to X", "X said", "..., said X"."""
    src = _find_source(doc, si, low, cues)
    return src if src and len(src) <= 80 else None


def _find_source(doc: Doc, si: int, low: str | None, cues: list[re.Match] | None) -> str | None:
    """`cues`: the sentence's reporting verbs if already found (else scanned for here)."""
    if not doc.sentences:
        return None
    s, e = doc.sentences[si]
    text = doc.text
    k = text.find("ccording to", s, e)
    if k > s:
        m = lex.ACCORDING_TO.match(text, k - 1, e)
        if m:
            return m.group(1).strip().rstrip(".") or None
    if cues is None:
        cues = scan_lowered(lex.SAID_CUE, lex.SAID_TWIN, text, low, s, e, offset=1)
    for cue in cues:
        c0 = cue.start()
        before = text[max(s, c0 - 70):c0].rstrip()
        if before.endswith((",", "\"", "”")):
            m = lex.SOURCE_AFTER.match(text, cue.end(), e)
            if m:
                return m.group(1).strip().rstrip(".") or None
            continue
        # SOURCE_BEFORE ends with a capitalised word or a group noun ("officials") before the
        # spaces: a lower-case last word that is no group noun cannot start a match
        last_word = before.rsplit(None, 1)[-1] if before else ""
        if last_word.islower() and not last_word.endswith(lex.GROUP_SOURCE_WORDS):
            continue
        m = lex.SOURCE_BEFORE.search(text, max(s, c0 - 70), c0)
        if m:
            words = m.group(1).split()
            if len(words) > 1 and words[0] == "the":
                words.pop(0)
            if words:
                return " ".join(words)
    return None
