"""Staged Parquet: written atomically, in row groups that readers can take in parallel."""
from __future__ import annotations

import polars as pl
import pyarrow.parquet as pq

from pipeline.storage.staging import ROW_GROUP, write_staged


def test_a_big_frame_is_staged_in_several_row_groups(tmp_path):
    df = pl.DataFrame({"article_id": [f"a{i}" for i in range(ROW_GROUP * 2 + 5)], "text": ["some words"] * (ROW_GROUP * 2 + 5)})
    path = write_staged(tmp_path, "articles", df)
    assert pq.ParquetFile(path).metadata.num_row_groups == 3
    assert pl.read_parquet(path).equals(df)
    assert [p.name for p in tmp_path.iterdir()] == ["articles.parquet"]  # no temporary file left
