"""MkDocs hooks: the thin adapter between MkDocs and the briefings core.

- on_config loads and validates every brief and data file once (errors stop the build, with file and line);
- on_files drops drafts and adds the pages generated from the data, and the Atom feed;
- on_page_markdown gives each brief its header and sources, and checks the macro calls of other pages.

No domain rule lives here: everything is decided by the `briefings` package.
"""

from __future__ import annotations

import html
import logging
import posixpath
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import briefings
from briefings.feed import FEED_PATH, render_feed
from briefings.loader import split_front_matter
from briefings.pages import Site, generate
from briefings.pages.brief import decorate
from briefings.references import find_references

log = logging.getLogger("mkdocs.plugins.briefings")

SITE = "briefings_site"  # where the site for this build is kept on the config, for the macros adapter
_tag_anchors: dict[str, set[str]] = {}  # the tags page's anchors, by page, computed once per build
_preview = False  # `mkdocs serve` shows drafts; `mkdocs build` leaves them out


def on_startup(command: str, dirty: bool) -> None:
    global _preview
    _preview = command == "serve"


def _fail(problems: briefings.Problems) -> None:
    for problem in problems:
        (log.error if problem.is_error else log.info)(str(problem))
    if problems.errors:
        raise PluginError(f"{problems.summary()} in briefs and data: fix the errors above, then build again.")


def _tag_page(config: MkDocsConfig):
    """Where a tag is listed: the tags page, at the anchor Material's tags plugin gives it."""
    tags = config.plugins.get("material/tags")
    if tags is None:
        return lambda tag: "tags.md"
    slugify, form = tags.config.tags_slugify, tags.config.tags_slugify_format
    separator = tags.config.tags_slugify_separator
    return lambda tag: "tags.md#" + form.format(slug=slugify(tag, separator))


@event_priority(100)  # before the macros plugin, whose define_env reads the site
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = briefings.Project.at(Path(config.config_file_path).parent, config.docs_dir)
    found = briefings.inspect(project, include_drafts=_preview)
    _fail(found.problems)
    tag_page = _tag_page(config)
    config[SITE] = Site(project, found.catalog, tag_page=tag_page)
    global _tag_anchors
    _tag_anchors = {}
    for tag in found.catalog.tags():
        target, _, anchor = tag_page(tag).partition("#")
        _tag_anchors.setdefault(target, set()).add(anchor)
    if not config.repo_url:  # "Edit this page" needs a repository (the workflows set REPO_URL)
        config.edit_uri = None
    return config


@event_priority(100)  # before other plugins, so that search and tags see the generated pages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    site: Site = config[SITE]
    for draft in site.catalog.drafts:
        if file := files.get_file_from_path(draft.src_uri):
            files.remove(file)
    problems = briefings.Problems()
    for page in generate(site):
        if files.get_file_from_path(page.src_uri):
            problems.error(
                briefings.Location(f"{Path(config.docs_dir).name}/{page.src_uri}"),
                f"this page is generated from {page.edit_path}: remove the file and edit the data instead",
            )
            continue
        file = File.generated(config, page.src_uri, content=page.markdown)
        # "Edit this page" opens the data file the page is generated from.
        docs = site.project.relative(site.project.docs_dir)
        file.edit_uri = posixpath.relpath(page.edit_path, docs)
        files.append(file)
    _fail(problems)
    files.append(File.generated(config, FEED_PATH, content=_feed(site, files, config)))
    return files


def _feed(site: Site, files: Files, config: MkDocsConfig) -> str:
    home = config.site_url or "/"
    pages = {f.src_uri: f for f in files.documentation_pages()}
    return render_feed(
        site.catalog,
        site.project.templates_dir,
        site_name=config.site_name,
        description=config.site_description or "",
        home_url=home,
        url_of=lambda brief: urljoin(home, pages[brief.src_uri].url),
    )


@event_priority(100)  # before the macros plugin renders the page
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site: Site = config[SITE]
    # Material prints titles and descriptions into HTML as they are: give it escaped text.
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html.escape(page.meta[key])
    brief = site.catalog.brief(page.file.src_uri)
    if brief is not None:
        page.meta.setdefault("description", html.escape(brief.summary))
        page.meta["hide"] = [*page.meta.get("hide", []), "tags"]  # the brief's header shows its tags
        return decorate(site, brief, markdown)
    if page.file.abs_src_path and not page.file.generated_by and page.meta.get("render_macros", True):
        _check_macro_calls(site, page)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Tell MkDocs' anchor check about the tag anchors the tags plugin adds to its page later on."""
    if page.file.src_uri in _tag_anchors and page.present_anchor_ids is not None:
        page.present_anchor_ids.update(_tag_anchors[page.file.src_uri])
    return html


def _check_macro_calls(site: Site, page: Page) -> None:
    """Hand-written pages other than briefs (the home page, About...) may call macros too."""
    path = Path(page.file.abs_src_path)
    text = path.read_text("utf-8")
    body, first_line = text, 1
    if parts := split_front_matter(text):
        _, body, first_line = parts
    problems = briefings.Problems()
    known = {"actor": site.catalog.actors, "indicator": site.catalog.indicators}
    find_references(body, site.project.relative(path), first_line, problems, known)
    _fail(problems)


def on_serve(server, config: MkDocsConfig, builder):
    """Rebuild the preview when the data, the core or the templates change, not only the docs."""
    root = Path(config.config_file_path).parent
    for watched in ("data", "briefings", "macros", "overrides"):
        if (root / watched).exists():
            server.watch(str(root / watched))
    return server
