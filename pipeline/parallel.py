"""Worker processes shared by the parallel steps (seed parsing, extraction)."""
from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor

# Imported once by the fork server, so each worker of every pool starts with the readers, the
# compiled extractor lexicons and the gazetteer already loaded (copy-on-write): about 0.5 s less
# per pool start. Not Polars: importing it starts threads (jemalloc, its spill cleaner), and a
# process with threads must not fork. Each worker imports Polars itself (0.2 s).
PRELOAD = ["__main__", "pipeline.readers", "pipeline.extract.preload"]


def _forkserver_context() -> multiprocessing.context.BaseContext:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)  # no effect once the server runs: it keeps its first list
    return ctx


def start_fork_server() -> None:
    """Start the fork server now, in the background: its imports (about 0.7 s of CPU) then overlap
    whatever the caller does next (a CLI build imports Dagster), and the first pool starts at once."""
    if sys.platform != "win32":
        _forkserver_context()
        from multiprocessing import forkserver

        forkserver.ensure_running()


def process_pool(workers: int) -> ProcessPoolExecutor:
    # forkserver: workers start from a clean process (no threads inherited from Dagster);
    # spawn where forkserver does not exist (macOS has it, Windows does not).
    if sys.platform == "win32":
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    return ProcessPoolExecutor(max_workers=workers, mp_context=_forkserver_context())
