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
from pathlib import Path

import polars as pl

from pipeline.normalize import ArticleSet
from pipeline.readers import read_file
from pipeline.storage.staging import write_staged

PACKAGE = Path(__file__).resolve().parents[1]


@functools.cache
def reader_version() -> str:
    h = hashlib.sha256()
    for p in sorted([*(PACKAGE / "readers").glob("*.py"), PACKAGE / "normalize.py", PACKAGE / "storage" / "schemas.py"]):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


@dataclasses.dataclass(frozen=True)
class ParsedFile:
    source: str
    articles: pl.DataFrame  # folded within the file; ingested_at is set when all files are folded
    rejected: pl.DataFrame
    from_cache: bool


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

    def parse(self, path: Path, source: str, now: dt.datetime) -> ParsedFile:
        """The file's rows, from the cache when the file has not changed since it was cached."""
        try:
            key = self.key(path, source)
        except OSError:  # vanished or unreadable: the reader turns that into a rejection, uncached
            key = None
        if key is not None:
            self.used.add(key)
            arts, rej = self.dir / f"{key}.articles.parquet", self.dir / f"{key}.rejected.parquet"
            if arts.exists() and rej.exists():
                try:
                    return ParsedFile(source, pl.read_parquet(arts), pl.read_parquet(rej), True)
                except Exception:  # noqa: BLE001 - a damaged cache entry is parsed again
                    pass
        rows = ArticleSet(now=now).extend(read_file(path, source))
        parsed = ParsedFile(source, rows.articles_frame(), rows.rejected_frame(), False)
        if key is not None:
            write_staged(self.dir, f"{key}.articles", parsed.articles)
            write_staged(self.dir, f"{key}.rejected", parsed.rejected)
        return parsed

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
