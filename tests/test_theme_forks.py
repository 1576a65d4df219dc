"""The theme's templates the site overrides (overrides/): each was written against one version of Material's
own (or, for sitemap.xml, MkDocs'). Material is pinned, but an upgrade may change a template the site copied or
extends; these tests then fail and name it, so that the override is read again against the new upstream file
before the pin moves.

- Every override is recorded with the hash of the upstream file it was written against (`REVIEWED`).
- A fork (`FORKS`: Material's file, changed in a few places) is compared with upstream line by line: the
  difference must be exactly the one recorded in tests/fixtures/theme-forks/, so a fork never drifts from
  upstream outside its declared changes, and an upgrade shows what to carry over. After reading an upstream
  change, or changing a fork on purpose, record the difference again: `python tests/test_theme_forks.py`.
- Every template an override includes, extends or imports exists, and every block it fills is a block of
  the template it extends: an override of a block Material renamed would otherwise vanish without a word.
(The header, which copies Material's but for search, is also compared in test_search.py.)"""

from __future__ import annotations

import difflib
import hashlib
import re
from pathlib import Path

import pytest

from conftest import ROOT

OVERRIDES = ROOT / "overrides"
FORK_DIFFS = ROOT / "tests/fixtures/theme-forks"

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
    "partials/source.html": ("6847616d67be4920", "a fork: the repository link, asking no other host for stars"),
    "partials/tabs-item.html": ("52fe1f551aa2dbfc", "a fork: the tab of the section a page out of the nav is in"),
    "partials/toc.html": ("fde48f583563364b", "a fork: the title names the toggle only where there is one"),
    "sitemap.xml": ("0950766d642ac999", "a fork of MkDocs' own: a lastmod only for briefs, from their dates"),
}
#: The overrides that are upstream's file changed in a few places, each difference recorded in FORK_DIFFS.
FORKS = sorted(name for name, (_, why) in REVIEWED.items() if why.startswith(("a fork", "a copy")))


def _material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def _mkdocs_templates() -> Path:
    """The templates MkDocs gives every theme, below the theme's own (sitemap.xml)."""
    import mkdocs

    return Path(mkdocs.__file__).parent / "templates"


def _upstream(name: str) -> Path | None:
    """The template the theme would use for `name` without overrides/, if there is one."""
    return next((d / name for d in (_material_templates(), _mkdocs_templates()) if (d / name).is_file()), None)


def test_every_template_the_site_overrides_was_reviewed_against_materials():
    overridden = {
        p.relative_to(OVERRIDES).as_posix()
        for p in OVERRIDES.rglob("*")
        if p.is_file() and _upstream(p.relative_to(OVERRIDES).as_posix())
    }
    assert overridden == REVIEWED.keys(), "add each newly overridden template to REVIEWED, with upstream's hash"


@pytest.mark.parametrize("name", sorted(REVIEWED))
def test_materials_template_is_the_one_the_override_was_written_against(name: str):
    expected, why = REVIEWED[name]
    upstream = hashlib.sha256(_upstream(name).read_bytes()).hexdigest()[:16]
    assert upstream == expected, (
        f"The theme's {name} changed ({expected} → {upstream}): read overrides/{name} ({why}) against it, "
        "carry over what changed, then record the new hash here"
    )


def _difference(name: str) -> str:
    """How overrides/`name` differs from upstream's file, as a unified diff."""
    theirs = _upstream(name).read_text("utf-8").splitlines(keepends=True)
    ours = (OVERRIDES / name).read_text("utf-8").splitlines(keepends=True)
    return "".join(difflib.unified_diff(theirs, ours, f"upstream/{name}", f"overrides/{name}", n=1))


@pytest.mark.parametrize("name", FORKS)
def test_a_fork_differs_from_upstream_exactly_as_recorded(name: str):
    recorded = (FORK_DIFFS / f"{name}.diff").read_text("utf-8")
    assert _difference(name) == recorded, (
        f"overrides/{name} no longer differs from upstream's file only as tests/fixtures/theme-forks/{name}.diff "
        "records: carry upstream's change into the fork (or keep the fork's change to upstream's lines), then "
        "record the difference again with `python tests/test_theme_forks.py` and read it"
    )


def test_the_recorded_differences_are_the_forks():
    assert (
        sorted(p.relative_to(FORK_DIFFS).as_posix().removesuffix(".diff") for p in FORK_DIFFS.rglob("*.diff")) == FORKS
    )
    assert "partials/nav-item.html" in FORKS and "404.html" not in FORKS  # 404.html is written anew


#: A template named by a literal (`{% include ".icons/" ~ icon ~ ".svg" %}` names none).
_NAMED = re.compile(r"""{%-?\s*(extends|include|import|from)\s+["']([^"']+)["']\s*(?:-?%}|as\b|with\b|import\b)""")
_BLOCK = re.compile(r"{%-?\s*block\s+(\w+)")


def _source(name: str) -> str:
    """A template as the theme finds it: the override if there is one, else upstream's."""
    path = OVERRIDES / name if (OVERRIDES / name).is_file() else _upstream(name)
    assert path is not None, f"no template {name!r}, in overrides/ or upstream"
    return path.read_text("utf-8")


def _blocks(name: str) -> set[str]:
    """The blocks of `name` and of every template it extends."""
    source = _source(name)
    parents = [found for kind, found in _NAMED.findall(source) if kind == "extends"]
    return set(_BLOCK.findall(source)).union(*(_blocks(parent) for parent in parents))


@pytest.mark.parametrize(
    "name", sorted(p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.html")), ids=str
)
def test_what_an_override_names_of_the_theme_exists(name: str):
    source = (OVERRIDES / name).read_text("utf-8")
    for kind, found in _NAMED.findall(source):
        assert (OVERRIDES / found).is_file() or _upstream(found), (
            f"overrides/{name} {kind}s {found!r}: no such template"
        )
    for parent in (found for kind, found in _NAMED.findall(source) if kind == "extends"):
        upstream_blocks = _blocks(parent)
        filled = set(_BLOCK.findall(source))
        assert filled <= upstream_blocks, f"overrides/{name} fills {filled - upstream_blocks}, not blocks of {parent}"


def test_every_override_is_a_template_the_theme_uses():
    """A template shadows upstream's only while the theme still uses that name: a page template the engine
    renders, or a partial some template includes. Were Material to rename a partial the site forked, the fork
    would silently stop showing."""
    from mkdocs.config import load_config

    from conftest import EXAMPLE

    theme = load_config(config_file=str(EXAMPLE / "mkdocs.yml"), theme={"name": "material"}).theme
    rendered = {"main.html", *theme.static_templates}  # a page's template unless it names another, and the rest
    templates = [*_material_templates().rglob("*.html"), *OVERRIDES.rglob("*.html")]
    named = {found for path in templates for _, found in _NAMED.findall(path.read_text("utf-8"))}
    unused = (
        {
            name
            for p in OVERRIDES.rglob("*")
            if p.suffix in {".html", ".xml"} and (name := p.relative_to(OVERRIDES).as_posix())
        }
        - rendered
        - named
    )
    assert not unused, f"no template uses {unused}: the override is dead, or upstream renamed what it shadows"
    assert {"404.html", "sitemap.xml"} <= rendered and "partials/nav-item.html" in named


def test_the_guard_sees_a_block_or_a_template_that_does_not_exist():
    assert _blocks("main.html") >= {"extrahead", "content", "container", "htmltitle", "tabs"}
    assert "no_such_block" not in _blocks("main.html")
    assert _upstream("partials/no-such-partial.html") is None


if __name__ == "__main__":  # record the forks' differences from upstream, once read
    for fork in FORKS:
        (FORK_DIFFS / f"{fork}.diff").parent.mkdir(parents=True, exist_ok=True)
        (FORK_DIFFS / f"{fork}.diff").write_text(_difference(fork), "utf-8")
        print(f"recorded tests/fixtures/theme-forks/{fork}.diff")
