"""The macros authors call in their pages, and the sandbox the engine renders those pages in.

`Macros` implements the macros that `briefings.calls.MACROS` declares, as functions of the page they are
called from. `MacroSandbox` is the only Jinja environment authors' pages are rendered in: nothing is
reachable in it but these macros.
"""

from __future__ import annotations

import posixpath
from typing import Any, Callable

from jinja2 import DictLoader, StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .calls import plain_parts
from .kinds import KINDS, EntityKind
from .site import Site


_INDEX_PAGES = ("index.md", "README.md")


class Macros:
    """The macros, bound to a site: each takes the source path of the calling page first, returns Markdown."""

    def __init__(self, site: Site):
        self.site = site
        self.listing: set[str] = set()  # the pages that list briefs (a build never reuses them: see reuse.py)
        self._links: dict[tuple, str] = {}  # pages of one folder share their links: each is written once
        self._generation = 0  # of the site's fragments, which the links' markers stand for

    def link(self, kind: EntityKind, page: str, entity_id: str, text: str | None = None) -> str:
        """A link to an entity's page, with its name (or `text`) and its summary as a tooltip."""
        # The link is the same from every page of a folder, index pages apart: no entity's page lies under a
        # page that calls macros, so none is linked from its own folder.
        key = (posixpath.dirname(page), posixpath.basename(page) in _INDEX_PAGES, kind.folder, entity_id, text)
        if self.site.fragments is not None and self._generation != self.site.fragments.generation:
            self._links, self._generation = {}, self.site.fragments.generation  # their markers are gone
        if key not in self._links:
            entity = self.site.catalog.entities[kind.folder][entity_id]
            link = self.site.render("entity-link.md", page, entity=entity, kind=kind.name, text=text or entity.name)
            self._links[key] = link.strip()
        return self._links[key]

    def latest_briefs(self, page: str, limit: int = 10) -> str:
        """The latest published briefs: title, date, summary and actors."""
        self.listing.add(page)
        return self.site.render("latest.md", page, briefs=self.site.catalog.latest(limit))

    def briefs_by_month(self, page: str) -> str:
        """Every published brief, grouped by month, newest first."""
        self.listing.add(page)
        return self.site.render("archive.md", page, months=self.site.catalog.by_month())

    def what_moved(self, page: str, limit: int = 5) -> str:
        """The indicators whose latest reading differs from the one before, latest change first."""
        self.listing.add(page)
        return self.site.render("what-moved.md", page, movements=self.site.catalog.what_moved(limit))

    def functions(self, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
        """Every macro as a plain function of its arguments, for the page `current_page()` names."""

        def entity(kind: EntityKind) -> Callable[..., str]:
            return lambda entity_id, text=None: self.link(kind, current_page(), entity_id, text)

        return {
            **{kind.name: entity(kind) for kind in KINDS},
            "latest_briefs": lambda limit=10: self.latest_briefs(current_page(), limit),
            "briefs_by_month": lambda: self.briefs_by_month(current_page()),
            "what_moved": lambda limit=5: self.what_moved(current_page(), limit),
        }


class _ContextFreeTemplate(Template):
    """A template that ignores the variables it is rendered with: a page sees the macros and nothing else."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        return super().render()


class _CallsTemplate:
    """A page that is only text and plain macro calls, rendered without compiling it: the same output as
    Jinja's, at a fraction of the cost."""

    def __init__(self, parts: list, macros: dict[str, Callable[..., str]]):
        self.parts = parts
        self.macros = macros

    def render(self, *args: Any, **kwargs: Any) -> str:
        return "".join(part if isinstance(part, str) else str(self.macros[part[0]](*part[1])) for part in self.parts)


class MacroSandbox(ImmutableSandboxedEnvironment):
    """Jinja for authors' pages: the macros are the only names, no attribute of anything is reachable,
    nothing but the macros can be called, and nothing can be included or imported."""

    template_class = _ContextFreeTemplate
    #: The settings of an environment that say how templates are written, which the sandbox takes over.
    SYNTAX = (
        "block_start_string",
        "block_end_string",
        "variable_start_string",
        "variable_end_string",
        "comment_start_string",
        "comment_end_string",
        "line_statement_prefix",
        "line_comment_prefix",
    )

    def __init__(self, macros: dict[str, Callable[..., str]], **syntax: Any):
        # A loader without templates: an include, import or extends is "template not found".
        super().__init__(undefined=StrictUndefined, autoescape=False, loader=DictLoader({}), **syntax)
        self.globals = dict(macros)
        self.filters = {}
        self.tests = {}
        self._callables = frozenset(id(function) for function in macros.values())

    def from_string(self, source: Any, *args: Any, **kwargs: Any) -> Any:
        """Plain calls of known macros are run directly; anything else is compiled, in the sandbox."""
        if isinstance(source, str) and (parts := plain_parts(source)) is not None:
            if all(isinstance(part, str) or part[0] in self.globals for part in parts):
                return _CallsTemplate(parts, self.globals)
        return super().from_string(source, *args, **kwargs)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return False

    def is_safe_callable(self, obj: Any) -> bool:
        return id(obj) in self._callables
