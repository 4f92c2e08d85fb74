"""Publishing the build: swap a finished DuckDB file onto the path readers open.

DuckDB allows one writer per file and a reader blocks a writer, so no run ever writes the
published file. Assets write `build.duckdb` in the staging folder; when every table, check and
model is done, the build is copied beside the published file and renamed over it. `os.replace`
is atomic: a reader sees the old file or the new one, never half of one, and a reader that holds
the old file open keeps reading it until it reconnects. A run killed at any point leaves the
published file as it was.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

_TMP_MARK = ".publishing-"


def build_db_path(staging_dir: Path) -> Path:
    """The DuckDB file every asset writes; published onto the warehouse when a run completes."""
    return staging_dir / "build.duckdb"


def checkpoint(build_db: Path) -> None:
    """Fold the write-ahead log into the file, so a plain file copy holds every committed table."""
    con = duckdb.connect(str(build_db))
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()


def publish(build_db: Path, warehouse: Path) -> Path:
    if not build_db.exists():
        raise FileNotFoundError(f"{build_db} does not exist: nothing was built to publish")
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    for stale in warehouse.parent.glob(warehouse.name + _TMP_MARK + "*"):
        stale.unlink(missing_ok=True)  # left by a run killed mid-copy
    checkpoint(build_db)
    tmp = warehouse.with_name(f"{warehouse.name}{_TMP_MARK}{os.getpid()}")
    shutil.copyfile(build_db, tmp)
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, warehouse)
    return warehouse


def open_build(build_db: Path) -> None:
    """Make sure the build file opens; a file a killed run left unreadable is started afresh
    (every table in it is rebuilt from the staged Parquet anyway)."""
    build_db.parent.mkdir(parents=True, exist_ok=True)
    try:
        duckdb.connect(str(build_db)).close()
    except duckdb.Error as exc:
        if "lock" in str(exc).lower():
            raise  # another process is writing it: not ours to remove
        for p in (build_db, build_db.with_name(build_db.name + ".wal")):
            p.unlink(missing_ok=True)
