"""The outputs the core generates (`Site.outputs`), as files of the engine's site (`on_files`), each in the build's
language's folder: the generated pages (written as MkDocs reads them, `on_page_read_source`), and the files the
authors' pages link by path. The feeds are written once every page has rendered, and a build writes the open data
and each brief's citation files itself. The preview tells MkDocs which files to write again, and of which it need
not know (`Preview.lists`)."""

from __future__ import annotations

import functools
import os
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..buildcache import BuildCache
from ..pages import GeneratedPage
from ..preview import Preview
from ..site import Site


def files_of_outputs(
    files: Files, config: MkDocsConfig, site: Site, feeds, preview: Preview | None, language, cache: BuildCache | None
) -> dict[str, GeneratedPage]:
    """Add the core's outputs to `files` (`preview`: the live preview's, or None for a build), each in the folder of
    the build's `language` (LanguageBuild.prefix); return the generated pages by their source path. With the
    build's `cache` (started: `BuildCache.start`), the data is written by it (`BuildCache.write_output`)."""
    docs = os.path.relpath(config.docs_dir, os.path.dirname(config.config_file_path)).replace(os.sep, "/")
    # The open data is made again only where it changes: in the preview, by a save (`Preview.makes`); in a build
    # with the cache, since the last build (`BuildCache.makes`), which keeps the rest.
    wanted = preview.makes if preview is not None else cache.makes if cache is not None else None
    found = site.outputs(feeds, remember=preview is not None, wanted=wanted)
    for out in found:
        if not (preview.lists(out) if preview is not None else site.told_to_engine(out)):
            if cache is not None and not out.feed:  # a build writes its data here and now
                in_site = language.prefix + out.path
                cache.write_output(in_site, out.text, Path(config.site_dir, in_site))
            continue
        file = File.generated(config, out.path, content=out.text or "")
        file.dest_uri = language.prefix + file.dest_uri  # another language's: in its folder
        if out.page:  # "Edit this page": what it is generated from, if one file says it (a generated file has none)
            if out.page.edit_path:
                file.edit_uri = posixpath.relpath(out.page.edit_path, docs)
        else:  # the preview tells MkDocs which files to write again (hence the ignore of method-assign)
            file.is_modified = functools.partial(out.modified, preview is not None)  # type: ignore[method-assign]
            if cache is not None and not out.feed:  # (MkDocs copies files, not pages)
                file.copy_file = functools.partial(_write, cache, file, out.text)  # type: ignore[method-assign]
        files.append(file)
    return {out.path: out.page for out in found if out.page}


def _write(cache: BuildCache, file: File, text: str | None, dirty: bool = False) -> None:
    cache.write_output(file.dest_uri, text, Path(file.abs_dest_path))
