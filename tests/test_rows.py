"""Rows built by `extract_article`: every contract column, ids, figure-to-event links."""
from __future__ import annotations

import datetime as dt

from pipeline.extract.article import _figure_row, extract_article
from pipeline.extract.records import Figure
from pipeline.storage.schemas import TABLES

TEXT = ("Shelling killed 12 civilians and wounded 30 in the town of Izium on Monday, officials said. "
        '"We have no water," a resident told reporters. Police said 4 people were arrested.')


def test_rows_have_exactly_the_contract_columns():
    out = extract_article("art", TEXT, dt.datetime(2024, 3, 5), "Title")
    assert out["quotes"] and out["figures"] and out["events"]
    for table, rows in out.items():
        prefix = {"quotes": "q", "figures": "f", "events": "e"}[table]
        for i, row in enumerate(rows):
            assert set(row) == set(TABLES[table])
            assert row[next(iter(TABLES[table]))] == f"art-{prefix}{i}"  # the id column comes first
            assert row["article_id"] == "art"
    event_ids = {e["event_id"] for e in out["events"]}
    assert all(f["event_id"] is None or f["event_id"] in event_ids for f in out["figures"])


def test_figure_row_order_and_event_id():
    fig = Figure("5", 5.0, 1, 2, 0, event_index=0)
    row = _figure_row(fig, "a-f0", "a", "a-e0")
    assert list(row)[:3] == ["figure_id", "article_id", "surface"]
    assert list(row)[-1] == "event_id" and row["event_id"] == "a-e0" and "event_index" not in row
