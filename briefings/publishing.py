"""Putting a built site in place only once it is complete, so that a failed build leaves the last good
site as it was and nothing beside it."""

from __future__ import annotations

import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

#: The folder in the build's cache where the last site goes once replaced, until a process of its own removes it.
TRASH = "trash"


class StagedSite:
    """A new folder beside the site folder: the build writes into it, and it replaces the site folder only
    when `publish`ed; `discard` throws it away."""

    def __init__(self, site_dir: Path, cache: Any = None):
        self.site_dir = site_dir
        self.cache = cache  # a BuildCache, saved once the site is replaced
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        self.folder = new_folder(site_dir.parent, ".site-building-")

    def publish(self) -> None:
        """Replace the site folder with the staged one (the old site is removed only once the new is there)."""
        old = None
        if self.site_dir.exists():
            old = new_folder(self.site_dir.parent, ".site-old-")
            self.site_dir.rename(old / "site")
        self.folder.rename(self.site_dir)
        if self.cache is not None:
            self.cache.publish(self.site_dir)
        if old is not None:
            remove_later(old, self.cache.folder / TRASH if self.cache is not None and self.cache.use else None)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


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
