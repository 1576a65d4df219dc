"""Wall time, peak memory and CPU time of one child command, read from the kernel's accounting of that child
alone."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .common import command_env


@dataclass
class Sample:
    seconds: float
    peak_mib: float  # the child's maximum resident set size
    cpu_seconds: float  # the child's user and system time, on every core it ran on (and its children's it waited for)


class CommandFailed(Exception):
    pass


def timed(command: list, cwd: Path, env: dict[str, str] | None = None) -> Sample:
    """Run `command` and measure it.

    `os.wait4` returns the resource usage of that one child (its ru_maxrss, in KiB on Linux), unlike
    `getrusage(RUSAGE_CHILDREN)`, which is the maximum over every child waited for so far.
    """
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        child = subprocess.Popen(
            [str(c) for c in command],
            cwd=cwd,
            env=command_env(env),
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)  # already reaped: tell Popen
        if child.returncode != 0:
            output.seek(0)
            tail = output.read().decode("utf-8", "replace")[-4000:]
            raise CommandFailed(f"{' '.join(map(str, command))} (in {cwd}) exited {child.returncode}:\n{tail}")
    return Sample(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def summary(samples: list[Sample]) -> dict:
    """Every run and the medians, as saved in the JSON results."""
    return {
        "seconds": [round(s.seconds, 3) for s in samples],
        "peak_mib": [round(s.peak_mib, 1) for s in samples],
        "median_seconds": round(statistics.median([s.seconds for s in samples]), 3) if samples else None,
        "median_peak_mib": round(statistics.median([s.peak_mib for s in samples]), 1) if samples else None,
        "cpu_seconds": [round(s.cpu_seconds, 2) for s in samples],
        "median_cpu_seconds": round(statistics.median([s.cpu_seconds for s in samples]), 2) if samples else None,
    }
