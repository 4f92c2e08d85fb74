"""Where the pipeline reads and writes: flags over environment over defaults."""
from __future__ import annotations

import pytest

from pipeline.settings import PROJECT_ROOT, Settings


def test_defaults_resolve_against_the_project(monkeypatch):
    for var in ("NEWS_SEEDS_DIR", "NEWS_WAREHOUSE", "NEWS_STAGING_DIR", "NEWS_SQL_DIR", "NEWS_WORKERS"):
        monkeypatch.delenv(var, raising=False)
    s = Settings.from_env()
    assert s.seeds_dir == PROJECT_ROOT / "seeds"
    assert s.warehouse == PROJECT_ROOT / "warehouse" / "news.duckdb"
    assert s.staging_dir == PROJECT_ROOT / "warehouse" / "news.staging"
    assert s.build_db == s.staging_dir / "build.duckdb"
    assert s.sql_dir == PROJECT_ROOT / "sql" and s.workers >= 1


def test_environment_then_flags(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWS_SEEDS_DIR", str(tmp_path / "in"))
    monkeypatch.setenv("NEWS_WAREHOUSE", "out/w.duckdb")
    monkeypatch.setenv("NEWS_WORKERS", "3")
    s = Settings.from_env()
    assert s.seeds_dir == tmp_path / "in" and s.warehouse == PROJECT_ROOT / "out" / "w.duckdb" and s.workers == 3
    flagged = Settings.from_env(seeds=tmp_path / "other", warehouse=tmp_path / "x.duckdb")
    assert flagged.seeds_dir == tmp_path / "other" and flagged.staging_dir == tmp_path / "x.staging"


@pytest.mark.parametrize("value", ["zero", "0", "-2"])
def test_bad_worker_count_is_a_clear_error(monkeypatch, value):
    monkeypatch.setenv("NEWS_WORKERS", value)
    with pytest.raises(ValueError, match="NEWS_WORKERS"):
        Settings.from_env()
