"""The SQL models: one asset each, wired to the tables and models its SELECT reads, all built by
one step (the way dagster-dbt runs a dbt project)."""
from concurrent.futures import ThreadPoolExecutor

import dagster as dg
import duckdb as duckdb_lib
from dagster_duckdb import DuckDBResource

from pipeline.defs.metadata import mart_chart_metadata, table_metadata
from pipeline.defs.resources import warehouse_connection
from pipeline.sql_models import SqlModel, discover_models
from pipeline.storage.duckdb_io import scalar
from pipeline.storage.schemas import TABLES


def _build(con: duckdb_lib.DuckDBPyConnection, model: SqlModel) -> dict:
    """Create one model's table on its own cursor and return its metadata; a failed model raises
    dg.Failure naming its file."""
    cur = con.cursor()  # a connection per thread: one DuckDB connection is not shared
    try:
        try:
            cur.execute("BEGIN TRANSACTION")
            cur.execute(f'CREATE OR REPLACE TABLE "{model.name}" AS {model.sql}')
            cur.execute("COMMIT")
        except duckdb_lib.Error as exc:
            cur.execute("ROLLBACK")
            raise dg.Failure(description=f"sql/{model.path.name} failed: {exc}") from exc
        count = scalar(cur, f'SELECT count(*) FROM "{model.name}"')
        md = table_metadata(cur.sql(f'SELECT * FROM "{model.name}" LIMIT 5').pl(), table_name=model.name)
        md["dagster/row_count"] = count
        md.update(mart_chart_metadata(cur, model.name))
        return md
    finally:
        cur.close()


def sql_models_asset(models: list[SqlModel]) -> dg.AssetsDefinition:
    """One step builds the selected models, a wave at a time: each wave holds the models whose
    inputs are built, run at the same time on their own cursors (a model is often one DuckDB
    thread at a time, so two keep both cores busy). A failed model fails the step after every
    model that does not read it is built; the models that read it are not built."""
    names = {m.name for m in models}
    known = set(TABLES) | names
    specs = [dg.AssetSpec(m.name, group_name="models", kinds={"duckdb", "sql"}, deps=sorted(m.reads & known),
                          description=m.description, skippable=True,
                          metadata={"sql_file": m.path.name, "sql": dg.MetadataValue.md(f"```sql\n{m.sql}\n```")})
             for m in models]

    @dg.multi_asset(name="sql_models", specs=specs, can_subset=True, pool="duckdb")
    def _models(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
        selected = {k.to_user_string() for k in context.selected_asset_keys}
        todo = [m for m in models if m.name in selected]
        failed: dict[str, str] = {}  # model -> why it was not built
        with warehouse_connection(duckdb) as con, ThreadPoolExecutor(max_workers=2) as pool:
            while todo:
                waiting = {m.name for m in todo}
                blocked = [m for m in todo if m.reads & failed.keys()]
                for m in blocked:
                    failed[m.name] = f"reads {', '.join(sorted(m.reads & failed.keys()))}, which failed"
                wave = [m for m in todo if m not in blocked and not m.reads & waiting]
                if not wave and not blocked:  # the rest read each other in a circle
                    failed.update((m.name, "reads itself through " + ", ".join(sorted(m.reads & waiting)))
                                  for m in todo)
                    break
                todo = [m for m in todo if m not in blocked and m not in wave]
                futures = [(m, pool.submit(_build, con, m)) for m in wave]
                for m, fut in futures:
                    try:
                        md = fut.result()
                    except dg.Failure as exc:
                        failed[m.name] = exc.description or str(exc)
                        context.log.error(failed[m.name])
                        continue
                    context.log.info(f"model {m.name}: {md['dagster/row_count']:,} rows")
                    yield dg.MaterializeResult(asset_key=m.name, metadata=md)
        if failed:
            raise dg.Failure(description="; ".join(f"{name}: {why}" for name, why in failed.items()))

    return _models


def sql_model_assets(sql_dir) -> list[dg.AssetsDefinition]:
    models = discover_models(sql_dir)
    return [sql_models_asset(models)] if models else []
