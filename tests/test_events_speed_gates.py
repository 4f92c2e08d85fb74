"""Cheap gates in front of costly scans (events speed pass): a gate may only skip text where the
scan it guards cannot match."""
import json
from pathlib import Path

import pytest

from pipeline.extract import events

CORPUS = Path("/work/shared/corpora/ukraine_war_news_447.jsonl")


def _unresolved_gate_passes(seg: str) -> bool:
    return any(c in seg for c in events._UNRESOLVED_CUES)


@pytest.mark.parametrize("sentence", [
    "Shelling hit homes near Starychi overnight.",
    "The Starychi district was struck twice.",
    "Fighting for Marinka went on.",
    "Fights over Vuhledar continue, the city of Ostrov said.",
    "Troops entered the village of Nova Hrad on Monday.",
    "Officials in the Kupiansk oblast reported shelling.",
    "Nothing at all here.",
])
def test_unresolved_gate_own_sentences(sentence):
    if events._UNRESOLVED.search(sentence):
        assert _unresolved_gate_passes(sentence)


@pytest.mark.skipif(not CORPUS.exists(), reason="corpus not mounted")
def test_unresolved_gate_never_skips_a_match_in_a_corpus():
    texts = [json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8") if line.strip()][:200]
    for text in texts:
        for m in events._UNRESOLVED.finditer(text):
            assert _unresolved_gate_passes(m.group()), m.group()


def test_news_tense_fast_scan_as_the_plain_regex():
    import re

    plain = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|t|ng)\b|\b(?:is|are)\s+[a-z]+ing\b"
                       r"|\b(?:begins|starts|launches|says|warns|strikes|hits|meets|signs)\b")
    own = ["The minister has resigned.", "Troops are advancing.", "Talks begins today", "thesays", "He hits back",
           "This has been widely reported", "Army is", "Hassle is not it"]
    texts = own
    if CORPUS.exists():
        texts = own + [json.loads(line)["text"][:600] for line in CORPUS.open(encoding="utf-8") if line.strip()][:300]
    for t in texts:
        a, b = plain.search(t), events._NEWS_TENSE.search(t)
        assert (a is None) == (b is None), t
        if a:
            assert (a.start(), a.end()) == (b.start(), b.end()), t
