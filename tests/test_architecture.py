"""The core stays independent of the site engine, and the adapters stay thin."""

from __future__ import annotations

import ast
import re

import pytest

from conftest import EXAMPLE, ROOT

#: The adapter to MkDocs and its plugins: the only part of the package that may import them.
ADAPTER = ROOT / "briefings/mkdocs"
CORE = sorted(p for p in (ROOT / "briefings").rglob("*.py") if ADAPTER not in p.parents)
ADAPTERS = [ROOT / "macros/__init__.py", *sorted(ADAPTER.rglob("*.py"))]


def imported_modules(path):
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_core_does_not_import_the_site_engine(path):
    engine = [m for m in imported_modules(path) if m.split(".")[0] in {"mkdocs", "material", "mkdocs_macros"}]
    assert not engine, f"{path.name} imports {engine}: the core must not depend on MkDocs"


def test_the_guard_covers_the_whole_core_and_only_the_core():
    package = set((ROOT / "briefings").rglob("*.py"))
    assert set(CORE) | {p for p in ADAPTERS if ADAPTER in p.parents} == package
    assert {p.relative_to(ROOT).as_posix() for p in package - set(CORE)} >= {"briefings/mkdocs/plugin.py"}
    assert all(ADAPTER in p.parents for p in package - set(CORE))
    assert any(p.parent.name == "pages" for p in CORE)  # the core's subpackages too


def test_the_core_does_not_import_the_adapter():
    graph = _package_imports()
    assert {"briefings.mkdocs.sandbox", "briefings.loader"} <= graph["briefings.mkdocs.plugin"]  # it reads them
    uses = {
        module: sorted(m for m in imported if m.startswith("briefings.mkdocs"))
        for module, imported in graph.items()
        if not module.startswith("briefings.mkdocs")
    }
    assert not {module: found for module, found in uses.items() if found}


def code_lines(path) -> int:
    """The lines of `path` that are code: not blank, not comments, not docstrings."""
    text = path.read_text("utf-8")
    docstrings = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node):
            first = node.body[0]
            docstrings.update(range(first.lineno, first.end_lineno + 1))
    code = [
        line
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.strip().startswith("#") and n not in docstrings
    ]
    return len(code)


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_module_of_the_core_is_over_400_lines(path):
    """A module a maintainer reads whole: one that grows past this is split where its parts meet (as
    `buildcache` gave `cached_files` the files its cache keeps)."""
    lines = len(path.read_text("utf-8").splitlines())
    assert lines <= 400, f"{path.relative_to(ROOT)} has {lines} lines: split it where its parts meet"


@pytest.mark.parametrize("path", ADAPTERS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_adapters_are_short(path):
    lines = code_lines(path)
    assert lines < 170, f"{path.name} has {lines} lines: domain rules belong in the briefings package"


def test_the_adapter_as_a_whole_is_thin():
    """The adapter package together: every module of it translates between MkDocs and the core, and holds no
    rule of the site's. (705: a build's cache starts before the outputs are made, so that the open data the last
    build made is kept, not made again; 700 before: a build writes its open data and citation files itself, not
    through the engine's list of files; 690 before: the build's cache shown to MkDocs, cached_pages.py, moved here from the core, which
    knew the engine's files and pages by their shape: the pages reused as files to copy, the sitemap's rows of
    them, what is kept of a page rendered; 575 before: the preview also writes the pages open in a browser first, reading which are
    open from the live-reload server's requests and holding the others' while it writes them, open_first.py;
    545 before: the preview also leaves the theme's own pages, the 404 page and the sitemap, as they
    were unless it writes every page; 540 before: it also has mkdocs-static-i18n make each file of the docs folder
    once per build, not once per language in each language's build, and hands the data the core generates to the
    build's cache; 510
    before: the preview also keeps MkDocs' listing of the theme's files and what the navigation shows of the pages
    it does not write again, from one rebuild to the next; 470 before, when it began to drive mkdocs-static-i18n,
    the preview's one language and the navigation's titles in each language; 450 before.)"""
    lines = {p.relative_to(ROOT).as_posix(): code_lines(p) for p in ADAPTERS}
    assert sum(lines.values()) < 705, f"the adapters have {sum(lines.values())} lines of code: {lines}"


def test_checking_loads_no_template_or_markdown_engine():
    """`briefings check` runs on every commit (pre-commit): it reads and checks, and imports nothing that only
    writing pages needs."""
    import subprocess
    import sys

    code = "import sys, briefings.cli; print(briefings.cli.main(['check']), sorted({m.split('.')[0] for m in sys.modules}))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], cwd=EXAMPLE, capture_output=True, text=True, check=True
    ).stdout
    assert loaded.startswith("0 ")  # checked, and found nothing wrong
    for engine in ("jinja2", "markdown", "markupsafe", "mkdocs"):
        assert f"'{engine}'" not in loaded, engine


# -- the tool's tests run on fixtures of their own -------------------------------------------------------------

#: What authors change every day: the shipped content and the site's configuration.
SHIPPED = {"docs", "data", "mkdocs.yml"}
#: Shipped files some tests are about: the authors' guide (README and CONTRIBUTING are outside SHIPPED).
SHIPPED_DOCUMENTS = {"docs/write-a-brief.md"}
#: The modules that test the shipped content, the workflows' test (its subject is the repository's files) and
#: the documented commands' test (the documents show commands on the shipped project, which must run as shown).
MAY_READ_THE_CONTENT = {
    "test_content.py",
    "test_content_browser.py",
    "additions.py",
    "test_workflows.py",
    "test_documented_commands.py",
}
TESTS = ROOT / "tests"


def _literal(node: ast.AST) -> str | None:
    """The text of a string literal, or of the literal start of an f-string; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return node.values[0].value
    return None


def _is_root(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == "ROOT"


def _words(node: ast.AST, strings: dict[str, str]) -> set[str]:
    """The names and string literals within `node`, and the strings its names were given (`strings`)."""
    found = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            found |= {child.id, strings.get(child.id, "")}
        elif isinstance(child, ast.Attribute):
            found.add(child.attr)
        elif (text := _literal(child)) is not None:
            found.add(text)
    return found


def shipped_content_reads(source: str, *, fixtures: bool = False) -> list[str]:
    """Where `source` (a test module) reads the shipped content: `ROOT / "docs..."`, `"data..."` or
    `"mkdocs.yml"` (or a path it cannot tell, `ROOT / part`), the repository's root handed to anything but
    `relative_to` (`Project.at(ROOT)`, `copy_project(..., content=ROOT)`), `briefings` or `mkdocs` run in it,
    a path relative to the working folder (`Path("data/actors.yml")`), or the content tests' helper (but in
    the function of a fixture, with `fixtures`: conftest's content fixtures, which only content tests ask for).
    """
    found, tree = [], ast.parse(source)
    strings = {
        target.id: node.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for node in ast.walk(tree):
        where = f"line {getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and _is_root(node.left):
            path = _literal(node.right)
            if path is None:
                found.append(f"{where}: ROOT / {ast.unparse(node.right)} (a path that cannot be told)")
            elif path.strip("/").split("/")[0] in SHIPPED and path not in SHIPPED_DOCUMENTS:
                found.append(f"{where}: ROOT / {path!r}")
        elif isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            for argument in [*node.args, *(k.value for k in node.keywords if k.arg != "cwd")]:
                if _is_root(argument) and not name.endswith("relative_to"):
                    found.append(f"{where}: {name}(ROOT)")
            cwd = next((k.value for k in node.keywords if k.arg == "cwd"), None)
            words = _words(node.func, strings) | set().union(*(_words(a, strings) for a in node.args))
            if (
                cwd is not None
                and _is_root(cwd)
                and "--root" not in words
                and any(re.search(r"\b(briefings|mkdocs)\b|benchmarks\.corpus", word) for word in words)
            ):
                found.append(f"{where}: {name}(..., cwd=ROOT) runs on the shipped content")
            first = _literal(node.args[0]) if node.args else None
            if (
                name in {"Path", "open", "pathlib.Path"}
                and first is not None
                and first.strip("./").split("/")[0] in SHIPPED
            ):
                found.append(f"{where}: {name}({first!r}) reads from the working folder")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if "additions" in modules and not (fixtures and node.col_offset > 0):  # a fixture's own import
                found.append(f"{where}: imports the content tests' helper")
    return found


@pytest.mark.parametrize(
    "path", sorted(p for p in TESTS.glob("*.py") if p.name not in MAY_READ_THE_CONTENT), ids=lambda p: p.name
)
def test_the_tools_tests_do_not_read_the_shipped_content(path):
    """Authors change docs/, data/ and mkdocs.yml every day: the tool's tests build tests/fixtures/example
    (conftest.copy_project) and read their expectations from it. Only the content tests read the shipped
    content, and only the tests of the authors' guide read that page of it."""
    found = shipped_content_reads(path.read_text("utf-8"), fixtures=path.name == "conftest.py")
    assert not found, f"{path.name} reads the shipped content, not the example project: {found}"


@pytest.mark.parametrize(
    "source",
    [
        'ROOT / "docs/briefs"',
        'ROOT / "data" / "actors.yml"',
        'ROOT / f"data/{name}.yml"',
        'ROOT / "mkdocs.yml"',
        "ROOT / part",
        "Project.at(ROOT)",
        "copy_project(tmp, content=ROOT)",
        'briefings("check", cwd=ROOT)',
        'run(BIN / "mkdocs", "build", cwd=ROOT)',
        'run(sys.executable, "-m", "benchmarks.corpus", "--out", x, cwd=ROOT)',
        'Path("data/actors.yml")',
        'open("docs/index.md")',
        "from additions import content_site",
        'code = "import briefings.cli; briefings.cli.main([\'check\'])"\nrun([sys.executable, "-c", code], cwd=ROOT)',
    ],
)
def test_the_guard_sees_each_way_of_reading_the_shipped_content(source):
    assert shipped_content_reads(source), source


@pytest.mark.parametrize(
    "source",
    [
        'ROOT / "docs/write-a-brief.md"',
        'ROOT / "README.md"',
        'ROOT / "overrides/main.html"',
        'EXAMPLE / "docs"',
        'project / "data/actors.yml"',
        "p.relative_to(ROOT)",
        'run("node", "script/lighthouse.mjs", cwd=ROOT)',
        'run(sys.executable, "-m", "benchmarks.corpus", "--root", example, cwd=ROOT)',
        'briefings("check", cwd=EXAMPLE)',
    ],
)
def test_the_guard_lets_the_tools_own_files_and_the_example_project_be(source):
    assert not shipped_content_reads(source), source


def _package_imports() -> dict[str, set[str]]:
    """Each module of the package, with the modules of the package it imports: every import, those made only
    for type checking (`if TYPE_CHECKING:`) included."""
    package = ROOT / "briefings"
    modules = {
        ".".join(("briefings", *p.with_suffix("").relative_to(package).parts)).removesuffix(".__init__"): p
        for p in package.rglob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = ".".join(here.split(".")[: len(here.split(".")) - node.level + 1]) if node.level else ""
                module = ".".join(part for part in (base, node.module or "") if part)
                submodules = {f"{module}.{alias.name}" for alias in node.names} & modules.keys()
                found |= submodules or ({module} & modules.keys())
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names} & modules.keys()
        graph[name] = found - {name}
    return graph


def test_no_module_of_the_package_imports_itself_in_a_circle():
    graph = _package_imports()
    assert graph["briefings.loader"] and graph["briefings.site"]  # the reading of imports finds them

    def circle_from(start: str) -> list[str] | None:
        path, seen = [start], set()

        def visit(module: str) -> list[str] | None:
            for other in sorted(graph[module]):
                if other == start:
                    return [*path, start]
                if other not in seen:
                    seen.add(other)
                    path.append(other)
                    if found := visit(other):
                        return found
                    path.pop()
            return None

        return visit(start)

    circles = {" → ".join(c) for module in graph if (c := circle_from(module))}
    assert not circles, "\n".join(sorted(circles))


#: The project's Python, as folders of the repository.
LINTED = ("briefings", "macros", "tests", "benchmarks", "script")


def test_the_files_that_share_long_builds_run_on_one_worker():
    """conftest.RUN_TOGETHER: pytest-xdist hands out the tests grouped by what its scheduler's `_split_scope` says
    of each (pinned: an upgrade that groups them otherwise fails here), and the files named there are one group."""
    import inspect

    from xdist.scheduler.loadscope import LoadScopeScheduling

    from conftest import RUN_TOGETHER, TogetherScheduling

    assert "scope = self._split_scope(nodeid)" in inspect.getsource(LoadScopeScheduling.schedule)
    split = object.__new__(TogetherScheduling)._split_scope
    together = {split(f"{path}::test_one[a-b]") for path in RUN_TOGETHER}
    assert len(RUN_TOGETHER) > 1 and len(together) == 1
    assert split("tests/test_site.py::test_one[a-b]") == "tests/test_site.py"  # any other file, on its own


def test_the_code_passes_the_linter():
    """ruff (pinned in requirements-dev.txt, rules in pyproject.toml) finds nothing in the project's Python."""
    import subprocess
    import sys
    from pathlib import Path

    ruff = Path(sys.executable).with_name("ruff")
    done = subprocess.run([str(ruff), "check", "--no-cache", *LINTED], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_code_passes_the_type_checker(tmp_path):
    """mypy (pinned in requirements-dev.txt, settings and the files it checks in pyproject.toml) finds nothing: run
    `.venv/bin/mypy` before committing. Its cache goes in a temporary folder, so this is a run from scratch."""
    import subprocess
    import sys
    from pathlib import Path

    mypy = Path(sys.executable).with_name("mypy")
    done = subprocess.run([str(mypy), "--cache-dir", str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_code_is_formatted():
    """`ruff format` (the same pin and line length) would change nothing: run it before committing."""
    import subprocess
    import sys
    from pathlib import Path

    ruff = Path(sys.executable).with_name("ruff")
    done = subprocess.run(
        [str(ruff), "format", "--check", "--no-cache", *LINTED], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


# -- test modules stand alone -----------------------------------------------------------------------------------


def imports_of_test_modules(source: str) -> list[str]:
    """Where `source` imports a test module (`test_*`): at its top, inside a function, or by name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        elif isinstance(node, ast.Call) and ast.unparse(node.func).split(".")[-1] in {"import_module", "__import__"}:
            names = [text for text in map(_literal, node.args[:1]) if text]
        else:
            continue
        found += [f"line {node.lineno}: {name}" for name in names if name.split(".")[0].startswith("test_")]
    return found


@pytest.mark.parametrize("path", sorted(TESTS.glob("*.py")), ids=lambda p: p.name)
def test_no_test_module_imports_another(path):
    """A test module imported by another ties the two together (its tests and fixtures seen twice, its
    module-level reading done in a worker that does not run it): what tests share lives in conftest.py
    (fixtures and helpers), example.py (what the example project holds), additions.py (the content tests'
    additions) and benchmarks/browsing.py (serving a site, and Chromium)."""
    found = imports_of_test_modules(path.read_text("utf-8"))
    assert not found, f"{path.name} imports a test module: {found}"


@pytest.mark.parametrize(
    "source",
    [
        "from test_site import BRIEFS",
        "import test_links",
        "def f():\n    from test_browser import assert_no_serious_violations",
        'importlib.import_module("test_citation")',
    ],
)
def test_the_guard_sees_each_way_of_importing_a_test_module(source):
    assert imports_of_test_modules(source), source


def test_the_guard_lets_helpers_be_imported():
    assert not imports_of_test_modules("from conftest import soup\nfrom example import BRIEFS\nimport testing_tools")


# -- one way to serve a site and launch Chromium --------------------------------------------------------------

BROWSING = ROOT / "benchmarks/browsing.py"


def serves_or_launches(source: str) -> list[str]:
    """Where `source` starts a web server or launches Chromium itself, not through benchmarks/browsing.py."""
    found = []
    for node in ast.walk(ast.parse(source)):
        where = f"line {getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Import) and any(alias.name.startswith("http.server") for alias in node.names):
            found.append(f"{where}: imports http.server")
        elif isinstance(node, ast.ImportFrom) and (
            node.module == "http.server" or (node.module == "http" and any(a.name == "server" for a in node.names))
        ):
            found.append(f"{where}: imports http.server")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "launch":
            if "chromium" in ast.unparse(node.func.value):
                found.append(f"{where}: {ast.unparse(node.func)}()")
        elif isinstance(node, ast.keyword) and node.arg == "executable_path":
            found.append(f"{where}: executable_path=")
    return found


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for folder in (TESTS, ROOT / "benchmarks", ROOT / "script")
        for p in folder.glob("*.py")
        if p != BROWSING and "fixtures" not in p.parts
    ),
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_one_module_serves_sites_and_launches_chromium(path):
    """The tests, the screenshots and the benchmark serve a site and launch Chromium one way, which
    benchmarks/browsing.py holds (Debian's Chromium or Playwright's, --no-sandbox as root, the 404 page)."""
    found = serves_or_launches(path.read_text("utf-8"))
    assert not found, f"{path.relative_to(ROOT)} serves or launches on its own: {found}"


@pytest.mark.parametrize(
    "source",
    [
        "import http.server",
        "from http.server import ThreadingHTTPServer",
        "from http import server",
        "browser = playwright.chromium.launch(args=FLAGS)",
        "p.chromium.launch(executable_path='/usr/bin/chromium')",
    ],
)
def test_the_guard_sees_each_way_of_serving_or_launching(source):
    assert serves_or_launches(source), source
    assert serves_or_launches(BROWSING.read_text("utf-8")), "the helper itself does both"


def test_chromium_is_debian_s_headless_shell_where_installed_and_its_full_browser_for_a_window(monkeypatch, tmp_path):
    """The browser without a window takes half the processor time of the full one in the browser tests."""
    from benchmarks import browsing

    shell, full = tmp_path / "chromium-headless-shell", tmp_path / "chromium"
    monkeypatch.setattr(browsing, "HEADLESS_SHELL", shell)
    monkeypatch.setattr(browsing, "DEBIAN_CHROMIUM", full)
    monkeypatch.delenv("BRIEFINGS_CHROMIUM", raising=False)
    assert "executable_path" not in browsing.launch_options()  # Playwright's own
    full.touch()
    assert browsing.launch_options()["executable_path"] == str(full)
    shell.touch()
    assert browsing.launch_options()["executable_path"] == str(shell)
    assert browsing.launch_options({"headless": False})["executable_path"] == str(full)  # pytest's --headed
    assert browsing.chromium_path() == str(shell)  # Lighthouse's
    monkeypatch.setenv("BRIEFINGS_CHROMIUM", "/opt/chromium/chrome")
    assert browsing.launch_options()["executable_path"] == "/opt/chromium/chrome"


def test_the_readme_s_layout_names_every_folder_module_and_script():
    """The README's layout (its table and "The core's modules") describes the tree as it is: every folder git
    keeps at the top, every module of the core and of the adapter, every file of `script/`."""
    import subprocess

    readme = (ROOT / "README.md").read_text("utf-8")
    layout = readme[readme.index("## Layout") : readme.index("## How a build works")]
    rows = {line.split(" | ")[0].strip("| `"): line for line in layout.splitlines() if line.startswith("| `")}
    tracked = subprocess.run(
        ["git", "ls-tree", "-d", "--name-only", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    named = {row.split("/")[0] for row in rows}
    assert sorted(set(tracked) - named) == [], "folders the layout does not name"
    modules = layout[layout.index("### The core's modules") :]
    core = {p.stem for p in (ROOT / "briefings").glob("*.py") if p.stem != "__init__"} | {"pages/"}
    assert sorted(m for m in core if f"`{m}`" not in modules) == []
    adapter = {p.name for p in ADAPTER.glob("*.py") if p.stem != "__init__"}
    assert sorted(m for m in adapter if f"`{m}`" not in rows["briefings/mkdocs/"]) == []
    scripts = {p.name for p in (ROOT / "script").iterdir()}
    assert sorted(s for s in scripts if f"`{s}`" not in rows["script/"]) == []
