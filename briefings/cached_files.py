"""The files a build keeps in its cache folder and takes from it (`briefings.buildcache`): the theme's templates as
compiled (`CompiledOnDisk`), and the ways the cache writes and links files, each whole."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import jinja2

from .templating import CompiledBySource, CompiledTemplates


class CompiledOnDisk(CompiledBySource):
    """The templates this build uses, as compiled by the process (`process`: the preview's rebuilds, each language's
    build), else by the last build (read from `folder`); those the folder lacks are kept in memory until the cache
    is saved (`save`), so that a failed build leaves the folder as it was."""

    def __init__(self, folder: Path, process: CompiledTemplates):
        self.folder, self.process = folder, process
        self.used: dict[str, bytes | None] = {}  # key -> its code to write, or None: in the folder already

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key, path = bucket.key, self.folder / f"{bucket.key}.cache"
        if key not in self.used:
            self.used[key] = None if path.is_file() else self.process.compiled.get(key)
        if code := self.process.compiled.get(key) or (path.read_bytes() if path.is_file() else None):
            bucket.bytecode_from_string(code)  # Jinja compiles the template again if its checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.used[bucket.key] = self.process.compiled[bucket.key] = bucket.bytecode_to_string()

    def save(self) -> None:
        """Write the templates this build used that the folder lacks, or that it compiled anew, into the folder."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for key, code in self.used.items():
            if code is not None:
                replace_whole(self.folder / f"{key}.cache", code)


def replace_whole(path: Path, data: bytes) -> None:
    """Write `path` whole: a reader finds the old file or the new, never a part."""
    temporary = path.with_name(path.name + ".new")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def link_or_copy(source: Path, target: Path | str, *, replace: bool = False) -> None:
    if replace:
        Path(target).unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copyfile(source, target)
