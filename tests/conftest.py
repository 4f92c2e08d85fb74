"""Shared fixtures: a temp seeds directory and an in-process build of the whole asset graph."""
from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import pytest

from pipeline.defs.automation import refresh_tags
from pipeline.defs.build import build_defs
from pipeline.settings import PROJECT_ROOT, Settings

SHARED = PROJECT_ROOT.parent / "shared"
SEED_ARTICLE = SHARED / "seeds" / "000_0e42cc574086de21.txt"


def make_settings(tmp_path: Path, seeds: Path, sql_dir: Path | None = None) -> Settings:
    wh = tmp_path / "wh" / "news.duckdb"
    return Settings(seeds_dir=seeds, warehouse=wh, staging_dir=tmp_path / "wh" / "news.staging",
                    sql_dir=sql_dir or PROJECT_ROOT / "sql")


def run_build(settings: Settings) -> dg.ExecuteInProcessResult:
    job = build_defs(settings).resolve_job_def("refresh_warehouse")
    with dg.DagsterInstance.ephemeral() as instance:
        return job.execute_in_process(instance=instance, raise_on_error=False,
                                      tags=refresh_tags(settings.extract_shards))


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    d = tmp_path / "seeds"
    d.mkdir()
    return d


@pytest.fixture(scope="session")
def project_seeds_build(tmp_path_factory) -> Settings:
    """The project's own seeds/ built once per test session into a temp warehouse."""
    tmp = tmp_path_factory.mktemp("seedbuild")
    seeds = tmp / "seeds"
    shutil.copytree(PROJECT_ROOT / "seeds", seeds)
    settings = make_settings(tmp, seeds)
    result = run_build(settings)
    assert result.success
    return settings
