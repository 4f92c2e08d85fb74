"""Event extraction (placeholder until issue 5: a handful of trigger words)."""
from __future__ import annotations

import re

from pipeline.extract.records import Event, Figure
from pipeline.extract.text import Doc
from pipeline.taxonomy import SUB_EVENT_TYPES

_TRIGGERS = {
    r"\b(?:drone|air) ?strikes?\b": "air_drone_strike",
    r"\bshell(?:ed|ing)\b": "shelling_artillery_missile_attack",
    r"\bintercepted\b|\bshot down\b": "disrupted_weapons_use",
    r"\barrested\b": "arrests",
    r"\bprotest(?:ed|ers|s)?\b": "peaceful_protest",
}
_TRIGGER = re.compile("|".join(f"({p})" for p in _TRIGGERS), re.IGNORECASE)
_SUBS = list(_TRIGGERS.values())


def extract_events(doc: Doc, figures: list[Figure]) -> list[Event]:
    out: list[Event] = []
    seen: set[tuple[int, str]] = set()
    for m in _TRIGGER.finditer(doc.text):
        sub = _SUBS[m.lastindex - 1]
        idx = doc.sentence_index(m.start())
        if (idx, sub) in seen:
            continue
        seen.add((idx, sub))
        s, e = doc.sentences[idx] if doc.sentences else (0, len(doc.text))
        out.append(Event(sub_event_type=sub, event_type=SUB_EVENT_TYPES[sub], char_start=s, char_end=e,
                         sentence_index=idx, trigger=m.group()))
    return out
