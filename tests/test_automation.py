"""The nightly schedule and the seeds sensor, as the daemon would evaluate them."""
from __future__ import annotations

import json
import os

import dagster as dg

from pipeline.defs.automation import (
    INPUTS_TAG, inputs_fingerprint, nightly_refresh, nightly_request, seed_files_sensor,
)
from pipeline.defs.build import build_defs
from pipeline.defs.resources import NewsPaths, make_resources
from tests.conftest import make_settings


def test_nightly_schedule_runs_everything_at_two_utc():
    assert nightly_refresh.cron_schedule == "0 2 * * *"
    assert nightly_refresh.execution_timezone == "UTC"
    assert nightly_refresh.default_status == dg.DefaultScheduleStatus.RUNNING
    assert nightly_refresh.job_name == "refresh_warehouse"


def test_definitions_load_with_job_schedule_sensor():
    from pipeline.definitions import defs

    assert defs.resolve_job_def("refresh_warehouse")
    assert defs.resolve_schedule_def("nightly_refresh")
    assert defs.resolve_sensor_def("seed_files_changed").default_status == dg.DefaultSensorStatus.RUNNING
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {"raw_articles", "quotes", "figures", "events", "articles", "rejected_inputs", "article_summary"} <= keys


def evaluate(seeds, cursor):
    paths = NewsPaths(seeds_dir=str(seeds), staging_dir=str(seeds.parent / "staging"))
    ctx = dg.build_sensor_context(cursor=cursor, resources={"paths": paths})
    return seed_files_sensor(ctx)


def test_sensor_requests_runs_only_for_new_changed_or_removed_files(seeds_dir):
    a = seeds_dir / "a.txt"
    a.write_text("First.", encoding="utf-8")
    first = evaluate(seeds_dir, None)
    assert len(first.run_requests) == 1
    cursor = first.cursor
    assert str(a) in json.loads(cursor)

    assert isinstance(evaluate(seeds_dir, cursor), dg.SkipReason)  # nothing changed

    (seeds_dir / "b.jsonl").write_text('{"text": "Second."}\n', encoding="utf-8")
    second = evaluate(seeds_dir, cursor)
    assert len(second.run_requests) == 1 and second.run_requests[0].run_key != first.run_requests[0].run_key
    cursor = second.cursor

    st = a.stat()
    a.write_text("First, edited.", encoding="utf-8")
    os.utime(a, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    third = evaluate(seeds_dir, cursor)
    assert third.run_requests[0].tags["news/changed_files"] == "1"

    a.unlink()
    fourth = evaluate(seeds_dir, third.cursor)
    assert fourth.run_requests[0].tags["news/removed_files"] == "1"


def test_sensor_skips_when_seeds_dir_is_missing(tmp_path):
    assert isinstance(evaluate(tmp_path / "absent", None), dg.SkipReason)


def test_nightly_refresh_skips_only_when_nothing_changed_since_a_successful_refresh(tmp_path, seeds_dir):
    story = seeds_dir / "a.txt"
    story.write_text("Officials said 3 people were hurt when a wall fell in Lyon on Monday.", encoding="utf-8")
    settings = make_settings(tmp_path, seeds_dir)
    job = build_defs(settings).resolve_job_def("refresh_warehouse")
    paths = make_resources(settings)["paths"]
    with dg.DagsterInstance.ephemeral() as instance:
        def tick():
            return nightly_request(instance, paths)

        first = tick()
        assert isinstance(first, dg.RunRequest)  # never refreshed
        assert job.execute_in_process(instance=instance, tags=first.tags).success
        skipped = tick()
        assert isinstance(skipped, dg.SkipReason) and "unchanged" in skipped.skip_message

        settings.warehouse.unlink()  # the published file is gone: refresh it
        assert isinstance(tick(), dg.RunRequest)
        assert job.execute_in_process(instance=instance, tags=tick().tags).success
        assert isinstance(tick(), dg.SkipReason)

        st = story.stat()
        story.write_text("Officials said 4 people were hurt when a wall fell in Lyon on Monday.", encoding="utf-8")
        os.utime(story, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        assert isinstance(tick(), dg.RunRequest)  # a changed seed file


def test_a_failed_refresh_does_not_count_as_done(tmp_path, seeds_dir):
    (seeds_dir / "a.txt").write_text("Officials said 3 people were hurt in Lyon.", encoding="utf-8")
    sql = tmp_path / "sql"
    sql.mkdir()
    (sql / "broken.sql").write_text("SELECT no_such_column FROM articles", encoding="utf-8")
    settings = make_settings(tmp_path, seeds_dir, sql_dir=sql)
    paths = make_resources(settings)["paths"]
    job = build_defs(settings).resolve_job_def("refresh_warehouse")
    with dg.DagsterInstance.ephemeral() as instance:
        request = nightly_request(instance, paths)
        assert not job.execute_in_process(instance=instance, tags=request.tags, raise_on_error=False).success
        assert isinstance(nightly_request(instance, paths), dg.RunRequest)


def test_the_seeds_sensor_tags_its_runs_with_the_same_fingerprint(seeds_dir):
    (seeds_dir / "a.txt").write_text("First.", encoding="utf-8")
    request = evaluate(seeds_dir, None).run_requests[0]
    paths = NewsPaths(seeds_dir=str(seeds_dir), staging_dir=str(seeds_dir.parent / "staging"))
    assert request.tags[INPUTS_TAG] == inputs_fingerprint(paths)
