"""Two builds of the same content are the same site, byte for byte, whatever day they run: a deploy shows
only real changes. The sitemap's dates, and the timestamp of its compressed copy, come from the briefs, not
from the clock (what the sitemap says is tested in test_site.py)."""

from __future__ import annotations

from pathlib import Path

from conftest import BuiltSite, mkdocs_build

#: Another day, years from the first build's.
LATER = {"SOURCE_DATE_EPOCH": "1924992000", "REPO_URL": "https://github.com/example-owner/briefings"}  # 2031-01-01


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_build_on_another_day_is_byte_identical(built_site: BuiltSite, tmp_path: Path):
    result = mkdocs_build(built_site.project, tmp_path / "site", env=LATER)
    assert result.returncode == 0, result.output
    first, second = files(built_site.site), files(tmp_path / "site")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
