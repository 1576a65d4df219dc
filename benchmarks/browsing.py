"""Serving a built site on this machine, and the Chromium that opens it: the one way the tests
(tests/conftest.py), the screenshots (script/screenshots.py) and the benchmark (benchmarks/search.py and
benchmarks/engines.py) do both.

Why here: the core (`briefings/`) holds no test tooling, and `tests/` is pytest's folder, not a package (its
conftest.py is loaded by pytest, for tests alone). `benchmarks/` is the repository's one package of tooling
that all three can import from the repository's root: `python -m benchmarks.run` runs there, pytest has the
root on its path (`pythonpath` in pyproject.toml), and script/screenshots.py puts it on its own. Until a
browser is launched, this module needs only the standard library (Playwright is imported then).

The server serves a site under a path (`/` or a project path such as `/briefings/`, the way GitHub Pages
serves a project site) with the site's 404 page for any missing address, and records what it sent (the
benchmark counts the bytes a reader downloads). Chromium is Debian's package where it is installed (its headless
shell, or the one BRIEFINGS_CHROMIUM names), otherwise Playwright's own; script/browser installs one or the other.
"""

from __future__ import annotations

import functools
import http.server
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The windows the tests, the screenshots and the benchmark open pages in.
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
#: Chromium without its own traffic (updates, sync, first-run pages), so that it fetches only what a page asks.
FLAGS = ("--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync")
#: Debian's Chromium: its headless shell (the browser without a window, which Playwright also runs by default
#: when headless; the browser tests take half the processor time they take in the full browser), else the full
#: browser, which a window (pytest's `--headed`) needs.
HEADLESS_SHELL, DEBIAN_CHROMIUM = Path("/usr/bin/chromium-headless-shell"), Path("/usr/bin/chromium")


# -- serving -----------------------------------------------------------------------------------------------------


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under `prefix`, with its 404 page for anything missing, as GitHub Pages does; appends
    (request path, bytes) to `sent` for every file it sends."""

    prefix = "/"
    sent: list[tuple[str, int]]

    def log_message(self, *args):  # keep the output of tests and tools quiet
        pass

    def send_head(self):
        if not self.path.startswith(self.prefix):
            return self._not_found()
        self.path = "/" + self.path[len(self.prefix) :]
        target = Path(self.translate_path(self.path))
        if not (target.is_file() or (target / "index.html").is_file()):
            return self._not_found()
        return super().send_head()

    def copyfile(self, source, outputfile):
        data = source.read()
        outputfile.write(data)
        self.sent.append((self.path, len(data)))

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        if not page.is_file():
            self.send_error(404)
            return None
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@dataclass
class Server:
    """A site served on a free local port, in a thread of this process."""

    url: str  # the site's base URL, ending in "/": http://127.0.0.1:PORT/ or http://127.0.0.1:PORT/briefings/
    sent: list[tuple[str, int]] = field(default_factory=list)  # (path under the site, bytes), in order
    httpd: http.server.ThreadingHTTPServer | None = field(default=None, repr=False)

    def stop(self) -> None:
        if self.httpd:
            self.httpd.shutdown()
            self.httpd.server_close()


def serve(site: Path, prefix: str = "/") -> Server:
    """Start serving `site` (which need not exist yet: a build may write it once it knows the address)."""
    sent: list[tuple[str, int]] = []
    handler = type("Handler", (SiteHandler,), {"prefix": prefix, "sent": sent})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return Server(f"http://127.0.0.1:{httpd.server_address[1]}{prefix}", sent, httpd)


@contextmanager
def serving(site: Path, prefix: str = "/") -> Iterator[Server]:
    server = serve(site, prefix)
    try:
        yield server
    finally:
        server.stop()


def free_port() -> int:
    """A local port nothing listens on now, for a server started in another process (`mkdocs serve`)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- Chromium ----------------------------------------------------------------------------------------------------


def chromium_executable(*, headless: bool = True) -> str | None:
    """Debian's Chromium where it is installed (or BRIEFINGS_CHROMIUM): the headless shell unless a window is
    wanted; None means Playwright's own."""
    if os.environ.get("BRIEFINGS_CHROMIUM"):
        return os.environ["BRIEFINGS_CHROMIUM"]
    candidates = (HEADLESS_SHELL, DEBIAN_CHROMIUM) if headless else (DEBIAN_CHROMIUM,)
    return next((str(path) for path in candidates if path.exists()), None)


def launch_options(options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Playwright's `chromium.launch` options (added to `options`): Debian's executable where there is one,
    the quiet flags, and --no-sandbox as root, where Chromium refuses to start with its sandbox."""
    options = dict(options or {})
    if executable := chromium_executable(headless=options.get("headless", True)):
        options["executable_path"] = executable
    root = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    options["args"] = [*options.get("args", []), *FLAGS, *root]
    return options


@contextmanager
def chromium() -> Iterator[Any]:
    """A Chromium launched with `launch_options()` (a Playwright `Browser`), closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            yield browser
        finally:
            browser.close()


def chromium_path() -> str | None:
    """The file `chromium()` runs, for tools that start Chromium themselves (Lighthouse); None without
    Playwright or a Chromium."""
    if executable := chromium_executable():
        return executable
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as playwright:
        path = playwright.chromium.executable_path
    return path if Path(path).exists() else None
