"""Writing the contract's tables into DuckDB, all of them in one transaction.

Either every table of a build is updated, or none is: a failure mid-way rolls back and the
previous tables stay readable and whole. Table names come from `schemas.TABLES` (constants);
paths and values travel as bound parameters, never inside SQL text.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb

from pipeline.storage.schemas import TABLES

# Columns stored with a richer DuckDB type than their Parquet representation.
_CASTS = {("articles", "extra"): "CAST(extra AS JSON) AS extra"}


def _select_list(table: str) -> str:
    return ", ".join(_CASTS.get((table, c), f'"{c}"') for c in TABLES[table])


# Rows of these tables come from the extraction cache: under one extractor version the rows of an
# article never change, so a rebuild deletes the rows of removed articles and adds the new ones.
PER_ARTICLE = ("quotes", "figures", "events")
# Unique per row and small next to the text they describe: changed rows are found by a row hash.
HASHED = ("articles",)
_VERSION = re.compile(r"[0-9a-zA-Z_.-]{1,64}")
# Articles whose rows in a table the contract checks have not passed yet (article_id NULL: every
# row, after a rebuild). The checks then read only those rows, so a nightly run that adds a few
# articles does not re-read the whole archive; a failed check leaves them pending for the next run.
# Kept in its own schema, out of the analysts' way.
PENDING = "_pipeline.pending_checks"


def load_tables(
    con: duckdb.DuckDBPyConnection, parquet_files: Mapping[str, Path | Sequence[Path]], version: str | None = None
) -> dict[str, dict[str, int]]:
    """Make each named contract table hold exactly the rows of its Parquet file(s), in ONE transaction.

    Without `version` every table is replaced. With the extractor `version` the tables are
    brought up to date instead: only rows that changed are deleted and inserted, which keeps a
    nightly run on a large, mostly unchanged archive cheap. Returns rows, deleted and inserted
    (and whether it was rebuilt) per table; a failure rolls every table back.
    """
    unknown = set(parquet_files) - set(TABLES)
    if unknown:
        raise ValueError(f"not contract tables: {sorted(unknown)}")
    if version is not None and not _VERSION.fullmatch(version):
        raise ValueError(f"not an extractor version: {version!r}")
    out: dict[str, dict[str, int]] = {}
    # articles first: an article whose row changed (its text, say) has its extracted rows replaced
    order = sorted(parquet_files, key=lambda t: t != "articles")
    # Rows need no particular order in a table (every model and check that wants one says ORDER BY),
    # and without it DuckDB inserts with both cores: a 100,000-article load takes half the time.
    ordered = scalar(con, "SELECT current_setting('preserve_insertion_order')")
    con.execute("SET preserve_insertion_order = false")
    con.execute("BEGIN TRANSACTION")
    try:
        if not has_pending_checks(con):
            # a new file, or one from before this bookkeeping: no row in it is known to be checked
            con.execute("CREATE SCHEMA IF NOT EXISTS _pipeline")
            con.execute(f"CREATE TABLE {PENDING} (tbl VARCHAR, article_id VARCHAR)")
            con.execute(f"INSERT INTO {PENDING} SELECT unnest($t), NULL", {"t": list(TABLES)})
        con.execute("CREATE OR REPLACE TEMP TABLE _changed_articles (article_id VARCHAR)")
        for table in order:
            paths = parquet_files[table]
            files = [str(paths)] if isinstance(paths, (str, Path)) else [str(p) for p in paths]
            rebuild_extracted = out.get("articles", {}).get("rebuilt", False)
            out[table] = _load(con, table, files, version, rebuild=rebuild_extracted and table in PER_ARTICLE)
        con.execute("DROP TABLE _changed_articles")
        con.execute("DROP TABLE IF EXISTS _inserted")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.execute(f"SET preserve_insertion_order = {'true' if ordered else 'false'}")
    return out


def _load(con: duckdb.DuckDBPyConnection, table: str, files: list[str], version: str | None,
          rebuild: bool = False) -> dict[str, int]:
    src = f"SELECT {_select_list(table)} FROM read_parquet($files, union_by_name = true)"
    cols = ", ".join(f'"{c}"' for c in TABLES[table])
    stamp = f"{table}:{version}"  # an extractor version binds only the per-article tables
    same = version is not None and not rebuild and _columns(con, table) == list(TABLES[table]) and (
        table in HASHED or (table in PER_ARTICLE and _comment(con, table) == stamp))
    if not same:
        con.execute(f'CREATE OR REPLACE TABLE "{table}" AS {src}', {"files": files})
        if version is not None and table in PER_ARTICLE:
            con.execute(f"COMMENT ON TABLE \"{table}\" IS '{stamp}'")  # validated: letters, digits, _.-
        con.execute(f"DELETE FROM {PENDING} WHERE tbl = $t", {"t": table})
        con.execute(f"INSERT INTO {PENDING} VALUES ($t, NULL)", {"t": table})
        n = scalar(con, f'SELECT count(*) FROM "{table}"')
        return {"rows": n, "deleted": 0, "inserted": n, "rebuilt": True}
    if table in PER_ARTICLE:
        deleted = scalar(con, f'DELETE FROM "{table}" WHERE article_id NOT IN '
                              "(SELECT article_id FROM read_parquet($files, union_by_name = true)) "
                              "OR article_id IN (SELECT article_id FROM _changed_articles)", {"files": files})
        con.execute(f'CREATE OR REPLACE TEMP TABLE _inserted AS SELECT * FROM ({src}) '
                    f'WHERE article_id NOT IN (SELECT article_id FROM "{table}")', {"files": files})
    else:
        con.execute(f'CREATE OR REPLACE TEMP TABLE _inserted AS SELECT * FROM ({src}) '
                    f'WHERE hash({cols}) NOT IN (SELECT hash({cols}) FROM "{table}")', {"files": files})
        if table == "articles":  # same article, other white space: every offset moved, so its
            # extracted rows are replaced too (only new rows can differ: texts are compared for those)
            con.execute('INSERT INTO _changed_articles SELECT a.article_id FROM "articles" a '
                        "JOIN _inserted p USING (article_id) WHERE a.text IS DISTINCT FROM p.text")
        deleted = scalar(con, f'DELETE FROM "{table}" WHERE hash({cols}) NOT IN (SELECT hash({cols}) FROM ({src}))',
                         {"files": files})
    inserted = scalar(con, f'INSERT INTO "{table}" SELECT * FROM _inserted')
    if "article_id" in TABLES[table]:
        con.execute(f"INSERT INTO {PENDING} SELECT DISTINCT $t, article_id FROM _inserted", {"t": table})
    return {"rows": scalar(con, f'SELECT count(*) FROM "{table}"'), "deleted": deleted, "inserted": inserted,
            "rebuilt": False}


def has_pending_checks(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the file has the pending-checks bookkeeping (files from before it do not)."""
    return bool(scalar(con, "SELECT count(*) FROM duckdb_tables() WHERE schema_name = '_pipeline' "
                            "AND table_name = 'pending_checks'"))


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' "
                       "AND table_name = $t ORDER BY ordinal_position", {"t": table}).fetchall()
    return [r[0] for r in rows]


def _comment(con: duckdb.DuckDBPyConnection, table: str) -> str | None:
    return scalar(con, "SELECT comment FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = $t",
                  {"t": table})


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
