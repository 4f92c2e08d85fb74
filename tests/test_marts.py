"""The analyst's models (incidents, daily_incidents, speakers, figure_series, article_summary) on a
small hand-written warehouse: contract tables filled directly (not through extraction), the model
SQL files run in dependency order, numbers checked against hand-computed expectations."""
from __future__ import annotations

import datetime as dt
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb
import pytest

from pipeline.settings import PROJECT_ROOT
from pipeline.sql_models import discover_models
from pipeline.storage.schemas import TABLES, frame

D = dt.date
T = dt.datetime

ARTICLES = [
    # id, publisher, url, published_at
    ("A1", "Kyiv Independent", None, T(2025, 9, 8, 8, 0)),
    ("A2", "Reuters", None, T(2025, 9, 8, 12, 0)),
    ("A3", None, "https://www.apnews.com/article/x", T(2025, 9, 7, 22, 0)),  # publisher from the url
    ("A4", "Reuters", None, T(2025, 9, 9, 7, 0)),
    ("A5", "BBC", None, T(2025, 9, 20, 9, 0)),
]

# event_id, article, sub_event_type, actor, location, country, event_date, precision, fatalities, injuries
EVENTS = [
    # one drone strike on Kyiv told by three articles in different words -> ONE incident
    ("e1", "A1", "air_drone_strike", "Russia", "Kyiv", "UA", D(2025, 9, 7), "day", 2, 10),
    ("e2", "A2", "air_drone_strike", "Russian forces", "Kiev", "UA", None, None, 3, None),  # no date: published 09-08
    ("e3", "A3", "air_drone_strike", None, "KYIV", None, D(2025, 9, 7), "day", 4, 12),  # NULL actor, no country
    ("e3b", "A3", "air_drone_strike", "Moscow", "Kyiv city", "UA", D(2025, 9, 7), "day", 1, None),  # same article again
    # must NOT merge with it
    ("e4", "A4", "air_drone_strike", "Russia", "Kyiv", "UA", D(2025, 9, 9), "day", None, None),  # two days later
    ("e5", "A2", "shelling_artillery_missile_attack", "Russia", "Kyiv", "UA", D(2025, 9, 7), "day", None, None),
    ("e6", "A4", "air_drone_strike", "Russia", "Kharkiv", "UA", D(2025, 9, 7), "day", 5, None),  # other place
    ("e7", "A5", "air_drone_strike", "Ukraine", "Kyiv", "UA", D(2025, 9, 7), "day", None, None),  # other actor
    # transliteration + "Oblast" = "region": one incident
    ("e8", "A4", "shelling_artillery_missile_attack", None, "Kharkov Oblast", "UA", D(2025, 9, 8), "day", 0, None),
    ("e9", "A5", "shelling_artillery_missile_attack", "Russia", "Kharkiv region", "UA", D(2025, 9, 8), "day", 1, None),
    # diacritics + transliteration, both dated by their published day: one incident
    ("e10", "A1", "peaceful_protest", None, "Odessa", "UA", None, None, None, None),
    ("e11", "A2", "peaceful_protest", None, "Odésa", None, None, None, None, None),
    # no place: never merged
    ("e12", "A1", "diplomatic", "EU", None, None, D(2025, 9, 8), "day", None, None),
    ("e13", "A2", "diplomatic", "EU", None, None, D(2025, 9, 8), "day", None, None),
    # a month-precise date does not match a day-precise one
    ("e14", "A5", "armed_clash", "Russia", "Kyiv", "UA", D(2025, 9, 1), "month", None, None),
    ("e15", "A4", "armed_clash", "Russia", "Kyiv", "UA", D(2025, 9, 1), "day", None, None),
]
EVENT_TYPE = {"air_drone_strike": "explosions_remote_violence", "shelling_artillery_missile_attack":
              "explosions_remote_violence", "peaceful_protest": "protests", "diplomatic": "diplomacy",
              "armed_clash": "battles"}

# quote_id, article, speaker, title, affiliation, kind
QUOTES = [
    ("q1", "A1", "Volodymyr Zelenskyy", "President", "Ukraine", "direct"),
    ("q2", "A1", "Volodymyr Zelenskyy", None, None, "partial"),
    ("q3", "A2", "Volodymyr Zelenskyy", "Ukrainian President", "Ukraine", "indirect"),
    ("q4", "A5", "Volodymyr Zelenskyy", "President", None, "indirect"),
    ("q5", "A2", "Ukrainian military", None, None, "according_to"),
    ("q6", "A3", None, None, None, "direct"),  # no source: not a speaker
]

# figure_id, article, surface, value, value_max, qualifier, unit, object, category, attributed_to, event_id
FIGURES = [
    ("f1", "A1", "25 drones", 25, None, "=", None, "drones", "launched", "Ukrainian Air Force", "e1"),
    ("f2", "A2", "around 30 drones", 30, None, "~", None, "drones", "launched", "Ukrainian Air Force", "e2"),
    ("f3", "A3", "30-40 drones", 30, 40, "=", None, "Drones", "launched", "Kyiv city administration", "e3"),
    ("f4", "A1", "20", 20, None, "=", None, "drones", "intercepted", "Ukrainian Air Force", "e1"),
    ("f5", "A4", "two people", 2, None, "=", None, "people", "killed", None, None),
    ("f6", "A4", "one person", 1, None, "=", None, "person", "killed", "police", None),
    ("f7", "A1", "$5 million", 5e6, None, "=", "dollar", "aid", "money", None, None),  # not a count
    ("f8", "A2", "rose by 10", 10, None, "up", None, "drones", "launched", None, None),  # a change
]


def _contract_rows() -> dict[str, list[dict]]:
    articles = [dict(article_id=a, external_id=a, source_file="hand.jsonl", title=f"article {a}", url=url,
                     publisher=pub, published_at=ts, text="x" * 100, char_count=100,
                     ingested_at=T(2025, 9, 21), extra="{}", duplicate_external_ids=[])
                for a, pub, url, ts in ARTICLES]
    events = [dict(event_id=e, article_id=a, event_type=EVENT_TYPE[st], sub_event_type=st, actor=actor,
                   target=None, location=loc, country_code=cc, latitude=None, longitude=None, event_date=d,
                   date_precision=prec, fatalities=fat, injuries=inj, trigger="struck",
                   char_start=0, char_end=10, sentence_index=0)
              for e, a, st, actor, loc, cc, d, prec, fat, inj in EVENTS]
    quotes = [dict(quote_id=q, article_id=a, quote_text="words", kind=kind, speaker=sp, speaker_mention=sp,
                   speaker_title=title, speaker_affiliation=aff, cue="said", channel=None,
                   char_start=0, char_end=5, sentence_index=0)
              for q, a, sp, title, aff, kind in QUOTES]
    figures = [dict(figure_id=f, article_id=a, surface=s, value=float(v), value_max=None if vm is None else float(vm),
                    qualifier=q, unit=u, object=o, category=c, attributed_to=src, event_id=ev,
                    char_start=0, char_end=len(s), sentence_index=0)
               for f, a, s, v, vm, q, u, o, c, src, ev in FIGURES]
    return {"articles": articles, "rejected_inputs": [], "quotes": quotes, "figures": figures, "events": events}


def build_models(path: Path, rows: dict[str, list[dict]]) -> duckdb.DuckDBPyConnection:
    """Contract tables from `rows` (typed by the contract's schemas), then every sql/ model in
    dependency order, as the pipeline would run them."""
    con = duckdb.connect(str(path))
    for table, schema in TABLES.items():
        con.register("_rows", frame(schema, rows.get(table, [])).to_arrow())
        con.execute(f'CREATE TABLE "{table}" AS SELECT * FROM _rows')
        con.unregister("_rows")
    models = {m.name: m for m in discover_models(PROJECT_ROOT / "sql")}
    order = TopologicalSorter({n: m.reads & set(models) for n, m in models.items()}).static_order()
    for name in order:
        con.execute(f'CREATE TABLE "{name}" AS {models[name].sql}')
    return con


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    rel = con.sql(sql, params=params) if params else con.sql(sql)
    return rel.pl().to_dicts()


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    con = build_models(tmp_path_factory.mktemp("marts") / "w.duckdb", _contract_rows())
    yield con
    con.close()


def incident_of(con, event_id: str) -> str:
    return con.execute("SELECT incident_id FROM incident_events WHERE event_id = ?", [event_id]).fetchall()[0][0]


def test_every_event_has_exactly_one_incident(wh):
    rows = wh.execute("SELECT event_id, count(*) FROM incident_events GROUP BY 1").fetchall()
    assert sorted(e for e, _ in rows) == sorted(e[0] for e in EVENTS)
    assert all(n == 1 for _, n in rows)
    # the incidents' event counts add up to the events
    assert wh.execute("SELECT sum(events), count(*) FROM incidents").fetchall() == [(len(EVENTS), 11)]


def test_retold_drone_strike_is_one_incident_with_ranges(wh):
    inc = incident_of(wh, "e1")
    assert {incident_of(wh, e) for e in ("e2", "e3", "e3b")} == {inc}
    [row] = _dicts(wh, "SELECT * FROM incidents WHERE incident_id = ?", [inc])
    assert row["place"] == "Kyiv" and row["country_code"] == "UA"
    assert row["sub_event_type"] == "air_drone_strike"
    assert row["event_date"] == D(2025, 9, 7) and row["date_source"] == "event" and row["date_precision"] == "day"
    assert (row["events"], row["articles"], row["publishers"]) == (4, 3, 3)  # Kyiv Independent, Reuters, apnews.com
    assert row["first_reported_at"] == T(2025, 9, 7, 22, 0)
    assert row["last_reported_at"] == T(2025, 9, 8, 12, 0)
    # per article (its highest for the incident): A1 2, A2 3, A3 max(4, 1) = 4
    assert (row["fatalities"], row["fatalities_min"], row["fatalities_max"], row["fatalities_median"]) == (2, 2, 4, 3.0)
    assert row["fatality_reports"] == 3
    # A1 10, A2 none, A3 12
    assert (row["injuries_min"], row["injuries_max"], row["injuries_median"], row["injury_reports"]) == (10, 12, 11.0, 2)
    assert row["locations_written"] == ["KYIV", "Kiev", "Kyiv", "Kyiv city"]
    assert row["article_ids"] == ["A1", "A2", "A3"]


@pytest.mark.parametrize("event_id, why", [
    ("e4", "two days after the strike"),
    ("e5", "another sub-event type"),
    ("e6", "another place"),
    ("e7", "another actor"),
    ("e15", "another sub-event type"),
])
def test_different_events_do_not_merge_with_the_strike(wh, event_id, why):
    assert incident_of(wh, event_id) != incident_of(wh, "e1"), why


def test_transliterated_region_and_diacritics_merge(wh):
    assert incident_of(wh, "e8") == incident_of(wh, "e9")
    [row] = _dicts(wh, "SELECT * FROM incidents WHERE incident_id = ?", [incident_of(wh, "e8")])
    assert row["place"] == "Kharkiv region" and row["articles"] == 2
    assert (row["fatalities_min"], row["fatalities_max"], row["fatalities_median"]) == (0, 1, 0.5)
    assert incident_of(wh, "e8") != incident_of(wh, "e6")  # the region is not the city

    assert incident_of(wh, "e10") == incident_of(wh, "e11")
    [row] = _dicts(wh, "SELECT * FROM incidents WHERE incident_id = ?", [incident_of(wh, "e10")])
    assert row["place"] == "Odesa" and row["country_code"] == "UA"  # e11's missing country filled
    assert row["event_date"] == D(2025, 9, 8) and row["date_source"] == "published"
    assert row["fatalities"] is None and row["fatality_reports"] == 0


def test_events_without_place_or_with_other_precision_stay_apart(wh):
    assert incident_of(wh, "e12") != incident_of(wh, "e13")
    assert incident_of(wh, "e14") != incident_of(wh, "e15")
    singles = wh.execute("SELECT count(*) FROM incidents WHERE events = 1").fetchall()[0][0]
    assert singles == 8  # e4 e5 e6 e7 e12 e13 e14 e15
    assert wh.execute("SELECT count(*) FROM incidents WHERE articles > 1").fetchall()[0][0] == 3


def test_incident_ids_are_stable(tmp_path):
    a = build_models(tmp_path / "a.duckdb", _contract_rows())
    b = build_models(tmp_path / "b.duckdb", _contract_rows())
    q = "SELECT event_id, incident_id FROM incident_events ORDER BY event_id"
    assert a.execute(q).fetchall() == b.execute(q).fetchall()
    a.close()
    b.close()


def test_daily_incidents(wh):
    rows = wh.execute("""
        SELECT day, country_code, sub_event_type, incidents, multi_article_incidents, fatalities, fatalities_max,
               injuries, injuries_max
        FROM daily_incidents ORDER BY day, country_code NULLS LAST, sub_event_type""").fetchall()
    assert rows == [
        (D(2025, 9, 1), "UA", "armed_clash", 1, 0, 0, 0, 0, 0),  # e15 only: e14 is month-precise
        # the Kyiv strike (2..4 dead, 10..12 hurt), Kharkiv city (5 dead), the other actor's (none)
        (D(2025, 9, 7), "UA", "air_drone_strike", 3, 1, 7, 9, 10, 12),
        (D(2025, 9, 7), "UA", "shelling_artillery_missile_attack", 1, 0, 0, 0, 0, 0),
        (D(2025, 9, 8), "UA", "peaceful_protest", 1, 1, 0, 0, 0, 0),
        (D(2025, 9, 8), "UA", "shelling_artillery_missile_attack", 1, 1, 0, 1, 0, 0),
        (D(2025, 9, 8), None, "diplomatic", 2, 0, 0, 0, 0, 0),
        (D(2025, 9, 9), "UA", "air_drone_strike", 1, 0, 0, 0, 0, 0),
    ]


def test_speakers(wh):
    rows = {r["speaker"]: r for r in _dicts(wh, "SELECT * FROM speakers")}
    assert set(rows) == {"Volodymyr Zelenskyy", "Ukrainian military"}
    z = rows["Volodymyr Zelenskyy"]
    assert (z["quotes"], z["direct_quotes"], z["articles"], z["publishers"]) == (4, 1, 3, 3)
    assert z["first_seen"] == T(2025, 9, 8, 8, 0) and z["last_seen"] == T(2025, 9, 20, 9, 0)
    assert z["titles"] == ["President", "Ukrainian President"]
    assert z["affiliations"] == ["Ukraine"]
    # events of A1, A2 and A5
    assert z["sub_event_types"] == ["air_drone_strike", "armed_clash", "diplomatic", "peaceful_protest",
                                    "shelling_artillery_missile_attack"]
    m = rows["Ukrainian military"]
    assert (m["quotes"], m["articles"], m["publishers"], m["titles"]) == (1, 1, 1, None)
    assert m["sub_event_types"] == ["air_drone_strike", "diplomatic", "peaceful_protest",
                                    "shelling_artillery_missile_attack"]


def test_figure_series(wh):
    rows = _dicts(wh, "SELECT * FROM figure_series ORDER BY kind, day")
    assert [(r["kind"], r["day"], r["place"]) for r in rows] == [
        ("intercepted: drone", D(2025, 9, 7), "Kyiv"),
        ("killed: people", D(2025, 9, 9), None),  # not linked to an event: the published day
        ("launched: drone", D(2025, 9, 7), "Kyiv"),  # f2's event has no date: its incident's date
    ]
    killed, launched = rows[1], rows[2]
    assert (launched["figures"], launched["articles"]) == (3, 3)
    assert (launched["value_min"], launched["value_max"], launched["value_median"]) == (25, 40, 30)
    assert launched["sources"] == ["Kyiv city administration", "Ukrainian Air Force"]
    assert launched["country_code"] == "UA"
    assert (killed["figures"], killed["value_min"], killed["value_max"], killed["value_median"]) == (2, 1, 2, 1.5)
    assert killed["sources"] == ["police"]


def test_article_summary(wh):
    rows = {r["article_id"]: r for r in _dicts(wh, "SELECT * FROM article_summary")}
    a1 = rows["A1"]
    assert (a1["quotes"], a1["speakers"], a1["figures"], a1["events"]) == (2, 1, 3, 3)
    assert a1["fatalities"] == 2 and a1["injuries"] == 10
    assert rows["A3"]["quotes"] == 1 and rows["A3"]["speakers"] == 0


def test_models_build_on_an_empty_warehouse(tmp_path):
    con = build_models(tmp_path / "empty.duckdb", {})
    for model in ("incident_events", "incidents", "daily_incidents", "speakers", "figure_series"):
        assert con.execute(f'SELECT count(*) FROM "{model}"').fetchall() == [(0,)]
    con.close()


def test_model_headers_say_what_a_row_is():
    models = {m.name: m for m in discover_models(PROJECT_ROOT / "sql")}
    for name in ("incidents", "incident_events", "daily_incidents", "speakers", "figure_series", "article_summary"):
        assert models[name].description.startswith("One row per"), name
    assert models["incidents"].reads == {"incident_events"}
    assert models["daily_incidents"].reads == {"incidents"}
