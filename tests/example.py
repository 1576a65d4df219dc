"""What the tests' example project (tests/fixtures/example) holds, read from its files with PyYAML, not through
the code under test: the expectations of the tests that build it. A helper, not a test module: test modules
import this, never each other."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import EXAMPLE, front_matter

ACTORS = yaml.safe_load((EXAMPLE / "data/actors.yml").read_text("utf-8"))
INDICATORS = yaml.safe_load((EXAMPLE / "data/indicators.yml").read_text("utf-8"))
AUTHORS = yaml.safe_load((EXAMPLE / "data/authors.yml").read_text("utf-8"))
REGIONS = yaml.safe_load((EXAMPLE / "data/regions.yml").read_text("utf-8"))
BRIEF_FILES = sorted(p for p in (EXAMPLE / "docs/briefs").rglob("*.md") if p.name != "index.md")
ALL_BRIEFS = {p: front_matter(p) for p in BRIEF_FILES}
BRIEFS = {p: m for p, m in ALL_BRIEFS.items() if not m.get("draft")}
DRAFTS = {p: m for p, m in ALL_BRIEFS.items() if m.get("draft")}
#: A published brief the tests of addresses and of `briefings diff` move and edit.
GULF = "docs/briefs/2026/gulf-states-brokering-gains.md"


def url_of(path: Path) -> str:
    """docs/briefs/2026/x.md -> briefs/2026/x/"""
    return path.relative_to(EXAMPLE / "docs").with_suffix("").as_posix() + "/"


def newest_first(briefs: dict) -> list[Path]:
    return [
        p
        for p, m in sorted(briefs.items(), key=lambda item: (-item[1]["date"].toordinal(), item[1]["title"].casefold()))
    ]
