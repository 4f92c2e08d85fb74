"""The contract checks pass on a real build and fail on corrupted tables."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from pipeline.storage.contract_checks import run_checks


@pytest.fixture
def warehouse_copy(project_seeds_build, tmp_path):
    path = tmp_path / "copy.duckdb"
    shutil.copyfile(project_seeds_build.warehouse, path)
    con = duckdb.connect(str(path))
    yield con
    con.close()


def failing(con, table):
    return {o.name: o for o in run_checks(con, table) if not o.passed}


@pytest.mark.parametrize("table", ["quotes", "figures", "events", "articles", "rejected_inputs"])
def test_checks_pass_on_a_clean_build(warehouse_copy, table):
    assert failing(warehouse_copy, table) == {}


def test_shifted_offsets_fail(warehouse_copy):
    warehouse_copy.execute("UPDATE quotes SET char_start = char_start + 1 WHERE quote_id = (SELECT min(quote_id) FROM quotes)")
    bad = failing(warehouse_copy, "quotes")
    assert set(bad) == {"offsets_exact"} and bad["offsets_exact"].failures == 1


def test_out_of_bounds_event_span_fails(warehouse_copy):
    warehouse_copy.execute("UPDATE events SET char_end = 10_000_000")
    assert "offsets_exact" in failing(warehouse_copy, "events")


def test_duplicate_ids_fail(warehouse_copy):
    warehouse_copy.execute("INSERT INTO figures SELECT * FROM figures LIMIT 1")
    assert set(failing(warehouse_copy, "figures")) == {"unique_ids"}


def test_orphan_rows_fail(warehouse_copy):
    warehouse_copy.execute("UPDATE quotes SET article_id = 'nope' WHERE quote_id = (SELECT min(quote_id) FROM quotes)")
    assert "article_exists" in failing(warehouse_copy, "quotes")


def test_values_outside_the_taxonomy_fail(warehouse_copy):
    warehouse_copy.execute("UPDATE figures SET category = 'casualties' WHERE figure_id = (SELECT min(figure_id) FROM figures)")
    warehouse_copy.execute("UPDATE events SET date_precision = 'week'")
    warehouse_copy.execute("UPDATE quotes SET kind = NULL")
    assert "enum_values" in failing(warehouse_copy, "figures")
    assert "enum_values" in failing(warehouse_copy, "events")
    bad = failing(warehouse_copy, "quotes")["enum_values"]
    assert bad.examples == ["NULL"] * len(bad.examples)


def test_wrong_char_count_fails(warehouse_copy):
    # offsets are bounded by char_count, so char_count itself is pinned to the text
    warehouse_copy.execute("UPDATE articles SET char_count = char_count - 1 WHERE article_id = (SELECT min(article_id) FROM articles)")
    assert set(failing(warehouse_copy, "articles")) == {"char_count_exact"}


def test_span_running_past_the_text_fails(warehouse_copy):
    # a span cut short by the end of the text must not pass as exact
    warehouse_copy.execute("""
        UPDATE quotes SET char_start = a.char_count - 3, char_end = a.char_count + 1,
                          quote_text = right(a.text, 3)
        FROM articles a WHERE a.article_id = quotes.article_id
          AND quote_id = (SELECT min(quote_id) FROM quotes)""")
    assert set(failing(warehouse_copy, "quotes")) == {"offsets_exact"}


def test_the_check_step_reports_each_table_and_a_failure_blocks_publishing(tmp_path, seeds_dir):
    """All tables are checked in one step (concurrently): a broken table fails only its own checks,
    and its blocking failure keeps the run from publishing the build."""
    import json

    import polars as pl

    from pipeline.storage.extract_cache import ExtractionCache
    from tests.conftest import make_settings, run_build

    (seeds_dir / "feed.jsonl").write_text(json.dumps(
        {"id": "a", "text": '"We will rebuild the school," the mayor said on Monday.'}) + "\n")
    settings = make_settings(tmp_path, seeds_dir)
    first = run_build(settings)
    evaluations = first.get_asset_check_evaluations()
    assert first.success and {e.asset_key.to_user_string() for e in evaluations} == {
        "articles", "quotes", "figures", "events", "rejected_inputs"}
    published = settings.warehouse.stat().st_mtime_ns

    # a cached quote whose text no longer matches its offsets, loaded into a fresh build file
    (cached,) = ExtractionCache(settings.staging_dir).paths("quotes")
    pl.read_parquet(cached).with_columns(pl.col("quote_text").str.to_uppercase()).write_parquet(cached)
    settings.build_db.unlink()
    second = run_build(settings)
    failed = {(e.asset_key.to_user_string(), e.check_name) for e in second.get_asset_check_evaluations() if not e.passed}
    assert failed == {("quotes", "offsets_exact")}
    assert not second.success
    assert settings.warehouse.stat().st_mtime_ns == published  # readers still see the last good build
