"""Shared by the pipeline benchmarks: run `news-warehouse build` and sample the process tree's memory."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path


def _tree_rss_kb(root: int) -> int:
    """Sum of VmRSS over `root` and its descendants (Linux /proc; 0 elsewhere)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            status = (d / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid, ppid = int(d.name), int(fields.get("PPid", "0").strip())
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, stack = 0, [root]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total


def run_build(seeds: Path, warehouse: Path, env: dict | None = None) -> tuple[float, int, str]:
    """Wall seconds, peak RSS of the whole process tree (KB), and the summary printed."""
    cmd = [sys.executable, "-m", "pipeline.cli", "build", "--seeds", str(seeds), "--warehouse", str(warehouse)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env={**os.environ, **(env or {})})
    peak = 0

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.25)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, _ = proc.communicate()
    seconds = time.perf_counter() - started
    t.join()
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}):\n{out}")
    return seconds, peak, out


def run_seconds(out: str) -> float:
    """The Dagster run's own time as `news-warehouse build` prints it (start-up and imports excluded)."""
    m = re.search(r"build finished in ([0-9.]+)s", out)
    return float(m.group(1)) if m else float("nan")
