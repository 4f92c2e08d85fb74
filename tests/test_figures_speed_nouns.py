"""The set look-ups that classify the counted object's words (`figures._classify`) agree with the
noun regexes they stand for, on every word of the corpora and on made-up edge cases."""
import json
import re
from pathlib import Path

import pytest

from pipeline.extract import figure_lexicon as lex
from pipeline.extract import figures

_CORPORA = Path("/work/shared/corpora")


def _by_regex(word: str) -> frozenset[str]:
    return frozenset(k for k, rx in figures._NOUN_REGEXES if rx.fullmatch(word))


def test_every_noun_regex_has_word_forms():
    assert all(forms is not None for _, _, forms in figures._NOUN_FORMS)


@pytest.mark.parametrize("word", [
    "Missiles", "MISSILE", "missiles_", "armored", "armoured", "ArMoUrEd", "policemen", "Police", "pianists",
    "ists", "ers", "xers", "Xians", "x1ers", "Kelvin", "ſoldiers", "\u212aids", "tanks", "Tank", "cities",
    "city", "regions2", "Ukrainians", "fronts", "crew", "crews", "family", "families", "", "s", "boys",
])
def test_edge_words(word):
    assert figures._classify(word) == _by_regex(word)


@pytest.mark.skipif(not _CORPORA.exists(), reason="corpora not mounted")
def test_corpus_words():
    words: set[str] = set()
    for path in sorted(_CORPORA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    words.update(re.findall(r"\w+", json.loads(line).get("text") or ""))
    assert len(words) > 1000
    for w in words:
        assert figures._classify(w) == _by_regex(w), w


def test_word_forms_rejects_other_shapes():
    assert lex.word_forms(re.compile(r"\b(?:a.b)\b", re.I)) is None
    assert lex.word_forms(re.compile(r"\b(?:ab)\b")) is None
