"""Trigger lexicon for event typing: lemmas with their inflections, grouped by what they can mean.

A trigger alone rarely decides the type. Each group names either a sub-event type or a *resolver*
(upper case) that `events.py` settles from the words around the trigger: the weapon named
(drone vs artillery vs roadside bomb), what was shot down (a drone or a helicopter), what was
captured (a town or a weapons cache), how a protest went. All patterns are matched in one pass
of one compiled regex over the article.
"""
from __future__ import annotations

import re


# --- pattern tools --------------------------------------------------------------------------
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


def _split_alternatives(pat: str) -> list[str]:
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


def _letter_led(alt: str) -> list[str]:
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
        out = [x for a in _split_alternatives(inner) for x in _letter_led(a + rest)]
        return out + _letter_led(rest) if optional else out
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
        alts, rest = _split_alternatives(pattern), ""
        if len(alts) == 1 and pattern.startswith("\\b(?:"):
            j = _group_end(pattern[2:]) + 2
            alts, rest = _split_alternatives(pattern[5:j]), pattern[j + 1:]
        elif all(a.startswith("\\b") for a in alts):
            alts = [a[2:] for a in alts]
        else:
            return re.compile(pattern, flags)
        if rest[:1] in ("?", "*", "+", "{") or flags & ~re.IGNORECASE:
            return re.compile(pattern, flags)
        by_first: dict[str, list[str]] = {}
        for alt in (x for a in alts for x in _letter_led(a)):
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
        for x in _letter_led(_NAMED_GROUP.sub("(?:", alt)):  # (groups would be copied by the distribution)
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
WEAPON_RE = {
    "chemical_weapon": fast_words(r"\b(?:chemical weapons?|sarin|chlorine|nerve agents?|mustard gas|poison gas|toxic gas)\b", re.I),
    "suicide_bomb": fast_words(r"\bsuicide (?:bomb\w*|attack\w*|vests?)\b|\bblew (?:himself|herself|themselves) up\b", re.I),
    "air_drone_strike": fast_words(
        r"\b(?:drones?|UAVs?|air[- ]?strikes?|air[- ]?raids?|warplanes?|fighter jets?|jets|aircraft|helicopters?|"
        r"gunships?|bombers?|aerial|Shahed|kamikaze|glide bombs?|barrel bombs?|air force)\b", re.I),
    "shelling_artillery_missile_attack": fast_words(
        r"\b(?:shell(?:s|ed|ing|fire)?|artillery|missiles?|rockets?|mortars?|howitzers?|MLRS|Grad|HIMARS|Iskanders?|"
        r"Kalibrs?|ballistic|cruise|bombard\w*|Kinzhals?|projectiles?|tank fire)\b", re.I),
    "remote_explosive_landmine_ied": fast_words(
        r"\b(?:IEDs?|improvised explosive|roadside bombs?|land ?mines?|car bombs?|explosive devices?|booby[- ]traps?|"
        r"planted (?:a )?bombs?|bombs?|explosives?)\b", re.I),
    "grenade": fast_words(r"\bgrenades?\b", re.I),
}
WEAPON_ORDER = ("chemical_weapon", "suicide_bomb", "air_drone_strike", "shelling_artillery_missile_attack",
                "remote_explosive_landmine_ied", "grenade")

CIVILIANS_RE = fast_words(
    r"\b(?:civilians?|villagers|residents|worshippers|pilgrims|students|children|women|farmers|passengers|"
    r"journalists?|reporters|aid workers|shoppers|market|mosque|church|school|hospital|village|homes?|"
    r"families|people)\b", re.I)
ARMED_RE = fast_words(
    r"\b(?:forces|troops|soldiers|army|military|militants?|insurgents?|rebels?|fighters|jihadists?|militias?|"
    r"gunmen|police|guards?|separatists?|Taliban|Hamas|Hezbollah|ISIS|IS|al-Shabaab|Boko Haram|Wagner|units?|"
    r"Maoists?|Naxal\w*|jawans|commandos|paramilitary|"
    r"battalions?|brigades?)\b")
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


_STEM, _WHOLE = object(), object()


def _trie(entries: set[tuple[str, bool]]) -> str:
    """A regex for text starting with one of the literals (a whole one: and no letter after it)."""
    root: dict = {}
    for lit, whole in entries:
        node = root
        for ch in lit:
            node = node.setdefault(ch, {})
        node[_WHOLE if whole else _STEM] = {}

    def rx(node: dict) -> str:
        if _STEM in node:
            return ""  # a literal ends here: whatever follows
        branches = [re.escape(ch) + rx(node[ch]) for ch in sorted(k for k in node if isinstance(k, str))]
        if _WHOLE in node:
            branches.append("(?![a-z])")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return rx(root)


def _fast_scan() -> tuple[re.Pattern, dict[str, re.Pattern], frozenset[str]]:
    by_letter: dict[str, list[tuple[str, list[str]]]] = {}
    entries: set[tuple[str, bool]] = set()
    for name, pat, _, _ in TRIGGERS:
        for alt in (x for a in _split_alternatives(pat) for x in _letter_led(a)):
            lit, whole = _literal_start(alt)
            if len(lit) < 2:
                raise ValueError(f"no literal start: {alt!r}")
            entries.add((lit, whole))
            groups = by_letter.setdefault(lit[0], [])
            if not groups or groups[-1][0] != name:
                groups.append((name, []))
            groups[-1][1].append(alt)
    # a non-letter, then the literal start of some trigger ("set on f", "shot down"): the engine skips
    # to non-letters in C; a look-ahead, so that a start inside it is still found
    starts = re.compile("[^a-z](?=" + _trie(entries) + ")")
    subs = {c: re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{'|'.join(alts)})" for name, alts in groups) + r")\b",
                          re.IGNORECASE) for c, groups in by_letter.items()}
    return starts, subs, frozenset(lit for lit, _ in entries)


try:
    _STARTS_RE, _BY_LETTER, TRIGGER_PREFIXES = _fast_scan()
except ValueError:  # a pattern without a literal start: tests catch it, extraction takes the slow road
    TRIGGER_PREFIXES = None


def trigger_matches(text: str):
    """The same matches as TRIGGER_RE.finditer(text), found faster."""
    low = " " + text.lower()  # the leading space: a word start at offset 0 follows a non-letter too
    if len(low) != len(text) + 1 or TRIGGER_PREFIXES is None:  # a case mapping that changes length
        yield from TRIGGER_RE.finditer(text)
        return
    if not low.isascii():  # IGNORECASE lets "ı" and "ſ" stand for "i" and "s" (lower() keeps them)
        low = low.replace("ı", "i").replace("ſ", "s")
    end = 0
    for c in _STARTS_RE.finditer(low):
        pos = c.start()  # the word's offset in text (low is one character longer in front)
        if pos < end:
            continue
        m = _BY_LETTER[low[pos + 1]].match(text, pos)
        if m:
            end = m.end()
            yield m


# actors whose words and visits are diplomacy: states, their organs and leaders, armed groups
POLITICAL_RE = fast_words(
    r"\b(?:government|ministry|minister|ministers|president|presidents|prime|chancellor|secretary|senator|governor|"
    r"ambassadors?|envoys?|diplomats?|embassy|king|queen|pope|patriarch|kremlin|white house|pentagon|parliament|"
    r"congress|nato|united nations|un|eu|european union|security council|leaders?|officials|authorities|army|"
    r"military|forces|troops|rebels|militants|party|opposition|regime|allies|spokes(?:wo)?man|foreign|defen[cs]e|"
    r"council|commission|alliance|summit|g7|g20|sanctions|intelligence|fsb|cia|kgb|sbu|mossad|vatican|church|ceasefire|cease-fire|truce|peace|warring|parties|countries|nations|states|west|western|war)\b", re.I)
TITLE_BEFORE_RE = fast_words(
    r"\b(?:President|Prime Minister|Minister|Chancellor|Secretary|Senator|Governor|Mayor|Ambassador|King|Queen|"
    r"Pope|Patriarch|leader|Leader|spokes(?:wo)?man|General|Gen\.|Foreign|Premier|Sheikh|Emir|Ayatollah|Commander|"
    r"president|minister|chief|head|secretary|general|ambassador|envoy|spokesperson)\b[\w\s.,'’]{0,40}$", re.I)
