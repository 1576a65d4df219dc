"""The shipped content in a real Chromium: a reader's way in, accessibility (axe) and Lighthouse.

As in test_content.py, the pages are chosen from the content itself (the newest brief, the first actor listed
in data, the indicator with the most readings), never by name. The reader's way in runs on the shipped content
and on it with typical additions (additions.py). The slowest checks, the axe matrix and Lighthouse, run only on
the content with the additions, to stay within the suite's time: it holds every kind of shipped page and more.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
from playwright.sync_api import Page, expect

from additions import ContentSite
from benchmarks.browsing import VIEWPORTS, chromium_path, launch_options
from briefings.kinds import KINDS
from conftest import COLOUR_RULES, ROOT, axe_on_every_page, described, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.heavy]

NOT_FOUND = "no-such-page/"


def test_reader_goes_from_home_to_the_newest_brief_to_its_first_actor_and_back(page: Page, content_site: ContentSite):
    path, newest = next(iter(content_site.briefs().items()))
    actor = content_site.data("actors")[newest["actors"][0]]
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(content_site.url)
    expect(page.locator("h1")).to_have_text(re.compile("Latest briefs"))
    page.locator(".brief-list__title").get_by_role("link", name=newest["title"], exact=True).first.click()
    expect(page).to_have_url(content_site.url + content_site.url_of(path))
    expect(page.locator("h1")).to_have_text(re.compile("^" + re.escape(newest["title"])))
    page.locator(".brief-meta").get_by_role("link", name=actor["name"], exact=True).first.click()
    expect(page).to_have_url(content_site.url + f"actors/{newest['actors'][0]}/")
    listed = page.locator(".brief-list").first.get_by_role("link", name=newest["title"], exact=True)
    expect(listed).to_be_visible()
    listed.click()
    expect(page).to_have_url(content_site.url + content_site.url_of(path))


def pages_of_every_kind(site: ContentSite) -> list[str]:
    """A page of each kind, read from the content: the listings, the newest brief and one recording readings,
    the first actor and one whose leverage a brief judged, the first indicator and the one read most often
    (its chart), the first mechanism and tag, every hand-written page in each language it is written in, and a
    page that does not exist."""
    from briefings.urls import tag_slug

    briefs = site.briefs()
    readings = [i for m in briefs.values() for i in m.get("readings", {})]
    judged = [a for m in briefs.values() for side in ("gains", "loses") for a in m.get("leverage", {}).get(side, [])]
    tags = [t for m in briefs.values() for t in m.get("tags", [])]
    paths = ["", "briefs/", site.url_of(next(iter(briefs))), "tags/"]
    for kind in KINDS:  # each kind's index and its first entry
        paths += [f"{kind.folder}/", *(f"{kind.folder}/{entry}/" for entry in list(site.data(kind.folder))[:1])]
    paths += [site.url_of(p) for p, m in briefs.items() if m.get("readings")][:1]
    paths += [f"actors/{judged[0]}/"] if judged else []
    paths += [f"indicators/{max(set(readings), key=readings.count)}/"] if readings else []
    paths += [f"tags/{tag_slug(tags[0])}/"] if tags else []
    for page in sorted(site.docs.glob("*.md")):  # every hand-written page; `about.ar.md` is at `ar/about/`
        name, *lang = page.name.removesuffix(".md").split(".")
        address = "" if name == "index" else f"{name}/"
        paths.append(f"{lang[0]}/{address}" if lang else address)
    return list(dict.fromkeys(paths)) + [NOT_FOUND]


# The axe matrix runs on the content with the additions only (it holds every shipped page): see the docstring.
@pytest.mark.parametrize(
    "viewport, scheme, rules",
    [("desktop", "light", ()), ("desktop", "dark", COLOUR_RULES), ("phone", "dark", ())],
    ids=["desktop-light", "desktop-dark-colours", "phone-dark"],
)
def test_pages_have_no_serious_accessibility_violations(
    page: Page, content_site_with_additions: ContentSite, viewport: str, scheme: str, rules: tuple[str, ...]
):
    """Every kind of page, the 404 page included, on a desktop in the light scheme and on a phone in the dark one,
    with every rule; and on a desktop in the dark scheme, with the rules that read the colours (the two schemes
    share every layout: what the dark one can change is its colours, and the phone's layout hides some of what a
    desktop shows)."""
    site = content_site_with_additions
    page.set_viewport_size(VIEWPORTS[viewport])
    page.emulate_media(color_scheme=scheme)
    axe_on_every_page(page)
    found = {}
    paths = pages_of_every_kind(site)
    assert len(paths) >= 15
    for path in paths:
        response = page.goto(site.url + path)
        assert response.status == (404 if path == NOT_FOUND else 200), path
        expected = {"light": "default", "dark": "slate"}[scheme]
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        if violations := serious_violations(page, rules):
            found[path or "/"] = described(violations)
    assert not found, found
    page.set_content(
        '<html lang="en"><title>Grey</title><main><p style="color: #777; background: #888">Grey</p></main>'
    )
    assert [v["id"] for v in serious_violations(page, rules)] == ["color-contrast"]  # what each run would report


# Lighthouse runs on the content with the additions only (it holds every shipped page): see the docstring.
def test_every_kind_of_page_scores_100_for_accessibility_best_practices_and_seo(
    content_site_with_additions: ContentSite,
):
    """Light mode, desktop, on the site built for the address it is served from, under a project sub-path. One
    Lighthouse process runs every page in one Chromium (script/lighthouse.mjs; `script/setup --dev` installs
    the pinned Lighthouse with npm)."""
    site = content_site_with_additions
    assert (ROOT / "node_modules/lighthouse").is_dir() and shutil.which("node"), (
        "Lighthouse is missing: script/setup --dev installs it (with Node.js and npm)"
    )
    pages = {"home": "", "brief": site.url_of(next(iter(site.briefs())))}
    pages.update({kind.name: f"{kind.folder}/{entry}/" for kind in KINDS for entry in list(site.data(kind.folder))[:1]})
    urls = {kind: site.url + path for kind, path in pages.items()}
    chromium = chromium_path()  # the one the browser tests use
    assert chromium, "no Chromium: script/browser installs one"
    done = subprocess.run(
        [shutil.which("node"), str(ROOT / "script/lighthouse.mjs"), *urls.values()],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
        env={**os.environ, "CHROME_PATH": chromium, "CHROMIUM_FLAGS": json.dumps(launch_options()["args"])},
    )
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    reports = printed["pages"]
    # The script skips the benchmark Lighthouse runs before each page (for the performance category alone).
    assert {reports[url]["benchmarkIndex"] for url in urls.values()} == {printed["skipped"]}
    scores = {kind: reports[url]["scores"] for kind, url in urls.items()}
    failing = {kind: reports[url]["failing"] for kind, url in urls.items() if reports[url]["failing"]}
    perfect = {"accessibility": 1, "best-practices": 1, "seo": 1}
    assert scores == {kind: perfect for kind in urls}, json.dumps(failing, indent=2)
