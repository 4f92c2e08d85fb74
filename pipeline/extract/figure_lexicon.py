"""Word lists and regexes the figure extractor reads context with: qualifiers, change verbs,
category triggers, the nouns that say what is counted, and words that make a number a name.
"""
from __future__ import annotations

import re

# Qualifier words right before a number (the slice before it is matched, anchored at its end).
_QUALIFIERS = {
    "~": "about|around|roughly|approximately|approx\\.?|some|an estimated|estimated|nearly|almost|"
         "close to|circa|an approximate|approaching|the best part of|getting on for",
    ">": "more than|over|at least|upwards of|upward of|in excess of|exceeds?|exceeding|exceeded|"
         "above|beyond|just over|well over|well above|no fewer than|no less than|a minimum of|"
         "topped|tops|surpassed|passed|north of|at minimum",
    "<": "under|less than|fewer than|up to|at most|below|as many as|as much as|no more than|"
         "not more than|just under|just below|a maximum of|at the most|shy of|short of",
}
QUALIFIER_LEFT = re.compile(
    r"(?:^|(?<=[^\w]))(?:"
    + "|".join(f"(?P<{name}>{alts})" for name, alts in (("about", _QUALIFIERS["~"]), ("more", _QUALIFIERS[">"]),
                                                         ("less", _QUALIFIERS["<"])))
    + r")[\s\u00a0]+(?:an?[\s\u00a0]+(?=dozen|hundred|thousand|million|quarter|half|third))?$",
    re.IGNORECASE,
)
QUALIFIER_OF_GROUP = {"about": "~", "more": ">", "less": "<"}

_UP = ("rose|rise|rises|rising|risen|increased|increase|increases|increasing|grew|grow|grows|growing|grown|"
       "gained|gains|gain|gaining|jumped|jumps|jump|jumping|climbed|climbs|climbing|surged|surges|surging|"
       "soared|soars|rallied|advanced|added|adding|boosted|raised|raising|up|higher|widened|expanded|doubled")
_DOWN = ("fell|fall|falls|falling|fallen|dropped|drops|drop|dropping|declined|declines|decline|declining|"
         "decreased|decreases|decrease|down|slipped|slips|slid|slides|plunged|plunges|tumbled|tumbles|sank|sinks|"
         "shed|sheds|cut|cuts|cutting|reduced|reduce|reduces|slumped|slumps|dipped|dips|eased|eases|lowered|"
         "shrank|shrunk|shrinks|contracted|lost|loses|losing|lower|narrowed|slashed|halved|plummeted|retreated")
CHANGE_LEFT = re.compile(
    r"(?:^|(?<=[^\w]))(?:(?P<up>" + _UP + r")|(?P<down>" + _DOWN + r"))"
    r"(?P<by>[\s\u00a0]+by)?(?:[\s\u00a0]+(?:a further|another|an estimated|some|about|around|almost|nearly|"
    r"more than|over|just|roughly|only|a|an))?[\s\u00a0]+$",
    re.IGNORECASE,
)
# change verbs that also name an amount ("lost $5m", "raised $5m"): a change only for percents
CHANGE_ONLY_FOR_SHARES = frozenset("lost loses losing raised raising added adding cut cuts cutting shed sheds gained gains gain gaining".split())
# "a 5% rise", "a 3% fall" after the figure
CHANGE_RIGHT = re.compile(
    r"[\s\u00a0]+(?:(?P<up>rise|increase|jump|gain|growth|hike|rally|surge|climb|boost|uplift)|"
    r"(?P<down>fall|drop|decline|decrease|cut|reduction|slump|loss|dip|slide|plunge|contraction))\b",
    re.IGNORECASE,
)
QUALIFIER_RIGHT = re.compile(
    r"(?:(?P<more>\+|[\s-]plus\b|[\s\u00a0]+or[\s\u00a0]+(?:more|above|over|higher)\b)"
    r"|(?P<less>[\s\u00a0]+or[\s\u00a0]+(?:less|fewer|under|below)\b)|(?P<about>-odd\b|[\s\u00a0]+odd\b|[\s\u00a0]+or[\s\u00a0]+so\b))",
    re.IGNORECASE,
)

# Ranges: "10 to 15", "10-15", "between 10 and 15" ("and" only after "between").
RANGE_JOIN = re.compile(r"[\s\u00a0]*(?:(?P<dash>[-–—])|(?P<to>to)\b|(?P<and>and)\b)[\s\u00a0]*", re.IGNORECASE)
BETWEEN_LEFT = re.compile(r"\b(?:between|from)[\s\u00a0]+$", re.IGNORECASE)
FROM_LEFT = re.compile(r"\bfrom[\s\u00a0]+$", re.IGNORECASE)

MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
MONTH_BEFORE = re.compile(r"\b(?:" + MONTHS + r")\.?,?[\s\u00a0]+(?:the[\s\u00a0]+)?$", re.IGNORECASE)
MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?[\s\u00a0]+(?:of[\s\u00a0]+)?(?:" + MONTHS + r")\b\.?", re.IGNORECASE)
CLOCK_AFTER = re.compile(
    r"[\s\u00a0]?(?:[ap]\.?m\b\.?|o'clock|gmt|bst|cet|cest|utc|est|edt|pst|hrs\b|h\b|local time)", re.IGNORECASE
)
YEAR_LEFT = re.compile(
    r"\b(?:in|since|from|until|till|by|of|to|and|between|before|after|during|early|late|mid|year|circa|"
    r"around|spring|summer|autumn|fall|winter|the|than|or|season|fiscal|back|AD|BC)[\s\u00a0-]+$",
    re.IGNORECASE,
)
SCORE_CONTEXT = re.compile(
    r"\b(?:won|win|wins|winning|beat|beats|beating|lost|lose|loses|losing|drew|draw|draws|defeated|trail(?:ed|ing)?|"
    r"led|lead|leading|victory|defeat|thrashed|edged|scoreline|score)\b[\w\s'’]{0,30}$",
    re.IGNORECASE,
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
""".split())

STREET_AFTER = re.compile(r"[\s\u00a0]+[A-Z][a-z]+[\s\u00a0]+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Place|Drive)\b")

# Trigger words for the category of a bare count. The nearest one to the figure wins.
TRIGGERS = {
    "killed": "killed|kill|kills|killing|dead|died|die|dies|dying|death|deaths|death toll|fatalities|fatality|"
              "fatally|slain|murdered|executed|perished|lives|bodies|massacred|drowned",
    "injured": "injured|injuring|injuries|injures|wounded|wounding|hurt|hospitali[sz]ed|maimed",
    "missing": "missing|unaccounted",
    "displaced": "displaced|fled|flee|fleeing|flees|refugees|evacuated|evacuees|homeless|crossed into|"
                 "crossed the border|entered|asylum|evacuation",
    "arrested": "arrested|arrests|arrest|detained|detaining|detention|detentions|jailed|imprisoned|custody|"
                "captured|taken prisoner|prisoners|rounded up",
    "intercepted": "intercepted|intercept|intercepting|interceptions|shot down|shoot down|shooting down|downed|"
                   "neutrali[sz]ed|repelled|destroyed|destroying|thwarted|foiled",
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
TRIGGER_RE = re.compile(r"\b(" + "|".join(sorted(_trigger_words, key=len, reverse=True)) + r")\b", re.IGNORECASE)
TRIGGER_CATEGORIES = {w: tuple(c) for w, c in _trigger_words.items()}

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
""".split())
# Words that, right before "one", mean it is a pronoun or part of an idiom.
ONE_IDIOM_LEFT = frozenset("no any every some someone the which this that each anyone any-one no-one".split())

# Attribution: "according to X", "X said", "said X".
_SRC_WORD = r"[\w'’.]+(?:-[\w'’.]+)*"
ACCORDING_TO = re.compile(r"\baccording[\s\u00a0]+to[\s\u00a0]+((?:" + _SRC_WORD + r"[\s\u00a0]*){1,8}?)"
                          r"(?=[,.;:()\"“”]|[\s\u00a0][-–—]|$)", re.IGNORECASE)
_GROUP_SOURCES = (r"officials|police|authorities|ministry|military|army|spokesman|spokeswoman|spokesperson|sources|"
                  r"analysts|experts|prosecutors|investigators|doctors|rescuers|medics|researchers|scientists|"
                  r"government|governor|mayor|minister|statistics|figures|data|report|survey|study|estimates|agency")
_CAP_RUN = r"(?:(?:[A-Z][\w'’.\-]*|of|the|for)[\s\u00a0]+){0,6}"
SAID_AFTER = re.compile(
    r"(?<![\w'’])((?:[Tt]he[\s\u00a0]+)?" + _CAP_RUN + r"(?:(?:[a-z][\w'’\-]*[\s\u00a0]+){0,2}(?:" + _GROUP_SOURCES
    + r")|[A-Z][\w'’.\-]*))[\s\u00a0]+(?:said|says|claimed|claims|reported|reports|estimated|estimates|announced|"
    r"stated|confirmed|told|added|insisted|warned|showed|shows|found)\b"
)
SAID_BEFORE = re.compile(
    r"[,\"”][\s\u00a0]*(?:said|says|claimed|reported|added)[\s\u00a0]+((?:" + _SRC_WORD + r"[\s\u00a0]*){1,8}?)"
    r"(?=[,.;:\"“”]|[\s\u00a0][-–—]|$)"
)
