"""The macros authors call in their pages, and the sandbox the engine renders those pages in.

`MACROS` declares each macro's arguments (an entity kind's link, named after the kind, and the listings);
`briefings.calls` checks every call against it before anything is rendered. `Macros` implements them as
functions of the page they are called from. `MacroSandbox` is the only Jinja environment authors' pages
are rendered in: nothing is reachable in it but these macros.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .kinds import KINDS, EntityKind
from .site import Site


@dataclass(frozen=True)
class MacroSpec:
    name: str
    params: tuple[tuple[str, type, bool], ...]  # (name, type, required)
    example: str
    kind: EntityKind | None = None  # the kind of entity whose id is the first argument

    def mismatch(self, args: list) -> str | None:
        """What is wrong with these literal arguments, or None."""
        required = sum(1 for _, _, needed in self.params if needed)
        if not required <= len(args) <= len(self.params):
            wanted = f"{required} to {len(self.params)}" if required != len(self.params) else str(required)
            return f"{self.name}() takes {wanted} argument{'s' * (wanted != '1')}, not {len(args)}"
        for value, (param, kind, _) in zip(args, self.params):
            if not isinstance(value, kind):
                what = "text in quotes" if kind is str else "a whole number"
                return f"the argument '{param}' of {self.name}() must be {what}"
        return None


def _entity_spec(kind: EntityKind) -> MacroSpec:
    return MacroSpec(kind.name, (("id", str, True), ("text", str, False)), f'{{{{ {kind.name}("an-id") }}}}', kind)


MACROS: dict[str, MacroSpec] = {
    **{kind.name: _entity_spec(kind) for kind in KINDS},
    "latest_briefs": MacroSpec("latest_briefs", (("limit", int, False),), "{{ latest_briefs(10) }}"),
    "briefs_by_month": MacroSpec("briefs_by_month", (), "{{ briefs_by_month() }}"),
    "what_moved": MacroSpec("what_moved", (("limit", int, False),), "{{ what_moved(5) }}"),
}


class Macros:
    """The macros, bound to a site: each takes the source path of the calling page first, returns Markdown."""

    def __init__(self, site: Site):
        self.site = site

    def link(self, kind: EntityKind, page: str, entity_id: str, text: str | None = None) -> str:
        """A link to an entity's page, with its name (or `text`) and its summary as a tooltip."""
        entity = self.site.catalog.entities[kind.folder][entity_id]
        link = self.site.render("entity-link.md", page, entity=entity, kind=kind.name, text=text or entity.name)
        return link.strip()

    def latest_briefs(self, page: str, limit: int = 10) -> str:
        """The latest published briefs: title, date, summary and actors."""
        return self.site.render("latest.md", page, briefs=self.site.catalog.latest(limit))

    def briefs_by_month(self, page: str) -> str:
        """Every published brief, grouped by month, newest first."""
        return self.site.render("archive.md", page, months=self.site.catalog.by_month())

    def what_moved(self, page: str, limit: int = 5) -> str:
        """The indicators whose latest reading differs from the one before, latest change first."""
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


class MacroSandbox(ImmutableSandboxedEnvironment):
    """Jinja for authors' pages: the macros are the only names, no attribute of anything is reachable,
    nothing but the macros can be called, and nothing can be included or imported."""

    template_class = _ContextFreeTemplate

    def __init__(self, macros: dict[str, Callable[..., str]], **syntax: Any):
        super().__init__(undefined=StrictUndefined, autoescape=False, loader=None, **syntax)
        self.globals = dict(macros)
        self.filters = {}
        self.tests = {}
        self._callables = frozenset(id(function) for function in macros.values())

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return False

    def is_safe_callable(self, obj: Any) -> bool:
        return id(obj) in self._callables
