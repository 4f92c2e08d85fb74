"""Speakers of quotes: the noun phrase at a reporting verb, and its resolution to the fullest name.

- `np_before` / `np_after` / `subject_np` find the speaker's words around a reporting verb with a
  small token grammar (names, titles, roles, organization heads, determiners, appositives).
- `MentionChain` collects the person names an article gives ("Ukrainian President Volodymyr
  Zelenskyy") once, so a surname ("Zelenskyy", "Mr Putin") or a role phrase ("the Ukrainian
  president") resolves to the fullest name; pronouns resolve against the quotes before.
"""
from __future__ import annotations

import bisect
import functools
from itertools import accumulate
import re as stdre
from dataclasses import dataclass

from pipeline.extract.speaker_lexicon import (
    BREAK_CAPS, DETERMINERS, HONORIFICS, MODIFIERS, NATIONALITY, NP_INNER, ORG_CAPS, ORG_HEADS,
    PRONOUNS, ROLE_HEADS, TITLE_WORDS,
)

# a word may hold inner dots ("U.S.") but a dot before a capitalised word ends it ("Kyiv.She")
# (stdlib re: it is faster than the regex module on these simple patterns; _UP approximates \p{Lu})
_UP = UPPER = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁЄІЇ"  # UPPER: for quotes.py
_TOK = stdre.compile(r"[^\W_]+(?:(?:[’'\-]|\.(?=[^\W\d_])(?![" + _UP + r"][a-z]))[^\W_]*)*\.?|[,\[\]()]|[^\s\w]")
_NAME_RUN = stdre.compile(r"[" + _UP + r"][\w’'\-]*\.?(?:\]?[ \t\xa0]+[" + _UP + r"][\w’'\-]*\.?){0,5}")
# a capitalised word before a surname: "Ukrainian President Volodymyr " + "Zelenskyy"
_WORD = stdre.compile(r"\S+")
_CAP_TOKEN = stdre.compile(r"[" + _UP + r"][\w’'\-]*\.?\]?")
# the article's chain only needs runs of two or more capitalised words ("Mr Putin", "Jens Stoltenberg")
# (possessive `*+`: a word cut short is followed by a word character, which nothing after it
# matches, so giving letters back never helps; without it a failed try backtracks letter by letter)
_NAME_RUN2 = stdre.compile(r"[" + _UP + r"][\w’'\-]*+\.?(?:\]?[ \t]+[" + _UP + r"][\w’'\-]*+\.?){1,5}")
# words between a phrase and its verb that belong to neither ("X has also said")
_AUX = frozenset("has have had also later earlier previously then reportedly once again further repeatedly "
                 "recently publicly privately separately quickly is was were are will would had been "
                 "first openly already subsequently initially finally simply just now still even".split())
_WINDOW = 130  # how far back a speaker phrase may start
_SHORT = 48  # the first, cheaper window
# between a speaker phrase and its verb: a time adjunct or a relative clause ("X, who ..., said")
# (one or more in a row: "Rep. X (D-Ore.), at a briefing, said")
_TAIL_SKIP = stdre.compile(
    r"(?:\s+(?:on|last|this|earlier|late|early|in)\s+(?:[A-Z]\w+(?:\s+\d{1,2})?|week|month|year|night|"
    r"morning|evening|afternoon|weekend)(?:\s+(?:night|morning|evening|afternoon))?"
    r"|\s+(?:yesterday|today|tonight|previously)|,\s+(?:who|which)\s[^,]{1,80},?"
    # a parenthesis ("(D-Ore.)"), an age (", 41,"), a party and state (", R-Tex.,")
    r"|\s*\([^()\n]{1,40}\)|,\s+\d{1,3},?|,\s+[A-Z]-[A-Z][A-Za-z.]{0,6},?"
    # an appositive with a relative clause (", a farmer who lives nearby,")
    r"|,\s+(?:a|an|the)\s[^,]{1,60}?\s(?:who|which|that)\s[^,]{1,60},"
    # an adverbial set off by commas (", at a later briefing,", ", in a statement,")
    r"|,\s+(?:at|during|after|before|in|on|from|via|through|speaking|asked|when|while|later)\s[^,]{1,50},"
    r")+\s*$"
)
_TAIL_WORD = stdre.compile(r"\b(?:on|last|this|earlier|late|early|in|yesterday|today|tonight|previously|who|which)\b")
_TAIL_HINT = stdre.compile(_TAIL_WORD.pattern + "|[(,]")
_WHO = stdre.compile(r"\b(?:who|which)\b")
_TAIL_END_PUNCT = frozenset(",).")
_TAIL_END_WORDS = frozenset("week month year night morning evening afternoon weekend yesterday today tonight "
                            "previously".split())
_QUANT_OF = stdre.compile(r"\b(?:one|some|many|several|two|three|four|none|each|any|all|most|both|another)\s+of\s+$", stdre.I)


_NO_HEAD = MODIFIERS - ROLE_HEADS - ORG_HEADS


def _possessive_stem(tok: str) -> str | None:
    if len(tok) > 2 and tok[-2] in "'’" and tok[-1] in "sS":
        return tok[:-2]
    return None


def _word_ok(tok: str) -> bool:
    """May this word sit inside a speaker phrase?"""
    tok = tok.rstrip(".") or tok
    c = tok[0]
    if tok.lower() in DETERMINERS:
        return False
    if c.isdigit():
        return "-" in tok and tok[-1].isalpha()  # "52-year-old", "3-year"
    if c.isupper():
        # capitals, but not a shouted headline word ("CONGRESS HAS ...")
        return tok not in BREAK_CAPS and (len(tok) <= 5 or not tok.isupper())
    low = tok.lower()
    if low in ROLE_HEADS or low in ORG_HEADS or low in MODIFIERS:
        return True
    stem = _possessive_stem(tok)
    return stem is not None and stem.isalpha()  # "Russia's", "the company's"


def _end_at(t: str, s: int) -> int:
    """End of a phrase's last token (text `t` at `s`), without a sentence's full stop
    ("Caddell." but "Mr.", "U.S.")."""
    if t.endswith(".") and len(t) > 2 and "." not in t[:-1] and t not in TITLE_WORDS:
        return s + len(t) - 1
    return s + len(t)


_FUNCTION = frozenset("""that which who whom whose and or but if when while as because so than then also not no
nor has have had was were is are be been being will would could should can may might must did do does it he
she they we i you there here to by with on in at from into after before over under about against between
during without within very more less said says told what how why where all any its their his her our
after since until""".split())


def _unknown_noun(t: str) -> bool:
    """A lower-case word outside the lexicons that may still head a phrase ("the coastguard")."""
    return (t.isalpha() and t.islower() and len(t) > 2 and t not in _FUNCTION
            and not t.endswith(("ly", "ed", "ing")))


_INNER_AND = NP_INNER | {"and"}


# what the grammar asks of a lower-case word of the lexicons: (det, inner, inner_and, aux);
# every other word is none of these (one lookup instead of four)
_LEX_FLAGS = {w: (w in DETERMINERS, w in NP_INNER, w in _INNER_AND, w in _AUX)
              for w in DETERMINERS | _INNER_AND | _AUX}
_NO_FLAGS = (False, False, False, False)


class _Info:
    """What the grammar asks of one token, computed once per distinct token string: the same
    few thousand words recur in every article, and these tests were most of the parse time."""

    __slots__ = ("t", "word", "paren", "ok", "low", "det", "inner", "inner_and", "unknown", "aux", "pron")

    def __init__(self, t: str) -> None:
        # (one lexicon lookup for the four flags: this runs for every new token string)
        low = t.lower()
        self.t = t  # the token as written
        self.low = low
        self.word = t[0].isalnum()
        self.paren = t in "()" or t == "-"
        self.det, self.inner, self.inner_and, self.aux = _LEX_FLAGS.get(low, _NO_FLAGS)
        self.ok = _word_ok(t)
        self.unknown = _unknown_noun(t)
        # "he" of "He’s"
        self.pron = low.split("'", 1)[0].split("’", 1)[0] if "'" in low or "’" in low else low


# The tokens of white-space chunks, kept across articles (pure functions of the chunk; cleared
# when large): the same chunks ("said", "Smith,", "the") recur in every article. A token never
# spans white space and `_TOK` looks no further than the chunk, so a chunk's tokens do not depend
# on what is around it. Most chunks are one token (a word with no punctuation): those map to its
# _Info in `_ONE`, so a window of them is tokenized with C-level lookups; the rest map to
# (_Info of each, offsets in the chunk) in `_CHUNKS`.
_ONE: dict[str, _Info] = {}
_CHUNKS: dict[str, tuple] = {}


def _chunk(chunk: str) -> tuple:
    """The tokens of one chunk: (_Info of each, offsets in the chunk or None for one token at 0),
    also entered in `_ONE` or `_CHUNKS`."""
    if len(_CHUNKS) + len(_ONE) > 50_000:  # (a few MB; news text needs about 20k)
        _CHUNKS.clear()
        _ONE.clear()
    if chunk.isalnum():  # ([^\W_] is isalnum: `_TOK` takes the whole chunk, no regex needed)
        info = _ONE[chunk] = _Info(chunk)
        return (info,), None
    if chunk[:-1].isalnum() and not chunk[-1].isalnum() and chunk[-1] not in "’'-._":
        # a word and one mark ("Smith,", "said:"): `_TOK` takes the word (the mark does not
        # continue it), then the mark (not a word character: `[^\s\w]` or `[,\[\]()]`)
        got = _CHUNKS[chunk] = ((_ONE.get(chunk[:-1]) or _Info(chunk[:-1]), _Info(chunk[-1])), (0, len(chunk) - 1))
        return got
    offs, infos = [], []
    for m in _TOK.finditer(chunk):
        offs.append(m.start())
        infos.append(_Info(m.group()))
    if offs == [0]:
        _ONE[chunk] = infos[0]
        return tuple(infos), None
    got = _CHUNKS[chunk] = (tuple(infos), tuple(offs))
    return got


def _tokens(text: str, lo: int, hi: int) -> tuple[list[int], list[_Info]]:
    """`_TOK`'s tokens of text[lo:hi] (what `_TOK.finditer(text, lo, hi)` finds) as parallel
    lists of starts and _Info; chunk by chunk, without building match objects."""
    seg = text[lo:hi]
    chunks = seg.split()
    infos = list(map(_ONE.get, chunks))
    if None not in infos:
        # every chunk one known token: when single white-space characters separate them (most
        # windows), each starts one past the end of the one before
        body = seg.strip()
        if len(body) == len("".join(chunks)) + len(chunks) - 1:
            first = lo + len(seg) - len(seg.lstrip())
            return list(accumulate(map((1).__add__, map(len, chunks)), initial=first))[:-1], infos
    starts: list[int] = []
    infos = []
    pos = lo
    one = _ONE.get
    multi = _CHUNKS.get
    find = text.find
    for chunk in chunks:
        # pos is just past the white space character that ended the chunk before: the next one
        # starts there unless more white space follows (rare: then look for it)
        if text[pos].isspace():
            pos = find(chunk, pos)  # only white space lies between pos and the chunk
        info = one(chunk)
        if info is not None:
            infos.append(info)
            starts.append(pos)
        else:
            got = multi(chunk) or _chunk(chunk)
            infos += got[0]
            offs = got[1]
            if offs is None:
                starts.append(pos)
            else:
                starts += [pos + x for x in offs]
        pos += len(chunk) + 1
    return starts, infos


def _collect_back(inf: list[_Info], j: int) -> tuple[int, int]:
    """Walk back from token index j over a phrase; return the index of its first token (j+1 if none)
    and the lowest token index looked at (so a caller knows whether earlier text could matter).
    Up to two unknown lower-case words count only when a determiner or known word comes before."""
    start = j + 1
    k = j
    unknown = 0
    while k >= 0:
        t = inf[k]
        if t.word:
            if t.ok:
                start = k
            elif t.det and (start <= j or unknown):
                start = k
                # "the representative of the administration": go on past "of the"
                if not (k > 1 and inf[k - 1].inner and inf[k - 2].ok):
                    return _skip_inner(inf, start, j), k - 2
            elif t.inner_and and (start <= j or unknown) and k > 0 and (
                    inf[k - 1].ok or inf[k - 1].unknown):
                pass  # an inner word: keep walking, take it only if the word before it is taken
            elif unknown < 2 and t.unknown and (start == k + 1 or unknown or (
                    k < j and inf[k + 1].inner)):
                unknown += 1  # "the father of two", "a writer for the paper": kept if a determiner comes
            else:
                break
        elif t.paren:
            pass
        else:
            break
        k -= 1
    return _skip_inner(inf, start, j), k - 1


def _skip_inner(inf: list[_Info], start: int, j: int) -> int:
    """Never start on an inner word."""
    while start <= j and inf[start].inner_and:
        start += 1
    return start


def np_before(text: str, cue_start: int, floor: int) -> tuple[int, int] | None:
    """The speaker phrase ending just before a reporting verb: "the Ukrainian military", "he",
    "James Heappey, the foreign minister,". Returns its (start, end) or None."""
    full_lo = cue_start - _WINDOW
    if full_lo < floor:
        full_lo = floor
    hi = cue_start
    k = hi - 1
    while k > full_lo and text[k] in " \t":
        k -= 1
    # a tail ends in "," ")" "." (then it may start at any comma or parenthesis), in a time word,
    # or (a "who" clause) in any word: pick the cheapest search that can still find it
    end_ch = text[k] if k >= full_lo else ""
    h_lo = hi - 100 if hi - 100 > full_lo else full_lo
    if end_ch in _TAIL_END_PUNCT:
        hint = _TAIL_HINT.search(text, h_lo, hi)
        w = ""
    else:
        ws = k
        while ws > full_lo and text[ws - 1].isalnum():
            ws -= 1
        w = text[ws:k + 1]
        if w[:1].isupper() or w[:1].isdigit() or w in _TAIL_END_WORDS:
            hint = _TAIL_WORD.search(text, h_lo, hi)
        else:  # "who"/"which" need "wh": most windows have none, and str.find is cheap
            hint = _WHO.search(text, h_lo, hi) if text.find("wh", h_lo, hi) >= 0 else None
    if hint is not None:
        # a skippable tail starts with the space (and comma) before its first word
        s0 = hint.start()
        while s0 > full_lo and text[s0 - 1].isspace():
            s0 -= 1
        if s0 > full_lo and text[s0 - 1] == ",":
            s0 -= 1
        skip = _TAIL_SKIP.search(text, s0, hi)
        if skip is not None and skip.start() > full_lo:
            hi = skip.start()
    if hi == cue_start and k >= full_lo and w.isalpha() and (ws == full_lo or text[ws - 1].isspace()) and (
            w.lower() in PRONOUNS):
        # the commonest phrase, a pronoun right before the verb ("he said", "He said" after a
        # tail that was not one), needs no tokens: a chunk of letters is one token, and a
        # pronoun is the phrase whatever comes before
        return ws, k + 1
    # most phrases are short: parse a short window (from a word start) first, and the full one
    # only when the grammar looked at the window's first word (the phrase may run on before it);
    # the full window's tokens are those before the short one's space, then the short one's
    lo = hi - _SHORT
    if lo > full_lo:
        sp = text.find(" ", lo, hi)
        if sp >= 0:
            starts, inf = _tokens(text, sp + 1, hi)
            span, lowest = _np_in(text, starts, inf, full_lo)
            if lowest > 0:
                return span
            s0_, i0 = _tokens(text, full_lo, sp)
            return _np_in(text, s0_ + starts, i0 + inf, full_lo)[0]
    return _np_in(text, *_tokens(text, full_lo, hi), full_lo)[0]


def _np_in(text: str, starts: list[int], inf: list[_Info], lo: int
           ) -> tuple[tuple[int, int] | None, int]:
    """The phrase at the end of the tokens, and the lowest token index the grammar looked at."""
    j = len(inf) - 1
    while j >= 0 and inf[j].aux:
        j -= 1
    if j < 0:
        return None, -1
    last = inf[j].t
    pron = inf[j].pron
    if pron in PRONOUNS:  # "he", also "He’s claiming"
        return (starts[j], starts[j] + len(pron)), j
    if last == ",":
        # appositive: "NAME, the role," or "the role, NAME,"
        k, lowest = _collect_back(inf, j - 1)
        if k > j - 1 or k == 0 or inf[k - 1].t != ",":
            return None, min(lowest, k - 1)
        k2, lowest = _collect_back(inf, k - 2)
        if k2 > k - 2:
            return None, lowest
        return (starts[k2], _end_at(inf[j - 1].t, starts[j - 1])), lowest
    k, lowest = _collect_back(inf, j)
    if k > j:
        return None, lowest
    if last in _NO_HEAD:
        return None, lowest  # "its daily reports": an adjective with no head is no speaker
    start = starts[k]
    if text.endswith("of ", lo, start):
        q = _QUANT_OF.search(text, max(lo, start - 20), start)
        if q is not None:
            start = q.start()
    return (start, _end_at(last, starts[j])), lowest


def np_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The speaker phrase starting just after a reporting verb ("said Prime Minister X")."""
    nl = text.find("\n", pos, limit)
    hi = min(limit if nl < 0 else nl, pos + _WINDOW)
    if hi - pos > _SHORT:
        # a short window first; the full one only when the phrase may run on past its end
        span, done = _np_after_in(*_tokens(text, pos, pos + _SHORT))
        if done:
            return span
    return _np_after_in(*_tokens(text, pos, hi))[0]


def _np_after_in(starts: list[int], inf: list[_Info]
                 ) -> tuple[tuple[int, int] | None, bool]:
    """The phrase at the start of the tokens, and whether it was decided before the last token."""
    n = len(inf)
    i = 0
    while i < n and inf[i].aux:
        i += 1
    if i >= n:
        return None, False
    if inf[i].low in PRONOUNS:
        return (starts[i], starts[i] + len(inf[i].t)), i < n - 1
    end = i - 1
    pending = -1  # an unknown lower-case word kept only if the phrase had a start
    unknown = 0
    det = False
    k = i
    while k < n:
        t = inf[k]
        if not t.word:
            if t.paren:
                k += 1
                continue
            break
        if t.ok:
            end = k
            w = t.t
            if _end_at(w, starts[k]) < starts[k] + len(w):
                break  # "said McIlroy. New coach ...": the sentence ended
        elif t.det and (k == i or inf[k - 1].inner):
            det = det or k == i
        elif t.inner_and and end >= i:
            pass
        elif unknown < 2 and t.unknown and (det or end >= i) and not (k + 1 < n and inf[k + 1].det):
            # (an unknown word with a determiner after it is a verb and its object: "Sanders made the")
            unknown += 1
            pending = k
        else:
            break
        k += 1
    done = k < n - 1
    if pending > end:
        end = pending
    if end < i:
        return None, done
    return (starts[i], _end_at(inf[end].t, starts[end])), done


def subject_np(text: str, sent_start: int, limit: int) -> tuple[int, int] | None:
    """The subject phrase of a sentence, skipping an opening adverbial ("In a speech, Putin ...")."""
    while sent_start < limit and text[sent_start] in _LEAD_PUNCT:
        sent_start += 1  # after a quotation: ',” he said, adding ...'
    span = np_after(text, sent_start, limit)
    comma = sent_start - 1
    for _ in range(3):  # "On July 6, 2015, Sanders made ...": the subject after the adverbial's commas
        if span is not None and span[0] == _skip_space(text, sent_start):
            break
        comma = text.find(",", comma + 1, limit)
        if not 0 <= comma < sent_start + 80:
            break
        span = np_after(text, comma + 1, limit)
        if span is not None and span[0] == _skip_space(text, comma + 1):
            break
    return span


_LEAD_PUNCT = frozenset(" \t\n,;:—–-\"”’'")


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\n\"“‘'":
        i += 1
    return i


@dataclass(slots=True)
class Person:
    name: str
    pos: int
    end: int
    title: str | None = None
    _context: set[str] | None = None


# `_is_title` as two set lookups: a title word, with or without its dot, or a singular role
_TITLE_FORMS = TITLE_WORDS | {w[:-1] for w in TITLE_WORDS if w.endswith(".")}
_SINGULAR_ROLES = frozenset(w for w in ROLE_HEADS if not w.endswith("s"))


def _is_title(t: str) -> bool:
    """A title or a capitalised role word written before a name ("Prime Minister", "Engineer")."""
    return t in _TITLE_FORMS or t.lower() in _SINGULAR_ROLES


@functools.lru_cache(maxsize=1 << 16)
def _split_run(toks: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Cached across articles: the same runs ("Prime Minister Tony Blair") recur."""
    toks = [t.strip("]").rstrip(".") if not t.endswith("r.") else t.strip("]") for t in toks]
    titles = [_is_title(t) for t in toks]
    if True in titles:
        last_title = len(titles) - 1 - titles[::-1].index(True)
        first_title = last_title
        while first_title > 0 and titles[first_title - 1]:
            first_title -= 1
        title = toks[first_title: last_title + 1]
    else:
        last_title = -1
        title = []
    name = toks[last_title + 1:]
    # drop what cannot start a name: "The", "Ukrainian", acronyms ("NATO"), possessors ("Russia's")
    while name and (name[0] in BREAK_CAPS or name[0].lower() in DETERMINERS or name[0].isupper()
                    or name[0].lower() in NATIONALITY or _possessive_stem(name[0])):
        name = name[1:]
    if name:
        stem = _possessive_stem(name[-1])
        if stem:
            name[-1] = stem
    return tuple(title), tuple(name)


@functools.lru_cache(maxsize=1 << 16)
def _person_name(run) -> tuple[str, str | None] | None:
    """(name, title) of a run of capitalised words (a string or its words), or None when it
    is no person's name. Cached across articles: the same runs recur."""
    toks = run.replace("]", "] ").split() if isinstance(run, str) else run
    if any("]" in t for t in toks):
        if any(t.strip("]") in ORG_CAPS for t in toks):
            return None
    elif not ORG_CAPS.isdisjoint(toks):  # (the words as written: one C-level test)
        return None
    title, name = _split_run(tuple(toks))
    if not name or len(name) > 4 or (len(name) == 1 and not title):
        return None
    for t in name:
        if t.isupper() and len(t) > 1:
            return None  # acronyms: organizations
    return " ".join(name), " ".join(t for t in title if t not in HONORIFICS) or None


_CAP_TOKENS: dict[str, bool] = {}


def _cap_token(tok: str) -> bool:
    """`_CAP_TOKEN.fullmatch(tok)` and not a sentence's last word, kept per word (a pure function;
    cleared when large)."""
    ok = _CAP_TOKENS.get(tok)
    if ok is None:
        if len(_CAP_TOKENS) > 50_000:
            _CAP_TOKENS.clear()
        ok = _CAP_TOKENS[tok] = _CAP_TOKEN.fullmatch(tok) is not None and not _ends_sentence(tok)
    return ok


_ABBREVIATIONS = frozenset("Jr. Sr. St. Mt. Ft. Bros. Co.".split())


def _ends_sentence(tok: str) -> bool:
    """"Hester." ends a sentence; an initial ("B."), a title ("Gen.") or "U.S." does not."""
    core = tok.rstrip("]")
    return (core.endswith(".") and len(core) > 2 and "." not in core[:-1]
            and core not in TITLE_WORDS and core not in _ABBREVIATIONS)


def _name_runs(text: str):
    """(start, end, run) of runs of capitalised words, cut after a word that ends a sentence
    ("... said Hester. Michael Brandt" holds two runs, not one name)."""
    for m in _NAME_RUN2.finditer(text):
        run, base = m.group(), m.start()
        if "." not in run:  # (most runs: no word in it can end a sentence)
            yield base, m.end(), run
            continue
        start = 0
        for t in _WORD.finditer(run):
            if _ends_sentence(t.group()) and t.end() < len(run):
                if start < t.start():
                    yield base + start, base + t.end(), run[start:t.end()]
                start = t.end() + len(run[t.end():]) - len(run[t.end():].lstrip())
        yield base + start, m.end(), run[start:]


class MentionChain:
    """Person names the article gives, by surname, with the words around their mentions.

    Built lazily: a surname is looked up with a targeted scan of its occurrences; the list of
    persons (for role phrases and pronouns) is collected only when one of those needs it, and
    only as far into the text as it needs (most look back from a quote in mid-article).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._by_surname: dict[str, list[Person]] = {}
        self._found: list[Person] = []  # the persons in text order, as far as scanned
        self._pos: list[int] = []  # and where each starts
        self._runs = None  # the scan of runs of capitalised words, consumed as far as needed
        self._scanned = -1  # where the last run scanned starts

    def _scan_one(self) -> bool:
        """Scan the next run of capitalised words (a person when it is one's name); False when
        the text has no more."""
        if self._runs is None:
            self._runs = _name_runs(self.text)
        for start, end, run in self._runs:
            self._scanned = start
            parsed = _person_name(run) if " " in run or "\t" in run else None
            if parsed is not None:
                self._found.append(Person(parsed[0], start, end, parsed[1]))
                self._pos.append(start)
            return True
        self._scanned = len(self.text)
        return False

    @property
    def persons(self) -> list[Person]:
        """All the persons the article names, in text order."""
        while self._scan_one():
            pass
        return self._found

    def _surname_persons(self, surname: str) -> list[Person]:
        key = surname.lower()
        got = self._by_surname.get(key)
        if got is not None:
            return got
        got = []
        text = self.text
        size = len(text)
        find = text.find
        i = find(surname)
        n = len(surname)
        while i >= 0:
            e = i + n
            # a whole word after a space or "]", with a capitalised word (title, first name) before
            if i > 0 and text[i - 1] in " \t\xa0]" and (e >= size or not text[e].isalnum()) and (
                    last := (region := text[max(0, i - 80):i]).rsplit(None, 1)) and (
                    last[-1][0].isupper() or "]" in last[-1]):
                # the last five words before are all the loop below can look at
                before = region.replace("]", "] ").rsplit(None, 5)
                k = len(before)
                while k > 0 and k > len(before) - 5 and _cap_token(before[k - 1]):
                    k -= 1
                if k < len(before):
                    parsed = _person_name(tuple(before[k:]) + (surname,))  # (cached)
                    if parsed is not None and parsed[0].split()[-1].lower() == key:
                        got.append(Person(parsed[0], i, e, parsed[1]))
            i = find(surname, e)
        self._by_surname[key] = got
        return got

    def context(self, p: Person) -> set[str]:
        """Words around a mention: its titles, the words before, an appositive after."""
        if p._context is None:
            text = self.text
            ctx = {w.lower().strip("]") for w in text[p.pos:p.end].split()}
            ctx.update(w.lower().strip(",.’'") for w in text[max(0, p.pos - 60):p.pos].split()[-6:])
            after = text[p.end:p.end + 60]
            if after.startswith(","):
                ctx.update(w.lower().strip(",.") for w in after[1:].split(",")[0].split())
            p._context = ctx
        return p._context

    def fullest(self, surname: str, pos: int) -> Person | None:
        cands = self._surname_persons(surname)
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        return max(cands, key=lambda p: (len(p.name.split()), p.pos < pos, -abs(p.pos - pos)))

    def by_role(self, words: list[str], pos: int) -> Person | None:
        """The person whose mentions carry the role words ("ukrainian", "president")."""
        want = {w for w in words if w not in DETERMINERS and w not in NP_INNER}
        if not want:
            return None
        best, best_score = None, 0
        text = self.text
        found = self._found
        i = 0
        # (the persons in text order, scanning on only when the ones found so far are used up)
        while i < len(found) or self._scan_one():
            if i == len(found):
                continue  # that run was no person's name
            p = found[i]
            i += 1
            if p.pos >= pos and best is not None:
                break
            if p._context is None:
                # the context's words all come from this stretch of text: when no role word is
                # in it, the score is 0 (a non-ASCII stretch may lower-case differently in parts)
                around = text[max(0, p.pos - 60):p.end + 60]
                if around.isascii():
                    around = around.lower()
                    for w in want:
                        if w in around:
                            break
                    else:
                        continue
            score = len(want & self.context(p))
            if score > best_score or (score == best_score and score and p.pos < pos and (best is None or best.pos < p.pos)):
                best, best_score = p, score
        if best is None:
            return None
        # every word of the role phrase must be among the words around the person's mentions
        if best_score < len(want):
            return None
        return best

    def last_person_before(self, pos: int) -> Person | None:
        while self._scanned < pos and self._scan_one():
            pass  # (runs come in text order: none found later starts before pos)
        i = bisect.bisect_left(self._pos, pos) - 1
        return self._found[i] if i >= 0 else None


@dataclass(slots=True)
class Speaker:
    name: str | None
    mention: str | None
    title: str | None = None
    affiliation: str | None = None
    person: bool = True
    role_only: bool = False  # a role phrase no name in the article matched ("the president")


_ACRONYM = stdre.compile(r"\b[A-Z]{2,}\b")
_MEDIA_HEADS = frozenset("agency newspaper daily channel broadcaster magazine website network paper".split())
_CAP_WORD = stdre.compile(r"([" + _UP + r"][\w\-]+)")
_NEWS_AGENCY = stdre.compile(r"([" + _UP + r"][\w\-]+)\s+news agency")


def _affiliation(words: list[str]) -> str | None:
    for i, w in enumerate(words):
        stem = _possessive_stem(w)
        if stem and stem[:1].isupper():
            return stem  # a possessor: "Russia's"
        low = w.lower()
        if low in NATIONALITY and w[:1].isupper():
            return NATIONALITY[low]
        if (low == "of" or low == "for") and i + 1 < len(words):
            rest = [x for x in words[i + 1:] if x.lower() not in DETERMINERS]
            if rest and rest[0][:1].isupper():
                return " ".join(rest)
    return None


@functools.lru_cache(maxsize=1 << 15)
def _parse_names(mention: str) -> tuple[str, str | None, tuple]:
    """What a speaker phrase says by itself about names, before the article's names are
    consulted: (the phrase without edge commas, its affiliation, and per personal name in it:
    (name words, has a title, its title, an appositive role)). Cached across articles: the same
    phrases ("officials", "the ministry") recur everywhere."""
    mention = mention.strip(" ,")
    words = mention.replace(",", " , ").split()
    affiliation = _affiliation(words)
    runs = []
    # a personal name inside the phrase (skip titles, nationalities, organizations)
    for run in _NAME_RUN.finditer(mention):
        toks = run.group().replace("]", "] ").split()
        if _possessive_stem(toks[-1]) and mention[run.end():].strip(" ,"):
            continue  # "Michael Jackson's mother": the name is the possessor, not the speaker
        if any(t.strip("]") in ORG_CAPS for t in toks):
            continue
        title, name = _split_run(tuple(toks))
        if not name or any(t.isupper() and len(t) > 1 for t in name):
            continue
        if len(name) == 1 and name[0].lower() in NATIONALITY:
            continue
        own = " ".join(t for t in title if t not in HONORIFICS) or None
        app = None
        if "," in words:
            # an appositive role: "James Heappey, the foreign minister"
            parts = [p.strip() for p in mention.split(",") if p.strip()]
            roles = [p for p in parts if not _NAME_RUN.fullmatch(p)]
            if roles:
                app = " ".join(w for w in roles[0].split() if w.lower() not in DETERMINERS) or None
        runs.append((name, bool(title), own, app))
    return mention, affiliation, tuple(runs)


@functools.lru_cache(maxsize=1 << 15)
def _parse_role(mention: str) -> tuple[tuple[str, ...], bool, str | None, str, bool, bool]:
    """The rest of what a phrase (edge commas stripped) says by itself, needed only when no
    personal name in it resolves: (its lower-case words, whether a singular role head ("the
    president") asks for the person in the article, a lone capitalised word that may be a
    surname, the phrase as an organization or role name, person, role only)."""
    words = mention.replace(",", " , ").split()
    low = [w.lower().strip(",") for w in words if w != ","]
    # the head comes before "of"/"for": "the official of the American administration"
    inner = next((i for i, w in enumerate(low) if w in ("of", "for") and i > 0), len(low))
    head = low[inner - 1].rstrip(".") if low else ""
    content = [w for w in low if w not in DETERMINERS]
    # a lone single name ("Zelenskyy") with no fuller form, or an organization ("Reuters", "FSB")
    caps = [w for w in words if w[:1].isupper() and w not in BREAK_CAPS and w.lower() not in DETERMINERS]
    is_org = (head in ORG_HEADS or head.endswith("s") and head[:-1] in ROLE_HEADS or head in ROLE_HEADS and head.endswith("s")
              or bool(_ACRONYM.search(mention)) or any(w.strip("]") in ORG_CAPS for w in words))
    role_lookup = head in ROLE_HEADS and not head.endswith("s") and head not in ORG_HEADS
    if role_lookup:
        is_org = False
    name = _strip_determiner(mention)
    if "," in name:
        # "The FSB, Russia's main intelligence service": the name part comes first
        first = name.split(",")[0].strip()
        if first:
            name = _strip_determiner(first)
    single = caps[0] if len(caps) == 1 and len(content) == 1 and not is_org else None
    m = _NEWS_AGENCY.search(name)
    if m is None and len(caps) == 1 and head in _MEDIA_HEADS:
        m = _CAP_WORD.search(name)
    if m:
        name = m.group(1)
    person = not is_org and head in ROLE_HEADS
    # a short role phrase ("the official", "the French president", "IDF spokesman") refers back
    # to a person already quoted; "a spokesman", "the head of the agency" introduce a new one
    short = (inner == len(low) and len(low) <= 4 and low[0] not in ("a", "an", "one", "another", "some")
             and not any(_possessive_stem(w) for w in low))
    return tuple(low), role_lookup, single, name, person, person and short


def resolve(mention: str, pos: int, chain: MentionChain) -> Speaker:
    """Resolve a (non-pronoun) speaker phrase to the fullest name the article gives."""
    mention, affiliation, runs = _parse_names(mention)
    for name, has_title, own, app in runs:
        full = chain.fullest(name[-1], pos)
        if full is not None and len(full.name.split()) >= len(name):
            resolved = full.name
        elif len(name) == 1 and not has_title:
            continue  # a lone capitalised word: a place or organization ("Ukraine", "Reuters")
        else:
            resolved = " ".join(name)
        t = full.title if own is None and full is not None else own
        if t is None:
            t = app
        if affiliation and resolved in affiliation:
            affiliation = affiliation.split(resolved)[0].strip() or None
        return Speaker(resolved, mention, t, affiliation, True)
    # (only now: most phrases name someone, and the rest of the parse is not needed for them)
    low, role_lookup, single, name, person, role_only = _parse_role(mention)
    if role_lookup:
        found = chain.by_role(low, pos)
        if found is not None:
            return Speaker(found.name, mention, found.title, affiliation, True)
    if single is not None:
        found = chain.fullest(single, pos)
        if found is not None:
            return Speaker(found.name, mention, found.title, affiliation, True)
    return Speaker(name, mention, None, affiliation, person, role_only)


_DETERMINERS_OF = DETERMINERS | {"of"}


def _strip_determiner(s: str) -> str:
    parts = s.split()
    while parts and parts[0].lower() in _DETERMINERS_OF:
        parts = parts[1:]
    return " ".join(parts)
