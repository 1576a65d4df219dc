"""The live preview's side of MkDocs (`mkdocs serve`): what the engine does on every rebuild that the preview
changes. Which pages a save writes again is the core's (`briefings.preview`).

- MkDocs warns on every `--dirty` build that its navigation and links may be inaccurate; the preview's dirty
  builds write again every page a save changes, so that one warning is filtered out (`ExactDirtyBuilds`).
- The engine makes a new template environment for each rebuild; the theme's templates stay compiled from one
  rebuild to the next (`CompiledTemplates`).
"""

from __future__ import annotations

import logging

import jinja2
import jinja2.bccache


#: What MkDocs warns on every `--dirty` build, and the logger it warns on (mkdocs/commands/build.py; a test
#: pins the installed text).
DIRTY_BUILD_WARNING = (
    "A 'dirty' build is being performed, this will likely lead to inaccurate navigation and other links within "
    "your site. This option is designed for site development purposes only."
)
BUILD_LOG = logging.getLogger("mkdocs.commands.build")


class ExactDirtyBuilds(logging.Filter):
    """The preview's dirty builds write again every page a save changes, so MkDocs' warning that they are
    inaccurate is not shown to authors (the plugin installs this filter when `mkdocs serve` starts)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != DIRTY_BUILD_WARNING


EXACT_DIRTY_BUILDS = ExactDirtyBuilds()


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates as compiled, kept in memory from one rebuild to the next (the engine makes a new
    template environment for each): a template is compiled again only when its source changes."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
