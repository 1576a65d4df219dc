"""What the adapter (briefings/mkdocs/) relies on in MkDocs, mkdocs-macros and Material beyond their documented
interfaces, each pinned by a test of the installed package: an upgrade that changes one of these fails here,
naming it, rather than quietly publishing pages rendered outside the sandbox or a stale preview.

- mkdocs-macros: its Jinja environment is the private `_env`, which the plugin replaces in `on_pre_build` with
  the sandbox (`sandbox.render_in_sandbox`); the macros plugin makes it in `on_config` only and renders every
  page with `env.from_string`; the macros `define_env` binds are in `macros`; it renders only the pages its
  `force_page_rendering(src_path)` accepts once `render_by_default` is off and `force_render_paths` empty
  (`sandbox.render_only`); its `define_env` runs git for the `git` variable through `context.get_git_info`,
  which the plugin replaces (no page reads the variable), so that a build runs no git.
- MkDocs: `File.is_modified`, which the plugin replaces per file for the preview, is asked only in dirty builds,
  and a file it denies is neither read, rendered, written nor copied; `File.generated` marks a file with the
  plugin that made it (`generated_by`) and a generated page's Markdown is what `on_page_read_source` returns;
  the compressed sitemap is stamped with the latest `page.update_date`; the template environment each build
  makes takes the bytecode cache `on_env` gives it; the theme's files it copies are those its environment's
  `list_templates` lists through the filter of `Files.add_files_from_theme` (theme.ThemeListing); the theme's
  own pages (the 404 page, the sitemap) are those of the configuration's `theme.static_templates` as `on_files`
  leaves them (serve.rewrite_only). (The text of the dirty-build warning: test_authoring.py.)
- `mkdocs serve`: its live-reload server watches with a `PollingObserver` it starts when it serves, keeps what
  it watches in `_watched_paths` (with `watch` and `unwatch`), and rebuilds when its handler is told of a file's
  event; the plugin gives it a `NotifiedObserver` (serve.notify) before it serves.
- `mkdocs serve`'s live-reload server, for the pages open written first (open_first.OpenFirst): it calls its
  `builder` attribute for each rebuild; an open page asks `/livereload/<epoch>/<id>` naming itself (Referer),
  answered once `_visible_epoch` (under `_epoch_cond`) passes the page's epoch; it serves through the WSGI
  application `set_app` gives it, pages only while `_visible_epoch` is `_wanted_epoch`, and under `mount_path`.
- Material: the templates and blocks the overrides name are Material's (test_theme_forks.py).
- mkdocs-static-i18n, for the preview's one language (languages.py): its configuration is read again for each
  build, its languages' `build` flags are read as it builds (`build_languages`), a `current_language` already set
  is the one its first build builds (under /<code>/ unless the default), and it then builds none of the others
  left out. Its own `build_only_locale` is read only where its configuration is checked, and makes that
  language the default at the site's root, where its suffix structure takes `x.md` as that language's page and
  not `x.fr.md`: which is why the preview does not use it. Its `suffix.create_i18n_file`, looked up as it
  reconfigures the files, makes a file from its paths, the languages and the configuration's folders only
  (`SharedI18nFiles` makes each once, and keeps it for the next build).
"""

from __future__ import annotations

import ast
import gc
import inspect
import os
import re
import shutil
import subprocess
import textwrap
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.theme import Theme
from watchdog.observers.polling import PollingObserver

import briefings
from benchmarks.browsing import free_port
from briefings.calls import MACROS
from briefings.loader import load_project
from briefings.mkdocs.open_first import OpenFirst
from briefings.mkdocs.sandbox import MacroSandbox
from briefings.mkdocs.serve import (
    SETTLE,
    NotifiedObserver,
    notify,
    watch_project,
)
from briefings.mkdocs.theme import ThemeListing
from briefings.preview import Preview
from briefings.project import Project
from briefings.templating import CompiledTemplates
from conftest import copy_project

# -- mkdocs-macros ---------------------------------------------------------------------------------------------


def test_the_macros_plugin_renders_the_checked_pages_in_the_sandbox_and_no_other(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    loaded = load_project(Project.at(project))
    templated = {uri for uri in loaded.templated if loaded.catalog.publishes(uri)}  # drafts are left out
    assert "briefs/2026/doha-indirect-talks.md" in templated  # pages with macro calls, and others without
    rendered: list[tuple[str, type]] = []
    asked: dict[str, bool] = {}
    from_string = MacroSandbox.from_string

    def spy(sandbox, source, *args, **kwargs):
        rendered.append((macros.page.file.src_uri, type(macros.env)))
        return from_string(sandbox, source, *args, **kwargs)

    monkeypatch.setattr(MacroSandbox, "from_string", spy)
    commands: list[list[str]] = []  # the macros plugin runs git for its `git` variable, which no page can read
    popen = subprocess.Popen.__init__
    monkeypatch.setattr(
        subprocess.Popen, "__init__", lambda self, args, *a, **k: commands.append(args) or popen(self, args, *a, **k)
    )
    from mkdocs_macros.plugin import MacrosPlugin

    original_on_pre_build = MacrosPlugin.on_pre_build

    def after_pre_build(self, *, config):  # the sandbox, the macros and the predicate, as the pages will see them
        original_on_pre_build(self, config=config)
        assert isinstance(self._env, MacroSandbox) and self.env is self._env, "mkdocs-macros' env is not its _env"
        assert set(self.env.globals) == set(MACROS) <= set(self.macros), "define_env's macros are not in .macros"
        predicate = self.force_page_rendering
        self.force_page_rendering = lambda src_path: asked.setdefault(src_path, predicate(src_path))

    monkeypatch.setattr(MacrosPlugin, "on_pre_build", after_pre_build)
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    macros = config.plugins["macros"]
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()

    assert macros.config["render_by_default"] is False and macros.config["force_render_paths"] == ""
    assert {uri for uri, wanted in asked.items() if wanted} == {uri.replace("/", os.sep) for uri in templated}
    assert len(asked) > len(templated)  # every page is asked about, by its src_path
    # Each language's build (mkdocs-static-i18n) renders its pages: a translation in its language's, an original
    # in each of the others' (the example is built in three languages).
    assert {uri for uri, _ in rendered} == templated, "pages rendered outside the set, or not at all"
    assert not [args for args in commands if args[0] == "git"], "git is run for the macros plugin's `git` again"
    assert max(Counter(uri for uri, _ in rendered).values()) <= 3
    assert {environment for _, environment in rendered} == {MacroSandbox}
    html = (tmp_path / "site/briefs/2026/doha-indirect-talks/index.html").read_text("utf-8")
    assert "{{" not in html and 'class="entity-link' in html


def test_the_macros_plugin_makes_its_environment_in_on_config_only():
    """The sandbox replaces `_env` in `on_pre_build`: were the macros plugin to make it again later (before
    each page, say), pages would be rendered in its own environment, with everything reachable."""
    import mkdocs_macros.plugin

    tree = ast.parse(inspect.getsource(mkdocs_macros.plugin))
    makers = set()
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef):
            for node in ast.walk(function):
                targets = node.targets if isinstance(node, ast.Assign) else []
                if any(ast.unparse(target) == "self._env" for target in targets):
                    makers.add(function.name)
    assert makers == {"on_config"}
    assert {"render_by_default", "force_render_paths"} <= dict(mkdocs_macros.plugin.MacrosPlugin.config_scheme).keys()


# -- MkDocs ----------------------------------------------------------------------------------------------------


class _Recorder(BasePlugin):
    """Replaces `is_modified` as the briefings plugin does, adds a generated page and a generated file, and
    gives the template environment a bytecode cache; records what MkDocs asks and reads."""

    def __init__(self, denied: set[str], cache: CompiledTemplates, theme_pages: bool = True):
        super().__init__()
        self.denied, self.cache, self.theme_pages = denied, cache, theme_pages
        self.asked: list[str] = []
        self.generated_by: dict[str, str | None] = {}
        self.sources: dict[str, str] = {}

    def on_files(self, files: Files, config) -> Files:
        files.append(File.generated(config, "made.md", content=""))
        files.append(File.generated(config, "made.txt", content="made"))
        for file in files:
            uri = file.src_uri
            file.is_modified = lambda uri=uri: self.asked.append(uri) or uri not in self.denied
        if not self.theme_pages:  # as serve.rewrite_only leaves them
            config.theme.static_templates.clear()
        return files

    def on_page_read_source(self, *, page, config):
        return "# Made\n\nBy the plugin.\n" if page.file.src_uri == "made.md" else None

    def on_page_markdown(self, markdown, *, page, config, files):
        self.generated_by[page.file.src_uri] = page.file.generated_by
        self.sources[page.file.src_uri] = markdown
        return markdown

    def on_env(self, env, *, config, files):
        env.bytecode_cache = self.cache
        return env


class _CountedTemplates(CompiledTemplates):
    """The preview's cache of compiled templates, counting the templates it hands back compiled."""

    hits = 0

    def load_bytecode(self, bucket) -> None:
        self.hits += bucket.key in self.compiled
        super().load_bytecode(bucket)


def _plain_project(folder: Path) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text("site_name: Pins\nsite_url: https://example.org/\ntheme: mkdocs\n", "utf-8")
    for name in ("index", "kept", "changed"):
        (folder / f"docs/{name}.md").write_text(f"# {name}\n", "utf-8")
    return folder


def _plain_build(project: Path, recorder: _Recorder, *, dirty: bool) -> None:
    config = load_config(config_file=str(project / "mkdocs.yml"))
    config.plugins["recorder"] = recorder
    build(config, dirty=dirty)


def test_mkdocs_asks_is_modified_only_in_dirty_builds_and_then_skips_what_it_denies(tmp_path):
    project, cache = _plain_project(tmp_path), _CountedTemplates()
    clean = _Recorder(denied={"kept.md", "made.txt"}, cache=cache)
    _plain_build(project, clean, dirty=False)
    assert clean.asked == []  # a build writes everything, whatever is_modified says
    site = project / "site"
    assert (site / "kept/index.html").is_file() and (site / "made.txt").read_text("utf-8") == "made"
    assert clean.generated_by == {"index.md": None, "kept.md": None, "changed.md": None, "made.md": "recorder"}
    assert clean.sources["made.md"] == "# Made\n\nBy the plugin.\n"
    assert "By the plugin." in (site / "made/index.html").read_text("utf-8")
    assert cache.compiled and not cache.hits, "the template environment did not take the bytecode cache"

    for name in ("kept", "changed"):
        (project / f"docs/{name}.md").write_text(f"# {name}, edited\n", "utf-8")
    (site / "made.txt").write_text("left alone", "utf-8")
    theme_pages = ("404.html", "sitemap.xml", "sitemap.xml.gz")
    assert all((site / name).is_file() for name in theme_pages)
    for name in theme_pages:
        (site / name).write_text("left alone", "utf-8")
    compiled = dict(cache.compiled)
    dirty = _Recorder(denied={"kept.md", "made.txt"}, cache=cache, theme_pages=False)
    _plain_build(project, dirty, dirty=True)
    assert {"index.md", "kept.md", "changed.md", "made.md", "made.txt"} <= set(dirty.asked)
    assert "kept.md" not in dirty.sources and "changed.md" in dirty.sources  # a denied page is not even read
    assert "edited" not in (site / "kept/index.html").read_text("utf-8")
    assert "edited" in (site / "changed/index.html").read_text("utf-8")
    assert (site / "made.txt").read_text("utf-8") == "left alone"  # nor a denied file copied
    assert all((site / name).read_text("utf-8") == "left alone" for name in theme_pages)  # nor the theme's own
    assert cache.compiled == compiled and cache.hits  # the next build's environment took the compiled templates


def test_mkdocs_copies_the_same_theme_files_through_the_previews_listing(tmp_path):
    """The preview lists the theme's files once (theme.ThemeListing): MkDocs then finds the same files to copy,
    a file added to the project's own theme folder included."""
    project = _plain_project(tmp_path)
    (project / "mkdocs.yml").write_text("site_name: Pins\ntheme:\n  name: material\n  custom_dir: overrides\n", "utf-8")
    (project / "overrides/assets").mkdir(parents=True)
    (project / "overrides/assets/own.css").write_text("", "utf-8")
    listing = ThemeListing()
    get_env = listing.get_env(Theme.get_env)  # what `serve.starting` makes `Theme.get_env` in the preview

    def copied(listed: bool) -> list[tuple[str, str]]:
        config = load_config(config_file=str(project / "mkdocs.yml"))
        files = Files([])
        files.add_files_from_theme(get_env(config.theme) if listed else config.theme.get_env(), config)
        return [(file.src_uri, file.abs_src_path) for file in files]

    plain = copied(False)
    assert len(plain) > 20 and ("assets/own.css", str(project / "overrides/assets/own.css")) in plain
    assert copied(True) == plain and copied(True) == plain
    assert len(listing.walked) == 2  # Material's folder and MkDocs' own templates, walked once
    (project / "overrides/assets/added.css").write_text("", "utf-8")
    plain = copied(False)
    assert ("assets/added.css", str(project / "overrides/assets/added.css")) in plain and copied(True) == plain


def test_the_compressed_sitemap_is_stamped_with_the_latest_page_date():
    """The plugin sets each page's `update_date` to its own date so that sitemap.xml.gz, which MkDocs stamps
    with the latest of them, is the same in two builds of the same content."""
    from types import SimpleNamespace

    from mkdocs import utils

    pages = [SimpleNamespace(update_date="2026-05-01"), SimpleNamespace(update_date="2026-05-09")]
    assert utils.get_build_timestamp(pages=pages) == 1778284800  # 2026-05-09, midnight UTC
    source = inspect.getsource(__import__("mkdocs.commands.build").commands.build._build_theme_template)
    assert "get_build_timestamp(" in source and "pages=" in source and "mtime=timestamp" in source


@pytest.mark.parametrize("command", ["build", "serve"])
def test_the_plugin_is_found_by_its_entry_point(command):
    from importlib.metadata import entry_points

    from briefings.mkdocs.plugin import BriefingsPlugin

    (found,) = [e for e in entry_points(group="mkdocs.plugins") if e.name == "briefings"]
    assert found.load() is BriefingsPlugin
    plugin = found.load()()
    plugin.on_startup(command=command, dirty=True)
    assert plugin.preview is (command == "serve")


def test_a_command_after_another_in_one_process_starts_with_nothing_of_it(tmp_path):
    """MkDocs keeps a plugin that has an `on_startup` for the life of the process (its `Plugins` option's
    `plugin_cache`): a command that follows another (a forked test command, a benchmark) gets the same instance,
    which `on_startup` empties of what the last command's builds kept (a build's cache, each language's search
    and feeds). A preview that kept a build's cache overwrote every citation file it did not mean to write."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = copy_project(tmp_path / "project", one_language=True)
    first = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    first.plugins.on_startup(command="build", dirty=False)
    build(first)
    plugin = first.plugins["briefings"]
    assert plugin.cache is not None and plugin.by_language
    again = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "served"))
    assert again.plugins["briefings"] is plugin
    again.plugins.on_startup(command="serve", dirty=True)
    assert plugin.preview and plugin.cache is None and not plugin.by_language and plugin.loaded is None
    # A preview that ends (MkDocs shuts every command's plugins down, failed or not) leaves collecting on.
    try:
        plugin.collector.pause()  # a rebuild started
        assert not gc.isenabled()
        again.plugins.on_shutdown()
        assert gc.isenabled()
    finally:
        gc.enable()


# -- mkdocs serve ----------------------------------------------------------------------------------------------


def _server(root: Path, builds: list[float]):
    from mkdocs.livereload import LiveReloadServer

    return LiveReloadServer(
        builder=lambda: builds.append(time.monotonic()), host="127.0.0.1", port=free_port(), root=str(root)
    )


#: How long a test waits for the builds a change starts: many times the settling time, as a save is heard at once.
WINDOW = 0.5


def _builds_after(builds: list[float], action, *, within: float) -> list[float]:
    """The builds the server starts within `within` seconds of `action()`, as seconds after it."""
    count, started = len(builds), time.monotonic()
    action()
    time.sleep(within)
    return [round(b - started, 3) for b in builds[count:]]


def test_the_preview_hears_of_a_save_from_the_system_at_once_and_of_nothing_else(tmp_path):
    docs, config = tmp_path / "docs", tmp_path / "mkdocs.yml"
    docs.mkdir()
    (docs / "page.md").write_text("# Page\n", "utf-8")
    config.write_text("site_name: Pins\n", "utf-8")
    builds: list[float] = []
    server = _server(tmp_path / "site", builds)
    server.watch(str(docs))  # as `mkdocs serve` watches, before plugins' on_serve
    server.watch(str(config))
    assert type(server.observer) is PollingObserver and server.observer.timeout == 0.5  # what it replaces
    assert server.build_delay == 0.1 and "self.build_delay" in inspect.getsource(type(server)._build_loop)
    assert notify(server) and isinstance(server.observer, NotifiedObserver) and server.observer.is_alive()
    assert server.build_delay == SETTLE
    assert server._watched_paths == {str(docs): 1, str(config): 1}
    server.watch(str(tmp_path / "docs"))  # watched twice: counted, as MkDocs counts it
    assert server._watched_paths[str(docs)] == 2
    serving = threading.Thread(target=server.serve, daemon=True)  # starts its observer: already started
    serving.start()
    try:
        time.sleep(0.2)
        saved = _builds_after(builds, lambda: (docs / "page.md").write_text("# Page, saved\n", "utf-8"), within=WINDOW)
        assert len(saved) == 1 and saved[0] < SETTLE + 0.35, saved  # no 0.5 s poll before it
        assert (
            _builds_after(builds, lambda: [p.read_text("utf-8") for p in (docs / "page.md", config)], within=WINDOW)
            == []
        )
        new = tmp_path / "mkdocs.yml.new"  # an editor saving by replacing the file
        new.write_text("site_name: Pins, renamed\n", "utf-8")
        assert len(_builds_after(builds, lambda: new.replace(config), within=WINDOW)) == 1
        assert len(_builds_after(builds, lambda: config.write_text("site_name: Again\n", "utf-8"), within=WINDOW)) == 1
        (tmp_path / "elsewhere.md").write_text("x", "utf-8")  # beside the watched file, not watched
        assert _builds_after(builds, lambda: (tmp_path / "elsewhere.md").write_text("y", "utf-8"), within=WINDOW) == []
        moved = tmp_path / "folder"
        (moved / "sub").mkdir(parents=True)
        (moved / "sub/brief.md").write_text("# Brief\n", "utf-8")
        assert _builds_after(builds, lambda: moved.rename(docs / "folder"), within=WINDOW)  # a folder moved in
        assert _builds_after(builds, lambda: shutil.rmtree(docs / "folder"), within=WINDOW)  # and deleted
    finally:
        server.shutdown(wait=True)


def test_the_preview_also_watches_the_overrides_the_data_the_macros_and_the_package(tmp_path):
    """What every page depends on (site_inputs) besides docs/ and mkdocs.yml, which MkDocs watches itself: it
    watches the theme's overrides only with `--watch-theme`."""
    project = copy_project(tmp_path / "project")
    server = _server(tmp_path / "site", [])
    server.watch(str(project / "docs"))
    try:
        assert watch_project(server, project, Preview()) is server
        assert isinstance(getattr(server.builder, "__self__", None), OpenFirst)  # the pages open first
        package = Path(briefings.__file__).parent
        folders = ("docs", "overrides", "data", "macros")
        assert server._watched_paths.keys() == {str(project / p) for p in folders} | {str(package)}
        assert isinstance(server.observer, NotifiedObserver)
    finally:
        server.observer.stop()


def test_where_the_system_cannot_notify_the_preview_polls_as_before(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    server = _server(tmp_path / "site", [])
    server.watch(str(tmp_path / "docs"))

    def refused(self):
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(NotifiedObserver, "start", refused)
    assert not notify(server)
    assert type(server.observer) is PollingObserver and not server.observer.is_alive()
    assert server.build_delay == 0.1  # polled changes may take a moment to settle
    assert server._watched_paths == {str(tmp_path / "docs"): 1}
    assert [w.path for w in server._watch_refs.values()] == [str(tmp_path / "docs")]


class _Opened:
    """What OpenFirst asks of the preview (briefings.preview.Preview), for a builder that writes the page open
    first and the others in the rebuild after, `slow` seconds long."""

    dirty = True

    def __init__(self) -> None:
        self.opened: list[frozenset[str] | None] = []
        self.owes = False

    def open_first(self, addresses) -> None:
        self.opened.append(None if addresses is None else frozenset(addresses))


def _get(url: str, referer: str | None = None) -> tuple[float, str]:
    """When the answer to a GET of `url` came (time.monotonic()), and its text."""
    request = urllib.request.Request(url, headers={"Referer": referer} if referer else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode("utf-8")
    return time.monotonic(), text


def test_the_page_open_reloads_once_written_and_other_pages_wait_for_the_rebuild_after(tmp_path):
    site, docs = tmp_path / "site", tmp_path / "docs"
    for folder in (site / "briefs/x", site / "assets", docs):
        folder.mkdir(parents=True)
    for page in ("index.html", "briefs/x/index.html"):
        (site / page).write_text("<body>before</body>", "utf-8")
    (site / "assets/style.css").write_text("body {}", "utf-8")
    preview, ended = _Opened(), []

    def builder() -> None:  # MkDocs' builder: the preview's dirty build
        if preview.opened[-1]:  # the open page alone (the home page)
            (site / "index.html").write_text("<body>after</body>", "utf-8")
            preview.owes = True
        else:  # the rest, slowly
            time.sleep(1.0)
            (site / "briefs/x/index.html").write_text("<body>after</body>", "utf-8")
            preview.owes = False
            ended.append(time.monotonic())

    server = _server(site, [])
    server.builder = builder
    server.watch(str(docs))  # (the server adds its live-reload script to pages when it watches something)
    OpenFirst(server, preview)  # type: ignore[arg-type]
    base = server.url
    threading.Thread(target=server.serve, daemon=True).start()
    while not server.serve_thread.is_alive():  # (serving once its socket listens)
        time.sleep(0.01)
    try:
        _, text = _get(base)
        epoch, request = re.search(r"livereload\((\d+), (\d+)\)", text).groups()  # type: ignore[union-attr]
        reloaded: list[float] = []  # the open page asks whether to reload, naming itself, as a browser does
        asking = threading.Thread(target=lambda: reloaded.append(_get(f"{base}livereload/{epoch}/{request}", base)[0]))
        asking.start()
        time.sleep(0.3)
        (docs / "page.md").write_text("# Saved\n", "utf-8")
        asking.join(timeout=10)
        assert reloaded and preview.opened[:2] == [frozenset({""}), None], preview.opened
        shown, page = _get(base + "index.html")  # the open page (at either of its addresses), at once
        served, style = _get(base + "assets/style.css")  # what pages load to show themselves, at once
        other_came, other = _get(base + "briefs/x/")  # another page: once the rebuild after is done
        assert "after" in page and style == "body {}" and "after" in other
        assert reloaded[0] < shown < ended[0] and served < ended[0] <= other_came, (reloaded, shown, ended, other_came)
    finally:
        server.shutdown(wait=True)


# -- mkdocs-static-i18n ----------------------------------------------------------------------------------------


def test_the_i18n_plugin_builds_only_the_language_the_preview_sets_at_its_usual_addresses(tmp_path, monkeypatch):
    project, site = copy_project(tmp_path / "project"), tmp_path / "site"
    monkeypatch.setenv("BRIEFINGS_PREVIEW_LANGUAGE", "fr")
    monkeypatch.chdir(project)
    french = site / "fr/briefs/2026/doha-indirect-talks/index.html"
    translation = project / "docs/briefs/2026/doha-indirect-talks.fr.md"
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        # The first build, then a rebuild after the translation's title is saved, its configuration read again.
        for dirty, title in ((False, "À Doha, des pourparlers"), (True, "À Doha, de longs pourparlers")):
            i18n = config.plugins["i18n"]
            assert [lang.build for lang in i18n.config.languages] == [True, True, True], "read again for each build"
            build(config, dirty=dirty)
            assert i18n.build_languages == ["fr"] and i18n.default_language == "en" and i18n.current_language == "fr"
            assert title in french.read_text("utf-8")  # x.fr.md, not x.md, at /fr/
            assert not (site / "briefs").exists() and not (site / "ar").exists()
            french.unlink()
            translation.write_text(translation.read_text("utf-8").replace("À Doha, des", "À Doha, de longs"), "utf-8")
            config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    finally:
        config.plugins.on_shutdown()


def test_the_i18n_plugins_build_only_locale_makes_its_language_the_default():
    import mkdocs_static_i18n
    from mkdocs_static_i18n.config import I18nPluginConfig

    package = Path(mkdocs_static_i18n.__file__).parent
    readers = {path.name for path in package.rglob("*.py") if "build_only_locale" in path.read_text("utf-8")}
    assert readers == {"config.py"}, "read elsewhere than where the configuration is checked"
    config = I18nPluginConfig()
    config.load_dict(
        {
            "build_only_locale": "fr",
            "languages": [{"locale": "en", "default": True, "name": "English"}, {"locale": "fr", "name": "Français"}],
        }
    )
    failed, _ = config.validate()
    assert not failed
    assert [(lang.locale, lang.default, lang.build) for lang in config.languages] == [
        ("en", False, False),
        ("fr", True, True),
    ]


def test_the_i18n_plugin_makes_each_file_from_its_paths_the_languages_and_the_folders_only(tmp_path):
    """`SharedI18nFiles` (languages.py) makes each file of a site in several languages once (kept for the next
    build) and gives each language's build a copy: mkdocs-static-i18n looks its `suffix.create_i18n_file` up as it reconfigures the files,
    and that function reads of the file only its source, destination and inclusion, of the configuration only its
    docs_dir, site_dir and use_directory_urls, and gives the file new `alternates` holding itself; a copy is what it
    would have made."""
    from mkdocs.structure.files import File
    from mkdocs_static_i18n import reconfigure, suffix

    from briefings.mkdocs.languages import SHARED_FILES, SharedI18nFiles

    original = SHARED_FILES.original or suffix.create_i18n_file  # (installed by a build in this process, if any)

    assert "create_i18n_file = suffix.create_i18n_file" in inspect.getsource(
        reconfigure.ExtendedPlugin.reconfigure_files
    )
    function = ast.parse(textwrap.dedent(inspect.getsource(original))).body[0]
    config_read = {
        n.attr for n in ast.walk(function) if isinstance(n, ast.Attribute) and getattr(n.value, "id", "") == "config"
    }
    assert config_read == {"docs_dir", "site_dir", "use_directory_urls"}
    first = function.body[1]  # after the log line: `file = File(...)`, the only statement reading the file given
    assert isinstance(first, ast.Assign) and ast.unparse(first.targets[0]) == "file"
    file_read = {
        n.attr for n in ast.walk(first.value) if isinstance(n, ast.Attribute) and getattr(n.value, "id", "") == "file"
    }
    assert file_read == {"src_path", "dest_path", "dest_uri", "inclusion"}

    class Config(dict):
        __getattr__ = dict.__getitem__

    config = Config(docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"), use_directory_urls=True)
    shared = SharedI18nFiles()
    shared.original = original
    for name in ("briefs/2026/x.md", "briefs/2026/x.fr.md", "index.fr.md", "about.md", "images/map.fr.png"):
        file = File(name, config.docs_dir, config.site_dir, True)
        for lang in ("en", "fr", "ar"):
            made, again = (
                shared.original(file, lang, "en", ["en", "fr", "ar"], config),
                shared.create(file, lang, "en", ["en", "fr", "ar"], config),
            )
            copied = shared.create(file, lang, "en", ["en", "fr", "ar"], config)
            assert copied is not again and copied.alternates == {lang: copied} and made.alternates == {lang: made}
            plain = lambda f: {k: v for k, v in vars(f).items() if k != "alternates"}
            assert plain(made) == plain(again) == plain(copied), name

    # The next build of the site (a preview's rebuild) takes the files the last one made, without making them again.
    shared.install()
    shared.original = None  # (making one would fail)
    kept = shared.create(
        File("about.md", config.docs_dir, config.site_dir, True), "fr", "en", ["en", "fr", "ar"], config
    )
    assert plain(kept) == plain(
        original(File("about.md", config.docs_dir, config.site_dir, True), "fr", "en", ["en", "fr", "ar"], config)
    )
    assert kept.alternates == {"fr": kept}
