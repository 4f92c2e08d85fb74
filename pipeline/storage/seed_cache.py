"""Parsed seed files kept between runs, so the nightly run re-reads only files that changed.

Each file's articles (normalized, hashed, folded within the file) and rejections are kept as
Parquet under a key made of its path, size, inode, mtime and ctime, in a folder named for a
hash of the reader code: a changed file, or changed reader code, is parsed again. An unchanged
250 MB archive then costs a Parquet read instead of JSON parsing, Unicode normalization and
hashing of every article.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import polars as pl

from pipeline.normalize import ArticleSet, fold_articles
from pipeline.parallel import process_pool
from pipeline.readers import read_file
from pipeline.readers.files import jsonl_chunks, read_jsonl_chunk
from pipeline.storage.staging import write_staged
from pipeline.storage.versions import PACKAGE, code_hash



@functools.cache
def reader_version() -> str:
    return code_hash([*(PACKAGE / "readers").glob("*.py"), PACKAGE / "normalize.py", PACKAGE / "storage" / "schemas.py"])


# Big JSON Lines files are parsed in ranges of about this size, by several processes.
CHUNK_BYTES = 16_000_000


@dataclasses.dataclass(frozen=True)
class ParsedFile:
    source: str
    articles: pl.DataFrame  # folded within the file; ingested_at is set when all files are folded
    rejected: pl.DataFrame
    from_cache: bool


# One unit of parsing work: a whole file, or a line-aligned byte range of a .jsonl file.
Task = tuple[Path, str, "tuple[int, int, int] | None", dt.datetime]


def _parse(task: Task) -> tuple[pl.DataFrame, pl.DataFrame]:
    path, source, chunk, now = task
    items = read_file(path, source) if chunk is None else read_jsonl_chunk(path, source, *chunk)
    rows = ArticleSet(now=now).extend(items)
    return rows.articles_frame(), rows.rejected_frame()


def _tasks(path: Path, source: str, now: dt.datetime) -> list[Task]:
    try:
        big = path.suffix.lower() == ".jsonl" and path.stat().st_size > 2 * CHUNK_BYTES
        chunks = jsonl_chunks(path, CHUNK_BYTES) if big else None
    except OSError:  # the reader reports it as a rejection
        chunks = None
    return [(path, source, c, now) for c in chunks] if chunks else [(path, source, None, now)]


class SeedCache:
    def __init__(self, staging_dir: Path, version: str | None = None) -> None:
        self.root = staging_dir
        self.dir = staging_dir / f"seed-files-{version or reader_version()}"
        self.used: set[str] = set()

    @staticmethod
    def key(path: Path, source: str) -> str:
        st = path.stat()
        sig = f"{source}\0{st.st_size}\0{st.st_ino}\0{st.st_mtime_ns}\0{st.st_ctime_ns}"
        return hashlib.sha256(sig.encode("utf-8", "surrogateescape")).hexdigest()[:24]

    def _cached(self, key: str) -> tuple[pl.DataFrame, pl.DataFrame] | None:
        arts, rej = self.dir / f"{key}.articles.parquet", self.dir / f"{key}.rejected.parquet"
        if arts.exists() and rej.exists():
            try:
                return pl.read_parquet(arts), pl.read_parquet(rej)
            except Exception:  # noqa: BLE001 - a damaged cache entry is parsed again
                return None
        return None

    def parse(self, path: Path, source: str, now: dt.datetime) -> ParsedFile:
        """One file's rows, from the cache when the file has not changed since it was cached."""
        return self.parse_all([(path, source)], now)[0]

    def parse_all(self, sources: list[tuple[Path, str]], now: dt.datetime, workers: int = 1,
                  log: Callable[[str], None] | None = None) -> list[ParsedFile]:
        """Every file's rows in order; changed files are parsed, in `workers` processes when big."""
        keys: list[str | None] = []
        out: list[ParsedFile | None] = []
        for path, source in sources:
            try:
                key = self.key(path, source)
            except OSError:  # vanished or unreadable: the reader turns that into a rejection, uncached
                key = None
            hit = self._cached(key) if key else None
            if key:
                self.used.add(key)
            keys.append(key)
            out.append(ParsedFile(source, *hit, True) if hit else None)
        todo = [i for i, p in enumerate(out) if p is None]
        tasks = [(i, t) for i in todo for t in _tasks(*sources[i], now)]
        size = sum(_size(sources[i][0]) for i in todo)
        if workers > 1 and len(tasks) > 1 and size > CHUNK_BYTES:
            if log:
                log(f"parsing {len(todo):,} changed files ({size / 1e6:,.0f} MB) in {workers} processes")
            with process_pool(workers) as pool:
                results = list(pool.map(_parse, [t for _, t in tasks]))
        else:
            results = [_parse(t) for _, t in tasks]
        for i in todo:
            parts = [r for (j, _), r in zip(tasks, results) if j == i]
            articles = parts[0][0] if len(parts) == 1 else fold_articles([a for a, _ in parts], now)[0]
            rejected = pl.concat([r for _, r in parts], how="vertical_relaxed")
            out[i] = ParsedFile(sources[i][1], articles, rejected, False)
            if keys[i]:
                write_staged(self.dir, f"{keys[i]}.articles", articles)
                write_staged(self.dir, f"{keys[i]}.rejected", rejected)
        return [p for p in out if p is not None]

    def prune(self) -> int:
        """Drop entries of files not seen in this run and folders of other reader versions."""
        dropped = 0
        for p in self.dir.glob("*.parquet"):
            if p.name.split(".", 1)[0] not in self.used:
                p.unlink(missing_ok=True)
                dropped += 1
        for d in self.root.glob("seed-files-*"):
            if d.is_dir() and d != self.dir:
                shutil.rmtree(d, ignore_errors=True)
        return dropped


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
