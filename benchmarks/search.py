"""What a reader downloads from opening a page to the first search result.

Preferred: a real Chromium (through Playwright) opens the page from a local server that logs every file it
sends, waits for the network to settle (the bytes "on load"), types a query into the search box and waits
for the first result; the bytes are what the server sent until then (bodies as stored; the gzip figure is
what compression would make of each file, as GitHub Pages serves it). Without Chromium, a static estimate:
the page, the stylesheets, scripts and icon it references, and the search engine's files.

The search engine is recognised from the built site, so that the same code measures Material's built-in
search (lunr in a web worker: `search/search_index.json`) and the site's own (`search/words/` and
`search/pages/`: the pieces of the index and the records of results that the query needs).
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .browsing import VIEWPORTS, chromium, chromium_path, serving


@dataclass(frozen=True)
class SearchUI:
    """How to use a search engine's interface: where to type, what a result looks like."""

    engine: str
    input: str
    result: str


MATERIAL = SearchUI("material", "input.md-search__input", ".md-search-result__item")
BRIEFINGS = SearchUI("briefings", "input.md-search__input", ".md-search-result__item")


def search_ui(site: Path) -> SearchUI:
    return BRIEFINGS if (site / "search/words").is_dir() else MATERIAL


@dataclass
class Fetch:
    path: str
    bytes: int
    gzip_bytes: int


@dataclass
class SearchCost:
    """The files fetched to open `page` and get a first result for `query`."""

    site: str
    page: str
    engine: str
    method: str  # "chromium" or "static"
    query: str
    fetches: list[Fetch] = field(default_factory=list)
    on_load_bytes: int | None = None  # sent before the query was typed (browser only)
    first_result_ms: float | None = None  # from navigation to the first result (browser only)
    note: str = ""

    @property
    def total_bytes(self) -> int:
        return sum(f.bytes for f in self.fetches)

    @property
    def total_gzip_bytes(self) -> int:
        return sum(f.gzip_bytes for f in self.fetches)

    def as_dict(self) -> dict:
        return {**asdict(self), "total_bytes": self.total_bytes, "total_gzip_bytes": self.total_gzip_bytes}


def file_for(site: Path, url_path: str) -> Path:
    """The file of the built site that a URL path is served from."""
    path = unquote(urlsplit(url_path).path).lstrip("/")
    target = site / path
    if not path or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


@functools.lru_cache(maxsize=4096)
def _gzip_size(path: Path, mtime: float) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def fetch_of(site: Path, url_path: str) -> Fetch:
    path = file_for(site, url_path)
    if not path.is_file():
        return Fetch(url_path, 0, 0)
    return Fetch(url_path, path.stat().st_size, _gzip_size(path, path.stat().st_mtime))


# -- measuring -------------------------------------------------------------------------------------------------


def browser_available() -> bool:
    """Playwright and a Chromium for it (Debian's or Playwright's own: benchmarks/browsing.py)."""
    try:
        return chromium_path() is not None
    except Exception:  # noqa: BLE001 - Playwright's driver failing to start: no browser to measure in
        return False


def measure(site: Path, page: str, query: str, *, label: str = "", use_browser: bool = True) -> SearchCost:
    """The bytes to open `page` (a URL path such as "" or "briefs/2026/x/") and get a result for `query`."""
    if use_browser and browser_available():
        try:
            return measure_in_browser(site, page, query, label=label)
        except Exception as exc:  # noqa: BLE001 - a figure is better than none: say why and estimate
            cost = measure_static(site, page, query, label=label)
            cost.note = f"Chromium failed ({type(exc).__name__}: {str(exc).splitlines()[0][:160]}); static estimate"
            return cost
    cost = measure_static(site, page, query, label=label)
    cost.note = "no Chromium or Playwright here: static estimate"
    return cost


def measure_in_browser(
    site: Path, page_path: str, query: str, *, label: str = "", timeout_ms: int = 60_000, ui: SearchUI | None = None
) -> SearchCost:
    ui = ui or search_ui(site)
    with serving(site) as server, chromium() as browser:
        context = browser.new_context(viewport=VIEWPORTS["desktop"], service_workers="block")
        page = context.new_page()
        started = time.perf_counter()
        page.goto(server.url + page_path, wait_until="load", timeout=timeout_ms)
        try:
            page.wait_for_load_state("networkidle", timeout=timeout_ms)
        except Exception:  # noqa: BLE001 - a page that keeps fetching still gets measured
            pass
        on_load = sum(n for _, n in server.sent)
        box = page.locator(ui.input).first
        box.click()
        page.keyboard.type(query)
        page.wait_for_selector(ui.result, timeout=timeout_ms)
        first_result_ms = (time.perf_counter() - started) * 1000
        sent = list(server.sent)
    fetches = [Fetch(path, n, fetch_of(site, path).gzip_bytes) for path, n in sent]
    return SearchCost(label, page_path, ui.engine, "chromium", query, fetches, on_load, round(first_result_ms))


_ASSET = re.compile(r"""<(?:link[^>]*rel="(?:stylesheet|icon|shortcut icon)"[^>]*href|script[^>]*src)="([^"]+)\"""")


_ALTERNATE = re.compile(r"""<link[^>]*rel="alternate"[^>]*href="([^"]+)\"""")


def measure_static(site: Path, page_path: str, query: str, *, label: str = "") -> SearchCost:
    """The page, what its HTML references, and the search engine's files (the query's chunks excepted)."""
    page_file = file_for(site, page_path)
    html = page_file.read_text("utf-8")
    base = page_file.parent.relative_to(site).as_posix()
    paths = ["/" + page_path]

    def resolve(href: str) -> str:
        parts = [p for p in (base + "/" + href if base != "." else href).split("/") if p not in ("", ".")]
        stack: list[str] = []
        for part in parts:
            stack.pop() if part == ".." else stack.append(part)
        return "/" + "/".join(stack)

    paths += [resolve(h) for h in _ASSET.findall(html) if not urlsplit(h).scheme]
    ui = search_ui(site)
    note = ""
    if ui.engine == "material":
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
        worker = json.loads(config.group(1)).get("search") if config else None
        if worker:
            paths.append(resolve(worker))
        paths.append("/search/search_index.json")
        # Material's bundle reads every <link rel="alternate"> as another language of the site and fetches
        # the sitemap.xml beside it (seen in Chromium with Material 9.x): a feed link costs the sitemap.
        for href in _ALTERNATE.findall(html):
            if not urlsplit(href).scheme:
                paths.append(resolve(href.rsplit("/", 1)[0] + "/sitemap.xml" if "/" in href else "sitemap.xml"))
    else:
        note = "the pieces of the index and the records of results not counted: they depend on the query (use Chromium)"
    fetches = [fetch_of(site, p) for p in dict.fromkeys(paths)]
    return SearchCost(label, page_path, ui.engine, "static", query, fetches, note=note)


def growing_files(cost: SearchCost, site: Path, smaller_site: Path, *, threshold: float = 0.10) -> list[dict]:
    """The files `cost` fetched that are bigger in `site` than in the same site built from fewer briefs."""
    grown = []
    for fetch in cost.fetches:
        big, small = fetch_of(site, fetch.path).bytes, fetch_of(smaller_site, fetch.path).bytes
        if small and big - small > max(1024, threshold * small):
            grown.append(
                {"path": fetch.path, "bytes": big, "smaller_site_bytes": small, "ratio": round(big / small, 2)}
            )
    return grown
