"""The built example site is the one recorded (tests/site_record.py): a change of the tool that changes any
file readers get fails here, naming the files, until the new site is recorded on purpose."""

from __future__ import annotations

from conftest import BuiltSite
from site_record import digests, recorded


def test_the_example_site_is_the_recorded_one(built_site: BuiltSite):
    built, expected = digests(built_site.site), recorded()
    changed = sorted(path for path in built.keys() & expected.keys() if built[path] != expected[path])
    assert (sorted(built.keys() - expected.keys()), sorted(expected.keys() - built.keys()), changed) == ([], [], []), (
        "the built example site differs from tests/fixtures/example-site.sha256 (new, gone, changed files above); "
        "if the change is meant, record it: .venv/bin/python tests/site_record.py"
    )
