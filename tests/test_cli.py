"""The `news-warehouse` command a user types."""
from __future__ import annotations

from pipeline.cli import main
from pipeline.settings import PROJECT_ROOT
from pipeline.sql_models import discover_models


def test_build_prints_summary_and_query_reads_it(tmp_path, seeds_dir, capsys, monkeypatch):
    (seeds_dir / "a.txt").write_text('"We are ready," the mayor said. Two bridges were closed.', encoding="utf-8")
    (seeds_dir / "b.json").write_text("{broken", encoding="utf-8")
    wh = tmp_path / "out" / "w.duckdb"
    assert main(["build", "--seeds", str(seeds_dir), "--warehouse", str(wh)]) == 0
    out = capsys.readouterr().out
    assert "finished" in out and str(wh) in out
    assert "rejected_inputs         1" in out and "articles                1" in out
    n = len(discover_models(PROJECT_ROOT / "sql"))
    assert f"SQL models built {n}/{n}" in out
    assert main(["query", "SELECT reason FROM rejected_inputs", "--warehouse", str(wh)]) == 0
    assert "invalid_json" in capsys.readouterr().out


def test_build_with_missing_seeds_exits_non_zero(tmp_path, capsys):
    assert main(["build", "--seeds", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_query_errors_are_messages_not_tracebacks(tmp_path, capsys):
    assert main(["query", "SELECT 1", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "run `news-warehouse build` first" in capsys.readouterr().err


def test_failed_run_exits_non_zero_and_names_the_failure(tmp_path, seeds_dir, capsys, monkeypatch):
    (seeds_dir / "a.txt").write_text("Calm seas today.", encoding="utf-8")
    sql_dir = tmp_path / "sql"
    sql_dir.mkdir()
    (sql_dir / "oops.sql").write_text("SELECT missing_column FROM articles")
    monkeypatch.setenv("NEWS_SQL_DIR", str(sql_dir))
    assert main(["build", "--seeds", str(seeds_dir), "--warehouse", str(tmp_path / "w.duckdb")]) == 1
    captured = capsys.readouterr()
    assert "FAILED step sql_models: oops: sql/oops.sql failed" in captured.err
    assert "FAILED in" in captured.out or "build FAILED" in captured.out


def test_bad_settings_are_an_error_message(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NEWS_WORKERS", "many")
    assert main(["build", "--seeds", str(tmp_path), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert "NEWS_WORKERS must be a whole number" in capsys.readouterr().err
