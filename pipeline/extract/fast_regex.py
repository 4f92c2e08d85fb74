"""Regexes that Python's `re` scans fast, built from word lists and simple patterns.

An alternation led by `\\b` is tried at every position of the text, every alternative each time.
These builders give the same matches from a pattern that starts with a character class (which
the engine skips to in C) and then tries only the alternatives that can start there.
"""
from __future__ import annotations

import re


def _class_end(pat: str, i: int) -> int:
    """Index just after the character class that opens at pat[i] ("[")."""
    j = i + 1
    if pat[j:j + 1] == "^":
        j += 1
    if pat[j:j + 1] == "]":  # a leading "]" is literal
        j += 1
    while pat[j] != "]":
        j += 2 if pat[j] == "\\" else 1
    return j + 1


def split_alternatives(pat: str) -> list[str]:
    """Top-level alternatives of a pattern (escapes, classes and groups respected)."""
    out, cur, depth, i = [], [], 0, 0
    while i < len(pat):
        ch = pat[i]
        step = 2 if ch == "\\" else _class_end(pat, i) - i if ch == "[" else 1
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(pat[i:i + step])
        i += step
    out.append("".join(cur))
    return out


def _group_end(pat: str) -> int:
    """Index of the ")" closing the group that opens pat."""
    depth, i = 0, 0
    while i < len(pat):
        ch = pat[i]
        depth += (ch == "(") - (ch == ")")
        if ch == ")" and depth == 0:
            return i
        i += 2 if ch == "\\" else _class_end(pat, i) - i if ch == "[" else 1
    raise ValueError(f"unbalanced: {pat!r}")


def letter_led(alt: str) -> list[str]:
    """The alternative as alternatives that each start with a literal letter, in order of trial."""
    if alt.startswith("\\b"):
        alt = alt[2:]  # redundant after the pattern's own leading \b
    if alt.startswith("(?:"):
        j = _group_end(alt)
        inner, rest = alt[3:j], alt[j + 1:]
        optional = rest[:1] == "?"
        if optional:
            rest = rest[1:]
        if rest[:1] in ("?", "*", "+", "{"):
            raise ValueError(f"a leading group repeated or lazy: {alt!r}")
        out = [x for a in split_alternatives(inner) for x in letter_led(a + rest)]
        return out + letter_led(rest) if optional else out
    if not (alt[:1].isascii() and alt[:1].isalpha()) or alt[1:2] in ("?", "*", "+", "{"):
        raise ValueError(f"no literal first letter: {alt!r}")
    return [alt]


_VARIANTS: dict[str, str] = {}  # ASCII letter -> every character IGNORECASE matches it with


def _case_variants(letter: str) -> str:
    if not _VARIANTS:  # the case foldings onto ASCII letters all lie in the Basic Multilingual Plane
        ascii_letter = re.compile("[a-z]", re.IGNORECASE).fullmatch
        for ch in filter(ascii_letter, map(chr, range(0x10000))):
            for c in "abcdefghijklmnopqrstuvwxyz":
                if re.fullmatch(c, ch, re.IGNORECASE):
                    _VARIANTS[c] = _VARIANTS.get(c, "") + ch
    return _VARIANTS.get(letter.lower(), letter)


def fast_words(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags) for a pattern "\\b(?:w1|w2|...)rest" (or "\\bw1|\\bw2|..."), as an equivalent
    regex the engine scans fast: a leading `\\b` is tried at every position with every word, and under
    IGNORECASE without the engine's quick first-letter check. Here a class of the words' first letters
    comes first (the engine skips to those in C), the boundary is checked after it, then only the
    words starting with that letter are tried, in their order. Falls back to the plain regex for
    any other shape."""
    try:
        alts, rest = split_alternatives(pattern), ""
        if len(alts) == 1 and pattern.startswith("\\b(?:"):
            j = _group_end(pattern[2:]) + 2
            alts, rest = split_alternatives(pattern[5:j]), pattern[j + 1:]
        elif all(a.startswith("\\b") for a in alts):
            alts = [a[2:] for a in alts]
        else:
            return re.compile(pattern, flags)
        if rest[:1] in ("?", "*", "+", "{") or flags & ~re.IGNORECASE:
            return re.compile(pattern, flags)
        by_first: dict[str, list[str]] = {}
        for alt in (x for a in alts for x in letter_led(a)):
            by_first.setdefault(alt[0].lower() if flags & re.IGNORECASE else alt[0], []).append(alt[1:])
        letters = "".join(sorted(by_first))
        if flags & re.IGNORECASE:  # every character IGNORECASE lets stand for those letters ("K" for "k")
            first = "".join(re.escape(ch) for c in letters for ch in _case_variants(c))
        else:
            first = re.escape(letters)
        body = "(?:" + "|".join(f"(?<={c})(?:{'|'.join(rests)})" for c, rests in sorted(by_first.items())) + ")" + rest
        fast = re.compile(f"[{first}](?<![\\w].)" + (f"(?i:{body})" if flags & re.IGNORECASE else body))
    except (ValueError, IndexError, re.error):
        return re.compile(pattern, flags)  # (an invalid pattern raises here as it would anyway)
    # capturing groups would be copied by the distribution of leading groups
    return re.compile(pattern, flags) if fast.groups else fast


_CASELESS: dict[str, str] = {}  # non-ASCII character -> the ASCII letter IGNORECASE lets it stand for


def caseless(s: str) -> str:
    """s lower-cased as an IGNORECASE regex compares it: "ſ", "ı", "İ" and the Kelvin sign become
    "s", "i", "i" and "k" (lower() keeps the first two and makes "İ" two characters). Every word an
    IGNORECASE regex of ASCII words matches in s is a substring of the result: a cheap gate."""
    if s.isascii():
        return s.lower()
    if not _CASELESS:
        _CASELESS.update({ch: c for c in "abcdefghijklmnopqrstuvwxyz" for ch in _case_variants(c) if not ch.isascii()})
    for ch, c in _CASELESS.items():  # (a few replace() calls: translate() with a dict is slow on long text)
        if ch in s:
            s = s.replace(ch, c)
    return s.lower()


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def start_scan(alternatives: list[str], flags: int = 0, other_first: str = "") -> re.Pattern:
    """For a regex "\\b(?:alt1|alt2|...)" with `flags`: a regex matching one character at every word
    start where one of the letter-led `alternatives` matches in full, and at every word start in the
    class `other_first` (e.g. r"\\d", for the alternatives that start otherwise). A leading `\\b`
    makes the engine try every alternative at every position; this one skips to the first letters
    in C. Trying the whole regex only at these positions finds what its finditer finds.
    Raises ValueError for an alternative that does not start with a letter."""
    by_first: dict[str, list[str]] = {}
    for alt in alternatives:
        for x in letter_led(_NAMED_GROUP.sub("(?:", alt)):  # (groups would be copied by the distribution)
            by_first.setdefault(x[0].lower() if flags & re.IGNORECASE else x[0], []).append(x[1:])
    if flags & ~re.IGNORECASE:
        raise ValueError("only IGNORECASE is supported")
    letters = "".join(sorted(by_first))
    if flags & re.IGNORECASE:  # every character IGNORECASE lets stand for those letters ("K" for "k")
        first = "".join(re.escape(ch) for c in letters for ch in _case_variants(c))
    else:
        first = re.escape(letters)
    body = "(?:" + "|".join(f"(?<={re.escape(c)})(?:{'|'.join(rests)})" for c, rests in sorted(by_first.items())) + ")"
    ahead = f"(?=(?i:{body}))" if flags & re.IGNORECASE else f"(?={body})"
    if other_first:
        ahead = f"(?:(?<=[{other_first}])|{ahead})"
    return re.compile(f"[{first}{other_first}](?<![\\w].){ahead}")



def fast_alternation(words) -> re.Pattern:
    """A whole-word regex for `words` that the engine scans fast: it consumes one character from
    a class of first letters, then dispatches on that letter (an alternation led by `\\b` is
    tried at every position and was several times slower)."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0].lower(), []).append(w[1:])
    firsts = "".join(sorted(by_first))
    branches = []
    for c, rests in sorted(by_first.items()):
        alts = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in sorted(rests, key=len, reverse=True))
        branches.append(f"(?<=[{c}{c.upper()}])(?:{alts})")
    return re.compile(f"[{firsts}{firsts.upper()}](?<![\\w].)(?:" + "|".join(branches) + r")\b")


def lower_twin(words) -> re.Pattern:
    """The lower-case twin of `fast_alternation(words)` for `scan_lowered`: led by the non-word
    character before the word, with branches that start with a literal letter (which the engine
    skips without entering them), so it runs ~3x faster over the lower-cased text."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0].lower(), []).append(w[1:])
    branches = []
    for c, rests in sorted(by_first.items()):
        alts = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in sorted(rests, key=len, reverse=True))
        branches.append(f"{c}(?:{alts})")
    # led by any character that is not a lower-case word character: all non-word characters and a
    # few more (a negated class of ASCII ranges is tested faster than the \W category)
    return re.compile(r"[^a-z0-9_](?:" + "|".join(branches) + r")\b")


# characters with a meaning in a regex: where reading an alternative's literal text stops
REGEX_META = frozenset("[](){}?*+|\\.^$")


def matches_at(exact: re.Pattern, starts, text: str, endpos: int | None = None):
    """The matches of `exact.finditer(text, ..., endpos)`, tried only at the `starts` (matches, in
    order, of a cheaper scan that finds at least every place `exact` matches): a start inside the
    previous match is skipped, as finditer never starts a match there."""
    match, end, endpos = exact.match, 0, len(text) if endpos is None else endpos
    for c in starts:
        p = c.start()
        if p >= end:
            m = match(text, p, endpos)
            if m:
                end = m.end()
                yield m


def scan_lowered(exact: re.Pattern, twin: re.Pattern, text: str, low: str | None, pos: int = 0,
                 endpos: int | None = None, offset: int = 0):
    """The matches of `exact.finditer(text, pos, endpos)`, found faster: `twin` scans `low`
    (text.lower(), or None when lower-casing changed its length) and each hit is confirmed by `exact` at the
    hit's start + `offset`. The twin must match (at least) wherever `exact` does: it may find more
    (say "KILLED" for a pattern with only the first letter in either case), which `exact`
    rejects. After a confirmed match the scan resumes at its end as finditer does (with an
    `offset`, the twin's lead character there is the match's last letter, and `exact` cannot
    match right after a letter either)."""
    if endpos is None:
        endpos = len(text)
    if low is None:
        yield from exact.finditer(text, pos, endpos)
        return
    if offset:  # the twin cannot see the character before `pos`: a match right at `pos`
        m = exact.match(text, pos, endpos)
        if m:
            yield m
            pos = m.end()
    search, match = twin.search, exact.match
    while (c := search(low, pos, endpos)) is not None:
        m = match(text, c.start() + offset, endpos)
        if m:
            yield m
            pos = m.end()
        else:
            pos = c.start() + 1
