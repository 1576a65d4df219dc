"""Putting a built site in place only once it is complete, so that a failed build leaves the last good
site as it was and nothing beside it; and what a build that was killed left beside it goes with the next build."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

#: The folder in the build's cache where the last site goes once replaced, until a process of its own removes it.
TRASH = "trash"
#: Beside the site folder, the folder a build writes to and the one the last site waits in while the new one
#: takes its place: each named after the build's process, then something random.
STAGING, REPLACED = ".site-building-", ".site-old-"


class StagedSite:
    """A new folder beside the site folder: the build writes into it, and it replaces the site folder only
    when `publish`ed; `discard` throws it away."""

    def __init__(self, site_dir: Path, cache: Any = None):
        self.site_dir = site_dir
        self.cache = cache  # a BuildCache, saved once the site is replaced
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        tidy(site_dir, self._trash)
        self.folder = new_folder(site_dir.parent, f"{STAGING}{os.getpid()}-")

    def publish(self) -> None:
        """Replace the site folder with the staged one (the old site is removed only once the new is there)."""
        old = None
        if self.site_dir.exists():
            old = new_folder(self.site_dir.parent, f"{REPLACED}{os.getpid()}-")
            self.site_dir.rename(old / "site")
        self.folder.rename(self.site_dir)
        if self.cache is not None:
            self.cache.publish(self.site_dir)
        if old is not None:
            remove_later(old, self._trash)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def _trash(self) -> Path | None:
        return self.cache.folder / TRASH if self.cache is not None and self.cache.use else None


def tidy(site_dir: Path, trash: Path | None = None) -> None:
    """Remove what builds that no longer run left beside the site folder `site_dir` (killed, they could not): the
    folder each wrote to, and the last site each was replacing; but if one was killed between taking the last
    site away and putting its own in place, that site goes back where it was (`remove_later` with `trash`).
    A folder of a build still running, or not named after its process (an older version's), is left alone."""
    for prefix in (REPLACED, STAGING):
        for folder in sorted(site_dir.parent.glob(prefix + "*")):
            pid, dash, _ = folder.name.removeprefix(prefix).partition("-")
            if not dash or not pid.isdigit() or _running(int(pid)):
                continue
            if prefix == REPLACED and not site_dir.exists() and (folder / "site").is_dir():
                (folder / "site").rename(site_dir)
            remove_later(folder, trash)


def _running(pid: int) -> bool:
    """Whether the process `pid` runs (where the system cannot say without harm, as on Windows: yes)."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)  # no signal: whether there is a process to send it to
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's
        return True
    return True


def remove_later(folder: Path, trash: Path | None) -> None:
    """Remove `folder` (the last site, thousands of files): moved into `trash` (in the build's cache, where
    nothing serves it), by a process of its own that the build does not wait for, which empties `trash`; here
    and now where it cannot be moved (no `trash`, or one on another file system)."""
    if trash is not None:
        try:
            trash.mkdir(parents=True, exist_ok=True)
            folder.rename(trash / folder.name)
        except OSError:
            pass
        else:
            quiet = subprocess.DEVNULL
            command = [sys.executable, "-c", _EMPTY, str(trash)]
            subprocess.Popen(command, stdin=quiet, stdout=quiet, stderr=quiet, start_new_session=True)
            return
    shutil.rmtree(folder)


#: What the process of `remove_later` runs: empty the folder `sys.argv[1]`.
_EMPTY = "import pathlib, shutil, sys\nfor p in pathlib.Path(sys.argv[1]).iterdir(): shutil.rmtree(p, True)"


def new_folder(parent: Path, prefix: str) -> Path:
    """A new empty folder in `parent`, with the permissions of any new folder (a temporary folder's are
    private, and the site must stay readable by whatever serves it)."""
    while True:
        folder = parent / f"{prefix}{secrets.token_hex(4)}"
        try:
            folder.mkdir()
            return folder
        except FileExistsError:
            continue
