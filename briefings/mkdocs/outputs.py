"""The outputs the core generates, as files of the engine's site (`on_files`): the generated pages (written as
MkDocs reads them, `on_page_read_source`), the feeds (written once every page has rendered, over these), the
open data and each brief's citation files. The preview tells MkDocs which of them to write again."""

from __future__ import annotations

import functools
import os
import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..export import data_files
from ..feed import FeedSite, SiteFeeds
from ..pages import GeneratedPage
from ..preview import Preview
from ..site import Site


def files_of_outputs(
    files: Files, config: MkDocsConfig, site: Site, feeds: SiteFeeds, preview: Preview | None
) -> dict[str, GeneratedPage]:
    """Add the core's outputs to `files` (`preview`: the live preview's, or None for a build); return the
    generated pages by their source path."""
    docs = os.path.relpath(config.docs_dir, os.path.dirname(config.config_file_path)).replace(os.sep, "/")
    generated = {page.src_uri: page for page in site.generated_pages()}
    for page in generated.values():
        files.append(file := File.generated(config, page.src_uri, content=""))
        file.edit_uri = posixpath.relpath(page.edit_path, docs)  # "Edit this page": what it is generated from
    home = config.site_url or "/"  # absolute addresses, given a site_url
    url_of = functools.partial(site.address, home=home)
    feed_site = FeedSite(config.site_name, config.site_description or "", config.theme["language"], home, url_of)
    for path in feeds.plan(site.catalog, feed_site):
        files.append(feed := File.generated(config, path, content=""))
        # The ignores of method-assign here and below: the preview tells MkDocs which files to write again.
        feed.is_modified = lambda: preview is None  # type: ignore[method-assign]
    # The preview writes the catalog on every save, a brief's citation files (and works them out) when it writes
    # the brief's page.
    for path, text, brief in data_files(
        site.catalog,
        site_name=config.site_name,
        home_url=home,
        url_of=url_of,
        remember=preview is not None,
        wanted=preview.rewrites if preview is not None else None,
    ):
        files.append(data := File.generated(config, path, content=text))
        data.is_modified = (lambda b: lambda: preview is None or not b or preview.rewrites(b))(brief)  # type: ignore[method-assign]
    return generated
