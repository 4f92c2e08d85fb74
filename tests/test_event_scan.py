"""The fast scans of the events extractor find exactly what the plain regexes find."""
import random
import re

from pipeline.extract import event_lexicon as lx
from pipeline.extract import fast_regex

_GLUE = [" ", " ", " ", ", ", ". ", "-", "\n", "  ", "(", "'", "\"", "7", "; "]
_FILLER = "the of a army said on Monday over told set take mobile country general met rapid surge ghost".split()


def _texts(n: int, seed: int, extra: str = "") -> list[str]:
    """Random text made of the lexicon's own trigger phrases, filler words and punctuation, in all casings."""
    rnd = random.Random(seed)
    phrases = [x.replace("\\", "") for _, pat, _, _ in lx.TRIGGERS for x in re.findall(r"[a-z][a-z \-]+[a-z]", pat)]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.randint(1, 40)):
            w = rnd.choice(phrases) if rnd.random() < 0.5 else rnd.choice(_FILLER)
            r = rnd.random()
            w = w.upper() if r < 0.1 else w.capitalize() if r < 0.25 else w
            parts += [w, rnd.choice(_GLUE)]
        out.append(extra + "".join(parts))
    return out


def _found(matches) -> list:
    return [(m.span(), m.lastgroup) for m in matches]


def test_trigger_scan_finds_what_the_whole_regex_finds():
    # "ı", "ſ" and the Kelvin sign stand for i, s and k under IGNORECASE; "İ" lower-cases to two characters
    folded = [t.replace("i", "ı", 1).replace("s", "ſ", 2).replace("k", "\u212a") for t in _texts(100, 4)]
    for text in _texts(400, 1) + folded + ["", "x", "Strike", "İstanbul attacks " + "shelling " * 3, "ſhelled vandalıſed"]:
        assert _found(lx.trigger_matches(text)) == _found(lx.TRIGGER_RE.finditer(text)), text


def test_fast_words_is_the_plain_regex():
    patterns = [
        (r"\b(?:would|could|(?:is|are) (?:expected|set) to|threat(?:en(?:ed|s)?)? to|no)\s+(?:\w+\s+){0,2}$", re.I),
        (r"\b(?:government|spokes(?:wo)?man|defen[cs]e|un|eu|g7)\b", re.I),
        (r"\b(?:US|UK|EU|U\.S\.|NATO|Nato)\b", 0),
        (r"\bsuicide (?:bomb\w*|vests?)\b|\bblew (?:himself|herself) up\b", re.I),
        (r"\b(?:has|have)\s+(?:been\s+)?$|\bto have\s+$|\b(?:is|are)\s+$", re.I),
    ]
    rnd = random.Random(2)
    texts = _texts(150, 3) + ["He has been ", "they are ", "Spokeswoman", "İs ", "ſuicide bombs", "KING", "g7 un"]
    for pattern, flags in patterns:
        fast, plain = fast_regex.fast_words(pattern, flags), re.compile(pattern, flags)
        assert fast.pattern != plain.pattern
        for text in texts:
            for _ in range(5):
                a = rnd.randrange(len(text) + 1)
                b = rnd.randrange(a, len(text) + 1)
                assert _found(fast.finditer(text, a, b)) == _found(plain.finditer(text, a, b)), (pattern, text, a, b)


def test_fast_words_keeps_other_shapes_plain():
    for pattern in (r"(?:a|b)\b", r"\b(?P<x>war)\b", r"\b(?:war)*peace", r"\w+ing\b"):
        assert fast_regex.fast_words(pattern).pattern == pattern
