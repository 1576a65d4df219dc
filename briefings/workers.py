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
