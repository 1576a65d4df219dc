"""Addresses that never break: the redirects of `data/redirects.yml`, checked, and the pages that publish them.

GitHub Pages cannot answer an old address with a 301, so the site publishes, at each old address, a small
page that sends readers and search engines on (a canonical link, a meta refresh and a visible link, all
relative, so that a site served under a project path works). `briefings move` and `briefings rename` write
the file; anyone may edit it. Its rules, checked by the loader for `check` and the build alike:

- a redirect leads to an address this site serves (never to another site);
- it leads there directly: the address it leads to is not itself redirected (no chain, no loop);
- its old address is not one the site still serves.

`briefings check --since REF` compares the addresses published at a git revision with those the site now
serves or redirects (`lost_addresses`).
"""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from . import languages, schema
from .catalog import Catalog
from .kinds import KINDS
from .languages import Language
from .model import Brief
from .outputs import redirect_files
from .problems import Location, Problems
from .urls import entity_feed_path, page_url, relative_url
from .yamldoc import YamlDocument, parse_yaml

REDIRECTS_FILE = "data/redirects.yml"
HEADER = (
    "# yaml-language-server: $schema=../briefings/schemas/redirects.schema.json\n"
    "# Addresses the site no longer serves, each with the address that replaced it: 'old/address/: new/address/'.\n"
    "# 'briefings move' and 'briefings rename' add to it; the site publishes a page at each old address that\n"
    "# sends readers on. Keep every line: outside links to an old address still reach the page.\n"
)


def read_redirects(text: str | None, problems: Problems) -> YamlDocument | None:
    """The redirects file (`text`, None if the project has none), checked against its schema; None if it is
    unusable. Entries the schema finds wrong are left out of the document's value."""
    if text is None:
        return None
    doc = parse_yaml(text, REDIRECTS_FILE, problems)
    if doc is None:
        return None
    if doc.value is None:
        doc.value = {}
    wrong = schema.validate(doc, "redirects", problems)
    if not isinstance(doc.value, dict) or () in wrong:
        return None
    doc.value = {old: new for old, new in doc.value.items() if (old,) not in wrong}
    return doc


def served_addresses(catalog: Catalog, outputs: Iterable[str], docs: str) -> dict[str, str]:
    """Every address the built site serves (relative to its root), with what serves it: the briefs, the
    hand-written pages and the files they show (by their path), and the pages, feeds and files the site
    generates."""
    served = {page_url(src_uri): "a page or file the site generates" for src_uri in outputs}
    for src_uri in [*(b.src_uri for b in catalog.briefs), *catalog.pages, *catalog.assets]:
        served[page_url(src_uri)] = f"{docs}/{src_uri}"
    return served


def check_redirects(doc: YamlDocument | None, served: Mapping[str, str], problems: Problems) -> dict[str, str]:
    """Report each redirect that breaks a rule, at its place in the file; return the others (old -> new)."""
    if doc is None:
        return {}
    redirects = {old: new for old, new in doc.value.items() if old not in served}  # those that redirect at all
    kept: dict[str, str] = {}
    for old, new in doc.value.items():
        if old in served:
            problems.error(
                doc.locate((old,)),
                f"the site still serves '{old}' ({served[old]}), "
                "so no redirect may replace it: remove this line, or move that page "
                "first (briefings move)",
            )
        elif new in redirects:
            seen, end = [old, new], redirects[new]
            while end in redirects and end not in seen:
                seen.append(end)
                end = redirects[end]
            if end in seen:
                problems.error(
                    doc.locate((old,)),
                    f"the redirects from '{old}' loop ({' -> '.join(seen + [end])}): "
                    "point each old address at the page that replaced it",
                )
            else:
                problems.error(
                    doc.locate((old,)),
                    f"'{new}' is itself redirected to '{redirects[new]}' (line "
                    f"{doc.locate((new,)).line}): a redirect must not lead to another; "
                    f"write '{old}: {end}'",
                )
        elif new not in served:
            close = difflib.get_close_matches(new, list(served), n=1, cutoff=0.7)
            tip = f"did you mean '{close[0]}'?" if close else "write the address of a page this site publishes"
            problems.error(
                doc.locate((old,)), f"the redirect from '{old}' leads to '{new}', which the site does not serve: {tip}"
            )
        else:
            kept[old] = new
    return kept


# -- publishing ----------------------------------------------------------------------------------------------


def redirect_page(old: str, new: str, *, lang: str = "en", language: Language | None = None) -> str:
    """The page published at the old address `old` (a page's, ending in '/'), sending readers to `new`: every
    address in it is relative, so the site works under a project path (briefings/templates/redirect.html,
    which escapes every value for HTML). Its text and direction are those of `language` (the default's
    without one), its `lang` attribute `lang` (the theme's)."""
    from .templating import standalone_templates  # here: `check` imports this module, and needs no templates

    language = language or languages.language(languages.DEFAULT)
    target = quote(relative_url(new, old), safe="/%.~-_")  # for a URL; the template escapes it for HTML
    return (
        standalone_templates()
        .get_template("redirect.html")
        .render(lang=lang, rtl=language.rtl, t=language.label, target=target)
    )


def write_redirects(site_dir: Path, catalog: Catalog, *, lang: str = "en", language: Language | None = None) -> int:
    """Write what each redirect publishes into the built site (after its feeds; in a site in several languages,
    each language's build in its folder, `site_dir`, with the page in its `language`): a page at a page's old
    address; at a file's old address (a feed), a copy of the file it moved to, which feed readers follow.
    Returns how many were written."""
    for path, (old, new) in redirect_files(catalog).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if old.endswith("/"):
            target.write_text(redirect_page(old, new, lang=lang, language=language), "utf-8")
        elif (site_dir / new).is_file():
            shutil.copyfile(site_dir / new, target)
    return len(catalog.redirects)


# -- what a change of the site loses -------------------------------------------------------------------------


@dataclass(frozen=True)
class Published:
    """An address a site publishes for good, what it is, and where it comes from (for messages)."""

    address: str
    source: Location
    brief: str = ""  # a brief's path, relative to the project root
    kind: str = ""  # an entity's kind (its page, or with `feed`, its feed) and id
    entity_id: str = ""
    feed: bool = False
    name: str = ""  # a brief's title or an entity's name: how its new address is guessed


def published_briefs(catalog: Catalog) -> list[Brief]:
    """The briefs a reading of the project (not the preview's) published: the one place that says which briefs
    of a revision count as published for `check --since`. The loader leaves drafts and briefs scheduled for a
    later day out of `catalog.briefs` (`Catalog.left_out`); this says so, should a preview's catalog come."""
    left_out = {brief.src_uri for brief in catalog.left_out}
    return [brief for brief in catalog.briefs if brief.src_uri not in left_out]


def lasting_addresses(catalog: Catalog, docs: str) -> dict[str, Published]:
    """The addresses others may link to: the published briefs, every entity's page and feed, and the
    hand-written pages."""
    found: dict[str, Published] = {}
    for brief in published_briefs(catalog):
        found[page_url(brief.src_uri)] = Published(
            page_url(brief.src_uri), Location(brief.defined_at.path), brief=brief.defined_at.path, name=brief.title
        )
    for kind in KINDS:
        for entity in catalog.entities[kind.folder].values():
            for feed, path in ((False, entity.src_uri), (True, entity_feed_path(entity))):
                found[page_url(path)] = Published(
                    page_url(path), entity.defined_at, kind=kind.name, entity_id=entity.id, feed=feed, name=entity.name
                )
    for src_uri in catalog.pages:
        found[page_url(src_uri)] = Published(page_url(src_uri), Location(f"{docs}/{src_uri}"))
    return found


def lost_addresses(before: Catalog, after: Catalog, served: Mapping[str, str], ref: str, docs: str) -> Problems:
    """An error for every address published at `ref` (`before`), or redirected there, that the site no longer
    serves (`served`) and no redirect covers, with the command that fixes it."""
    problems = Problems()
    now = lasting_addresses(after, docs)
    for address, was in lasting_addresses(before, docs).items():
        if address in served or address in after.redirects:
            continue
        lost = f"'{address}' was published at {ref} and the site no longer serves it: outside links to it now fail"
        problems.error(was.source, f"{lost}; {_fix(was, now, after)}")
    for old, new in before.redirects.items():  # an old address stays redirected for good
        if old not in served and old not in after.redirects:
            problems.error(
                Location(REDIRECTS_FILE),
                f"'{old}' was redirected to '{new}' at {ref} and no longer is: "
                f"outside links to it now fail; put back the line '{old}: {new}' "
                f"(or lead it to the page that replaced '{new}')",
            )
    return problems


def _fix(was: Published, now: Mapping[str, Published], after: Catalog) -> str:
    """The command that redirects a lost address, with its new address when a page of the same title or name
    is found."""
    same = [
        p
        for p in now.values()
        if p.name == was.name
        and was.name
        and bool(p.brief) == bool(was.brief)
        and p.kind == was.kind
        and p.feed == was.feed
    ]
    if was.brief:
        new = same[0].brief if same else "docs/briefs/<year>/<new-slug>.md"
        return f"record where it went with 'briefings move {was.brief} {new}'"
    if was.kind:
        if was.feed and same:
            return f"'briefings rename {was.kind} {was.entity_id} {same[0].entity_id}' redirects it with its page"
        new = same[0].entity_id if same else "<new-id>"
        return f"record its new id with 'briefings rename {was.kind} {was.entity_id} {new}'"
    return f"add a line '{was.address}: <new-address>/' to {REDIRECTS_FILE}, with the address that replaced it"
