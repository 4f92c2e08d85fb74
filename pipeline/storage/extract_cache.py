"""Extracted rows kept per article between runs, keyed by article_id, the exact text and the
extractor version.

A run extracts only the articles the cache has not seen under the current extractor version;
the version is a hash of the extractor source, so any change to the extraction code makes the
next run extract everything again. An article whose text changed only in white space keeps its
article_id (it is the same story) but is extracted again, since every offset moved. Rows of
articles no longer in the seeds are dropped, so the cached frames are exactly the current
`quotes`, `figures` and `events` tables.
"""
from __future__ import annotations

import functools
import shutil
import time
from pathlib import Path

import polars as pl

from pipeline.storage.schemas import EXTRACTED, EXTRACTION_ERRORS, TABLES, frame
from pipeline.storage.staging import write_staged
from pipeline.storage.versions import PACKAGE, code_hash

SCHEMAS = {**{t: TABLES[t] for t in EXTRACTED}, "extraction_errors": EXTRACTION_ERRORS,
           "extracted_articles": {"article_id": pl.String, "text_hash": pl.UInt64}}


@functools.cache
def extractor_version() -> str:
    # (this module too: a change of the cache's format must not read old files; and the Polars
    # version, whose string hash keys the cache by exact text and may change between versions)
    return code_hash([*(PACKAGE / "extract").glob("*.py"), PACKAGE / "taxonomy.py", Path(__file__)],
                     extra=f"polars {pl.__version__}")


def text_hashes(texts: pl.Series) -> pl.Series:
    """A hash of each exact text: Polars hashes 250 MB in 0.03 s (hashlib in Python: 0.5 s)."""
    return texts.hash(seed=0).alias("text_hash")


def shard_of(article_ids: pl.Expr | str, shards: int) -> pl.Expr:
    """Which of `shards` shards an article belongs to: from its id (a hex digest), so stable
    across runs and machines."""
    ids = pl.col(article_ids) if isinstance(article_ids, str) else article_ids
    return ids.str.slice(0, 8).str.to_integer(base=16, strict=False).fill_null(0) % shards


# Appended parts before they are merged into one file per frame.
MAX_PARTS = 12


class ExtractionCache:
    """Frames stored as generations of Parquet files, `<frame>.<stamp>.parquet`.

    A run that only adds articles appends one part per frame; a run that drops articles (or
    finds too many parts) writes every frame whole as a new base. The `extracted_articles`
    part of a stamp is written last and commits it: files of a stamp without one are leftovers
    of a killed run and are never read, so a kill at any point cannot duplicate or lose rows.
    """

    def __init__(self, staging_dir: Path, version: str | None = None, shard: tuple[int, int] | None = None) -> None:
        """`shard` (k, n): the cache of the k-th of n shards, in its own folder, so shards can be
        extracted at the same time by different processes or machines."""
        self.root = staging_dir
        self.version_dir = staging_dir / f"extracted-{version or extractor_version()}"
        self.shards = shard[1] if shard and shard[1] > 1 else 1
        self.dir = self.version_dir / f"shard-{shard[0]}-of-{shard[1]}" if self.shards > 1 else self.version_dir

    def _live(self) -> list[str]:
        """Committed stamps from the newest base on, oldest first."""
        stamps, base = [], 0
        for p in sorted(self.dir.glob("extracted_articles.*.parquet")):
            parts = p.name.split(".")  # extracted_articles, stamp, [base,] parquet
            stamps.append(parts[1])
            if parts[2] == "base":
                base = len(stamps) - 1
        return stamps[base:]

    def paths(self, name: str) -> list[Path]:
        return [self._file(name, stamp, i == 0) for i, stamp in enumerate(self._live())]

    def _file(self, name: str, stamp: str, base: bool) -> Path:
        kind = ".base" if base and name == "extracted_articles" else ""
        return self.dir / f"{name}.{stamp}{kind}.parquet"

    def load(self, name: str) -> pl.DataFrame:
        files = self.paths(name)
        return pl.read_parquet(files) if files else frame(SCHEMAS[name], [])

    def preview(self, name: str, rows: int = 5) -> tuple[pl.DataFrame, int]:
        """The first rows and the row count of a cached frame, without reading all of it."""
        files = self.paths(name)
        if not files:
            return frame(SCHEMAS[name], []), 0
        return pl.scan_parquet(files).head(rows).collect(), pl.scan_parquet(files).select(pl.len()).collect().item()

    def done_ids(self) -> pl.Series:
        return self.load("extracted_articles")["article_id"]

    def todo(self, articles: pl.DataFrame) -> pl.DataFrame:
        """The articles (article_id, text_hash) this extractor version has not processed yet."""
        return articles.join(self.load("extracted_articles"), on=["article_id", "text_hash"], how="anti",
                             maintain_order="left")

    def save(self, current_ids: pl.Series, new: dict[str, pl.DataFrame]) -> dict[str, list[Path]]:
        """Keep the cached rows of current articles and add the new rows.

        Unchanged seeds write nothing; new articles alone append a part; removed articles (or
        many parts) rewrite each frame whole."""
        done = self.done_ids()
        # rows of removed articles go, and so do the old rows of articles extracted again
        again = new["extracted_articles"]["article_id"] if "extracted_articles" in new else pl.Series([], dtype=pl.String)
        keep = current_ids.filter(~current_ids.is_in(again.implode())).implode()
        live = self._live()
        removed = not done.is_in(keep).all()
        nothing_new = all(df.is_empty() for df in new.values())
        if live and nothing_new and not removed:
            self._drop_stale()
            return {name: self.paths(name) for name in SCHEMAS}
        stamp = f"{time.time_ns():020d}"
        rewrite = removed or not live or len(live) >= MAX_PARTS
        current = current_ids.implode()
        for name in sorted(SCHEMAS, key=lambda n: n == "extracted_articles"):  # the commit marker last
            part = new.get(name, frame(SCHEMAS[name], [])).filter(pl.col("article_id").is_in(current))
            if rewrite:
                part = pl.concat([self.load(name).filter(pl.col("article_id").is_in(keep)), part],
                                 how="vertical_relaxed")
            target = self._file(name, stamp, rewrite)
            write_staged(self.dir, target.name.removesuffix(".parquet"), part)
        self._drop_stale()
        return {name: self.paths(name) for name in SCHEMAS}

    def _drop_stale(self) -> None:
        """Remove superseded or uncommitted files, the folders of other extractor versions, and
        those of another shard count (never a sibling shard of this count: it may be running)."""
        live = {p.name for name in SCHEMAS for p in self.paths(name)}
        for p in self.dir.glob("*.parquet*"):  # with `.parquet.tmp<pid>` files of killed writes
            if p.name not in live:
                p.unlink(missing_ok=True)
        if self.shards > 1:
            for p in self.version_dir.glob("*.parquet*"):  # the unsharded layout
                p.unlink(missing_ok=True)
        for d in self.version_dir.glob("shard-*"):
            if d.is_dir() and not d.name.endswith(f"-of-{self.shards}"):
                shutil.rmtree(d, ignore_errors=True)
        for d in self.root.glob("extracted-*"):
            if d.is_dir() and d != self.version_dir:
                shutil.rmtree(d, ignore_errors=True)
