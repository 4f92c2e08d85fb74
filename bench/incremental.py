"""First build vs a second build with one new article (issue: incremental nightly runs).

    .venv/bin/python bench/incremental.py

Seeds: the BBC and Ukraine corpora, or with `--synthetic N` an archive of N articles made from
them (as bench/scale.py makes it). Prints the wall times (whole CLI process, Python start-up
included) and the Dagster run's own time, and their ratios.
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

from _runner import run_build, run_seconds
from scale import synthesize

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--synthetic", type=int, default=0, metavar="N", help="use N synthetic articles instead")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-incr-"))
    seeds = tmp / "seeds"
    seeds.mkdir()
    if a.synthetic:
        synthesize(seeds / "archive.jsonl", a.synthetic)
    else:
        for name in ("bbc_news_2225.jsonl", "ukraine_war_news_447.jsonl"):
            shutil.copy(SHARED / name, seeds / name)
    wh = tmp / "news.duckdb"
    first, peak1, out1 = run_build(seeds, wh)
    (seeds / "new.jsonl").write_text(json.dumps({
        "id": "bench-new-1", "text": "Rescue teams pulled 14 people from the river after a ferry capsized "
                                     "on Tuesday, the coastguard said."}) + "\n")
    second, peak2, out2 = run_build(seeds, wh)
    unchanged, _, out3 = run_build(seeds, wh)
    mb = sum(p.stat().st_size for p in seeds.glob("*.jsonl")) / 1e6
    runs = [run_seconds(o) for o in (out1, out2, out3)]
    print(f"seeds: {mb:.1f} MB of JSONL; wall time of the whole CLI process (and of the Dagster run alone)")
    print(f"first build:               {first:6.1f} s ({runs[0]:5.1f} s)  peak RSS {peak1 / 1024:.0f} MB")
    print(f"second, one new article:   {second:6.1f} s ({runs[1]:5.1f} s)  "
          f"{100 * second / first:.1f}% of the first ({100 * runs[1] / runs[0]:.1f}%)")
    print(f"third, nothing changed:    {unchanged:6.1f} s ({runs[2]:5.1f} s)  "
          f"{100 * unchanged / first:.1f}% of the first ({100 * runs[2] / runs[0]:.1f}%)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
