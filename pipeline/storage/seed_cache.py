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
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import polars as pl

from pipeline.normalize import ArticleSet
from pipeline.parallel import process_pool
from pipeline.readers import read_file
from pipeline.readers.files import jsonl_chunks, read_jsonl_chunk
from pipeline.storage.schemas import ARTICLES, REJECTED_INPUTS, frame
from pipeline.storage.staging import write_staged
from pipeline.storage.versions import PACKAGE, code_hash



@functools.cache
def reader_version() -> str:
    return code_hash([*(PACKAGE / "readers").glob("*.py"), PACKAGE / "normalize.py", PACKAGE / "storage" / "schemas.py"])


# Big JSON Lines files are parsed in ranges of about this size, by several processes.
CHUNK_BYTES = 16_000_000
# Files up to this size are cached together in one pack.
SMALL_FILE_BYTES = 1_000_000
PACK = "small-files"


@dataclasses.dataclass(frozen=True)
class Parsed:
    """Rows of every seed file, in file order (each file folded within itself; `fold_articles`
    folds across files), and per file whether it came from the cache."""
    articles: pl.DataFrame
    rejected: pl.DataFrame
    sources: list[str]
    from_cache: list[bool]

    @property
    def reread(self) -> list[str]:
        return [s for s, hit in zip(self.sources, self.from_cache) if not hit]


_ARTICLE_ROWS = {**ARTICLES, "_file": pl.Int64}
_REJECTED_ROWS = {**REJECTED_INPUTS, "_file": pl.Int64}
# A unit of parsing work: some whole files, or one line-aligned range of a big .jsonl file,
# each with its index in the run's file list.
Task = list[tuple[int, Path, str, "tuple[int, int, int] | None"]]


def _parse(task: Task, now: dt.datetime) -> tuple[pl.DataFrame, pl.DataFrame]:
    """One frame per kind for the whole task: building a frame per small file costs more than
    parsing it."""
    arts: list[dict] = []
    rejected: list[dict] = []
    for i, path, source, chunk in task:
        items = read_file(path, source) if chunk is None else read_jsonl_chunk(path, source, *chunk)
        rows = ArticleSet(now=now).extend(items)
        arts.extend({**row, "_file": i} for row in rows.articles.values())
        rejected.extend({**row, "_file": i} for row in rows.rejected)
    return frame(_ARTICLE_ROWS, arts), frame(_REJECTED_ROWS, rejected)


def _tasks(todo: list[tuple[int, Path, str]]) -> list[Task]:
    """Big .jsonl files in ranges of CHUNK_BYTES, other files in groups of about that size."""
    tasks: list[Task] = []
    group: Task = []
    group_bytes = 0
    for i, path, source in todo:
        size = _size(path)
        try:
            chunks = jsonl_chunks(path, CHUNK_BYTES) if path.suffix.lower() == ".jsonl" and size > 2 * CHUNK_BYTES else None
        except OSError:  # the reader reports it as a rejection
            chunks = None
        if chunks:
            tasks.extend([(i, path, source, c)] for c in chunks)
            continue
        group.append((i, path, source, None))
        group_bytes += size
        if group_bytes >= CHUNK_BYTES or len(group) >= 2000:
            tasks.append(group)
            group, group_bytes = [], 0
    if group:
        tasks.append(group)
    return tasks


class SeedCache:
    """Big files are kept one entry each; small files (archives of one article per file) share
    one pack, so a folder of 50,000 files costs one Parquet read, not 50,000.

    Inside a `with` block the entries of files just parsed are written in a background thread
    (a Parquet write is mostly one core: the caller's own writes run beside it), and leaving the
    block waits for them and raises their error."""

    def __init__(self, staging_dir: Path, version: str | None = None) -> None:
        self.root = staging_dir
        self.dir = staging_dir / f"seed-files-{version or reader_version()}"
        self.used: set[str] = set()
        self._writer: ThreadPoolExecutor | None = None
        self._writes: list[Future] = []

    def __enter__(self) -> SeedCache:
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="seed-cache")
        return self

    def __exit__(self, *exc) -> None:
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.shutdown(wait=True)
        writes, self._writes = self._writes, []
        for w in writes:
            w.result()  # a failed write fails the step (a half-written entry is never renamed into place)

    @staticmethod
    def key(path: Path, source: str) -> str:
        st = path.stat()
        sig = f"{source}\0{st.st_size}\0{st.st_ino}\0{st.st_mtime_ns}\0{st.st_ctime_ns}"
        return hashlib.sha256(sig.encode("utf-8", "surrogateescape")).hexdigest()[:24]

    def _read(self, name: str) -> pl.DataFrame | None:
        path = self.dir / f"{name}.parquet"
        try:
            return pl.read_parquet(path) if path.exists() else None
        except Exception:  # noqa: BLE001 - a damaged cache entry is parsed again
            return None

    def parse_all(self, sources: list[tuple[Path, str]], now: dt.datetime, workers: int = 1,
                  log: Callable[[str], None] | None = None) -> Parsed:
        """Every file's rows; changed files are parsed, in `workers` processes when there is much to parse."""
        pack = self._read(PACK)
        packed = set(pack["_key"].unique()) if pack is not None else set()
        keys: list[str | None] = []
        small: list[bool] = []
        hit: list[bool] = []
        arts, rejected = [], []  # frames with a _file column
        for i, (path, source) in enumerate(sources):
            try:
                key, size = self.key(path, source), path.stat().st_size
            except OSError:  # vanished or unreadable: the reader turns that into a rejection, uncached
                key, size = None, 0
            keys.append(key)
            small.append(size <= SMALL_FILE_BYTES)
            found = False
            if key is not None:
                self.used.add(key)
                if small[-1]:
                    found = key in packed
                else:
                    a, r = self._read(f"{key}.articles"), self._read(f"{key}.rejected")
                    if found := a is not None and r is not None:
                        arts.append(a.with_columns(_file=pl.lit(i, pl.Int64)))
                        rejected.append(r.with_columns(_file=pl.lit(i, pl.Int64)))
            hit.append(found)
        index = pl.DataFrame({"_key": [k for k, s, h in zip(keys, small, hit) if s and h],
                              "_file": [i for i, (s, h) in enumerate(zip(small, hit)) if s and h]},
                             schema={"_key": pl.String, "_file": pl.Int64})
        if pack is not None and index.height:
            rows = pack.join(index, on="_key", how="inner", maintain_order="left")
            arts.append(rows.filter(pl.col("_kind") == "a").select(list(_ARTICLE_ROWS)))
            rejected.append(rows.filter(pl.col("_kind") == "r").select(list(_REJECTED_ROWS)))

        todo = [(i, *sources[i]) for i in range(len(sources)) if not hit[i]]
        tasks = _tasks(todo)
        size = sum(_size(p) for _, p, _ in todo)
        if workers > 1 and len(tasks) > 1 and (size > CHUNK_BYTES or len(todo) > 500):
            if log:
                log(f"parsing {len(todo):,} changed files ({size / 1e6:,.0f} MB) in {workers} processes")
            with process_pool(workers) as pool:
                results = list(pool.map(_parse, tasks, [now] * len(tasks)))
        else:
            results = [_parse(t, now) for t in tasks]
        new_arts = pl.concat([frame(_ARTICLE_ROWS, []), *(a for a, _ in results)])
        new_rej = pl.concat([frame(_REJECTED_ROWS, []), *(r for _, r in results)])
        self._write(self._save, todo, keys, small, new_arts, new_rej)
        if {k for k, s in zip(keys, small) if s and k} != packed:  # small files came, changed or left
            self._write(self._save_pack, pack, keys, small, new_arts, new_rej)
        return Parsed(_in_file_order([*arts, new_arts]), _in_file_order([*rejected, new_rej]),
                      [s for _, s in sources], hit)

    def _write(self, save: Callable, *args) -> None:
        if self._writer is None:
            save(*args)
        else:
            self._writes.append(self._writer.submit(save, *args))

    def _save(self, todo, keys, small, arts: pl.DataFrame, rejected: pl.DataFrame) -> None:
        """One entry per big file just parsed (its ranges are folded across when all files are)."""
        for i, _, _ in todo:
            if keys[i] is not None and not small[i]:
                write_staged(self.dir, f"{keys[i]}.articles", arts.filter(pl.col("_file") == i).drop("_file"))
                write_staged(self.dir, f"{keys[i]}.rejected", rejected.filter(pl.col("_file") == i).drop("_file"))

    def _save_pack(self, pack, keys, small, arts: pl.DataFrame, rejected: pl.DataFrame) -> None:
        """The pack of the run's small files, written whole and atomically; a key-only row marks
        a small file that gave no rows (an empty file is not read again either)."""
        current = pl.DataFrame({"_key": [k for k, s in zip(keys, small) if s and k],
                                "_file": [i for i, (k, s) in enumerate(zip(keys, small)) if s and k]},
                               schema={"_key": pl.String, "_file": pl.Int64})
        parts = [current.select("_key", _kind=pl.lit("k"))]
        if pack is not None:  # rows of unchanged small files (a changed file has a new key)
            parts.append(pack.filter(pl.col("_kind") != "k").join(current, on="_key", how="semi"))
        for kind, df in (("a", arts), ("r", rejected)):
            parts.append(df.join(current, on="_file", how="inner").drop("_file").with_columns(_kind=pl.lit(kind)))
        write_staged(self.dir, PACK, pl.concat(parts, how="diagonal_relaxed"))

    def prune(self) -> int:
        """Drop entries of files not seen in this run and folders of other reader versions."""
        dropped = 0
        for p in self.dir.glob("*.parquet"):
            if p.name.split(".", 1)[0] not in self.used and p.name != f"{PACK}.parquet":
                p.unlink(missing_ok=True)
                dropped += 1
        for d in self.root.glob("seed-files-*"):
            if d.is_dir() and d != self.dir:
                shutil.rmtree(d, ignore_errors=True)
        return dropped


def _in_file_order(frames: list[pl.DataFrame]) -> pl.DataFrame:
    """Rows by file, each file's rows in their order: the order one pass over the files gives."""
    df = pl.concat(frames, how="vertical_relaxed")
    if not df["_file"].is_sorted():
        df = df.sort("_file", maintain_order=True)
    return df.drop("_file")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
