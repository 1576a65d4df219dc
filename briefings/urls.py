"""Paths and addresses of the site: where the core puts what it generates beside the pages (a tag's page, the
feeds, a brief's citation files), and the addresses the site engine gives them, worked out without importing
any template engine (so that `briefings check` can use them). Every link the core writes is `link_from`."""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from .languages import DEFAULT

if TYPE_CHECKING:
    from .model import Brief, Entity

#: A brief's citation files, beside its page: BibTeX and RIS (briefings/citation.py).
CITATION_FILES = ("cite.bib", "cite.ris")

#: The archive of every brief, the index of the section briefs and tags belong to; and the index of the tags.
BRIEFS_INDEX = "briefs/index.md"
TAGS_INDEX = "tags/index.md"

#: The site's feed, the open data's catalog with its JSON Schema, and the folder of the search index's files (each
#: language's in its folder: `fr/search/`).
FEED_PATH = "feed.xml"
CATALOG_PATH = "data/catalog.json"
CATALOG_SCHEMA_PATH = "data/catalog.schema.json"
SEARCH_FOLDER = "search"


def tag_slug(tag: str) -> str:
    """The name of a tag's page and feed (`tags/<slug>/`): lowercase ASCII words joined by hyphens."""
    ascii_tag = unicodedata.normalize("NFKD", tag).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_tag.lower()).strip("-") or "tag"


def tag_folder(tag: str) -> str:
    """A tag's folder, which holds its page and its feed: a folder of its own, so that no tag's page can be the
    index, whatever the tag."""
    return f"tags/{tag_slug(tag)}"


def tag_page(tag: str) -> str:
    """The source path of a tag's page."""
    return f"{tag_folder(tag)}/index.md"


def tag_feed_path(tag: str) -> str:
    return f"{tag_folder(tag)}/feed.xml"


def entity_feed_path(entity: Entity) -> str:
    return feed_path_of(entity.folder, entity.id)


def feed_path_of(folder: str, entity_id: str) -> str:
    """The feed of the entity `entity_id` of the kind whose folder is `folder`."""
    return f"{folder}/{entity_id}/feed.xml"


def citation_paths(brief: Brief) -> tuple[str, str]:
    """Where a brief's citation files are: in the folder of its address, whether the brief is
    `briefs/<year>/<slug>.md` or `briefs/<year>/<slug>/index.md` (`briefs/2026/<slug>/cite.bib`, `cite.ris`)."""
    folder = brief.src_uri.removesuffix(".md").removesuffix("/index")
    return (f"{folder}/{CITATION_FILES[0]}", f"{folder}/{CITATION_FILES[1]}")


@functools.lru_cache(maxsize=1 << 14)  # each page's, asked again for every link to it and from it
def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The address, relative to the site's root, of what is built from `src_uri`, as the site engine gives it:
    `actors/qatar.md` is `actors/qatar/` (or `actors/qatar.html` without directory URLs), `actors/index.md`
    is `actors/`, `index.md` is `./`; any other file keeps its path."""
    if not src_uri.endswith(".md"):
        return quote(src_uri)
    folder, name = posixpath.split(src_uri[:-3])
    if name in ("index", "README"):
        return quote(f"{folder or '.'}/" if directory_urls else posixpath.join(folder, "index.html"))
    return quote(posixpath.join(folder, f"{name}/" if directory_urls else f"{name}.html"))


def language_folder(lang: str) -> str:
    """The folder of the site in `lang`, from the site's root: "" for the default language's, "fr/" for French."""
    return "" if lang == DEFAULT else f"{lang}/"


def page_url_in(lang: str, src_uri: str, directory_urls: bool = True) -> str:
    """The address of the page built from `src_uri` in the site in `lang`, relative to the site's root:
    `fr/actors/qatar/`; the French home page is `fr/`."""
    path = page_url(src_uri, directory_urls)
    return path if lang == DEFAULT else language_folder(lang) + ("" if path == "./" else path)


def page_address(url: str) -> str:
    """A page's address as a browser asks for it (relative to the site's root: `page_url`, or a request's path),
    made comparable: unquoted, a folder's page by its folder's (`./`, `index.html`, and the empty address are
    the home page)."""
    address = unquote(url).lstrip("/")
    if address == "index.html" or address.endswith("/index.html"):
        address = address.removesuffix("index.html")
    return address[:-2] if address == "./" or address.endswith("/./") else address


def relative_url(url: str, from_url: str) -> str:
    """`url` relative to the page at `from_url` (both relative to the site's root), as the site engine writes
    the links it resolves: `actors/qatar/` from `briefs/2024/x/` is `../../../actors/qatar/`."""
    folder, _, last = from_url.rpartition("/")
    if "." in last:  # a file: links are relative to its folder
        from_url = folder
    to_parts, from_parts = _url_parts(url), _url_parts(from_url)
    common = 0
    for a, b in zip(from_parts, to_parts):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def link_from(page: str, target: str, directory_urls: bool = True, *, here: str = DEFAULT, there: str = "") -> str:
    """How the page built from `page` links `target` (a source path, with any `#anchor`): its address relative to
    the page, as the site engine would write the link: `actors/qatar.md` from `briefs/2024/x.md` is
    `../../../actors/qatar/`. The one way the core links one page to another; from a page in the language `here`
    to a page in another, `there`: `../../../fr/actors/qatar/` from the English brief's page."""
    source, _, anchor = target.partition("#")
    if there and there != here:
        url = relative_url(page_url_in(there, source, directory_urls), page_url_in(here, page, directory_urls))
    else:  # both in one language's folder: the link is the same as at the root
        url = relative_url(page_url(source, directory_urls), page_url(page, directory_urls))
    return f"{url}#{anchor}" if anchor else url


def _url_parts(url: str) -> list[str]:
    path = posixpath.normpath("/" + url)[1:]
    return path.split("/") if path else []
