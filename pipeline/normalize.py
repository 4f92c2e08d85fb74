"""Raw articles to the contract's `articles` rows, and extraction to Polars frames.

`article_id` hashes the whitespace-collapsed text, so the same article read twice (another file,
another id, other line endings) is one row; the later copies are listed on the kept row.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

import polars as pl

from pipeline.readers.records import RawArticle, Rejection
from pipeline.storage.schemas import ARTICLES, REJECTED_INPUTS, frame


def normalize_text(text: str) -> str:
    """NFC, Unix line ends, no BOM or NULs, trimmed: the text every offset points into."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\x00", "")
    return unicodedata.normalize("NFC", text).strip()


# Every white-space character str.split() splits on, but the space and the newline.
_OTHER_SPACE = re.compile("[\t\x0b-\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def fold_space(text: str) -> str:
    """White-space runs as one space, ends trimmed: " ".join(text.split()). Most article texts
    only separate words by one space or one newline, and for those swapping newlines for spaces is
    the same and about a third faster than splitting the text into its words. Every other
    white-space character is unprintable, so a printable text needs no (slower) regex scan."""
    flat = text.replace("\n", " ")
    if ("  " in flat or flat[:1] == " " or flat[-1:] == " "
            or (not flat.isprintable() and _OTHER_SPACE.search(flat))):
        return " ".join(text.split())
    return flat


def article_id(text: str) -> str:
    return hashlib.sha256(fold_space(text).encode("utf-8")).hexdigest()[:16]


class ArticleSet:
    """Collects reader output: deduplicated article rows and rejection rows."""

    def __init__(self, now: dt.datetime | None = None, first_seen: Mapping[str, dt.datetime] | None = None) -> None:
        self.now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        # article_id -> when an earlier run first ingested it, so a rebuild changes nothing
        self.first_seen = first_seen or {}
        self.articles: dict[str, dict[str, Any]] = {}
        self.rejected: list[dict[str, Any]] = []
        self.duplicates = 0

    def add(self, item: RawArticle | Rejection) -> None:
        if isinstance(item, Rejection):
            self.rejected.append({**item.model_dump(), "seen_at": self.now})
            return
        text = normalize_text(item.text)
        if not text:
            self.rejected.append({"source_file": item.source_file, "external_id": item.external_id,
                                  "reason": "empty_text", "detail": "only white space or control characters",
                                  "seen_at": self.now})
            return
        aid = article_id(text)
        if aid in self.articles:
            self.duplicates += 1
            self.articles[aid]["duplicate_external_ids"].append(item.external_id)
            return
        self.articles[aid] = {
            "article_id": aid, "external_id": item.external_id, "source_file": item.source_file,
            "title": item.title, "url": item.url, "publisher": item.publisher,
            "published_at": item.published_at, "text": text, "char_count": len(text),
            "ingested_at": self.first_seen.get(aid, self.now), "extra": json.dumps(item.extra, default=str, ensure_ascii=False),
            "duplicate_external_ids": [],
        }

    def extend(self, items: Iterable[RawArticle | Rejection]) -> ArticleSet:
        for item in items:
            self.add(item)
        return self

    def articles_frame(self) -> pl.DataFrame:
        return frame(ARTICLES, list(self.articles.values()))

    def rejected_frame(self) -> pl.DataFrame:
        return frame(REJECTED_INPUTS, self.rejected)


def fold_articles(
    parts: Iterable[pl.DataFrame], now: dt.datetime, first_seen: pl.DataFrame | None = None
) -> tuple[pl.DataFrame, int]:
    """One `articles` frame from per-file frames (each already folded by an `ArticleSet`).

    The same result as one `ArticleSet` over every file in order: the first copy of a text is
    kept and every later copy's external id is appended to its `duplicate_external_ids`.
    `ingested_at` is when `first_seen` (article_id, ingested_at) says it was first seen, else `now`.
    Returns the frame and the number of copies folded.
    """
    rows = pl.concat([frame(ARTICLES, []), *parts], how="vertical_relaxed").with_row_index("_row")
    within = int(rows["duplicate_external_ids"].list.len().sum() or 0)
    kept = rows.unique("article_id", keep="first", maintain_order=True)
    later = rows.join(kept.select("_row"), on="_row", how="anti")
    if later.height:
        ids = (later.sort("_row")
               .select("article_id", pl.concat_list(pl.col("external_id"), pl.col("duplicate_external_ids")).alias("_ids"))
               .explode("_ids")
               .group_by("article_id", maintain_order=True).agg("_ids"))
        kept = (kept.join(ids, on="article_id", how="left", maintain_order="left")
                .with_columns(pl.concat_list("duplicate_external_ids", pl.col("_ids").fill_null(pl.lit([], pl.List(pl.String))))
                              .alias("duplicate_external_ids"))
                .drop("_ids"))
    seen = (first_seen.select("article_id", pl.col("ingested_at").alias("_first"))
            if first_seen is not None else pl.DataFrame(schema={"article_id": pl.String, "_first": ARTICLES["ingested_at"]}))
    kept = (kept.join(seen.unique("article_id"), on="article_id", how="left", maintain_order="left")
            .with_columns(pl.coalesce("_first", pl.lit(now, ARTICLES["ingested_at"])).alias("ingested_at")))
    return kept.select(list(ARTICLES)), within + later.height
