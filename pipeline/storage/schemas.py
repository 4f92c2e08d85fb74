"""Column types of the contract's tables, as Polars schemas (the single place they are defined)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

S, I, F = pl.String, pl.Int64, pl.Float64
TS = pl.Datetime("us")

ARTICLES = {
    "article_id": S, "external_id": S, "source_file": S, "title": S, "url": S, "publisher": S,
    "published_at": TS, "text": S, "char_count": I, "ingested_at": TS,
    "extra": S,  # JSON text; stored as DuckDB JSON
    "duplicate_external_ids": pl.List(S),
}
REJECTED_INPUTS = {"source_file": S, "external_id": S, "reason": S, "detail": S, "seen_at": TS}
QUOTES = {
    "quote_id": S, "article_id": S, "quote_text": S, "kind": S, "speaker": S, "speaker_mention": S,
    "speaker_title": S, "speaker_affiliation": S, "cue": S, "channel": S,
    "char_start": I, "char_end": I, "sentence_index": I,
}
FIGURES = {
    "figure_id": S, "article_id": S, "surface": S, "value": F, "value_max": F, "qualifier": S,
    "unit": S, "object": S, "category": S, "attributed_to": S, "event_id": S,
    "char_start": I, "char_end": I, "sentence_index": I,
}
EVENTS = {
    "event_id": S, "article_id": S, "event_type": S, "sub_event_type": S, "actor": S, "target": S,
    "location": S, "country_code": S, "latitude": F, "longitude": F, "event_date": pl.Date,
    "date_precision": S, "fatalities": I, "injuries": I, "trigger": S,
    "char_start": I, "char_end": I, "sentence_index": I,
}

# Table name -> schema, in the order they are written. Names are constants: never from input.
TABLES: dict[str, dict[str, pl.DataType]] = {
    "articles": ARTICLES,
    "rejected_inputs": REJECTED_INPUTS,
    "quotes": QUOTES,
    "figures": FIGURES,
    "events": EVENTS,
}
EXTRACTED = ("quotes", "figures", "events")
# Articles an extractor raised on: kept per article like the extracted rows, reported as rejections.
EXTRACTION_ERRORS = {"article_id": S, "error": S}
ID_COLUMN = {"articles": "article_id", "quotes": "quote_id", "figures": "figure_id", "events": "event_id"}


def frame(schema: dict[str, pl.DataType], rows: Sequence[dict[str, Any]]) -> pl.DataFrame:
    """A frame with exactly the schema's columns and types, also when `rows` is empty."""
    if not rows:
        return pl.DataFrame(schema=schema)
    return pl.DataFrame(rows, schema=schema, strict=False)
