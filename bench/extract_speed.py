"""Single-core extraction throughput on real news (not a test: prints MB/s per extractor).

    .venv/bin/python bench/extract_speed.py [CORPUS.jsonl] [--repeat N]

MB counts UTF-8 bytes of article text. Each extractor is timed on its own over pre-split
documents, then the whole `extract_article` (sentence split + all three) is timed end to end.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from pipeline.extract import extract_article
from pipeline.extract.events import extract_events
from pipeline.extract.figures import extract_figures
from pipeline.extract.quotes import extract_quotes
from pipeline.extract.text import Doc

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc_news_2225.jsonl"


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    texts = [json.loads(line)["text"] for line in open(a.corpus, encoding="utf-8") if line.strip()]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    docs = [Doc(t) for t in texts]
    figures = [extract_figures(d) for d in docs]
    print(f"{len(texts)} articles, {mb:.2f} MB from {a.corpus} (best of {a.repeat}, one core)")
    rows = {
        "sentences (Doc)": lambda: [Doc(t) for t in texts],
        "quotes": lambda: [extract_quotes(d) for d in docs],
        "figures": lambda: [extract_figures(d) for d in docs],
        "events": lambda: [extract_events(d, list(f)) for d, f in zip(docs, figures)],
        "whole extract_article": lambda: [extract_article("x", t) for t in texts],
    }
    for name, fn in rows.items():
        s = best_of(fn, a.repeat)
        print(f"  {name:<22} {mb / s:7.2f} MB/s  ({s:.2f} s)")


if __name__ == "__main__":
    main()
