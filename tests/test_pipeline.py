"""A full in-process materialization on temp seeds and a temp DuckDB file."""
from __future__ import annotations

import json

import duckdb
import pytest

from pipeline.storage.duckdb_io import load_tables
from pipeline.storage.schemas import TABLES
from pipeline.storage.staging import staging_path
from tests.conftest import SEED_ARTICLE, make_settings, run_build


def columns(con, table):
    return [r[0] for r in con.execute(f'DESCRIBE "{table}"').fetchall()]


def test_project_seeds_build_every_contract_table(project_seeds_build):
    con = duckdb.connect(str(project_seeds_build.warehouse), read_only=True)
    for table, schema in TABLES.items():
        assert columns(con, table)[: len(schema)] == list(schema)
    fmt = dict(con.execute("SELECT regexp_extract(source_file, '\\.(\\w+)$', 1), count(*) FROM articles GROUP BY 1").fetchall())
    assert fmt == {"txt": 1, "md": 1, "jsonl": 2, "json": 1, "html": 1}
    assert con.execute("SELECT count(*) FROM quotes").fetchall()[0][0] > 0
    assert con.execute("SELECT count(*) FROM article_summary").fetchall()[0][0] == 6
    assert con.execute("SELECT typeof(extra) FROM articles LIMIT 1").fetchall()[0][0] == "JSON"
    con.close()


def test_bad_inputs_land_in_rejected_inputs_and_good_ones_are_built(tmp_path, seeds_dir):
    (seeds_dir / "seed.txt").write_text(SEED_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (seeds_dir / "copy.json").write_text(json.dumps({"id": "dup", "text": SEED_ARTICLE.read_text(encoding="utf-8")}))
    (seeds_dir / "bin.txt").write_bytes(b"\x00\x01\x02")
    (seeds_dir / "bad.jsonl").write_text('{"text": "Fine article here."}\n{oops\n', encoding="utf-8")
    settings = make_settings(tmp_path, seeds_dir)
    result = run_build(settings)
    assert result.success
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(2,)]
    assert sorted(con.execute("SELECT source_file, reason FROM rejected_inputs").fetchall()) == [
        ("bad.jsonl", "invalid_json"), ("bin.txt", "binary_file")]
    # files are read in name order, so the JSON copy is kept and the .txt is listed as its duplicate
    assert con.execute("SELECT external_id, duplicate_external_ids FROM articles WHERE len(duplicate_external_ids) > 0"
                       ).fetchall() == [("dup", ["seed"])]
    con.close()
    checks = {(e.asset_key.to_user_string(), e.check_name): e.passed for e in result.get_asset_check_evaluations()}
    assert checks and all(checks.values())


def test_failed_load_leaves_previous_tables_whole(project_seeds_build, tmp_path):
    import shutil

    path = tmp_path / "w.duckdb"
    shutil.copyfile(project_seeds_build.warehouse, path)
    con = duckdb.connect(str(path))
    before = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchall() for t in TABLES}
    staging = project_seeds_build.staging_dir
    files = {t: staging_path(staging, t) for t in TABLES}
    files["events"] = tmp_path / "missing.parquet"  # the last table fails to load
    with pytest.raises(duckdb.Error):
        load_tables(con, files)
    assert {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchall() for t in TABLES} == before
    con.close()


def test_empty_seeds_dir_builds_empty_tables(tmp_path, seeds_dir):
    settings = make_settings(tmp_path, seeds_dir)
    assert run_build(settings).success
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    assert con.execute("SELECT count(*) FROM quotes").fetchall() == [(0,)]
    con.close()
