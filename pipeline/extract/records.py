"""Record types the extractors return: one per row of the contract's tables.

Plain slotted dataclasses rather than pydantic models: millions are built per run and the
asset checks validate the finished tables, so per-record validation would only cost time.
Ids are assigned by the pipeline (`pipeline.extract.extract_article`), not by the extractors.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(slots=True)
class Quote:
    quote_text: str
    kind: str  # taxonomy.QUOTE_KINDS
    char_start: int
    char_end: int
    sentence_index: int
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_title: str | None = None
    speaker_affiliation: str | None = None
    cue: str | None = None
    channel: str | None = None


@dataclass(slots=True)
class Figure:
    surface: str
    value: float
    char_start: int
    char_end: int
    sentence_index: int
    value_max: float | None = None
    qualifier: str = "="  # taxonomy.QUALIFIERS
    unit: str | None = None
    object: str | None = None
    category: str = "count"  # taxonomy.FIGURE_CATEGORIES
    attributed_to: str | None = None
    # index into the same article's event list, set by the events extractor
    event_index: int | None = None


@dataclass(slots=True)
class Event:
    sub_event_type: str  # taxonomy.SUB_EVENT_TYPES
    event_type: str
    char_start: int
    char_end: int
    sentence_index: int
    trigger: str | None = None
    actor: str | None = None
    target: str | None = None
    location: str | None = None
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    event_date: dt.date | None = None
    date_precision: str | None = None  # taxonomy.DATE_PRECISIONS
    fatalities: int | None = None
    injuries: int | None = None
