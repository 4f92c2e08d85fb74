"""Writing the contract's tables into DuckDB, all of them in one transaction.

Either every table of a build is replaced, or none is: a failure mid-way rolls back and the
previous tables stay readable and whole. Table names come from `schemas.TABLES` (constants);
paths and values travel as bound parameters, never inside SQL text.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb

from pipeline.storage.schemas import TABLES

# Columns stored with a richer DuckDB type than their Parquet representation.
_CASTS = {("articles", "extra"): "CAST(extra AS JSON) AS extra"}


def _select_list(table: str) -> str:
    return ", ".join(_CASTS.get((table, c), f'"{c}"') for c in TABLES[table])


def replace_tables(con: duckdb.DuckDBPyConnection, parquet_files: Mapping[str, Path | Sequence[Path]]) -> dict[str, int]:
    """Replace each named contract table with the rows of its Parquet file(s); return row counts."""
    unknown = set(parquet_files) - set(TABLES)
    if unknown:
        raise ValueError(f"not contract tables: {sorted(unknown)}")
    counts: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    try:
        for table, paths in parquet_files.items():
            files = [str(paths)] if isinstance(paths, (str, Path)) else [str(p) for p in paths]
            con.execute(
                f'CREATE OR REPLACE TABLE "{table}" AS SELECT {_select_list(table)} '
                "FROM read_parquet($files, union_by_name = true)",
                {"files": files},
            )
            counts[table] = scalar(con, f'SELECT count(*) FROM "{table}"')
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return counts


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None):
    """First value of a query's first row. DuckDB 2 wants every result read to the end before the
    connection runs the next statement, so this fetches all rows rather than `fetchone()`."""
    rows = con.execute(sql, params or {}).fetchall()
    return rows[0][0] if rows else None


def table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(scalar(
        con, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = $n",
        {"n": name},
    ))
