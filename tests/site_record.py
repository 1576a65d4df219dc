"""The example site as built: every file's path and SHA-256, recorded in `tests/fixtures/example-site.sha256`.

`tests/test_example_site.py` builds the example project (`tests/fixtures/example/`) as `built_site` does and
compares it with the record, so a change of the tool that changes what readers get shows up as a failing
test naming the files. When the change is meant, record the new site and commit the record with it:

    .venv/bin/python tests/site_record.py
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

RECORD = Path(__file__).resolve().parent / "fixtures/example-site.sha256"


def digests(site: Path) -> dict[str, str]:
    """Every file of a built site, by its path in the site, with its SHA-256."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def recorded() -> dict[str, str]:
    lines = RECORD.read_text("utf-8").splitlines()
    return {path: digest for digest, path in (line.split("  ", 1) for line in lines if line)}


def record(site: Path) -> None:
    RECORD.write_text("".join(f"{digest}  {path}\n" for path, digest in digests(site).items()), "utf-8")


def main() -> int:
    tests = RECORD.parent.parent
    sys.path[:0] = [str(tests), str(tests.parent)]  # conftest, and the benchmarks' helpers it imports
    from conftest import SITE_RECORD_ENV, copy_project, mkdocs_build

    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project")
        result = mkdocs_build(project, Path(folder) / "site", env=SITE_RECORD_ENV)
        if result.returncode != 0:
            print(result.output, file=sys.stderr)
            return 1
        record(Path(folder) / "site")
    print(
        f"recorded {len(recorded())} files in {RECORD.relative_to(Path.cwd()) if RECORD.is_relative_to(Path.cwd()) else RECORD}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
