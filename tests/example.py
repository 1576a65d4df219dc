"""What the tests' example project (tests/fixtures/example) holds, read from its files with PyYAML, not through
the code under test: the expectations of the tests that build it. A helper, not a test module: test modules
import this, never each other."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import EXAMPLE, front_matter, is_translation, page_path

ACTORS = yaml.safe_load((EXAMPLE / "data/actors.yml").read_text("utf-8"))
INDICATORS = yaml.safe_load((EXAMPLE / "data/indicators.yml").read_text("utf-8"))
AUTHORS = yaml.safe_load((EXAMPLE / "data/authors.yml").read_text("utf-8"))
REGIONS = yaml.safe_load((EXAMPLE / "data/regions.yml").read_text("utf-8"))
# The briefs' own files (a translation beside a brief, `slug.fr.md`, is text of that brief: not a brief).
BRIEF_FILES = sorted(
    p for p in (EXAMPLE / "docs/briefs").rglob("*.md") if p.name != "index.md" and not is_translation(p)
)
ALL_BRIEFS = {p: front_matter(p) for p in BRIEF_FILES}
BRIEFS = {p: m for p, m in ALL_BRIEFS.items() if not m.get("draft")}
DRAFTS = {p: m for p, m in ALL_BRIEFS.items() if m.get("draft")}
#: The published briefs written in English (`oman-second-channel.fr.md` is written in French only: its page in
#: English is a note leading to it, which tests/test_lone_briefs.py asserts on).
IN_ENGLISH = {p: m for p, m in BRIEFS.items() if page_path(p) == p.with_suffix("").as_posix()}
#: A published brief the tests of addresses and of `briefings diff` move and edit.
GULF = "docs/briefs/2026/gulf-states-brokering-gains.md"


def url_of(path: Path) -> str:
    """docs/briefs/2026/x.md -> briefs/2026/x/"""
    return page_path(path.relative_to(EXAMPLE / "docs")) + "/"


def newest_first(briefs: dict) -> list[Path]:
    return [
        p
        for p, m in sorted(briefs.items(), key=lambda item: (-item[1]["date"].toordinal(), item[1]["title"].casefold()))
    ]
