"""The core stays independent of the site engine, and the adapters stay thin."""

from __future__ import annotations

import ast

import pytest

from conftest import ROOT

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
    code = [line for line in path.read_text("utf-8").splitlines() if line.strip() and not line.strip().startswith("#")]
    assert len(code) < 160, f"{path.name} has {len(code)} lines: domain rules belong in the briefings package"
