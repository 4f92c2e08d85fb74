"""Figure extraction: quantities in news text, with qualifier, range, unit, object and category.

One pass finds where numbers begin (`numbers.number_starts`), `numbers.read_number` reads each
expression, and short anchored regexes around it read the rest: currency and qualifier on the
left; range, unit and "or more" on the right; then what is counted. Numbers that are dates,
years, clock times, ordinals, scores or parts of names are dropped. A second pass per sentence
sets the category of bare counts from the nearest trigger word ("killed", "intercepted", ...)
without reaching across a neighbouring figure, and the source ("according to X", "X said").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract import figure_lexicon as lex
from pipeline.extract.numbers import DIGIT_AT, WORD_START, Number, number_starts, read_number
from pipeline.extract.records import Figure
from pipeline.extract.text import Doc
from pipeline.extract.units import (CATEGORY_OF_UNIT, CURRENCY_BEFORE, CURRENCY_SYMBOLS, UNIT_AFTER, UNIT_OF)

_PREV_WORD = re.compile(r"([A-Za-z][\w'’.\-]*)[\s\u00a0]+$")
_OBJECT_LEAD = re.compile(r"[\s\u00a0]+(?:of[\s\u00a0]+)?(?:the[\s\u00a0]+|these[\s\u00a0]+|those[\s\u00a0]+|its[\s\u00a0]+|their[\s\u00a0]+)?")
_TOKEN = re.compile(r"[A-Za-z][\w'’\-]*")
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)\b")
_AGE_AFTER = re.compile(r"[\s\u00a0]+old\b|-old\b", re.IGNORECASE)
_LONG_AFTER = re.compile(r"-long\b", re.IGNORECASE)
_AGE_LEFT = re.compile(r"\b(?:aged|age of|ages of|at the age of)[\s\u00a0]+$", re.IGNORECASE)
_MILLION_NOUNS = re.compile(
    r"[\s\u00a0]+(?:[A-Za-z-]+[\s\u00a0]+)?(?:people|users|customers|viewers|subscribers|listeners|readers|homes|"
    r"households|jobs|shares|barrels|tonnes|copies|votes|voters|visitors|passengers|units|players|residents|"
    r"children|adults|workers|members|accounts|downloads|sales|cars|phones|devices|pounds|dollars|euros)\b",
    re.IGNORECASE,
)
_HALF_OK_AFTER = re.compile(r"[\s\u00a0]+(?:of|the|a|an|its|their|his|her|that|this|these|those|all|what)\b",
                            re.IGNORECASE)
_BY_LEFT = re.compile(r"\b(?:by|than|cut|halved)[\s\u00a0]+$", re.IGNORECASE)
_COMPOUND_SKIP = frozenset("off way ways time times sided man woman party fold nil all thirds third half up".split())
_SENTENCE_OPENERS = ".!?:;\"“”'‘’([\n-–—•*"
_DEMONYM_ENDINGS = ("ian", "can", "ean", "ish", "ese", "ch", "ani", "eli")  # "Russian 152 mm gun"
_WINDOW = 120  # how far (chars) a trigger word may be from its figure


@dataclass(slots=True)
class _Found:
    fig: Figure
    num: Number
    kind: str | None  # object class: weapon, projectile, person, personnel, place, None
    word_only: bool  # written in words, no digits
    obj_end: int


def extract_figures(doc: Doc) -> list[Figure]:
    text = doc.text
    found: list[_Found] = []
    blocked = 0
    for m in number_starts(text):
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
    return _finish(doc, found)


def _figure(text: str, num: Number):
    s0 = num.start
    left = text[max(0, s0 - 48):s0]
    if num.digits:
        if not _digits_ok(text, num, left):
            return None
    elif not _words_ok(text, num, left):
        return None

    start, end = s0, num.end
    unit = None
    cur = CURRENCY_BEFORE.search(left[-5:]) if left else None
    if cur:
        code = cur.group().strip().lower()
        unit = CURRENCY_SYMBOLS.get(code) or CURRENCY_SYMBOLS.get(code.rstrip("."))
        start = s0 - len(cur.group())
    elif num.short_scale == "m" and not _MILLION_NOUNS.match(text, num.end):
        num.value /= 1e6  # "100m" without a currency is metres
        unit = "meter"
    elif num.short_scale == "b":
        return None

    # qualifier words on the left
    qual = "~" if num.vague else "="
    lslice = text[max(0, start - 40):start]
    q = lex.QUALIFIER_LEFT.search(lslice)
    if q:
        qual = lex.QUALIFIER_OF_GROUP[q.lastgroup]
        start = start - (len(lslice) - q.start())
        lslice = text[max(0, start - 40):start]

    value, value_max = num.value, None
    age = bool(_AGE_LEFT.search(lslice))

    # unit right after the number ("5 km", "90%", "6.5 billion zlotys", "three-day")
    if unit is None:
        u = UNIT_AFTER.match(text, end)
        key = _unit_key(u) if u else None
        if key:
            unit, end = key[0], u.end()
    # range: "10 to 15", "10-15", "between 10 and 15"
    r = lex.RANGE_JOIN.match(text, end)
    if r:
        second = _number_at(text, r.end())
        if second is not None:
            ok = second.value > value or (second.scaled and not num.scaled)
            if r.group("and"):
                ok = ok and bool(lex.BETWEEN_LEFT.search(lslice)) and not lex.FROM_LEFT.search(lslice)
            elif r.group("to"):
                ok = ok and not lex.FROM_LEFT.search(lslice)
            else:  # dash
                if num.digits != second.digits:
                    ok = False
                elif num.digits and (lex.SCORE_CONTEXT.search(lslice) or lex.SCORE_AFTER.match(text, second.end)
                                     or second.value <= value):
                    return _Skip(second.end)
            if ok:
                low = value
                if second.scaled and not num.scaled:
                    for mult in (1e12, 1e9, 1e6, 1e3, 100.0):
                        if second.value >= mult and low * mult <= second.value:
                            low *= mult
                            break
                value, value_max, end = low, second.value, second.end
                between = lex.BETWEEN_LEFT.search(lslice)
                if between:
                    start -= len(lslice) - between.start()
                u2 = UNIT_AFTER.match(text, end)
                if u2 and _unit_key(u2):
                    unit2 = _unit_key(u2)[0]
                    if unit is None or unit == unit2:
                        unit, end = unit2, u2.end()
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
        if h:
            w = h.group(1).lower()
            if w in _COMPOUND_SKIP or (num.value == 1 and not num.digits):
                return None
            compound = w  # "nine-storey": counts storeys
            end = h.end()

    # qualifiers after: "100+", "50 or more", "40-odd"
    qr = lex.QUALIFIER_RIGHT.match(text, end)
    if qr:
        qual = lex.QUALIFIER_OF_GROUP[qr.lastgroup]
        end = qr.end()

    # change: "rose 5%", "fell by 3 points", "a 5% rise"
    ch = lex.CHANGE_LEFT.search(text[max(0, s0 - 40):s0]) if not cur else lex.CHANGE_LEFT.search(
        text[max(0, start - 40):start])
    category_unit = CATEGORY_OF_UNIT.get(unit) if unit else None
    measured = category_unit in ("percent", "money") or unit == "point"
    if ch and not ch.group("by") and (ch.group("up") or ch.group("down")).lower() in lex.CHANGE_ONLY_FOR_SHARES \
            and category_unit != "percent":
        ch = None  # "lost $5m", "raised $5m": an amount, not a change
    if ch and not ch.group("by") and category_unit == "percent" and re.match(r"[\s\u00a0]+of\b", text[end:end + 4]):
        ch = None  # "cut 80% of benefits": a share
    if ch and (ch.group("by") or measured):
        qual = "up" if ch.group("up") else "down"
    elif measured:
        cr = lex.CHANGE_RIGHT.match(text, end)
        if cr and re.search(r"\ban?[\s\u00a0]+$", text[max(0, start - 4):start]):
            qual = "up" if cr.group("up") else "down"

    if num.value == 0.5 and not num.digits and not num.scaled and unit is None:
        if not (_HALF_OK_AFTER.match(text, num.end) or _BY_LEFT.search(lslice)):
            return None

    # what is counted
    obj, obj_end, kind = None, end, None
    if compound:
        obj = compound
    elif unit is None or category_unit == "money":
        obj, obj_end = _object(text, end)
        if obj:
            kind = _kind(obj)

    if age:
        category = "age"
        unit = unit or "year"
    elif unit == "millimeter" and lex.CALIBRE_AFTER.match(text, end):
        category = "other"
    elif unit:
        category = CATEGORY_OF_UNIT.get(unit, "other")
    else:
        category = "count"
    fig = Figure(surface=text[start:end], value=float(value), char_start=start, char_end=end, sentence_index=0,
                 value_max=float(value_max) if value_max is not None else None, qualifier=qual, unit=unit,
                 object=obj, category=category)
    return _Found(fig, num, kind, not num.digits, obj_end)


class _Skip:
    """A span to skip without a figure (a score such as "3-1")."""

    __slots__ = ("end",)

    def __init__(self, end: int) -> None:
        self.end = end


def _unit_key(u: re.Match):
    key = (u.group("glued") or u.group("spaced") or "").lower()
    key = re.sub(r"[\s\u00a0-]+", " ", key)
    return UNIT_OF.get(key)


def _number_at(text: str, pos: int) -> Number | None:
    m = DIGIT_AT.match(text, pos) or WORD_START.match(text, pos)
    if m is None:
        return None
    return read_number(text, m)


def _digits_ok(text: str, num: Number, left: str) -> bool:
    raw = text[num.start:num.end]
    n = len(text)
    end = num.end
    if raw[0] == "0" and len(raw) > 1 and raw[1].isdigit():
        return False  # phone numbers, codes
    nxt = text[end] if end < n else ""
    if nxt in "/:" and end + 1 < n and text[end + 1].isdigit():
        return False  # 24/7, 10:30, 2004/05
    if not num.scaled:
        if nxt.isalpha() and not UNIT_AFTER.match(text, end):
            return False  # 3D, 5G, 7am
        if lex.CLOCK_AFTER.match(text, end):
            return False
    plain_int = raw.isdigit()
    v = num.value
    if plain_int and 1 <= v <= 31 and (lex.MONTH_BEFORE.search(left) or lex.MONTH_AFTER.match(text, end)):
        return False  # dates
    if plain_int and len(raw) == 4 and 1000 <= v <= 2100 and not num.scaled:
        if CURRENCY_BEFORE.search(left[-5:]) or lex.QUALIFIER_LEFT.search(left):
            pass
        elif 1900 <= v <= 2100 or lex.YEAR_LEFT.search(left) or not left.strip():
            if (1900 <= v <= 2100 and not _plural_after(text, end)) or lex.YEAR_LEFT.search(left):
                return False  # a year
    if left and left[-1] in "#№":
        return False
    pw = _PREV_WORD.search(left[-30:]) if left else None
    if pw:
        word = pw.group(1)
        low = word.lower()
        if low in lex.INDEX_WORDS or low.rstrip(".") in lex.INDEX_WORDS:
            return False  # page 5, No 10, top 10
        if word[0].isupper() and low not in lex.CAPITAL_OK and not low.endswith(_DEMONYM_ENDINGS) \
                and not CURRENCY_BEFORE.search(left[-5:]):
            if not _sentence_start(left, pw.start()):
                return False  # Boeing 737, Section 427, Windows 10
            if word.isupper() and len(word) > 1:
                return False  # BBC 2, MH 17
    if lex.STREET_AFTER.match(text, end):
        return False
    return True


def _sentence_start(left: str, pos: int) -> bool:
    """Whether position `pos` of `left` begins a sentence (only spaces and an opener before it)."""
    i = pos - 1
    while i >= 0 and left[i] in " \t\u00a0":
        i -= 1
    return i < 0 or left[i] in _SENTENCE_OPENERS or left[i] == "\n"


def _words_ok(text: str, num: Number, left: str) -> bool:
    first = text[num.start]
    if first.isupper() and not _sentence_start(left, len(left)):
        return False  # Formula One, BBC Two, the Big Four
    pw = _PREV_WORD.search(left[-30:]) if left else None
    if pw:
        low = pw.group(1).lower()
        if low in lex.INDEX_WORDS:
            return False
        if num.value == 1 and num.words == 1 and low in lex.ONE_IDIOM_LEFT:
            return False
    return True


def _plural_after(text: str, end: int) -> bool:
    m = _TOKEN.match(text, end + 1) if end < len(text) and text[end] in " \u00a0" else None
    if not m:
        return False
    w = m.group().lower()
    if w in lex.OBJECT_STOP:
        return False
    if w.endswith("s") and not w.endswith("ss"):
        return True
    m2 = _TOKEN.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
    return bool(m2 and m2.group().lower().endswith("s") and m2.group().lower() not in lex.OBJECT_STOP
                and w[0].isupper())


def _object(text: str, end: int) -> tuple[str | None, int]:
    lead = _OBJECT_LEAD.match(text, end)
    if not lead:
        return None, end
    pos = lead.end()
    words: list[str] = []
    first_start = pos
    last_end = pos
    while len(words) < 5:
        t = _TOKEN.match(text, pos)
        if not t:
            break
        w = t.group()
        low = w.lower()
        if low == "and" and words and len(words) < 4:
            nt = _TOKEN.match(text, t.end() + 1) if text[t.end():t.end() + 1] == " " else None
            if nt and nt.group().lower() not in lex.OBJECT_STOP and nt.group().lower() not in lex.TRIGGER_CATEGORIES:
                words.append(w)
                pos = t.end() + 1
                continue
            break
        if low in lex.OBJECT_STOP or low in lex.TRIGGER_CATEGORIES or low.endswith("ly") or _is_number_word(low):
            break
        if words and low.endswith("ed") and words[-1].lower().endswith("s"):
            break  # "missiles reached": the verb after the noun
        words.append(w)
        last_end = t.end()
        if text[last_end:last_end + 1] not in (" ", "\u00a0"):
            break
        pos = last_end + 1
    if words and words[-1].lower() == "and":
        words.pop()
    if not words:
        return None, end
    return text[first_start:last_end], last_end


def _is_number_word(w: str) -> bool:
    return bool(WORD_START.fullmatch(w)) or w[:1].isdigit()


def _kind(obj: str) -> str | None:
    if lex.PROJECTILE_NOUNS.search(obj):
        return "projectile"
    if lex.WEAPON_NOUNS.search(obj):
        return "weapon"
    if lex.PERSONNEL_NOUNS.search(obj):
        return "personnel"
    if lex.PERSON_NOUNS.search(obj):
        return "person"
    if lex.PLACE_NOUNS.search(obj):
        return "place"
    return "thing"


_PERSON_CATS = frozenset({"killed", "injured", "missing", "displaced", "arrested"})


def _allowed(cat: str, kind: str | None) -> bool:
    if cat in _PERSON_CATS:
        return kind in (None, "person", "personnel")
    if cat in ("launched", "intercepted"):
        return kind in ("projectile", "weapon")
    if cat == "damaged":
        return kind in (None, "weapon", "thing")
    return kind != "place"


def _finish(doc: Doc, found: list[_Found]) -> list[Figure]:
    text = doc.text
    out: list[Figure] = []
    triggers_cache: dict[int, list[tuple[int, int, tuple[str, ...]]]] = {}
    attrib_cache: dict[int, str | None] = {}
    sent_of = [doc.sentence_index(f.fig.char_start) for f in found]
    for i, f in enumerate(found):
        fig = f.fig
        si = sent_of[i]
        fig.sentence_index = si
        if fig.category == "count":
            if si not in triggers_cache:
                triggers_cache[si] = _triggers(doc, si)
            trig = triggers_cache[si]
            lo = found[i - 1].obj_end if i > 0 and sent_of[i - 1] == si else -1
            hi = found[i + 1].fig.char_start if i + 1 < len(found) and sent_of[i + 1] == si else len(text) + 1
            cat = _nearest(text, trig, fig.char_start, f.obj_end, f.kind, lo, hi)
            if cat is None:
                cat = _nearest(text, trig, fig.char_start, f.obj_end, f.kind, -1, len(text) + 1)
            if cat is None:
                cat = {"projectile": "launched", "personnel": "personnel"}.get(f.kind or "", "count")
            fig.category = cat
        # "one" alone is a figure only when it counts something that happened to it
        if f.word_only and fig.qualifier == "=" and fig.unit is None and fig.category in ("count", "personnel"):
            if f.num.value == 1 and f.num.words == 1:
                continue
            if fig.object is None and fig.value_max is None:
                continue  # "the two were", "both"
        if out and fig.qualifier == "=" and text[out[-1].char_end:fig.char_start].strip() == "(" \
                and out[-1].category == fig.category:
            fig.qualifier = out[-1].qualifier  # "some 1,450km (900 miles)"
        if si not in attrib_cache:
            attrib_cache[si] = _attribution(doc, si)
        fig.attributed_to = attrib_cache[si]
        out.append(fig)
    return out


def _triggers(doc: Doc, si: int) -> list[tuple[int, int, tuple[str, ...]]]:
    if not doc.sentences:
        return []
    s, e = doc.sentences[si]
    return [(m.start(), m.end(), lex.TRIGGER_CATEGORIES[m.group().lower()])
            for m in lex.TRIGGER_RE.finditer(doc.text, s, e)]


def _nearest(text: str, trig, start: int, end: int, kind: str | None, lo: int, hi: int) -> str | None:
    best, best_d = None, _WINDOW
    for ts, te, cats in trig:
        if ts < lo or te > hi or (start <= ts < end):
            continue
        a, b = (te, start) if te <= start else (end, ts)
        d = max(0, b - a)
        if "," in text[a:b] or ";" in text[a:b]:
            d += 25  # a trigger in another clause is weaker
        if d < best_d:
            for c in cats:
                if _allowed(c, kind):
                    best, best_d = c, d
                    break
    return best


def _attribution(doc: Doc, si: int) -> str | None:
    if not doc.sentences:
        return None
    s, e = doc.sentences[si]
    sent = doc.text[s:e]
    m = lex.ACCORDING_TO.search(sent)
    if m:
        return m.group(1).strip().rstrip(".") or None
    m = lex.SAID_BEFORE.search(sent)
    if m:
        return m.group(1).strip().rstrip(".") or None
    m = lex.SAID_AFTER.search(sent)
    if m:
        src = m.group(1).strip()
        words = src.split()
        while words and words[0][0].islower() and words[0].lower() not in ("officials", "police", "authorities"):
            words.pop(0)
        return " ".join(words) or None
    return None
