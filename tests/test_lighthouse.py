"""Lighthouse scores every kind of reader's page 100 for accessibility, best practices and SEO (light mode,
desktop), on the site built for the address it is served from, under a project sub-path.

One Lighthouse process runs every page in one Chromium (script/lighthouse.mjs; `script/setup --dev` installs
the pinned Lighthouse with npm).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import ROOT, chromium_executable

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "brief": "briefs/2026/doha-indirect-talks/",
    "actor": "actors/qatar/",
    "indicator": "indicators/talks-direct/",
    "author": "authors/briefings-desk/",
    "region": "regions/middle-east/",
}


def _chromium() -> str:
    """The Chromium Lighthouse drives: the one the browser tests use."""
    if executable := chromium_executable():
        return executable
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return playwright.chromium.executable_path


def test_every_kind_of_page_scores_100_for_accessibility_best_practices_and_seo(subpath_server):
    assert (ROOT / "node_modules/lighthouse").is_dir() and shutil.which("node"), \
        "Lighthouse is missing: script/setup --dev installs it (with Node.js and npm)"
    urls = {kind: subpath_server.url + path for kind, path in PAGES.items()}
    done = subprocess.run([shutil.which("node"), str(ROOT / "script/lighthouse.mjs"), *urls.values()],
                          capture_output=True, text=True, timeout=240, cwd=ROOT,
                          env={**os.environ, "CHROME_PATH": _chromium()})
    assert done.returncode == 0, done.stderr
    reports = json.loads(done.stdout)
    scores = {kind: reports[url]["scores"] for kind, url in urls.items()}
    failing = {kind: reports[url]["failing"] for kind, url in urls.items() if reports[url]["failing"]}
    perfect = {"accessibility": 1, "best-practices": 1, "seo": 1}
    assert scores == {kind: perfect for kind in urls}, json.dumps(failing, indent=2)
