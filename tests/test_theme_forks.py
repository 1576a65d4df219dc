"""The theme's templates the site overrides (overrides/): each was written against one version of Material's
own. Material is pinned, but an upgrade may change a template the site copied or extends; this test then
fails and names it, so that the override is read again against the new upstream file before the pin moves.
(The header, which copies Material's but for search, is also compared line by line: test_search.py.)"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import ROOT

#: For each template of overrides/ that Material also has: the first 16 hex digits of the SHA-256 of
#: Material's file the override was written against (mkdocs-material 9.8.2), and what the override does.
REVIEWED = {
    "404.html": ("80c93494b5432b1b", "the not-found page, with the ways into the site"),
    "base.html": (
        "a919e32d2225e09e",
        'a fork: the toggles\' autocomplete moved to a form; hreflang links as "alternate "',
    ),
    "main.html": ("9948b55a7bc979c3", "extends base.html: feed, link previews, masthead, print address, breadcrumbs"),
    "partials/copyright.html": ("bc86bca3bf75070f", "the footer's small print"),
    "partials/header.html": ("8cf3fb15bcf969ff", "a copy but for search (compared in test_search.py)"),
    "partials/nav-item.html": ("89895208f22d68ce", "a fork: no empty tabindex; pages out of the nav in their section"),
    "partials/search.html": ("bfd556535abcddb9", "the search box for the site's own index"),
    "partials/source.html": ("6847616d67be4920", "the repository link, asking no other host for stars"),
    "partials/tabs-item.html": ("52fe1f551aa2dbfc", "a fork: the tab of the section a page out of the nav is in"),
    "partials/toc.html": ("fde48f583563364b", "a fork: the title names the toggle only where there is one"),
}


def _material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def test_every_template_the_site_overrides_was_reviewed_against_materials():
    overridden = {
        p.relative_to(ROOT / "overrides").as_posix()
        for p in (ROOT / "overrides").rglob("*")
        if p.is_file() and (_material_templates() / p.relative_to(ROOT / "overrides")).is_file()
    }
    assert overridden == REVIEWED.keys(), "add each newly overridden template to REVIEWED, with Material's hash"


@pytest.mark.parametrize("name", sorted(REVIEWED))
def test_materials_template_is_the_one_the_override_was_written_against(name: str):
    expected, why = REVIEWED[name]
    upstream = hashlib.sha256((_material_templates() / name).read_bytes()).hexdigest()[:16]
    assert upstream == expected, (
        f"Material's {name} changed ({expected} → {upstream}): read overrides/{name} ({why}) against it, "
        "carry over what changed, then record the new hash here"
    )
