"""Where things are: seeds, warehouse file, staging and SQL models, from the environment.

`NEWS_SEEDS_DIR` and `NEWS_WAREHOUSE` configure `dagster dev`, the daemon and the CLI alike.
Relative defaults resolve against the project checkout, so the UI and the CLI agree whatever
directory they were started from.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.storage.publish import build_db_path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent


def user_cache_dir() -> Path:
    """Where derived, rebuildable files live between runs (a bundled script, a compiled gazetteer)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "news-warehouse"


def _sql_dir() -> Path:
    # A checkout (editable install) has sql/ at the top; a wheel ships it inside the package.
    for candidate in (PROJECT_ROOT / "sql", PACKAGE_DIR / "sql"):
        if candidate.is_dir():
            return candidate
    return PROJECT_ROOT / "sql"


def _project_path(value: str | os.PathLike) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else (PROJECT_ROOT / p)


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, got {raw!r}") from None
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")
    return value


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path
    warehouse: Path  # the published file readers open; builds never write to it directly
    staging_dir: Path  # Parquet frames, the extraction cache and the build copy of the warehouse
    sql_dir: Path
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    batch_size: int = 200  # articles per extraction task: the unit of parallelism
    # >1: extraction is a Dagster asset with that many static partitions (shards of the articles by
    # id), which a backfill can spread over machines; 1: one unpartitioned extraction step
    extract_shards: int = 1

    @property
    def build_db(self) -> Path:
        return build_db_path(self.staging_dir)

    @classmethod
    def from_env(cls, seeds: str | os.PathLike | None = None, warehouse: str | os.PathLike | None = None) -> Settings:
        """Explicit arguments (CLI flags) win over the environment, which wins over defaults."""
        seeds_p = Path(seeds).resolve() if seeds else _project_path(os.environ.get("NEWS_SEEDS_DIR", "seeds"))
        wh = Path(warehouse).resolve() if warehouse else _project_path(
            os.environ.get("NEWS_WAREHOUSE", "warehouse/news.duckdb"))
        staging = os.environ.get("NEWS_STAGING_DIR")
        staging_p = _project_path(staging) if staging and not warehouse else wh.with_name(wh.stem + ".staging")
        sql = os.environ.get("NEWS_SQL_DIR")
        return cls(seeds_p, wh, staging_p, _project_path(sql) if sql else _sql_dir(),
                   workers=_int_env("NEWS_WORKERS", os.cpu_count() or 1),
                   batch_size=_int_env("NEWS_BATCH_SIZE", 200),
                   extract_shards=_int_env("NEWS_EXTRACT_SHARDS", 1))
