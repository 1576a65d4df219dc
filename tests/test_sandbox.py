"""The sandbox authors' pages are rendered in, in-process: the site's real macros work, and nothing else is
reachable, whatever the template tries and whatever variables the engine renders it with.

`briefings check` refuses all of this before anything is rendered (test_calls.py, test_hostile.py); the
sandbox is the second line of defence, so it is tested on its own, as if the check had missed everything.
"""

from __future__ import annotations

import pytest
from jinja2 import TemplateAssertionError, TemplateNotFound, UndefinedError
from jinja2.sandbox import SecurityError

from briefings.calls import MACRO_SYNTAX
from briefings.loader import load_project
from briefings.macros import Macros
from briefings.mkdocs.sandbox import MacroSandbox
from briefings.project import Project
from briefings.site import Site
from conftest import EXAMPLE

PAGE = "briefs/2026/doha-indirect-talks.md"
#: What the site engine renders every page with: none of it may reach the page.
ENGINE_VARIABLES = {
    "config": {"config_file_path": "/secret/mkdocs.yml", "site_name": "Briefings"},
    "page": {"file": {"abs_src_path": "/secret/page.md"}},
    "environment": {"system": "linux"},
    "title": "A title",
}


@pytest.fixture(scope="module")
def sandbox() -> MacroSandbox:
    loaded = load_project(Project.at(EXAMPLE))
    assert loaded.ok, [str(p) for p in loaded.problems]
    return MacroSandbox(Macros(Site(loaded.catalog)).functions(lambda: PAGE), **MACRO_SYNTAX)


@pytest.mark.parametrize(
    "source",
    [
        'Hosts in {{ actor("qatar") }}.',
        'Hosts in {{- actor("qatar") -}}.',  # whitespace control: compiled by Jinja rather than run directly
    ],
)
def test_the_macros_work(sandbox: MacroSandbox, source: str):
    rendered = sandbox.from_string(source).render(**ENGINE_VARIABLES)
    assert 'href="../../../actors/qatar/"' in rendered and ">Qatar</a>" in rendered


@pytest.mark.parametrize(
    "source, error",
    [
        ("{{ ''.__class__ }}", SecurityError),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", SecurityError),
        ("{{ actor.__globals__ }}", SecurityError),
        ("{{ actor.__call__('qatar') }}", SecurityError),
        ("{{ 'text'.upper() }}", SecurityError),
        ("{{ self.__init__ }}", SecurityError),
        ("{% macro shout() %}x{% endmacro %}{{ shout() }}", SecurityError),
        ("{{ lipsum() }}", SecurityError),  # Jinja's own functions are not there, and nothing but a macro is called
        ("{{ range(3) }}", SecurityError),
        ("{{ config }}", UndefinedError),
        ("{{ config.config_file_path }}", UndefinedError),
        ("{{ page.file.abs_src_path }}", UndefinedError),
        ("{{ environment }}", UndefinedError),
        ("{{ title }}", UndefinedError),
        ("{{ cycler }}", UndefinedError),
        ('{{ actor("qatar", config) }}', UndefinedError),
        ("{% include '/etc/passwd' %}", TemplateNotFound),
        ("{% import 'os' as os %}", TemplateNotFound),
        ("{% from 'os' import system %}", TemplateNotFound),
        ("{% extends 'base.html' %}", TemplateNotFound),
        ("{{ actor | attr('__globals__') }}", TemplateAssertionError),  # no filter exists at all
    ],
)
def test_nothing_else_is_reachable(sandbox: MacroSandbox, source: str, error: type[Exception]):
    with pytest.raises(error):
        sandbox.from_string(source).render(**ENGINE_VARIABLES)
