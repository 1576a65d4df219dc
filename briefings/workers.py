"""Processes forked to read in parallel (briefs, pages for search), which end when the process that forked them
ends, however it ends.

A forked worker holds both ends of the pipe its tasks come through, so it never sees that pipe close: killed
(`mkdocs serve` stopped with SIGTERM, as an editor or a container stops it), the process that forked it would
leave it waiting for ever, holding a copy of its memory. Each worker watches for its parent's end instead.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

#: How often a worker looks whether the process that forked it is still there (seconds).
WATCH = 0.5


def processors_to_fork() -> int:
    """How many processors this process may use, if it may fork readers at all: 0 where another thread runs
    (forking threads is unsafe: a preview's server, a build of the tests' own)."""
    if threading.active_count() > 1:
        return 0
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def forked_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes forked from this one (which they share memory with until either writes),
    each ending when this process ends. Fork only where no other thread runs: forking threads is unsafe."""
    context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_end_with, initargs=(os.getpid(),))


def _end_with(parent: int) -> None:
    """In a worker: end the process once `parent` has ended (its parent is then another process)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH)
        os._exit(0)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()
