"""The build's cache folder: the last build's pages, so that a build renders again only the pages whose inputs
changed (their fingerprints: `briefings.reuse`), and copies the others.

The cache folder (`CACHE_FOLDER`, at the project's root, ignored by git) holds the last build's pages and feeds,
each by its fingerprint (hard links to the published files, where the file system allows), and a manifest: the
build's key, and for each page its fingerprint and what a build takes from a page it does not render again (its
text for the feeds, compressed as `SiteFeeds` keeps it, its row of the sitemap), each feed's fingerprint, and what
each language's fingerprints recorded of the pages (`Fingerprints.record`, which the next build's take from). It
also holds what the loader read in each brief (`LoadCache`), the last build's search index in each language
(`SearchIndex.state`, which holds every page's search record: a build starts from it, moves its pages to their
places in this build's order and indexes again only the pages it renders; a language whose index cannot be read
reuses no page), the theme's templates as compiled, and the trash where the last site goes once replaced
(`briefings.publishing`).
A build saves its cache only once the site it wrote replaces the last (`StagedSite.publish`): a failed build
leaves both as they were. This module knows no engine: the adapter (`briefings.mkdocs.cached_pages`) puts the
pages reused in the engine's list of files, and tells what the engine made of each page rendered.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import secrets
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .cached_files import CompiledOnDisk, link_or_copy, replace_whole
from .feed import SiteFeeds
from .loader import LoadCache, Loaded, load_project
from .macros import Macros
from .outputs import LISTED_BRIEFS
from .project import Project
from .reuse import Fingerprints
from .search import SearchIndex
from .site import Site
from .site_inputs import code_key, site_key
from .templating import CompiledTemplates
from .urls import language_folder

CACHE_FOLDER = ".briefings-cache"
#: Set (to anything but "") to build without the cache and leave it as it is (`script/build --without-cache`).
WITHOUT_CACHE = "BRIEFINGS_WITHOUT_CACHE"
#: Python's `marshal` format: plain values only (no code runs as it is read), read and written in half the time of
#: JSON.
MANIFEST = "manifest.marshal"
BRIEFS = "briefs.pickle"
#: The last build's search index in a language (`SearchIndex.state`), with the key of the build and the manifest's
#: token (`index`): "search.en.pickle".
SEARCH = "search.{language}.pickle"


@dataclass
class BuildCache:
    """The last build's pages and what a build keeps of each, for a build with the key `key`."""

    folder: Path
    key: str
    use: bool = True  # without it, nothing is reused nor saved
    fingerprints: Fingerprints | None = None  # this build's
    last: dict[str, dict] = field(default_factory=dict)  # the last build's entries, if its key was the same
    kept: dict[str, dict] = field(default_factory=dict)  # this build's entries, by language and src_uri (`_entry`)
    site: Site | None = None
    outputs: dict[str, str] = field(default_factory=dict)  # this build's feeds: path in the site -> fingerprint
    last_outputs: dict[str, str] = field(default_factory=dict)  # the last build's
    outputs_kept: set[str] = field(default_factory=set)  # the digests of the outputs the cache holds
    compiled: CompiledOnDisk | None = None
    briefs: LoadCache | None = None  # what the loader read in each brief, kept from one build to the next
    indexes: dict[str, SearchIndex] = field(default_factory=dict)  # this build's index in each language (`finish`)
    last_index: str | None = None  # names the last build's indexes (`SEARCH`) that go with its manifest
    records: dict[str, dict] = field(default_factory=dict)  # by language, the fingerprints' (`Fingerprints.record`)
    last_records: dict[str, dict] = field(default_factory=dict)  # the last build's
    code: str = ""  # the `code_key` of the code building, worked out once
    written: list[int] = field(default_factory=lambda: [0, 0])  # the language's outputs written whole: kept, made

    @classmethod
    def load(
        cls, project: Project, settings: dict[str, Any], config_file: Path, *, use: bool
    ) -> tuple[Loaded, BuildCache]:
        """Open the cache of a build of `project` (`for_build`) and read the project through it: a brief whose
        content and the ids it may name are those of the last build is not read again (`LoadCache`, kept in the
        cache folder as Python's pickle, for the same code only: the folder is the build machine's own)."""
        cache = cls.for_build(project, settings, config_file, use=use)
        return load_project(project, cache=cache.briefs), cache

    @classmethod
    def for_build(cls, project: Project, settings: dict[str, Any], config_file: Path, *, use: bool) -> BuildCache:
        """The cache of a build of `project` with the engine's settings (`site_inputs.settings_of`) and configuration
        file; unused without `use`, or when `WITHOUT_CACHE` is set."""
        code = code_key()
        key = site_key(project, settings, config_file=config_file, code=code)
        use = use and not os.environ.get(WITHOUT_CACHE)
        cache = cls(project.root / CACHE_FOLDER, key, use, code=code)
        cache.briefs = _read_briefs(cache.folder / BRIEFS, code) if use else None
        manifest = cache.folder / MANIFEST
        if use and manifest.is_file():
            try:
                kept = marshal.loads(manifest.read_bytes())
            except (ValueError, EOFError, TypeError):  # a cache that cannot be read is no cache
                kept = {}
            if kept.get("key") == key:
                cache.last, cache.last_outputs = kept.get("pages", {}), kept.get("outputs", {})
                cache.last_index, cache.last_records = kept.get("index"), kept.get("fingerprints", {})
                kept_outputs = cache.folder / "outputs"
                cache.outputs_kept = set(os.listdir(kept_outputs)) if kept_outputs.is_dir() else set()
        return cache

    # -- before the pages render -------------------------------------------------------------------------------

    def start(self, site: Site, directory_urls: bool, *, listed: set[str], search: SearchIndex) -> bool:
        """Start the build of a language (`site`: the language's; a site in several languages is built once per
        language, each build with the same source paths, so every fingerprint, entry and index is the
        language's own): fingerprint its pages, but for those `listed` by the navigation, which are always
        rendered; give `search` the last build's index in the language. Whether it could: else no page may be
        reused (`reusable`)."""
        self.site, self.written = site, [0, 0]
        last = self.last_records.get(site.language.code) if self.last else None
        self.fingerprints = Fingerprints.of_site(site, directory_urls=directory_urls, leave_out=listed, last=last)
        return self._restore_index(search)

    def reused(self, pages: int) -> str:
        """What the language's build took from the last: `pages` of the pages, and of the files the core generates
        whole so far (the open data, written once the pages are; the search index's after) those it did not make
        again."""
        assert self.fingerprints is not None, "start() came first"
        (kept, made), fingerprinted = self.written, len(self.fingerprints)
        return f"{pages} of {fingerprinted} pages and {kept} of {kept + made} data files{self.in_language()}"

    def in_language(self) -> str:
        """What ends a message about one language's build in a site of several: `in fr`."""
        assert self.site is not None, "start() came first"
        return f" in {self.site.language.code}" if len(self.site.languages) > 1 else ""

    def _folder(self) -> str:
        """The folder of the build's language in the site: "" for the default language, "fr/" for French."""
        assert self.site is not None, "start() came first"
        return language_folder(self.site.language.code)

    def _entry(self, src_uri: str) -> str:
        """An entry's name in the manifest: the page's source path in the build's language."""
        assert self.site is not None, "start() came first"
        return src_uri if len(self.site.languages) == 1 else f"{self.site.language.code}:{src_uri}"

    def reusable(self, src_uri: str, dest_uri: str) -> Path | None:
        """The last build's page built from `src_uri` (at `dest_uri`), kept in the cache, if its fingerprint is the
        same in this build (and it called no macro listing briefs); else None, and the page is rendered."""
        entry = self._entry(src_uri)
        if not (last := self.last.get(entry)) or last["listing"] or last["dest"] != dest_uri:
            return None
        assert self.fingerprints is not None, "start() came first"
        if last["fingerprint"] != self.fingerprints.of(src_uri):
            return None
        if not (path := self.folder / "pages" / last["fingerprint"]).is_file():
            return None
        self.kept[entry] = last
        return path

    def entry(self, src_uri: str) -> dict[str, Any]:
        """What the cache keeps of a page of this build: its fingerprint, its file's place and its address, its text
        for the feeds, its row of the sitemap (`sitemap`, `modified`, `alternates`), whether it lists briefs."""
        return self.kept[self._entry(src_uri)]

    # -- once every page is written ----------------------------------------------------------------------------

    def finish(
        self,
        site_dir: Path,
        *,
        rendered: Mapping[str, Mapping[str, Any]],
        reused: list[str],
        search: SearchIndex,
        feeds: SiteFeeds,
        macros: Macros,
    ) -> Site:
        """Keep what the next build takes of each page `rendered` (by source path, what the engine made of it:
        `dest`, `url` and its row of the sitemap) and the language's search index, give the feeds the texts of
        the pages `reused` (and the last build's feeds that are the same: `SiteFeeds.reuse`), and have the index's
        files written through the cache (`write_output`). The language's site."""
        assert self.site is not None and self.fingerprints is not None, "start() came first"
        for src_uri in reused:
            if (text := self.entry(src_uri)["feed"]) is not None:
                feeds.restore(src_uri, text)
        for src_uri, shown in rendered.items():
            fingerprint, feed = self.fingerprints.of(src_uri), feeds.kept(src_uri)
            self.kept[self._entry(src_uri)] = {
                "fingerprint": fingerprint,
                **shown,
                "feed": feed,
                "listing": src_uri in macros.listing,
            }
        self.indexes[self.site.language.code] = search
        if self.use:
            self.records[self.site.language.code] = self.fingerprints.record()
        feeds.reuse = self._reuse_output
        search.put, search.keep = self.writer(site_dir, self._folder())
        return self.site

    def _restore_index(self, search: SearchIndex) -> bool:
        """Give `search` the pages the last build indexed in this build's language, if its index goes with the
        manifest read (so that indexing again the pages rendered gives the index of a clean build)."""
        assert self.site is not None, "start() came first"
        path = self.folder / SEARCH.format(language=self.site.language.code)
        if not self.last or not path.is_file():
            return False
        try:
            key, token, state = pickle.loads(path.read_bytes())
        except Exception:  # noqa: BLE001 - a cache that cannot be read is no cache
            return False
        return key == self.key and token == self.last_index and search.restore(state)

    def templates(self, process: CompiledTemplates) -> jinja2.BytecodeCache | None:
        """The theme's templates as compiled: those `process` compiled already, else the last build's (each looked up
        by its source's checksum); the cache keeps those this build used for the next."""
        if self.use and self.compiled is None:
            self.compiled = CompiledOnDisk(self.folder / "templates", process)
        return self.compiled

    def _reuse_output(self, site_dir: Path, path: str, fingerprint: str) -> bool:
        """Put the last build's output at `path` (a feed) in the site (`site_dir`: the language's folder), if its
        fingerprint is the same."""
        in_site = self._folder() + path
        self.outputs[in_site] = fingerprint
        cached = self.folder / "outputs" / fingerprint
        if self.last_outputs.get(in_site) != fingerprint or not cached.is_file():
            return False
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(cached, site_dir / path, replace=True)
        return True

    def makes(self, shows: str, paths: tuple[str, ...]) -> bool:
        """Whether this build makes again the open data at `paths` (in the language's folder) that shows `shows`,
        as the outputs declare it (`briefings.outputs.Wanted`): not if the last build kept them, and what they show
        did not change since: every brief's record, wherever a page lists briefs (`LISTED_BRIEFS`: the briefs show
        as they did, `Fingerprints.show_as_then`), or what a brief's page shows (its source: the page's
        fingerprint is the last build's). Those it does not make, `write_output` takes from the last build."""
        assert self.fingerprints is not None and self.site is not None, "start() came first"
        folder = self._folder()
        if not all(self.last_outputs.get(folder + path) in self.outputs_kept for path in paths):
            return True
        if shows == LISTED_BRIEFS:
            return not self.fingerprints.show_as_then(self.last_records.get(self.site.language.code))
        page = self.fingerprints.page_of.get(shows, shows)
        last = self.last.get(self._entry(page))
        return last is None or last["fingerprint"] is None or last["fingerprint"] != self.fingerprints.of(page)

    def keep_output(self, in_site: str, target: Path) -> bool:
        """Put the last build's file at `in_site` in the site (open data that `makes` declined to make again, a file
        of the search index that the index wrote as it is now) at `target`, kept for the next build as it was; False
        if the cache does not hold it."""
        if (digest := self.last_outputs.get(in_site)) is None or digest not in self.outputs_kept:
            return False
        _folder_for(target)
        try:
            os.link(f"{self.folder}/outputs/{digest}", target)
        except FileNotFoundError:
            return False
        except OSError:  # another file system, or one without hard links
            shutil.copyfile(self.folder / "outputs" / digest, target)
        self.outputs[in_site] = digest
        self.written[0] += 1
        return True

    def write_output(self, in_site: str, text: str | None, target: Path) -> None:
        """Write what the core generates whole (the open data, a brief's citation files, the search index's files:
        `text`) at `target`, its path in the site `in_site`: the last build's file there, if its content is the
        same (a hard link: creating a file costs many times more), else written; kept by the digest of its content
        for the next build. Without `text`, the last build's file, which `makes` declined to make again."""
        if text is None:
            if not self.keep_output(in_site, target):
                raise FileNotFoundError(f"{in_site}: gone from the build's cache ({self.folder}): build again")
            return
        data = text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        self.outputs[in_site] = digest
        self.written[1] += 1
        _folder_for(target)
        if self.last_outputs.get(in_site) == digest:
            try:
                os.link(f"{self.folder}/outputs/{digest}", target)
                return
            except OSError:  # no longer kept, or another file system
                pass
        with open(target, "wb") as file:
            file.write(data)

    def writer(self, folder: Path, in_site: str) -> tuple[Callable[[Path, str], None], Callable[[Path], bool]]:
        """What writes a file below `folder` (which is `in_site` in the site: "fr/") with `write_output`, and what
        puts the last build's there again (`keep_output`)."""
        prefix = os.path.join(folder, "")  # (plain strings: a site's index has thousands of files)

        def in_site_of(path: Path) -> str:
            name = str(path)
            assert name.startswith(prefix), f"{path} is below {folder}"
            return in_site + name[len(prefix) :].replace(os.sep, "/")

        def write(path: Path, text: str) -> None:
            self.write_output(in_site_of(path), text, path)

        return write, lambda path: self.keep_output(in_site_of(path), path)

    def publish(self, site_dir: Path) -> None:
        """Save this build's cache, once the site built with it is in place in `site_dir`. Each page and feed is
        kept by its fingerprint (a hard link to the site's file), so that only what changed is written: first
        the new files, then the manifest naming them (replaced whole), then the files it no longer names. A
        build that fails before this leaves the cache as it was."""
        if not self.use:
            return
        pages = {src: entry for src, entry in self.kept.items() if entry["fingerprint"] is not None}
        kept = {
            "pages": {entry["fingerprint"]: entry["dest"] for entry in pages.values()},
            "outputs": {fingerprint: path for path, fingerprint in self.outputs.items()},
        }
        there = {}  # the files each folder holds already
        for folder, files in kept.items():
            (self.folder / folder).mkdir(parents=True, exist_ok=True)
            there[folder] = set(os.listdir(self.folder / folder))
            for fingerprint, path in files.items():
                if fingerprint not in there[folder]:
                    link_or_copy(site_dir / path, self.folder / folder / fingerprint)
        if self.compiled is not None:
            self.compiled.save()
        if self.briefs is not None:
            briefs = LoadCache(briefs=self.briefs.briefs, by_content=True)
            replace_whole(self.folder / BRIEFS, pickle.dumps((self.code, briefs), protocol=pickle.HIGHEST_PROTOCOL))
        token = secrets.token_hex(8)  # names the indexes that go with this manifest
        for language, search in self.indexes.items():
            state = pickle.dumps((self.key, token, search.state()), protocol=pickle.HIGHEST_PROTOCOL)
            replace_whole(self.folder / SEARCH.format(language=language), state)
        manifest = {
            "key": self.key,
            "index": token,
            "pages": dict(sorted(pages.items())),
            "outputs": dict(sorted(self.outputs.items())),
            "fingerprints": self.records,
        }
        replace_whole(self.folder / MANIFEST, marshal.dumps(manifest))
        for folder, files in kept.items():
            for name in there[folder] - files.keys():
                (self.folder / folder / name).unlink()


def _folder_for(target: Path) -> None:
    """Make the folder a file is written into, if it is not there (plain paths: tens of thousands of files)."""
    if not os.path.isdir(folder := os.path.dirname(target)):
        os.makedirs(folder, exist_ok=True)


def _read_briefs(path: Path, code: str) -> LoadCache:
    """The loader's cache kept by the last build, if its code was the same (`code`, a `code_key`); else an empty
    one."""
    try:
        kept_for, kept = pickle.loads(path.read_bytes())
        if kept_for == code and isinstance(kept, LoadCache):
            return kept
    except Exception:  # noqa: BLE001 - a cache that cannot be read is no cache
        pass
    return LoadCache(by_content=True)
