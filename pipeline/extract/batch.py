"""Run the extractors over a frame of articles and collect the rows as Polars frames."""
from __future__ import annotations

from collections.abc import Callable

import polars as pl

from pipeline.extract import extract_article
from pipeline.storage.schemas import EXTRACTED, TABLES, frame

Progress = Callable[[int, int], None]


def extract_frames(articles: pl.DataFrame, progress: Progress | None = None, every: int = 500) -> dict[str, pl.DataFrame]:
    """`quotes`, `figures` and `events` frames for every row of an `articles` frame."""
    rows: dict[str, list[dict]] = {t: [] for t in EXTRACTED}
    total = articles.height
    cols = articles.select("article_id", "text", "published_at", "title")
    for i, (aid, text, published_at, title) in enumerate(cols.iter_rows(), start=1):
        for table, recs in extract_article(aid, text, published_at, title).items():
            rows[table].extend(recs)
        if progress and (i % every == 0 or i == total):
            progress(i, total)
    return {t: frame(TABLES[t], rows[t]) for t in EXTRACTED}
