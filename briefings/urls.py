"""Addresses of the site, worked out as the site engine gives them, without importing any template engine (so
that `briefings check` can use them)."""

from __future__ import annotations

import posixpath
from urllib.parse import quote


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


def link_from(page: str, target: str, directory_urls: bool = True) -> str:
    """How the page built from `page` links `target` (a source path, with any `#anchor`): its address relative to
    the page, as the site engine would write the link: `actors/qatar.md` from `briefs/2024/x.md` is
    `../../../actors/qatar/`. The one way the core links one page to another."""
    source, _, anchor = target.partition("#")
    url = relative_url(page_url(source, directory_urls), page_url(page, directory_urls))
    return f"{url}#{anchor}" if anchor else url


def _url_parts(url: str) -> list[str]:
    path = posixpath.normpath("/" + url)[1:]
    return path.split("/") if path else []
