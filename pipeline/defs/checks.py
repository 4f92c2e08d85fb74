"""Blocking asset checks on the contract: a table that breaks it stops the SQL models and the
publishing."""
from concurrent.futures import ThreadPoolExecutor

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.defs.resources import warehouse_connection
from pipeline.storage.contract_checks import checks_for, run_checks
from pipeline.storage.schemas import TABLES

CHECK_DESCRIPTIONS = {
    "unique_ids": "Every id is present and unique.",
    "article_exists": "Every row's article_id is in `articles`.",
    "offsets_exact": "text[char_start:char_end] is exactly the stored span, for every row.",
    "char_count_exact": "char_count is the text's length in characters (offsets are bounded by it).",
    "enum_values": "Enum columns hold only the contract's values.",
}
CHECKED_TABLES = [t for t in TABLES if checks_for(t)]


# One step for every table's checks, the tables checked at the same time on their own cursors:
# much of a check's time is one DuckDB thread slicing texts, so two tables at once keep both cores
# busy, and one step instead of one per table saves Dagster's per-step cost on every nightly run.
# pool: passing checks mark their rows as checked, a write to the build file.
@dg.multi_asset_check(
    name="contract_checks", pool="duckdb", can_subset=True,
    specs=[dg.AssetCheckSpec(name, asset=table, blocking=True, description=CHECK_DESCRIPTIONS[name])
           for table in CHECKED_TABLES for name in checks_for(table)],
)
def contract_checks(context: dg.AssetCheckExecutionContext, duckdb: DuckDBResource):
    selected: dict[str, set[str]] = {}
    for key in context.selected_asset_check_keys:
        selected.setdefault(key.asset_key.to_user_string(), set()).add(key.name)
    tables = [t for t in CHECKED_TABLES if t in selected]
    with warehouse_connection(duckdb) as con:
        def check(table: str):
            cursor = con.cursor()  # a connection per thread: one DuckDB connection is not shared
            try:
                return run_checks(cursor, table, pending_only=True, names=selected[table])
            finally:
                cursor.close()

        with ThreadPoolExecutor(max_workers=max(1, len(tables))) as pool:
            outcomes = [o for per_table in pool.map(check, tables) for o in per_table]
    for o in outcomes:
        yield dg.AssetCheckResult(
            asset_key=o.table, check_name=o.name, passed=o.passed,
            metadata={"failing_rows": o.failures, "examples": ", ".join(o.examples) or "-", "rows_read": o.scope},
            description=None if o.passed else f"{o.failures} rows break it, e.g. {', '.join(o.examples)}",
        )
