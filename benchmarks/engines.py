"""The site's own search beside Pagefind, on the same built site: index time, peak memory, bytes to a first
result and the relevance score (benchmarks.relevance).

- The site's own index is written as the build renders each page, so its cost is part of the build's. To
  set it beside Pagefind's, `python -m benchmarks.engines reindex SITE OUT` indexes the built pages again in
  a process of its own (each page's article, as the build hands it over), timed like Pagefind.
- Pagefind (npm `pagefind`, pinned in package.json) indexes a copy of the same site, to which a page with
  Pagefind's own UI is added (`pagefind-search/`), where its bytes to a first result are measured. That page
  is bare, while the site's own search is measured on the site's home page: compare the bytes of search
  itself (what is fetched after the page has loaded) as well as the totals.
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path

from . import relevance, search
from .browsing import VIEWPORTS, chromium, serving
from .common import ROOT
from .measure import timed

PAGEFIND = ROOT / "node_modules/.bin/pagefind"
PAGEFIND_PAGE = "pagefind-search/"
PAGEFIND_UI = search.SearchUI("pagefind", ".pagefind-ui__search-input", ".pagefind-ui__result")
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def reindex(site: Path, out: Path) -> int:
    """Index every built page of `site` into `out` as the build does (articles only; no facets)."""
    from briefings.search import SearchIndex

    index = SearchIndex()
    for page in sorted(site.rglob("index.html")):
        text = page.read_text("utf-8")
        article = _ARTICLE.search(text)
        if not article:
            continue
        title = _TITLE.search(text)
        url = page.parent.relative_to(site).as_posix()
        index.add(
            "" if url == "." else url + "/",
            article[1],
            title=html.unescape(title[1]).split(" - ")[0] if title else "",
            meta={},
        )
    return index.write(out)


def pagefind_available() -> bool:
    return PAGEFIND.exists()


def compare(site: Path, work: Path, query: str, *, use_browser: bool = True) -> dict:
    """Both engines on `site`: {engine: {index_seconds, peak_mib, bytes, search_bytes, relevance, misses}}."""
    results: dict = {}
    ours = timed([sys.executable, "-m", "benchmarks.engines", "reindex", site, work / "reindexed"], cwd=ROOT)
    results["briefings"] = {"index_seconds": round(ours.seconds, 2), "peak_mib": round(ours.peak_mib, 1)}
    if pagefind_available():
        copy = work / "pagefind-site"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(site, copy)
        theirs = timed([PAGEFIND, "--site", copy], cwd=ROOT)
        (copy / PAGEFIND_PAGE).mkdir(exist_ok=True)
        (copy / PAGEFIND_PAGE / "index.html").write_text(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title>'
            '<link href="../pagefind/pagefind-ui.css" rel="stylesheet"></head><body><div id="search"></div>'
            '<script src="../pagefind/pagefind-ui.js"></script>'
            '<script>window.addEventListener("DOMContentLoaded", () => new PagefindUI({element: "#search"}));'
            "</script></body></html>",
            "utf-8",
        )
        results["pagefind"] = {"index_seconds": round(theirs.seconds, 2), "peak_mib": round(theirs.peak_mib, 1)}
    else:
        results["pagefind"] = {"note": "node_modules/.bin/pagefind missing: run script/setup --dev"}
    if use_browser and search.browser_available():
        cost = search.measure_in_browser(site, "", query, label="briefings")
        assert cost.on_load_bytes is not None, "measured in the browser"
        results["briefings"].update(bytes=cost.total_bytes, search_bytes=cost.total_bytes - cost.on_load_bytes)
        results["briefings"].update(_relevance(site, relevance.run_in_briefings))
        if pagefind_available():
            cost = search.measure_in_browser(copy, PAGEFIND_PAGE, query, label="pagefind", ui=PAGEFIND_UI)
            assert cost.on_load_bytes is not None, "measured in the browser"
            results["pagefind"].update(bytes=cost.total_bytes, search_bytes=cost.total_bytes - cost.on_load_bytes)
            results["pagefind"].update(_relevance(copy, relevance.run_in_pagefind))
    return results


def _relevance(site: Path, run) -> dict:
    with serving(site) as server, chromium() as browser:
        outcomes = run(browser.new_page(viewport=VIEWPORTS["desktop"]), server.url)
    return {
        "relevance": round(relevance.score(outcomes), 2),
        "misses": [o.query.text for o in outcomes if not o.passed],
    }


def report(results: dict) -> str:
    rows = [
        ("index time (s)", "index_seconds"),
        ("peak memory (MiB)", "peak_mib"),
        ("bytes to a first result", "bytes"),
        ("  of which search", "search_bytes"),
        ("relevance (share of the table)", "relevance"),
    ]
    lines = [f"{'':32} {'site search':>14} {'Pagefind':>14}"]
    for label, key in rows:
        cells = [results.get(engine, {}).get(key) for engine in ("briefings", "pagefind")]
        lines.append(f"{label:32} " + " ".join(f"{'-' if c is None else f'{c:,}':>14}" for c in cells))
    for engine in ("briefings", "pagefind"):
        if results.get(engine, {}).get("misses"):
            lines.append(f"{engine} missed: {', '.join(results[engine]['misses'])}")
        if results.get(engine, {}).get("note"):
            lines.append(f"{engine}: {results[engine]['note']}")
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:2] == ["reindex"]:
        print(reindex(Path(sys.argv[2]), Path(sys.argv[3])))
    elif sys.argv[1:2] == ["compare"]:
        import json
        import tempfile

        found = compare(Path(sys.argv[2]), Path(tempfile.mkdtemp(prefix="briefings-engines-")), "leverage")
        print(report(found))
        print(json.dumps(found, indent=2))
    else:
        print("python -m benchmarks.engines reindex SITE OUT | compare SITE", file=sys.stderr)
        sys.exit(2)
