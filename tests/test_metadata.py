"""A brief's metadata for link previews, JSON-LD and the sitemap, from the core, in-process."""

from __future__ import annotations

import datetime as dt

from briefings.catalog import Catalog
from briefings.metadata import article_metadata
from briefings.model import Actor, Author, Brief

QATAR = Actor(id="qatar", name="Qatar", summary="A Gulf state.", kind="state")
TRUMP = Actor(id="donald-trump", name="Donald Trump", summary="A president.", kind="person")
MEDIATORS = Actor(id="mediators", name="Mediators", summary="Go-betweens.", kind="group")
WRITER = Author(id="a-writer", name="A. Writer", role="Analyst", summary="Writes.")
EDITOR = Author(id="b-editor", name="B. Editor", role="Editor", summary="Edits.")


def catalog(authors: tuple[str, ...] = (), **brief) -> tuple[Catalog, Brief]:
    fields = dict(
        src_uri="briefs/2026/talks.md",
        title="Talks <resume>",
        date=dt.date(2026, 5, 8),
        summary="They met & talked.",
        named={"actors": ("qatar", "donald-trump", "mediators"), "authors": authors},
    )
    made = Brief(**{**fields, **brief})
    actors = {a.id: a for a in (QATAR, TRUMP, MEDIATORS)}
    authors_by_id = {a.id: a for a in (WRITER, EDITOR)}
    return Catalog(
        entities={"actors": actors, "indicators": {}, "mechanisms": {}, "authors": authors_by_id, "regions": {}},
        briefs=[made],
    ), made


def page_address(src_uri: str) -> str:
    return "https://example.org/briefings/" + src_uri.removesuffix(".md") + "/"


def test_an_updated_brief_is_modified_on_its_update_and_names_its_authors_and_actors():
    found, brief = catalog(updated=dt.date(2026, 5, 12), authors=("a-writer", "b-editor"), tags=("mediation",))
    meta = article_metadata(
        found, brief, url="https://example.org/briefings/briefs/2026/talks/", site_name="Site", address=page_address
    )
    assert (meta["published"], meta["modified"]) == ("2026-05-08", "2026-05-12")
    assert meta["authors"] == ["A. Writer", "B. Editor"] and meta["tags"] == ["mediation"]
    assert meta["about"] == ["Qatar", "Donald Trump", "Mediators"]
    ld = meta["json_ld"]
    assert ld["@type"] == "AnalysisNewsArticle"
    assert (ld["headline"], ld["description"]) == ("Talks <resume>", "They met & talked.")  # the theme escapes
    assert (ld["datePublished"], ld["dateModified"]) == ("2026-05-08", "2026-05-12")
    assert ld["author"] == [  # each a Person, with the address of their page
        {"@type": "Person", "name": "A. Writer", "url": "https://example.org/briefings/authors/a-writer/"},
        {"@type": "Person", "name": "B. Editor", "url": "https://example.org/briefings/authors/b-editor/"},
    ]
    assert ld["about"] == [
        {"@type": "Country", "name": "Qatar"},
        {"@type": "Person", "name": "Donald Trump"},
        {"@type": "Organization", "name": "Mediators"},
    ]
    assert ld["url"] == ld["mainEntityOfPage"] == "https://example.org/briefings/briefs/2026/talks/"


def test_a_brief_never_updated_is_modified_on_its_publication_and_written_by_the_site():
    found, brief = catalog()
    meta = article_metadata(found, brief, url=None, site_name="Briefings")
    assert meta["published"] == meta["modified"] == "2026-05-08"
    assert meta["json_ld"]["author"] == [{"@type": "Organization", "name": "Briefings"}]
    assert "url" not in meta["json_ld"]  # a site without an address gives none
