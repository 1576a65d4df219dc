"""The core stays independent of the site engine, and the adapters stay thin."""

from __future__ import annotations

import ast

import pytest

from conftest import EXAMPLE, ROOT

PLUGIN = ROOT / "briefings/plugin.py"
CORE = sorted(p for p in (ROOT / "briefings").rglob("*.py") if p != PLUGIN)
ADAPTERS = [ROOT / "macros/__init__.py", PLUGIN]


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


@pytest.mark.parametrize("path", ADAPTERS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_adapters_are_short(path):
    text = path.read_text("utf-8")
    docstrings = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node):
            first = node.body[0]
            docstrings.update(range(first.lineno, first.end_lineno + 1))
    code = [line for n, line in enumerate(text.splitlines(), start=1)
            if line.strip() and not line.strip().startswith("#") and n not in docstrings]
    assert len(code) < 160, f"{path.name} has {len(code)} lines: domain rules belong in the briefings package"


def test_checking_loads_no_template_or_markdown_engine():
    """`briefings check` runs on every commit (pre-commit): it reads and checks, and imports nothing that only
    writing pages needs."""
    import subprocess
    import sys

    code = "import sys, briefings.cli; print(briefings.cli.main(['check']), sorted({m.split('.')[0] for m in sys.modules}))"
    loaded = subprocess.run([sys.executable, "-c", code], cwd=EXAMPLE, capture_output=True, text=True, check=True).stdout
    assert loaded.startswith("0 ")  # checked, and found nothing wrong
    for engine in ("jinja2", "markdown", "markupsafe", "mkdocs"):
        assert f"'{engine}'" not in loaded, engine
