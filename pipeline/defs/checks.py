"""Blocking asset checks on the contract: a table that breaks it stops the models built on it."""

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


def _contract_checks(table: str) -> dg.AssetChecksDefinition:
    specs = [dg.AssetCheckSpec(name, asset=table, blocking=True, description=CHECK_DESCRIPTIONS[name])
             for name in checks_for(table)]

    # pool: passing checks mark their rows as checked, a write to the build file
    @dg.multi_asset_check(name=f"{table}_contract", specs=specs, pool="duckdb")
    def _check(duckdb: DuckDBResource):
        with warehouse_connection(duckdb) as con:
            outcomes = run_checks(con, table, pending_only=True)
        for o in outcomes:
            yield dg.AssetCheckResult(
                asset_key=table, check_name=o.name, passed=o.passed,
                metadata={"failing_rows": o.failures, "examples": ", ".join(o.examples) or "-", "rows_read": o.scope},
                description=None if o.passed else f"{o.failures} rows break it, e.g. {', '.join(o.examples)}",
            )

    return _check


contract_checks = [_contract_checks(t) for t in TABLES if checks_for(t)]
