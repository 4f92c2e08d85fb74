"""Unchanged seed files are not parsed again; folding per-file rows equals reading everything at once."""
from __future__ import annotations

import datetime as dt
import json
import os

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import pipeline.storage.seed_cache as seed_cache
from pipeline.normalize import ArticleSet, fold_articles
from pipeline.readers import RawArticle, read_seeds, seed_sources
from pipeline.storage.seed_cache import SeedCache
from tests.conftest import make_settings, run_build

NOW = dt.datetime(2026, 1, 2, 3, 4)


def feed(path, rows):
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows), encoding="utf-8")


def parse_all(cache, seeds, **kw):
    return cache.parse_all(seed_sources(seeds), NOW, **kw)


def of(parsed, source):
    """One file's (articles, rejected) rows out of a run's."""
    return (parsed.articles.filter(pl.col("source_file") == source),
            parsed.rejected.filter(pl.col("source_file") == source))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["Rain fell.", "Rain  fell.", "Snow.", "Wind rose.", "Fog."]),
                         max_size=5), max_size=4))
def test_folding_files_equals_one_pass_over_all_of_them(files):
    one = ArticleSet(now=NOW)
    parts = []
    for f, texts in enumerate(files):
        per_file = ArticleSet(now=NOW)
        for i, text in enumerate(texts):
            item = RawArticle(external_id=f"{f}-{i}", source_file=f"f{f}.jsonl", text=text)
            one.add(item)
            per_file.add(item)
        parts.append(per_file.articles_frame())
    folded, duplicates = fold_articles(parts, NOW)
    assert_frame_equal(folded, one.articles_frame())
    assert duplicates == one.duplicates


def test_first_seen_times_are_kept_and_new_articles_get_now():
    s = ArticleSet(now=NOW)
    for i, t in enumerate(["Old story.", "New story."]):
        s.add(RawArticle(external_id=str(i), source_file="a.jsonl", text=t))
    earlier = dt.datetime(2025, 5, 5)
    prev = s.articles_frame().head(1).with_columns(pl.lit(earlier).alias("ingested_at"))
    folded, _ = fold_articles([s.articles_frame()], NOW, prev)
    assert folded["ingested_at"].to_list() == [earlier, NOW]


@pytest.mark.parametrize("small_file_bytes", [0, 1_000_000], ids=["one entry per file", "small files packed"])
def test_unchanged_files_come_from_the_cache_and_changed_ones_are_read(tmp_path, seeds_dir, monkeypatch,
                                                                       small_file_bytes):
    monkeypatch.setattr(seed_cache, "SMALL_FILE_BYTES", small_file_bytes)
    feed(seeds_dir / "a.jsonl", [("a1", "The dam held."), ("a2", "Crops failed.")])
    feed(seeds_dir / "b.jsonl", [("b1", "The port closed.")])
    cache = SeedCache(tmp_path / "staging")
    first = parse_all(cache, seeds_dir)
    assert first.from_cache == [False, False]

    feed(seeds_dir / "b.jsonl", [("b1", "The port closed."), ("b2", "Ferries stopped.")])
    read = []
    real_read = seed_cache.read_file
    monkeypatch.setattr(seed_cache, "read_file", lambda path, source: read.append(source) or real_read(path, source))
    again = SeedCache(tmp_path / "staging")
    second = parse_all(again, seeds_dir)
    assert read == ["b.jsonl"] and second.reread == ["b.jsonl"]  # only the changed file was parsed
    assert_frame_equal(of(second, "a.jsonl")[0], of(first, "a.jsonl")[0])
    assert of(second, "b.jsonl")[0]["external_id"].to_list() == ["b1", "b2"]
    # the old entry of b.jsonl is dropped: its two files, or its rows in the rewritten pack
    assert again.prune() == (2 if small_file_bytes == 0 else 0)
    third = parse_all(SeedCache(tmp_path / "staging"), seeds_dir)
    assert third.from_cache == [True, True]
    assert_frame_equal(third.articles, second.articles)
    assert third.articles["external_id"].to_list() == ["a1", "a2", "b1", "b2"] and third.rejected.is_empty()


def test_many_small_files_share_one_pack_and_empty_ones_are_remembered(tmp_path, seeds_dir, monkeypatch):
    for i in range(30):
        (seeds_dir / f"s{i:02d}.txt").write_text(f"Story {i}: the dam held.", encoding="utf-8")
    (seeds_dir / "empty.jsonl").write_text("", encoding="utf-8")
    (seeds_dir / "bad.json").write_text("{nope", encoding="utf-8")
    first = parse_all(SeedCache(tmp_path / "st"), seeds_dir, workers=2)
    assert not any(first.from_cache)
    files = sorted(p.name for p in (tmp_path / "st").rglob("*.parquet"))
    assert files == ["small-files.parquet"]

    (seeds_dir / "s07.txt").write_text("Story 7, corrected: the dam broke.", encoding="utf-8")
    read = []
    real_read = seed_cache.read_file
    monkeypatch.setattr(seed_cache, "read_file", lambda path, source: read.append(source) or real_read(path, source))
    second = parse_all(SeedCache(tmp_path / "st"), seeds_dir)
    assert read == ["s07.txt"]  # the empty file and the broken one are not read again either
    assert of(second, "s07.txt")[0]["text"].to_list() == ["Story 7, corrected: the dam broke."]
    assert of(second, "bad.json")[1]["reason"].to_list() == ["invalid_json"]
    assert second.articles.height == 30 and second.articles["source_file"].to_list() == sorted(
        f"s{i:02d}.txt" for i in range(30))  # in file order, as one pass over the files gives them


@pytest.mark.parametrize("small_file_bytes", [0, 1_000_000], ids=["one entry per file", "small files packed"])
def test_entries_written_in_the_background_are_whole_when_the_block_ends(tmp_path, seeds_dir, monkeypatch,
                                                                         small_file_bytes):
    monkeypatch.setattr(seed_cache, "SMALL_FILE_BYTES", small_file_bytes)
    feed(seeds_dir / "a.jsonl", [("a1", "The dam held."), ("a2", "Crops failed.")])
    with SeedCache(tmp_path / "st") as cache:
        first = parse_all(cache, seeds_dir)
    second = parse_all(SeedCache(tmp_path / "st"), seeds_dir)
    assert second.from_cache == [True]
    assert_frame_equal(second.articles, first.articles)


def test_a_failed_background_write_fails_the_block(tmp_path, seeds_dir, monkeypatch):
    feed(seeds_dir / "a.jsonl", [("a1", "The dam held.")])

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(seed_cache, "write_staged", disk_full)
    with pytest.raises(OSError, match="No space left"):
        with SeedCache(tmp_path / "st") as cache:
            parsed = parse_all(cache, seeds_dir)
    assert parsed.articles["external_id"].to_list() == ["a1"]  # the rows were parsed; only the cache failed


def test_a_new_reader_version_parses_every_file_again(tmp_path, seeds_dir):
    feed(seeds_dir / "a.jsonl", [("a1", "The dam held.")])
    parse_all(SeedCache(tmp_path / "st", version="old"), seeds_dir)
    new = SeedCache(tmp_path / "st", version="new")
    assert parse_all(new, seeds_dir).from_cache == [False]
    new.prune()
    assert not (tmp_path / "st" / "seed-files-old").exists()


def test_build_rereads_only_the_new_file_and_matches_a_clean_read(tmp_path, seeds_dir):
    feed(seeds_dir / "a.jsonl", [("a1", "Police arrested 3 men in Lyon on Monday."), ("dup", "The dam held.")])
    (seeds_dir / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    settings_ = make_settings(tmp_path, seeds_dir)
    run_build(settings_)
    feed(seeds_dir / "b.jsonl", [("b1", "The dam  held."), ("b2", "Ferries stopped on Friday.")])
    os.utime(seeds_dir / "a.jsonl")  # touched, not changed: read again, same rows
    result = run_build(settings_)
    md = [m.materialization.metadata for m in result.get_asset_materialization_events()
          if m.asset_key.to_user_string() == "raw_articles"][0]
    assert md["files_read"].value == 2 and md["files_unchanged"].value == 1

    staged = pl.read_parquet(settings_.staging_dir / "articles.parquet")
    clean = ArticleSet(now=NOW).extend(read_seeds(seeds_dir)).articles_frame()
    assert_frame_equal(staged.drop("ingested_at"), clean.drop("ingested_at"))
    assert staged.filter(pl.col("external_id") == "dup")["duplicate_external_ids"].to_list() == [["b1"]]
    rejected = pl.read_parquet(settings_.staging_dir / "rejected_inputs.parquet")
    assert rejected["reason"].to_list() == ["invalid_json"]


def test_a_big_jsonl_file_parsed_in_ranges_by_two_processes_gives_the_same_rows(tmp_path, seeds_dir, monkeypatch):
    monkeypatch.setattr(seed_cache, "CHUNK_BYTES", 300)  # dozens of ranges from a small file
    texts = [f"Story {i % 7}: the river rose {i % 7} metres." for i in range(60)]  # many duplicates
    lines = [json.dumps({"id": f"r{i}", "text": t}) for i, t in enumerate(texts)]
    lines[13] = "{broken"
    lines[40] = ""
    (seeds_dir / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (seeds_dir / "small.txt").write_text("Story 3: the river rose 3 metres.", encoding="utf-8")
    monkeypatch.setattr(seed_cache, "SMALL_FILE_BYTES", 100)  # big.jsonl gets its own entry
    for run in range(2):  # parsed, then from the cache
        parsed = SeedCache(tmp_path / "st").parse_all(seed_sources(seeds_dir), NOW, workers=2)
        assert parsed.from_cache == [bool(run), bool(run)]
        one = ArticleSet(now=NOW).extend(read_seeds(seeds_dir))
        folded, duplicates = fold_articles([parsed.articles], NOW)
        assert_frame_equal(folded, one.articles_frame())
        assert duplicates == one.duplicates == 52  # 58 good lines and the .txt, 7 distinct texts
        assert parsed.rejected.to_dicts() == one.rejected_frame().to_dicts()
        assert parsed.rejected["detail"].to_list()[0].startswith("line 14:")
