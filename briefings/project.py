"""Where things live in a briefings project."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path
    docs_dir: Path

    @classmethod
    def at(cls, root: str | Path, docs_dir: str | Path | None = None) -> Project:
        root = Path(os.path.abspath(root))
        return cls(root, Path(os.path.abspath(docs_dir)) if docs_dir else root / "docs")

    @property
    def briefs_dir(self) -> Path:
        return self.docs_dir / "briefs"

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the site is built in, the default first (mkdocs.yml's, `languages.site_languages`)."""
        from .languages import site_languages

        return site_languages(self.root / "mkdocs.yml")

    def file(self, relative: str) -> Path:
        """A file of the project, from its path relative to the root (`data/actors.yml`)."""
        return self.root / relative

    def relative(self, path: Path) -> str:
        """A path as messages show it: relative to the project root, with forward slashes, links not followed."""
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            return absolute.name

    def contains(self, path: Path) -> bool:
        """Whether `path`, with every link followed, is inside the project."""
        return path.resolve().is_relative_to(self.root.resolve())
