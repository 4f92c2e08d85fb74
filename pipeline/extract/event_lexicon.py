"""Trigger lexicon for event typing: lemmas with their inflections, grouped by what they can mean.

A trigger alone rarely decides the type. Each group names either a sub-event type or a *resolver*
(upper case) that `events.py` settles from the words around the trigger: the weapon named
(drone vs artillery vs roadside bomb), what was shot down (a drone or a helicopter), what was
captured (a town or a weapons cache), how a protest went. All patterns are matched in one pass
of one compiled regex over the article.
"""
from __future__ import annotations

import re


from pipeline.extract.fast_regex import REGEX_META, _group_end, fast_words, letter_led, split_alternatives


def _v(*stems: str) -> str:
    """Alternation of words with their inflections written out (no nested quantifiers)."""
    return "|".join(stems)


# group name -> (pattern, sub_event_type or RESOLVER, word class "v" verb / "n" noun)
TRIGGERS: list[tuple[str, str, str, str]] = [
    # --- explosions / remote violence: the weapon word is the trigger ---
    ("chem", r"chemical (?:weapons? )?attacks?|(?:sarin|chlorine|nerve[- ]agent|mustard|poison|toxic)[- ]gas attacks?|gassed", "chemical_weapon", "n"),
    ("suic", r"suicide[- ](?:bomb(?:ing|ings|er|ers|s)?|attacks?|blasts?|car[- ]bombs?|vests?)|blew (?:himself|herself|themselves) up|self-detonat\w*", "suicide_bomb", "n"),
    ("air", r"air[- ]?strikes?|air[- ]?raids?|drone (?:strikes?|attacks?|barrages?|assaults?|raids?)|aerial (?:attacks?|assaults?|bombardments?|bombing)|bombing raids?|(?:airstrike|strike)[sd]? by (?:drones?|warplanes?|jets?|aircraft)|dropped (?:bombs|barrel bombs|glide bombs)|barrel bombs?", "air_drone_strike", "n"),
    ("shell", r"shell(?:ed|ing|ings|fire)|artillery (?:fire|strikes?|attacks?|barrages?)|(?:missile|rocket|mortar) (?:strikes?|attacks?|barrages?|fire)|(?:bombard(?:ed|ing|ment|ments)|pounded|pounding|rocketed)", "shelling_artillery_missile_attack", "n"),
    ("ied", r"(?:roadside|car|truck|landmine|parcel|nail|pipe|motorcycle|planted|sticky|crude|country-made) bombs?|improvised explosive devices?|\bIEDs?\b|landmines?|land mines?|booby[- ]trap(?:ped|s)?|explosive devices?", "remote_explosive_landmine_ied", "n"),
    ("gren", r"(?:hand )?grenades?(?: attacks?)?", "grenade", "n"),
    # generic attack words: the weapon nearby decides the type
    # --- battles ---
    ("recap", r"recaptur(?:ed|ing|es)|retook|retaken|retake|regain(?:ed|ing)? control|liberat(?:ed|ing)|reclaimed|won back", "government_regains_territory", "v"),
    # --- violence against civilians ---
    ("abduct", r"abduct(?:ed|ing|ion|ions|s)?|kidnap(?:ped|ping|pings|s)?|taken hostage|took (?:\w+ )?hostages?|held hostage|forcibly disappeared|enforced disappearances?", "abduction_forced_disappearance", "v"),
    ("sex", r"rap(?:ed|ing)|rapes|sexual(?:ly)? (?:assault(?:ed|s)?|violence|abuse[sd]?)", "sexual_violence", "v"),
    # --- protests and riots ---
    ("prot", r"protest(?:ed|ers|ors|s|ing)?|demonstrat(?:ion|ions|ors|ed|ing)|rall(?:y|ies|ied)(?= against| in| outside| to)|marched|sit-ins?|picket(?:ed|s|ing)?|took to the streets|went on strike|general strike|walk-?outs?|dharnas?|bandhs?|hartals?|gheraoed|gherao|agitation|agitating|agitated|hunger strikes?|strike action|staged a (?:strike|walkout|sit-in)|(?:raised|shouted|chanted) slogans|sloganeering|burn(?:ed|t) (?:an |the |their )?effig(?:y|ies)|road blockades?|blocked (?:the |a )?(?:road|highway|railway|rail tracks)|chakka jam|rasta roko", "PROTEST", "v"),
    ("riot", r"riot(?:s|ed|ers|ing)?|rampag(?:e|ed|ing)|stone[- ]pelting|pelted (?:\w+ ){0,3}stones|hurled stones", "violent_demonstration", "v"),
    ("mob", r"mobs?|lynch(?:ed|ing|ings)?|vigilantes?|(?:beat|beaten|thrashed) (?:\w+ ){0,3}?to death by (?:a |an )?(?:angry )?(?:crowd|villagers|residents|mob)", "mob_violence", "n"),
    # --- strategic developments ---
    ("intercept", r"(?:recovered|confiscated|unearthed|seized|found|busted|discovered) (?:[\w\-]+ ){0,4}?(?:cache|caches|arms|weapons|ammunition|explosives|rifles|munitions)|intercept(?:ed|ing|ion|ions|s)?|shot down|shoot down|downed|neutrali[sz]ed|defused|destroyed (?:\d+ |\w+ )?(?:drones|missiles|rockets|UAVs)", "DISRUPT", "v"),
    ("arrest", r"arrest(?:ed|s|ing)?|detain(?:ed|ing|s)?|nabbed|detention of|taken into custody|apprehended|rounded up", "arrests", "v"),
    ("aid", r"agreed to (?:send|provide|supply|give|deliver|fund|lend|donate|transfer)", "diplomatic", "v"),
    ("invasion", r"invasions? of(?= [A-Z])|(?:occupation|annexation) of(?= [A-Z])|annex(?:ed|ing)(?= [A-Z])", "INVASION", "n"),
    ("agree", r"(?:thrashed|hammered|worked) out (?:an? |the )?(?:[\w\-]+ ){0,2}?(?:deal|agreement|accord|peace plan|plan|truce|ceasefire|compromise)|(?:signed|agreed|reached|struck|brokered|concluded|sealed|negotiated) (?:an? |the )?(?:\w+ ){0,2}(?:deal|agreement|accord|treaty|ceasefire|cease-fire|truce|pact|memorandum)|agreed (?:to|on) (?:a |an |the )?(?:[\w\-]+ ){0,2}?(?:ceasefire|cease-fire|truce|peace|deal|exchange|swap|release|withdraw\w*|pact|terms|resume\w*|halt|end)|prisoner (?:swaps?|exchanges?)|exchanged prisoners|(?:ceasefire|cease-fire|truce) (?:took effect|came into force|was agreed)", "agreement", "v"),
    ("loot", r"loot(?:ed|ing|ers)?|torch(?:ed|ing)|set (?:fire|ablaze) to|set on fire|burn(?:ed|t) down|vandali[sz](?:ed|ing)|ransack(?:ed|ing)", "looting_property_destruction", "v"),
    ("base", r"(?:set up|established|establishes|opened) (?:a |an |its |their )?(?:new )?(?:military )?(?:base|headquarters|outpost|camp)", "headquarters_or_base_established", "v"),
    ("transfer", r"handed over control|ceded|withdr[ae]w(?:n)? from|pulled out of|retreated from", "non_violent_transfer_of_territory", "v"),
    ("group", r"mobili[sz](?:ed|ing|ation)|massed|massing|put on (?:high |full )?alert|(?:launched|staged|led) (?:a |an )?(?:coup|mutiny|rebellion|uprising)|mutin(?:y|ied)|disbanded|dissolved|merged with|regrouped|pulled back|redeployed|relocated|military (?:drills|exercises)|war games|conscript(?:ed|ion)|recruited|pulled (?:\w+ ){0,3}from the front|(?:taken|took|pulled|withdrawn|withdrew|removed) (?:\w+ ){0,5}?(?:off|from) the front(?:line|lines| line)?", "change_to_group_activity", "v"),
    ("other", r"sworn in(?:to)?|inaugurat(?:ed|ion)|appointed|resigned|sacked|opened a criminal (?:case|investigation)|charged with|indicted|sentenced|convicted|declared (?:a |an )?(?:state of emergency|martial law)|imposed (?:a )?curfew", "other", "v"),
    # --- crime and disasters ---
    ("crime", r"drug (?:traffick\w*|cartels?|smuggl\w*|lords?|gangs?|busts?)|cartels?|smuggl(?:ing|ers|ed)|traffick(?:ing|ers|ed)|money laundering|extortion|racketeering|mafia|armed robber(?:y|ies|s)|robbed|gang (?:members|violence|war)", "organized_crime", "n"),
    ("nat", r"earthquakes?|quakes?|flood(?:s|ing|ed|waters)|hurricanes?|typhoons?|cyclones?|tornado(?:es|s)?|landslides?(?! victory| win| majority| defeat)|mudslides?|tsunamis?|volcanic eruptions?|erupted|droughts?|avalanches?|wildfires?|bushfires?|forest fires?|heat ?waves?", "natural_disaster", "n"),
    ("man", r"(?:plane|air|helicopter|train|bus|car|road|boat|jet) (?:crash(?:ed|es)?|accidents?)|crashed|derail(?:ed|ment)|collaps(?:ed|e) of|(?:building|bridge|mine|dam) collapse[sd]?|fire broke out|blaze|gas leak|oil spill|stampedes?|capsiz(?:ed|es)|shipwrecks?|sank|industrial accident", "man_made_disaster", "v"),
    # --- diplomacy: acts of named actors ---
    ("verbal", r"condemn(?:ed|s|ing)|denounc(?:ed|es|ing)|decr(?:ied|ies)|criticis(?:ed|es)|criticiz(?:ed|es)|slammed|lambast(?:ed|s)|blam(?:ed|es|ing)|accus(?:ed|es|ing)|warn(?:ed|s|ing)|threat(?:ened|ens)|reject(?:ed|s|ing)|refused|demand(?:ed|s|ing)|urg(?:ed|es)|cautioned|dismissed|call(?:ed|s)? on|called for|vow(?:ed|s) (?:to retaliate|revenge|retaliation|to respond)|denied (?:the |all |any )?(?:accusations?|allegations?|claims?|charges?|involvement|responsibility)|accusations?|condemnations?|criticism(?= of| from| against| by)|ultimatum|branded|labell?ed|declared (?:him|her|them|it) (?:to be )?an?", "verbal_conflict", "v"),
    ("diplo", r"met(?= with| \w+ in| \w+ at| the| his| her| in| on)|meets with|(?:held|hold|holds|holding|began|opened|resumed) (?:\w+ )?talks|talks with|visit(?:ed|ing|s)|visit(?= to)|host(?:ed|s)|invit(?:ed|es|ation)|offer(?:ed|s)|pledg(?:ed|es)|promised|sanction(?:ed|s)|imposed (?:new |fresh )?(?:sanctions|restrictions)|expell?(?:ed|s) (?:\w+ ){0,3}(?:diplomats|ambassador|envoys?)|recalled (?:its |their )?ambassador|summoned (?:the |its )?(?:\w+ )?(?:ambassador|envoy)|(?:spoke|speaks|talked) (?:by phone |on the phone )?(?:with|to)|phone call|telephoned|(?:provided|sent|send|delivered|supplied|approved|announced|donated) (?:\w+ ){0,4}(?:aid|assistance|weapons|arms|tanks|package|support|funding|loans?|missiles|air defen[cs]e)|boycott(?:ed|ing)?|attended|(?:received|addressed|told|welcomed|hosted|led) (?:a |an |the )?(?:\w+ )?delegations?|mediat(?:ed|ing|ion)|negotiat(?:ed|ions|ing)|summit(?<!reached the summit)|welcomed|expressed (?:support|solidarity)|ambassadors? (?:will|would|did) (?:not )?attend", "diplomatic", "v"),
    # --- generic words last: at one position the more specific phrase above wins ---
    ("clash", r"clash(?:ed|es|ing)?|fighting|fought|fights(?= for| over| in| near| around| between| are| were)|gun ?battles?|firefights?|fire[- ]?fights?|exchanges? of fire|exchanged fire|(?:heavy|unprovoked|indiscriminate|cross-border|retaliatory) firing|firing (?:on|at|by|from|along)(?= )|skirmish(?:es|ed)?|(?:gun ?fight|encounter)(?= with| between| in| at| near)|ambush(?:ed|es)?|repell?ed|repulsed|battled|battles? (?=for|with|against)|engaged (?:in )?combat|counter-?offensives?|invaded|launched (?:an?|its|the) (?:[\w\-]+ ){0,3}?(?:invasion|offensive|incursion|assault|military operation)", "CLASH", "v"),
    ("att_n", r"attacks?|strikes|assaults?|raids?|barrages?|bombings?|blasts?(?! craters?| waves?| radius| walls?| doors?| furnaces?)|explosions?(?! craters?| radius)|onslaught", "ATTACK", "n"),
    ("att_v", r"attacked|attacking|struck|strikes? (?=at|on|against)|hit|hits|targeted|targeting|targets|bombed|destroyed|damaged|fired (?:at|on|into|upon|missiles|rockets|drones|shells)|launched|exploded|detonated|blew up|exploding", "ATTACK", "v"),
    ("capt", r"captur(?:ed|ing)|seiz(?:ed|ing)|took control|taken control|take control|overr?an|overrun|occupied|conquered|fell to|advanced (?:on|into)|entered", "CAPTURE", "v"),
    ("civatt", r"massacr(?:ed|e|es)|shot dead|gunned down|hacked to death|stabbed|beheaded|executed|killed|kills|killing|burned alive|opened fire|died", "KILL", "v"),
]

_GROUP_INFO: dict[str, tuple[str, str]] = {name: (sub, wc) for name, _, sub, wc in TRIGGERS}
TRIGGER_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{name}>{pat})" for name, pat, _, _ in TRIGGERS) + r")\b",
    re.IGNORECASE,
)


def trigger_info(group: str) -> tuple[str, str]:
    """(sub_event_type or RESOLVER, word class) of a matched group."""
    return _GROUP_INFO[group]


# --- context words the resolvers look for around a trigger (fast_words: same matches, scanned faster) ---
_WEAPON_PATTERNS = {
    "chemical_weapon": r"\b(?:chemical weapons?|sarin|chlorine|nerve agents?|mustard gas|poison gas|toxic gas)\b",
    "suicide_bomb": r"\bsuicide (?:bomb\w*|attack\w*|vests?)\b|\bblew (?:himself|herself|themselves) up\b",
    "air_drone_strike": r"\b(?:drones?|UAVs?|air[- ]?strikes?|air[- ]?raids?|warplanes?|fighter jets?|jets|aircraft|helicopters?|"
        r"gunships?|bombers?|aerial|Shahed|kamikaze|glide bombs?|barrel bombs?|air force)\b",
    "shelling_artillery_missile_attack": r"\b(?:shell(?:s|ed|ing|fire)?|artillery|missiles?|rockets?|mortars?|howitzers?|MLRS|Grad|HIMARS|Iskanders?|"
        r"Kalibrs?|ballistic|cruise|bombard\w*|Kinzhals?|projectiles?|tank fire)\b",
    "remote_explosive_landmine_ied": r"\b(?:IEDs?|improvised explosive|roadside bombs?|land ?mines?|car bombs?|explosive devices?|booby[- ]traps?|"
        r"planted (?:a )?bombs?|bombs?|explosives?)\b",
    "grenade": r"\bgrenades?\b",
}
WEAPON_RE = {sub: fast_words(pat, re.I) for sub, pat in _WEAPON_PATTERNS.items()}
WEAPON_ORDER = ("chemical_weapon", "suicide_bomb", "air_drone_strike", "shelling_artillery_missile_attack",
                "remote_explosive_landmine_ied", "grenade")

CIVILIANS_RE = fast_words(
    r"\b(?:civilians?|villagers|residents|worshippers|pilgrims|students|children|women|farmers|passengers|"
    r"journalists?|reporters|aid workers|shoppers|market|mosque|church|school|hospital|village|homes?|"
    r"families|people)\b", re.I)
ARMED_WORDS = (
    r"\b(?:forces|troops|soldiers|army|military|militants?|insurgents?|rebels?|fighters|jihadists?|militias?|"
    r"gunmen|police|guards?|separatists?|Taliban|Hamas|Hezbollah|ISIS|IS|al-Shabaab|Boko Haram|Wagner|units?|"
    r"Maoists?|Naxal\w*|jawans|commandos|paramilitary|"
    r"battalions?|brigades?)\b")
ARMED_RE = fast_words(ARMED_WORDS)
NONSTATE_RE = fast_words(
    r"\b(?:Maoists?|Naxal\w*|gunmen|assailants|attackers|militants?|insurgents?|jihadists?|bandits|extremists|terrorists?|"
    r"unknown|unidentified|armed men|militiamen|suspected)\b", re.I)
AIRCRAFT_RE = fast_words(r"\b(?:helicopters?|planes?|jets?|aircraft|warplanes?|fighters?|Su-\d+|MiG-?\d*|bombers?)\b", re.I)
PROJECTILE_RE = fast_words(r"\b(?:drones?|UAVs?|missiles?|rockets?|projectiles?|shells?|Shaheds?|munitions)\b", re.I)
SEIZED_WEAPONS_RE = fast_words(r"\b(?:weapons?|arms|ammunition|explosives|rifles|guns|cache|munitions|drugs|cocaine|heroin)\b", re.I)
TERRITORY_RE = fast_words(
    r"\b(?:city|town|village|settlement|territory|area|region|district|province|airport|base|positions?|"
    r"capital|port|bridge|hill|heights|outskirts|control of)\b", re.I)
PROTEST_FORCE_RE = fast_words(
    r"\b(?:killed|shot dead|live (?:ammunition|fire|rounds)|opened fire|beat(?:en)?|killing|fired on|"
    r"fired at|shot at)\b", re.I)
PROTEST_INTERVENTION_RE = fast_words(
    r"\b(?:dispersed|broke up|lathi[- ]?charged?|lathicharged?|tear ?gas|water cannons?|rubber bullets|detained|arrested|blocked|pepper spray|"
    r"baton|cordoned|kettled|stun grenades?|removed)\b", re.I)
PROTEST_VIOLENT_RE = fast_words(
    r"\b(?:threw|hurled|pelted|torched|set fire|clashed|stormed|vandali[sz]ed|looted|smashed|burned|burnt|"
    r"stones|rocks|petrol bombs|molotov|rioted|violent)\b", re.I)
# capitalised "Strike"/"March" and other false friends are checked in events.py
MODAL_RE = fast_words(
    r"\b(?:would|could|might|may|will|won't|can|cannot|should|not|never|if|unless|threat(?:en(?:ed|s)?)? to|"
    r"ready to|plans? to|planning to|(?:is|are|was|were) (?:expected|set|due|poised|likely|going) to|intends? to|aims? to|able to|capable of|prepared to|preparing to|"
    r"fear(?:s|ed)? of|possible|potential|any|risk of|no)\s+(?:\w+\s+){0,2}$", re.I)

INFRASTRUCTURE_RE = fast_words(
    r"\b(?:pipelines?|refiner(?:y|ies)|depots?|power (?:plants?|stations?|lines?)|plants?|infrastructure|"
    r"airfields?|air ?bases?|bridges?|substations?|facilit(?:y|ies)|warehouses?|terminals?|ports?|"
    r"buildings?|factor(?:y|ies)|grid|dams?)\b", re.I)


# --- fast scan ----------------------------------------------------------------------------
# TRIGGER_RE led by `\b` is tried at every position, all its alternatives each time (seconds per
# MB). `trigger_matches` finds the same matches in two steps: one case-sensitive pass over the
# lower-cased text for word starts that begin like some trigger (a trie of the literal text every
# alternative starts with), then at those only the alternatives that start with that letter, in
# TRIGGER_RE's order (other letters cannot match there). Leading groups are distributed first ("(?:a|b)?c"
# -> "ac|bc|c", the same order of trial) so that every alternative starts with a literal letter.
def _literal_start(alt: str) -> tuple[str, bool]:
    """The lower-case literal text an alternative starts with, and whether that is all of it."""
    lit = []
    for ch in alt:
        if ch in "[](){}?*+|\\.^$":
            if ch in "?*{+":
                lit.pop()  # the character before a quantifier may be absent
            return "".join(lit).lower(), False
        lit.append(ch)
    return alt.lower(), True


def _literal_starts(alt: str, limit: int = 32) -> list[tuple[str, bool]]:
    """Every lower-case literal text the alternative may start with, read on past where _literal_start
    stops: through an optional character ("overr?an") and optional groups of plain text ("call(?:ed|s)?
    on"), each way written out; with whether that is all of it (and ends in a letter, so that the
    trigger's closing \\b wants no letter after it). Longer starts: the scan passes over "over", "mobile",
    "called" that "over", "mob", "call" took for starts, and each false start costs a regex match."""
    lits = [""]
    i, n = 0, len(alt)
    while i < n and len(lits) <= limit:
        if alt.startswith("(?:", i):
            j = i + _group_end(alt[i:])
            options = split_alternatives(alt[i + 3:j])
            if any(ch in REGEX_META for o in options for ch in o):
                break
        elif alt[i] not in REGEX_META:
            j, options = i, [alt[i]]
        else:
            break
        q = alt[j + 1:j + 2]
        if q in ("*", "+", "{"):
            break
        if q == "?":  # (a lazy or possessive "?" has no other texts)
            options = options + [""]
            j += 2 if alt[j + 2:j + 3] in ("?", "+") else 1
        lits = [x + o.lower() for x in lits for o in options]
        i = j + 1
    else:
        if i >= n:
            return [(x, x[-1:].isalpha()) for x in lits]
    return [(x, False) for x in lits]


# the lower-case literal each weapon word starts with: a weapon's regex can match only in a window whose
# caseless() holds one of them (substring tests rule out most weapons before their regex scans the window)
def _cues(pat: str) -> tuple[str, ...]:
    lits = {_literal_start(x)[0] for a in split_alternatives(pat) for x in letter_led(a)}
    return tuple(sorted(c for c in lits if not any(o != c and o in c for o in lits)))  # "air" covers "aircraft"


WEAPON_CUES = {sub: _cues(pat) for sub, pat in _WEAPON_PATTERNS.items()}


_STEM, _WHOLE = object(), object()


# English words' first letters, commonest first: the scan tries the trie's first-level branches in this order
_FIRST_LETTERS = "tasiwobchmfpdrlenguyvjkqzx"


def _trie(entries: set[tuple[str, bool]]) -> str:
    """A regex for text starting with one of the literals (a whole one: and no letter after it).
    Branches start with distinct letters, so their order changes only how soon the right one is tried."""
    root: dict = {}
    for lit, whole in entries:
        node = root
        for ch in lit:
            node = node.setdefault(ch, {})
        node[_WHOLE if whole else _STEM] = {}

    def rx(node: dict) -> str:
        if _STEM in node:
            return ""  # a literal ends here: whatever follows
        order = sorted((k for k in node if isinstance(k, str)), key=lambda k: (_FIRST_LETTERS.find(k) % 99, k))
        branches = [re.escape(ch) + rx(node[ch]) for ch in order]
        if _WHOLE in node:
            branches.append("(?![a-z])")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return rx(root)


def _fast_scan() -> tuple[re.Pattern, dict[str, re.Pattern], dict[str, re.Pattern], frozenset[str]]:
    by_letter: dict[str, list[tuple[str, list[str]]]] = {}
    by_pair: dict[str, list[tuple[str, list[str]]]] = {}
    entries: set[tuple[str, bool]] = set()
    for name, pat, _, _ in TRIGGERS:
        for alt in (x for a in split_alternatives(pat) for x in letter_led(a)):
            lit, whole = _literal_start(alt)
            if len(lit) < 2:
                raise ValueError(f"no literal start: {alt!r}")
            entries.update(_literal_starts(alt))
            for key, table in ((lit[0], by_letter), (lit[:2], by_pair)):
                groups = table.setdefault(key, [])
                if not groups or groups[-1][0] != name:
                    groups.append((name, []))
                groups[-1][1].append(alt)
    # a non-letter, then the literal start of some trigger ("set on f", "shot down"), scanned over bytes in which
    # every non-letter is a space (see trigger_matches); a look-ahead, so that a start inside it is still found
    # (so in the trie too every non-letter is a space: "sit-in" is tried as "sit in")
    spaced = {(re.sub("[^a-z]", " ", lit), whole) for lit, whole in entries}
    starts = re.compile(b" (?=" + _trie(spaced).encode("ascii") + b")")
    subs, pairs = ({c: re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{'|'.join(alts)})" for name, alts in groups) + r")\b",
                                  re.IGNORECASE) for c, groups in table.items()} for table in (by_letter, by_pair))
    return starts, subs, pairs, frozenset(lit for lit, _ in entries)


try:
    _STARTS_RE, _BY_LETTER, _BY_PAIR, TRIGGER_PREFIXES = _fast_scan()
except ValueError:  # a pattern without a literal start: tests catch it, extraction takes the slow road
    TRIGGER_PREFIXES = None


# every byte but a-z -> a space
_NON_LETTERS_TO_SPACE = bytes(b if 97 <= b <= 122 else 32 for b in range(256))


def lowered(text: str) -> tuple[str, bytes] | None:
    """(" " + text lower-cased as IGNORECASE compares it, the same as bytes with every non-letter a space),
    or None when lower-casing changes the length (offsets would shift). The leading space: a word start
    at offset 0 follows a non-letter too; a word at offset p of text starts at p + 1 in both."""
    low = " " + text.lower()
    if len(low) != len(text) + 1:
        return None
    if not low.isascii():  # IGNORECASE lets "ı" and "ſ" stand for "i" and "s" (lower() keeps them)
        low = low.replace("ı", "i").replace("ſ", "s")
    # one byte per character ("?" for the others), every non-letter a space: a regex led by a space skips
    # to spaces (a byte search) instead of testing a class at every character. A trie's spaces then also
    # match other non-letters: a few more starts, which the exact regex rejects
    return low, low.encode("ascii", "replace").translate(_NON_LETTERS_TO_SPACE)


def trigger_matches(text: str, low_lead: tuple[str, bytes] | None = None):
    """The same matches as TRIGGER_RE.finditer(text), found faster. `low_lead`: lowered(text), if made."""
    if low_lead is None:
        low_lead = lowered(text)
    if low_lead is None or TRIGGER_PREFIXES is None:  # a case mapping that changes length
        yield from TRIGGER_RE.finditer(text)
        return
    low, lead = low_lead
    end = 0
    for c in _STARTS_RE.finditer(lead):
        pos = c.start()  # the word's offset in text (low is one character longer in front)
        if pos < end:
            continue
        # only the alternatives whose literal start begins with the word's first two characters can match
        # (as lower() and IGNORECASE agree on letters, with the two fixed in lowered(); and other characters
        # match only themselves); a pair no alternative starts with, say "a?" for a non-ASCII letter, gets
        # the letter's alternatives
        m = (_BY_PAIR.get(low[pos + 1:pos + 3]) or _BY_LETTER[low[pos + 1]]).match(text, pos)
        if m:
            end = m.end()
            yield m


def word_gate(patterns: list[str]) -> re.Pattern:
    """For word regexes "\\b(?:w1|w2|...)\\b" (in any case): a regex over lowered(text)[1] that finds the
    space before every word start where one of them matches (and a few more), so that finding none with
    search(lead, s, e + 1) rules out a match in text[s:e] cheaply."""
    entries: set[tuple[str, bool]] = set()
    for pat in patterns:
        if not (pat.startswith("\\b(?:") and pat.endswith(")\\b")):
            raise ValueError(f"not a word list: {pat!r}")
        for alt in (x for a in split_alternatives(pat[5:-3]) for x in letter_led(a)):
            entries.update((re.sub("[^a-z]", " ", lit), whole) for lit, whole in _literal_starts(alt))
    if any(len(lit) < 2 for lit, _ in entries):
        raise ValueError("a word without two literal letters")
    return re.compile(b" (?=" + _trie(entries).encode("ascii") + b")")


# actors whose words and visits are diplomacy: states, their organs and leaders, armed groups
POLITICAL_WORDS = (
    r"\b(?:government|ministry|minister|ministers|president|presidents|prime|chancellor|secretary|senator|governor|"
    r"ambassadors?|envoys?|diplomats?|embassy|king|queen|pope|patriarch|kremlin|white house|pentagon|parliament|"
    r"congress|nato|united nations|un|eu|european union|security council|leaders?|officials|authorities|army|"
    r"military|forces|troops|rebels|militants|party|opposition|regime|allies|spokes(?:wo)?man|foreign|defen[cs]e|"
    r"council|commission|alliance|summit|g7|g20|sanctions|intelligence|fsb|cia|kgb|sbu|mossad|vatican|church|ceasefire|cease-fire|truce|peace|warring|parties|countries|nations|states|west|western|war)\b")
POLITICAL_RE = fast_words(POLITICAL_WORDS, re.I)
TITLE_BEFORE_RE = fast_words(
    r"\b(?:President|Prime Minister|Minister|Chancellor|Secretary|Senator|Governor|Mayor|Ambassador|King|Queen|"
    r"Pope|Patriarch|leader|Leader|spokes(?:wo)?man|General|Gen\.|Foreign|Premier|Sheikh|Emir|Ayatollah|Commander|"
    r"president|minister|chief|head|secretary|general|ambassador|envoy|spokesperson)\b[\w\s.,'’]{0,40}$", re.I)
