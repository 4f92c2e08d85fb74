"""Pure extraction: article text and metadata in, contract rows out. No Dagster here.

Each extractor is a pure function of a `Doc`:
    quotes.extract_quotes(doc)            -> list[Quote]
    figures.extract_figures(doc)          -> list[Figure]
    events.extract_events(doc, figures)   -> list[Event] (and links figures to events)
`extract_article` runs all three and turns their records into rows with stable ids.
"""
from __future__ import annotations

import importlib

__all__ = ["Doc", "Event", "Figure", "Quote", "extract_article"]

_HOME = {"extract_article": "article", "Doc": "text", "Event": "records", "Figure": "records", "Quote": "records"}


def __getattr__(name: str):
    """The names above, imported on first use (PEP 562): the extractors compile their lexicons on
    import (about 0.35 s), which a process that only hands articles to worker processes never pays."""
    if name in _HOME:
        return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
