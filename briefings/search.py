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
import subprocess
import threading
from pathlib import Path

from pagefind.service import get_executable

log = logging.getLogger(__name__)

BUNDLE = "pagefind"
# Never indexed: the "¶" permalink of each heading, which would otherwise end every title; what a template
# marks `data-search-exclude` (as for Material's search), such as a chart; and lists of briefs
# (templates/pages/_brief-list.md), which repeat each brief's title and summary on the listing pages.
# Indexed there, every listing would match every query about its briefs and outrank them, and its
# fragment, which a result fetches whole, would grow with the number of briefs listed.
EXCLUDED = ".headerlink, [data-search-exclude], .brief-list"
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
    try:
        executable = get_executable()
    except OSError:  # a Pagefind package without its program
        executable = None
    if executable is None:
        raise error(
            "search: Pagefind's program is not installed; install the pinned requirements "
            "(script/setup, or pip install -r requirements.txt) and build again."
        )
    command = [str(executable), "--site", ".", "--output-subdir", BUNDLE, "--exclude-selectors", EXCLUDED]
    try:
        done = subprocess.run(command, cwd=site, capture_output=True, text=True)
    except OSError as failure:
        raise error(f"search: could not run Pagefind ({executable}): {failure}") from None
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        raise error(f"search: Pagefind could not index the built site:\n{output}")
    if _NO_BODY in output:
        raise error(
            "search: no page marks its article with data-pagefind-body, so Pagefind would index every "
            "page whole, navigation included; the theme's overrides/main.html should mark it."
        )
    bundle = site / BUNDLE
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


class PreviewIndex:
    """The live preview's index, brought up to date in the background after each rebuild, one run at a time:
    a save shows at once, and search catches up a moment later (indexing every page takes seconds on a
    large site, which the preview should not wait for)."""

    def __init__(self) -> None:
        self._run: threading.Thread | None = None

    def update(self, site: Path) -> None:
        self.wait()  # two runs writing the same bundle at once would spoil it
        self._run = threading.Thread(target=self._index, args=(site,), name="briefings-search", daemon=True)
        self._run.start()

    def wait(self) -> None:
        if self._run is not None:
            self._run.join()

    @staticmethod
    def _index(site: Path) -> None:
        try:
            index_site(site)
        except SearchIndexError as failure:
            log.warning(str(failure))
