"""The theme's side of MkDocs that a process keeps from one build to the next: the preview's rebuilds, and each
language's build of a site (see serve.py)."""

from __future__ import annotations

import functools
import sysconfig
from pathlib import Path
from typing import Any

import jinja2


class ThemeListing:
    """The theme's files, listed once for all the builds of a process (the preview's rebuilds, each language's).
    MkDocs lists them at every build, to copy the few that are not templates (`Files.add_files_from_theme`: its
    environment's `list_templates`, every file of each theme folder through a filter of its own): Material's
    folder holds some 14,500 files, mostly icons. A folder of an installed package is walked once, any other
    (the project's `overrides/`) at every rebuild; the filter's answer for each name is kept, for the same
    filter and static templates (what it reads of the configuration). `serve.starting` has every theme's
    environment list through it (`Theme.get_env`); a test of tests/test_adapter_pins.py pins that MkDocs copies
    the same files through it."""

    INSTALLED = tuple(Path(p) for p in {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")})

    def __init__(self) -> None:
        self.walked: dict[str, list[str]] = {}  # by folder of an installed package
        self.answers: dict[tuple, dict[str, bool]] = {}  # by filter (its code) and static templates, by name

    def get_env(self, make: Any) -> Any:
        """`Theme.get_env` (`make`), with the environment listing the theme's files through this listing."""

        def get_env(theme: Any) -> jinja2.Environment:
            env = make(theme)
            static = tuple(theme.static_templates)
            env.list_templates = functools.partial(self.list_templates, env, static)
            return env

        get_env.listing = self  # type: ignore[attr-defined]
        return get_env

    def list_templates(self, env: jinja2.Environment, static: tuple, extensions: Any = None, filter_func: Any = None):
        """What `env.list_templates(extensions, filter_func)` gives."""
        loader = env.loader
        if extensions is not None or filter_func is None or not isinstance(loader, jinja2.FileSystemLoader):
            return jinja2.Environment.list_templates(env, extensions, filter_func)
        found: set[str] = set()
        for folder in map(str, loader.searchpath):
            walked = self.walked.get(folder)
            if walked is None:
                walked = jinja2.FileSystemLoader(folder, followlinks=loader.followlinks).list_templates()
                if any(map(Path(folder).is_relative_to, self.INSTALLED)):  # a package's: walked once
                    self.walked[folder] = walked
            found.update(walked)
        answers = self.answers.setdefault((filter_func.__code__, static), {})
        for name in found - answers.keys():
            answers[name] = bool(filter_func(name))
        return [name for name in sorted(found) if answers[name]]
