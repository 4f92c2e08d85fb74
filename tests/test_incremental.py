"""Incremental, idempotent, parallel extraction, and per-article isolation of extractor failures."""
from __future__ import annotations

import json

import duckdb
import pytest
from polars.testing import assert_frame_equal

from pipeline.extract import article
from pipeline.extract.batch import extract_frames
from pipeline.normalize import ArticleSet
from pipeline.storage.extract_cache import ExtractionCache, text_hashes
from pipeline.storage.schemas import ID_COLUMN, TABLES
from tests.conftest import SEED_ARTICLE, make_settings, run_build

STORIES = [
    '"The bridge will reopen on Friday," Mayor Ana Costa said. About 300 cars cross it every day.',
    "Police arrested 12 people after a protest in the city centre on Sunday, officials said.",
    "The company said profits rose 8% to $2.4bn in the third quarter.",
]


def write_feed(path, stories):
    path.write_text("".join(json.dumps({"id": f"s{i}", "text": t}) + "\n" for i, t in enumerate(stories)))


def extraction_counts(result):
    mats = [m for m in result.get_asset_materialization_events() if m.asset_key.to_user_string() == "quote_records"]
    md = mats[0].materialization.metadata
    return md["extracted_now"].value, md["from_cache"].value


def table_contents(path):
    con = duckdb.connect(str(path), read_only=True)
    out = {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall())) for t in TABLES}
    con.close()
    return out


def test_second_run_extracts_nothing_and_changes_nothing(tmp_path, seeds_dir):
    write_feed(seeds_dir / "feed.jsonl", STORIES)
    (seeds_dir / "bad.json").write_text("{nope")
    settings = make_settings(tmp_path, seeds_dir)
    first = run_build(settings)
    assert extraction_counts(first) == (3, 0)
    before = table_contents(settings.warehouse)

    second = run_build(settings)
    assert second.success and extraction_counts(second) == (0, 3)
    assert table_contents(settings.warehouse) == before  # identical, no duplicates

    write_feed(seeds_dir / "feed.jsonl", STORIES + ["Two ships collided near the harbour, the coastguard said."])
    third = run_build(settings)
    assert extraction_counts(third) == (1, 3)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(4,)]
    con.close()

    write_feed(seeds_dir / "feed.jsonl", STORIES[:1])  # articles removed from the seeds leave the tables
    assert extraction_counts(run_build(settings)) == (0, 1)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    assert con.execute("SELECT count(DISTINCT article_id) FROM quotes").fetchall() == [(1,)]
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(1,)]
    con.close()


def test_a_story_republished_with_other_white_space_is_extracted_again(tmp_path, seeds_dir):
    write_feed(seeds_dir / "feed.jsonl", STORIES)
    settings = make_settings(tmp_path, seeds_dir)
    run_build(settings)
    # the same story (same article_id: white space is folded) with every offset after "bridge" moved
    write_feed(seeds_dir / "feed.jsonl", [STORIES[0].replace("bridge", "bridge  ")] + STORIES[1:])
    again = run_build(settings)
    assert again.success and extraction_counts(again) == (1, 2)
    checks = [e for e in again.get_asset_check_evaluations() if not e.passed]
    assert not checks  # the offsets check passes: the quote rows point into the new text
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(3,)]
    assert con.execute("SELECT quote_text FROM quotes WHERE quote_text LIKE '%bridge%'").fetchall() == [
        ("The bridge   will reopen on Friday,",)]
    con.close()


def _articles(stories):
    s = ArticleSet()
    for i, t in enumerate(stories):
        from pipeline.readers.records import RawArticle

        s.add(RawArticle(external_id=str(i), source_file="x", text=t))
    df = s.articles_frame()
    return df.with_columns(text_hashes(df["text"]))


def test_a_new_extractor_version_extracts_everything_again(tmp_path):
    articles = _articles(STORIES)
    old = ExtractionCache(tmp_path, version="old")
    old.save(articles["article_id"], {**extract_frames(articles).frames,
                                      "extracted_articles": articles.select("article_id", "text_hash")})
    assert old.todo(articles).height == 0
    new = ExtractionCache(tmp_path, version="new")
    assert new.todo(articles).height == 3
    new.save(articles["article_id"], {"extracted_articles": articles.select("article_id", "text_hash")})
    assert not old.dir.exists()  # stale versions are removed


def test_parallel_extraction_equals_serial():
    articles = _articles(STORIES * 1 + [SEED_ARTICLE.read_text(encoding="utf-8")] + [f"Item {i}: 3 boats sank." for i in range(40)])
    serial = extract_frames(articles, workers=1, batch_size=5)
    parallel = extract_frames(articles, workers=2, batch_size=5)
    for t in ("quotes", "figures", "events"):
        key = ID_COLUMN[t]
        assert_frame_equal(serial.frames[t].sort(key), parallel.frames[t].sort(key))
    assert serial.frames["quotes"].height > 0 and parallel.errors.is_empty()


def test_one_failing_article_does_not_stop_the_others(tmp_path, seeds_dir, monkeypatch):
    real = article.extract_article

    def flaky(article_id, text, *args):
        if "collided" in text:
            raise RuntimeError("extractor bug")
        return real(article_id, text, *args)

    monkeypatch.setattr(article, "extract_article", flaky)
    write_feed(seeds_dir / "feed.jsonl", STORIES + ["Two ships collided near the harbour, the coastguard said."])
    settings = make_settings(tmp_path, seeds_dir)
    result = run_build(settings)
    assert result.success
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    assert con.execute("SELECT external_id, reason FROM rejected_inputs").fetchall() == [("s3", "extraction_failed")]
    assert "RuntimeError: extractor bug" in con.execute("SELECT detail FROM rejected_inputs").fetchall()[0][0]
    failed = "(SELECT article_id FROM articles WHERE external_id = 's3')"
    for table in ("quotes", "figures", "events"):
        assert con.execute(f"SELECT count(*) FROM {table} WHERE article_id = {failed}").fetchall() == [(0,)]
    assert con.execute("SELECT count(DISTINCT article_id) FROM figures").fetchall() == [(3,)]
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(4,)]
    con.close()



def _save(cache, articles, current=None):
    frames = {**extract_frames(articles).frames, "extracted_articles": articles.select("article_id", "text_hash")}
    return cache.save((current if current is not None else articles)["article_id"], frames)


def test_new_articles_append_a_part_and_removed_ones_rewrite_the_frames(tmp_path):
    everything = _articles(STORIES)
    cache = ExtractionCache(tmp_path, version="v")
    _save(cache, everything.head(1))
    _save(cache, everything.slice(1, 1), current=everything.head(2))
    assert len(cache.paths("quotes")) == 2  # a base and one appended part
    assert cache.todo(everything)["article_id"].to_list() == everything["article_id"].to_list()[2:]

    current = everything.slice(1, 2)  # the first story left the seeds, the third arrived
    _save(cache, everything.slice(2, 1), current=current)
    assert len(cache.paths("quotes")) == 1 and sorted(cache.done_ids()) == sorted(current["article_id"])
    assert set(cache.load("figures")["article_id"]) <= set(current["article_id"])
    assert len(list(cache.dir.glob("*.parquet"))) == 5  # superseded generations are gone


def test_many_parts_are_merged(tmp_path, monkeypatch):
    import pipeline.storage.extract_cache as ec

    monkeypatch.setattr(ec, "MAX_PARTS", 2)
    everything = _articles(STORIES)
    cache = ExtractionCache(tmp_path, version="v")
    for i in range(3):
        _save(cache, everything.slice(i, 1), current=everything.head(i + 1))
    assert len(cache.paths("extracted_articles")) == 1 and cache.todo(everything).height == 0


def test_a_part_without_its_commit_marker_is_never_read(tmp_path, monkeypatch):
    import pipeline.storage.extract_cache as ec

    everything = _articles(STORIES)
    cache = ExtractionCache(tmp_path, version="v")
    _save(cache, everything.head(1))
    quotes_before = cache.load("quotes").height

    real_write = ec.write_staged

    def killed_before_commit(directory, name, df):
        if name.startswith("extracted_articles."):
            raise KeyboardInterrupt  # the run dies after writing the data parts
        return real_write(directory, name, df)

    monkeypatch.setattr(ec, "write_staged", killed_before_commit)
    with pytest.raises(KeyboardInterrupt):
        _save(cache, everything.slice(1, 2), current=everything)
    monkeypatch.setattr(ec, "write_staged", real_write)
    assert cache.load("quotes").height == quotes_before  # the orphan part is ignored
    _save(cache, everything.slice(1, 2), current=everything)  # the next run extracts them again
    ids = cache.load("quotes")["quote_id"]
    assert ids.n_unique() == ids.len() and cache.todo(everything).height == 0
