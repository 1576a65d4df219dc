"""The processes forked to read in parallel (`briefings.workers`) end with the process that forked them, even
when it is killed: `mkdocs serve` stopped with SIGTERM left its search reader waiting for ever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

FORKS_AND_WAITS = """
import os, sys, time
from briefings.workers import forked_pool
pool = forked_pool(1)
print(pool.submit(os.getpid).result(), flush=True)
time.sleep(60)
"""


def _running(pid: int) -> bool:
    """Whether `pid` is a process still running (not gone, nor a zombie waiting to be reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def test_a_worker_ends_when_the_process_that_forked_it_is_killed(tmp_path: Path):
    parent = subprocess.Popen(
        [sys.executable, "-c", FORKS_AND_WAITS], cwd=tmp_path, stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    try:
        assert parent.stdout is not None
        worker = int(parent.stdout.readline())
        assert worker != parent.pid and _running(worker)
        parent.send_signal(signal.SIGTERM)  # no clean-up runs: the worker is left to itself
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while _running(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _running(worker), "the worker outlived the process that forked it"
    finally:
        parent.kill()
        parent.wait()
