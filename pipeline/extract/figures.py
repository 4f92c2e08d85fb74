"""Figure extraction (placeholder until issue 4: plain digit numbers only)."""
from __future__ import annotations

import re

from pipeline.extract.records import Figure
from pipeline.extract.text import Doc

_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")


def extract_figures(doc: Doc) -> list[Figure]:
    out: list[Figure] = []
    for m in _NUMBER.finditer(doc.text):
        value = float(m.group().replace(",", ""))
        if 1900 <= value <= 2100 and "." not in m.group():
            continue  # most likely a year
        out.append(Figure(surface=m.group(), value=value, char_start=m.start(), char_end=m.end(),
                          sentence_index=doc.sentence_index(m.start())))
    return out
