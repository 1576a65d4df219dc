"""Finished HTML handed to the Markdown engine whole (briefings.fragments, briefings.mkdocs.extension), and the
addresses the core works out for it (briefings.urls: page_url, relative_url, link_from), against what the engines
themselves make."""

from __future__ import annotations

import itertools

import markdown
import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from briefings.fragments import Fragments
from briefings.mkdocs.extension import FragmentsExtension
from briefings.urls import link_from, page_address, page_url, page_url_in, relative_url

EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables", "admonition", "footnotes"]
LINK = '<a class="entity-link entity-link--actor" href="../../actors/qatar/" title="A &quot;host&quot; &amp; more">Qatar</a>'
BLOCK = '<div class="brief-list">\n<ul>\n<li><a href="../x/">X &lt;1&gt;</a> <time datetime="2024-01-02">2 January 2024</time></li>\n</ul>\n</div>'


def convert(text: str, fragments: Fragments | None = None) -> str:
    extensions = [*EXTENSIONS, FragmentsExtension(fragments)] if fragments else EXTENSIONS
    return markdown.Markdown(extensions=extensions).convert(text)


@pytest.mark.parametrize(
    "template",
    [
        "Talks hosted by {link}, twice: {link}.",
        "# Heading\n\n{block}\n\nAfter the list, {link}.",
        "- an item naming {link}\n- another\n\n{block}",
        "| A | B |\n| --- | --- |\n| {link} | text |",
        "## About {link}\n\nText.",
    ],
)
def test_marked_html_makes_the_page_the_engine_makes_of_the_html_itself(template: str):
    fragments = Fragments()
    marked = template.format(link=fragments.mark(LINK), block=f"\n\n{fragments.mark(BLOCK)}\n\n")
    written = template.format(link=LINK, block=f"\n\n{BLOCK}\n\n")
    assert lines(convert(marked, fragments)) == lines(convert(written))


def lines(html: str) -> list[str]:
    """The HTML's lines, but for blank ones between blocks."""
    return [line for line in html.splitlines() if line.strip()]


def test_a_heading_with_marked_html_has_the_text_in_its_table_of_contents():
    fragments = Fragments()
    md = markdown.Markdown(extensions=[*EXTENSIONS, FragmentsExtension(fragments)])
    md.convert(f"## About {fragments.mark(LINK)}\n")
    assert md.toc_tokens[0]["name"] == "About Qatar"


def test_a_marker_of_another_site_or_made_up_is_left_as_text():
    ours, theirs = Fragments(), Fragments()
    forged = theirs.mark(LINK)
    made_up = "\x1a00000000:0\x1a"
    html = convert(f"{forged} and {made_up}", ours)
    assert "<a" not in html


def test_the_same_html_is_kept_once():
    fragments = Fragments()
    assert fragments.mark(LINK) == fragments.mark(LINK) != fragments.mark(BLOCK)


SOURCES = [
    "index.md",
    "about.md",
    "README.md",
    "actors/index.md",
    "actors/qatar.md",
    "actors/README.md",
    "briefs/2024/a-brief.md",
    "briefs/index.md",
    "tags/index.md",
    "actors/qatar/feed.xml",
    "feed.xml",
    "data/catalog.json",
    "briefs/2024/b-brief.md",
]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_page_asked_for_at_any_of_its_addresses_is_the_one_page(directory_urls: bool):
    """`page_address`, with which the preview tells which pages are open: what a browser asks for (a request's
    path, quoted as it sends it) and what the engine gives a page are the same address, and no other page's."""
    assert {page_address(a) for a in ("", "/", "./", "index.html", "/index.html")} == {""}
    assert {page_address(a) for a in ("fr/", "/fr/", "fr/./", "fr/index.html")} == {"fr/"}
    assert page_address("/ar/actors/%D9%82%D8%B7%D8%B1/") == page_address("ar/actors/قطر/") == "ar/actors/قطر/"
    assert page_address("briefs/2024/xindex.html") == "briefs/2024/xindex.html"
    files = {src: File(src, "docs", "site", directory_urls) for src in SOURCES}
    addresses = {page_address(page_url(src, directory_urls)) for src in SOURCES}
    assert len(addresses) == len({file.url for file in files.values()})  # (README.md is its folder's index.md)
    for src, file in files.items():
        assert page_address("/" + file.url) == page_address(page_url(src, directory_urls)), src


@pytest.mark.parametrize("directory_urls", [True, False])
def test_addresses_are_the_ones_the_site_engine_gives(directory_urls: bool):
    files = {src: File(src, "docs", "site", directory_urls) for src in SOURCES}
    for src, file in files.items():
        assert page_url(src, directory_urls) == file.url, src
    for source, target in itertools.product(SOURCES, SOURCES):
        expected = get_relative_url(files[target].url, files[source].url)
        assert relative_url(page_url(target, directory_urls), page_url(source, directory_urls)) == expected


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_between_languages_are_the_ones_the_site_engine_gives_pages_in_the_languages_folders(directory_urls):
    """A page of another language lies in the language's folder (`fr/`), the default language's at the root, as
    the languages plugin writes them: a link from one to the other is the engine's own between those files."""
    folder = {"en": "", "fr": "fr/"}
    for here, there in itertools.product(folder, folder):
        for source, target in itertools.product(SOURCES, SOURCES):
            page, linked = (
                File(folder[h] + s, "docs", "site", directory_urls) for h, s in ((here, source), (there, target))
            )
            assert page_url_in(here, source, directory_urls) == page.url, (here, source)
            expected = get_relative_url(linked.url, page.url)
            assert link_from(source, f"{target}#x", directory_urls, here=here, there=there) == f"{expected}#x"
