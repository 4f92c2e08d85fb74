"""Event extraction: typed events with actor, target, place, date and casualties (issue 5).

Steps, per article:
1. one pass of the trigger lexicon (event_lexicon.TRIGGER_RE); each hit is typed from its group
   and, for the generic words (attack, struck, captured, shot down, protest...), from the words
   around it (the weapon named, what was captured or shot down, how a protest went);
2. hypothetical, negated and quoted mentions are dropped; per sentence, co-occurring tactics keep
   ACLED's highest (an air strike with shelling is an air strike) and only the main diplomatic act;
3. actor/target from the words around the trigger, place from the trigger's clause (one event per
   place of a listed "in A, B and C"), date from the sentence's date words;
4. casualties of the sentence (or of the next one that only counts victims) fill fatalities and
   injuries and link the figures that gave them;
5. the same event told again (same type and place, or a placeless retelling) is merged into one row.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from pipeline.extract import actors, casualties, dates, places
from pipeline.extract import event_lexicon as lx
from pipeline.extract.fast_regex import caseless, fast_words, matches_at
from pipeline.extract.records import Event, Figure
from pipeline.extract.text import Doc, trie_pattern
from pipeline.taxonomy import PRECEDENCE, SUB_EVENT_TYPES

_RANK = {s: i for i, s in enumerate(PRECEDENCE)}
_VIOLENT = {"battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots"}
_PHYSICAL = _VIOLENT | {"strategic_developments", "crime_disasters"}
_QUOTE = re.compile(r"“[^“”]{0,3000}”|\"[^\"\n]{0,3000}\"")
# a locative word, then up to two words before the place ("in the eastern city of"): "cities of", "region of"
# and the like end in "of", a locative word itself, so the pattern need not name them (asked only whether it
# matches); fast_words: tried only at the words' first letters, not at every position of the window
_LOCATIVE = fast_words(
    r"\b(?:in|near|on|at|outside|around|across|over|into|inside|of|toward|towards|targeting|hit|struck|"
    r"captured|seized|entered|entering|liberated|recaptured|retook|including)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)
# ",\s+...ing\b|;|,\s+(?:which|...)\b|\s+—\s+|\s+(?:...)?(?:after|...)\s" with its first character read by
# one class, so that the engine skips to those characters in C (the alternatives check which it was)
_CLAUSE_END = re.compile(r"[,;\s](?:(?<=,)\s+(?:\w+ly\s+)?\w+ing\b|(?<=;)|(?<=,)\s+(?:which|who|while|but|according)\b"
                         r"|(?<=\s)\s*—\s+|(?<=\s)\s*(?:(?:days?|weeks?|hours?|months?)\s+)?(?:after|since|before|until|because|when)\s)")
_LIST_GAP = re.compile(
    r"^(?:,\s+(?:(?:north|south|east|west)[\w\-]*\s+of\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?,\s+)?"
    r"(?:and\s+|as well as\s+(?:the\s+)?(?:\w+\s+){0,2}(?:of\s+)?|or\s+)?|\s+and\s+|\s+as well as\s+(?:the\s+)?(?:\w+\s+){0,2}(?:of\s+)?|\s+or\s+"
    # "A, where two died, and the eastern B": a relative clause inside the list; a compass adjective
    r"|(?:,\s+where\s+[^,;]{1,80})?,?\s+(?:and|as well as)\s+(?:the\s+)?(?:(?:north|south|east|west|central)[\w\-]*\s+)?)$")
_REFERENCE_POINT = re.compile(r"\b(?:north|south|east|west)[\w\-]*\s+of\s+(?:the\s+)?$|\b\d+\s*(?:km|kilomet\w+|miles?)\s+(?:\w+\s+)?(?:from|of)\s+(?:the\s+)?$", re.I)
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'\-]{2,30}?)(?:,\s*[A-Z][A-Za-z .]+)?\s*(?:\([A-Za-z ]+\)\s*)?(?:--|—|–|-)\s")
_PASSIVE = fast_words(r"\b(?:was|were|been|being|is|are|get|got)\s+(?:(?:\w+ly|also|again|later|then|not)\s+)?$", re.I)
_SAY_SUBJ = re.compile(r"(?:\w+,\s+)?((?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z\w'’\-]+){0,4}?)\s+(?:said|says|claimed|claims|reported|announced|added|confirmed)\b")
_COUNT_FIGS = {"killed", "injured", "missing", "displaced", "arrested", "launched", "intercepted", "damaged"}


def _word_trie(words) -> str:
    """"\\b(?:w1|w2|...)\\b" (longest first) as a trie under each first letter, the boundary checked
    after that letter: the engine skips to those letters in C instead of trying every word everywhere."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    return "(?:" + "|".join(re.escape(c) + r"(?<![\w].)" + trie_pattern(rests, space=" ")
                            for c, rests in sorted(by_first.items())) + r")\b"


_DEMONYM_RE = re.compile("(" + _word_trie(k.title() for k in places.DEMONYMS) + ")")
# where _DEMONYM_RE may match in actors.capitals_marked(text): a capital, then the rest of some demonym
# as marked there ("South African" -> "\x01outh \x01frican"; ASCII letters and spaces); a literal lead
# skips to capitals faster than _DEMONYM_RE's class
_DEMONYM_AT = re.compile(rb"\x01(?=" + trie_pattern(
    {actors.capitals_marked(k.title())[1:].decode("ascii") for k in places.DEMONYMS}, space=" ").encode("ascii") + b")")


def _demonyms(text: str, caps: bytes, start: int, end: int):
    """The matches of _DEMONYM_RE.finditer(text, start, end), tried only where _DEMONYM_AT finds a start."""
    return matches_at(_DEMONYM_RE, _DEMONYM_AT.finditer(caps, start, end), text, end)


# types whose words are everyday outside conflict news: kept only in a sentence about states or armed groups
_NEEDS_POLITICS = {"non_violent_transfer_of_territory", "other", "diplomatic", "change_to_group_activity", "agreement"}


_NOT_VIOLENCE_BEFORE = fast_words(r"\b(?:cyber|cyber-|heart|panic|asthma|verbal|personal|hacker|ransomware|phishing)[\s\-]*$", re.I)
# nouns inside verb groups: their actor is a modifier or a "by/from" phrase, not a subject
_NOUN_WORDS = frozenset("""criticism condemnation condemnations accusation accusations ultimatum sanctions summit talks
negotiations mediation invitation visit boycott phone inauguration occupation invasion annexation""".split())
_SECURITY = fast_words(r"\b(?:police|policemen|officers|cops|security|troops|soldiers|army|guards|gendarmes|riot)\b", re.I)
# "(?<=[a-z0-9)])[.!?]..." with the look-behind after the stop, so the engine skips to stops in C
_GLUED = re.compile(r"[.!?](?<=[a-z0-9)][.!?])[\"”’]?(?=[A-Z][a-z])")
_SUBPLACE_BEFORE = re.compile(
    r"\b([A-Z][a-z\u00C0-\u024F]{2,}(?:[- ][A-Z][a-z\u00C0-\u024F]+)?\s+(?:district|neighbou?rhood|suburb|quarter|village|settlement))"
    r"\s+(?:in|of|near|outside)\s+(?:the\s+)?(?:(?:city|town|region)\s+of\s+)?$")
# "fights are fought for Bakhmut", "the battle for Mosul": a named place fought over is war, whoever fights
_FOUGHT_OVER = re.compile(r"\s*(?:(?:are|were|is|was)\s+)?(?:(?:being\s+)?fought\s+)?(?:for|over)\s+(?:the\s+(?:city|town|village)\s+of\s+)?"
                          r"[A-Z][a-z\u00C0-\u024F]+\b(?!['’])(?!\s+(?:awards?|prizes?|titles?|trophy|cup|crown|nominations?|votes?|seats?|fans|"
                          r"supporters|deals?|contracts?|shares|market|business|customers)\b)")  # not "the battle for Bafta awards"
_CAUSE_BEFORE = fast_words(r"\b(?:due to|because of|caused by|blamed on|owing to)\s+(?:the\s+|a\s+)?(?:\w+\s+)?$", re.I)
_VENUE = re.compile(r"(?:the\s+)?([A-Z][a-z\u00C0-\u024F]+(?:\s+[A-Z][a-z\u00C0-\u024F]+){1,2})\b(?!['’])")
_NOT_VENUE = frozenset(places.DEMONYMS) | frozenset("""january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday the a an his her their its""".split())
_CUMULATIVE = fast_words(r"\b(?:since the (?:start|beginning|outbreak) of the (?:war|invasion|conflict|fighting)|"
                            r"since (?:the )?(?:war|invasion|conflict) (?:began|started)|in total since)\b", re.I)
_STATE_ORGAN_AFTER = re.compile(r"\s+(?:the\s+|its\s+|his\s+|her\s+)?(?:\w+\s+)?(?:cabinet|government|parliament|"
                                r"assembly|legislature|duma|senate|congress)\b", re.I)
# (compiled once: these run for every candidate)
_NAME_AFTER = re.compile(r"\s+(?:the\s+)?(?:\w+\s+){0,3}?[A-Z]")
_REFLEXIVE_AFTER = re.compile(r"\s+(?:himself|herself|themselves|time)\b")
_PUNCT = re.compile(r"[,.;:]")
_CONJ_AFTER = re.compile(r"\s+(?:and|in|by|when|as|after|during|on|at|while|so|since)\b")
_BY_AFTER = re.compile(r"\s+by\s")
_LOWER_AFTER = re.compile(r"\s+[a-z]")
_IN_AT = re.compile(r"\b(?:in|at)\s+")
_INVASION_WORD = re.compile(r"(?:invasion|occupation|annexation|annex)", re.I)
_WINDOW = 400  # characters either side of a trigger that its sentence is read over, at most
_MAX_TRIGGERS = 3000


class _Cand:
    __slots__ = ("sub", "start", "end", "sent", "noun", "actor", "target", "coref", "span", "generic", "part", "toll")

    def __init__(self, sub: str, start: int, end: int, sent: int, noun: bool) -> None:
        self.sub, self.start, self.end, self.sent, self.noun = sub, start, end, sent, noun
        self.actor: str | None = None
        self.target: str | None = None
        self.coref = False
        self.span = (start, end)
        self.generic = False
        self.part = start
        self.toll = False  # a killing word ("killed", "died") with no tactic of its own


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """The spans of _QUOTE.finditer(text): tried only at quote marks, which str.find skips to faster."""
    spans = []
    j, k = text.find('"'), text.find("“")
    while j >= 0 or k >= 0:
        p = j if k < 0 or 0 <= j < k else k
        m = _QUOTE.match(text, p)
        i = m.end() if m else p + 1
        if m:
            spans.append((p, i))
        if 0 <= j < i:
            j = text.find('"', i)
        if 0 <= k < i:
            k = text.find("“", i)
    return spans


def _in_spans(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


# the aircraft or ship a missile is fired from is its launch platform, not the tactic
_PLATFORM = re.compile(r"\bfrom\s+(?:[\w\-]+\s+){0,3}?(?:bombers?|jets?|aircraft|warplanes?|planes?|ships?|warships?|"
                       r"submarines?|vessels?)\b", re.I)


def _weapon(window: str) -> str | None:
    if "from" in window:
        window = _PLATFORM.sub(" ", window)
    low = caseless(window)
    for sub in lx.WEAPON_ORDER:
        for cue in lx.WEAPON_CUES[sub]:  # (a substring test rules out most weapons before their regex)
            if cue in low:
                if lx.WEAPON_RE[sub].search(window):
                    return sub
                break
    return None


def _resolve(kind: str, trig: str, text: str, s: int, e: int, m_start: int, m_end: int,
             noun: bool, earlier_explosion: str | None) -> tuple[str | None, bool]:
    """Sub-event type for a trigger in sentence text[s:e]; (type, is a back-reference)."""
    if kind == "INVASION":
        return ("armed_clash" if trig.lower().startswith("invasion") else "non_state_actor_overtakes_territory"), False
    if kind not in ("ATTACK", "CLASH", "CAPTURE", "DISRUPT", "PROTEST", "KILL"):
        if SUB_EVENT_TYPES[kind] == "explosions_remote_violence":
            # "drone and missile attack": the higher tactic named just before wins
            w = _weapon(text[max(s, m_start - 40):m_end])
            if w and _RANK[w] < _RANK[kind]:
                return w, False
        return kind, False
    low = trig.lower().strip()
    win = text[max(s, m_start - 90):min(e, m_end + 90)]
    sent = text[s:e]
    if kind == "ATTACK":
        if low in ("launched", "fired", "hit", "hits", "struck", "targeted", "targeting", "targets"):
            win = text[max(s, m_start - 40):min(e, m_end + 45)]  # the weapon must be close to these
        w = _weapon(win)
        if w:
            return w, False
        if low.startswith("strike"):  # "the strike on X": a strike named as a noun
            noun = True
            if not earlier_explosion:
                return None, False
        if low in ("bombing", "bombings", "bombed"):
            return "air_drone_strike", False
        if low in ("blast", "blasts", "explosion", "explosions", "exploded", "detonated", "blew up", "exploding"):
            return (earlier_explosion, True) if earlier_explosion else ("remote_explosive_landmine_ied", False)
        if earlier_explosion and noun:
            return earlier_explosion, True
        if earlier_explosion and low in ("struck", "hit", "hits", "targeted", "targeting", "targets", "destroyed", "damaged"):
            return earlier_explosion, low in ("destroyed", "damaged")
        if low in ("destroyed", "damaged"):
            return None, False
        if lx.INFRASTRUCTURE_RE.search(text, m_end, min(e, m_end + 50)):
            return earlier_explosion or "shelling_artillery_missile_attack", False
        if low.startswith("attack") or low.startswith("assault") or low.startswith("raid"):
            if lx.NONSTATE_RE.search(sent) and lx.CIVILIANS_RE.search(sent):
                return "attack", False
            victims = text[m_end:min(e, m_end + 50)]
            if lx.CIVILIANS_RE.search(victims) and not lx.ARMED_RE.search(victims):
                return "attack", False  # "an attack on a village", "attacked worshippers"
            if lx.ARMED_RE.search(sent):
                return "armed_clash", False
        return None, False
    if kind == "CLASH":
        if not lx.ARMED_RE.search(sent) and not low.startswith(("invaded", "launched")) \
                and not (low.startswith(("fights", "battle")) and _FOUGHT_OVER.match(text, m_end)):
            return None, False  # "the champion battled back", "a clash of styles"
        return "armed_clash", False
    if kind == "CAPTURE":
        after = text[m_end:min(e, m_end + 70)]
        if lx.SEIZED_WEAPONS_RE.search(after):
            return "disrupted_weapons_use", False
        if lx.TERRITORY_RE.search(after) or _NAME_AFTER.match(after):
            if low in ("entered",) and not lx.ARMED_RE.search(sent):
                return None, False
            return "non_state_actor_overtakes_territory", False
        return None, False
    if kind == "DISRUPT":
        after = text[m_end:min(e, m_end + 60)]
        if low.startswith(("shot", "shoot", "downed")) and lx.AIRCRAFT_RE.search(after) and not lx.PROJECTILE_RE.search(after):
            return "armed_clash", False
        if low.startswith("intercept") and not (lx.PROJECTILE_RE.search(sent) or re.search(r"air defen", sent, re.I)):
            return None, False
        return "disrupted_weapons_use", False
    if kind == "PROTEST":
        if low.startswith("demonstrat") and not re.match(r"\s+(?:in|against|outside|on|for|near|at)\b", text[m_end:m_end + 12]) \
                and not low.startswith("demonstrators") and low not in ("demonstrations",):
            return None, False
        if low == "demonstration" and text[m_end:m_end + 3] == " of":
            return None, False
        if lx.PROTEST_FORCE_RE.search(sent) and _SECURITY.search(sent):
            return "excessive_force_against_protesters", False
        if lx.PROTEST_VIOLENT_RE.search(sent):
            return "violent_demonstration", False
        if lx.PROTEST_INTERVENTION_RE.search(sent) and _SECURITY.search(sent):
            return "protest_with_intervention", False
        return "peaceful_protest", False
    # KILL: a killing with no tactic named
    if low == "died":  # in a report of strikes, deaths named with a place are the strikes' toll there
        return (earlier_explosion, False) if earlier_explosion else (None, False)
    if _REFLEXIVE_AFTER.match(text[m_end:m_end + 12]):
        return None, False
    if low in ("massacred", "massacre", "massacres", "beheaded", "hacked to death", "burned alive"):
        return "attack", False
    if low == "executed" and not (lx.ARMED_RE.search(sent) or lx.NONSTATE_RE.search(sent)):
        return None, False
    victims = text[m_end:min(e, m_end + 60)]
    if lx.NONSTATE_RE.search(sent) and (lx.CIVILIANS_RE.search(sent) or not lx.ARMED_RE.search(victims)):
        return "attack", False  # gunmen shooting a shopkeeper
    if low == "opened fire":
        if lx.AIRCRAFT_RE.search(text, max(s, m_start - 40), m_start):
            return "air_drone_strike", False  # a helicopter opening fire
        victims = re.sub(r"^\s+(?:on|at|upon|into)\b", " ", victims)
    obj = _PUNCT.split(victims[:40], 1)[0]
    if not _CONJ_AFTER.match(obj) \
            and lx.CIVILIANS_RE.search(obj) and not lx.ARMED_RE.search(obj):
        return "attack", False  # "fighters killed 12 villagers": the killed are the object
    if low in ("shot dead", "gunned down", "stabbed", "hacked to death") and not lx.ARMED_RE.search(victims):
        return "attack", False
    if lx.ARMED_RE.search(sent) and low not in ("stabbed",):
        return "armed_clash", False
    return None, False


def extract_events(doc: Doc, figures: list[Figure]) -> list[Event]:
    text = doc.text
    if not text or not doc.sentences:
        return []
    quotes = _quote_spans(text)
    qstarts = [q[0] for q in quotes]
    marked: list[bytes] = []

    def caps() -> bytes:
        """actors.capitals_marked(text), made once if needed."""
        if not marked:
            marked.append(actors.capitals_marked(text))
        return marked[0]

    # 1-2. triggers -> typed candidates
    cands: list[_Cand] = []
    political: dict[tuple[int, int], bool] = {}  # (start, end) -> _political_sentence
    earlier_explosion: str | None = None
    explosion_sent = -100
    low_lead = lx.lowered(text)
    lead = low_lead[1] if low_lead else None
    for n_trig, m in enumerate(lx.trigger_matches(text, low_lead)):
        if n_trig >= _MAX_TRIGGERS:
            break  # a list or a garbled page, not an article: bound the work
        kind, wc = lx.trigger_info(m.lastgroup)
        trig = m.group()
        idx = doc.sentence_index(m.start())
        s, e = doc.sentences[idx]
        if m.start() < s or m.end() > e:
            continue
        if trig[0].isupper() and m.start() != s and (not trig.isupper() or len(trig) > 4):
            continue  # a name, title or headline ("Operation Rally", "Strike Group", "US WARNS")
        if quotes and _in_spans(quotes, qstarts, m.start()):
            continue
        if m.start() > 0 and text[m.start() - 1] == "-" and m.lastgroup != "sex":
            continue  # "crisis-hit", "state-targeted" (but "gang-raped")
        if _NOT_VIOLENCE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "cyber attacks", "heart attack"
        # a run-on "sentence" (no punctuation for pages) is read as a window around the trigger,
        # cut at sentences glued without a space ("...hit the port.At least 9 rockets...")
        part = s  # which glued sentence of the run the trigger is in
        s, e = max(s, m.start() - _WINDOW), min(e, m.end() + _WINDOW)
        for g in _GLUED.finditer(text, s, m.start()):
            s = part = g.end()
        g = _GLUED.search(text, m.end(), e)
        if g:
            e = g.start() + 1
        if kind == "violent_demonstration" and re.match(r"\s+(?:police|gear|squad|shields?|control)", text[m.end():m.end() + 10], re.I):
            continue
        recent = earlier_explosion if idx - explosion_sent <= 4 else None
        sub, coref = _resolve(kind, trig, text, s, e, m.start(), m.end(), wc == "n", recent)
        if sub is None:
            continue
        if sub == "change_to_group_activity" and _STATE_ORGAN_AFTER.match(text, m.end()):
            sub = "other"  # a dissolved cabinet or parliament is a change of government, not of an armed group
        if sub in _NEEDS_POLITICS:
            pol = political.get((s, e))
            if pol is None:  # asked again for each act of a sentence ("met ... and pledged ... and urged")
                pol = political[(s, e)] = _political_sentence(text, s, e, lead)
            if not pol:
                continue  # "the club sacked its coach", "the firm invited offers"
        if sub == "non_violent_transfer_of_territory" and not lx.ARMED_RE.search(text, s, e):
            continue  # "withdrew from the tournament": only armed forces hand over ground
        prefix = text[max(s, m.start() - 45):m.start()]
        if lx.MODAL_RE.search(prefix):
            continue
        if SUB_EVENT_TYPES[sub] in _VIOLENT and _CUMULATIVE.search(text, s, e):
            continue  # "since the start of the war 750 missiles have been fired": a tally, not an event
        c = _Cand(sub, m.start(), m.start() + len(trig.rstrip()), idx, wc == "n" or trig.lower().split()[0] in _NOUN_WORDS)
        c.coref = coref
        c.span = (s, e)
        c.part = part
        c.generic = m.lastgroup == "att_n" or trig.lower().endswith("s")
        # a toll word: passive or participle ("had been killed", "killing five", "died"), not "troops killed"
        # or a verb whose subject is no armed actor ("a strike on a market killed 12")
        c.toll = kind == "KILL" and (trig.lower() in ("killing", "died") or bool(_PASSIVE.search(text, max(s, m.start() - 30), m.start()))
                                     or actors.subject_before(text, s, m.start()) is None)
        cands.append(c)
        if SUB_EVENT_TYPES[sub] == "explosions_remote_violence":
            explosion_sent = idx
            if not coref:
                earlier_explosion = sub

    # per sentence: one event per type of tactic, the main diplomatic act, no back-references
    by_sent: dict[tuple[int, int], list[_Cand]] = {}
    for c in cands:
        by_sent.setdefault((c.sent, c.part), []).append(c)
    chosen: list[_Cand] = []
    for key in sorted(by_sent):
        group = by_sent[key]
        diplo = [c for c in group if SUB_EVENT_TYPES[c.sub] == "diplomacy"]
        first_diplo = min((c.start for c in diplo if not c.noun), default=None)
        kept: dict[str, _Cand] = {}
        # a killing word beside a strike, a blast or a disaster is its toll ("an earthquake struck, killing 12")
        has_cause = any(not o.toll and (SUB_EVENT_TYPES[o.sub] in _VIOLENT or SUB_EVENT_TYPES[o.sub] == "crime_disasters")
                        and o.sub not in ("armed_clash", "attack") for o in group)
        has_specific_violence = any(SUB_EVENT_TYPES[c.sub] in _VIOLENT and c.sub not in ("armed_clash", "attack") for c in group)
        protest = any(SUB_EVENT_TYPES[c.sub] in ("protests", "riots") for c in group)
        for c in group:
            et = SUB_EVENT_TYPES[c.sub]
            if et == "diplomacy":
                continue
            if protest and c.sub in ("armed_clash", "attack"):
                continue  # police clashing with or shooting at protesters: the protest's own type says it
            if c.coref and first_diplo is not None and first_diplo < c.start:
                continue  # "ministers condemned the bombing": the bombing is told elsewhere
            if c.coref and any(o is not c and not o.coref and SUB_EVENT_TYPES[o.sub] in _VIOLENT for o in group):
                continue  # "beat back an enemy assault": the object of the event told here
            if c.sub in ("armed_clash", "attack") and ((c.noun and has_specific_violence) or (c.toll and has_cause)):
                # "an air strike on his fighters ... a huge number had been killed": the strike's toll
                continue
            key = et if et in ("explosions_remote_violence",) else c.sub
            old = kept.get(key)
            if old is None or _RANK[c.sub] < _RANK[old.sub] or (c.sub == old.sub and old.noun and not c.noun):
                kept[key] = c
        if diplo:
            verbs = [c for c in diplo if not c.noun] or diplo
            kept["diplomacy"] = min(verbs, key=lambda c: c.start)
        chosen.extend(sorted(kept.values(), key=lambda c: c.start))

    if not chosen:
        return []

    # 3. places of the article (resolved together), names for actors
    # the event sentences; the lead too when a name is ambiguous (Odesa, Georgia), for context
    mentions: list[places.Mention] = []
    scanned: list[tuple[int, int, list[places.Mention]]] = []  # (start, end, places found there)
    last = 0
    for a, b in sorted({c.span for c in chosen}):
        a = max(a, last)
        if b > a:
            found = places.find_mentions(text, a, b)
            mentions.extend(found)
            scanned.append((a, b, found))
            last = b
    lead: list[list[places.Mention]] = []  # the lead's places, found once if needed

    def lead_mentions() -> list[places.Mention]:
        if not lead:
            lead.append(_lead_places(text, min(len(text), 2000), scanned))
        return lead[0]

    context: dict[str, float] = {}
    if any(len(mm.candidates) > 1 and _two_countries(mm.candidates) for mm in mentions):
        known = {mm.start for mm in mentions}
        mentions.extend(mm for mm in lead_mentions() if mm.start not in known)
        for dm in _demonyms(text, caps(), 0, 20000):
            cc = places.DEMONYMS[dm.group().lower()]
            context[cc] = context.get(cc, 0.0) + 0.5
    mentions.sort(key=lambda mm: mm.start)
    places.resolve(mentions, context)
    mstarts = [mm.start for mm in mentions]
    names = actors.person_names(text[:max(c.span[1] for c in chosen)], caps())  # names are introduced before use
    name_words = _name_words(names)
    cc_count: dict[str, int] = {}
    for mm in mentions:
        if mm.place and mm.place.country_code:
            cc_count[mm.place.country_code] = cc_count.get(mm.place.country_code, 0) + 1
    main: list[str | None] = []

    def main_cc() -> str | None:
        """The article's main country (asked only for events with no country of their own, so the
        lead is read only then)."""
        if not main:
            if not cc_count:  # the events' sentences name no country: the lead says which the article is about
                for mm in lead_mentions():
                    if len({p.country_code for p in mm.candidates}) == 1 and mm.candidates[0].country_code:
                        cc_count[mm.candidates[0].country_code] = cc_count.get(mm.candidates[0].country_code, 0) + 1
            main.append(max(cc_count, key=cc_count.get) if cc_count else None)
        return main[0]
    lead_date = _lead_date(doc)
    dateline = _dateline(text)

    claimed: set[int] = set()
    cands_at: dict[int, list[_Cand]] = {}  # every typed trigger of a sentence, for whose date a cue is
    for c in cands:
        cands_at.setdefault(c.sent, []).append(c)
    events: list[Event] = []
    parents: dict[int, str] = {}  # id(event) -> the place its location lies in
    country_only: set[int] = set()  # id(event) of events placed in a whole country
    ev_sents: list[int] = []
    ev_trig: list[int] = []  # each event's trigger offset, for which event a toll belongs to
    nouns: list[bool] = []
    political_actors: dict[str, bool | None] = {}  # for _political
    for c in chosen:
        s, e = c.span
        et = SUB_EVENT_TYPES[c.sub]
        _actor_target(c, text, s, e, names)
        if c.sub == "verbal_conflict" and not c.actor:
            continue  # a condemnation or warning is the act of someone named
        if et == "diplomacy" and c.actor and not _political(c.actor, text, names, (s, e), political_actors):
            continue  # a footballer's complaint or a firm's offer is not diplomacy
        cs, ce = _clause(text, s, e, c)
        locs = _locations(c, text, s, e, (cs, ce), mentions, mstarts, et, main_cc, name_words)
        if not locs and c.sent == 0 and dateline and et in _PHYSICAL:
            locs = [dateline]
        others = [(o.start - cs, *_date_window(o)) for o in cands_at.get(c.sent, ()) if o.sub != c.sub and cs <= o.start < ce]
        d, prec, _cue = dates.resolve_date(text[cs:ce], doc.published_at, c.start - cs,
                                           _date_window(c), et != "diplomacy", others)
        if d is None and _cue is None and c.part > doc.sentences[c.sent][0] and doc.published_at is not None:
            # a sentence glued to the one before ("...on Ukraine.Currently, fights..."): that one's day goes on
            d0, p0, cue0 = dates.resolve_date(text[doc.sentences[c.sent][0]:c.part], doc.published_at,
                                              c.part - doc.sentences[c.sent][0], (10 ** 6, 0), True)
            if d0 and p0 == "day" and not cue0.lower().startswith("since"):
                d, prec = d0, p0
        if d is None and _cue is None and others and dates.resolve_date(
                text[cs:ce], doc.published_at, c.start - cs, _date_window(c), et != "diplomacy")[2]:
            claimed.add(c.sent)  # the sentence's date words belong to its other event
        if d is None and doc.published_at is not None and (
                c.sent == lead_date[0] or _PERFECT.search(text, max(s, c.start - 30), c.start)):
            d, prec = doc.published_at.date() if hasattr(doc.published_at, "date") else doc.published_at, "day"
        for loc in locs or [None]:
            ev = Event(sub_event_type=c.sub, event_type=et, char_start=s, char_end=e, sentence_index=c.sent,
                       trigger=text[c.start:c.end], actor=c.actor, target=c.target, event_date=d,
                       date_precision=prec if d else None)
            if loc is not None:
                ev.location = loc.surface
                if loc.place is not None and loc.place.kind == "country":
                    country_only.add(id(ev))  # "attacks in Ukraine": no more precise than the war itself
                if loc.place:
                    ev.country_code = loc.place.country_code or None
                    ev.latitude, ev.longitude = loc.place.latitude, loc.place.longitude
            elif et in _PHYSICAL:
                ev.country_code = _fallback_country(c) or main_cc()
            else:
                # a statement or visit with no place: the actor's country, else the article's
                ev.country_code = _actor_country(c.actor) or (main_cc() if c.actor else None)
            if loc is not None and loc.parent:
                parents[id(ev)] = loc.parent
            events.append(ev)
            ev_sents.append(c.sent)
            ev_trig.append(c.start)
            # "losses due to drought": a disaster named as a cause, like a generic attack noun
            nouns.append(c.noun and (c.generic or (et == "crime_disasters" and bool(
                _CAUSE_BEFORE.search(text, max(s, c.start - 25), c.start)))))

    # 4. casualties and figures
    _casualties(doc, events, ev_sents, figures, ev_trig)

    # a bare noun with no place, date or toll is talk about attacks, not an event ("drone attacks
    # have become common"); a retelling of one already found adds nothing either
    keep = [not (nouns[i] and ev.event_type in _VIOLENT | {"crime_disasters"} and (ev.location is None or id(ev) in country_only)
                 and ev.event_date is None and ev.fatalities is None and ev.injuries is None)
            for i, ev in enumerate(events)]
    if not all(keep):
        new_index, kept = {}, []
        for i, ev in enumerate(events):
            if keep[i]:
                new_index[i] = len(kept)
                kept.append(ev)
        for f in figures:
            if f.event_index is not None:
                f.event_index = new_index.get(f.event_index)
        events = kept

    # 5. one row per real-world event; a row still undated continues its story's date
    out = _merge(events, figures, parents)
    # an attack told without its attacker continues the story of the last one told with it
    # (nearby, or anywhere when every attacker the article names for that kind of event is the same)
    named: dict[str, set[str]] = {}
    for ev in out:
        if ev.event_type in _VIOLENT and ev.actor:
            named.setdefault(ev.event_type, set()).add(ev.actor)
    last_actor: dict[str, tuple[int, str]] = {}
    for ev in out:
        if ev.event_type not in _VIOLENT:
            continue
        prev = last_actor.get(ev.event_type)
        if ev.actor:
            last_actor[ev.event_type] = (ev.sentence_index, ev.actor)
        elif prev and ev.sentence_index - prev[0] <= 3:
            ev.actor = prev[1]
        elif len(named.get(ev.event_type, ())) == 1:
            ev.actor = next(iter(named[ev.event_type]))
    undated = {ev.sentence_index for ev in out if ev.event_date is None}
    if undated and doc.published_at is not None:
        narrative = _narrative_dates(doc, undated, claimed)
        for ev in out:
            if ev.event_date is None and ev.sentence_index in narrative:
                ev.event_date, ev.date_precision = narrative[ev.sentence_index]
    return out


_PERFECT = fast_words(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+\s+)?$|\bto have\s+$|\b(?:is|are)\s+(?:\w+ly\s+)?$", re.I)
_NEWS_TENSE = fast_words(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|t|ng)\b|\b(?:is|are)\s+[a-z]+ing\b"
                         r"|\b(?:begins|starts|launches|says|warns|strikes|hits|meets|signs)\b")


def _lead_date(doc: Doc) -> tuple[int, object]:
    """A lead in the present perfect ("has been sworn in", "have struck") reports the day's news:
    its events take the publication date. Returns (lead sentence index, date) or (-1, None)."""
    if doc.published_at is None or not doc.sentences:
        return -1, None
    for i in range(min(2, len(doc.sentences))):
        sent = doc.sentence_text(i)
        if len(sent) < 50 and i == 0:
            continue  # a headline or dateline
        if _NEWS_TENSE.search(sent) and not dates.resolve_date(sent, doc.published_at)[2]:
            return i, doc.published_at.date() if hasattr(doc.published_at, "date") else doc.published_at
        return -1, None
    return -1, None


def _dateline(text: str) -> places.Mention | None:
    m = _DATELINE.match(text)
    if not m:
        return None
    name = m.group(1).strip().title()
    cands = places.gazetteer().lookup(name)
    if not cands:
        return None
    mention = places.Mention(name, m.start(1), m.end(1), cands)
    places.resolve([mention])
    return mention


def _actor_target(c: _Cand, text: str, s: int, e: int, names: dict[str, str]) -> None:
    # the 60 and 30 characters before the trigger, within the sentence (slices, not searches bounded in text:
    # the patterns' word boundaries must not see the character before)
    before60 = text[max(s, c.start - 60):c.start]
    before30 = before60[-30:]
    light = _LIGHT_VERB.search(before60) if c.noun else None
    passive = None if light else _PASSIVE.search(before30)
    if light:
        # "the EU imposed new sanctions", "Russia launched a drone attack": the light verb's subject
        actor = actors.subject_before(text, s, c.start - len(before60) + light.start())
        target = actors.object_after(text, c.end, e, True)
    elif c.noun and not passive:
        actor = actors.modifier_before(text, s, c.start) or actors.agent_after(text, c.end, e)
        target = actors.object_after(text, c.end, e, True)
    elif passive:
        actor = actors.agent_after(text, c.end, e)
        if actor and text[c.start:c.end].lower() in ("launched", "fired") and re.match(r"\s+(?:\w+\s+){0,3}?from\b", text[c.end:c.end + 40]):
            actor = None  # "launched from Tu-95 bombers": the platform, not who fired
        if not actor and SUB_EVENT_TYPES[c.sub] not in _VIOLENT:
            # "the army said 20 drones were downed", "police said five were arrested": the sayer did it
            # (the sayer of "missiles were fired at us" is the victim, not the attacker)
            sm = _SAY_SUBJ.match(text, s, c.start)
            actor = sm.group(1) if sm else None
        target = actors.phrase_before(text, s, passive.start() + c.start - len(before30))
    elif _BY_AFTER.match(text[c.end:c.end + 5]):
        # a participle with its agent: "a forum hosted by Ukraine", "a village attacked by gunmen"
        actor = actors.agent_after(text, c.end, e)
        target = actors.phrase_before(text, s, c.start)
    else:
        actor = actors.subject_before(text, s, c.start)
        if actor is None and _HE_SHE.search(text, max(s, c.start - 25), c.start):
            actor = _last_person(text, c.start, names)
        target = actors.object_after(text, c.end, e, False)
    c.actor = actors.normalize_actor(actor, names)
    c.target = actors.clean_target(target)


_LIGHT_VERB = fast_words(r"\b(?:imposed|imposes|launched|launches|carried out|carries out|conducted|staged|mounted|"
                            r"unleashed|ordered|announced)\s+(?:[\w'’\-]+\s+){0,4}$")
# "(?:[;,]\s+(?:as|...|and)|\s(?:as|while|whereas))\s", first character by one class (as _CLAUSE_END)
_CLAUSE_START = re.compile(r"[;,\s](?:(?<=[;,])\s+(?:as|while|but|whereas|and)|(?<=\s)(?:as|while|whereas))\s")
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.I)
_UNRESOLVED = re.compile(
    r"\b(?:near|outside|(?:city|town|village|settlement)\s+of|(?:fought|fights?|fighting|battles?)\s+(?:for|over))\s+"
    r"([A-Z][a-z\u00C0-\u024F]{3,}(?:[- ][A-Z][a-z\u00C0-\u024F]+)?)(\s+(?:district|region|oblast|province|governorate))?\b"
    r"|\b([A-Z][a-z\u00C0-\u024F]{3,}\s+(?:district|region|oblast|province|governorate))\b")
# every match of _UNRESOLVED holds one of these words as written (it is case-sensitive)
_UNRESOLVED_CUES = ("near", "outside", "city", "town", "village", "settlement", "fought", "fight", "battle",
                    "district", "region", "oblast", "province", "governorate")


_HE_SHE = fast_words(r"\b(?:he|she)\s+(?:(?:has|had|have|also|later|then|again|reportedly|was|is)\s+){0,2}$", re.I)


def _last_person(text: str, pos: int, names: dict[str, str]) -> str | None:
    """The person last named before `pos` (for "he"/"she")."""
    best, best_pos = None, -1
    for last, full in names.items():
        i = text.rfind(last, max(0, pos - 1500), pos)
        if i > best_pos:
            best, best_pos = full, i
    return best


_ORG_AFTER = re.compile(r"['’]?s?\s+(?:group|Group|party|Party|company|mercenaries|fighters|chief|boss|leader|family)\b")


def _not_a_place(text: str, m: places.Mention, name_words: frozenset[str]) -> bool:
    """"Azov group", "Hughes said": a name that is a town somewhere but here a group or a person."""
    if m.place.kind == "country" or m.is_region:
        return False
    if _ORG_AFTER.match(text, m.end):
        return True
    first = m.surface.split()[0]
    return first in name_words


def _clause(text: str, s: int, e: int, c: _Cand) -> tuple[int, int]:
    ce = _CLAUSE_END.search(text, c.end, e)
    start = s
    for cs in _CLAUSE_START.finditer(text, s, c.start):
        start = cs.end()
    return start, ce.start() if ce else e


def _date_window(c: _Cand) -> tuple[int, int]:
    """Characters before and after a trigger its date cue may lie in: a noun's sits next to it."""
    return (30, 60 + c.end - c.start) if c.noun else (80, 150 + c.end - c.start)


def _narrative_dates(doc: Doc, sents: set[int], claimed: set[int] = frozenset()) -> dict[int, tuple]:
    """A sentence without its own date word continues the story of the last dated sentence
    (up to two back, outside quotations): its events take that date. `claimed`: sentences whose
    date words all belong to another event of theirs (they date nothing else)."""
    out: dict[int, tuple] = {}
    if doc.published_at is None:
        return out
    memo: dict[int, tuple] = {}
    for i in sorted(sents):
        if i not in claimed and dates.resolve_date(doc.sentence_text(i), doc.published_at)[2]:
            continue  # its own date words point elsewhere (another clause): no borrowing
        for k in range(i - 1, max(-1, i - 3), -1):
            if k in out:  # a sentence that itself continued the story: the story goes on
                out[i] = out[k]
                break
            st = doc.sentence_text(k)
            if st[:1] in "\"“'‘":
                continue
            if k not in memo:
                memo[k] = dates.resolve_date(st, doc.published_at, skip_speech=True)
            d, prec, cue = memo[k]
            if cue and d and prec == "day" and not cue.lower().startswith("since"):
                out[i] = (d, prec)
                break
    return out


_VERB_NEXT = re.compile(r"\s+(?:[a-z]+ed|said|says|has|have|had|is|was|were|will|would|launched|began|sent|took)\b")


def _locative(text: str, s: int, m: places.Mention, c: _Cand) -> bool:
    if text[m.end:m.end + 1] in "'’" and not re.search(
            r"\b(?:in|near|at|on|outside|hit|struck|targeted|targeting|attacked|shelled|bombed)\s+$", text[max(s, m.start - 15):m.start]):
        return False  # "Damascus's offensive", "Iran's strike": an actor, not a place
    if m.is_region or _LOCATIVE.search(text, max(s, m.start - 40), m.start):
        return True
    if m.place.kind != "country" and _ATTRIBUTIVE_BEFORE.search(text, max(s, m.start - 5), m.start) \
            and _LOWER_AFTER.match(text[m.end:m.end + 3]) and not _VERB_NEXT.match(text, m.end):
        return True  # "a Kharkiv tower block"
    return c.end <= m.start < c.end + 40


def _locations(c: _Cand, text: str, s: int, e: int, clause: tuple[int, int], mentions: list[places.Mention],
               mstarts: list[int], et: str, main_cc: Callable[[], str | None],
               name_words: frozenset[str]) -> list[places.Mention]:
    """The most precise places of the trigger's clause (`clause`, from _clause); every place of a coordinated list."""
    clause_start, clause_end = clause
    lo = bisect.bisect_left(mstarts, clause_start)
    hi = bisect.bisect_left(mstarts, clause_end)
    ms = [m for m in mentions[lo:hi] if m.place is not None and m.end <= e and not _not_a_place(text, m, name_words)]
    if et == "diplomacy":
        # a country acting or acted upon is not where the act took place: only "met ... in X"
        # or the place visited ("visited Kyiv")
        if text[c.start:c.end].lower().startswith("visit"):
            obj = [m for m in ms if c.end <= m.start <= c.end + 12]
            if obj:
                return obj[:1]
        prep = _IN_AT.search(text[c.end:min(e, c.end + 70)])
        if not prep or "that" in text[c.end:c.end + prep.start()].split():
            return []
        at = c.end + prep.end()
        found = [m for m in ms if at <= m.start <= at + 12][:1]
        if found or c.sub != "diplomatic":
            return found
        # a venue the gazetteer lacks: "the summit at Schloss Elmau", "talks at Camp Bondsteel"
        v = _VENUE.match(text, at, e)
        if not v or v.group(1).split()[0].lower() in _NOT_VENUE or places.fold(v.group(1).split()[0]) in places._NOT_PLACES:
            return []
        venue = places.Place(v.group(1), "", None, None, 0, "landmark")
        return [places.Mention(v.group(1), v.start(1), v.end(1), [venue], False, venue)]
    if _INVASION_WORD.match(text[c.start:c.end]):
        # "the invasion of Ukraine": the place is the object, whatever else the sentence names
        return [m for m in ms if c.end <= m.start <= c.end + 12][:1]
    qualified = [m for m in ms if _locative(text, s, m, c)]
    fine = [m for m in qualified if m.place.kind != "country"]
    pool = fine or qualified
    if not pool:
        if et not in _PHYSICAL:
            return []
        found = _unresolved(text, clause_start, clause_end, main_cc, name_words)
        if found:
            return found
        # no place in the clause: the one place the whole sentence names ("shot down a helicopter after
        # it opened fire in Rostov")
        lo, hi = bisect.bisect_left(mstarts, s), bisect.bisect_left(mstarts, e)
        whole = [m for m in mentions[lo:hi] if m.place is not None and m.place.kind != "country" and m.end <= e
                 and not _not_a_place(text, m, name_words) and _locative(text, s, m, c)]
        if not whole:
            return _unresolved(text, s, e, main_cc, name_words)
        return whole[:1] if len({places.place_key(m.surface) for m in whole}) == 1 else []
    # the place nearest after the trigger, else the nearest before it
    after = [m for m in pool if m.start >= c.end]
    anchor = after[0] if after else pool[-1]
    k = pool.index(anchor)
    if anchor.is_region and k + 1 < len(pool) and not pool[k + 1].is_region and re.fullmatch(
            r"\s*,?\s*(?:near|outside|in|close to|at)\s+(?:the\s+)?(?:\w+\s+)?(?:(?:city|town|village)\s+of\s+)?",
            text[anchor.end:pool[k + 1].start]):
        if re.match(r"\s+in\s", text[anchor.end:pool[k + 1].start]) and re.search(r"(?i)district$", anchor.surface):
            # "Vorzel district in Lviv": a part of the city, the most precise place
            return [places.Mention(anchor.surface, anchor.start, anchor.end, anchor.candidates, True, anchor.place,
                                   pool[k + 1].surface)]
        return [pool[k + 1]]  # "in the Kherson region near Beryslav": the most precise place
    sub = _SUBPLACE_BEFORE.search(text, max(s, anchor.start - 60), anchor.start)
    if sub and anchor.place is not None and places.fold(sub.group(1).split()[0]) not in places._NOT_PLACES:
        # "Starychi district in Lviv": the district is the most precise place, inside the named one
        p = anchor.place
        part = places.Place(sub.group(1), p.country_code, p.latitude, p.longitude, 0, "region")
        return [places.Mention(sub.group(1), sub.start(1), sub.end(1), [part], True, part, anchor.surface)]
    out = [anchor]
    if et not in _VIOLENT:
        return out
    # a coordinated list around the anchor: "in A, B, and C"; "north of Kyiv" is a reference point
    pool = [m for m in ms if (m.place.kind != "country") == (anchor.place.kind != "country")
            and (m is anchor or not _REFERENCE_POINT.search(text, max(s, m.start - 30), m.start))]
    i = pool.index(anchor)
    j = i
    while j + 1 < len(pool) and _LIST_GAP.match(text[pool[j].end:pool[j + 1].start]):
        j += 1
        out.append(pool[j])
    j = i
    while j - 1 >= 0 and _LIST_GAP.match(text[pool[j - 1].end:pool[j].start]):
        j -= 1
        out.insert(0, pool[j])
    return out


def _two_countries(cands: list[places.Place]) -> bool:
    """Do the candidates lie in more than one country (Odesa in Ukraine or Texas)?"""
    cc = cands[0].country_code
    return any(p.country_code != cc for p in cands)


def _lead_places(text: str, end: int, scanned: list[tuple[int, int, list[places.Mention]]]) -> list[places.Mention]:
    """places.find_mentions(text, 0, end), reusing the stretches the event sentences were scanned over
    (`scanned`: sorted, disjoint) where no name can run across their edges: the lead is mostly those."""
    out: list[places.Mention] = []
    pos = 0
    for a, b, found in scanned:
        if b > end:
            break
        if (a > 0 and places.joins_at(text, a)) or (b < end and places.joins_at(text, b)):
            continue  # a stretch cut inside a word: scanned again with its surroundings
        if a > pos:
            out.extend(places.find_mentions(text, pos, a))
        out.extend(found)
        pos = b
    if end > pos:
        out.extend(places.find_mentions(text, pos, end))
    return out


def _unresolved(text: str, start: int, end: int, main_cc: Callable[[], str | None],
                name_words: frozenset[str]) -> list[places.Mention]:
    """A place the gazetteer lacks ("near Starychi", "Starychi district"), in the article's main country."""
    seg = text[start:end]
    for cue in _UNRESOLVED_CUES:  # (a plain loop: cheaper than any() over a generator)
        if cue in seg:
            break
    else:
        return []  # most clauses hold none: _UNRESOLVED, led by \b, would try every position for nothing
    for m in _UNRESOLVED.finditer(text, start, end):
        name = m.group(1) or m.group(3)
        word = name.split()[0]
        if places.fold(word) in places._NOT_PLACES or word.lower() in places.DEMONYMS or word in name_words:
            continue
        surface = name + (m.group(2) or "") if m.group(1) else name
        st = m.start(1) if m.group(1) else m.start(3)
        cand = places.Place(surface, main_cc() or "", None, None, 0, "region")
        return [places.Mention(surface, st, st + len(surface), [cand], True, cand)]
    return []


def _name_words(names: dict[str, str]) -> frozenset[str]:
    """Every word of the article's person names (first names too)."""
    return frozenset(w for full in names.values() for w in full.split())


_STATE_ACRONYM = fast_words(r"\b(?:US|UK|EU|UN|UAE|USSR|U\.S\.|U\.K\.|NATO|Nato|IDF)\b")


# where POLITICAL_RE and ARMED_RE may match, over event_lexicon.lowered(text)[1]
_POLITICAL_AT = lx.word_gate([lx.POLITICAL_WORDS])
_ARMED_AT = lx.word_gate([lx.ARMED_WORDS])


def _search(exact: re.Pattern, at: re.Pattern, text: str, lead: bytes | None, s: int, e: int) -> bool:
    """bool(exact.search(text, s, e)), `exact` tried only where `at` finds a start in `lead` (the words'
    scan led by a space skips in C where `exact`, led by a class of first letters, tests every character)."""
    if lead is None:
        return exact.search(text, s, e) is not None
    match = exact.match
    for c in at.finditer(lead, s, e + 1):  # (a word at offset p of text starts at p + 1 in lead)
        if match(text, c.start(), e):
            return True
    return False


def _political_sentence(text: str, s: int, e: int, lead: bytes | None = None) -> bool:
    """Does the sentence speak of states, their organs or armed groups? `lead`: lx.lowered(text)[1]."""
    if _search(lx.POLITICAL_RE, _POLITICAL_AT, text, lead, s, e) or _search(lx.ARMED_RE, _ARMED_AT, text, lead, s, e) \
            or _STATE_ACRONYM.search(text, s, e) or _DEMONYM_RE.search(text, s, e):
        return True
    return any(p.kind == "country" for m in places.find_mentions(text, s, e) for p in m.candidates)


# matters of state: a named person speaking of these acts as a politician, whatever their title
_STATE_MATTERS = fast_words(r"\b(?:war|wars|invasion|aggression|sanctions|military|troops|nuclear|ceasefire|regime|"
                               r"Kremlin|NATO|Nato|annex\w*|occupation|terrorism|terrorists|missiles?|airstrikes?)\b")


def _political(actor: str, text: str, names: dict[str, str], sent: tuple[int, int] | None = None,
               memo: dict[str, bool | None] | None = None) -> bool:
    """A state, its organs and leaders, an armed or political group: an actor of diplomacy.
    `memo`: the article's answers of _political_actor (its acts are told again and again)."""
    if memo is not None and actor in memo:
        known = memo[actor]
    else:
        known = _political_actor(actor, text, names)
        if memo is not None:
            memo[actor] = known
    if known is None:  # a person named without a title: what the sentence speaks of
        return sent is not None and bool(_STATE_MATTERS.search(text, *sent))
    return known


def _political_actor(actor: str, text: str, names: dict[str, str]) -> bool | None:
    """_political as far as the actor and the article tell: None for a person never titled in it."""
    if lx.POLITICAL_RE.search(actor) or lx.ARMED_RE.search(actor) or _actor_country(actor):
        return True
    last = actor.split()[-1]
    if last in names or actor in names.values():
        i = text.find(last)
        while i >= 0:
            if lx.TITLE_BEFORE_RE.search(text, max(0, i - 60), i):
                return True
            i = text.find(last, i + len(last))
        return None
    return False  # a firm, a club, a celebrity


_CAP_WORD = re.compile(r"[A-Z][a-z]+")


def _actor_country(actor: str | None) -> str | None:
    """A diplomatic act without a place: the actor's country, when the actor names one."""
    if not actor:
        return None
    for p in places.gazetteer().lookup(actor):
        if p.kind == "country":
            return p.country_code
    for w in _CAP_WORD.findall(actor):
        cc = places.DEMONYMS.get(w.lower())
        if cc:
            return cc
    return None


def _fallback_country(c: _Cand) -> str | None:
    """No place named: the country of the target ("a Ukrainian mall"); for an interception, of
    the interceptor (drones are shot down over the defender's land)."""
    phrase = c.actor if c.sub == "disrupted_weapons_use" else c.target
    if not phrase:
        return None
    for w in _CAP_WORD.findall(phrase):
        cc = places.DEMONYMS.get(w.lower())
        if cc:
            return cc
        for p in places.gazetteer().lookup(w):
            if p.kind == "country":
                return p.country_code
    return None


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _casualties(doc: Doc, events: list[Event], ev_sents: list[int], figures: list[Figure],
                ev_trig: list[int] | None = None) -> None:
    text = doc.text
    violent = [i for i, ev in enumerate(events) if ev.event_type in _PHYSICAL and ev.event_type != "diplomacy"]
    if not violent:
        return
    vs = [ev_sents[i] for i in violent]
    violent_at: dict[int, list[int]] = {}
    for i in violent:
        violent_at.setdefault(ev_sents[i], []).append(i)
    event_sents = set(ev_sents)
    figs_by_sent: dict[int, list[int]] = {}
    for fi, f in enumerate(figures):
        figs_by_sent.setdefault(f.sentence_index, []).append(fi)
    n = len(doc.sentences)
    # only the events' sentences and the two after each can hold their tolls
    for si in sorted({v + d for v in set(vs) for d in (0, 1, 2) if v + d < n}):
        # the event told in this sentence, or the last one in the two sentences before
        k = bisect.bisect_right(vs, si) - 1
        if k < 0 or si - vs[k] > 2:
            continue
        targets = violent_at[vs[k]]
        if si != vs[k] and si in event_sents:
            continue  # a sentence with its own (non-violent) event keeps its numbers
        if si != vs[k] and _PARAGRAPH_BREAK.search(text, doc.sentences[vs[k]][1], doc.sentences[si][0]):
            continue  # a toll in the next paragraph is another story's more often than this one's
        s, e = doc.sentences[si]
        found = casualties.find_casualties(text, s, e)
        used: set[int] = set()
        for kind, val, fs, fe in found:
            # in the event's own sentence, the toll is of the event told just before it ("missiles hit
            # X; troops killed five soldiers")
            before = [t for t in targets if ev_trig and si == vs[k] and ev_trig[t] <= fs]
            for ev_i in (before[-1:] or targets[:1]):
                ev = events[ev_i]
                if kind == "killed":
                    ev.fatalities = max(ev.fatalities or 0, val)
                else:
                    ev.injuries = max(ev.injuries or 0, val)
            for fi in figs_by_sent.get(si, ()):
                f = figures[fi]
                if f.char_start < fe and fs < f.char_end:
                    f.event_index = targets[0]
                    used.add(fi)
        for fi in figs_by_sent.get(si, ()):
            f = figures[fi]
            if fi in used or f.category not in _COUNT_FIGS:
                continue
            ev = events[targets[0]]
            f.event_index = targets[0]
            # a bare magnitude of tens of thousands or more ("hundreds of thousands", "millions") sizes a
            # war, not one event's toll ("dozens", "hundreds" still count, as ACLED codes them)
            if not found and f.value is not None and not (
                    f.qualifier == "~" and f.value >= 10_000 and not _DIGIT.search(f.surface)):
                if f.category == "killed":
                    ev.fatalities = max(ev.fatalities or 0, int(f.value))
                elif f.category == "injured":
                    ev.injuries = max(ev.injuries or 0, int(f.value))
        if si - vs[k] <= 1:
            none_killed, none_hurt = casualties.says_none_hurt(text, s, e)
            for ev_i in targets:
                ev = events[ev_i]
                if none_killed and ev.fatalities is None:
                    ev.fatalities = 0
                if none_hurt and ev.injuries is None:
                    ev.injuries = 0


_REGION_WORD = re.compile(r"\s+" + places.REGION_WORDS + r"$", re.I)


def _same_place(a: Event, b: Event) -> bool:
    """"Kyiv" and "the Kyiv region" are one place for telling an event twice."""
    ka = places.place_key(_REGION_WORD.sub("", a.location or ""))
    kb = places.place_key(_REGION_WORD.sub("", b.location or ""))
    return ka == kb or (a.latitude is not None and a.latitude == b.latitude and a.longitude == b.longitude)


_DIGIT = re.compile(r"\d")


def _absorb(o: Event, ev: Event) -> None:
    # a placeless telling joined to a placed one may sum up several places ("attacks along the front
    # left 10 dead"; "six in Donetsk"): the placed count stands
    summary = ev.location is None and o.location is not None
    for attr in ("actor", "target", "event_date", "date_precision", "location", "country_code", "latitude", "longitude"):
        if getattr(o, attr) is None and getattr(ev, attr) is not None:
            setattr(o, attr, getattr(ev, attr))
    if ev.fatalities is not None:
        o.fatalities = ev.fatalities if o.fatalities is None else o.fatalities if summary else max(o.fatalities, ev.fatalities)
    if ev.injuries is not None:
        o.injuries = ev.injuries if o.injuries is None else o.injuries if summary else max(o.injuries, ev.injuries)


def _same_event(o: Event, ev: Event) -> bool:
    if o.sub_event_type != ev.sub_event_type:
        return False
    if o.event_date and ev.event_date and o.event_date != ev.event_date:
        return False
    if ev.event_type == "diplomacy":
        if o.actor and ev.actor:
            # the same actor's act on the same target, or told again at once; two unnamed targets are
            # not one ("condemned the war ... later decried a strike")
            return o.actor == ev.actor and ((o.target is not None and o.target == ev.target)
                                            or abs(ev.sentence_index - o.sentence_index) <= 1)
        if not ev.actor and ev.event_date is not None and ev.event_date == o.event_date and not ev.location:
            return True  # "Tuesday's summit": the day's meeting told again without its actors
        return (o.trigger or "").lower() == (ev.trigger or "").lower()
    if ev.location and o.location:
        return _same_place(o, ev)
    return ev.location is None and (ev.country_code is None or o.country_code is None or ev.country_code == o.country_code)


def _merge(events: list[Event], figures: list[Figure], parents: dict[int, str] | None = None) -> list[Event]:
    """One row per event: a retelling at the same place (or a diplomatic act of the same actor)
    joins the first telling; a placeless retelling joins the nearest telling of that type.
    Buckets keep this linear on articles with thousands of triggers."""
    out: list[Event] = []
    remap: dict[int, int] = {}
    by_key: dict[tuple, list[int]] = {}
    by_sub: dict[str, list[tuple[int, int]]] = {}  # sub -> sorted (sentence, out index)

    def add(i: int, ev: Event, key: tuple | None) -> None:
        remap[i] = len(out)
        if key is not None:
            by_key.setdefault(key, []).append(len(out))
        bisect.insort(by_sub.setdefault(ev.sub_event_type, []), (ev.sentence_index, len(out)))
        out.append(ev)

    placeless = []
    for i, ev in enumerate(events):
        if ev.event_type == "diplomacy" and not ev.actor and ev.event_date is not None and not ev.location:
            placeless.append(i)  # merged with the nearest act of that day, below
            continue
        if ev.event_type == "diplomacy":
            key = (ev.sub_event_type, "a", ev.actor) if ev.actor else (ev.sub_event_type, "t", (ev.trigger or "").lower())
        elif ev.location is None:
            placeless.append(i)
            continue
        else:
            key = (ev.sub_event_type, "p", places.place_key(_REGION_WORD.sub("", ev.location)))
        j = next((j for j in by_key.get(key, ()) if _same_event(out[j], ev)), None)
        parent = (parents or {}).get(id(ev))
        pkey = (ev.sub_event_type, "p", places.place_key(_REGION_WORD.sub("", parent))) if parent else None
        if j is None and pkey:
            # "the strike on a district in Lviv" retells the strike on Lviv, more precisely
            j = next((j for j in by_key.get(pkey, ()) if _same_event(out[j], ev) or out[j].event_date is None
                      or ev.event_date is None), None)
            if j is not None:
                out[j].location = ev.location
                by_key.setdefault(key, []).append(j)
        if j is None:
            add(i, ev, key)
            if pkey:
                by_key.setdefault(pkey, []).append(len(out) - 1)
        else:
            remap[i] = j
            _absorb(out[j], ev)
    for i in placeless:
        ev = events[i]
        lst = by_sub.get(ev.sub_event_type, [])
        k = bisect.bisect_left(lst, (ev.sentence_index, -1))
        near = sorted(lst[max(0, k - 20):k + 20], key=lambda t: abs(t[0] - ev.sentence_index))
        j = next((j for _, j in near if _same_event(out[j], ev)), None)
        if j is None:
            add(i, ev, None)
        else:
            remap[i] = j
            _absorb(out[j], ev)
    order = sorted(range(len(out)), key=lambda j: (out[j].sentence_index, out[j].char_start))
    pos = {j: k for k, j in enumerate(order)}
    for f in figures:
        if f.event_index is not None:
            j = remap.get(f.event_index)
            f.event_index = pos[j] if j is not None else None
    return [out[j] for j in order]