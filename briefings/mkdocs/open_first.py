"""The live preview writes the pages open in a browser first (`OpenFirst`), on MkDocs' live-reload server
(`mkdocs serve`): which pages a rebuild writes is the core's (`briefings.preview.Preview.open_first`)."""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..urls import page_address

if TYPE_CHECKING:
    from ..preview import Preview

log = logging.getLogger("mkdocs.plugins.briefings")


class OpenFirst:
    """Has MkDocs' live-reload server write the pages open in a browser first. Each open page asks the server,
    again and again, whether to reload (`/livereload/...`, a request held until a rebuild or a minute has
    passed), and names itself in the request (its Referer): the pages that asked in the last `RECENT` seconds are
    open. A rebuild writes those of them the save changes (`Preview.open_first`); if it left other pages, the
    browsers reload at once and a second rebuild writes the rest, while the server holds any request but for an
    open page or a file pages load to show themselves (`ASSETS`) until it is done, as MkDocs holds every
    request during a rebuild. Uses the server's internals (`builder`, `mount_path`, `_epoch_cond`,
    `_visible_epoch`, `_wanted_epoch`), which tests/test_adapter_pins.py pins."""

    RECENT = 3.0  # seconds: a page reloading asks again within a moment
    ASSETS = frozenset({".css", ".js", ".mjs", ".map", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico"})
    ASSETS |= {".woff", ".woff2", ".ttf"}

    def __init__(self, server: Any, preview: Preview) -> None:
        self.server, self.preview = server, preview
        self.asking: Counter[str] = Counter()  # open pages' addresses (relative to the site's root): requests held
        self.asked: dict[str, float] = {}  # when each last asked
        self.catching_up = threading.Condition()
        self.behind = False  # the second rebuild is under way
        self.serve_request, self.build = server.get_app(), server.builder
        server.set_app(self.serve)
        server.builder = self.rebuild

    def open(self) -> set[str]:
        now = time.monotonic()
        with self.catching_up:
            recent = {a for a, t in self.asked.items() if now - t < self.RECENT}
            return {a for a, n in self.asking.items() if n} | recent

    def serve(self, environ: dict, start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")  # (as MkDocs reads it)
        referer = environ.get("HTTP_REFERER")
        if path.startswith("/livereload/") and referer and (asking := self._address(referer)) is not None:
            with self.catching_up:
                self.asking[asking] += 1
            try:
                return self.serve_request(environ, start_response)
            finally:
                with self.catching_up:
                    self.asking[asking] -= 1
                    self.asked[asking] = time.monotonic()
        if PurePosixPath(path).suffix.lower() not in self.ASSETS and not path.startswith("/livereload/"):
            with self.catching_up:  # a page the second rebuild may write: once it is written
                self.catching_up.wait_for(lambda: not self.behind or self._address(path) in self.open())
        return self.serve_request(environ, start_response)

    def rebuild(self) -> None:
        self.preview.open_first(self.open())
        try:
            self.build()
        finally:
            self.preview.open_first(None)
        if not self.preview.owes:
            return
        with self.catching_up:
            self.behind = True
        log.info("Reloading browsers: the open pages are written, the other pages the save changes follow")
        try:
            with self.server._epoch_cond:  # the open pages reload now (MkDocs' own loop then changes nothing)
                self.server._visible_epoch = self.server._wanted_epoch
                self.server._epoch_cond.notify_all()
            self.build()
        finally:
            with self.catching_up:
                self.behind = False
                self.catching_up.notify_all()

    def _address(self, url: str) -> str | None:
        """The address of the page at `url` (a URL, or a request's path), relative to the site's root as the
        preview compares them (`urls.page_address`); None if not under the server's mount path."""
        path, mount = urlsplit(url).path, self.server.mount_path
        return page_address(path[len(mount) :]) if (path + "/").startswith(mount) else None
