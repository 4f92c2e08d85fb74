"""A reader holding the warehouse open, and a build killed mid-run, never break the warehouse."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from pipeline.storage.contract_checks import run_checks
from pipeline.storage.schemas import TABLES
from tests.conftest import SHARED, make_settings, run_build

CORPUS = SHARED / "corpora" / "ukraine_war_news_447.jsonl"


def count(path, table="articles"):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]
    finally:
        con.close()


def assert_whole(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        for t in TABLES:
            assert all(o.passed for o in run_checks(con, t)), t
    finally:
        con.close()


def test_reader_holding_the_file_does_not_fail_the_run(tmp_path, seeds_dir):
    (seeds_dir / "a.txt").write_text("The first story: 3 ferries were late.", encoding="utf-8")
    settings = make_settings(tmp_path, seeds_dir)
    assert run_build(settings).success
    reader = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys\n"
         f"con = duckdb.connect({str(settings.warehouse)!r}, read_only=True)\n"
         "print(con.execute('SELECT count(*) FROM articles').fetchall()[0][0], flush=True)\n"
         "sys.stdin.readline()\n"
         "print(con.execute('SELECT count(*) FROM articles').fetchall()[0][0], flush=True)\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "1"
        (seeds_dir / "b.txt").write_text("The second story: 2 trains were cancelled.", encoding="utf-8")
        assert run_build(settings).success  # would wait ~100 s and fail if it wrote the open file
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "1"  # the reader still sees the old tables
    finally:
        reader.kill()
        reader.wait()
    assert count(settings.warehouse) == 2  # a new connection sees the new ones


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpora")
def test_killed_build_leaves_previous_warehouse_whole(tmp_path, seeds_dir):
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    (seeds_dir / "feed.jsonl").write_text("\n".join(lines[:20]) + "\n", encoding="utf-8")
    settings = make_settings(tmp_path, seeds_dir)
    cmd = [sys.executable, "-m", "pipeline.cli", "build", "--seeds", str(seeds_dir), "--warehouse", str(settings.warehouse)]
    env = {**os.environ, "NEWS_WORKERS": "2"}
    assert subprocess.run(cmd, env=env, capture_output=True).returncode == 0
    old = count(settings.warehouse)

    # a bigger archive: each kill lands somewhere else in the run (reading, extracting, loading, publishing)
    (seeds_dir / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    killed_while_running = 0
    for delay in (0.3, 1.0, 2.0, 3.5):
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(delay)
        if proc.poll() is None:
            killed_while_running += 1
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        assert count(settings.warehouse) in (old, None) or count(settings.warehouse) > old
        assert_whole(settings.warehouse)
    assert killed_while_running >= 2

    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert count(settings.warehouse) > old
    assert_whole(settings.warehouse)
    json.loads(json.dumps(done.stdout))  # the summary is plain text, printed in full
