"""Benchmark: `briefings check` against a full `mkdocs build`, on the shipped site and on 1,000 briefs.

Run with `.venv/bin/python tests/benchmarks/check_vs_build.py [--briefs N]`. It copies the project into a
temporary folder, adds N generated briefs (mixing the real actors, indicators and mechanisms, with leverage and readings), and prints wall-clock
seconds and peak memory for each command, with ratios against the shipped site measured in the same run.
It asserts nothing: figures, not pass or fail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from conftest import BIN, copy_project  # noqa: E402

import yaml  # noqa: E402


def generate_briefs(project: Path, count: int) -> None:
    actors = list(yaml.safe_load((project / "data/actors.yml").read_text("utf-8")))
    indicators = list(yaml.safe_load((project / "data/indicators.yml").read_text("utf-8")))
    mechanisms = list(yaml.safe_load((project / "data/mechanisms.yml").read_text("utf-8")))
    statuses = ["advancing", "steady", "reversing"]
    rng = random.Random(1)
    start = dt.date(2020, 1, 1)
    for n in range(count):
        named = rng.sample(actors, 4)
        tracked = rng.sample(indicators, 2)
        date = start + dt.timedelta(days=n * 2)
        sections = "\n\n".join(
            f"## {heading}\n\n" + " ".join(
                f"Sentence {i} about {{{{ actor(\"{rng.choice(named)}\") }}}} and what follows from it."
                for i in range(6)
            )
            for heading in ("What happened", "Who gains leverage", "What mechanism is operating", "Why it matters")
        )
        watch = " and ".join(f'{{{{ indicator("{i}") }}}}' for i in tracked)
        path = project / f"docs/briefs/{date.year}/generated-brief-{n:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\ntitle: Generated brief {n}\ndate: {date}\nsummary: A generated brief for the benchmark.\n"
            f"actors: [{', '.join(named)}]\nindicators: [{', '.join(tracked)}]\n"
            f"mechanisms: [{rng.choice(mechanisms)}]\nleverage: {{gains: [{named[0]}], loses: [{named[1]}]}}\n"
            f"readings: {{{', '.join(f'{i}: {rng.choice(statuses)}' for i in tracked)}}}\ntags: [benchmark]\n---\n\n"
            f"{sections}\n\n## What to watch next\n\nWatch {watch}.\n",
            "utf-8",
        )


def measure(command: list, cwd: Path) -> tuple[float, float]:
    """Wall-clock seconds and the child's peak resident memory in MiB (ru_maxrss of the process tree)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed:\n{done.stdout}\n{done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        shipped = copy_project(Path(tmp) / "shipped")
        large = copy_project(Path(tmp) / "large")
        generate_briefs(large, args.briefs)
        check = [BIN / "briefings", "check"]
        build = [BIN / "mkdocs", "build", "--site-dir", "site"]
        rows = []
        for label, project in (("shipped site", shipped), (f"+{args.briefs} briefs", large)):
            check_s, check_mb = measure(check, project)
            build_s, build_mb = measure(build, project)
            rows.append((label, check_s, check_mb, build_s, build_mb))
        print(f"{'':16} {'check s':>9} {'build s':>9} {'check/build':>12}")
        for label, check_s, _, build_s, _ in rows:
            print(f"{label:16} {check_s:9.2f} {build_s:9.2f} {check_s / build_s:11.1%}")
        (_, c0, _, b0, _), (_, c1, _, b1, _) = rows
        print(f"growth from the shipped site: check x{c1 / c0:.1f}, build x{b1 / b0:.1f}")
        print(f"peak memory of any command so far: {rows[-1][4]:.0f} MiB")


if __name__ == "__main__":
    main()
