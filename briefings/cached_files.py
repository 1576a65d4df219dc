"""The files a build keeps in its cache folder and takes from it (`briefings.buildcache`): a page reused, as the
engine sees it (`ReusedPage`) and as the sitemap reads it (`KeptFile`), the theme's templates as compiled
(`CompiledOnDisk`), and the ways the cache writes and links files, each whole."""

from __future__ import annotations

import gzip
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

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


class ReusedPage:
    """A page the last build wrote whose inputs did not change, in the engine's list of files: not a
    documentation page (the engine neither reads nor renders it) but a file it copies, at the same source path
    and address, so that links to it resolve; the engine checks no anchor of a file without `page` (the core's
    check does). It offers what MkDocs 1.6 asks of a file (mkdocs/structure/files.py; the edit table's builds
    pin it)."""

    page = None
    generated_by = None
    edit_uri = None

    def __init__(self, file: Any, cached: Path):
        self.src_uri, self.dest_uri, self.url = file.src_uri, file.dest_uri, file.url
        self.src_path, self.dest_path, self.abs_src_path = file.src_uri, file.dest_uri, str(cached)
        self.abs_dest_path, self.inclusion, self.name = file.abs_dest_path, file.inclusion, file.name
        self.dest_dir, self.use_directory_urls, self.cached = file.dest_dir, file.use_directory_urls, cached

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False

    def is_media_file(self) -> bool:
        return True

    def is_javascript(self) -> bool:
        return False

    def is_css(self) -> bool:
        return False

    def is_modified(self) -> bool:
        return True

    def copy_file(self, dirty: bool = False) -> None:
        # Plain paths: at thousands of pages, making pathlib's objects costs as much as the links themselves.
        folder = os.path.dirname(self.abs_dest_path)
        try:
            os.mkdir(folder)  # each page's folder is new in the site being written
        except FileExistsError:
            pass
        except FileNotFoundError:
            os.makedirs(folder, exist_ok=True)
        link_or_copy(self.cached, self.abs_dest_path)


class KeptFile:
    """What the sitemap's template reads of a page reused: `file.page` with its address and date."""

    def __init__(self, entry: dict):
        self.page = self
        self.is_link = False
        self.abs_url = self.canonical_url = entry["sitemap"]
        self.meta = {"article": {"modified": entry["modified"]}} if entry["modified"] else {}
        if entry["alternates"]:  # a site in several languages: each page in each of them
            self.meta["alternates"] = entry["alternates"]


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


def write_sitemap_gz(site_dir: Path, dates: Iterable[str]) -> None:
    """Compress the site's sitemap as MkDocs does (mkdocs/commands/build.py), stamped with the latest of the
    pages' dates (`dates`, ISO)."""
    stamp = int(datetime.fromisoformat(max(dates)).replace(tzinfo=timezone.utc).timestamp())
    output = site_dir / "sitemap.xml"
    gz_filename = f"{output}.gz"
    with open(gz_filename, "wb") as f, gzip.GzipFile(fileobj=f, filename=gz_filename, mode="wb", mtime=stamp) as gz:
        gz.write(output.read_bytes())
