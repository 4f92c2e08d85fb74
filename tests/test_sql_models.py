"""SQL models: dependencies parsed from the SQL, ordering between models, clear failures."""
from __future__ import annotations

import duckdb
import pytest

from pipeline.defs.build import build_defs
from pipeline.sql_models import ModelError, discover_models, load_model, tables_read
from tests.conftest import make_settings, run_build


def models_dir(tmp_path, seeds_dir, models: dict[str, str], article: str = "A quiet day."):
    """One article in the seeds and a sql/ folder holding `models` (file name -> SQL)."""
    (seeds_dir / "a.txt").write_text(article, encoding="utf-8")
    sql_dir = tmp_path / "sql"
    sql_dir.mkdir()
    for name, sql in models.items():
        (sql_dir / name).write_text(sql)
    return sql_dir


def test_tables_read_excludes_ctes():
    sql = "WITH recent AS (SELECT * FROM articles) SELECT * FROM recent JOIN quotes USING (article_id)"
    assert tables_read(sql) == {"articles", "quotes"}


def test_project_models_parse_and_read_contract_tables():
    from pipeline.settings import PROJECT_ROOT

    models = {m.name: m for m in discover_models(PROJECT_ROOT / "sql")}
    assert {"articles_per_publisher_day", "article_summary"} <= set(models)
    assert models["article_summary"].reads == {"articles", "quotes", "figures", "events"}
    assert all(m.description for m in models.values())


@pytest.mark.parametrize("name, sql, message", [
    ("Bad-Name.sql", "SELECT 1", "lower_snake_case"),
    ("two.sql", "SELECT 1; SELECT 2", "exactly one SELECT"),
    ("ddl.sql", "DROP TABLE articles", "exactly one SELECT"),
    ("garbled.sql", "SELECT FROM WHERE (((", "garbled.sql"),
])
def test_unusable_model_files_name_the_file(tmp_path, name, sql, message):
    p = tmp_path / name
    p.write_text(sql)
    with pytest.raises(ModelError, match=message):
        load_model(p)


def test_model_reading_another_model_runs_after_it(tmp_path, seeds_dir):
    # named so that alphabetical order would run the reader first
    sql_dir = models_dir(tmp_path, seeds_dir, {"a_top.sql": "-- top of the chain\nSELECT n * 10 AS n10 FROM z_base",
                                               "z_base.sql": "SELECT count(*) AS n FROM articles"},
                         article="Officials said 12 people were hurt.")
    settings = make_settings(tmp_path, seeds_dir, sql_dir)
    graph = build_defs(settings).resolve_asset_graph()
    top = next(k for k in graph.get_all_asset_keys() if k.to_user_string() == "a_top")
    assert {p.to_user_string() for p in graph.get(top).parent_keys} == {"z_base"}
    result = run_build(settings)
    assert result.success
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    assert con.execute("SELECT n10 FROM a_top").fetchall() == [(10,)]
    con.close()


def test_broken_model_fails_its_own_asset_and_is_not_published(tmp_path, seeds_dir):
    sql_dir = models_dir(tmp_path, seeds_dir, {"good.sql": "SELECT count(*) AS n FROM articles"})
    settings = make_settings(tmp_path, seeds_dir, sql_dir)
    assert run_build(settings).success

    (seeds_dir / "b.txt").write_text("Another quiet day.", encoding="utf-8")
    (sql_dir / "broken.sql").write_text("SELECT no_such_column FROM articles")
    result = run_build(build_settings := make_settings(tmp_path, seeds_dir, sql_dir))
    assert not result.success
    failures = [e for e in result.all_events if e.is_step_failure]
    assert [e.step_key for e in failures] == ["sql_models"]
    message = failures[0].event_specific_data.error.message
    assert "sql/broken.sql" in message and "no_such_column" in message
    built = {m.asset_key.to_user_string() for m in result.get_asset_materialization_events()}
    assert "good" in built and "broken" not in built
    # the other model was built, but the published warehouse is still the last good one
    con = duckdb.connect(str(build_settings.build_db), read_only=True)
    assert con.execute("SELECT n FROM good").fetchall() == [(2,)]
    con.close()
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    assert con.execute("SELECT n FROM good").fetchall() == [(1,)]
    con.close()


def test_a_model_reading_a_failed_model_is_not_built_and_the_others_are(tmp_path, seeds_dir):
    sql_dir = models_dir(tmp_path, seeds_dir, {
        "broken.sql": "SELECT no_such_column FROM articles", "reads_broken.sql": "SELECT * FROM broken",
        "fine.sql": "SELECT count(*) AS n FROM articles", "reads_fine.sql": "SELECT n + 1 AS m FROM fine"})
    result = run_build(make_settings(tmp_path, seeds_dir, sql_dir))
    built = {m.asset_key.to_user_string() for m in result.get_asset_materialization_events()}
    assert {"fine", "reads_fine"} <= built and not {"broken", "reads_broken"} & built
    (failure,) = [e for e in result.all_events if e.is_step_failure]
    assert "reads_broken: reads broken, which failed" in failure.event_specific_data.error.message


def test_one_model_can_be_materialized_alone(tmp_path, seeds_dir):
    import dagster as dg

    sql_dir = models_dir(tmp_path, seeds_dir, {"one.sql": "SELECT count(*) AS n FROM articles",
                                               "two.sql": "SELECT 2 AS n"})
    settings = make_settings(tmp_path, seeds_dir, sql_dir)
    assert run_build(settings).success
    (sql_dir / "two.sql").write_text("SELECT 3 AS n")  # changed, but not selected below
    defs = build_defs(settings)
    with dg.DagsterInstance.ephemeral() as instance:
        result = defs.resolve_implicit_global_asset_job_def().execute_in_process(
            instance=instance, asset_selection=[dg.AssetKey("one")])
    assert {m.asset_key.to_user_string() for m in result.get_asset_materialization_events()} == {"one"}
    con = duckdb.connect(str(settings.build_db), read_only=True)
    assert con.execute("SELECT n FROM two").fetchall() == [(2,)]
    con.close()
