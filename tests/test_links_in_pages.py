"""Links and images in the pages people write, read by the core (`briefings/links.py`): where they lead, the
anchors headings give, and which files of docs/ the site publishes because a page shows or links them."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import markdown
import pytest

from briefings.links import read_links
from briefings.loader import load_project
from briefings.project import Project
from briefings.urls import CATALOG_PATH, CATALOG_SCHEMA_PATH
from conftest import copy_project, mkdocs_build, soup

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)

HEADINGS = """# Title
## What happened
## What happened
## What happened_1
## Ünïcödé & *emphasis*, [a link](x.md) and `code`
## صباح الخير
## صباح الخير
## Why it matters {#why}
## snake_case _under_ __double__ ##
### A third level
"""


def test_heading_anchors_are_the_ones_the_markdown_engine_gives():
    """Pins the engine: a link is checked against the anchors the page will really have."""
    engine = set(re.findall(r'id="([^"]+)"', markdown.markdown(HEADINGS, extensions=["toc", "attr_list"])))
    assert read_links(HEADINGS, "x.md", 1).anchors == engine


def test_a_heading_holding_a_macro_makes_the_page_s_anchors_inexact():
    assert read_links('## Talks in {{ actor("qatar") }}\n', "x.md", 1).exact is False
    assert read_links("## Talks in Doha\n", "x.md", 1).exact is True


def test_links_in_code_and_macros_are_not_links_but_links_in_lists_are():
    text = (
        "Shown as code: `[not](a.md)` and ``![not](b.png)``.\n"
        '{% raw %}[not](c.md){% endraw %} {{ actor("qatar") }}\n'
        "\n"
        "    [indented code](d.md)\n"
        "\n"
        "1. A step\n"
        "\n"
        "    [a link in the step](e.md)\n"
    )
    assert [r.address for r in read_links(text, "x.md", 1).references] == ["e.md"]


def test_each_kind_of_link_is_read_at_its_place():
    text = (
        'See [the talks](talks.md#what-happened) and ![A map](map.png "Title").\n'
        "By reference: [the archive][archive] and ![A chart][chart].\n"
        'As HTML: <img src="photo.jpg" alt="A photo">\n'
        "A footnote[^1] is no link.\n"
        "\n"
        "[archive]: <../index.md>\n"
        "[chart]: chart.png\n"
        "[^1]: The note.\n"
    )
    found = [(str(r.location), r.address, r.image, r.alt) for r in read_links(text, "docs/x.md", 10).references]
    assert found == [
        ("docs/x.md:10:17", "talks.md#what-happened", False, ""),
        ("docs/x.md:10:54", "map.png", True, "A map"),
        ("docs/x.md:15:13", "../index.md", False, ""),
        ("docs/x.md:11:42", "chart.png", True, "A chart"),  # an image: where it is shown
        ("docs/x.md:12:10", "photo.jpg", True, "A photo"),
    ]


def _newest_brief(project: Path) -> Path:
    briefs = (project / "docs/briefs").glob("*/*.md")  # in a year's folder; not a translation (`x.fr.md`)
    return next(p for p in sorted(briefs, reverse=True) if len(p.suffixes) == 1)


def _show(brief: Path, markdown_text: str) -> None:
    text = brief.read_text("utf-8")
    brief.write_text(text.replace("\n## What happened\n", f"\n## What happened\n\n{markdown_text}\n", 1), "utf-8")


def _draft(project: Path, name: str, shows: str) -> None:
    model = _newest_brief(project).read_text("utf-8")
    text = model.replace("\n---\n", "\ndraft: true\n---\n", 1)
    (project / f"docs/briefs/2026/{name}.md").write_text(
        text.replace("\n## What happened\n", f"\n## What happened\n\n{shows}\n", 1), "utf-8"
    )


def test_the_files_the_site_publishes_are_those_its_pages_show(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    folder = project / "docs/briefs/2026"
    for name in ("shown.png", "drafts-only.png", "nobody.png"):
        (folder / name).write_bytes(PNG)
    _show(_newest_brief(project), "![A map](shown.png) and [its citation](doha-indirect-talks/cite.ris)")
    _draft(project, "unfinished", "![A chart](drafts-only.png)")

    published = load_project(Project.at(project))
    assert published.catalog.assets == {"briefs/2026/shown.png"}
    # And the files it generates that its pages link by their path (the live preview tells the engine of them).
    linked_files = {path for path in published.catalog.linked_outputs if not path.endswith(".md")}
    assert linked_files == {"briefs/2026/doha-indirect-talks/cite.ris", "feed.xml", CATALOG_PATH, CATALOG_SCHEMA_PATH}
    assert "actors/index.md" in published.catalog.linked_outputs  # a generated page (the home page links it)
    warnings = [str(p) for p in published.problems.warnings]
    assert any(
        w.startswith("docs/briefs/2026/nobody.png:1:1: warning: no page links or shows this file") for w in warnings
    )
    assert not any("drafts-only.png:" in w for w in warnings)  # a draft shows it
    previewed = load_project(Project.at(project), preview=True)
    assert previewed.catalog.assets == {"briefs/2026/shown.png", "briefs/2026/drafts-only.png"}


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> tuple[Path, Path, str]:
    """The example project with one brief moved into a folder of its own beside its image, built."""
    base = tmp_path_factory.mktemp("bundle")
    project = copy_project(base / "project")
    brief = _newest_brief(project)
    slug = brief.stem
    bundle = brief.parent / slug
    bundle.mkdir()
    brief.rename(bundle / "index.md")
    (bundle / "chart.png").write_bytes(PNG)
    (bundle / "unused.png").write_bytes(PNG)
    _show(bundle / "index.md", "![A chart of the talks](chart.png)")
    result = mkdocs_build(project, base / "site")
    assert result.returncode == 0, result.output
    assert "docs/briefs/2026/" + slug + "/unused.png:1:1: warning: no page links or shows this file" in result.output
    return project, base / "site", f"briefs/2026/{slug}/"


def test_a_brief_in_a_folder_of_its_own_keeps_its_address_and_shows_its_image(bundled):
    project, site, url = bundled
    page = soup(site / url / "index.html")
    image = page.select_one("article img")
    assert (image["src"], image["alt"]) == ("chart.png", "A chart of the talks")
    assert (site / url / "chart.png").read_bytes() == PNG
    assert not (site / url / "unused.png").exists()  # nothing shows it: not published
    home = soup(site / "index.html")
    assert any(a["href"].rstrip("/").endswith(url.rstrip("/")) for a in home.select("article a[href]"))
    assert f"{url}chart.png" in (site / "feed.xml").read_text("utf-8")  # absolute in the feed
