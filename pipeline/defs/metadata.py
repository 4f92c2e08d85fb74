"""Materialization metadata a person reads at a glance: row counts, schema and a preview."""
from __future__ import annotations

from typing import Any

import dagster as dg
import polars as pl

_DAGSTER_TYPE = {pl.String: "string", pl.Int64: "integer", pl.Float64: "float", pl.Date: "date"}


def markdown_preview(df: pl.DataFrame, rows: int = 5, width: int = 60) -> str:
    if df.is_empty():
        return "_no rows_"
    head = df.head(rows)

    def cell(v: Any) -> str:
        s = "" if v is None else str(v)
        s = s.replace("\n", " ").replace("|", "\\|")
        return s if len(s) <= width else s[: width - 1] + "…"

    lines = ["| " + " | ".join(head.columns) + " |", "|" + "---|" * head.width]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in head.iter_rows()]
    return "\n".join(lines)


def table_metadata(df: pl.DataFrame, table_name: str | None = None, **extra: Any) -> dict[str, Any]:
    schema = dg.TableSchema(columns=[
        dg.TableColumn(name, _DAGSTER_TYPE.get(dtype.base_type(), str(dtype))) for name, dtype in df.schema.items()
    ])
    md: dict[str, Any] = {
        "dagster/row_count": df.height,
        "dagster/column_schema": schema,
        "preview": dg.MetadataValue.md(markdown_preview(df)),
        **extra,
    }
    if table_name:
        md["dagster/table_name"] = table_name
    return md


# ------------------------------------------------------------ small charts for the marts
_BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float | int | None]) -> str:
    """A text sparkline: one block per value, scaled between the smallest and largest."""
    nums = [v for v in values if v is not None]
    if not nums:
        return ""
    lo, hi = min(nums), max(nums)
    span = (hi - lo) or 1
    return "".join(" " if v is None else _BLOCKS[round((v - lo) / span * (len(_BLOCKS) - 1))] for v in values)


def markdown_bars(rows: list[tuple[Any, float | int | None]], label: str, value: str, width: int = 24) -> str:
    """A markdown table with a bar of `█` per row, as long as the value relative to the largest."""
    if not rows:
        return "_no rows_"
    top = max((v or 0) for _, v in rows) or 1
    lines = [f"| {label} | {value} | |", "|---|---:|---|"]
    for name, v in rows:
        bar = "█" * max(1 if v else 0, round((v or 0) / top * width))
        lines.append(f"| {str(name).replace('|', '/')} | {v if v is not None else ''} | {bar} |")
    return "\n".join(lines)


# model name -> (title, label column, query giving (label, value) rows); each reads only the model
_MART_CHARTS: dict[str, tuple[str, str, str]] = {
    "daily_incidents": ("incidents by event type", "event type",
                        "SELECT event_type, CAST(sum(incidents) AS BIGINT) FROM daily_incidents "
                        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"),
    "incidents": ("incidents by number of reporting articles", "reported by",
                  "SELECT CASE WHEN articles >= 5 THEN '5+' ELSE CAST(articles AS VARCHAR) END || ' article(s)', "
                  "count(*) FROM incidents GROUP BY 1 ORDER BY 1"),
    "speakers": ("most quoted speakers", "speaker",
                 "SELECT speaker, quotes FROM speakers ORDER BY quotes DESC, speaker LIMIT 10"),
    "figure_series": ("most reported kinds of figure", "kind",
                      "SELECT kind, CAST(sum(figures) AS BIGINT) FROM figure_series GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"),
}


def mart_chart_metadata(con: Any, model: str) -> dict[str, Any]:
    """A small markdown chart for the analyst-facing models (empty for other models).

    `daily_incidents` also gets a sparkline of incidents per day. A chart that cannot be drawn is
    left out: it never fails the model's materialization."""
    if model not in _MART_CHARTS:
        return {}
    title, label, sql = _MART_CHARTS[model]
    try:
        rows = con.execute(sql).fetchall()
        md = {"chart": dg.MetadataValue.md(f"**{title}**\n\n" + markdown_bars(rows, label, "n"))}
        if model == "daily_incidents":
            per_day = con.execute("SELECT day, CAST(sum(incidents) AS BIGINT) FROM daily_incidents "
                                  "GROUP BY 1 ORDER BY 1").fetchall()
            if per_day:
                line = sparkline([n for _, n in per_day[-120:]])
                md["incidents per day"] = dg.MetadataValue.md(
                    f"`{line}`\n\n{per_day[-120:][0][0]} … {per_day[-1][0]} (last {min(120, len(per_day))} days with "
                    f"incidents; max {max(n for _, n in per_day[-120:])} a day)")
        return md
    except Exception:  # noqa: BLE001 - metadata is a courtesy
        return {}
