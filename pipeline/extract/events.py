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

from pipeline.extract import actors, casualties, dates, places
from pipeline.extract import event_lexicon as lx
from pipeline.extract.records import Event, Figure
from pipeline.extract.text import Doc
from pipeline.taxonomy import PRECEDENCE, SUB_EVENT_TYPES

_RANK = {s: i for i, s in enumerate(PRECEDENCE)}
_VIOLENT = {"battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots"}
_PHYSICAL = _VIOLENT | {"strategic_developments", "crime_disasters"}
_QUOTE = re.compile(r"“[^“”]{0,3000}”|\"[^\"\n]{0,3000}\"")
_LOCATIVE = re.compile(
    r"(?:\b(?:in|near|on|at|outside|around|across|over|into|inside|from|of|toward|towards|targeting|hit|struck|"
    r"captured|seized|entered|entering|liberated|recaptured|retook)|cities of|towns of|regions of|city of|town of|"
    r"village of|region of)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)
_CLAUSE_END = re.compile(r",\s+(?:\w+ly\s+)?\w+ing\b|;|,\s+(?:which|who|while|but|according)\b|\s+—\s+"
                         r"|\s+(?:(?:days?|weeks?|hours?|months?)\s+)?(?:after|since|before|until|because|when)\s")
_LIST_GAP = re.compile(r"^(?:,\s*|,?\s+and\s+|,?\s+as well as\s+(?:the\s+)?(?:\w+\s+){0,2}(?:of\s+)?|,?\s+or\s+)$")
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'\-]{2,30}?)(?:,\s*[A-Z][A-Za-z .]+)?\s*(?:\([A-Za-z ]+\)\s*)?(?:--|—|–|-)\s")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|get|got)\s+(?:\w+ly\s+)?$", re.I)
_SAY_SUBJ = re.compile(r"(?:\w+,\s+)?((?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z\w'’\-]+){0,4}?)\s+(?:said|says|claimed|claims|reported|announced|added|confirmed)\b")
_COUNT_FIGS = {"killed", "injured", "missing", "displaced", "arrested", "launched", "intercepted", "damaged"}


class _Cand:
    __slots__ = ("sub", "start", "end", "sent", "noun", "actor", "target", "coref")

    def __init__(self, sub: str, start: int, end: int, sent: int, noun: bool) -> None:
        self.sub, self.start, self.end, self.sent, self.noun = sub, start, end, sent, noun
        self.actor: str | None = None
        self.target: str | None = None
        self.coref = False


def _in_spans(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def _weapon(window: str) -> str | None:
    for sub in lx.WEAPON_ORDER:
        if lx.WEAPON_RE[sub].search(window):
            return sub
    return None


def _resolve(kind: str, trig: str, text: str, s: int, e: int, m_start: int, m_end: int,
             noun: bool, earlier_explosion: str | None) -> tuple[str | None, bool]:
    """Sub-event type for a trigger in sentence text[s:e]; (type, is a back-reference)."""
    if kind not in ("ATTACK", "CLASH", "CAPTURE", "DISRUPT", "PROTEST", "KILL"):
        if SUB_EVENT_TYPES[kind] == "explosions_remote_violence":
            # "drone and missile attack": the higher tactic named just before wins
            w = _weapon(text[max(s, m_start - 40):m_end])
            if w and _RANK[w] < _RANK[kind]:
                return w, False
        return kind, False
    low = trig.lower()
    win = text[max(s, m_start - 90):min(e, m_end + 90)]
    sent = text[s:e]
    if kind == "ATTACK":
        w = _weapon(win)
        if w:
            return w, False
        if low in ("bombing", "bombings", "bombed"):
            return "air_drone_strike", False
        if low in ("blast", "blasts", "explosion", "explosions", "exploded", "detonated", "blew up", "exploding"):
            return (earlier_explosion, True) if earlier_explosion else ("remote_explosive_landmine_ied", False)
        if earlier_explosion and noun:
            return earlier_explosion, True
        if lx.INFRASTRUCTURE_RE.search(text, m_end, min(e, m_end + 50)):
            return earlier_explosion or "shelling_artillery_missile_attack", False
        if low.startswith("attack") or low.startswith("assault") or low.startswith("raid"):
            if lx.NONSTATE_RE.search(sent) and lx.CIVILIANS_RE.search(sent):
                return "attack", False
            if lx.ARMED_RE.search(sent):
                return "armed_clash", False
            if lx.CIVILIANS_RE.search(sent) and not noun:
                return "attack", False
        return None, False
    if kind == "CLASH":
        if low in ("fighting", "fought") and not lx.ARMED_RE.search(sent):
            return None, False
        return "armed_clash", False
    if kind == "CAPTURE":
        after = text[m_end:min(e, m_end + 70)]
        if lx.SEIZED_WEAPONS_RE.search(after):
            return "disrupted_weapons_use", False
        if lx.TERRITORY_RE.search(after) or re.match(r"\s+(?:the\s+)?(?:\w+\s+){0,3}?[A-Z]", after):
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
        if lx.PROTEST_FORCE_RE.search(sent) and re.search(r"\b(?:police|security forces|troops|soldiers|army|guards)\b", sent, re.I):
            return "excessive_force_against_protesters", False
        if lx.PROTEST_VIOLENT_RE.search(sent):
            return "violent_demonstration", False
        if lx.PROTEST_INTERVENTION_RE.search(sent):
            return "protest_with_intervention", False
        return "peaceful_protest", False
    # KILL: a killing with no tactic named
    if low in ("massacred", "massacre", "massacres", "executed", "beheaded", "hacked to death", "burned alive"):
        return "attack", False
    if lx.NONSTATE_RE.search(sent) and lx.CIVILIANS_RE.search(sent):
        return "attack", False
    if lx.ARMED_RE.search(sent) and low not in ("stabbed",):
        return "armed_clash", False
    return None, False


def extract_events(doc: Doc, figures: list[Figure]) -> list[Event]:
    text = doc.text
    if not text or not doc.sentences:
        return []
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    qstarts = [q[0] for q in quotes]

    # 1-2. triggers -> typed candidates
    cands: list[_Cand] = []
    earlier_explosion: str | None = None
    for m in lx.TRIGGER_RE.finditer(text):
        kind, wc = lx.trigger_info(m.lastgroup)
        trig = m.group()
        idx = doc.sentence_index(m.start())
        s, e = doc.sentences[idx]
        if m.start() < s or m.end() > e:
            continue
        if trig[0].isupper() and not trig.isupper() and m.start() != s:
            continue  # a name or title ("Operation Rally", "Strike Group")
        if quotes and _in_spans(quotes, qstarts, m.start()):
            continue
        if kind == "violent_demonstration" and re.match(r"\s+(?:police|gear|squad|shields?|control)", text[m.end():m.end() + 10], re.I):
            continue
        sub, coref = _resolve(kind, trig, text, s, e, m.start(), m.end(), wc == "n", earlier_explosion)
        if sub is None:
            continue
        prefix = text[max(s, m.start() - 45):m.start()]
        if lx.MODAL_RE.search(prefix):
            continue
        c = _Cand(sub, m.start(), m.end(), idx, wc == "n")
        c.coref = coref
        cands.append(c)
        if SUB_EVENT_TYPES[sub] == "explosions_remote_violence" and not coref:
            earlier_explosion = sub

    # per sentence: one event per type of tactic, the main diplomatic act, no back-references
    by_sent: dict[int, list[_Cand]] = {}
    for c in cands:
        by_sent.setdefault(c.sent, []).append(c)
    chosen: list[_Cand] = []
    for idx in sorted(by_sent):
        group = by_sent[idx]
        diplo = [c for c in group if SUB_EVENT_TYPES[c.sub] == "diplomacy"]
        first_diplo = min((c.start for c in diplo if not c.noun), default=None)
        kept: dict[str, _Cand] = {}
        has_specific_violence = any(SUB_EVENT_TYPES[c.sub] in _VIOLENT and c.sub not in ("armed_clash", "attack") for c in group)
        for c in group:
            et = SUB_EVENT_TYPES[c.sub]
            if et == "diplomacy":
                continue
            if c.coref and first_diplo is not None and first_diplo < c.start:
                continue  # "allies condemned the attack": the attack is told elsewhere
            if c.sub in ("armed_clash", "attack") and c.noun and has_specific_violence:
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
    mentions = places.find_mentions(text)
    context: dict[str, float] = {}
    for dm in re.finditer(r"\b(" + "|".join(sorted((k.title() for k in places.DEMONYMS), key=len, reverse=True)) + r")\b", text[:20000]):
        cc = places.DEMONYMS[dm.group(1).lower()]
        context[cc] = context.get(cc, 0.0) + 0.5
    places.resolve(mentions, context)
    mstarts = [mm.start for mm in mentions]
    names = actors.person_names(text)
    dateline = _dateline(text)

    events: list[Event] = []
    ev_sents: list[int] = []
    for c in chosen:
        s, e = doc.sentences[c.sent]
        et = SUB_EVENT_TYPES[c.sub]
        _actor_target(c, text, s, e, names)
        locs = _locations(c, text, s, e, mentions, mstarts, et)
        if not locs and c.sent == 0 and dateline and et in _PHYSICAL:
            locs = [dateline]
        d, prec, _cue = dates.resolve_date(text[s:e], doc.published_at)
        for loc in locs or [None]:
            ev = Event(sub_event_type=c.sub, event_type=et, char_start=s, char_end=e, sentence_index=c.sent,
                       trigger=text[c.start:c.end], actor=c.actor, target=c.target, event_date=d,
                       date_precision=prec if d else None)
            if loc is not None:
                ev.location = loc.surface
                if loc.place:
                    ev.country_code = loc.place.country_code or None
                    ev.latitude, ev.longitude = loc.place.latitude, loc.place.longitude
            elif et in _PHYSICAL:
                ev.country_code = _fallback_country(c)
            events.append(ev)
            ev_sents.append(c.sent)

    # 4. casualties and figures
    _casualties(doc, events, ev_sents, figures)

    # 5. one row per real-world event
    return _merge(events, figures)


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
    before = text[s:c.start]
    if c.noun:
        actor = actors.modifier_before(text, s, c.start) or actors.agent_after(text, c.end, e)
        target = actors.object_after(text, c.end, e, True)
    elif _PASSIVE.search(before[-30:]):
        actor = actors.agent_after(text, c.end, e)
        if not actor:
            sm = _SAY_SUBJ.match(text, s, c.start)
            actor = sm.group(1) if sm else None
        target = actors.subject_before(text, s, _PASSIVE.search(before[-30:]).start() + max(s, c.start - 30))
    else:
        actor = actors.subject_before(text, s, c.start)
        target = actors.object_after(text, c.end, e, False)
    c.actor = actors.normalize_actor(actor, names)
    c.target = actors.clean_target(target)


def _locations(c: _Cand, text: str, s: int, e: int, mentions: list[places.Mention], mstarts: list[int],
               et: str) -> list[places.Mention]:
    """The most precise places of the trigger's clause; every place of a coordinated list."""
    ce = _CLAUSE_END.search(text, c.end, e)
    clause_end = ce.start() if ce else e
    lo = bisect.bisect_left(mstarts, s)
    hi = bisect.bisect_left(mstarts, clause_end)
    ms = [m for m in mentions[lo:hi] if m.place is not None and m.end <= e]
    if et == "diplomacy":
        # a country acting or acted upon is not where the act took place: only "met ... in X"
        ms = [m for m in ms if c.end <= m.start <= c.end + 70 and "that" not in text[c.end:m.start].split()
              and re.search(r"\b(?:in|at)\s+(?:the\s+)?(?:\w+\s+)?$", text[max(s, m.start - 25):m.start])]
    if not ms:
        return []
    fine = [m for m in ms if m.place.kind not in ("country",)]
    pool = fine or ms
    # where it happened: "in/near X", "the X region", or "struck Kyiv's ..." after the trigger;
    # not a place that only names an actor ("Moscow's invasion", "Russia's attack")
    loc_pool = [m for m in pool if _LOCATIVE.search(text, max(s, m.start - 40), m.start) or m.is_region
                or (m.start >= c.end and m.start - c.end < 40)]
    loc_pool = [m for m in loc_pool if text[m.end:m.end + 1] not in "'’" or re.search(
        r"\b(?:in|near|at|on|outside|hit|struck|targeted|targeting|attacked|shelled|bombed)\s+$", text[max(s, m.start - 15):m.start])]
    if not loc_pool:
        return []
    # the place nearest after the trigger, else the nearest before it
    after = [m for m in loc_pool if m.start >= c.end]
    anchor = after[0] if after else loc_pool[-1]
    if et not in _PHYSICAL:
        return [anchor]
    # a coordinated list around the anchor: "in A, B, and C"
    out = [anchor]
    i = pool.index(anchor) if anchor in pool else -1
    if i >= 0:
        j = i
        while j + 1 < len(pool) and _LIST_GAP.match(text[pool[j].end:pool[j + 1].start]):
            j += 1
            out.append(pool[j])
        j = i
        while j - 1 >= 0 and _LIST_GAP.match(text[pool[j - 1].end:pool[j].start]):
            j -= 1
            out.insert(0, pool[j])
    return out


def _fallback_country(c: _Cand) -> str | None:
    """No place named: the country the target (or, for interceptions, the actor) belongs to."""
    for phrase in ((c.target, c.actor) if c.sub == "disrupted_weapons_use" else (c.target,)):
        if not phrase:
            continue
        for w in re.findall(r"[A-Z][a-z]+", phrase):
            cc = places.DEMONYMS.get(w.lower())
            if cc:
                return cc if c.sub != "disrupted_weapons_use" or phrase is c.actor else None
            for p in places.gazetteer().lookup(w):
                if p.kind == "country" and phrase is c.actor:
                    return p.country_code
    return None


def _casualties(doc: Doc, events: list[Event], ev_sents: list[int], figures: list[Figure]) -> None:
    text = doc.text
    violent = [i for i, ev in enumerate(events) if ev.event_type in _PHYSICAL and ev.event_type != "diplomacy"]
    if not violent:
        return
    vs = [ev_sents[i] for i in violent]
    figs_by_sent: dict[int, list[int]] = {}
    for fi, f in enumerate(figures):
        figs_by_sent.setdefault(f.sentence_index, []).append(fi)
    n = len(doc.sentences)
    for si in range(n):
        # the event told in this sentence, or the last one in the two sentences before
        k = bisect.bisect_right(vs, si) - 1
        if k < 0 or si - vs[k] > 2:
            continue
        targets = [violent[j] for j in range(len(vs)) if vs[j] == vs[k]]
        if si != vs[k] and any(ev_sents[i] == si for i in range(len(events))):
            continue  # a sentence with its own (non-violent) event keeps its numbers
        s, e = doc.sentences[si]
        found = casualties.find_casualties(text, s, e)
        used: set[int] = set()
        for kind, val, fs, fe in found:
            for ev_i in targets[:1]:
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
            if not found and f.value is not None:
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


def _same_place(a: Event, b: Event) -> bool:
    return places.place_key(a.location or "") == places.place_key(b.location or "")


def _merge(events: list[Event], figures: list[Figure]) -> list[Event]:
    out: list[Event] = []
    remap: dict[int, int] = {}
    for i, ev in enumerate(events):
        target = None
        for j in range(len(out) - 1, -1, -1):
            o = out[j]
            if o.sub_event_type != ev.sub_event_type:
                continue
            if o.event_date and ev.event_date and o.event_date != ev.event_date:
                continue
            if ev.event_type == "diplomacy":
                if o.actor and ev.actor and o.actor == ev.actor and (o.target == ev.target or ev.sentence_index - o.sentence_index <= 1):
                    target = j
                    break
                continue
            if ev.location and o.location:
                if _same_place(o, ev):
                    target = j
                    break
                continue
            if ev.location is None and (ev.country_code is None or ev.country_code == o.country_code):
                target = j
                break
        if target is None:
            remap[i] = len(out)
            out.append(ev)
            continue
        remap[i] = target
        o = out[target]
        for attr in ("actor", "target", "event_date", "date_precision", "location", "country_code", "latitude", "longitude"):
            if getattr(o, attr) is None and getattr(ev, attr) is not None:
                setattr(o, attr, getattr(ev, attr))
        if ev.fatalities is not None:
            o.fatalities = max(o.fatalities or 0, ev.fatalities) if o.fatalities is not None or ev.fatalities else ev.fatalities
        if ev.injuries is not None:
            o.injuries = max(o.injuries or 0, ev.injuries) if o.injuries is not None or ev.injuries else ev.injuries
    for f in figures:
        if f.event_index is not None:
            f.event_index = remap.get(f.event_index)
    return out
