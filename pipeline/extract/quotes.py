"""Quote extraction (issue 3): direct, partial, indirect and according-to quotes with speakers.

Three passes over the article, all regex-driven:
1. quotation marks are paired (`quote_marks.find_quoted`, tolerant of unbalanced marks) and each
   quoted span is classified: `direct` (it opens a sentence or follows "said:"), `partial` (a
   fragment inside the reporter's sentence governed by a reporting verb), or dropped (a scare
   quote or a quoted title with no reporting verb);
2. reporting verbs outside quotation marks that no direct quote used give `indirect` rows
   ("X said (that) ...", "..., X said") and "according to X" gives `according_to` rows; a
   partial quote inside such a clause is kept as its own row only when it is most of the clause;
3. speakers are resolved in text order: names to the fullest form the article gives, role
   phrases through the mention chain, pronouns and cue-less quotes to the speaker before.
Also handled: quotes set off by dashes ("- ... - says X"), credit lines (“...” ― Name) and
transcript labels ("PENCE: ..."). Every row's offsets point at its exact characters; a direct
or partial row's quote_text is the content without the marks, an indirect row's the clause.
"""
from __future__ import annotations

import bisect
import operator
from itertools import accumulate
import re as stdre
from dataclasses import dataclass

import regex as re

from pipeline.extract.quote_marks import Quoted, find_quoted
from pipeline.extract.records import Quote
from pipeline.extract.text import Doc, trie_pattern
from pipeline.extract.speaker_lexicon import (
    BREAK_CAPS, DETERMINERS, CHANNEL_NOUNS, CUE_FORMS, CUE_PATTERN, PLATFORMS, PRONOUNS, THAT_ONLY,
)
from pipeline.extract.speakers import (
    UPPER, MentionChain, Speaker, np_after, np_before, resolve, subject_np,
)

# stdlib re scans a prefix-factored alternation several times faster than the regex module.
# A cue follows one of `_CUE_LEADS` (a cue at offset 0 is matched by _CUE_AT0). The scan runs on
# a copy of the text with every lead character replaced by a space (`_leads_to_spaces`): re finds
# a literal first character an order of magnitude faster than a class of them, and the copy has
# the same offsets. A cue's end (\b) is the same in the copy: only non-word characters change,
# into a non-word character.
_CUE_LEADS = " \n\t\xa0\"'“‘([—–-/.,;:"
_CUE = stdre.compile(r" (" + CUE_PATTERN + r")\b")
_CUE_AT0 = stdre.compile(r"(?:" + CUE_PATTERN + r")\b")


def _leads_to_spaces(text: str) -> str:
    """`text` with each of `_CUE_LEADS` replaced by a space (one C-level pass per kind present)."""
    for ch in _CUE_LEADS[1:]:
        if ch in text:
            text = text.replace(ch, " ")
    return text


class _Cue:
    """A reporting verb found in the text: start, end, the word as written, and what the
    attribution code asks of it (looked up once per written form, not at every use)."""

    __slots__ = ("s", "e", "w", "low", "base", "say", "acc", "ing")

    def __init__(self, s: int, e: int, w: str) -> None:
        self.s, self.e, self.w = s, e, w
        self.low, self.base, self.say, self.acc, self.ing = _CUE_INFO[w]


def _cue_info(w: str) -> tuple[str, str, bool, bool, bool]:
    """(lower case, base verb, is a say verb, is "according to", is a participle)."""
    low = w.lower()
    acc = low == "according to"
    base, say = CUE_FORMS.get(low, ("according", True))
    return low, base, say, acc, w.endswith("ing")


# the cue regex matches only these written forms (it is case-sensitive)
_CUE_INFO = {w: _cue_info(w) for w in list(CUE_FORMS) + ["according to", "According to"]}


# a cue form after one of these is a noun: "the answers", "a report", "his reply"
_NOUN_BEFORE = stdre.compile(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Yy]our|[Mm]y|[Tt]his|[Tt]hese|"
                             r"[Tt]hose)\s+$")


# (their last letters, or white space: what the two characters before a cue that follows one
# of them must be; most cues fail this before `_NOUN_BEFORE` is tried)
_NOUN_BEFORE_HINT = frozenset("eaAnsry")


def _find_cues(text: str) -> list[_Cue]:
    out = []
    for m in _CUE.finditer(_leads_to_spaces(text)):
        s, e = m.span(1)
        w = m.group(1)
        if w[-3:] == " to" and text[e - 3] != " ":
            continue  # "according to" is written with a space (the copy's may be a dash)
        if s >= 2 and text[s - 1].isspace() and (text[s - 2] in _NOUN_BEFORE_HINT or text[s - 2].isspace()) and (
                _NOUN_BEFORE.search(text, max(0, s - 7), s) is not None):
            continue
        out.append(_Cue(s, e, w))
    m = _CUE_AT0.match(text)
    if m is not None:
        out.insert(0, _Cue(0, m.end(), m.group()))
    return out


_LABEL = stdre.compile(r"([" + UPPER + r"][" + UPPER + r".'’\- ]{1,30}):\s+")  # transcript speaker labels: "PENCE: ..."
_CHANNEL = stdre.compile(
    r"\s*,?\s*(?:on|in|via|to|through|during)\s+((?:(?:a|an|the|his|her|its|their)\s+)?"
    r"(?:[\w’'\-]+\s+){0,3}?(?:" + trie_pattern(CHANNEL_NOUNS | PLATFORMS, space=" ") + r"))\b"
)
# a quote set off by dashes, as some European outlets write them: ".- We will ... - says X."
# (its opener: the match starts at the stop or newline before the dash, as a class first lets re
# skip to candidates; `_DASH_OPEN0` is the one at the text start. Its closers are the cues after
# " - ", see `_dash_closers`)
_DASH_OPEN = stdre.compile(r"[.!?\"”\n][ \t]?[-–—][ \t]+(?=[A-Z])")
_DASH_OPEN0 = stdre.compile(r"[ \t]?[-–—][ \t]+(?=[A-Z])")
_DASH_HINT = stdre.compile(r"[.!?\"”\n][ \t]?[-–—][ \t]+[A-Z]")
_THAT = stdre.compile(r"\bthat\b")
_ALNUM = stdre.compile(r"[^\W_]")
_ABBREV = stdre.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Prof|Jr|Sr|Rev|Del|[" + UPPER + r"])\.")
# between a quote and its verb, dots that do not end a sentence: "(D-Ore.)", ", R-Tex.,"
_GAP_INSERT = stdre.compile(r"\([^()\n]{0,40}\)|\b[A-Z]-[A-Z][a-z]{0,4}\.")
# a credit line after a quote: “...” ― Jane Doe.
_CREDIT = stdre.compile(r"[ \t\xa0]*[―—–-][ \t\xa0]*(?=[" + UPPER + r"])")
# one pattern per stop: a literal first character is found much faster than a class
# (the matches cannot overlap: each starts at a stop and takes at most a closing mark after it)
_GLUED = [stdre.compile(stdre.escape(c) + r"[\"”’]?(?=[A-Z][a-z]|[A-Z] |\d)") for c in ".!?"]
_ADJUNCT_START = frozenset("on in at during last earlier this via to through after before late".split())
_CLAUSE_PRONOUNS = frozenset("it he she they we i there".split())
_TRAIL_OK = stdre.compile(r"\s*(?:$|,|\s*(?:(?:on|in|at|during|late|earlier|last|this|via|to|from|after|before|"
                       r"when|while|as|told|adding)\b[^,]{0,50})?$)")
_AND_THAT = stdre.compile(r",?\s+and\s+that\s+")
_QUOTE_CHARS = "\"'“”‘’«»„‟"
_QUOTE_OR_SEMI = stdre.compile("[" + stdre.escape(_QUOTE_CHARS) + ";]")
_GAP_STOP = stdre.compile(r'[.?!\n"“”]')  # what ends the stretch between a quote and its verb
_CLOSE_CHARS = "\"”’»'"
_MEDIA = re.compile(r"\b(?:\p{Lu}{2,}|News|Times|Post|Journal|Radio|TV|Television|Magazine|Newspaper|"
                    r"Telegraph|Guardian|Herald|Tribune|Gazette|Daily|Weekly|Channel|Network)\b")
# ('"...," as one aide said' is an attribution; '"...," when X blasted him' is not)
_SUBORDINATORS = frozenset("when while after before because since if although though unless until".split())
_NOT_CLAUSE = frozenset("to by of about in on for at with from into as so than him her them us me".split())
_INHERIT_SPAN = 1500  # a quote with no cue inherits the previous speaker only this close


@dataclass(slots=True)
class _Row:
    start: int
    end: int
    kind: str
    mention: tuple[int, int] | None = None  # speaker phrase span
    inherit: bool = False
    cue: str | None = None
    channel: str | None = None
    label: str | None = None  # transcript label used as the speaker


def _channel_after(text: str, pos: int, limit: int) -> str | None:
    m = _CHANNEL.match(text, pos, min(limit, pos + 80))
    return m.group(1) if m else None


_MISSING = object()  # (a kept phrase may be None)


class _Article:
    def __init__(self, doc) -> None:
        self.doc = doc
        self.text = doc.text
        self._chain: MentionChain | None = None
        self._starts: list[int] | None = None  # the rest of the index: see _index
        self.closes: list[int] = []  # close_end of each quotation, sorted
        self.opens: list[int] = []  # and where each of those opened
        self.resolved: dict[str, Speaker] = {}
        # (position, bound) -> phrase span, one table per phrase finder: see `np_before`
        self._before: dict[tuple[int, int], tuple[int, int] | None] = {}
        self._subject: dict[tuple[int, int], tuple[int, int] | None] = {}

    @property
    def chain(self) -> MentionChain:
        if self._chain is None:
            self._chain = MentionChain(self.text)
        return self._chain

    def np_before(self, pos: int, floor: int) -> tuple[int, int] | None:
        """`np_before` on this article, kept: partial quotes and the indirect pass look at
        the same verb from the same sentence start (about one call in seven repeats)."""
        key = (pos, floor)
        got = self._before.get(key, _MISSING)
        if got is _MISSING:
            got = self._before[key] = np_before(self.text, pos, floor)
        return got

    def subject_np(self, lo: int, limit: int) -> tuple[int, int] | None:
        """`subject_np` on this article, kept (see `np_before`)."""
        key = (lo, limit)
        got = self._subject.get(key, _MISSING)
        if got is _MISSING:
            got = self._subject[key] = subject_np(self.text, lo, limit)
        return got

    def _index(self) -> None:
        """Sentence starts, glued sentence starts and newlines, found once per article."""
        text = self.text
        self._sents = self.doc.sentences
        self._starts = self.doc.sentence_starts
        # where a sentence starts right after a full stop with no space ("Kyiv.The")
        glued = self._glued = []
        for pattern in _GLUED:
            for m in pattern.finditer(text):
                s = m.start()
                if s > 0 and (text[s - 1].islower() or s > 1 and text[s - 1] in "\"”’" and text[s - 2].islower()):
                    glued.append(m.end())
        glued.sort()
        # newline offsets (rfind from every quote rescans long paragraphs)
        # (from the lengths of the lines, all in C: a match object per newline cost more)
        self._newlines = list(accumulate(map((1).__add__, map(len, text.split("\n"))), initial=-1))[1:-1]

    def bounds(self, pos: int) -> tuple[int, int, int, int]:
        """The sentence around `pos`, also split where a full stop has no space after it, and
        the paragraph around it: (ss, se, ps, pe). One call: it runs for every quote and cue."""
        if self._starts is None:
            self._index()
        sents = self._sents
        if sents:
            i = bisect.bisect_right(self._starts, pos) - 1
            ss, se = sents[i if i > 0 else 0]
            glued = self._glued
            if glued:
                g = bisect.bisect_right(glued, pos)
                if g > 0 and glued[g - 1] > ss:
                    ss = glued[g - 1]
                if g < len(glued) and glued[g] < se:
                    se = glued[g]
        else:
            ss, se = 0, len(self.text)
        nl = self._newlines
        k = bisect.bisect_left(nl, pos)
        return ss, se, (nl[k - 1] + 1 if k else 0), (nl[k] if k < len(nl) else len(self.text))

    def sentence(self, pos: int) -> tuple[int, int]:
        return self.bounds(pos)[:2]

    def floor(self, lo: int, pos: int) -> int:
        """`lo`, or the end of the last quotation closing in [lo, pos] when the sentence opened
        with it: a subject is never inside a quotation ('"...," he said, adding "..."')."""
        i = bisect.bisect_right(self.closes, pos) - 1
        if i >= 0 and self.closes[i] > lo and self.opens[i] <= lo + 2:
            return self.closes[i]  # the sentence opened with (or inside) that quotation
        return lo


def extract_quotes(doc: Doc, *, indirect: bool = True) -> list[Quote]:
    """Quotes of one article in text order. `indirect=False` keeps only quotation-marked
    speech (direct and partial), for readers who want what a quote-only corpus annotates."""
    text = doc.text
    if not text or not text.strip():
        return []
    art = _Article(doc)
    marked = find_quoted(text)
    # closed quotations come out of find_quoted in order of their (distinct) closing marks
    art.closes = [q.close_end for q in marked if q.closed]
    art.opens = [q.open_at for q in marked if q.closed]
    cues = _find_cues(text)
    closers = _dash_closers(text, cues)
    dashed = _dash_quotes(text, marked, closers) if closers and (
        _DASH_HINT.search(text) or text[:1] in "-–—") else []
    quoted = sorted(marked + [q for q, _ in dashed], key=_open_at)
    if quoted:
        cues = _outside(quoted, cues)
    cue_starts = [c.s for c in cues]
    used: set[int] = set()
    rows: list[_Row] = [r for _, r in dashed]
    for _, r in dashed:
        i = bisect.bisect_left(cue_starts, r.end)
        if i < len(cues):
            used.add(cue_starts[i])
    partials: list[_Row] = []

    for q in marked:
        row = _classify(art, q, cues, cue_starts, used)
        if row is None:
            continue
        (partials if row.kind == "partial" else rows).append(row)

    direct_spans = sorted((r.start, r.end) for r in rows)
    reported = _indirect(art, cues, used, direct_spans) if indirect else []
    # a partial quote inside an indirect clause: one row, whichever is most of the clause
    ind_keep: list[_Row] = []
    p_starts = [p.start for p in partials]
    absorbed: set[int] = set()
    for r in reported:
        i = bisect.bisect_left(p_starts, r.start)
        inner = []
        while i < len(partials) and partials[i].start < r.end:
            if partials[i].end <= r.end + 1:
                inner.append(i)
            i += 1
        if inner and sum(partials[k].end - partials[k].start for k in inner) >= 0.6 * (r.end - r.start):
            for k in inner:  # the quoted words are the clause: keep the partials, with this speaker
                p = partials[k]
                if r.mention is not None:  # the clause's speaker, not an inner "what she calls"
                    p.mention, p.cue = r.mention, r.cue
            continue
        absorbed.update(inner)
        ind_keep.append(r)
    rows.extend(p for k, p in enumerate(partials) if k not in absorbed)
    rows.extend(ind_keep)
    rows.sort(key=_start)
    return _resolve(art, rows)


def _dash_quotes(text: str, marked: list[Quoted], closers: list[tuple[int, _Cue]]) -> list[tuple[Quoted, _Row]]:
    """Dash-delimited quotes closed by "- says X"; none that cross a quotation-marked span.
    Openers are found in one scan and paired with the closers by position (linear time)."""
    out = []
    m_open = [q.open_at for q in marked]
    c_starts = [e for e, _ in closers]
    # (an opener ending past the last closer pairs with none: the scan stops there)
    first = _DASH_OPEN0.match(text)
    openers = [(0, first.end())] if first is not None else []
    openers += [(m.start() + 1, m.end()) for m in _DASH_OPEN.finditer(text, 0, c_starts[-1])]
    last_end = -1
    for o, s in openers:
        if s < last_end:
            continue
        i = bisect.bisect_left(c_starts, s + 8)
        if i >= len(closers):
            break
        e, c = closers[i]
        if e - s > 800 or "\n" in text[s:e] or _inside(marked, m_open, s):
            continue
        mention = np_after(text, c.e, len(text))
        if mention is None:
            continue
        q = Quoted(o, s, e, c.e, True, False)
        out.append((q, _Row(s, e, "direct", mention, cue=c.w)))
        last_end = c.e
    return out


_open_at = operator.attrgetter("open_at")
_start = operator.attrgetter("start")


def _dash_closers(text: str, cues: list[_Cue]) -> list[tuple[int, _Cue]]:
    """The reporting verbs written after a dash (" - says X"), each with where its closer
    starts (the space before the dash): a dash quote's end. Read off the cues, not found by
    another scan of the whole text."""
    out = []
    for c in cues:
        j = c.s - 1
        if j < 2 or text[j] not in " \t":
            continue
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j >= 2 and text[j - 1] in "-–—" and text[j - 2] in " \t":
            out.append((j - 2, c))
    return out


def _outside(quoted: list[Quoted], cues: list[_Cue]) -> list[_Cue]:
    """The cues outside quotation marks (`_inside`, inlined: this runs for every cue)."""
    q_open = [q.open_at for q in quoted]
    reach = [q.close_end if q.close_end > q.end else q.end for q in quoted]
    out = []
    right = bisect.bisect_right
    for c in cues:
        pos = c.s
        i = right(q_open, pos) - 1
        if i >= 0 and q_open[i] < pos < reach[i] or i >= 1 and q_open[i - 1] < pos < reach[i - 1]:
            continue
        out.append(c)
    return out


def _inside(quoted: list[Quoted], q_open: list[int], pos: int) -> bool:
    i = bisect.bisect_right(q_open, pos) - 1
    # quotes do not overlap, but a stray-closer quote may start at a paragraph start: check two
    for k in (i, i - 1):
        if 0 <= k < len(quoted) and quoted[k].open_at < pos < max(quoted[k].close_end, quoted[k].end):
            return True
    return False


def _prev_nonspace(text: str, pos: int, floor: int) -> str:
    j = pos - 1
    while j >= floor and text[j].isspace():
        j -= 1
    return text[j] if j >= floor else ""


def _last_cue(cues, cue_starts, lo: int, hi: int):
    """The last cue starting in [lo, hi), or None (bisect: no scan of a long sentence's cues)."""
    i = bisect.bisect_left(cue_starts, hi) - 1
    return cues[i] if i >= 0 and cue_starts[i] >= lo else None


def _first_cue(cues, cue_starts, lo: int, hi: int):
    i = bisect.bisect_left(cue_starts, lo)
    return cues[i] if i < len(cues) and cue_starts[i] < hi else None


def _cues_between(cues, cue_starts, lo: int, hi: int):
    i = bisect.bisect_left(cue_starts, lo)
    out = []
    while i < len(cues) and cue_starts[i] < hi:
        out.append(cues[i])
        i += 1
    return out


def _classify(art: _Article, q: Quoted, cues, cue_starts, used: set[int]) -> _Row | None:
    text = art.text
    start, end = q.start, q.end
    content = text[start:end]
    if _ALNUM.search(content) is None:
        return None
    ss, se, ps, pe = art.bounds(q.open_at)
    lead_lo = max(ss, ps) if ss <= q.open_at else ps
    before = _prev_nonspace(text, q.open_at, lead_lo)
    row = _Row(start, end, "direct")
    label = _LABEL.match(text, start, end) if before == "" else None
    if label and len(label.group(1).split()) <= 3:
        row.start = label.end()
        row.label = label.group(1).strip()
        if row.start >= end:
            return None
        return row
    nwords = content.count(" ") + 1
    if nwords <= 4 and content.isupper():
        return None  # a word or two from a headline in capitals
    first = content.lstrip("[(.… ")[:1]
    initial = before == "" or before in ".?!:—–-―“‘«" or before in _CLOSE_CHARS
    lead_cue = _last_cue(cues, cue_starts, lead_lo, q.open_at)
    if not initial and before == "," and lead_cue is not None and q.open_at - lead_cue.e < 40:
        initial = True
    utterance = nwords >= 2 or content[-1:] in ",.!?"  # "Yes," he said.
    direct = initial and (first.isupper() or first.isdigit() or not first.isalpha()) and utterance or (
        initial and nwords >= 4)
    if not direct and q.single and nwords < 3:
        return None
    if direct:
        _attribute_direct(art, q, row, cues, cue_starts, lead_cue, lead_lo, before, used)
        return row
    # a fragment inside the reporter's sentence: needs a reporting verb, else scare quote/title
    row.kind = "partial"
    if q.closed and (span := _source_after(text, q.close_end, se)) is not None:
        row.mention = span
        return row
    cue = _last_cue(cues, cue_starts, ss, q.open_at)
    after = _first_cue(cues, cue_starts, q.close_end, se)
    if cue is None or after is not None and content.rstrip()[-1:] == "," and after.s - q.close_end < 60:
        cue = after  # '"...," The Hill reported': the attribution closing the fragment's clause
    words = content.split()
    if cue is None:
        if nwords < 4 or all(w[:1].isupper() for w in words if len(w) > 3):
            return None
        row.inherit = True
        return row
    base = cue.base
    nxt = text[q.close_end:q.close_end + 2]
    # a fragment closed by its own comma ('"very little," she added') is speech, not a modifier
    if nwords <= 2 and content[-1:] != "," and nxt[:1] == " " and nxt[1:2].islower() and base not in (
            "call", "describe", "dub", "brand", "label", "term", "decry", "condemn", "denounce"):
        return None  # a scare quote used as a modifier: a "reassurance" force
    if nwords <= 6 and all(w[:1].isupper() for w in words if len(w) > 3) and not content.rstrip()[-1:] in "!?":
        return None  # a quoted title: the "Fox News Sunday" broadcast (also "on “Evening Desk,” she said")
    row.cue = cue.w
    _speaker_at_cue(art, row, cue, art.floor(ss, cue.s), se)
    return row


def _speaker_at_cue(art: _Article, row: _Row, cue, floor: int, limit: int) -> None:
    text = art.text
    if cue.acc:
        row.mention = np_after(text, cue.e, limit)
        return
    if cue.ing and _prev_nonspace(text, cue.s, floor) not in ",—–-":
        span = art.np_before(cue.s, floor)
        if span is not None:
            row.mention = span
            return
    if cue.ing or _after_and(text, cue.s, floor):
        row.mention = art.subject_np(floor, cue.s)
        return
    span = art.np_before(cue.s, floor)
    if span is None:
        span = np_after(text, cue.e, limit) if cue.s >= row.end else art.subject_np(floor, cue.s)
    row.mention = span


def _after_and(text: str, pos: int, floor: int) -> bool:
    """Is the verb the second of a coordination ("X denied it and said ...")?"""
    # (", and " ends in " and ": one test covers both)
    return pos - 5 >= floor and text.startswith(" and ", pos - 5)


def _attribute_direct(art: _Article, q: Quoted, row: _Row, cues, cue_starts, lead_cue, lead_lo, before: str,
                      used) -> None:
    """`before`: the character before the opening mark (from `lead_lo`; "" when none)."""
    text = art.text
    n = len(text)
    # 1. after the closing mark: '"...," X said' or '"...," said X' (not 'X said: "' of the next quote)
    t0 = q.close_end
    introduced = lead_cue is not None and (before == ":" or before == "," and not text[lead_cue.e:q.open_at].strip(" ,"))
    if introduced and text[q.start:q.end].rstrip().rstrip("'’")[-1:] != ",":
        t0 = n  # 'X said: "..."', 'X said, "..."': the attribution is before (unless '"...," Y said' follows)
    j = t0
    while j < n and text[j] in " \t,—–-":
        j += 1
    if q.closed and j < n and text[j] != "\n":
        for c in _cues_between(cues, cue_starts, j, min(n, j + 120)):
            if c.s in used or c.acc:
                break
            gap = text[j:c.s]
            if "." in gap or "(" in gap:  # else neither pattern can match
                gap = _ABBREV.sub("", _GAP_INSERT.sub("", gap))
            if _GAP_STOP.search(gap) is not None:
                break
            if not gap.strip():
                span = np_after(text, c.e, n)
            else:
                span = art.np_before(c.s, j)
                lead_in = text[j:span[0]].split() if span is not None else []
                if span is None or len(lead_in) > 2 or not all(
                        w.isalpha() and w.islower() and w not in _SUBORDINATORS for w in lead_in):
                    # '"...," Ann Lee, the mayor of X, one of ..., said': the name right after the
                    # quote, with appositives between it and the verb
                    span = np_after(text, j, c.s)
                    if span is None or span[0] != j or text[span[1]:span[1] + 1] != "," or not (
                            text[j:j + 1].isupper()):
                        break  # only a word or two ("panel Chairman X said") may precede the phrase
            if span is None or text[max(c.e, span[1]):max(c.e, span[1]) + 1] == ":":
                break
            said = text[span[0]:span[1]].lower()
            if said in PRONOUNS and (introduced or c.base == "read" and said != "it"):
                break  # the name before the colon says more than "she"; "we read" is no attribution
            row.mention, row.cue = span, c.w
            row.channel = _told_channel(text, c, span) or _channel_after(text, max(c.e, span[1]), n)
            used.add(c.s)
            return
    if q.closed and (span := _source_after(text, q.close_end, n)) is not None:
        row.mention = span  # '"...," per the party's rules' / '"...," as the memo put it'
        return
    cr = _CREDIT.match(text, t0) if q.closed else None
    if cr is not None:
        span = np_after(text, cr.end(), n)
        if span is not None and not text[span[1]:span[1] + 3].split("\n", 1)[0].strip(" .,\xa0"):
            row.mention = span
            return
    # 2. before the opening mark: 'X said: "..."' (also at the end of the previous paragraph)
    c = lead_cue
    colon = -1
    if c is None:
        prev = before or _prev_nonspace(text, q.open_at, 0)  # (the same character when there is one)
        if prev == ":":
            colon = k = text.rfind(":", 0, q.open_at)
            ls = art.sentence(k)[0]
            c = _last_cue(cues, cue_starts, ls, k)
            lead_lo = ls
        elif before == ":":
            colon = text.rfind(":", lead_lo, q.open_at)
            ls = lead_lo
    if c is not None:
        if c.s not in used and not c.acc:
            gap = text[c.e:q.open_at]
            lead_lo = art.floor(lead_lo, c.s)
            if len(gap) < 80 and "\"" not in gap and "”" not in gap:
                if c.ing and _prev_nonspace(text, c.s, lead_lo) in ",—–-" or _after_and(
                        text, c.s, lead_lo):
                    span = art.subject_np(lead_lo, c.s)  # "..., saying:", "X stood and said:"
                elif c.ing:
                    span = art.np_before(c.s, lead_lo) or art.subject_np(lead_lo, c.s)
                else:
                    span = art.np_before(c.s, lead_lo) or np_after(text, c.e, q.open_at)
                if span is not None:
                    row.mention, row.cue = span, c.w
                    row.channel = _told_channel(text, c, (c.e, c.e)) or _channel_after(text, c.e, q.open_at)
                    used.add(c.s)
                    return
    if c is None and colon >= 0:
        # no reporting verb before the colon: its sentence's subject introduces the quote
        # ("The senator made the following remark: ...")
        span = art.subject_np(art.floor(ls, colon), colon)
        if span is not None and _names_someone(text[span[0]:span[1]]):
            row.mention = span
            return
    row.inherit = True


# a source named right after the closing mark: ', per the ruling', ', as one aide put it'
_PER_AS = stdre.compile(r"[ \t\xa0]*,?[ \t\xa0]+(?:(per)|(as))[ \t\xa0]+")
_CLAUSE_END = stdre.compile(r"[.,;\n]")
_PUT_IT = stdre.compile(r"[ \t\xa0]+put[ \t\xa0]+it\b")


def _source_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    m = _PER_AS.match(text, pos, limit)
    if m is None:
        return None
    if m.group(2):  # "as X put it"
        put = _PUT_IT.search(text, m.end(), min(limit, m.end() + 80))
        if put is None:
            return None
        limit = put.start()
    span = np_after(text, m.end(), limit)
    if span is None or span[0] != m.end():
        return None
    if m.group(1):  # "per the party's bylaws": the phrase runs to the end of the clause
        end = _CLAUSE_END.search(text, span[1], limit)
        end = end.start() if end else limit
        if len(text[span[1]:end].split()) > 3:
            return None
        span = (span[0], end)
    return span if text[span[1]:span[1] + 1] in ("", ".", ",", ";", "\n") or span[1] == limit else None


def _names_someone(phrase: str) -> bool:
    """A pronoun or a phrase with a name in it ("Sanders", "President Obama"), not "The piece"."""
    words = phrase.split()
    return bool(words) and (words[0].lower() in PRONOUNS or any(
        w[:1].isupper() and w.lower() not in DETERMINERS and w not in BREAK_CAPS for w in words))


def _told_channel(text: str, cue, span) -> str | None:
    """"told ABC News" -> "ABC News" (a person told is an audience, not a channel)."""
    if not cue.w.startswith(("told", "tell")):
        return None
    pos = max(cue.e, span[1]) if span[0] >= cue.e else cue.e
    addressee = np_after(text, pos, pos + 60)
    if addressee is None:
        return None
    s = text[addressee[0]:addressee[1]]
    return s if _MEDIA.search(s) else None


def _trim_end(text: str, s: int, e: int) -> int:
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:-—–"):
        e -= 1
    return e


def _indirect(art: _Article, cues, used: set[int], direct_spans) -> list[_Row]:
    """Reported speech at reporting verbs no direct quote used: leading ("X said (that) ..."),
    trailing ("..., X said"), participial (", saying ...") and "according to X"."""
    text = art.text
    out: list[_Row] = []
    d_starts = [s for s, _ in direct_spans]
    bounds = art.bounds
    for idx, c in enumerate(cues):
        if not c.say or c.s in used:  # ("according to" counts as a say verb)
            continue
        word, low, base = c.w, c.low, c.base
        if _overlaps(d_starts, direct_spans, c.s, c.e):
            continue
        ss, se, ps, pe = bounds(c.s)  # the sentence, cut to its paragraph
        if ss < ps:
            ss = ps
        end = _trim_end(text, ss, se if se < pe else pe)
        if c.acc:
            row = _according(art, c, ss, end)
            if row is not None:
                out.append(row)
            continue
        # the clause after the verb does not depend on the speaker phrase: found first where
        # only a leading attribution could follow, it spares parsing the phrase of a verb that
        # reports nothing
        clause = _NOT_YET
        coordinated = _after_and(text, c.s, ss)  # "X denied it and said ..."
        if c.ing or coordinated:
            # "..., saying ..." / "... and said ...": the speaker is the sentence's subject
            if not coordinated and _prev_nonspace(text, c.s, ss) not in ",—–-":
                continue
            clause = _clause_after(text, c, end, d_starts, direct_spans)
            if clause is None:
                continue
            mention = art.subject_np(art.floor(ss, c.s), c.s)
            if mention is None:
                continue
        else:
            prev = _prev_nonspace(text, c.s, ss)
            if prev not in (",", "-", "—", "–"):
                clause = _clause_after(text, c, end, d_starts, direct_spans)
                if clause is None and not _TRAIL_OK.match(text[c.e:end]):
                    continue  # neither a leading nor a trailing attribution
            mention = art.np_before(c.s, ss)
            if mention is None:
                if prev in (",", "-", "—", "–"):
                    # "..., says X." / "... - estimates the ministry."
                    after = np_after(text, c.e, end)
                    if after is not None and not text[after[1]:end].strip(" ,"):
                        cs = _skip_space(text, ss)
                        ce = _trim_end(text, cs, text.rfind(prev, ss, c.s))
                        if ce - cs > 10 and not _has_say_cue(cues, idx, cs, ce):
                            out.append(_Row(cs, ce, "indirect", after, cue=word))
                continue
            lead = text[ss:mention[0]].rstrip()
            tail = text[c.e:end]
            if lead.endswith(",") and len(lead) > 15 and _TRAIL_OK.match(tail):
                # trailing attribution: "Three people were killed, officials said."
                cs, ce = _skip_space(text, ss), ss + len(lead) - 1
                rest = tail.lstrip(" ,")
                if len(lead) < 30 and tail.lstrip().startswith(",") and len(rest) > 20:
                    # a parenthetical: "And on Saturday, it said, missiles were fired ..."
                    cs, ce = end - len(rest), end
                ce = _trim_end(text, cs, ce)
                if ce - cs > 10 and not _has_say_cue(cues, idx, cs, ce):
                    out.append(_Row(cs, ce, "indirect", mention, cue=word,
                                    channel=_channel_after(text, c.e, end)))
                continue
            if mention[0] - ss > 60 and not lead.endswith((",", " and", " but")):
                continue
            if clause is _NOT_YET:
                clause = _clause_after(text, c, end, d_starts, direct_spans)
            if clause is None:
                continue
        # leading attribution: content after the verb, its object and adjuncts, and "that"
        channel = _channel_after(text, c.e, end)
        cstart = clause
        # the clause ends at the next reporting verb's speaker, or splits at ", and that"
        cend = end
        k = bisect.bisect_right(d_starts, cstart)
        if k < len(d_starts) and d_starts[k] < end:
            cend = _trim_end(text, cstart, d_starts[k] - 1)
        for c2 in cues[idx + 1:idx + 6]:
            if c2.s >= end:
                break
            sp = art.np_before(c2.s, cstart) if not c2.ing else (c2.s, c2.s)
            if sp is not None and sp[0] > cstart:
                cend = _trim_end(text, cstart, sp[0])
                for w in (" and", ", and", ", but", " but"):
                    if text[cstart:cend].endswith(w):
                        cend = _trim_end(text, cstart, cend - len(w))
                break
        pieces = []
        s0 = cstart
        if text.find("that", cstart, cend) >= 0:
            for m in _AND_THAT.finditer(text, cstart, cend):
                pieces.append((s0, _trim_end(text, s0, m.start())))
                s0 = m.end()
        pieces.append((s0, cend))
        for a, b in pieces:
            b = _trim_end(text, a, b)
            if b - a >= 8 and text[a:b].count(" ") >= 2:
                out.append(_Row(a, b, "indirect", mention, cue=word, channel=channel))
    return out


_NOT_YET = -1  # (a clause start not looked for yet)


def _clause_after(text: str, c, end: int, d_starts, direct_spans) -> int | None:
    """`_clause_start` after the verb and, for "told", its addressee ("told reporters that")."""
    cstart = c.e
    if c.low.startswith(("told", "tell")):
        addressee = np_after(text, cstart, end)
        if addressee is not None:
            cstart = addressee[1]
    return _clause_start(text, cstart, end, c.base, d_starts, direct_spans)


def _clause_start(text: str, cstart: int, end: int, base: str, d_starts, direct_spans) -> int | None:
    """Where the clause a reporting verb reports starts (past "that", an adjunct or a channel),
    given where the verb and its addressee end; None when no clause follows (a verb that takes
    only "that" without one, a preposition, a quotation)."""
    lim = min(end, cstart + 70)
    # (the regex tries every offset; str.find rules out most clauses at once)
    th = _THAT.search(text, cstart, lim) if text.find("that", cstart, lim) >= 0 else None
    gap = text[cstart:th.start()].split() if th is not None else None
    if gap is not None and (not gap or (len(gap) <= 6 and gap[0].lower().strip(",") in _ADJUNCT_START)) and (
            _QUOTE_OR_SEMI.search(text, cstart, th.start()) is None):
        cstart = th.end()
        th_found = True
    else:
        th_found = False
        ch = _CHANNEL.match(text, cstart, end)
        if ch is not None:
            cstart = ch.end()
    while cstart < end and text[cstart] in " \t,:":
        cstart += 1
    if cstart >= end:
        return None
    if text[cstart] in _QUOTE_CHARS and _overlaps(d_starts, direct_spans, cstart, cstart + 2):
        return None
    first = text[cstart:cstart + 12].split(" ", 1)[0].lower()
    if not th_found and base in THAT_ONLY and first not in _CLAUSE_PRONOUNS:
        return None
    if first in _NOT_CLAUSE and not (first == "to" and base in ("claim", "deny")):
        return None
    return cstart


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _has_say_cue(cues, idx: int, s: int, e: int) -> bool:
    """Does the span hold another reporting verb (then it is its own quote, not this one's)?"""
    for k in range(idx - 1, max(-1, idx - 8), -1):
        c = cues[k]
        if c.s < s:
            break
        if c.e <= e and c.say and not c.acc and not c.ing:
            return True
    return False


def _according(art: _Article, c, ss: int, end: int) -> _Row | None:
    text = art.text
    mention = np_after(text, c.e, end)
    if mention is None:
        return None
    after = text[mention[1]:end]
    if c.s - ss <= 2:
        comma = text.find(",", mention[1], end)
        if comma < 0:
            return None
        cs = comma + 1
        while cs < end and text[cs].isspace():
            cs += 1
        ce = end
    elif not after.strip(" ,-—–)"):
        cs, ce = ss, _trim_end(text, ss, c.s)
        if ce > cs and text[ce - 1] == "(":
            ce = _trim_end(text, ss, ce - 1)
    else:
        cs, ce = ss, end
    if ce - cs < 8:
        return None
    return _Row(cs, ce, "according_to", mention, cue=c.w)


def _overlaps(starts, spans, s: int, e: int) -> bool:
    """Does [s, e) overlap one of the sorted, non-nested spans? (checks the two candidates)"""
    i = bisect.bisect_right(starts, e) - 1
    for k in (i, i - 1):
        if 0 <= k < len(spans) and spans[k][1] > s and spans[k][0] < e:
            return True
    return False


def _resolve(art: _Article, rows: list[_Row]) -> list[Quote]:
    text = art.text
    sentence_index = art.doc.sentence_index
    out: list[Quote] = []
    history: list[tuple[int, Speaker]] = []
    for r in rows:
        sp: Speaker | None = None
        if r.label is not None:
            sp = resolve(r.label.title(), r.start, art.chain)
            sp.mention = r.label
        elif r.mention is not None:
            mention = text[r.mention[0]:r.mention[1]]
            low = mention.lower().split("'", 1)[0].split("’", 1)[0]  # up to an apostrophe
            if low == "i":
                sp = Speaker(None, mention)  # the writer speaking: no one the article names
            elif low in PRONOUNS:
                sp = _pronoun(art, low, r.start, history)
                if sp is not None:
                    sp = Speaker(sp.name, mention, sp.title, sp.affiliation, sp.person)
                else:
                    sp = Speaker(None, mention)
            else:
                sp = art.resolved.get(mention)
                if sp is None:
                    sp = art.resolved[mention] = resolve(mention, r.mention[0], art.chain)
                if sp.role_only:
                    # "the French president", "the official" with no name to match: the person
                    # who spoke last
                    for hpos, hsp in reversed(history):
                        if r.start - hpos > 2500:
                            break
                        if hsp.person and hsp.name:
                            sp = Speaker(hsp.name, mention, hsp.title, hsp.affiliation, True)
                            break
        elif r.inherit and history and r.start - history[-1][0] <= _INHERIT_SPAN:
            sp = history[-1][1]
        if sp is not None and sp.name:
            history.append((r.start, sp))
        if r.end <= r.start:
            continue
        if sp is None:
            out.append(Quote(
                quote_text=text[r.start:r.end], kind=r.kind, char_start=r.start, char_end=r.end,
                sentence_index=sentence_index(r.start), cue=r.cue, channel=r.channel,
            ))
            continue
        out.append(Quote(
            quote_text=text[r.start:r.end], kind=r.kind, char_start=r.start, char_end=r.end,
            sentence_index=sentence_index(r.start),
            speaker=sp.name, speaker_mention=sp.mention, speaker_title=sp.title, speaker_affiliation=sp.affiliation,
            cue=r.cue, channel=r.channel,
        ))
    return out


def _pronoun(art: _Article, pron: str, pos: int, history) -> Speaker | None:
    want_person = PRONOUNS[pron] == "person"
    for hpos, sp in reversed(history):
        if pos - hpos > 3000:
            break
        if sp.person == want_person or not want_person:
            return sp
    if want_person:
        p = art.chain.last_person_before(pos)
        if p is not None:
            return Speaker(p.name, None, p.title, None, True)
    return history[-1][1] if history else None
