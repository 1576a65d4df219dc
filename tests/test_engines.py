"""ProperDocs, a maintained fork of MkDocs 1.6, builds the same site as MkDocs.

The real project is built once with each engine, as it is published (strict, with a Pages address and a
repository), and every file of the two sites is compared: the same paths, and the same bytes, except the
`<meta name="generator">` tag of HTML pages, which names the engine. Compressed files are compared
decompressed. The day either engine diverges, the assertion lists the files that differ and shows a diff of
the first one.

ProperDocs reads `mkdocs.yml` only as a deprecated fallback for `properdocs.yml`, so it is named explicitly.
The sitemap's dates come from the briefs, not the clock, so two builds on either side of midnight agree.
"""

from __future__ import annotations

import difflib
import gzip
import re
import shutil
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import BIN, copy_project, mkdocs_build, run

BUILD_ENV = {
    "SITE_URL": "https://example-owner.github.io/briefings/",
    "REPO_URL": "https://github.com/example-owner/briefings",
}
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
GENERATOR_PLACEHOLDER = b'<meta name="generator" content="(engine)">'
LISTED_PATHS = 50
DIFF_LINES = 40
LINE_WIDTH = 160


@dataclass
class EngineSites:
    mkdocs: Path
    properdocs: Path


@pytest.fixture(scope="session")
def engine_sites(tmp_path_factory) -> EngineSites:
    """The real project, built once by each engine into its own folder."""
    base = tmp_path_factory.mktemp("engines")
    project = copy_project(base / "project")
    sites = EngineSites(mkdocs=base / "site-mkdocs", properdocs=base / "site-properdocs")

    result = mkdocs_build(project, sites.mkdocs, env=BUILD_ENV)
    assert result.returncode == 0, result.output

    properdocs = BIN / "properdocs"
    assert properdocs.is_file(), f"properdocs is not installed in {BIN}: install requirements-dev.txt"
    result = run(
        properdocs,
        "build",
        "--strict",
        "--config-file",
        "mkdocs.yml",
        "--site-dir",
        sites.properdocs,
        cwd=project,
        env=BUILD_ENV,
    )
    assert result.returncode == 0, result.output
    return sites


# -- comparing two sites ---------------------------------------------------------------------------------------


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def _content(path: Path) -> bytes:
    """The file's bytes, decompressed if it is a .gz, with the generator tag of an HTML page normalised."""
    data = path.read_bytes()
    name = path.name
    if name.endswith(".gz"):
        data = gzip.decompress(data)
        name = name[: -len(".gz")]
    if name.endswith(".html"):
        data = GENERATOR.sub(GENERATOR_PLACEHOLDER, data, count=1)
    return data


def site_differences(first: Path, second: Path) -> list[str]:
    """The relative paths present in only one site, or whose (normalised) content differs, sorted."""
    first_files, second_files = _files(first), _files(second)
    differing = first_files ^ second_files
    differing |= {p for p in first_files & second_files if _content(first / p) != _content(second / p)}
    return sorted(differing)


def _lines(data: bytes) -> list[str] | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return [line if len(line) <= LINE_WIDTH else line[:LINE_WIDTH] + " [...]" for line in text.splitlines()]


def describe_differences(first: Path, second: Path, differing: list[str], names=("first", "second")) -> str:
    """The differing paths, then a short unified diff of the first of them that both sites have."""
    first_name, second_name = names
    listing = []
    for path in differing[:LISTED_PATHS]:
        where = ""
        if not (second / path).is_file():
            where = f" (only in the {first_name} site)"
        elif not (first / path).is_file():
            where = f" (only in the {second_name} site)"
        listing.append(f"  {path}{where}")
    if len(differing) > LISTED_PATHS:
        listing.append(f"  ... and {len(differing) - LISTED_PATHS} more")
    message = [f"{len(differing)} file(s) differ between the {first_name} and {second_name} sites:", *listing]

    in_both = [path for path in differing if (first / path).is_file() and (second / path).is_file()]
    if in_both:
        path = in_both[0]
        a, b = _content(first / path), _content(second / path)
        a_lines, b_lines = _lines(a), _lines(b)
        if a_lines is None or b_lines is None:
            message.append(f"{path}: binary content differs ({len(a)} bytes, {len(b)} bytes)")
        else:
            diff = list(
                difflib.unified_diff(
                    a_lines,
                    b_lines,
                    f"{first_name}/{path}",
                    f"{second_name}/{path}",
                    n=2,
                    lineterm="",
                )
            )
            message += diff[:DIFF_LINES] + (["[...]"] if len(diff) > DIFF_LINES else [])
    return "\n".join(message)


# -- the two engines -------------------------------------------------------------------------------------------


def test_properdocs_builds_the_same_site_as_mkdocs(engine_sites: EngineSites):
    differing = site_differences(engine_sites.mkdocs, engine_sites.properdocs)
    assert not differing, describe_differences(
        engine_sites.mkdocs,
        engine_sites.properdocs,
        differing,
        names=("mkdocs", "properdocs"),
    )
    files = _files(engine_sites.mkdocs)
    assert {"index.html", "404.html", "sitemap.xml", "sitemap.xml.gz", "search/pages/0.json"} <= files
    assert sum(path.endswith(".html") for path in files) > 20  # the briefs, actors and indicators too


def test_each_site_was_built_by_its_own_engine(engine_sites: EngineSites):
    """Guards the comparison: the generator tag it sets aside names each engine, once on every page."""
    expected = {
        engine_sites.mkdocs: f'content="mkdocs-{version("mkdocs")}, mkdocs-material-'.encode(),
        engine_sites.properdocs: f'content="mkdocs-ProperDocs {version("properdocs")}, mkdocs-material-'.encode(),
    }
    for site, generator in expected.items():
        pages = sorted(site.rglob("*.html"))
        assert pages
        for page in pages:
            tags = GENERATOR.findall(page.read_bytes())
            assert len(tags) == 1 and generator in tags[0], f"{page.relative_to(site)}: {tags}"


def test_the_comparison_reports_every_kind_of_difference(engine_sites: EngineSites, tmp_path: Path):
    """The comparison itself can fail: a changed page, a changed sitemap, a missing and an extra file."""
    original = engine_sites.mkdocs
    changed = tmp_path / "changed"
    shutil.copytree(original, changed)
    assert site_differences(original, changed) == []

    about = changed / "about" / "index.html"
    extra_tag = b'<meta name="generator" content="other"><meta name="robots">'
    about.write_bytes(GENERATOR.sub(extra_tag, about.read_bytes()))
    sitemap = changed / "sitemap.xml.gz"
    sitemap.write_bytes(gzip.compress(gzip.decompress(sitemap.read_bytes()).replace(b"<loc>", b"<loc> ", 1)))
    (changed / "404.html").unlink()
    (changed / "extra.txt").write_text("extra\n")

    differing = site_differences(original, changed)
    assert differing == ["404.html", "about/index.html", "extra.txt", "sitemap.xml.gz"]
    message = describe_differences(original, changed, differing, names=("mkdocs", "properdocs"))
    assert "404.html (only in the mkdocs site)" in message
    assert "extra.txt (only in the properdocs site)" in message
    assert message.count("\n--- mkdocs/") == 1  # one diff, of the first file that both sites have
    assert "--- mkdocs/about/index.html\n+++ properdocs/about/index.html\n" in message
    assert re.search(r'^\+\s*<meta name="generator" content="\(engine\)"><meta name="robots">$', message, re.M)


def test_the_comparison_sets_aside_only_the_generator_tag(engine_sites: EngineSites, tmp_path: Path):
    original = engine_sites.mkdocs
    changed = tmp_path / "changed"
    shutil.copytree(original, changed)
    index = changed / "index.html"
    index.write_bytes(GENERATOR.sub(b'<meta name="generator" content="another engine">', index.read_bytes()))
    assert site_differences(original, changed) == []
    index.write_bytes(index.read_bytes().replace(b"</head>", b"<!-- engine -->\n</head>", 1))
    assert site_differences(original, changed) == ["index.html"]
