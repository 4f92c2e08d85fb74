"""Assemble the Definitions for one set of settings (the module-level `defs` uses the env)."""
from __future__ import annotations

import dagster as dg

from pipeline.defs.assets import extracted_records_asset, published_warehouse, seed_files, warehouse_tables
from pipeline.defs.automation import nightly_refresh, refresh_job, seed_files_sensor
from pipeline.defs.checks import contract_checks
from pipeline.defs.report_asset import report_asset
from pipeline.defs.resources import make_resources
from pipeline.defs.sql_assets import sql_model_assets
from pipeline.settings import Settings
from pipeline.storage.schemas import TABLES


def build_defs(settings: Settings) -> dg.Definitions:
    models = sql_model_assets(settings.sql_dir)
    # published last: after every table, its blocking checks, and every model
    model_names = [k.to_user_string() for a in models for k in a.keys]
    publish = published_warehouse([*TABLES, *model_names])
    report = report_asset(model_names)  # reads the published file, after every model
    return dg.Definitions(
        assets=[seed_files, extracted_records_asset(settings.extract_shards), warehouse_tables, *models, publish, report],
        asset_checks=[contract_checks],
        jobs=[refresh_job],
        schedules=[nightly_refresh],
        sensors=[seed_files_sensor],
        resources=make_resources(settings),
    )
