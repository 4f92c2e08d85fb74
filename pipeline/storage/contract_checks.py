"""The contract's invariants, checked in SQL on a built warehouse.

Each check returns how many rows break it and a few examples, so a failing asset check in the
Dagster UI says what is wrong, not just that something is.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace

import duckdb

from pipeline.readers.records import REJECT_REASONS
from pipeline.storage.duckdb_io import PENDING, has_pending_checks, scalar
from pipeline.storage.schemas import ID_COLUMN
from pipeline.taxonomy import (
    DATE_PRECISIONS, EVENT_TYPES, FIGURE_CATEGORIES, QUALIFIERS, QUOTE_KINDS, SUB_EVENT_TYPES,
)


@dataclass
class CheckOutcome:
    table: str
    name: str
    failures: int
    examples: list[str] = field(default_factory=list)
    scope: str = "all rows"

    @property
    def passed(self) -> bool:
        return self.failures == 0


# table -> (column, allowed values); NULL is allowed only where the contract allows it.
ENUMS: dict[str, list[tuple[str, tuple[str, ...], bool]]] = {
    "quotes": [("kind", QUOTE_KINDS, False)],
    "figures": [("qualifier", QUALIFIERS, False), ("category", FIGURE_CATEGORIES, False)],
    "events": [("event_type", EVENT_TYPES, False), ("sub_event_type", tuple(SUB_EVENT_TYPES), False),
               ("date_precision", DATE_PRECISIONS, True)],
    "rejected_inputs": [("reason", REJECT_REASONS, False)],
}
# table -> the column that must equal text[char_start:char_end]; None: only bounds are checked.
SPANS = {"quotes": "quote_text", "figures": "surface", "events": None}


def _run(con, table: str, name: str, count_sql: str, example_sql: str, params: dict | None = None) -> CheckOutcome:
    params = params or {}
    n = scalar(con, count_sql, params)
    examples = [str(r[0]) for r in con.execute(example_sql + " LIMIT 3", params).fetchall()] if n else []
    return CheckOutcome(table, name, n, examples)


def check_unique_ids(con: duckdb.DuckDBPyConnection, table: str) -> CheckOutcome:
    col = ID_COLUMN[table]
    dup = f'SELECT "{col}" FROM "{table}" GROUP BY 1 HAVING count(*) > 1 OR "{col}" IS NULL'
    return _run(con, table, "unique_ids", f"SELECT count(*) FROM ({dup})", dup)


def check_article_exists(con: duckdb.DuckDBPyConnection, table: str) -> CheckOutcome:
    orphans = f'SELECT t.article_id FROM "{table}" t ANTI JOIN articles a USING (article_id)'
    return _run(con, table, "article_exists", f"SELECT count(*) FROM ({orphans})", orphans)


def pending_articles(con: duckdb.DuckDBPyConnection, table: str) -> str | None:
    """A subquery of the articles whose rows in `table` no check has passed yet, or None when
    every row has to be read (after a rebuild, or in a file `load_tables` did not write)."""
    if not has_pending_checks(con) or scalar(
            con, f"SELECT count(*) FROM {PENDING} WHERE tbl = $t AND article_id IS NULL", {"t": table}):
        return None
    return f"(SELECT article_id FROM {PENDING} WHERE tbl = $pending_table)"


def clear_pending(con: duckdb.DuckDBPyConnection, table: str) -> None:
    if has_pending_checks(con):
        con.execute(f"DELETE FROM {PENDING} WHERE tbl = $t", {"t": table})


def check_offsets(con: duckdb.DuckDBPyConnection, table: str, scope: str | None = None) -> CheckOutcome:
    # Bounds use the stored char_count (pinned to the text by `char_count_exact`): length() of a
    # joined text counts its characters again for every row, which cost more than the substrings.
    span_col = SPANS[table]
    bad = (
        "t.char_start IS NULL OR t.char_end IS NULL OR t.char_start < 0 "
        "OR t.char_end <= t.char_start OR t.char_end > a.char_count"
    )
    if span_col:
        bad += (f' OR length(t."{span_col}") IS DISTINCT FROM t.char_end - t.char_start'
                f' OR substring(a.text, t.char_start + 1, t.char_end - t.char_start) IS DISTINCT FROM t."{span_col}"')
    # the scope filters both sides before the join: filtered after it, every text was still read
    rows_of, texts = (f'"{table}"', "articles") if not scope else (
        f'(SELECT * FROM "{table}" WHERE article_id IN {scope})',
        f"(SELECT article_id, text, char_count FROM articles WHERE article_id IN {scope})")
    rows = (f'SELECT t.{ID_COLUMN[table]} || \' [\' || t.char_start || \':\' || t.char_end || \']\' '
            f'FROM {rows_of} t JOIN {texts} a USING (article_id) WHERE {bad}')
    return _run(con, table, "offsets_exact", f"SELECT count(*) FROM ({rows})", rows, _scope_params(table, scope))


def check_char_count(con: duckdb.DuckDBPyConnection, table: str, scope: str | None = None) -> CheckOutcome:
    bad = 'SELECT article_id FROM "articles" WHERE char_count IS DISTINCT FROM length(text)'
    if scope:
        bad += f" AND article_id IN {scope}"
    return _run(con, table, "char_count_exact", f"SELECT count(*) FROM ({bad})", bad, _scope_params(table, scope))


def _scope_params(table: str, scope: str | None) -> dict:
    return {"pending_table": table} if scope else {}


def check_enums(con: duckdb.DuckDBPyConnection, table: str) -> CheckOutcome:
    clauses, params = [], {}
    for i, (col, allowed, nullable) in enumerate(ENUMS[table]):
        params[f"v{i}"] = list(allowed)
        test = f'NOT list_contains($v{i}, "{col}")'
        clauses.append(f'("{col}" IS NOT NULL AND {test})' if nullable else f'("{col}" IS NULL OR {test})')
    cols = " || '/' || ".join(f'coalesce("{c}", \'NULL\')' for c, _, _ in ENUMS[table])
    rows = f'SELECT {cols} FROM "{table}" WHERE {" OR ".join(clauses)}'
    return _run(con, table, "enum_values", f"SELECT count(*) FROM ({rows})", rows, params)


def checks_for(table: str) -> list[str]:
    names = []
    if table in ID_COLUMN:
        names.append("unique_ids")
    if table in SPANS:
        names += ["article_exists", "offsets_exact"]
    if table == "articles":
        names.append("char_count_exact")
    if table in ENUMS:
        names.append("enum_values")
    return names


CHECKS = {"unique_ids": check_unique_ids, "article_exists": check_article_exists,
          "offsets_exact": check_offsets, "char_count_exact": check_char_count, "enum_values": check_enums}


# Checks that read the article text: on a nightly run they read only the rows added since they
# last passed. The others are cheap over a whole table, and some (orphans after a removal) need it.
SCOPED = {"offsets_exact", "char_count_exact"}


def run_checks(con: duckdb.DuckDBPyConnection, table: str, pending_only: bool = False,
               names: Collection[str] | None = None) -> list[CheckOutcome]:
    """The checks of `table` (all, or those in `names`); with `pending_only`, the text checks read
    only rows no check has passed yet, and once every check of the table passes those rows are no
    longer pending."""
    scope = pending_articles(con, table) if pending_only else None
    wanted = checks_for(table) if names is None else [n for n in checks_for(table) if n in names]
    outcomes = []
    for name in wanted:
        if name in SCOPED and scope:
            outcomes.append(replace(CHECKS[name](con, table, scope), scope="rows added since the checks last passed"))
        else:
            outcomes.append(CHECKS[name](con, table))
    if pending_only and len(wanted) == len(checks_for(table)) and all(o.passed for o in outcomes):
        clear_pending(con, table)
    return outcomes
