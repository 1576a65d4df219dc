"""The project as it was at a git revision: read for `briefings check --since REF` and `briefings diff REF`.

The project at REF is read with git (`git archive`) into a temporary folder and loaded like any project
(`project_at`). `check --since` reports as an error every address it published for good (see
`redirects.lasting_addresses`) that the site no longer serves and no redirect covers, with the command that
fixes it (`lost_between`); `briefings diff` (`briefings.changes`) compares the two catalogs.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from .catalog import Catalog
from .loader import Loaded, load_project
from .outputs import published_outputs
from .problems import Problems
from .project import Project
from .redirects import lost_addresses, served_addresses


class RevisionError(Exception):
    """The project at a revision cannot be read: why, and what to do instead."""


def _git(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=project.root, capture_output=True)


def _say(ref: str, message: str) -> None:
    print(f"briefings check --since {ref}: {message}", file=sys.stderr)


def project_at(project: Project, ref: str) -> Loaded:
    """The project as the git revision `ref` has it, loaded (with its problems, if it has any); raises
    `RevisionError` if it cannot be read at all."""
    try:
        where = _git(project, "rev-parse", "--show-prefix")
    except OSError:
        raise RevisionError("git is not installed: install it") from None
    if where.returncode != 0:
        raise RevisionError(
            f"{project.root} is not in a git repository: the comparison is with a revision of its history"
        )
    prefix = where.stdout.decode().strip()
    if _git(project, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise RevisionError(
            f"'{ref}' is not a revision of this repository: give a branch, tag or commit it has (in a "
            "shallow clone, fetch the history first: git fetch --unshallow, or fetch-depth: 0 in a "
            "workflow)"
        )
    archive = _git(project, "archive", "--format=tar", f"{ref}:{prefix}")
    if archive.returncode != 0:
        raise RevisionError(
            f"git could not read the project at '{ref}': {archive.stderr.decode(errors='replace').strip()}"
        )
    docs = project.relative(project.docs_dir)
    with tempfile.TemporaryDirectory(prefix="briefings-since-") as folder:
        try:
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                tar.extractall(folder, filter="data")  # nothing outside the folder, whatever the revision holds
        except tarfile.TarError as exc:
            raise RevisionError(
                f"the project at '{ref}' could not be unpacked ({exc}): compare with another revision"
            ) from None
        return load_project(Project.at(folder, Path(folder) / docs))


def unreadable(ref: str, before: Loaded, what: str) -> str:
    """Why a revision whose project has errors cannot be compared with (`what` it was read for)."""
    first = before.problems.errors[0]
    return (
        f"the project at '{ref}' has {before.problems.summary()}, so {what} cannot be read (first: {first}): "
        "compare with a revision that passes 'briefings check'"
    )


def lost_between(project: Project, ref: str, before: Catalog, after: Catalog) -> Problems:
    """An error for each address the project at `ref` (`before`) published that `after` neither serves nor
    redirects."""
    docs = project.relative(project.docs_dir)
    served = served_addresses(after, published_outputs(after), docs)
    return lost_addresses(before, after, served, ref, docs)


def lost_since(project: Project, ref: str, loaded: Loaded) -> Problems | None:
    """An error for each address published at `ref` that the project (`loaded`, without errors) no longer
    serves or redirects; None, after saying why, if the project at `ref` cannot be read."""
    try:
        before = project_at(project, ref)
    except RevisionError as error:
        _say(ref, str(error))
        return None
    if not before.ok:
        _say(ref, unreadable(ref, before, "the addresses it published"))
        return None
    assert before.catalog is not None and loaded.catalog is not None, "both read without errors"
    return lost_between(project, ref, before.catalog, loaded.catalog)
