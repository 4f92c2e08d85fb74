"""The nightly refresh and the seeds-folder sensor; both are on from the first start."""

import hashlib
import json

import dagster as dg

from pipeline.defs.resources import NewsPaths
from pipeline.readers.files import iter_seed_files

refresh_job = dg.define_asset_job(
    "refresh_warehouse", selection=dg.AssetSelection.all(),
    description="Read the seeds, extract, load DuckDB, run the checks and rebuild every SQL model.",
)

nightly_refresh = dg.ScheduleDefinition(
    name="nightly_refresh", job=refresh_job, cron_schedule="0 2 * * *", execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Rebuild the whole warehouse at 02:00 UTC.",
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
                                    tags={"news/changed_files": str(len(changed)), "news/removed_files": str(len(removed))})],
        cursor=json.dumps(now),
    )
