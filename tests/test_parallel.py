"""The worker pools' fork server: what it preloads must be safe to fork from."""
import os
import subprocess
import sys

import polars as pl
import pytest

from pipeline.extract.batch import extract_frames
from pipeline.parallel import PRELOAD


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts threads through Linux /proc")
def test_preloaded_modules_start_no_threads():
    # The fork server forks every worker from the process that imported PRELOAD; a thread there
    # (Polars starts some on import) could hold a lock at fork time and hang the worker.
    modules = [m for m in PRELOAD if m != "__main__"]
    code = f"import os; import {', '.join(modules)}; print(len(os.listdir('/proc/self/task')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"
    assert "polars" not in modules


def test_two_pools_in_one_process_extract_alike():
    # the second pool forks from the same (already preloaded) fork server
    texts = [f"Officials said {i} people were evacuated from Kharkiv on Monday." for i in range(12)]
    arts = pl.DataFrame({"article_id": [f"a{i}" for i in range(12)], "text": texts,
                         "published_at": [None] * 12, "title": [None] * 12})
    first = extract_frames(arts, workers=2, batch_size=3)
    second = extract_frames(arts, workers=2, batch_size=3)
    assert first.frames["figures"].height == 12
    for t in first.frames:
        assert first.frames[t].equals(second.frames[t])


def test_a_fork_server_started_early_serves_the_pools():
    # the CLI starts it before importing Dagster; the pools then fork from it
    from multiprocessing import forkserver

    from pipeline.parallel import start_fork_server

    start_fork_server()
    start_fork_server()  # a second call keeps the running server
    texts = [f"Police said {i} people were arrested in Lyon." for i in range(6)]
    arts = pl.DataFrame({"article_id": [f"b{i}" for i in range(6)], "text": texts,
                         "published_at": [None] * 6, "title": [None] * 6})
    assert extract_frames(arts, workers=2, batch_size=2).frames["figures"].height == 6
    assert forkserver._forkserver._forkserver_pid is not None


def test_a_gazetteer_that_fails_to_load_does_not_stop_the_fork_server(monkeypatch):
    # the fork server swallows only ImportErrors of its preload: anything else would kill every pool
    import importlib
    import sys

    import pipeline.extract.places as places

    def broken():
        raise RuntimeError("no gazetteer")

    monkeypatch.setattr(places, "gazetteer", broken)
    monkeypatch.delitem(sys.modules, "pipeline.extract.preload", raising=False)
    importlib.import_module("pipeline.extract.preload")  # does not raise


def test_the_process_that_hands_out_batches_does_not_load_the_extractors():
    # only the workers extract: the parent of a pool of 2 never compiles the lexicons (about 0.35 s)
    code = ("import sys, polars as pl; from pipeline.extract.batch import extract_frames; "
            "arts = pl.DataFrame({'article_id': ['a', 'b', 'c'], 'text': ['Rebels shelled 2 villages.'] * 3, "
            "'published_at': [None] * 3, 'title': [None] * 3}); "
            "out = extract_frames(arts, workers=2, batch_size=1); "
            "print(out.frames['figures'].height, 'pipeline.extract.events' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["3", "False"]


def test_the_package_names_import_on_first_use():
    import pipeline.extract as extract

    assert extract.extract_article.__module__ == "pipeline.extract.article"
    assert {extract.Doc.__name__, extract.Quote.__name__} == {"Doc", "Quote"}
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        extract.nope  # noqa: B018
