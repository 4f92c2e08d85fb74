"""Resources: where the seeds and staged frames are, and the DuckDB warehouse."""
from __future__ import annotations

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.settings import Settings


class NewsPaths(dg.ConfigurableResource):
    """Input and staging locations; configuration, not constants, so a deployment can move them."""

    seeds_dir: str
    staging_dir: str

    @property
    def seeds(self) -> Path:
        return Path(self.seeds_dir)

    @property
    def staging(self) -> Path:
        return Path(self.staging_dir)


def make_resources(settings: Settings) -> dict[str, object]:
    settings.warehouse.parent.mkdir(parents=True, exist_ok=True)
    return {
        "paths": NewsPaths(seeds_dir=str(settings.seeds_dir), staging_dir=str(settings.staging_dir)),
        "duckdb": DuckDBResource(database=str(settings.warehouse)),
    }
