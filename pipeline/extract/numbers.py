"""Number grammar: numbers written in digits, words, or both, to their values.

`number_starts` finds where a number may begin (two fast regex passes over the text); `read_number`
then reads the whole expression from there: "1,500", "2.5 million", "1.5bn", "473 400",
"twenty-five", "three hundred and twenty", "three-and-a-half", "a dozen", "dozens",
"tens of thousands", "several hundred", "half", "two-thirds", "-0.3". Vague words take the ACLED
convention ("dozens" = 12, "hundreds" = 100, "several" = 3) and are flagged `vague` so the
figure gets the `~` qualifier.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# abbreviated scales glued to digits or right after them ("1.5bn", "300m", "£30k")
SHORT_SCALES = {"bn": 1e9, "bln": 1e9, "b": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "tn": 1e12,
                "trn": 1e12, "k": 1e3}
FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
             "quarters": 0.25, "fifth": 0.2, "fifths": 0.2}
VAGUE = {"dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
         "several": 3}

_ONES = "|".join(sorted(ONES, key=len, reverse=True))
_TENS = "|".join(TENS)
_SCALE = "|".join(SCALES)

# Where a number can begin: two passes (digits, words) whose leading character class lets the
# regex engine skip ahead fast. Digits must not continue a word or a code ("G7", "Su-25",
# "COVID-19", "10:30", "1/2"); a period before them is fine after a letter (glued sentences).
DIGIT_START = re.compile(
    r"[0-9\-−+](?<![\w,/:#+\-][0-9])(?<!\d\.[0-9])(?<![^\s(\[][\-−+])(?:"
    r"(?<=[0-9])(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
    # a sign after a space or bracket: "-5C", "fell to -0.3%", "+2.1%"
    r"|(?<=[\-−+])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))(?![.,]\d)"
)
# The same digits without the guards before them: the second number of "4-6".
DIGIT_AT = re.compile(r"[0-9](?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)(?![.,]\d)")
_A_AHEAD = r"(?=\s+(?:dozen|hundred|thousand|million|billion|trillion|half|third|quarter)\b)"
_WORD_TRIE = {
    "o": "ne", "t": "wo|hree|en|welve|hirteen|wenty|hirty|ens(?=\\s+of\\s)|housands",
    "f": "our|ive|ourteen|ifteen|orty|ourty|ifty", "s": "ix|even|ixteen|eventeen|ixty|eventy|everal",
    "e": "ight|leven|ighteen|ighty", "n": "ine|ineteen|inety", "z": "ero", "h": "alf|undreds",
    "d": "ozens", "m": "illions", "b": "illions", "a": "n?" + _A_AHEAD,
}


def _longest_first(alts: str) -> str:
    return "|".join(sorted(alts.split("|"), key=len, reverse=True))


_WORD_BODY = "|".join(f"[{k}{k.upper()}](?:{v if k == 'a' else _longest_first(v)})" for k, v in _WORD_TRIE.items())
_FIRST_LETTERS = "".join(_WORD_TRIE) + "".join(_WORD_TRIE).upper()
WORD_START = re.compile(
    "[" + _FIRST_LETTERS + r"](?<![\w'’\-].)(?:"
    + "|".join(f"(?<=[{k}{k.upper()}])(?:{v if k == 'a' else _longest_first(v)})" for k, v in _WORD_TRIE.items())
    + r")\b"
)
# The words WORD_START matches from end to end, lower case (a set look-up for callers that test
# single words; "a"/"an" and "tens" are left out: they need the words after them).
WHOLE_WORDS = frozenset(k + alt for k, v in _WORD_TRIE.items() if k != "a" for alt in v.split("|") if "(" not in alt)
# The scan itself: led by the character before the word, which is rarer than the word's letters.
_LEAD_MARKS = r"\"“”‘(\[/–—.,;:!?*"
_WORD_LEAD = r"[\s" + _LEAD_MARKS + "]"
_WORD_SCAN = re.compile(_WORD_LEAD + "(?=[" + _FIRST_LETTERS + "])(" + _WORD_BODY + r")\b")
# Every character `\s` matches (all below U+3001), spelled out for the scans: a class of plain
# characters is tested faster than the \s category, at every character of the text.
SPACE_CHARS = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
# The scans over text.lower() (the same length, else `number_starts` scans `text` as above).
# Most number words follow a space: a pattern led by a literal character is scanned by a tight
# loop, one led by a class calls a test per character (2.5x slower), so the space-led words get
# their own scan and the other lead characters join the digits' scan, which tests every
# character anyway. Lower-casing keeps \w, \s, \d and every character named here as they are,
# so DIGIT_START's rules find in `low` what they find in `text`.
_WORD_BRANCHES = "(?:" + "|".join(f"{k}(?:{v if k == 'a' else _longest_first(v)})" for k, v in _WORD_TRIE.items()) + r")\b"
_SPACE_WORDS = re.compile(" " + _WORD_BRANCHES)
_DIGIT_FIRST = r"0-9\-−+"
_DIGIT_FIRST_CHARS = frozenset("0123456789-−+")  # no lead character among them
if not DIGIT_START.pattern.startswith(f"[{_DIGIT_FIRST}]"):
    raise ImportError("DIGIT_START changed its first class: update _DIGITS_OR_WORDS")
# DIGIT_START, or a number word after a lead character other than a space (a word after a digit
# or sign, which this also finds when the digits fail there, is no start: `number_starts` drops it)
_DIGITS_OR_WORDS = re.compile(
    f"[{_DIGIT_FIRST}" + re.escape(SPACE_CHARS.replace(" ", "")) + _LEAD_MARKS + f"](?:(?<=[{_DIGIT_FIRST}])"
    + DIGIT_START.pattern[len(_DIGIT_FIRST) + 2:] + "|" + _WORD_BRANCHES + ")"
)


def number_starts(text: str, low: str | None = None) -> list[re.Match]:
    """Every place a number may begin, in text order (`low`: text.lower() if already made)."""
    if low is None:
        low = text.lower()
    word_at = WORD_START.match
    first = word_at(text)
    found = [first] if first else []
    if len(low) != len(text):  # offsets in `low` would not line up: the exact scans of `text`
        found += DIGIT_START.finditer(text)
        found += (w for m in _WORD_SCAN.finditer(text) if (w := word_at(text, m.start(1))))
    else:
        # A word hit is confirmed in `text` right after its lead character: WORD_START matches
        # there exactly when _WORD_SCAN matches at the lead (the same words; a lead character is
        # no word character). No hit holds another's first character (words hold only letters;
        # the commas and periods inside digits are followed by digits).
        for m in _DIGITS_OR_WORDS.finditer(low):
            s = m.start()
            if low[s] in _DIGIT_FIRST_CHARS:
                if m.end() == s + 1 or not low[s + 1].isalpha():
                    found.append(m)  # DIGIT_START's match (read_number reads its digits)
            elif w := word_at(text, s + 1):
                found.append(w)
        found += (w for c in _SPACE_WORDS.finditer(low) if (w := word_at(text, c.start() + 1)))
    found.sort(key=re.Match.start)
    return found


# Cheap first tests for the regexes tried after every number (a regex call costs as much as
# several character look-ups, and most numbers are followed by none of these): the characters
# a match can start with, or continue with after one space or dash.
_BMP = "".join(map(chr, range(0x10000)))  # (case foldings onto the characters below all lie in the BMP)
# every character IGNORECASE matches an ASCII letter or a unit sign with ("K" and the Kelvin sign
# for "k", "ſ" for "s", "μ" for "µ"), found by one scan at import
_COMMON = "abcdefghijklmnopqrstuvwxyz%°µ"
_COMMON_FORMS = re.findall("[" + _COMMON + "]", _BMP, re.IGNORECASE)


def ignorecase_chars(chars: str) -> frozenset[str]:
    """The characters an IGNORECASE regex matches any of `chars` with."""
    forms = {f for c in chars.lower() if c in _COMMON for f in _COMMON_FORMS if re.fullmatch(re.escape(c), f, re.I)}
    others = "".join(c for c in chars.lower() if c not in _COMMON)
    if others:  # (another scan of the whole BMP)
        forms.update(re.findall("[" + re.escape(others) + "]", _BMP, re.IGNORECASE))
    return frozenset(forms)


GAP_CHARS = frozenset(SPACE_CHARS + "-")  # [\s\u00a0-] and [\s-]
_SCALE_FIRST = ignorecase_chars("htmbk")  # hundred thousand million billion trillion bn mn tn m k b
_A_CHARS = ignorecase_chars("a")  # "and" of _FRACTION_TAIL
_FRACTION_FIRST = ignorecase_chars("htqf")  # _FRACTION_AFTER: halves thirds quarters fifths
_TOKEN_FIRST = ignorecase_chars("".join({w[0] for w in [*ONES, *TENS, *SCALES, "dozen", "and"]}))  # _WORD_TOKEN


def _word_may_follow(text: str, pos: int, firsts: frozenset[str]) -> bool:
    """Whether a regex `[\s-]+word...` may match at `pos`: a space or dash there, then one of the
    words' first characters (or a longer run of spaces and dashes, left to the regex)."""
    if text[pos:pos + 1] not in GAP_CHARS:
        return False
    c = text[pos + 1:pos + 2]
    return c in firsts or c in GAP_CHARS


_GROUP_SPACES = frozenset(" \u00a0\u202f")  # _SPACE_GROUP's first character
_SPACE_GROUP = re.compile(r"[ \u00a0\u202f]\d{3}(?![\d,.]\d|\d)")
_SCALE_AFTER = re.compile(r"[\s\u00a0-]*(" + _SCALE + r")s?\b|(?:\s?(bn|bln|mn|mln|tn|trn)|(m|k|b))\b", re.IGNORECASE)
_WORD_TOKEN = re.compile(r"(?:[\s\u00a0]+|-)(and[\s-]+)?(" + _TENS + "|" + _ONES + "|" + _SCALE + r"|dozen)\b",
                         re.IGNORECASE)
_FRACTION_TAIL = re.compile(r"[\s-]+and[\s-]+(?:a|an|one)[\s-]+(half|quarter|third)\b", re.IGNORECASE)
_FRACTION_AFTER = re.compile(r"[\s-]+(halves|half|thirds|third|quarters|quarter|fifths|fifth)\b", re.IGNORECASE)
_A_NEXT = re.compile(r"[\s]+(dozen|hundred|thousand|million|billion|trillion|half|third|quarter)\b", re.IGNORECASE)
_OF_SCALE = re.compile(r"\s+of\s+(thousands|millions|billions)\b", re.IGNORECASE)
_SEVERAL_NEXT = re.compile(r"\s+(dozen|hundred|thousand|million|billion)\b", re.IGNORECASE)
_HALF_A = re.compile(r"(?:[\s-]+of)?[\s-]+an?\s+(?=(?:hour|day|week|month|year|century|decade|mile|dozen|million|"
                     r"billion|"
                     r"percentage point|point|per cent|kilo|litre|liter|ton|metre|meter)\b)", re.IGNORECASE)


@dataclass(slots=True)
class Number:
    start: int
    end: int
    value: float
    vague: bool = False  # a vague word ("dozens", "several"): qualifier "~"
    digits: bool = False  # written (at least partly) in digits
    scaled: bool = False  # has a scale word ("million", "bn")
    short_scale: str | None = None  # an abbreviated scale ("m", "k", "bn") as written
    words: int = 1  # how many number words (for "one" alone, words == 1)


def parse_digits(s: str) -> float:
    return float(s.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", ""))


def read_number(text: str, m: re.Match) -> Number | None:
    """The number expression that starts at match `m` of `number_starts`, or None if it is none."""
    if m.re is not WORD_START:  # DIGIT_START, DIGIT_AT, or the digits of `number_starts`' scan
        return _read_digits(text, m)
    return _read_words(text, m.start(), m.group().lower())


def _read_digits(text: str, m: re.Match) -> Number:
    s, end = m.group(), m.end()
    sign = 1.0
    digits_from = m.start()
    if s[0] in "-−+":
        sign, digits_from, s = (1.0 if s[0] == "+" else -1.0), m.start() + 1, s[1:]
    if "," not in s and "." not in s and len(s) <= 3:
        groups = 0
        while groups < 4 and text[end:end + 1] in _GROUP_SPACES and text[end + 1:end + 2].isdecimal() \
                and (g := _SPACE_GROUP.match(text, end)) is not None:  # "473 400" (\d is isdecimal)
            end = g.end()
            groups += 1
    raw = text[digits_from:end]
    value = sign * (float(raw) if raw.isdecimal() else parse_digits(raw))  # most are plain digits
    num = Number(m.start(), end, value, False, True)  # positional (faster): vague=False, digits=True
    # The characters after the digits tell which of the rare extensions may follow (the tests of
    # `_scale_may_follow` and `_word_may_follow`, made once here: this runs for every number).
    c = text[end:end + 1]
    after_gap = c in GAP_CHARS
    if after_gap:
        c = text[end + 1:end + 2]
    unsure = after_gap and c in GAP_CHARS  # a longer run of spaces or dashes: the regexes decide
    if unsure or c in _SCALE_FIRST:
        _scale(text, num)
        if num.scaled:
            return num  # (a fraction tail is read only before a scale)
    if after_gap and (unsure or c in _A_CHARS) and (f := _FRACTION_TAIL.match(text, end)):  # "3 and a half years"
        num.value += FRACTIONS[f.group(1).lower()]
        num.end = f.end()
        _apply_scale(text, num)
    return num


def _scale_may_follow(text: str, end: int) -> bool:
    """Whether _SCALE_AFTER may match at `end`: a scale word glued, or after spaces or a dash."""
    return text[end:end + 1] in _SCALE_FIRST or _word_may_follow(text, end, _SCALE_FIRST)


def _apply_scale(text: str, num: Number) -> None:
    if _scale_may_follow(text, num.end):
        _scale(text, num)


def _scale(text: str, num: Number) -> None:
    sc = _SCALE_AFTER.match(text, num.end)
    if not sc:
        return
    if sc.group(1):
        word = sc.group(1).lower()
        # "two hundred" yes; but "1,500 hundred" no
        num.value *= SCALES[word]
        num.end = sc.end()
        num.scaled = True
    else:
        short = sc.group(2) or sc.group(3)
        num.short_scale = short.lower()
        num.value *= SHORT_SCALES[short.lower()]
        num.end = sc.end()
        num.scaled = True


def _read_words(text: str, start: int, first: str) -> Number | None:
    if first in ("a", "an"):
        nxt = _A_NEXT.match(text, start + len(first))
        if not nxt:
            return None
        word = nxt.group(1).lower()
        if word in FRACTIONS:
            num = Number(start, nxt.end(), FRACTIONS[word])
            return _half_of_scale(text, num)
        value = 12.0 if word == "dozen" else SCALES[word]
        return _continue_words(text, Number(start, nxt.end(), value), 0.0, value)
    if first == "half":
        return _half_of_scale(text, Number(start, start + 4, 0.5))
    if first == "tens" or first == "hundreds":
        of = _OF_SCALE.match(text, start + len(first))
        if of:
            base = 10 if first == "tens" else 100
            return Number(start, of.end(), base * VAGUE[of.group(1).lower()], vague=True, scaled=True)
        if first == "tens":
            return None
        return Number(start, start + len(first), 100.0, vague=True)
    if first in VAGUE:
        num = Number(start, start + len(first), float(VAGUE[first]), vague=True)
        if first == "several":
            nxt = _SEVERAL_NEXT.match(text, num.end)
            if nxt:
                w = nxt.group(1).lower()
                num.value *= 12 if w == "dozen" else SCALES[w]
                num.end = nxt.end()
                num.scaled = w != "dozen"
                more = _SEVERAL_NEXT.match(text, num.end)  # "several hundred million"
                if more and more.group(1).lower() not in ("dozen", "hundred"):
                    num.value *= SCALES[more.group(1).lower()]
                    num.end = more.end()
        elif first == "dozens":
            of = _OF_SCALE.match(text, num.end)
            if of:
                num.value *= VAGUE[of.group(1).lower()]
                num.end = of.end()
        return num
    value = float(ONES.get(first, TENS.get(first, 0)))
    return _continue_words(text, Number(start, start + len(first), value), 0.0, value)


def _continue_words(text: str, num: Number, total: float, current: float) -> Number:
    """Extend a word number token by token: "twenty-five", "three hundred and six", "2 million"."""
    last = "scale" if num.value >= 100 else ("tens" if num.value >= 20 and num.value % 10 == 0 else "ones")
    pos = num.end
    while True:
        t = _WORD_TOKEN.match(text, pos) if _word_may_follow(text, pos, _TOKEN_FIRST) else None
        if not t:
            break
        w = t.group(2).lower()
        if t.group(1) and last != "scale":
            break  # "two and three" are two numbers; "hundred and six" is one
        if w in SCALES or w == "dozen":
            mult = 12 if w == "dozen" else SCALES[w]
            if mult >= 1000:
                total += max(current, 1) * mult
                current = 0.0
            else:
                current = max(current, 1) * mult
            last = "scale"
            num.scaled = True
        elif w in TENS:
            if last not in ("scale",):
                break
            current += TENS[w]
            last = "tens"
        else:
            if last == "ones" or (last == "tens" and ONES[w] >= 10):
                break
            current += ONES[w]
            last = "ones"
        num.words += 1
        pos = t.end()
    num.end = pos
    num.value = total + current
    f = _FRACTION_TAIL.match(text, pos) if _word_may_follow(text, pos, _A_CHARS) else None
    if f:
        num.value += FRACTIONS[f.group(1).lower()]
        num.end = f.end()
        num.words += 1
    elif num.words == 1 and num.value < 10:
        fr = _FRACTION_AFTER.match(text, pos) if _word_may_follow(text, pos, _FRACTION_FIRST) else None
        # ("two-thirds", "three quarters")
        if fr:
            num.value *= FRACTIONS[fr.group(1).lower()]
            num.end = fr.end()
            num.words += 1
            return _half_of_scale(text, num)
    if not num.scaled:
        _apply_word_scale_after_fraction(text, num)
    return num


def _apply_word_scale_after_fraction(text: str, num: Number) -> None:
    """ "two and a half million": a scale word after the fraction tail."""
    v = num.value
    if math.isfinite(v) and v == int(v):
        return  # no fraction (the test below, first: it needs no regex)
    sc = _SCALE_AFTER.match(text, num.end)
    if sc and sc.group(1) and num.value != int(num.value):
        num.value *= SCALES[sc.group(1).lower()]
        num.end = sc.end()
        num.scaled = True


def _half_of_scale(text: str, num: Number) -> Number:
    """ "half a million", "half an hour": skip the article so the scale or unit follows."""
    a = _HALF_A.match(text, num.end)
    if a:
        num.end = a.end()
        sc = _SCALE_AFTER.match(text, num.end)
        if sc and sc.group(1):
            num.value *= SCALES[sc.group(1).lower()]
            num.end = sc.end()
            num.scaled = True
        elif sc is None and text[num.end:num.end + 5].lower() == "dozen":
            num.value *= 12
            num.end += 5
    return num
