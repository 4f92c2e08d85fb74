"""Run the extractors over many articles, in parallel worker processes, batch by batch.

One article that makes an extractor raise does not stop the others: it is reported in the
result's `errors` (and ends up in `rejected_inputs`), and every other article is extracted.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from pipeline.parallel import process_pool
from pipeline.storage.schemas import EXTRACTED, EXTRACTION_ERRORS, TABLES, frame

Progress = Callable[[int, int], None]
Row = tuple[str, str, Any, Any]  # article_id, text, published_at, title


@dataclass
class Extraction:
    frames: dict[str, pl.DataFrame]  # quotes, figures, events
    errors: pl.DataFrame  # article_id, error
    articles: int


def _extract_batch(rows: Sequence[Row]) -> tuple[dict[str, pl.DataFrame], list[dict[str, str]]]:
    # imported here, in the process that extracts: the workers have it preloaded, and the process
    # that only hands them batches does not pay for compiling the lexicons
    from pipeline.extract.article import extract_article

    out: dict[str, list[dict]] = {t: [] for t in EXTRACTED}
    errors: list[dict[str, str]] = []
    for aid, text, published_at, title in rows:
        try:
            records = extract_article(aid, text, published_at, title)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
            errors.append({"article_id": aid, "error": f"{type(exc).__name__}: {exc}"[:500]})
            continue
        for table, recs in records.items():
            out[table].extend(recs)
    # frames are far smaller than lists of dicts when sent back from a worker
    return {t: frame(TABLES[t], out[t]) for t in EXTRACTED}, errors


def _batches(articles: pl.DataFrame, size: int) -> Iterator[list[Row]]:
    cols = articles.select("article_id", "text", "published_at", "title")
    for start in range(0, cols.height, size):
        yield list(cols.slice(start, size).iter_rows())


def extract_frames(articles: pl.DataFrame, workers: int = 1, batch_size: int = 200,
                   progress: Progress | None = None) -> Extraction:
    """Extract every row of an `articles` frame (columns article_id, text, published_at, title)."""
    total = articles.height
    batches = _batches(articles, max(1, batch_size))
    parts: dict[str, list[pl.DataFrame]] = {t: [] for t in EXTRACTED}
    errors: list[dict[str, str]] = []
    done = 0

    def collect(result: tuple[dict[str, pl.DataFrame], list[dict[str, str]]], n: int) -> None:
        nonlocal done
        frames, errs = result
        for t in EXTRACTED:
            parts[t].append(frames[t])
        errors.extend(errs)
        done += n
        if progress:
            progress(done, total)

    if workers <= 1 or total <= batch_size:
        for batch in batches:
            collect(_extract_batch(batch), len(batch))
    else:
        with process_pool(workers) as pool:
            pending = []
            for batch in batches:
                pending.append((pool.submit(_extract_batch, batch), len(batch)))
                # keep a bounded number of batches in flight so memory stays flat on big archives
                while len(pending) >= workers * 4:
                    fut, n = pending.pop(0)
                    collect(fut.result(), n)
            for fut, n in pending:
                collect(fut.result(), n)
    frames = {t: pl.concat(parts[t]) if parts[t] else frame(TABLES[t], []) for t in EXTRACTED}
    return Extraction(frames, frame(EXTRACTION_ERRORS, errors), total)
