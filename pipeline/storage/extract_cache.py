"""Extracted rows kept per article between runs, keyed by article_id and extractor version.

A run extracts only the articles the cache has not seen under the current extractor version;
the version is a hash of the extractor source, so any change to the extraction code makes the
next run extract everything again. Rows of articles no longer in the seeds are dropped, so the
cached frames are exactly the current `quotes`, `figures` and `events` tables.
"""
from __future__ import annotations

import functools
import hashlib
import shutil
from pathlib import Path

import polars as pl

from pipeline.storage.schemas import EXTRACTED, EXTRACTION_ERRORS, TABLES, frame
from pipeline.storage.staging import write_staged

PACKAGE = Path(__file__).resolve().parents[1]
SCHEMAS = {**{t: TABLES[t] for t in EXTRACTED}, "extraction_errors": EXTRACTION_ERRORS,
           "extracted_articles": {"article_id": pl.String}}


@functools.cache
def extractor_version() -> str:
    h = hashlib.sha256()
    for p in sorted([*(PACKAGE / "extract").glob("*.py"), PACKAGE / "taxonomy.py"]):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


class ExtractionCache:
    def __init__(self, staging_dir: Path, version: str | None = None) -> None:
        self.root = staging_dir
        self.dir = staging_dir / f"extracted-{version or extractor_version()}"

    def path(self, name: str) -> Path:
        return self.dir / f"{name}.parquet"

    def load(self, name: str) -> pl.DataFrame:
        p = self.path(name)
        return pl.read_parquet(p) if p.exists() else frame(SCHEMAS[name], [])

    def preview(self, name: str, rows: int = 5) -> tuple[pl.DataFrame, int]:
        """The first rows and the row count of a cached frame, without reading all of it."""
        p = self.path(name)
        if not p.exists():
            return frame(SCHEMAS[name], []), 0
        return pl.read_parquet(p, n_rows=rows), pl.scan_parquet(p).select(pl.len()).collect().item()

    def done_ids(self) -> pl.Series:
        return self.load("extracted_articles")["article_id"]

    def todo(self, articles: pl.DataFrame) -> pl.DataFrame:
        """The articles this extractor version has not processed yet."""
        return articles.filter(~pl.col("article_id").is_in(self.done_ids().implode()))

    def save(self, current_ids: pl.Series, new: dict[str, pl.DataFrame]) -> dict[str, Path]:
        """Keep cached rows of current articles, add the new rows; write each frame atomically."""
        keep = current_ids.implode()
        nothing_new = all(df.is_empty() for df in new.values())
        if nothing_new and all(self.path(n).exists() for n in SCHEMAS) and self.done_ids().is_in(keep).all():
            self._drop_other_versions()
            return {name: self.path(name) for name in SCHEMAS}  # unchanged seeds: no rewrite at all
        paths = {}
        for name in SCHEMAS:
            old = self.load(name).filter(pl.col("article_id").is_in(keep))
            parts = [old] + ([new[name].filter(pl.col("article_id").is_in(keep))] if name in new else [])
            paths[name] = write_staged(self.dir, name, pl.concat(parts, how="vertical_relaxed"))
        self._drop_other_versions()
        return paths

    def _drop_other_versions(self) -> None:
        for d in self.root.glob("extracted-*"):
            if d.is_dir() and d != self.dir:
                shutil.rmtree(d, ignore_errors=True)
