"""Parquet staging between extraction and DuckDB: one file per table, written atomically.

Staging files live beside the warehouse (`<warehouse>.staging/` by default, configurable), so
extraction and the DuckDB load are separate steps and a failed load never loses extracted rows.
"""
from __future__ import annotations

import os
from pathlib import Path

import polars as pl


ROW_GROUP = 16_384


def staging_path(staging_dir: Path, table: str) -> Path:
    return staging_dir / f"{table}.parquet"


def write_staged(staging_dir: Path, table: str, df: pl.DataFrame) -> Path:
    """Write to a temporary file and rename it into place, so readers never see half a file."""
    staging_dir.mkdir(parents=True, exist_ok=True)
    final = staging_path(staging_dir, table)
    tmp = final.with_suffix(f".parquet.tmp{os.getpid()}")
    # LZ4: staging is read back within minutes, so write speed beats size (zstd takes ~2x longer).
    # Row groups of ROW_GROUP rows: Polars writes and DuckDB reads row groups in parallel, and
    # one group of 100,000 texts took 4x longer to write on one thread.
    df.write_parquet(tmp, compression="lz4", row_group_size=ROW_GROUP)
    os.replace(tmp, final)
    return final

