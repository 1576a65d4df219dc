"""Citable briefs: each published brief's citation as BibTeX and RIS files beside its page, read back here as
reference managers read them (bibtexparser, rispy), linked from its "How to cite" section, and the
`citation_*` meta tags of its page's head (what Google Scholar and Zotero read). Hostile values survive each
format exactly; test_escaping.py checks the same on a built site whose every field is hostile."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import rispy
import yaml

from briefings.citation import bibtex, ris
from briefings.loader import load_project
from briefings.metadata import Citation, citation_key
from briefings.project import Project
from briefings.urls import citation_paths
from conftest import (
    EXAMPLE,
    ROOT,
    BuiltSite,
    copy_project,
    front_matter,
    is_translation,
    mkdocs_build,
    page_path,
    read_bibtex,
)

AUTHORS = yaml.safe_load((EXAMPLE / "data/authors.yml").read_text("utf-8"))
SITE_NAME = re.search(r"^site_name: (.+)$", (EXAMPLE / "mkdocs.yml").read_text("utf-8"), re.M).group(1)
#: Everything BibTeX, RIS and HTML read otherwise, in one title: braces (balanced and not), an entry of its
#: own, a backslash, LaTeX's specials, RIS tags, HTML markup and an entity. (White space comes as the loader
#: leaves a title: single spaces.)
HOSTILE = (
    "Braces {x} } { \\ \\textbf{no} $5 & 10% #1 a_b ^ ~ \"q\" 'q' <b>&amp;</b> @misc{evil, title = {x}} "
    "ER - TY - JOUR Ünïcödé – ‘quotes’"
)


def hostile_citation(**changes) -> Citation:
    values = dict(
        key="a-brief-2026",
        title=HOSTILE,
        authors=("Jane Doe", "Smith, John", "Tom and Jerry", "Ann {x} O'Neil \\ 100%"),
        publisher="Briefs & {Co} #1",
        date=dt.date(2026, 12, 9),
        url="https://example.org/a b/{x}/",
        summary=HOSTILE,
        tags=("a_b", "c & d"),
    )
    return Citation(**{**values, **changes})


def test_bibtex_gives_back_every_value_exactly():
    c = hostile_citation()
    key, fields, authors = read_bibtex(bibtex(c))
    assert key == "a-brief-2026"
    assert fields["title"] == HOSTILE and fields["abstract"] == HOSTILE
    assert authors == list(c.authors)  # a comma or an "and" in a name does not split or turn it
    assert fields["publisher"] == "Briefs & {Co} #1"
    assert (fields["year"], fields["month"], fields["date"]) == ("2026", "dec", "2026-12-09")
    assert fields["url"] == "https://example.org/a%20b/%7Bx%7D/"
    assert fields["keywords"] == "a_b, c & d"


def test_without_authors_the_site_is_the_author():
    c = hostile_citation(authors=())
    assert read_bibtex(bibtex(c))[2] == ["Briefs & {Co} #1"]
    assert rispy.loads(ris(c))[0]["authors"] == ["Briefs & {Co} #1"]
    assert ("citation_author", "Briefs & {Co} #1") in c.meta_tags()


def test_ris_gives_back_every_value_exactly_one_line_each():
    c = hostile_citation(authors=("Jane\nDoe", "Smith, John"), summary="Two\r\nER  - \nTY  - JOUR\u2028lines")
    text = ris(c)
    assert all(line[:2].isalnum() and line[2:6] == "  - " for line in text.split("\r\n")[:-1]), text
    assert text.endswith("ER  - \r\n")
    (record,) = rispy.loads(text)
    assert record["type_of_reference"] == "ELEC" and record["title"] == HOSTILE
    assert record["authors"] == ["Jane Doe", "Smith, John"]
    assert record["abstract"] == "Two ER - TY - JOUR lines"  # no line of its own: no record ended or begun
    assert (record["year"], record["date"]) == ("2026", "2026/12/09")
    assert record["publisher"] == "Briefs & {Co} #1" and record["urls"] == ["https://example.org/a%20b/%7Bx%7D/"]
    assert record["keywords"] == ["a_b", "c & d"]


def test_the_meta_tags_say_what_google_scholar_reads():
    assert hostile_citation().meta_tags() == [
        ("citation_title", HOSTILE),
        ("citation_author", "Jane Doe"),
        ("citation_author", "Smith, John"),
        ("citation_author", "Tom and Jerry"),
        ("citation_author", "Ann {x} O'Neil \\ 100%"),
        ("citation_publication_date", "2026/12/09"),
        ("citation_publisher", "Briefs & {Co} #1"),
        ("citation_public_url", "https://example.org/a b/{x}/"),
    ]


def test_every_brief_has_a_stable_key_of_its_own_and_its_files_beside_its_page():
    catalog = load_project(Project.at(EXAMPLE)).catalog
    keys = [citation_key(brief) for brief in catalog.briefs]
    assert len(set(keys)) == len(keys)
    doha = catalog.brief("briefs/2026/doha-indirect-talks.md")
    assert citation_key(doha) == "doha-indirect-talks-2026"
    folder = "briefs/2026/doha-indirect-talks"
    assert citation_paths(doha) == (f"{folder}/cite.bib", f"{folder}/cite.ris")
    bundled = dataclasses.replace(doha, src_uri="briefs/2026/doha-indirect-talks/index.md")  # with its images
    assert citation_paths(bundled) == citation_paths(doha) and citation_key(bundled) == citation_key(doha)


# -- the built site --------------------------------------------------------------------------------------------


PUBLISHED = {
    p: m
    for p in sorted((EXAMPLE / "docs/briefs").rglob("*.md"))
    if p.name != "index.md"
    and not is_translation(p)
    and not (m := front_matter(p)).get("draft")
    and page_path(p) == p.with_suffix("").as_posix()  # written in English: its page at the root is the brief's
}


def _url(path: Path) -> str:
    return page_path(path.relative_to(EXAMPLE / "docs")) + "/"


@pytest.mark.parametrize("path", list(PUBLISHED), ids=lambda p: p.stem)
def test_each_built_brief_offers_its_citation_as_files_and_meta_tags(built_site: BuiltSite, path: Path):
    meta, url = PUBLISHED[path], _url(path)
    title = " ".join(meta["title"].split())
    authors = [AUTHORS[author]["name"] for author in meta.get("authors", [])] or [SITE_NAME]  # ids, named in data
    page = built_site.page(url)
    canonical = page.find("link", rel="canonical")["href"]
    tags = [
        (m["name"], m["content"])
        for m in page.find_all("meta", attrs={"name": True})
        if m["name"].startswith("citation_")
    ]
    assert tags == [
        ("citation_title", title),
        *(("citation_author", a) for a in authors),
        ("citation_publication_date", meta["date"].strftime("%Y/%m/%d")),
        ("citation_publisher", SITE_NAME),
        ("citation_public_url", canonical),
    ]

    heading = page.find("h2", id="how-to-cite")
    links = {a.get_text(): a["href"] for a in heading.find_all_next("a") if a.get_text() in ("BibTeX", "RIS")}
    base = "http://site/" + url
    assert {name: urljoin(base, href) for name, href in links.items()} == {
        "BibTeX": base + "cite.bib",
        "RIS": base + "cite.ris",
    }

    key, fields, bib_authors = read_bibtex((built_site.site / url / "cite.bib").read_text("utf-8"))
    assert key == f"{path.stem}-{path.parent.name}"
    assert (fields["title"], bib_authors, fields["url"]) == (title, authors, canonical)
    assert (fields["publisher"], fields["date"]) == (SITE_NAME, meta["date"].isoformat())
    (record,) = rispy.loads((built_site.site / url / "cite.ris").read_text("utf-8"))
    assert (record["title"], record["authors"], record["urls"]) == (title, authors, [canonical])
    assert record["date"] == meta["date"].strftime("%Y/%m/%d") and record["publisher"] == SITE_NAME


def test_without_a_site_url_a_brief_is_cited_at_its_address_from_the_root(tmp_path: Path):
    """A site with no `site_url` does not know its absolute addresses: the "How to cite" section gives the one
    its citation files give, from the site's root (it once printed "None"). In English only: the languages play
    no part."""
    project = copy_project(tmp_path / "project", one_language=True)
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url: .*\n", "", config.read_text("utf-8"), flags=re.M), "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    url = _url(next(iter(PUBLISHED)))
    page = BuiltSite(project, tmp_path / "site").page(url)
    cited = page.find("p", class_="brief-citation").find("a")
    _, fields, _ = read_bibtex((tmp_path / "site" / url / "cite.bib").read_text("utf-8"))
    assert cited["href"] == cited.get_text() == fields["url"] == "/" + url


def test_drafts_have_no_citation_files(built_site: BuiltSite):
    drafts = [p for p in (EXAMPLE / "docs/briefs").rglob("*.md") if front_matter(p).get("draft")]
    assert drafts and not any((built_site.site / _url(p)).exists() for p in drafts)


def test_the_names_of_authors_come_from_one_function():
    """Pages, feeds and citations all ask `Catalog.author_names`: the names of the authors the brief lists by id."""
    catalog = load_project(Project.at(EXAMPLE)).catalog
    doha = catalog.brief("briefs/2026/doha-indirect-talks.md")
    ids = front_matter(EXAMPLE / "docs/briefs/2026/doha-indirect-talks.md")["authors"]
    names = yaml.safe_load((EXAMPLE / "data/authors.yml").read_text("utf-8"))
    assert catalog.author_names(doha) == [names[i]["name"] for i in ids]
    for template in ("brief-header.md", "brief-citation.md"):
        assert "brief.authors" not in (ROOT / "briefings/templates/pages" / template).read_text("utf-8")
    assert "brief.authors" not in (ROOT / "briefings/templates/feeds/atom.xml").read_text("utf-8")
