"""The nightly refresh and the seeds-folder sensor; both are on from the first start."""

import hashlib
import json
from pathlib import Path

import dagster as dg
# the tags Dagster reads a partition range run from (the top-level package exports no alias)
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

from pipeline.defs.resources import NewsPaths
from pipeline.readers.files import iter_seed_files
from pipeline.storage.extract_cache import extractor_version
from pipeline.storage.seed_cache import reader_version
from pipeline.storage.versions import code_hash

# Tag on refresh runs: the fingerprint of the inputs they were started for.
INPUTS_TAG = "news/inputs"


def refresh_tags(shards: int) -> dict[str, str]:
    """Tags of a refresh run: with extraction shards, the run covers every shard (a partition
    range), so one run still refreshes the whole warehouse."""
    if shards <= 1:
        return {}
    return {ASSET_PARTITION_RANGE_START_TAG: "0", ASSET_PARTITION_RANGE_END_TAG: str(shards - 1)}


refresh_job = dg.define_asset_job(
    "refresh_warehouse", selection=dg.AssetSelection.all(),
    description="Read the seeds, extract, load DuckDB, run the checks and rebuild every SQL model.",
)


def seed_snapshot(paths: NewsPaths) -> dict[str, list[int]]:
    """path -> [mtime_ns, size] for every seed file, as the sensor's cursor stores it."""
    if not paths.seeds.exists():
        return {}
    snap = {}
    for p in iter_seed_files(paths.seeds):
        try:
            st = p.stat()
        except OSError:
            continue  # vanished between listing and stat: the next tick sees the folder as it is
        snap[str(p)] = [st.st_mtime_ns, st.st_size]
    return snap


def inputs_fingerprint(paths: NewsPaths, snapshot: dict[str, list[int]] | None = None) -> str:
    """What a refresh's result depends on: every seed file's path, mtime and size (`snapshot`, when
    the caller has just taken it), where it writes, and the code that reads, extracts and models
    the seeds. An equal fingerprint after a successful refresh means another would change nothing."""
    sql = sorted(Path(paths.sql_dir).glob("*.sql")) if paths.sql_dir else []
    code = [reader_version(), extractor_version(), code_hash(sql)]
    where = [paths.staging_dir, str(paths.warehouse)]
    blob = json.dumps([seed_snapshot(paths) if snapshot is None else snapshot, where, code], sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


@dg.schedule(name="nightly_refresh", job=refresh_job, cron_schedule="0 2 * * *", execution_timezone="UTC",
             default_status=dg.DefaultScheduleStatus.RUNNING,
             description="Refresh the warehouse at 02:00 UTC; skipped when neither the seeds nor the code "
                         "changed since the last successful refresh and the warehouse file is there.")
def nightly_refresh(context: dg.ScheduleEvaluationContext, paths: NewsPaths):
    return nightly_request(context.instance, paths)


def nightly_request(instance: dg.DagsterInstance, paths: NewsPaths) -> dg.RunRequest | dg.SkipReason:
    # The seeds sensor already starts a run for each change, so on most nights there is nothing
    # to do; a failed refresh, a code change or a deleted warehouse still get their run.
    fingerprint = inputs_fingerprint(paths)
    if paths.warehouse.exists():
        done = instance.get_runs(
            filters=dg.RunsFilter(job_name=refresh_job.name, statuses=[dg.DagsterRunStatus.SUCCESS],
                                  tags={INPUTS_TAG: fingerprint}),
            limit=1,
        )
        if done:
            return dg.SkipReason(f"seeds and code unchanged since the successful run {done[0].run_id}")
    return dg.RunRequest(tags={INPUTS_TAG: fingerprint, **refresh_tags(paths.extract_shards)})


@dg.sensor(name="seed_files_changed", job=refresh_job, minimum_interval_seconds=30,
           default_status=dg.DefaultSensorStatus.RUNNING,
           description="Starts a refresh when files in the seeds directory are added, changed or removed.")
def seed_files_sensor(context: dg.SensorEvaluationContext, paths: NewsPaths):
    before: dict[str, list[int]] = json.loads(context.cursor) if context.cursor else {}
    now = seed_snapshot(paths)
    changed = sorted(p for p in now if before.get(p) != now[p])
    removed = sorted(set(before) - set(now))
    if not changed and not removed:
        return dg.SkipReason(f"no new or changed files in {paths.seeds}")
    digest = hashlib.sha256(json.dumps([changed, removed, [now[p] for p in changed]]).encode()).hexdigest()[:16]
    context.log.info(f"{len(changed)} new or changed, {len(removed)} removed seed files")
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=f"seeds:{digest}",
                                    tags={"news/changed_files": str(len(changed)), "news/removed_files": str(len(removed)),
                                          INPUTS_TAG: inputs_fingerprint(paths, now),
                                          **refresh_tags(paths.extract_shards)})],
        cursor=json.dumps(now),
    )
