"""The words right before a figure, read fast: a few `rsplit` tokens and set look-ups instead of
end-anchored regex searches (which try every position of the slice and dominated run time).
"""
from __future__ import annotations

_LEAD_PUNCT = "([{\"“‘'«"
_TRAIL_PUNCT = ",.;:!?)]}\"”’'»"
_TRAIL_CUT = frozenset(_TRAIL_PUNCT) - frozenset("'’")  # punctuation that separates a word from the next
_TRAIL_CUT_LAST = _TRAIL_CUT - {"."}  # ... from the figure right after it

_QUALIFIERS = {
    "~": """about|around|roughly|approximately|approx|approx.|some|an estimated|estimated|nearly|almost|close to|
         circa|c.|an approximate|approaching|the best part of|getting on for""",
    ">": """more than|over|at least|upwards of|upward of|in excess of|exceed|exceeds|exceeding|exceeded|above|
         beyond|just over|well over|well above|no fewer than|no less than|a minimum of|topped|tops|surpassed|
         north of|at minimum|more then""",
    "<": """under|less than|fewer than|up to|at most|below|as many as|as much as|no more than|not more than|
         just under|just below|a maximum of|at the most|shy of|short of|as few as|as little as""",
}
QUALIFIER_PHRASES: dict[tuple[str, ...], str] = {}
for _q, _alts in _QUALIFIERS.items():
    for _p in _alts.split("|"):
        QUALIFIER_PHRASES[tuple(_p.split())] = _q
QUALIFIER_LAST_WORDS = frozenset(p[-1] for p in QUALIFIER_PHRASES)  # a cheap first test

UP_VERBS = frozenset("""rose rise rises rising risen increased increase increases increasing grew grow grows growing
grown gained gains gain gaining jumped jumps jump jumping climbed climbs climbing surged surges surging soared soars
rallied advanced added adding boosted raised raising up higher widened expanded""".split())
DOWN_VERBS = frozenset("""fell fall falls falling fallen dropped drops drop dropping declined declines decline declining
decreased decreases decrease decreasing down slipped slips slid slides plunged plunges tumbled tumbles sank sinks shed
sheds shedding cut cuts cutting reduced reduce reduces slumped slumps dipped dips eased eases lowered shrank shrunk
shrinks contracted lost loses losing lower narrowed slashed plummeted retreated""".split())
# change verbs that also name an amount ("lost $5m", "raised $5m"): a change only for percents
CHANGE_ONLY_FOR_SHARES = frozenset("lost loses losing raised raising added adding cut cuts cutting shed sheds "
                                   "gained gains gain gaining".split())
_CHANGE_FILLERS = (("a", "further"), ("another",), ("an", "estimated"), ("just",), ("only",), ("a",), ("an",),
                   ("some",), ("roughly",))

PHRASAL_BEFORE = frozenset("""weighed weigh shot shoot shooting brought bring set sets setting knocked turned broken
broke took taken take tracked hunted gunned slowed calmed cooled played talked backed bogged pinned put let handed
stepped stood sat shut shuts scaled scale wound ramped ramp stepping beefed signed sign""".split())
CHANGE_NOUNS = {w: "up" for w in "rise increase jump gain growth hike rally surge climb boost".split()}
CHANGE_NOUNS.update({w: "down" for w in "fall drop decline decrease cut reduction slump loss dip slide plunge".split()})
_FILLER_WORDS = frozenset(f[-1] for f in _CHANGE_FILLERS)
# the last word before a change ("rose", "by", "of", "a further") is one of these: a cheap first test
CHANGE_LAST_WORDS = _FILLER_WORDS | UP_VERBS | DOWN_VERBS | {"of", "by"}

YEAR_WORDS = frozenset("""in since from until till by of to and between before after during early late mid year
circa around spring summer autumn fall winter the than or season fiscal back ad bc end start beginning""".split())
MONTH_WORDS = frozenset("""jan january feb february mar march apr april may jun june jul july aug august sep sept
september oct october nov november dec december""".split())
SCORE_WORDS = frozenset("""won win wins winning beat beats beating lost lose loses losing drew draw draws defeated
trail trailed trailing led lead leading victory defeat thrashed edged scoreline score""".split())


class Tail:
    """Up to five lower-cased words before `pos`, nearest last, up to punctuation, a line break or
    an opening bracket or quote that separates them from the figure. Most figures only look at
    the nearest word, so the others are read on first need (`words`)."""

    __slots__ = ("text", "pos", "_toks", "nearest", "_words")

    def __init__(self, text: str, pos: int) -> None:
        self.text = text
        self.pos = pos
        self._words: list[str] | None = None
        toks: list[str] | tuple = ()
        nearest = ""  # the nearest word, lower case
        if pos and text[pos - 1].isspace():
            sl = text[pos - 40 if pos > 40 else 0:pos]
            k = sl.rfind("\n")
            if k >= 0:
                sl = sl[k + 1:]
            elif pos > 40:
                k = sl.find(" ")
                sl = sl[k + 1:] if k >= 0 else ""  # drop a cut word
            split = sl.rsplit(None, 5)  # the last five words (and what is left before them)
            if split and split[-1][-1] not in _TRAIL_CUT_LAST:
                toks = split
                t = split[-1]
                nearest = (t.lstrip(_LEAD_PUNCT) if t[0] in _LEAD_PUNCT else t).lower()
        # (each slot set once: a figure is read for every number in the text)
        self._toks = toks
        self.nearest = nearest

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._read_words()
        return self._words

    def _read_words(self) -> None:
        words: list[str] = []
        for t in self._toks[:-6:-1]:  # the last five, nearest first
            if words and t[-1] in _TRAIL_CUT:
                break
            if t[0] in _LEAD_PUNCT:
                w = t.lstrip(_LEAD_PUNCT)
                words.append(w.lower())
                break  # an opening bracket or quote starts the phrase
            words.append(t.lower())
        words.reverse()
        self._words = words

    def ends_with(self, phrase: tuple[str, ...], skip: int = 0) -> bool:
        n = len(phrase)
        ws = self.words[:len(self.words) - skip] if skip else self.words
        return len(ws) >= n and tuple(ws[-n:]) == phrase

    def qualifier(self, skip: int = 0) -> tuple[str, int] | None:
        """(qualifier, number of words) for a qualifier phrase ending right before the figure."""
        if not skip and self.nearest not in QUALIFIER_LAST_WORDS:
            return None  # the cheap common case
        ws = self.words[:len(self.words) - skip] if skip else self.words
        if not ws or ws[-1] not in QUALIFIER_LAST_WORDS:
            return None
        for k in (4, 3, 2, 1):
            if len(ws) >= k:
                q = QUALIFIER_PHRASES.get(tuple(ws[-k:]))
                if q:
                    return q, k
        return None

    def start_of_last(self, k: int) -> int:
        """Text offset where the last `k` words begin."""
        sl = self.text[max(0, self.pos - 60):self.pos]
        i = len(sl)
        for _ in range(k):
            i = len(sl[:i].rstrip())
            j = max(sl.rfind(" ", 0, i), sl.rfind("\n", 0, i), sl.rfind("\t", 0, i), sl.rfind("\u00a0", 0, i))
            i = j + 1
        # do not include a leading bracket or quote
        while i < len(sl) and sl[i] in _LEAD_PUNCT:
            i += 1
        return self.pos - len(sl) + i

    def change(self, skip: int = 0) -> tuple[str, str, bool] | None:
        """(direction, verb, has_by) for "rose 5%", "fell by about 3%", "cut by a further 2%"."""
        if not skip and self.nearest not in CHANGE_LAST_WORDS:
            return None  # the cheap common case
        ws = self.words[:len(self.words) - skip] if skip else self.words
        if not ws or ws[-1] not in CHANGE_LAST_WORDS:
            return None
        if ws[-1] in _FILLER_WORDS:
            for filler in _CHANGE_FILLERS:
                n = len(filler)
                if len(ws) > n and tuple(ws[-n:]) == filler:
                    ws = ws[:-n]
                    break
        if ws and ws[-1] == "of" and len(ws) > 1 and ws[-2] in CHANGE_NOUNS:  # "a rise of 5%"
            return CHANGE_NOUNS[ws[-2]], ws[-2], True
        by = bool(ws) and ws[-1] == "by"
        if by:
            ws = ws[:-1]
            if len(ws) > 1 and ws[-1] not in UP_VERBS and ws[-1] not in DOWN_VERBS and \
                    (ws[-2] in UP_VERBS or ws[-2] in DOWN_VERBS) and ws[-2] not in ("up", "down"):
                ws = ws[:-1]  # "raised rates by", "cut prices by"
        if not ws:
            return None
        v = ws[-1]
        if v in ("up", "down") and len(ws) > 1 and ws[-2] in PHRASAL_BEFORE:
            return None  # "weighed down by", "shot down", "set up"
        if v in UP_VERBS:
            return "up", v, by
        if v in DOWN_VERBS:
            return "down", v, by
        return None

    def last(self, skip: int = 0) -> str:
        if not skip:
            return self.nearest
        words = self.words
        i = len(words) - 1 - skip
        return words[i] if i >= 0 else ""

    def last_raw(self) -> str:
        return self._toks[-1] if self._toks else ""
