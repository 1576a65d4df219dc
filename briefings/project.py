"""Where things live in a briefings project."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path
    docs_dir: Path

    @classmethod
    def at(cls, root: str | Path, docs_dir: str | Path | None = None) -> "Project":
        root = Path(root).resolve()
        return cls(root, Path(docs_dir).resolve() if docs_dir else root / "docs")

    @property
    def briefs_dir(self) -> Path:
        return self.docs_dir / "briefs"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def actors_file(self) -> Path:
        return self.data_dir / "actors.yml"

    @property
    def indicators_file(self) -> Path:
        return self.data_dir / "indicators.yml"

    @property
    def templates_dir(self) -> Path:
        """The Markdown templates of generated pages and listings, beside the theme's own overrides."""
        return self.root / "overrides" / "briefings"

    def relative(self, path: Path) -> str:
        """A path as messages show it: relative to the project root, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def brief_files(self) -> list[Path]:
        """Every brief's Markdown file; `index.md` files are the section's own listing pages."""
        if not self.briefs_dir.is_dir():
            return []
        return sorted(p for p in self.briefs_dir.rglob("*.md") if p.name != "index.md")
