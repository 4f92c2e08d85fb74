"""Resources: where the seeds and staged frames are, and the DuckDB warehouse."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.settings import Settings
from pipeline.storage.publish import build_db_path


class NewsPaths(dg.ConfigurableResource):
    """Input, staging and output locations and the extraction fan-out: configuration, not
    constants, so a deployment can point them at shared storage and size them per machine."""

    seeds_dir: str
    staging_dir: str
    warehouse_path: str = ""
    sql_dir: str = ""
    workers: int = 1
    batch_size: int = 200
    extract_shards: int = 1

    @property
    def warehouse(self) -> Path:
        return Path(self.warehouse_path) if self.warehouse_path else self.staging.parent / "news.duckdb"

    @property
    def build_db(self) -> Path:
        return build_db_path(self.staging)

    @property
    def seeds(self) -> Path:
        return Path(self.seeds_dir)

    @property
    def staging(self) -> Path:
        return Path(self.staging_dir)


def make_resources(settings: Settings) -> dict[str, object]:
    settings.staging_dir.mkdir(parents=True, exist_ok=True)
    return {
        "paths": NewsPaths(seeds_dir=str(settings.seeds_dir), staging_dir=str(settings.staging_dir),
                           warehouse_path=str(settings.warehouse), sql_dir=str(settings.sql_dir),
                           workers=settings.workers,
                           batch_size=settings.batch_size, extract_shards=settings.extract_shards),
        # every asset writes the build copy; `published_warehouse` swaps it onto settings.warehouse
        "duckdb": DuckDBResource(database=str(settings.build_db)),
    }


@contextmanager
def warehouse_connection(resource: DuckDBResource) -> Iterator[duckdb.DuckDBPyConnection]:
    """`DuckDBResource.get_connection()` that also closes the connection when the body raises
    (the resource's own context manager leaves it open until garbage collection, which keeps
    the file locked for the rest of the process)."""
    with resource.get_connection() as con:
        try:
            yield con
        finally:
            con.close()
