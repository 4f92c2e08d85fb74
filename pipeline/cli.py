"""`news-warehouse`: build the warehouse in-process, open the UI, or query the DuckDB file."""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from pipeline.settings import PACKAGE_DIR, PROJECT_ROOT, Settings

SUMMARY_TABLES = ("articles", "quotes", "figures", "events", "rejected_inputs")


def dagster_home() -> Path:
    """A project-local, git-ignored DAGSTER_HOME, so history, schedules and cursors survive restarts."""
    home = Path(os.environ.get("DAGSTER_HOME") or PROJECT_ROOT / ".dagster_home")
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        shutil.copyfile(PACKAGE_DIR / "dagster.yaml", home / "dagster.yaml")
    return home


def cmd_build(args: argparse.Namespace) -> int:
    settings = Settings.from_env(seeds=args.seeds, warehouse=args.warehouse)
    if not settings.seeds_dir.exists():
        print(f"error: seeds path {settings.seeds_dir} does not exist", file=sys.stderr)
        return 2
    if settings.workers > 1:
        from pipeline.parallel import start_fork_server

        try:
            start_fork_server()  # warms the worker pools on the other core while Dagster loads
        except OSError:
            pass  # (no socket here, say): the first pool tries again and a step reports the error

    import dagster as dg

    from pipeline.defs.automation import refresh_tags
    from pipeline.defs.build import build_defs

    defs = build_defs(settings)
    started = time.perf_counter()
    # An ephemeral instance keeps CLI builds out of the UI's run history and its DuckDB pool.
    with dg.DagsterInstance.ephemeral() as instance:
        result = defs.resolve_job_def("refresh_warehouse").execute_in_process(
            instance=instance, raise_on_error=False, tags=refresh_tags(settings.extract_shards))
    seconds = time.perf_counter() - started
    failed = [e for e in result.all_events if e.is_step_failure or
              (e.event_type_value == "ASSET_CHECK_EVALUATION" and not e.event_specific_data.passed)]
    for event in failed:
        if event.is_step_failure:
            err = event.event_specific_data.error
            # a dg.Failure raised after a step has yielded results arrives as "<its class>: <description>"
            message = err.message.strip().removeprefix(f"{dg.Failure.__module__}.Failure: ") if err else ""
            print(f"FAILED step {event.step_key}: {message}", file=sys.stderr)
        else:
            ev = event.event_specific_data
            print(f"FAILED check {ev.asset_key.to_user_string()}:{ev.check_name}: {ev.description}", file=sys.stderr)
    print_summary(settings, seconds, ok=result.success)
    return 0 if result.success else 1


def print_summary(settings: Settings, seconds: float, ok: bool) -> None:
    import duckdb

    from pipeline.storage.duckdb_io import scalar, table_exists

    print(f"\nnews-warehouse build {'finished' if ok else 'FAILED'} in {seconds:.1f}s")
    if not settings.warehouse.exists():
        return
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        for t in SUMMARY_TABLES:
            n = scalar(con, f'SELECT count(*) FROM "{t}"') if table_exists(con, t) else "-"
            print(f"  {t:<16} {n:>8}")
        models = sorted(p.stem for p in settings.sql_dir.glob("*.sql"))  # names only: no need to parse
        built = [m for m in models if table_exists(con, m)]
        print(f"  SQL models built {len(built)}/{len(models)}: {', '.join(built)}")
    finally:
        con.close()
    from pipeline.defs.report_asset import report_path

    report = report_path(settings.warehouse)
    print(f"\nwarehouse: {settings.warehouse}")
    if report.exists():
        print(f"report:    {report}  (open it in a browser; works offline)")
    print(f"query it:  news-warehouse query \"SELECT * FROM quotes LIMIT 5\" --warehouse {settings.warehouse}")
    print("           or python -c \"import duckdb; duckdb.connect('<file>', read_only=True)\" (DuckDB 2.x)")
    print("UI:        news-warehouse ui   (then open http://127.0.0.1:3000)")


def _built_warehouse(args: argparse.Namespace) -> Settings | None:
    settings = Settings.from_env(warehouse=args.warehouse)
    if not settings.warehouse.exists():
        print(f"error: no warehouse at {settings.warehouse}; run `news-warehouse build` first", file=sys.stderr)
        return None
    return settings


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    settings = _built_warehouse(args)
    if settings is None:
        return 2
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        rel = con.sql(args.sql)
        if rel is None:
            print("(statement ran; no result)")
            return 0
        import polars as pl

        with pl.Config(tbl_rows=args.limit, tbl_cols=-1, fmt_str_lengths=args.width, tbl_width_chars=250):
            print(rel.limit(args.limit).pl())
    except duckdb.Error as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from pipeline.defs.report_asset import report_path
    from pipeline.report import write_report_for

    settings = _built_warehouse(args)
    if settings is None:
        return 2
    out = Path(args.out).resolve() if args.out else report_path(settings.warehouse)
    report = write_report_for(settings.warehouse, out)
    empty = [s.title for s in report.sections if s.empty]
    print(f"report: {out} ({report.chart_count} charts)")
    if empty:
        print("no data for: " + "; ".join(empty))
    return 0


def cmd_ui(args: argparse.Namespace) -> int:
    env = {**os.environ, "DAGSTER_HOME": str(dagster_home())}
    if args.seeds:
        env["NEWS_SEEDS_DIR"] = str(Path(args.seeds).resolve())
    if args.warehouse:
        env["NEWS_WAREHOUSE"] = str(Path(args.warehouse).resolve())
    dagster = shutil.which("dagster") or str(Path(sys.executable).with_name("dagster"))
    cmd = [dagster, "dev", "-w", str(PROJECT_ROOT / "workspace.yaml"), "-p", str(args.port)]
    print(f"DAGSTER_HOME={env['DAGSTER_HOME']}\n$ {' '.join(cmd)}")
    os.execve(cmd[0], cmd, env)
    return 0  # pragma: no cover


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="news-warehouse", description=__doc__)
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="materialize every asset in-process and print a summary")
    b.add_argument("--seeds", help="directory or file of raw articles (default: $NEWS_SEEDS_DIR or seeds/)")
    b.add_argument("--warehouse", help="DuckDB file to write (default: $NEWS_WAREHOUSE or warehouse/news.duckdb)")
    b.set_defaults(func=cmd_build)
    q = sub.add_parser("query", help="run SQL against the warehouse (read-only) and print a table")
    q.add_argument("sql")
    q.add_argument("--warehouse")
    q.add_argument("--limit", type=int, default=50)
    q.add_argument("--width", type=int, default=60, help="characters shown per text cell")
    q.set_defaults(func=cmd_query)
    r = sub.add_parser("report", help="write the analyst's HTML report (one self-contained page)")
    r.add_argument("--warehouse")
    r.add_argument("--out", help="HTML file to write (default: $NEWS_REPORT or report.html beside the warehouse)")
    r.set_defaults(func=cmd_report)
    u = sub.add_parser("ui", help="start the Dagster UI with the project-local DAGSTER_HOME")
    u.add_argument("--seeds")
    u.add_argument("--warehouse")
    u.add_argument("--port", type=int, default=3000)
    u.set_defaults(func=cmd_ui)
    args = ap.parse_args(argv)
    try:
        return args.func(args)
    except ValueError as exc:  # bad settings (NEWS_WORKERS=abc, a malformed model file name, ...)
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
