"""Quote extraction (placeholder until issue 3: direct quotes with a `said X` cue only)."""
from __future__ import annotations

import re

from pipeline.extract.records import Quote
from pipeline.extract.text import Doc

_QUOTED = re.compile(r"[\"“]([^\"“”\n]{2,}?)[\"”]")
_CUE = re.compile(r"\s*(?:(said|says|told|added|warned)\s+((?:[A-Z][\w'’-]+\s?){1,4})|((?:[A-Z][\w'’-]+\s?){1,4})\s+(said|says|told|added|warned))")


def extract_quotes(doc: Doc) -> list[Quote]:
    out: list[Quote] = []
    for m in _QUOTED.finditer(doc.text):
        cue = _CUE.match(doc.text, m.end())
        speaker = verb = None
        if cue:
            verb = cue.group(1) or cue.group(4)
            speaker = (cue.group(2) or cue.group(3) or "").strip() or None
        out.append(Quote(quote_text=m.group(1), kind="direct", char_start=m.start(1), char_end=m.end(1),
                         sentence_index=doc.sentence_index(m.start(1)), speaker=speaker,
                         speaker_mention=speaker, cue=verb))
    return out
