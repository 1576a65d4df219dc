"""Every link between pages of the built site reaches a page, and every anchor an element on it."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import BuiltSite, soup


def internal_links(site: Path) -> tuple[list[str], int]:
    """The broken links between pages of `site` (`page: href`), and how many links to an anchor were checked."""

    @cache
    def ids(page: Path) -> frozenset[str]:
        return frozenset(element["id"] for element in soup(page).find_all(id=True))

    broken, anchors_checked = [], 0
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue  # its links are absolute, for any depth it is served at
        for a in soup(page).find_all("a", href=True):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href}")
            elif parts.fragment and target.suffix == ".html":
                anchors_checked += 1
                if unquote(parts.fragment) not in ids(target):
                    broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    return broken, anchors_checked


def test_every_internal_link_and_anchor_resolves(built_site: BuiltSite):
    broken, anchors_checked = internal_links(built_site.site)
    assert not broken, "\n".join(broken[:20])
    assert anchors_checked > 100  # the headings' permalinks and the tag links of every brief
