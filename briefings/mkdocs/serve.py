"""The live preview's side of MkDocs (`mkdocs serve`): what the engine does on every rebuild that the preview
changes. Which pages a save writes again is the core's (`briefings.preview`).

- MkDocs warns on every `--dirty` build that its navigation and links may be inaccurate; the preview's dirty
  builds write again every page a save changes, so that one warning is filtered out (`ExactDirtyBuilds`).
- The engine makes a new template environment for each rebuild; the theme's templates stay compiled from one
  rebuild to the next (`THEME_CODE`), and the theme's files listed (`theme.ThemeListing`).
- MkDocs' server polls every watched file every 0.5 s; the preview has the system notify it instead
  (`notify`, `NotifiedObserver`), so that a rebuild starts as soon as a file is saved.
- The pages open in a browser are written first (`open_first.OpenFirst`): the rest of what a save changes
  follows in a second rebuild, which only readers of those other pages wait for.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.theme import Theme
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirModifiedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from ..site_inputs import PACKAGE, SITE_FOLDERS
from ..templating import CompiledTemplates
from .open_first import OpenFirst
from .theme import ThemeListing

if TYPE_CHECKING:  # what watchdog's `Observer` is on every platform, as the type checker cannot tell
    from ..preview import Preview

    class _SystemObserver(BaseObserver):
        def __init__(self, *, timeout: float = 1.0) -> None: ...

else:  # the platform's own: inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows
    from watchdog.observers import Observer as _SystemObserver


#: What MkDocs warns on every `--dirty` build, and the logger it warns on (mkdocs/commands/build.py; a test
#: pins the installed text).
DIRTY_BUILD_WARNING = (
    "A 'dirty' build is being performed, this will likely lead to inaccurate navigation and other links within "
    "your site. This option is designed for site development purposes only."
)
BUILD_LOG = logging.getLogger("mkdocs.commands.build")
log = logging.getLogger("mkdocs.plugins.briefings")


class ExactDirtyBuilds(logging.Filter):
    """The preview's dirty builds write again every page a save changes, so MkDocs' warning that they are
    inaccurate is not shown to authors (the plugin installs this filter when `mkdocs serve` starts)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != DIRTY_BUILD_WARNING


EXACT_DIRTY_BUILDS = ExactDirtyBuilds()
#: The theme's templates as compiled, for every build of the process: the preview's rebuilds (the engine makes a
#: new template environment for each, and a new plugin when mkdocs.yml changes), each language's build of a site.
THEME_CODE = CompiledTemplates()


def starting(command: str) -> bool:
    """Whether MkDocs' `command` is the preview's (`serve`); if so, its dirty builds' warning is filtered out
    (once: a logger holds a filter once). Whatever the command, the theme's files are listed once for all the
    builds of this process (`ThemeListing`): the preview's rebuilds, each language's build of a site."""
    if command == "serve":
        BUILD_LOG.addFilter(EXACT_DIRTY_BUILDS)
    if not hasattr(Theme.get_env, "listing"):
        Theme.get_env = ThemeListing().get_env(Theme.get_env)  # type: ignore[method-assign]
    return command == "serve"


# -- noticing a save -------------------------------------------------------------------------------------------

#: The events that change what a build reads. Not a file opened or closed unwritten: the build reads the files
#: it watches, and would rebuild for ever.
CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]


#: How long the server waits after a file's last event before it rebuilds (MkDocs waits 0.1 s, made for
#: polling): an editor's save is a burst of events a few milliseconds long, which a notified server hears as
#: it happens.
SETTLE = 0.03  # seconds


class _Changes(FileSystemEventHandler):
    """Hands MkDocs' handler the events that change a file: of the one file `only`, if given (watched through
    its folder, so that an editor replacing the file is seen); a folder created, deleted or moved as a file's
    (MkDocs ignores folders' events, and the system reports none for the files a moved folder takes along)."""

    def __init__(self, handler: FileSystemEventHandler, only: str | None = None):
        super().__init__()
        self.handler, self.only = handler, only

    def dispatch(self, event: FileSystemEvent) -> None:
        if self.only is not None and self.only not in (event.src_path, event.dest_path):
            return
        if event.is_directory and not isinstance(event, DirModifiedEvent):
            event = FileModifiedEvent(event.dest_path or event.src_path)
        self.handler.dispatch(event)


class NotifiedObserver(_SystemObserver):
    """Watchdog's observer of the system's notifications (inotify on Linux), for MkDocs' server in place of the
    one that polls every watched file every 0.5 s: a save is noticed in a millisecond, and an idle preview
    costs nothing."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        only = os.path.abspath(path) if os.path.isfile(path) else None
        return super().schedule(
            _Changes(event_handler, only),
            os.path.dirname(only) if only else path,
            recursive=recursive and not only,
            event_filter=event_filter or CHANGES,
            follow_symlink=follow_symlink,
        )

    def start(self) -> None:
        """Started once: by `notify`, then (a no-op) by the server."""
        if not self.is_alive():
            super().start()


def watch_project(server: Any, root: Path, preview: Preview) -> Any:
    """Have MkDocs' server (`mkdocs serve`, which watches docs/ and mkdocs.yml) also watch what else every page
    depends on (`site_inputs`): the project's theme overrides (which MkDocs watches only when told,
    `--watch-theme`), macros module and data, and this package; hear of changes from the system (`notify`); and,
    where a save writes only the pages it changes (`--dirty`), write the pages open in a browser first."""
    for watched in filter(Path.exists, [*(root / name for name in SITE_FOLDERS), PACKAGE]):
        server.watch(str(watched))
    notify(server)
    if preview.dirty:
        OpenFirst(server, preview)
    return server


def notify(server: Any) -> bool:
    """Have MkDocs' live-reload server, before it serves, learn of changes from the system instead of polling:
    each watched path is watched again through a `NotifiedObserver`, started at once, and a rebuild waits only
    `SETTLE` seconds for a save's events to end. Where the system cannot
    (no notifications, or its limit of watches reached), the server polls as before. Uses the server's internals
    (`observer`, `_watched_paths`, `watch`, `unwatch`, `build_delay`), which tests/test_adapter_pins.py pins."""
    polling = server.observer
    if not isinstance(polling, PollingObserver) or polling.is_alive():
        return False
    watched = dict(server._watched_paths)

    def watch_with(observer: BaseObserver) -> None:
        for path, count in watched.items():
            for _ in range(count):
                server.unwatch(path)
        server.observer = observer
        for path, count in watched.items():
            for _ in range(count):
                server.watch(path)

    watch_with(NotifiedObserver())
    try:
        server.observer.start()
    except OSError as error:
        log.info(f"Polling for changes: no system notifications ({error})")
        watch_with(PollingObserver(timeout=polling.timeout))
        return False
    server.build_delay = min(server.build_delay, SETTLE)
    return True


# -- which pages a rebuild writes ------------------------------------------------------------------------------


def rewrite_only(files: Any, config: Any, preview: Preview) -> None:
    """In a dirty build (the preview's), MkDocs writes only the pages whose `is_modified` says so: those the
    preview `rewrites`; and the theme's own pages (its `static_templates`: the 404 page, and the sitemap, which
    lists every page as the build read it, when a dirty build reads only those it writes) only when it writes
    every page. tests/test_adapter_pins.py pins when MkDocs asks either."""
    for file in files.documentation_pages():
        file.is_modified = (lambda yes: lambda: yes)(preview.rewrites(file.src_uri))
    if not preview.writes_everything:
        config.theme.static_templates.clear()  # (this rebuild's theme: the next rebuild makes its own)
