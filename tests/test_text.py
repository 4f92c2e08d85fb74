"""Sentence boundaries shared by every extractor."""
from __future__ import annotations

import pytest

from pipeline.extract.text import Doc, split_sentences


@pytest.mark.parametrize("text, expected", [
    ("The dam held. Engineers were relieved.", ["The dam held.", "Engineers were relieved."]),
    ("Dr. Ines Moreau spoke. She left.", ["Dr. Ines Moreau spoke.", "She left."]),
    ("The U.N. envoy arrived on Sept. 4 at 9 a.m. local time.", ["The U.N. envoy arrived on Sept. 4 at 9 a.m. local time."]),
    ('"We are ready." The coach smiled.', ['"We are ready."', "The coach smiled."]),
    ("Prices rose 2.5 percent. Bread cost more.", ["Prices rose 2.5 percent.", "Bread cost more."]),
    ("Is it over? Nobody knows!", ["Is it over?", "Nobody knows!"]),
    ("First paragraph without a stop\nSecond paragraph", ["First paragraph without a stop", "Second paragraph"]),
    ("A lower case start. then the rest", ["A lower case start. then the rest"]),
    ("  \n\n  ", []),
    ("It rained.\n\nThen it stopped. ", ["It rained.", "Then it stopped."]),
    ('The approx. cost rose. Committees met. She quit!" Then: "No." (Later.) Fine.',
     ["The approx. cost rose.", "Committees met.", 'She quit!"', 'Then: "No." (Later.)', "Fine."]),
    ("Hello?!.. World.\u2028Next line", ["Hello?!..", "World.", "Next line"]),
    ("Gen. Ortiz met J. R. Vale at the U.S.A. embassy.", ["Gen. Ortiz met J. R. Vale at the U.S.A. embassy."]),
    ("Wait...\nwhat?", ["Wait...", "what?"]),
])
def test_split_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_doc_sentence_index():
    doc = Doc("One here. Two here.\nThree.")
    assert [doc.sentence_text(i) for i in range(3)] == ["One here.", "Two here.", "Three."]
    assert doc.sentence_index(0) == 0 and doc.sentence_index(12) == 1 and doc.sentence_index(21) == 2
    assert doc.sentence_index(9) == 0  # the space between sentences belongs to the one before
