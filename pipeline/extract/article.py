"""`extract_article`: the three extractors over one article, their records as table rows with stable ids."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from pipeline.extract.events import extract_events
from pipeline.extract.figures import extract_figures
from pipeline.extract.quotes import extract_quotes
from pipeline.extract.records import Event, Figure, Quote
from pipeline.extract.text import Doc


def _row_maker(cls, id_column: str, drop: tuple[str, ...] = (), tail: tuple[str, ...] = ()):
    """`f(record, row_id, article_id, *tail) -> row dict`: the id, the article id, the record's
    fields in order except those in `drop`, then the `tail` columns with the values given last.

    Generated as one dict display (as `dataclasses` generates `__init__`): about 3x faster than
    zipping names with an attrgetter's tuple and copying that dict into the row, and rows are
    built by the million. Record fields are scalars, so no deep copy (`asdict`) is needed.
    """
    names = [f.name for f in dataclasses.fields(cls) if f.name not in drop]
    items = [f"{id_column!r}: row_id", "'article_id': article_id"]
    items += [f"{n!r}: r.{n}" for n in names] + [f"{t!r}: {t}" for t in tail]
    src = f"lambda r, row_id, article_id{''.join(', ' + t for t in tail)}: {{{', '.join(items)}}}"
    return eval(src)  # noqa: S307 - the source is built from dataclass field names only


_quote_row = _row_maker(Quote, "quote_id")
# a figure's event_index (into this article's events) becomes the event's id
_figure_row = _row_maker(Figure, "figure_id", drop=("event_index",), tail=("event_id",))
_event_row = _row_maker(Event, "event_id")


def extract_article(
    article_id: str, text: str, published_at: dt.datetime | None = None, title: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Rows for the `quotes`, `figures` and `events` tables of one article."""
    doc = Doc(text=text, published_at=published_at, title=title)
    quotes = extract_quotes(doc)
    figures = extract_figures(doc)
    events = extract_events(doc, figures)

    event_ids = [f"{article_id}-e{i}" for i in range(len(events))]
    n_events = len(event_ids)
    figure_rows = []
    for i, f in enumerate(figures):
        ev = f.event_index
        figure_rows.append(_figure_row(f, f"{article_id}-f{i}", article_id,
                                       event_ids[ev] if ev is not None and 0 <= ev < n_events else None))
    return {
        "quotes": [_quote_row(q, f"{article_id}-q{i}", article_id) for i, q in enumerate(quotes)],
        "figures": figure_rows,
        "events": [_event_row(e, event_ids[i], article_id) for i, e in enumerate(events)],
    }
