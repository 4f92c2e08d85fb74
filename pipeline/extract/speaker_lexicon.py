"""Word lists for quote attribution: reporting verbs (with their inflections), the words a
speaker's noun phrase is made of (roles, organization heads, nationalities), and channels.

Kept as data so that the grammar in `speakers.py` and `quotes.py` stays small; every list is
general English news vocabulary, not tuned to one outlet.
"""
from __future__ import annotations

from pipeline.extract.text import trie_pattern

# Verbs that report speech and can take a clause ("X said (that) ...").
SAY_VERBS = """say tell add state declare announce claim warn insist explain note argue write tweet post
report confirm deny acknowledge admit assert suggest predict estimate caution stress emphasise emphasize
reiterate repeat recall reply respond answer ask allege contend maintain concede conclude indicate inform
assure promise vow pledge threaten urge complain reveal signal forecast boast joke quip recount testify
hint speculate observe remark comment continue believe fear hope think agree counter retort add
""".split()
# More verbs of saying (Levin's class 37.7 and neighbours), past tense only: their other forms are
# mostly nouns in news text ("reasons", "mentions", "guarantees").
PAST_SAY_VERBS = """proclaim confess disclose divulge mention opine posit reason surmise theorize theorise
concur clarify elaborate underscore swear guarantee reassure remind advise muse exclaim""".split()
# Verbs of the manner of speaking and of scolding or pleading (Levin's classes 37.3, 33, 37.1):
# they attribute a quotation ('"Go home," she shouted') but rarely introduce reported clauses.
MANNER_VERBS = """yell scream whisper mutter murmur snap sing groan sigh laugh chuckle sneer scoff scold chide
rebuke berate chastise lambaste implore plead beg inquire query interject interrupt rejoin protest
grumble gripe bemoan rave rail fume gasp hiss growl roar bellow holler thunder sob wail whine taunt
tease jeer cheer marvel recite cry gush lecture""".split()
# Verbs that give a document's words ('"...," the letter reads'): attribution of quotations only.
TEXT_VERBS = ("read",)
# Verbs that characterise with a quoted word or phrase ("called it a 'disaster'"): partial quotes only.
CHAR_VERBS = """call describe dub brand label term decry condemn denounce slam blast criticise criticize
praise hail mock lament cite chant shout accuse charge welcome dismiss reject applaud champion defend
vow pledge promise urge demand attack""".split()
# Verbs that report speech only when followed by "that" (otherwise they take an object).
THAT_ONLY = frozenset("""announce confirm reveal indicate inform agree fear hope think believe
acknowledge admit promise pledge vow threaten signal hint observe recall respond reply continue
answer ask joke quip comment remark counter retort forecast boast urge complain testify concede
conclude maintain emphasise emphasize stress reiterate repeat estimate proclaim confess disclose
divulge mention reason concur clarify elaborate underscore swear guarantee reassure remind advise muse""".split())

_IRREGULAR = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "writes", "writing", "written"),
    "think": ("thought", "thinks", "thinking"),
    "forecast": ("forecast", "forecasts", "forecasting"),
    "admit": ("admitted", "admits", "admitting"),
    "quip": ("quipped", "quips", "quipping"),
    "label": ("labelled", "labeled", "labels", "labelling", "labeling"),
    "brand": ("branded", "brands", "branding"),
    "counter": ("countered", "counters", "countering"),
    "signal": ("signalled", "signaled", "signals", "signalling", "signaling"),
    "post": ("posted", "posts", "posting"),
    "snap": ("snapped", "snaps", "snapping"),
    "sob": ("sobbed", "sobs", "sobbing"),
    "beg": ("begged", "begs", "begging"),
    "sing": ("sang", "sung", "sings", "singing"),
    "read": ("read", "reads", "reading"),
    "swear": ("swore", "sworn", "swears", "swearing"),
    "plead": ("pleaded", "pled", "pleads", "pleading"),
    "rebut": ("rebutted", "rebuts", "rebutting"),
    "interrupt": ("interrupted", "interrupts", "interrupting"),
}


def inflections(base: str) -> tuple[str, ...]:
    """Past, third person and -ing forms of a regular verb (irregular ones listed above)."""
    if base in _IRREGULAR:
        return _IRREGULAR[base]
    if base.endswith("e"):
        return base + "d", base + "s", base[:-1] + "ing"
    if base.endswith("y") and base[-2] not in "aeiou":
        return base[:-1] + "ied", base[:-1] + "ies", base + "ing"
    if base.endswith(("sh", "ch", "ss", "x")):
        return base + "ed", base + "es", base + "ing"
    if base in ("slam", "dub", "blast") and base != "blast":
        return base + base[-1] + "ed", base + "s", base + base[-1] + "ing"
    return base + "ed", base + "s", base + "ing"


# Base forms that follow a plural subject ("analysts say") and are rarely nouns.
BARE_FORMS = """say tell add warn argue insist believe claim suggest predict explain admit deny confirm
acknowledge assert allege contend maintain concede conclude indicate inform assure urge complain reveal
fear hope think agree stress emphasise emphasize recall""".split()


def _build() -> dict[str, tuple[str, bool]]:
    """form -> (base, is_say_verb)."""
    forms: dict[str, tuple[str, bool]] = {b: (b, True) for b in BARE_FORMS}
    for base in MANNER_VERBS:
        forms[inflections(base)[0]] = (base, False)  # past only: "protests", "cries" are nouns
    for base in TEXT_VERBS:
        for f in inflections(base)[:2]:
            forms[f] = (base, False)
    for base in CHAR_VERBS:
        for f in inflections(base):
            forms[f] = (base, False)
    for base in SAY_VERBS:
        for f in inflections(base):
            forms[f] = (base, True)
    for base in PAST_SAY_VERBS:
        forms[inflections(base)[0]] = (base, True)
    # a bare base form after a modal/plural subject is too ambiguous ("a report", "the post")
    return forms


CUE_FORMS = _build()


CUE_PATTERN = trie_pattern(list(CUE_FORMS) + ["according to", "According to"], space=" ")

PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "org", "we": "group", "i": "person"}

# Capitalised words that start a sentence or clause but are not part of a speaker's name.
BREAK_CAPS = frozenset("""But And Or So Yet Meanwhile However Then Also Earlier Later Speaking Asked In On At
After Before When While As If Yesterday Today Tonight This That These Those There Here Still Now Since
Although Though Because Instead Overall Separately Previously Elsewhere Following During Despite Under
Last Next Writing Responding Addressing Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December Why What How
Where Who Which With Regarding For From By To Of According Among Amid Against Asked He She They It We I You All There's It's That's Some Every Many Most""".split())

# Lower-case words that may sit inside a speaker's noun phrase.
DETERMINERS = frozenset("the a an his her its their our your my this that one some several many two three "
                        "four other another both all each most".split())
ROLE_HEADS = frozenset("""president minister secretary spokesman spokeswoman spokesperson official officials mayor
governor senator leader leaders chief head director adviser advisor ambassador chancellor pope patriarch
general commander prosecutor prosecutors lawyer lawyers attorney analyst analysts expert experts
correspondent editor reporter source sources representative representatives envoy diplomat diplomats
candidate nominee chairman chairwoman chair ceo founder executive economist economists professor
researcher researchers scientist scientists doctor doctors officer officers witness witnesses resident
residents aide aides manager narrator announcer host judge member members lawmaker lawmakers legislator
legislators counterpart deputy king queen prince premier commissioner inspector investigators investigator
observers activist activists campaigners protesters organisers organizers voters citizens people
survivor survivors victims relatives family mother father son daughter wife husband woman man
student students teacher worker workers farmers soldier soldiers troops fighters coach player
owner boss engineer nurse pilot driver farmer staffer staffers insiders insider strategist strategists pollster pollsters consultant
writer writers author authors historian historians columnist commentator commentators journalist journalists
blogger poet novelist actor actress singer musician artist comedian filmmaker producer anchor pundit pundits
scholar scholars academic lecturer physician surgeon psychologist psychiatrist pastor priest rabbi imam cleric
volunteer volunteers grandmother grandfather brother sister uncle aunt cousin neighbor neighbour neighbors
neighbours friend friends colleague colleagues partner widow widower veteran veterans contender challenger
incumbent rival opponent opponents supporter supporters critic critics backer backers ally allies donor donors
fan fans operative operatives surrogate surrogates delegate delegates congressman congresswoman councilman
councilwoman councillor councilor assemblyman assemblywoman trustee treasurer clerk sheriff detective agent
agents trooper firefighter firefighters paramedic paramedics rescuer rescuers employee employees parent parents
""".split())
ORG_HEADS = frozenset("""ministry military army navy government authorities administration office agency council
committee commission department service services forces police staff command kremlin pentagon
embassy parliament court company firm bank group union party campaign team headquarters regulator
regime cabinet board bureau institute organisation organization alliance coalition operator
observatory network newspaper paper broadcaster media channel website outlet station
inquiry report statement update study survey poll data figures""".split())
# Lower-case modifiers common in role phrases ("the foreign minister", "a senior defence official").
MODIFIERS = frozenset("""foreign defence defense interior health finance economy economic justice prime vice
senior former top regional local federal state national presidential intelligence military daily
press general chief deputy acting interim new outgoing incoming retired british american russian
ukrainian diplomatic political campaign security emergency civil public news private energy trade
european western eastern northern southern central international armed air naval border
executive assistant principal main leading nuclear human rights environment transport education
secretary-general commander-in-chief""".split())
NP_INNER = frozenset("of for at from in".split())  # allowed inside a phrase, never at its edges

NATIONALITY = {
    "ukrainian": "Ukraine", "russian": "Russia", "british": "Britain", "american": "United States",
    "us": "United States", "u.s.": "United States", "french": "France", "german": "Germany",
    "polish": "Poland", "israeli": "Israel", "iranian": "Iran", "chinese": "China", "estonian": "Estonia",
    "lithuanian": "Lithuania", "latvian": "Latvia", "belarusian": "Belarus", "turkish": "Turkey",
    "italian": "Italy", "spanish": "Spain", "japanese": "Japan", "indian": "India", "canadian": "Canada",
    "australian": "Australia", "dutch": "Netherlands", "swedish": "Sweden", "finnish": "Finland",
    "norwegian": "Norway", "danish": "Denmark", "hungarian": "Hungary", "czech": "Czech Republic",
    "slovak": "Slovakia", "romanian": "Romania", "moldovan": "Moldova", "georgian": "Georgia",
    "syrian": "Syria", "iraqi": "Iraq", "saudi": "Saudi Arabia", "egyptian": "Egypt", "korean": "Korea",
    "north korean": "North Korea", "south korean": "South Korea", "irish": "Ireland", "scottish": "Scotland",
    "welsh": "Wales", "english": "England", "european": "European Union", "palestinian": "Palestine",
    "lebanese": "Lebanon", "qatari": "Qatar", "mexican": "Mexico", "brazilian": "Brazil",
}
# Title words written before a name ("Prime Minister Yulia ...", "Gov. Mike ...").
TITLE_WORDS = frozenset("""President Prime Minister Mayor Governor Gov. Gov Senator Sen. Sen Rep. Rep Representative
Secretary Secretary-General General Gen. Gen Chancellor King Queen Prince Princess Pope Patriarch
Foreign Defence Defense Interior Health Finance Deputy Vice Chief Commander Admiral Rear Lt Lt. Col Col.
Colonel Major Maj. Captain Capt. Sergeant Sgt. Judge Justice Ambassador Spokesman Spokeswoman
Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Rev. Reverend Speaker Leader
Attorney Director Chairman Chairwoman Premier Commissioner Sheikh Archbishop Bishop Cardinal Emperor
Former Acting Interim Senior State Federal Supreme Opposition Labour Conservative Democratic Republican
Democrat Liberal Green""".split())
HONORIFICS = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sir Dame Prof Prof. Lord Lady".split())
# Capitalised words that end an organization or place name, not a person's.
ORG_CAPS = frozenset("""Ministry Office House Council Committee Commission Department Agency Service Services
Forces Force Army Navy Staff Command Government Administration Parliament Assembly Court Union Party
Group Bank Company Corporation Inc Ltd News Times Post Journal Press Agency Television Radio Network
University Institute Foundation Church Region Oblast City Street Square Palace Hall Cathedral
Kremlin Pentagon Guard Guards Police Council Organisation Organization Alliance Republic Federation
Kingdom States Nations Sea Ocean River Mountains Peninsula Airport Station Hospital School Centre Center
Times Telegraph Guardian Gazette Tribune Herald Daily Weekly Review Magazine Reuters Facebook Twitter
Instagram Telegram YouTube TikTok Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
February March April May June July August September October November December Brigade Battalion
Regiment Division Corps Fleet District County Province State Oblast Krai""".split())
# Where something was said: "said on Facebook", "in a statement", "told ABC News".
CHANNEL_NOUNS = frozenset("""statement interview post video address speech briefing conference letter message
tweet broadcast report update op-ed column blog email e-mail podcast call press-release release
communique communiqué note""".split())
PLATFORMS = frozenset("""Facebook Twitter X Telegram Instagram YouTube TikTok Truth Social Weibo LinkedIn
television TV radio""".split())
