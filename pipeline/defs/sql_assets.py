"""One asset per SQL model, wired to the tables and models its SELECT reads."""

import dagster as dg
import duckdb as duckdb_lib
from dagster_duckdb import DuckDBResource

from pipeline.defs.resources import warehouse_connection
from pipeline.defs.metadata import mart_chart_metadata, table_metadata
from pipeline.storage.duckdb_io import scalar
from pipeline.sql_models import SqlModel, discover_models
from pipeline.storage.schemas import TABLES


def model_asset(model: SqlModel, known: set[str]) -> dg.AssetsDefinition:
    deps = sorted(model.reads & known)

    @dg.asset(name=model.name, group_name="models", kinds={"duckdb", "sql"}, deps=deps,
              description=model.description, pool="duckdb",
              metadata={"sql_file": model.path.name, "sql": dg.MetadataValue.md(f"```sql\n{model.sql}\n```")})
    def _model(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
        with warehouse_connection(duckdb) as con:
            try:
                con.execute("BEGIN TRANSACTION")
                con.execute(f'CREATE OR REPLACE TABLE "{model.name}" AS {model.sql}')
                con.execute("COMMIT")
            except duckdb_lib.Error as exc:
                con.execute("ROLLBACK")
                raise dg.Failure(description=f"sql/{model.path.name} failed: {exc}") from exc
            count = scalar(con, f'SELECT count(*) FROM "{model.name}"')
            preview = con.sql(f'SELECT * FROM "{model.name}" LIMIT 5').pl()
            charts = mart_chart_metadata(con, model.name)
        context.log.info(f"model {model.name}: {count:,} rows")
        md = table_metadata(preview, table_name=model.name)
        md["dagster/row_count"] = count
        md.update(charts)
        return dg.MaterializeResult(metadata=md)

    return _model


def sql_model_assets(sql_dir) -> list[dg.AssetsDefinition]:
    models = discover_models(sql_dir)
    known = set(TABLES) | {m.name for m in models}
    return [model_asset(m, known) for m in models]
