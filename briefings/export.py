"""The catalog as open data: `/data/catalog.json`, with its JSON Schema beside it; and the data files of each
brief, its citation in BibTeX and RIS (briefings/citation.py).

Written from the same `Catalog` as the pages, so the data and the site cannot disagree: every published brief
with its metadata, readings and URL, and every entity of every kind with its URL. The output is deterministic
(sorted keys, briefs newest first, entities by id), so two builds of the same content publish the same file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from collections.abc import Callable, Iterator
from typing import Any

from .catalog import Catalog
from .citation import citation_files
from .kinds import KINDS
from .model import Brief, Entity
from .outputs import LISTED_BRIEFS, Wanted
from .schema import schema_text
from .urls import CATALOG_PATH, CATALOG_SCHEMA_PATH

#: What the site's own bookkeeping adds to a model and a reader of the data has no use for.
# (An entity's `translations`, its text in other languages, are not published yet: each language's catalog
# gives its entities' text in that language.)
_INTERNAL_FIELDS = {"source", "title_at", "src_uri", "named", "words", "draft", "brief", "text_digest", "translations"}


def catalog_data(
    catalog: Catalog,
    *,
    site_name: str,
    home_url: str,
    url_of: Callable[[str], str],
    remember: bool = False,
    url_in: Callable[[str, str], str] | None = None,
) -> dict:
    """The catalog as plain data; `url_of` gives the URL of the page built from a source path. With
    `remember`, each brief's data is kept while the brief is unchanged: the live preview writes the catalog
    on every save, and most briefs are the same objects from one rebuild to the next. Each brief lists its
    translations (`url_in(lang, src_uri)`: the address of a page in a language)."""
    plain = _remembered if remember else _plain
    translations = functools.partial(_translations, catalog, url_in or (lambda lang, src_uri: url_of(src_uri)))
    return {
        "site": {"name": site_name, "url": home_url},
        "briefs": [{**_brief(brief, url_of, plain), "translations": translations(brief)} for brief in catalog.briefs],
        **{
            kind.folder: [_entity(entity, url_of) for _, entity in sorted(catalog.entities[kind.folder].items())]
            for kind in KINDS
        },
    }


def render_catalog(
    catalog: Catalog,
    *,
    site_name: str,
    home_url: str,
    url_of: Callable[[str], str],
    remember: bool = False,
    url_in: Callable[[str, str], str] | None = None,
) -> str:
    """`/data/catalog.json`: JSON-escaped by the encoder, keys sorted, compact (the encoder is many times faster
    without indentation, and the file smaller). `remember`: see `catalog_data`."""
    data = catalog_data(
        catalog, site_name=site_name, home_url=home_url, url_of=url_of, remember=remember, url_in=url_in
    )
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def data_files(
    catalog: Catalog,
    *,
    site_name: str,
    home_url: str,
    url_of: Callable[[str], str],
    remember: bool = False,
    url_in: Callable[[str, str], str] | None = None,
    wanted: Wanted | None = None,
) -> Iterator[tuple[str, str | None]]:
    """The files the site publishes as data, each as (path in the site, text): the catalog and its schema, then
    each published brief's citation files (`remember`: see `catalog_data`). A file that `wanted` declines, given
    what it shows (briefings.outputs.LISTED_BRIEFS for the catalog, every brief's record; a brief's source for
    its citation files) and its paths, has no text: the live preview does not make it again, a build keeps the
    last build's (`BuildCache.makes`). The schema shows nothing that changes."""
    if wanted is None or wanted(LISTED_BRIEFS, (CATALOG_PATH,)):
        text = render_catalog(
            catalog, site_name=site_name, home_url=home_url, url_of=url_of, remember=remember, url_in=url_in
        )
        yield CATALOG_PATH, text
    else:
        yield CATALOG_PATH, None
    yield CATALOG_SCHEMA_PATH, catalog_schema()
    yield from citation_files(catalog, site_name=site_name, url_of=url_of, wanted=wanted)


def catalog_schema() -> str:
    """`/data/catalog.schema.json`: the schema the published catalog follows."""
    return schema_text("catalog")


def _brief(brief: Brief, url_of: Callable[[str], str], plain: Callable[[Brief], dict]) -> dict:
    return {
        **plain(brief),
        **{kind.folder: list(brief.ids(kind.folder)) for kind in KINDS},
        "reading_minutes": brief.reading_minutes,
        "url": url_of(brief.src_uri),
    }


def _translations(catalog: Catalog, url_in: Callable[[str, str], str], brief: Brief) -> list[dict]:
    """A brief's translations: language, title, summary, the day it was last brought up to date, address."""
    return [
        {
            "lang": lang,
            "title": t.title,
            "summary": t.summary,
            "translated": t.translated.isoformat() if t.translated else None,
            "url": url_in(lang, brief.src_uri),
        }
        for lang, t in sorted(catalog.translations_of(brief).items())
    ]


@functools.lru_cache(maxsize=16384)
def _remembered(brief: Brief) -> dict:
    """A brief as JSON values, kept (for the live preview, see `catalog_data`)."""
    return _plain(brief)


def _entity(entity: Entity, url_of: Callable[[str], str]) -> dict:
    return {**_plain(entity), "url": url_of(entity.src_uri)}


def _plain(value: Any) -> Any:
    """A model as JSON values: dataclasses as objects (without the site's bookkeeping), tuples as lists,
    dates as ISO 8601."""
    kind = type(value)
    if kind in _AS_IS:  # most of the catalog's hundreds of thousands of values
        return value
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return {name: _plain(getattr(value, name)) for name in _published_fields(kind)}
    return value


_AS_IS = {str, int, float, bool, type(None)}


_PUBLISHED: dict[type, tuple[str, ...]] = {}


def _published_fields(kind: type) -> tuple[str, ...]:
    """The names of the fields a dataclass publishes, looked up once for each."""
    if (names := _PUBLISHED.get(kind)) is None:
        names = _PUBLISHED[kind] = tuple(f.name for f in dataclasses.fields(kind) if f.name not in _INTERNAL_FIELDS)
    return names
