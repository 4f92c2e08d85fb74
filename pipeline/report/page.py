"""The analyst's report: one self-contained HTML page (Vega-Lite charts via Altair, JS inlined).

Pure: a DuckDB connection in, an HTML string out. Every section copes with a missing or empty
table by saying "no data" instead of drawing a chart.
"""
from __future__ import annotations

import datetime as dt
import functools
import html
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import duckdb
import polars as pl

from pipeline.settings import user_cache_dir
from pipeline.storage.duckdb_io import scalar, table_exists

TOP_PLACES = 20
TOP_SPEAKERS = 15
TOP_SERIES = 6
# figure kinds worth a series first; others fill the remaining slots by number of reports
PREFERRED_CATEGORIES = ("killed", "injured", "launched", "intercepted", "displaced", "missing", "arrested")


@functools.lru_cache(maxsize=1)
def vega_javascript() -> str:
    """Vega, Vega-Lite and vega-embed as one script (shipped by the vl-convert-python package).

    Bundling takes over a second, so the script is kept on disk per vl-convert and Vega-Lite
    version: a nightly run with nothing new should not spend most of its time here."""
    import vl_convert

    try:
        from altair.utils._importers import vl_version_for_vl_convert

        version = vl_version_for_vl_convert()
    except Exception:  # noqa: BLE001 - a private helper; the bundle's default version also works
        version = None
    cached = user_cache_dir() / f"vega-bundle-{getattr(vl_convert, '__version__', 'x')}-{version}.js"
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    js = vl_convert.javascript_bundle(vl_version=version).replace("</script", "<\\/script")
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        tmp.write_text(js, encoding="utf-8")
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only home only costs the bundling time
    return js


def _frame(con: duckdb.DuckDBPyConnection, sql: str, needs: tuple[str, ...], params: list | None = None) -> pl.DataFrame | None:
    """The query's rows, or None when a table it needs is missing."""
    if not all(table_exists(con, t) for t in needs):
        return None
    return con.sql(sql, params=params).pl() if params else con.sql(sql).pl()


def _jsonable(df: pl.DataFrame) -> pl.DataFrame:
    """Dates and times as ISO strings, lists as text: what a Vega-Lite spec can carry."""
    out = []
    for name, dtype in df.schema.items():
        col = pl.col(name)
        if dtype == pl.Date or isinstance(dtype, pl.Datetime):
            out.append(col.cast(pl.String))
        elif isinstance(dtype, pl.List):
            out.append(col.list.join(", "))
        elif isinstance(dtype, pl.Decimal) or dtype in (pl.Int128, pl.UInt64, pl.UInt128):
            out.append(col.cast(pl.Float64))  # SUM() of integers is HUGEINT: a Decimal in Polars
        else:
            out.append(col)
    return df.select(out)


@dataclass
class Section:
    title: str
    intro: str
    chart: alt.TopLevelMixin | None = None
    table_html: str = ""
    empty: str = ""  # the "no data" message, when there is nothing to show


@dataclass
class Report:
    title: str
    sections: list[Section] = field(default_factory=list)
    summary: list[tuple[str, Any]] = field(default_factory=list)

    @property
    def chart_count(self) -> int:
        return sum(1 for s in self.sections if s.chart is not None)


def html_table(df: pl.DataFrame, headers: dict[str, str] | None = None, width: int = 80) -> str:
    headers = headers or {}

    def cell(v: Any) -> str:
        if v is None:
            return ""
        if isinstance(v, float):
            s = f"{v:,.0f}" if v == int(v) else f"{v:,.1f}"
        elif isinstance(v, int):
            s = f"{v:,}"
        elif isinstance(v, list):
            s = ", ".join(str(x) for x in v if x is not None)
        else:
            s = str(v)
        return html.escape(s if len(s) <= width else s[: width - 1] + "…")

    head = "".join(f"<th>{html.escape(headers.get(c, c))}</th>" for c in df.columns)
    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in df.iter_rows())
    return f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


# ---------------------------------------------------------------- sections

def incidents_per_day(con: duckdb.DuckDBPyConnection) -> Section:
    s = Section("Incidents per day, by type",
                "Events reported by several articles count once (one incident). Only incidents dated to a day.")
    df = _frame(con, """
        SELECT day, event_type, sub_event_type, CAST(sum(incidents) AS BIGINT) AS incidents,
               CAST(sum(fatalities) AS BIGINT) AS fatalities
        FROM daily_incidents WHERE day IS NOT NULL GROUP BY ALL ORDER BY day""", ("daily_incidents",))
    if df is None or df.is_empty():
        s.empty = "no data: no dated incidents yet."
        return s
    # draw the period the articles cover (from a month before the first one): an article that
    # mentions a date decades back would otherwise squeeze every bar into one corner
    first = _frame(con, "SELECT CAST(min(published_at) AS DATE) - INTERVAL 30 DAY AS d FROM articles", ("articles",))
    start = first["d"][0] if first is not None and first.height and first["d"][0] is not None else None
    if start is not None:
        start = start.date() if isinstance(start, dt.datetime) else start
        earlier = df.filter(pl.col("day") < start)
        if earlier.height and earlier.height < df.height:
            s.intro += (f" {int(earlier['incidents'].sum()):,} incidents dated before {start} (history the articles "
                        "recall) are counted in the table but not drawn.")
            df_chart = df.filter(pl.col("day") >= start)
        else:
            df_chart = df
    else:
        df_chart = df
    span = (df_chart["day"].max() - df_chart["day"].min()).days
    unit, label = ("yearmonthdate", "day") if span <= 120 else (("yearweek", "week") if span <= 730 else ("yearmonth", "month"))
    if unit != "yearmonthdate":
        s.intro += f" The period drawn spans {span:,} days, so bars are per {label}."
    s.chart = alt.Chart(_jsonable(df_chart)).mark_bar().encode(
        x=alt.X(f"{unit}(day):T", title=label),
        y=alt.Y("sum(incidents):Q", title="incidents"),
        color=alt.Color("event_type:N", title="event type"),
        tooltip=[alt.Tooltip(f"{unit}(day):T", title=label), "event_type:N",
                 alt.Tooltip("sum(incidents):Q", title="incidents"),
                 alt.Tooltip("sum(fatalities):Q", title="fatalities (lowest)")],
    ).properties(width="container", height=260)
    totals = df.group_by("event_type").agg(pl.col("incidents").sum(), pl.col("fatalities").sum()).sort(
        "incidents", descending=True)
    s.table_html = html_table(totals, {"event_type": "event type", "fatalities": "fatalities (lowest)"})
    return s


def places_with_fatalities(con: duckdb.DuckDBPyConnection) -> Section:
    s = Section("Places with fatalities",
                "Per place: incidents with a fatality figure, the sum of each incident's lowest report "
                "(as ACLED codes) and of its highest, and injuries.")
    df = _frame(con, """
        SELECT coalesce(place, '(no place)') AS place, country_code,
               count(*) AS incidents,
               CAST(sum(fatalities_min) AS BIGINT) AS fatalities,
               CAST(sum(fatalities_max) AS BIGINT) AS fatalities_max,
               CAST(coalesce(sum(injuries_min), 0) AS BIGINT) AS injuries,
               CAST(sum(articles) AS BIGINT) AS reports,
               min(event_date) AS first_day, max(event_date) AS last_day
        FROM incidents WHERE fatalities_max > 0
        GROUP BY ALL ORDER BY fatalities DESC, fatalities_max DESC, place LIMIT ?""",
                ("incidents",), [TOP_PLACES])
    if df is None or df.is_empty():
        s.empty = "no data: no incident reports a fatality."
        return s
    data = _jsonable(df).with_columns(label=pl.format("{} ({})", "place", pl.col("country_code").fill_null("?")))
    top = max(int(data["fatalities_max"].max() or 1), 1)
    ticks = [0] + [10 ** k for k in range(0, len(str(top)) + 1) if 10 ** k <= top * 10][: 8]
    bars = alt.Chart(data).encode(
        y=alt.Y("label:N", sort=data["label"].to_list(), title=None),
        tooltip=["place:N", "country_code:N", "incidents:Q", alt.Tooltip("fatalities:Q", title="fatalities (lowest)"),
                 alt.Tooltip("fatalities_max:Q", title="fatalities (highest)"), "injuries:Q"],
    )
    s.chart = alt.layer(
        bars.mark_bar(color="#f4a3a3").encode(x=alt.X(
            "fatalities_max:Q", scale=alt.Scale(type="symlog"), axis=alt.Axis(values=ticks, format=",d"),
            title="fatalities: lowest report (dark) to highest (light), symlog scale")),
        bars.mark_bar(color="#c0392b").encode(x="fatalities:Q"),
    ).properties(width="container", height=max(80, 22 * data.height))
    s.table_html = html_table(df, {"country_code": "country", "fatalities": "fatalities (lowest)",
                                   "fatalities_max": "fatalities (highest)", "reports": "articles",
                                   "first_day": "first", "last_day": "last"})
    return s


def top_incidents(con: duckdb.DuckDBPyConnection) -> Section:
    s = Section("Incidents reported by the most articles",
                "Events told by several articles, merged into one incident; the spellings each used are kept.")
    df = _frame(con, """
        SELECT event_date, sub_event_type, place, country_code, actor, articles, publishers,
               fatalities_min, fatalities_max, locations_written
        FROM incidents WHERE articles > 1
        ORDER BY articles DESC, event_date DESC NULLS LAST, incident_id LIMIT 15""", ("incidents",))
    if df is None or df.is_empty():
        s.empty = "no data: no event was reported by more than one article."
        return s
    s.table_html = html_table(df, {"event_date": "date", "sub_event_type": "type", "country_code": "country",
                                   "fatalities_min": "fatalities (lowest)", "fatalities_max": "(highest)",
                                   "locations_written": "place as written"})
    return s


def quoted_speakers(con: duckdb.DuckDBPyConnection) -> Section:
    s = Section("Most quoted speakers", "Quotes per resolved speaker, with the number of articles quoting them.")
    df = _frame(con, """
        SELECT speaker, quotes, articles, publishers, titles, affiliations
        FROM speakers ORDER BY quotes DESC, articles DESC, speaker LIMIT ?""", ("speakers",), [TOP_SPEAKERS])
    if df is None or df.is_empty():
        s.empty = "no data: no attributed quotes."
        return s
    data = _jsonable(df)
    s.chart = alt.Chart(data).mark_bar(color="#2e86c1").encode(
        x=alt.X("quotes:Q", title="quotes"),
        y=alt.Y("speaker:N", sort="-x", title=None),
        tooltip=["speaker:N", "quotes:Q", "articles:Q", "titles:N", "affiliations:N"],
    ).properties(width="container", height=max(80, 22 * data.height))
    s.table_html = html_table(df)
    return s


def figure_series_section(con: duckdb.DuckDBPyConnection) -> Section:
    s = Section("Reported figures over time",
                "For the most reported kinds of figure: per day, the range across reports (line) and the median (dot).")
    kinds = _frame(con, """
        SELECT kind, category, CAST(sum(figures) AS BIGINT) AS figures
        FROM figure_series WHERE day IS NOT NULL GROUP BY ALL""", ("figure_series",))
    if kinds is None or kinds.is_empty():
        s.empty = "no data: no dated figures."
        return s
    ranked = kinds.with_columns(
        preferred=pl.col("category").is_in(list(PREFERRED_CATEGORIES))
    ).sort(["preferred", "figures", "kind"], descending=[True, True, False])
    chosen = ranked["kind"].head(TOP_SERIES).to_list()
    df = _frame(con, """
        SELECT kind, day, coalesce(place, 'unknown place') AS place, figures, articles,
               value_min, value_max, value_median, sources
        FROM figure_series WHERE day IS NOT NULL AND list_contains(?, kind) ORDER BY kind, day""",
                ("figure_series",), [chosen])
    data = _jsonable(df)
    base = alt.Chart().encode(
        x=alt.X("day:T", title=None, axis=alt.Axis(format="%Y-%m-%d", labelAngle=-30)),
        tooltip=["kind:N", "day:T", "place:N", "value_min:Q", "value_max:Q", "value_median:Q",
                 "figures:Q", "sources:N"],
    )
    layered = alt.layer(
        base.mark_rule(strokeWidth=2).encode(y=alt.Y("value_min:Q", title="value (symlog)", scale=alt.Scale(type="symlog")),
                                             y2="value_max:Q", color=alt.Color("kind:N", legend=None)),
        base.mark_point(filled=True, size=50).encode(y="value_median:Q", color=alt.Color("kind:N", legend=None)),
        data=data,
    ).properties(width=640, height=120)
    s.chart = layered.facet(row=alt.Row("kind:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
                            ).resolve_scale(y="independent")
    s.table_html = html_table(
        df.group_by("kind").agg(pl.len().alias("days and places"), pl.col("figures").sum(),
                                pl.col("value_min").min(), pl.col("value_max").max()).sort("figures", descending=True))
    return s


SECTIONS: tuple[Callable[[duckdb.DuckDBPyConnection], Section], ...] = (
    incidents_per_day, places_with_fatalities, top_incidents, quoted_speakers, figure_series_section,
)


def build_report(con: duckdb.DuckDBPyConnection, title: str = "news-warehouse report") -> Report:
    report = Report(title)
    for table, label in (("articles", "articles"), ("events", "events"), ("incidents", "incidents"),
                         ("quotes", "quotes"), ("figures", "figures")):
        if table_exists(con, table):
            report.summary.append((label, scalar(con, f'SELECT count(*) FROM "{table}"')))
    if table_exists(con, "incidents"):
        merged = scalar(con, "SELECT count(*) FROM incidents WHERE articles > 1")
        report.summary.append(("incidents told by 2+ articles", merged))
    report.sections = [make(con) for make in SECTIONS]
    return report


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:980px;padding:1rem 1.5rem;color:#222}
h1{margin-bottom:.2rem} .sub{color:#666;margin-top:0}
.summary{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
.summary div{background:#f3f5f7;border-radius:6px;padding:.5rem .8rem}
.summary b{display:block;font-size:1.3rem}
section{margin:2rem 0} .chart{width:100%} .empty{color:#888;font-style:italic}
table.data{border-collapse:collapse;font-size:.85rem;margin-top:.8rem;width:100%}
table.data th,table.data td{border-bottom:1px solid #e3e3e3;padding:.25rem .4rem;text-align:left;vertical-align:top}
table.data th{background:#fafafa}
"""


def _script_json(spec: dict) -> str:
    # JSON inside <script>: no "</script>" or "<!--" can appear when "<" is escaped
    return json.dumps(spec, separators=(",", ":")).replace("<", "\\u003c")


def render_html(report: Report, generated_at: dt.datetime | None = None) -> str:
    generated_at = generated_at or dt.datetime.now(dt.timezone.utc)
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(report.title)}</title><style>{_CSS}</style>",
    ]
    if report.chart_count:
        parts.append(f'<script type="text/javascript">{vega_javascript()}</script>')
    parts += ["</head><body>", f"<h1>{html.escape(report.title)}</h1>",
              f'<p class="sub">Generated {generated_at:%Y-%m-%d %H:%M} UTC from the warehouse tables and models.</p>',
              '<div class="summary">']
    parts += [f"<div><b>{v:,}</b>{html.escape(k)}</div>" for k, v in report.summary]
    parts.append("</div>")
    embeds = []
    for i, s in enumerate(report.sections):
        parts.append(f'<section id="section-{i}"><h2>{html.escape(s.title)}</h2><p>{html.escape(s.intro)}</p>')
        if s.empty:
            parts.append(f'<p class="empty">{html.escape(s.empty)}</p>')
        if s.chart is not None:
            parts.append(f'<div class="chart" id="chart-{i}" data-title="{html.escape(s.title)}"></div>')
            embeds.append((f"chart-{i}", s.chart.to_dict()))
        parts.append(s.table_html)
        parts.append("</section>")
    if embeds:
        calls = ",\n".join(f"vegaEmbed({json.dumps('#' + div)}, {_script_json(spec)}, opts)" for div, spec in embeds)
        parts.append(
            '<script type="text/javascript">\n'
            'const opts = {renderer: "svg", actions: false};\n'
            f"Promise.all([\n{calls}\n]).then(() => document.body.setAttribute('data-charts', 'rendered'))"
            ".catch(err => { console.error(err); document.body.setAttribute('data-charts', 'error: ' + err); });\n"
            "</script>")
    parts.append("</body></html>")
    return "\n".join(parts)


def render_report(con: duckdb.DuckDBPyConnection, title: str = "news-warehouse report") -> str:
    """The whole page for the warehouse behind `con`."""
    return render_html(build_report(con, title))


def write_report(con: duckdb.DuckDBPyConnection, out: os.PathLike[str] | str) -> Report:
    """Render and write the page atomically (a reader never sees half a file); returns what was drawn."""
    from pathlib import Path

    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    report = build_report(con)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(render_html(report), encoding="utf-8")
    os.replace(tmp, path)
    return report


def write_report_for(warehouse: os.PathLike[str] | str, out: os.PathLike[str] | str) -> Report:
    """Open the warehouse read-only, write its page to `out`, close it again."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return write_report(con, out)
    finally:
        con.close()
