"""What the plugin asks of mkdocs-macros: to render only the pages whose macro calls the core has read and
checked (`render_only`), and to render them in `MacroSandbox`, in place of its own Jinja environment
(`render_in_sandbox`), where nothing is reachable but the site's macros (`briefings.macros`). Both use the macros
plugin's internals, which tests/test_adapter_pins.py pins. As pages see nothing but the macros, the plugin's `git`
variable, for which it runs git twelve times on every build (`mkdocs_macros.context.define_env`), is not worked out.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping
from typing import Any

import mkdocs_macros.context
from jinja2 import DictLoader, StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..calls import MACROS, plain_parts


class _ContextFreeTemplate(Template):
    """A template that ignores the variables it is rendered with: a page sees the macros and nothing else."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        return super().render()


class _CallsTemplate:
    """A page that is only text and plain macro calls, rendered without compiling it: the same output as
    Jinja's, at a fraction of the cost."""

    def __init__(self, parts: list, macros: Mapping[str, Any]):  # the sandbox's globals: the macros
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


def render_only(macros: Any | None, pages: Collection[str]) -> None:
    """Have the macros plugin (if the site uses it) render `pages` (source paths) and no other: asked of a set,
    not of a glob pattern per page (the plugin would try every pattern on every page)."""
    if macros is None:
        return
    macros.config["render_by_default"], macros.config["force_render_paths"] = False, ""
    macros.force_page_rendering = {uri.replace("/", os.sep) for uri in pages}.__contains__
    mkdocs_macros.context.get_git_info = _unread_git_info  # (called before the macros plugin's on_config)


def _unread_git_info() -> dict[str, Any]:
    """The macros plugin's `git` variable, which no page reads (the sandbox): as it is outside a repository."""
    return {"status": False, "date": None}


def render_in_sandbox(macros: Any | None) -> None:
    """Have the macros plugin (if the site uses it) render pages in the sandbox, with the site's macros and its
    own syntax settings (called once the plugin has made its environment and bound the macros, on each build)."""
    if macros is None:
        return
    syntax = {name: getattr(macros.env, name) for name in MacroSandbox.SYNTAX}
    macros._env = MacroSandbox({name: macros.macros[name] for name in MACROS}, **syntax)
