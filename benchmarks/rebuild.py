"""The live preview's rebuild in this process: processor seconds of each rebuild after a save, as `mkdocs serve
--dirty` runs it (the README's breakdown of a save is measured so, under a profiler for the parts).

The corpus project's newest brief gets, before each rebuild, the edit `benchmarks.preview` makes (its title and a
sentence); the rebuild is MkDocs' own `build`, with the configuration read again and the plugins kept, as the
server's, and what the preview does once quiet (feeds, search) is done before the next save. Nothing is served and no browser waits: what is left is the rebuild alone, which a busy machine slows
less than the wall-clock figures of `benchmarks.preview`.

    .venv/bin/python -m benchmarks.rebuild --briefs 1000 --rebuilds 8
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from . import corpus as corpus_module
from .floor import read_corpus
from .preview import edit_brief


def measure(project: Path, rebuilds: int) -> list[float]:
    """Processor seconds of each of `rebuilds` rebuilds of `project` after a save, the first build apart."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tempfile.mkdtemp(prefix="briefings-rebuild-")
    home = "http://127.0.0.1:8000/"
    if "--dirty" not in sys.argv:  # mkdocs-static-i18n builds the other languages dirty when the command line says so
        sys.argv.append("--dirty")

    def config():
        loaded = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site_dir)
        loaded.site_url = home
        return loaded

    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    cwd = os.getcwd()
    os.chdir(project)
    try:
        build(first, serve_url=home, dirty=False)
        brief = project / "docs" / read_corpus(project).briefs[0].src
        seconds = []
        for n in range(rebuilds):
            edit_brief(brief, f"rebuild {n + 1} {int(time.time())}")
            started = time.process_time()
            build(config(), serve_url=home, dirty=True)
            seconds.append(round(time.process_time() - started, 3))
            # What the preview does once it is quiet (the feeds, the redirects, search), as between an author's
            # saves, and never in a rebuild: done before the next save. So is collecting (serve.QuietCollector).
            for quiet in first.plugins["briefings"].previewing.indexes.values():
                quiet.wait()
            gc.collect()
        first.plugins.on_shutdown()
        return seconds
    finally:
        os.chdir(cwd)
        shutil.rmtree(site_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.rebuild", description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=1000, help="generated briefs (default 1000)")
    parser.add_argument("--project", type=Path, help="a corpus project made earlier (benchmarks.corpus), not a new one")
    parser.add_argument("--rebuilds", type=int, default=8, help="rebuilds timed one after the other (default 8)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    work = Path(tempfile.mkdtemp(prefix="briefings-rebuild-project-"))
    try:
        source = args.project or corpus_module.generate(work / "source", args.briefs, 200, 100, 1).root
        project = shutil.copytree(source, work / "project")  # the edits go to a copy
        seconds = measure(project, args.rebuilds)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("Preview rebuild after a save, processor seconds: " + ", ".join(str(s) for s in seconds))
    print(f"  median: {statistics.median(seconds):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
