"""Worker processes shared by the parallel steps (seed parsing, extraction)."""
from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor


def process_pool(workers: int) -> ProcessPoolExecutor:
    # forkserver: workers start from a clean process (no threads inherited from Dagster);
    # spawn where forkserver does not exist (macOS has it, Windows does not).
    method = "forkserver" if sys.platform != "win32" else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))
