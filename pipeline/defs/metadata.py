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
