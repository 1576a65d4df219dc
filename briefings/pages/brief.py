"""A brief's page: the author's text between a header (standfirst, byline, corrections, entities, leverage, tags,
regions) and the readings it records, its sources, how to cite it, the briefs related to it and the briefs
published just before and after it."""

from __future__ import annotations

import datetime as dt
import functools
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from .. import languages
from ..model import Brief
from ..urls import citation_paths, tag_page
from . import GeneratedPage

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..translations import Translation

#: Writes a template of briefings/templates/pages/ for a page: (template, page's source, context) -> Markdown.
Render = Callable[..., str]


#: The repository's issue form for corrections (.github/ISSUE_TEMPLATE/correction.yml), whose `page` field
#: the link fills in with the brief's address.
CORRECTION_FORM = "correction.yml"


@dataclass(frozen=True)
class Publication:
    """Where a brief is published: its address, the site's name and, if known, the site's repository."""

    url: str
    site_name: str
    repo_url: str | None = None

    @property
    def correction_url(self) -> str | None:
        """The repository's correction form with the brief's address filled in; None without a repository."""
        if not self.repo_url:
            return None
        query = urlencode({"template": CORRECTION_FORM, "page": self.url})
        return f"{self.repo_url.rstrip('/')}/issues/new?{query}"


def page_context(catalog: Catalog, brief: Brief) -> dict[str, Any]:
    """Everything a brief's page shows of the catalog, as its templates are given it (`brief_markdown`): the brief,
    whether it is scheduled, the entities it names (authors with their names as written), the actors gaining and
    losing leverage, its readings with their indicators, its tags with their pages, and the briefs it leads to
    (related, previous, next)."""
    return dict(
        brief=brief,
        scheduled=catalog.is_scheduled(brief),
        actors=catalog.named_by(brief, "actors"),
        indicators=catalog.named_by(brief, "indicators"),
        mechanisms=catalog.named_by(brief, "mechanisms"),
        authors=catalog.named_by(brief, "authors"),
        author_names=catalog.author_names(brief),
        regions=catalog.named_by(brief, "regions"),
        gains=[catalog.actors[i] for i in brief.leverage.gains],
        loses=[catalog.actors[i] for i in brief.leverage.loses],
        readings=[(catalog.indicators[r.indicator_id], r) for r in brief.readings],
        tags=[(tag, tag_page(tag)) for tag in brief.tags],
        related=catalog.related_briefs(brief),
        previous=catalog.previous_brief(brief),
        next=catalog.next_brief(brief),
    )


def inputs(catalog: Catalog, brief: Brief) -> tuple:
    """What a brief's page shows besides the site's data, configuration and templates (which `site_inputs.site_key`
    covers): what its templates are given (`page_context`), of the briefs it leads to only what they show of them
    (`LedTo`), its text (by its digest) and the day it last changed. As a generated page's, its fingerprint is
    derived from these (`briefings.reuse`): a build renders the page again when they change."""
    return (_shown(catalog, brief), brief.text_digest, catalog.last_changed(brief.src_uri))


@dataclass(frozen=True)
class LedTo:
    """What a brief's page shows of a brief it leads to (brief-related.md): its address, title and date, and the
    language its title is shown in (a brief not translated into the page's language is marked with its own:
    `Site.shown_in`), not the rest of its record."""

    src_uri: str
    title: str
    date: dt.date
    language: str


def _shown(catalog: Catalog, brief: Brief) -> dict[str, Any]:
    """`page_context`, the briefs the page leads to as what it shows of them."""

    def led(other: Brief | None) -> LedTo | None:
        return LedTo(other.src_uri, other.title, other.date, catalog.text_language(other)) if other else None

    context = page_context(catalog, brief)
    return context | {
        "related": [led(other) for other in context["related"]],
        "previous": led(context["previous"]),
        "next": led(context["next"]),
    }


def untranslated(catalog: Catalog, brief: Brief) -> dict[str, Any]:
    """What the page of a brief in a language it is not translated into shows (brief-untranslated.md): the
    brief, and the languages its text is in, the original's first, each with its name and direction."""
    versions = []
    for code in catalog.languages_of(brief):
        language = languages.language(code)
        versions.append({"lang": code, "name": language.name, "direction": language.direction})
    return {"brief": brief, "versions": versions}


def untranslated_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    """The pages the site generates for the briefs with no file in the catalog's language to publish
    (`Catalog.without_file`: written first in another language, translated neither into this one nor into the
    default): the note in this language leading to the original, at the brief's address, never a 404."""
    for brief in catalog.without_file():
        context = functools.partial(untranslated, catalog, brief)
        yield GeneratedPage(brief.src_uri, UNTRANSLATED_PAGE, context, edit_path=brief.defined_at.path)


#: The template of a brief's page in a language it is not translated into, and of that page when the site
#: generates it, with its front matter.
UNTRANSLATED, UNTRANSLATED_PAGE = "brief-untranslated.md", "brief-untranslated-page.md"


def translation_inputs(catalog: Catalog, brief: Brief, translation: Translation) -> tuple:
    """What a translation's own page (`slug.fr.md`) shows, as `inputs` says of the original's: its own file (by
    its digest, with the text its front matter gives), what its templates are given of the original (`brief` is
    the brief in the translation's language, `catalog` the catalog in it: `page_context`, the briefs it leads to as
    `LedTo`; not the original's text), and the day the original last changed."""
    return (translation, translation.text_digest, _shown(catalog, brief), catalog.last_changed(brief.src_uri))


def brief_markdown(
    catalog: Catalog, render: Render, brief: Brief, body: str, publication: Publication, *, block: Callable[[str], str]
) -> str:
    """The brief's Markdown as published: header (with its corrections), the author's text, the readings it
    records, the sources, how to cite it and report a correction, then where to read on. Where its text starts
    and ends is marked (`cut_text`), each mark a block of HTML of its own (`block`: the `stash_block` filter)."""
    context = page_context(catalog, brief)
    header = render("brief-header.md", brief.src_uri, contents=_contents(context), publication=publication, **context)
    readings = render("brief-readings.md", brief.src_uri, **context)
    sources = render("brief-sources.md", brief.src_uri, **context)
    citation = render(
        "brief-citation.md", brief.src_uri, citation_files=citation_paths(brief), publication=publication, **context
    )
    related = render("brief-related.md", brief.src_uri, **context)
    starts, ends = block(_TEXT_STARTS), block(_TEXT_ENDS)
    return f"{header}{starts}{body.rstrip()}\n{readings}{sources}{citation}{ends}{related}"


#: Where a brief's text starts and ends on its page (after its header, before where to read on): HTML comments
#: that the Markdown engine passes through as they are, each followed by a line break as any block of HTML, with
#: a key drawn for each process, so that no text people write can name them. `cut_text` takes them out of the
#: page's HTML, which is then as if they had never been there.
_KEY = secrets.token_hex(8)
_TEXT_STARTS, _TEXT_ENDS = f"<!--brief-text:{_KEY}-->", f"<!--/brief-text:{_KEY}-->"


def cut_text(page_html: str) -> tuple[str, str | None]:
    """A page's HTML as published (without the marks of `brief_markdown`), and the HTML of the brief's text, with
    its readings, sources and how to cite it, but neither its header nor where to read on; None if the page is
    not a brief's."""
    start = page_html.find(_TEXT_STARTS)
    end = page_html.find(_TEXT_ENDS, start)
    if start < 0 or end < 0:
        return page_html, None
    text = page_html[start + len(_TEXT_STARTS) : end]
    return _unmark(_unmark(page_html, _TEXT_ENDS), _TEXT_STARTS), text


def _unmark(page_html: str, mark: str) -> str:
    """The page without `mark` and the line break after it; at the end of the page, without the white space
    before it either (the Markdown engine strips a page's last)."""
    start = page_html.find(mark)
    end = start + len(mark)
    if end == len(page_html):
        return page_html[:start].rstrip()
    return page_html[:start] + page_html[end + 1 if page_html.startswith("\n", end) else end :]


def _contents(context: dict) -> list[str]:
    """What the brief's folded list of entities holds, for its label ("Actors, mechanisms, indicators and tags":
    the template's `held` filter writes it in the page's language)."""
    brief = context["brief"]
    held = [
        "actors",
        *(["leverage"] if brief.leverage.gains or brief.leverage.loses else []),
        *(name for name in ("mechanisms", "indicators") if context[name]),
        *(["tags"] if brief.tags else []),
        *(["regions"] if brief.regions else []),
    ]
    return held
