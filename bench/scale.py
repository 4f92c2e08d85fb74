"""A synthetic archive of many articles through the whole pipeline: articles/s, MB/s, peak RSS.

    .venv/bin/python bench/scale.py [--articles 100000] [--workers N]

Articles are made from the shared corpora by varying ids and text (paragraphs rotated, a
numbered dateline), so every one is distinct and none is folded as a duplicate.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

from _runner import run_build

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def synthesize(out: Path, n: int) -> int:
    base = []
    for name in ("bbc_news_2225.jsonl", "ukraine_war_news_447.jsonl"):
        base += [json.loads(line) for line in open(SHARED / name, encoding="utf-8") if line.strip()]
    written = 0
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            src = base[i % len(base)]
            paras = [p for p in src["text"].split("\n") if p.strip()]
            k = (i // len(base)) % max(1, len(paras))
            text = f"Dispatch {i}.\n" + "\n".join(paras[k:] + paras[:k])
            rec = {"id": f"synth-{i}", "text": text, "published_at": src.get("published_at")}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(text.encode("utf-8"))
    return written


def python_build() -> str:
    """Which interpreter ran the build: pure-Python extraction runs about 5% faster on a CPython
    built with PGO and LTO (Debian's /usr/bin/python3.11, the python Docker images, uv's) than on
    pyenv's default build (a shared libpython, no PGO). `make` prefers the system's python3."""
    return f"Python {platform.python_version()} at {sys.executable}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    seeds = tmp / "seeds"
    seeds.mkdir()
    text_bytes = synthesize(seeds / "archive.jsonl", a.articles)
    seconds, peak_kb, out = run_build(seeds, tmp / "news.duckdb", env={"NEWS_WORKERS": str(a.workers)})
    mb = text_bytes / 1e6
    print(out.strip().splitlines()[0])
    print(f"{a.articles:,} articles, {mb:.1f} MB of text, {a.workers} workers, {python_build()}")
    print(f"wall {seconds:.1f} s: {a.articles / seconds:,.0f} articles/s, {mb / seconds:.2f} MB/s "
          f"({mb / seconds / a.workers:.2f} MB/s per core), peak RSS {peak_kb / 1024:,.0f} MB")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
