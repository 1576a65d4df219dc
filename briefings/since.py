"""`briefings check --since REF`: the addresses a change of the project loses.

The project as it was at the git revision REF is read with git (`git archive`) into a temporary folder and
loaded like any project; every address it published for good (see `redirects.lasting_addresses`) that the
site no longer serves and no redirect covers is an error, with the command that fixes it.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from .loader import Loaded, load_project
from .outputs import published_outputs
from .problems import Problems
from .project import Project
from .redirects import lost_addresses, served_addresses


def _git(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=project.root, capture_output=True)


def _say(ref: str, message: str) -> None:
    print(f"briefings check --since {ref}: {message}", file=sys.stderr)


def lost_since(project: Project, ref: str, loaded: Loaded) -> Problems | None:
    """An error for each address published at `ref` that the project (`loaded`, without errors) no longer
    serves or redirects; None, after saying why, if the project at `ref` cannot be read."""
    try:
        where = _git(project, "rev-parse", "--show-prefix")
    except OSError:
        _say(ref, "git is not installed: install it, or check without --since")
        return None
    if where.returncode != 0:
        _say(ref, f"{project.root} is not in a git repository: --since compares with a revision of its history")
        return None
    prefix = where.stdout.decode().strip()
    if _git(project, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        _say(ref, f"'{ref}' is not a revision of this repository: give a branch, tag or commit it has (in a "
                  "shallow clone, fetch the history first: git fetch --unshallow, or fetch-depth: 0 in a workflow)")
        return None
    archive = _git(project, "archive", "--format=tar", f"{ref}:{prefix}")
    if archive.returncode != 0:
        _say(ref, f"git could not read the project at '{ref}': {archive.stderr.decode(errors='replace').strip()}")
        return None
    docs = project.relative(project.docs_dir)
    with tempfile.TemporaryDirectory(prefix="briefings-since-") as folder:
        try:
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                tar.extractall(folder, filter="data")  # nothing outside the folder, whatever the revision holds
        except tarfile.TarError as exc:
            _say(ref, f"the project at '{ref}' could not be unpacked ({exc}): compare with another revision")
            return None
        before = load_project(Project.at(folder, Path(folder) / docs))
    if not before.ok:
        first = before.problems.errors[0]
        _say(ref, f"the project at '{ref}' has {before.problems.summary()}, so the addresses it published cannot be "
                  f"read (first: {first}): compare with a revision that passes 'briefings check'")
        return None
    after = loaded.catalog
    served = served_addresses(after, published_outputs(after), docs)
    return lost_addresses(before.catalog, after, served, ref, docs)
