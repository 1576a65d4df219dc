"""Putting a built site in place only once it is complete, so that a failed build leaves the last good
site as it was and nothing beside it."""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path
from typing import Any


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
        if self.site_dir.exists():
            old = new_folder(self.site_dir.parent, ".site-old-")
            self.site_dir.rename(old / "site")
            self.folder.rename(self.site_dir)
            shutil.rmtree(old)
        else:
            self.folder.rename(self.site_dir)
        if self.cache is not None:
            self.cache.publish(self.site_dir)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


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
