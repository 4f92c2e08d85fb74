"""Word lists and regexes the figure extractor reads the right-hand context with (qualifiers,
changes, ranges, dates, scores), category triggers, the nouns that say what is counted, words
that make a number a name, and the attribution patterns. Left-hand words: `figure_context`.
"""
from __future__ import annotations

import re

from pipeline.extract.fast_regex import fast_alternation, lower_twin
from pipeline.extract.text import trie_pattern


def trie_twin(words) -> re.Pattern:
    """`lower_twin(words)` with the words nested by letter (`trie_pattern`): the same matches, each
    the longest word there as in the flat list (the trie tries longer words first, and words that
    match at one place all lie on one path of it). The twin is tried at every space of the scanned
    sentences; a flat list tries each word of the letter in turn, the trie one letter at a time."""
    return re.compile(r"[^a-z0-9_](?:" + trie_pattern([w[0].lower() + w[1:] for w in words], space=r"\s+") + r")\b")

QUALIFIER_OF_GROUP = {"about": "~", "more": ">", "less": "<"}  # group names of QUALIFIER_RIGHT

# "a 5% rise", "a 3% fall" after the figure
CHANGE_RIGHT = re.compile(
    r"[\s\u00a0]+(?:(?P<up>rise|increase|jump|gain|growth|hike|rally|surge|climb|boost|uplift)|"
    r"(?P<down>fall|drop|decline|decrease|cut|reduction|slump|loss|dip|slide|plunge|contraction))\b",
    re.IGNORECASE,
)
HIGHER_LOWER_AFTER = re.compile(r"[\s\u00a0]+(?:(?P<up>higher|up)|(?P<down>lower|down))\b(?![\s\u00a0]+(?:to|from)\b)",
                                re.IGNORECASE)
QUALIFIER_RIGHT = re.compile(
    r"(?:(?P<more>\+(?![\d\w])|-plus\b|[\s\u00a0]+or[\s\u00a0]+(?:more|above|over|higher)\b)"
    r"|(?P<less>[\s\u00a0]+or[\s\u00a0]+(?:less|fewer|under|below)\b)"
    r"|(?P<about>-odd\b|[\s\u00a0]+odd\b|[\s\u00a0]+or[\s\u00a0]+so\b))",
    re.IGNORECASE,
)

# Ranges: "10 to 15", "10-15", "between 10 and 15" ("and" only after "between").
RANGE_JOIN = re.compile(r"[\s\u00a0]*(?:(?P<dash>[-–—])|(?P<to>to)\b|(?P<and>and)\b|(?P<or>or)\b)[\s\u00a0]*",
                        re.IGNORECASE)
# a month name after a day number ("9 February", "3rd of May"); capitalised, so "3 may" is a verb
MONTHS = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?[\s\u00a0]+(?:of[\s\u00a0]+)?(?:" + MONTHS + r")\b\.?")
CLOCK_AFTER = re.compile(
    r"[\s\u00a0]?(?:[ap]\.?m\b\.?|o'clock|gmt|bst|cet|cest|utc|est|edt|pst|hrs\b|h\b|local time)", re.IGNORECASE
)
SCORE_AFTER = re.compile(
    r"[\s\u00a0]+(?:win|victory|defeat|loss|lead|draw|scoreline|thrashing|home|away|aggregate|on aggregate|"
    r"success|triumph|reverse)\b",
    re.IGNORECASE,
)

# Words before a number that make it an index or a name part: "page 5", "No 10", "top 10".
INDEX_WORDS = frozenset("""
page pages section sections article articles clause chapter paragraph line level grade stage phase round no
no. nos number room flight route platform gate channel version model series tier item question rule resolution
amendment game match heat lap hole top size class figure table row seat bus junction exit district ward zone
block sector box lane hall division terminal studio volume vol issue episode season part verse psalm
category grid highway interstate track act book pillar stand slot mark
""".split())
# Capitalised words that can come right before a number without making it part of a name.
CAPITAL_OK = frozenset("""
about around over some nearly almost only just up at more less fewer under roughly approximately all the in on
by of and but with for from to since until after before when while another last those these their his her its our
exactly between than estimated an a another additional extra further first every each another which that whereas
although though if as nearly also yet so then there here now today yesterday just including include includes
among with without among per that's it's its what whose where we they he she i you some whereas spending costing
aged killing injuring leaving including excluding adding employing earning paying scoring winning losing taking
bringing raising within below beyond across despite like unlike perhaps maybe only barely nearly roughly
""".split())

STREET_AFTER = re.compile(
    r"[\s\u00a0]+[A-Z][a-z]+[\s\u00a0]+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Place|Drive)\b")

# Trigger words for the category of a bare count. The nearest one to the figure wins.
TRIGGERS = {  # regex-free word lists: phrases use single spaces
    "killed": "killed|kill|kills|killing|dead|died|die|dies|dying|death|deaths|death toll|fatalities|fatality|"
              "fatally|slain|murdered|executed|perished|lives|bodies|massacred|drowned",
    "injured": "injured|injuring|injuries|injures|wounded|wounding|hurt|hospitalised|hospitalized|maimed",
    "missing": "missing|unaccounted",
    "displaced": "displaced|fled|flee|fleeing|flees|refugees|evacuated|evacuees|homeless|crossed into|"
                 "crossed the border|entered|asylum|evacuation|forced to leave|forced from|leave their homes|"
                 "left their homes",
    "arrested": "arrested|arrests|arrest|detained|detaining|detention|detentions|jailed|imprisoned|custody|"
                "captured|taken prisoner|prisoners|rounded up",
    "intercepted": "intercepted|intercept|intercepting|interceptions|shot down|shoot down|shooting down|downed|"
                   "neutralised|neutralized|repelled|destroyed|destroying|thwarted|foiled",
    "launched": "launched|launch|launching|fired|fire|firing|sent|send|sending|deliver|delivered|deliveries|"
                "supplied|supply|provide|provided|providing|transferred|struck|hit|attacked|pledged|dropped",
    "damaged": "damaged|damaging|destroyed|destroying|lost|razed|burned|burnt|flattened|collapsed|hit|struck|"
               "ruined|demolished",
    "other": "losses|casualties|victims|eliminated|neutralised|neutralized",
}
_trigger_words: dict[str, list[str]] = {}
for _cat, _alts in TRIGGERS.items():
    for _w in _alts.split("|"):
        _trigger_words.setdefault(_w, []).append(_cat)


TRIGGER_RE = fast_alternation(_trigger_words)
TRIGGER_TWIN = lower_twin(_trigger_words)
TRIGGER_CATEGORIES = {w: tuple(c) for w, c in _trigger_words.items()}
for _w in list(TRIGGER_CATEGORIES):
    if " " in _w:  # so "shot  down" (two spaces) finds its categories too
        TRIGGER_CATEGORIES[" ".join(_w.split())] = TRIGGER_CATEGORIES[_w]

# Nouns heading the counted object.
WEAPON_NOUNS = re.compile(
    r"\b(?:missiles?|rockets?|drones?|shells?|bombs?|projectiles?|uavs?|warheads?|munitions|shaheds?|"
    r"tanks?|abrams|leopards?|bradleys?|himars|patriots?|howitzers?|launchers?|jets?|aircraft|planes?|"
    r"helicopters?|weapons?|guns?|vehicles?|armou?red|artillery|mortars?|grenades?|mines?|torpedoes|ships?|"
    r"warships?|vessels?|boats?|systems?|interceptors?|kamikaze|cruise|ballistic)\b",
    re.IGNORECASE,
)
PROJECTILE_NOUNS = re.compile(
    r"\b(?:missiles?|rockets?|drones?|shells?|bombs?|projectiles?|uavs?|warheads?|munitions|shaheds?|"
    r"interceptors?|grenades?|mortars?)\b",
    re.IGNORECASE,
)
PERSON_NOUNS = re.compile(
    r"\b(?:people|persons?|civilians?|children|child|kids|babies|infants?|men|women|man|woman|boys?|girls?|"
    r"residents?|inhabitants|villagers|citizens|journalists?|reporters?|workers?|employees?|staff|"
    r"soldiers?|troops?|fighters?|personnel|servicemen|servicemembers|officers?|police(?:men)?|policemen|"
    r"militants?|mercenaries|guards?|sailors?|marines?|reservists?|recruits?|conscripts?|volunteers?|"
    r"paratroopers?|commandos?|rebels?|insurgents?|militiamen|passengers?|pilots?|crew|miners?|students?|"
    r"pupils?|patients?|protesters?|demonstrators?|migrants?|refugees?|foreigners?|nationals?|victims?|"
    r"russians|ukrainians|israelis|palestinians|americans|britons|others|adults?|teenagers?|doctors?|"
    r"nurses?|members?|prisoners?|hostages?|suspects?|individuals?|elderly|family|families|"
    r"[a-z]+ists|[a-z]+ers|[a-z]+ians)\b",
    re.IGNORECASE,
)
PERSONNEL_NOUNS = re.compile(
    r"\b(?:soldiers?|troops?|fighters?|personnel|servicemen|servicemembers|officers?|police(?:men)?|"
    r"militants?|mercenaries|guards?|sailors?|marines?|reservists?|recruits?|conscripts?|paratroopers?|"
    r"commandos?|rebels?|insurgents?|militiamen|staff|employees|workers|troopers|solders|forces|servicemen)\b",
    re.IGNORECASE,
)
STRUCTURE_NOUNS = re.compile(
    r"\b(?:buildings?|homes|houses|apartments?|flats|blocks|schools|hospitals|bridges|vehicles|cars|trucks|"
    r"buses|facilities|structures|churches|shops|properties|infrastructure|stations|substations|plants|"
    r"storeys|floors|warehouses|depots|factories|airports|airfields|dwellings|residences|objects|targets|"
    r"equipment|tanks|aircraft|planes|helicopters|ships|vessels|boats|trains|pipelines?|roofs|windows)\b",
    re.IGNORECASE,
)
PLACE_NOUNS = re.compile(
    r"\b(?:regions?|cities|city|countries|country|towns?|villages?|provinces?|states|districts?|nations|"
    r"areas?|oblasts?|settlements?|locations?|sites?|municipalities|communities|territories|fronts?)\b",
    re.IGNORECASE,
)
CALIBRE_AFTER = re.compile(r"[\s\u00a0-]+(?:[\w-]+[\s\u00a0]+){0,2}(?:guns?|howitzers?|shells?|artillery|mortars?|"
                           r"calibre|caliber|rounds|cannons?|ammunition)\b", re.IGNORECASE)

# Words that end the counted object ("three people were killed" -> "people").
OBJECT_STOP = frozenset("""
a an the was were is are be been being have has had will would could should can may might must shall do did does
who whom whose which that this these those what when where why how while whereas if than then there here it its
they them their he she his her we our you your i me my in on at to for with by from into onto of as across
since during after before until till over under about around between among against per including include
includes near off out up down via through within without toward towards according said says say told
reported claimed and or but nor so yet also each every all both either neither not no more most less least
very just only even still already again now today yesterday tomorrow last next ago later earlier away
back so-called year years month months day days week weeks hour hours minute minutes percent cent
because rather instead while whilst unless although though despite like unlike
""".split())
# Words that, right before "one", mean it is a pronoun or part of an idiom.
ONE_IDIOM_LEFT = frozenset("no any every some someone the which this that each anyone any-one no-one".split())

# Attribution: "according to X", "X said", "said X".
_SRC_WORD = r"\w[\w'’]*(?:[.-]\w[\w'’]*)*\.?"
_GROUP_SOURCES = (r"officials|police|authorities|ministry|military|army|spokesman|spokeswoman|spokesperson|sources|"
                  r"analysts|experts|prosecutors|investigators|doctors|rescuers|medics|researchers|scientists|"
                  r"government|governor|mayor|minister|statistics|figures|data|report|survey|study|estimates|agency")
GROUP_SOURCE_WORDS = tuple(_GROUP_SOURCES.split("|"))
_CAP_RUN = r"(?:(?:[A-Z][\w'’.\-]*|of|the|for)[\s\u00a0]+){0,6}"
# Reporting verbs; the source is read from the words before them (or after, "..., said X").
SAID_CUE_WORDS = """said says claimed claims reported reports estimated estimates announced stated
confirmed told added insisted warned showed shows found""".split()
SAID_CUE = fast_alternation(SAID_CUE_WORDS)
SAID_TWIN = trie_twin(SAID_CUE_WORDS)
# Trigger words and reporting verbs in one lower-case twin: a sentence with a bare count needs
# both, and is scanned once (`figures._scan_both`). Each hit must then be a word of one list
# only, so no word of one list may equal or begin a phrase of the other.
if any(t == c or t.startswith(c + " ") or c.startswith(t + " ") for t in _trigger_words for c in SAID_CUE_WORDS):
    raise ImportError("a trigger word and a reporting verb overlap: figures._scan_both needs them apart")
TRIGGER_SAID_TWIN = trie_twin(list(_trigger_words) + SAID_CUE_WORDS)
# the source right before a cue (searched in a short window ending at the cue)
SOURCE_BEFORE = re.compile(
    r"(?<![\w'’])((?:[Tt]he[\s\u00a0]+)?" + _CAP_RUN + r"(?:(?:[a-z][\w'’\-]*[\s\u00a0]+){0,2}(?:" + _GROUP_SOURCES
    + r")|[A-Z][\w'’.\-]*))[\s\u00a0]+$"
)
# words separated by single runs of space (an optional space inside the repeat backtracks exponentially)
_SRC_TOKENS = (r"(" + _SRC_WORD + r"(?:[ \u00a0]" + _SRC_WORD + r"){0,7}?)[\s\u00a0]*"
               r"(?=[,;:()\"“”]|\.(?!\w)|[\s\u00a0][-–—]|$)")
ACCORDING_TO = re.compile(r"according[\s\u00a0]+to[\s\u00a0]+" + _SRC_TOKENS, re.IGNORECASE)
SOURCE_AFTER = re.compile(r"[\s\u00a0]+" + _SRC_TOKENS)

