"""Unit lexicon for figures: written unit forms -> the contract's normalized unit and category.

One table maps every spelling (singular, plural, abbreviation) to (unit, category), and one
compiled regex matches any of them right after a number, longest spelling first.
"""
from __future__ import annotations

import re

from pipeline.extract.numbers import GAP_CHARS, ignorecase_chars
from pipeline.extract.text import trie_pattern

# normalized unit -> (category, spellings). Spellings are lower case; matching ignores case
# (a lone capital letter glued to a number, "3G", is rejected by the extractor).
_UNITS: dict[str, tuple[str, tuple[str, ...]]] = {
    "percent": ("percent", ("%", "per cent", "percent", "pct", "per-cent", "pc")),
    "percentage point": ("percent", ("percentage points", "percentage point", "percentage-point", "pp", "ppts")),
    "basis point": ("percent", ("basis points", "basis point", "bps")),
    "dollar": ("money", ("us dollars", "dollars", "dollar", "usd")),
    "euro": ("money", ("euros", "euro", "eur")),
    "pound": ("money", ("pounds sterling", "pounds", "pound", "sterling", "gbp")),
    "penny": ("money", ("pence", "penny", "p")),
    "cent": ("money", ("cents", "cent")),
    "yen": ("money", ("yen", "jpy")),
    "yuan": ("money", ("yuan", "renminbi", "cny", "rmb")),
    "ruble": ("money", ("roubles", "rouble", "rubles", "ruble", "rub")),
    "zloty": ("money", ("zlotys", "zloty", "zlotych", "pln")),
    "hryvnia": ("money", ("hryvnias", "hryvnia", "hryvnias", "uah")),
    "rupee": ("money", ("rupees", "rupee", "inr")),
    "franc": ("money", ("swiss francs", "francs", "franc", "chf")),
    "krona": ("money", ("kronor", "krona", "kroner", "krone", "sek", "nok", "dkk")),
    "year": ("duration", ("years", "year", "yrs", "yr")),
    "month": ("duration", ("months", "month")),
    "week": ("duration", ("weeks", "week")),
    "day": ("duration", ("days", "day")),
    "hour": ("duration", ("hours", "hour", "hrs", "hr")),
    "minute": ("duration", ("minutes", "minute", "mins", "min")),
    "second": ("duration", ("seconds", "secs", "sec")),
    "decade": ("duration", ("decades", "decade")),
    "century": ("duration", ("centuries", "century")),
    "kilometer": ("distance", ("kilometres", "kilometers", "kilometre", "kilometer", "km", "kms")),
    "mile": ("distance", ("miles", "mile", "mi")),
    "meter": ("distance", ("metres", "meters", "metre", "meter")),
    "centimeter": ("distance", ("centimetres", "centimeters", "centimetre", "centimeter", "cm")),
    "millimeter": ("distance", ("millimetres", "millimeters", "millimetre", "millimeter", "mm")),
    "foot": ("distance", ("feet", "foot", "ft")),
    "inch": ("distance", ("inches", "inch")),
    "yard": ("distance", ("yards", "yard", "yds")),
    "nautical mile": ("distance", ("nautical miles", "nautical mile")),
    "square kilometer": ("other", ("square kilometres", "square kilometers", "square kilometre", "square kilometer",
                                   "sq km", "km2", "km²")),
    "square mile": ("other", ("square miles", "square mile", "sq miles")),
    "square meter": ("other", ("square metres", "square meters", "square metre", "square meter", "sq m", "m2", "m²")),
    "square foot": ("other", ("square feet", "square foot", "sq ft")),
    "hectare": ("other", ("hectares", "hectare", "ha")),
    "acre": ("other", ("acres", "acre")),
    "ton": ("other", ("tonnes", "tonne", "tons", "ton")),
    "kilogram": ("other", ("kilograms", "kilogrammes", "kilogram", "kilos", "kilo", "kg", "kgs")),
    "gram": ("other", ("grams", "grammes", "gram", "g")),
    "pound weight": ("other", ("lbs", "lb")),
    "milligram": ("other", ("milligrams", "milligrammes", "milligram", "mg")),
    "microgram": ("other", ("micrograms", "microgram", "mcg", "µg")),
    "ounce": ("other", ("ounces", "ounce", "oz")),
    "milliliter": ("other", ("millilitres", "milliliters", "millilitre", "milliliter", "ml")),
    "nanometer": ("distance", ("nanometres", "nanometers", "nanometre", "nanometer", "nm")),
    "micrometer": ("distance", ("micrometres", "micrometers", "microns", "micron")),
    "light year": ("distance", ("light years", "light-years", "light year", "light-year")),
    "decibel": ("other", ("decibels", "decibel", "db")),
    "part per million": ("other", ("parts per million", "ppm")),
    "joule": ("other", ("joules", "joule")),
    "kilojoule": ("other", ("kilojoules", "kilojoule", "kj")),
    "liter": ("other", ("litres", "liters", "litre", "liter")),
    "gallon": ("other", ("gallons", "gallon")),
    "barrel": ("other", ("barrels", "barrel", "bpd")),
    "cubic meter": ("other", ("cubic metres", "cubic meters", "cubic metre", "cubic meter", "bcm")),
    "celsius": ("other", ("degrees celsius", "degrees centigrade", "degrees c", "celsius", "°c", "c")),
    "fahrenheit": ("other", ("degrees fahrenheit", "degrees f", "fahrenheit", "°f", "f")),
    "degree": ("other", ("degrees", "degree", "°")),
    "hertz": ("other", ("hertz", "hz")),
    "megahertz": ("other", ("megahertz", "mhz")),
    "gigahertz": ("other", ("gigahertz", "ghz")),
    "megapixel": ("other", ("megapixels", "megapixel", "mp")),
    "horsepower": ("other", ("horsepower", "hp", "bhp")),
    "cubic centimeter": ("other", ("cc",)),
    "watt": ("other", ("watts", "watt")),
    "kilowatt": ("other", ("kilowatts", "kilowatt", "kw")),
    "megawatt": ("other", ("megawatts", "megawatt", "mw")),
    "gigawatt": ("other", ("gigawatts", "gigawatt", "gw")),
    "kilowatt hour": ("other", ("kilowatt hours", "kilowatt-hours", "kilowatt hour", "kwh")),
    "megawatt hour": ("other", ("megawatt hours", "megawatt-hours", "mwh")),
    "terawatt hour": ("other", ("terawatt hours", "terawatt-hours", "twh")),
    "volt": ("other", ("volts", "volt")),
    "byte": ("other", ("bytes", "byte")),
    "kilobyte": ("other", ("kilobytes", "kilobyte", "kb")),
    "megabyte": ("other", ("megabytes", "megabyte", "mb")),
    "gigabyte": ("other", ("gigabytes", "gigabyte", "gb")),
    "terabyte": ("other", ("terabytes", "terabyte", "tb")),
    "megabit per second": ("other", ("megabits per second", "mbps", "mbit/s")),
    "kilobit per second": ("other", ("kilobits per second", "kbps", "kbit/s")),
    "kilobit": ("other", ("kilobits", "kilobit")),
    "megabit": ("other", ("megabits", "megabit")),
    "kilometer per hour": ("other", ("kilometres per hour", "kilometers per hour", "km/h", "kph", "kmh")),
    "mile per hour": ("other", ("miles per hour", "mph")),
    "calorie": ("other", ("calories", "kcal")),
    "point": ("other", ("points", "point", "pts")),
    "times": ("other", ("times",)),
}

# Short spellings that are words or letters of their own ("p", "c", "mp", "ha"): a unit only when
# glued to the number ("50p", "35C", "5mp", "200ha").
_GLUED_ONLY = frozenset({"p", "c", "f", "pc", "mp", "hp", "cc", "g", "mi", "ha", "pp", "mb", "kb", "gb", "tb", "mw",
                         "gw", "kw", "°", "°c", "°f", "db", "nm", "oz", "kj"})

UNIT_OF: dict[str, tuple[str, str]] = {}
for _unit, (_cat, _spellings) in _UNITS.items():
    for _s in _spellings:
        UNIT_OF.setdefault(_s, (_unit, _cat))

CATEGORY_OF_UNIT: dict[str, str] = {u: c for u, (c, _) in _UNITS.items()}


_spaced = [s for s in UNIT_OF if s not in _GLUED_ONLY]
# A unit after a number: "5 km", "5km", "5-year", "5 per cent". The word must end there.
UNIT_AFTER = re.compile(
    r"(?:(?P<glued>" + trie_pattern(UNIT_OF) + r")|[\s\u00a0-]{1,2}(?P<spaced>" + trie_pattern(_spaced) + r"))(?![\w°])",
    re.IGNORECASE,
)
# Every character UNIT_AFTER can start with (a spelling's first character in any case IGNORECASE
# allows, or the space or dash before a spaced unit): a cheap first test before the regex.
UNIT_FIRST_CHARS = ignorecase_chars("".join({s[0] for s in UNIT_OF})) | GAP_CHARS

# Short units that are unambiguous in capitals even after a space: "12,600 MW", "40 GB".
UNIT_UPPER_AFTER = re.compile(r"[\s\u00a0](MW|GW|KW|kW|GB|MB|KB|TB|TWh|GWh|MWh|kWh|dB|HP|CC)(?![\w°])")

# Currency written before the number ("$5", "US$5", "€5", "PLN 6.5"), with its unit.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "dollar", "us$": "dollar", "a$": "dollar", "c$": "dollar", "nz$": "dollar", "hk$": "dollar",
    "s$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₹": "rupee", "₽": "ruble", "₴": "hryvnia",
    "usd": "dollar", "eur": "euro", "gbp": "pound", "pln": "zloty", "uah": "hryvnia", "rub": "ruble",
    "jpy": "yen", "cny": "yuan", "rmb": "yuan", "chf": "franc", "inr": "rupee", "rs": "rupee",
    "rs.": "rupee", "zł": "zloty",
}
_CURRENCY_SIGNS = "$€£¥₹₽₴"
_CURRENCY_CODES = "USD|EUR|GBP|PLN|UAH|RUB|JPY|CNY|RMB|CHF|INR|Rs\\.?"
CURRENCY_BEFORE = re.compile(
    r"(?:\b(?:US|A|C|NZ|HK|S)\$|[" + _CURRENCY_SIGNS + r"]|\b(?:" + _CURRENCY_CODES + r")\s?)$"
)
# What a CURRENCY_BEFORE match ends with before its optional space: a sign, a code's last letter,
# the period of "Rs." (a cheap first test before the search).
CURRENCY_LAST_CHARS = frozenset(_CURRENCY_SIGNS + ".") | {
    code.removesuffix(r"\.?")[-1] for code in _CURRENCY_CODES.split("|")}
