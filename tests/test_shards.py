"""Extraction in shards (static partitions): same warehouse, one cache per shard, runnable alone."""
from __future__ import annotations

import dataclasses

import dagster as dg
import duckdb
import polars as pl

from pipeline.defs.automation import nightly_request, refresh_tags
from pipeline.defs.build import build_defs
from pipeline.defs.resources import make_resources
from pipeline.settings import Settings
from pipeline.storage.extract_cache import ExtractionCache, shard_of
from pipeline.storage.schemas import TABLES
from tests.conftest import make_settings, run_build
from tests.test_incremental import STORIES, extraction_counts, write_feed
from tests.test_load_tables import contents as table_rows

MORE = STORIES + [
    "Two ships collided near the harbour on Monday, the coastguard said.",
    "Floods forced 2,000 people from their homes in the river valley, the agency said.",
    '"We need more doctors," the health minister told reporters.',
]


def contents(path):
    """Every table's rows (articles without the time they were ingested, which differs per build)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return table_rows(con)
    finally:
        con.close()


def sharded(settings: Settings, shards: int) -> Settings:
    return dataclasses.replace(settings, extract_shards=shards)


def test_a_sharded_build_equals_an_unsharded_one(tmp_path, seeds_dir):
    write_feed(seeds_dir / "feed.jsonl", MORE)
    one = make_settings(tmp_path / "one", seeds_dir)
    three = sharded(make_settings(tmp_path / "three", seeds_dir), 3)
    assert run_build(one).success
    result = run_build(three)
    assert result.success and extraction_counts(result) == (len(MORE), 0)
    assert contents(three.warehouse) == contents(one.warehouse)
    # each shard has its own cache, holding exactly its articles
    ids = duckdb.connect(str(three.warehouse), read_only=True).sql("SELECT article_id FROM articles").pl()
    for k in range(3):
        cached = ExtractionCache(three.staging_dir, shard=(k, 3)).done_ids().sort()
        assert cached.to_list() == ids.filter(shard_of("article_id", 3) == k)["article_id"].sort().to_list()

    again = run_build(three)  # nothing new in any shard
    assert again.success and extraction_counts(again) == (0, len(MORE))


def test_one_shard_can_be_extracted_alone_and_the_load_waits_for_all(tmp_path, seeds_dir):
    write_feed(seeds_dir / "feed.jsonl", MORE)
    settings = sharded(make_settings(tmp_path, seeds_dir), 2)
    job = build_defs(settings).resolve_job_def("refresh_warehouse")
    keys = lambda *names: [dg.AssetKey(n) for n in names]  # noqa: E731
    with dg.DagsterInstance.ephemeral() as instance:
        one = job.execute_in_process(
            instance=instance, partition_key="1",
            asset_selection=keys("raw_articles", "raw_rejections", "quote_records", "figure_records", "event_records"))
        assert one.success
        assert not ExtractionCache(settings.staging_dir, shard=(0, 2)).paths("quotes")  # shard 0 untouched
        assert ExtractionCache(settings.staging_dir, shard=(1, 2)).paths("quotes")

        load = job.execute_in_process(instance=instance, raise_on_error=False, asset_selection=keys(*TABLES))
        assert not load.success  # not with one shard missing
        message = str([e.event_specific_data.error.message for e in load.all_events if e.is_step_failure])
        assert "shard-0-of-2" in message and "materialize the upstream assets first" in message


def test_sharded_runs_cover_every_shard(tmp_path, seeds_dir):
    write_feed(seeds_dir / "feed.jsonl", STORIES[:1])
    settings = sharded(make_settings(tmp_path, seeds_dir), 4)
    assert refresh_tags(1) == {}
    with dg.DagsterInstance.ephemeral() as instance:
        request = nightly_request(instance, make_resources(settings)["paths"])
    assert request.tags["dagster/asset_partition_range_start"] == "0"
    assert request.tags["dagster/asset_partition_range_end"] == "3"
    partitions = build_defs(settings).resolve_assets_def("quote_records").partitions_def
    assert partitions.get_partition_keys() == ["0", "1", "2", "3"]
    assert build_defs(sharded(settings, 1)).resolve_assets_def("quote_records").partitions_def is None


def test_shards_split_articles_by_id_stably():
    ids = pl.Series("article_id", ["00000000aa", "ffffffff00", "0000000b11", "zz-not-hex"])
    assert pl.DataFrame(ids).select(shard_of("article_id", 3)).to_series().to_list() == [0, 4294967295 % 3, 11 % 3, 0]
