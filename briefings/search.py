"""Search: a Pagefind index of the built site, which a reader's browser fetches a piece at a time.

Pagefind reads the built HTML. On each page it indexes only the element marked `data-pagefind-body` (the
article, marked in `overrides/main.html`), with the metadata marked `data-pagefind-meta` (a brief's date,
a page's summary) and headings ranked above the text. It writes the bundle into `pagefind/` of the site: a
small script, a WebAssembly search engine, and the index cut into chunks by word and one fragment per page.
A query fetches only the chunks holding its words and the fragments of the results it shows, so what a
reader downloads to search stays about the same size however many briefs the site holds.
`overrides/assets/javascripts/search.js` draws the results in Material's search box.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import threading
from pathlib import Path

from pagefind.service import get_executable

log = logging.getLogger(__name__)

BUNDLE = "pagefind"
# Never indexed: the "¶" permalink of each heading, which would otherwise end every title; what a template
# marks `data-search-exclude` (as for Material's search), such as a chart; and lists of briefs
# (templates/pages/_brief-list.md), which repeat each brief's title and summary on the listing pages, and a
# brief's related, previous and next briefs (templates/pages/brief-related.md), which repeat their titles.
# Indexed there, every listing would match every query about its briefs and outrank them, and its
# fragment, which a result fetches whole, would grow with the number of briefs listed.
EXCLUDED = ".headerlink, [data-search-exclude], .brief-list, .brief-related, .brief-sequence"
# Pagefind's ready-made search interfaces. The site draws results in Material's markup instead, so they
# are removed rather than published.
UNUSED = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
# What Pagefind says when no page marks its article: it would then index whole pages, menus and all.
_NO_BODY = "Did not find a data-pagefind-body element"


class SearchIndexError(Exception):
    """The site could not be indexed for search; the message says why and what to do."""


def index_site(site: Path, *, error: type[Exception] = SearchIndexError) -> int:
    """Index the built site in `site` into `site/pagefind/`; return how many pages were indexed.

    A failure raises `error` (SearchIndexError unless the engine building the site wants its own).
    """
    command = _command(BUNDLE, error)
    try:
        done = subprocess.run(command, cwd=site, capture_output=True, text=True)
    except OSError as failure:
        raise error(f"search: could not run Pagefind ({command[0]}): {failure}") from None
    return _finish(site / BUNDLE, done.returncode, done.stdout + done.stderr, error)


def _command(output: str, error: type[Exception]) -> list[str]:
    try:
        executable = get_executable()
    except OSError:  # a Pagefind package without its program
        executable = None
    if executable is None:
        raise error(
            "search: Pagefind's program is not installed; install the pinned requirements "
            "(script/setup, or pip install -r requirements.txt) and build again."
        )
    return [str(executable), "--site", ".", "--output-subdir", output, "--exclude-selectors", EXCLUDED]


def _finish(bundle: Path, returncode: int, output: str, error: type[Exception]) -> int:
    """Check what Pagefind said, remove what the site does not use, and count the pages indexed."""
    output = output.strip()
    if returncode != 0:
        raise error(f"search: Pagefind could not index the built site:\n{output}")
    if _NO_BODY in output:
        raise error(
            "search: no page marks its article with data-pagefind-body, so Pagefind would index every "
            "page whole, navigation included; the theme's overrides/main.html should mark it."
        )
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


class PreviewIndex:
    """The live preview's index, brought up to date in the background, so that a save never waits for search.

    Indexing every page takes seconds on a large site, and running beside a rebuild it would slow the
    rebuild down: so it starts once the preview has been quiet for `QUIET` seconds after a rebuild, at the
    lowest priority, and a rebuild that starts meanwhile stops it (`interrupt`). Each run writes a new bundle
    beside the one served and then swaps it in, so search always works, a moment behind the last save."""

    QUIET = 1.0  # seconds
    NEXT = ".pagefind-next"  # the bundle being written, in the preview's own folder

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._process: subprocess.Popen | None = None
        self._generation = 0  # one more at each interruption: a run started before it does not start Pagefind

    def update(self, site: Path) -> None:
        """The site was rebuilt: index it once the preview is quiet."""
        self.interrupt()
        self._timer = threading.Timer(self.QUIET, self._index, args=(site, self._generation))
        self._timer.daemon = True
        self._timer.start()

    def interrupt(self) -> None:
        """A rebuild starts: stop indexing (the next update starts again)."""
        with self._lock:
            self._generation += 1
            if self._timer is not None:
                self._timer.cancel()
            if self._process is not None and self._process.poll() is None:
                self._process.terminate()
        self.wait()

    def wait(self) -> None:
        if self._timer is not None:
            self._timer.join()

    def _index(self, site: Path, generation: int) -> None:
        staging, bundle = site / self.NEXT, site / BUNDLE
        try:
            shutil.rmtree(staging, ignore_errors=True)
            with self._lock:
                if generation != self._generation:
                    return
                self._process = subprocess.Popen(
                    _command(self.NEXT, SearchIndexError), cwd=site, text=True, preexec_fn=lambda: os.nice(19),
                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                )
            output, _ = self._process.communicate()
            if self._process.returncode < 0:  # stopped for a rebuild
                return
            _finish(staging, self._process.returncode, output, SearchIndexError)
            previous = site / ".pagefind-previous"
            shutil.rmtree(previous, ignore_errors=True)
            if bundle.exists():
                bundle.rename(previous)
            staging.rename(bundle)
            shutil.rmtree(previous, ignore_errors=True)
        except (SearchIndexError, OSError) as failure:
            log.warning(str(failure))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
