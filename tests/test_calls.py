"""Macro calls in authors' text: what counts as a call, where it is, and everything else refused."""

from __future__ import annotations

import pytest

from briefings.calls import read_calls
from briefings.problems import Problems

KNOWN = {"actors": ["qatar", "iran"], "indicators": ["talks-direct"]}


def read(text: str):
    problems = Problems()
    found = read_calls(text, "page.md", 10, problems, KNOWN)
    refs = [(r.folder, r.id, r.location.line, r.location.column) for r in found.references]
    return refs, [str(p) for p in problems], found.templated


def test_plain_calls_are_found_with_line_and_column():
    text = 'A {{ actor("qatar") }} and\n{{ actor("iran", "Tehran") }}, {{ indicator(\'talks-direct\') }}.'
    refs, problems, templated = read(text)
    assert refs == [("actors", "qatar", 10, 13), ("actors", "iran", 11, 11), ("indicators", "talks-direct", 11, 46)]
    assert problems == [] and templated


def test_whitespace_control_and_listing_macros_are_calls():
    refs, problems, _ = read('{{- actor( "iran" ) -}}\n{{ latest_briefs(3) }}\n{{ briefs_by_month() }}')
    assert refs == [("actors", "iran", 10, 13)] and problems == []


def test_text_without_macro_syntax_needs_no_rendering():
    assert read("Plain text with {single} braces and ## {#anchor} ids.") == ([], [], False)


def test_comments_and_raw_blocks_are_not_calls():
    text = '{## {{ actor("nobody") }} {{ 7*7 }} ##}\n{% raw %}{{ anything.at_all }}{% endraw %}\n{{ actor("qatar") }}'
    refs, problems, templated = read(text)
    assert refs == [("actors", "qatar", 12, 11)] and problems == [] and templated


def test_unknown_ids_and_macros_are_problems_not_references():
    refs, problems, _ = read('{{ actor("qatr") }}\n{{ indicatr("talks-direct") }}')
    assert refs == []
    assert problems == [
        "page.md:10:11: unknown actor 'qatr': did you mean 'qatar'?",
        "page.md:11:4: unknown macro 'indicatr': did you mean 'indicator'?",
    ]


@pytest.mark.parametrize(
    "text, message",
    [
        ("{{ 7*7 }}", "'{{ 7*7 }}' is not a macro call"),
        ("{{ config.config_file_path }}", "is not a macro call"),
        ("{{ environment }}", "is not a macro call"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "is not a macro call"),
        ("{{ lipsum.__globals__['os'].popen('id').read() }}", "is not a macro call"),
        ("{{ actor('qatar').__class__ }}", "is not a macro call"),
        ("{{ actor(config) }}", "must be literal text in quotes or whole numbers"),
        ("{{ actor('qa' ~ 'tar') }}", "must be literal text in quotes or whole numbers"),
        ('{{ actor("qatar", text="x") }}', "must be literal text in quotes or whole numbers"),
        ("{{ actor() }}", "actor() takes 1 to 2 arguments, not 0"),
        ("{{ actor(5) }}", "the argument 'id' of actor() must be text in quotes"),
        ("{{ latest_briefs('ten') }}", "the argument 'limit' of latest_briefs() must be a whole number"),
        ("{% include '/etc/passwd' %}", "is not allowed: the only {% %} block authors may use is {% raw %}"),
        ("{% import 'os' as os %}", "is not allowed"),
        ("{% set x = 1 %}", "is not allowed"),
        ("{% raw %} never closed", "{% raw %} is never closed"),
        ("{## never closed", "a comment opened with {## is never closed"),
        ('{{ actor("qatar" }}', "is not a macro call"),
    ],
)
def test_anything_else_between_delimiters_is_an_error_at_its_place(text: str, message: str):
    refs, problems, _ = read("Text before.\n  " + text)
    assert refs == []
    assert len(problems) == 1 and problems[0].startswith("page.md:11:"), problems
    assert message in problems[0]
    if "not a macro call" in message or "is not allowed" in message:
        assert "{% raw %} and {% endraw %}" in problems[0]  # says how to show braces as written


def test_every_problem_of_a_page_is_reported():
    _, problems, _ = read("{{ 1 }} {{ 2 }}\n{% if x %}{% endif %}")
    assert [p.split(": ")[0] for p in problems] == ["page.md:10:1", "page.md:10:9", "page.md:11:1", "page.md:11:11"]


# -- rendering: the sandbox ------------------------------------------------------------------------------------

from jinja2.sandbox import ImmutableSandboxedEnvironment  # noqa: E402

from briefings.calls import MACRO_SYNTAX, plain_parts  # noqa: E402
from briefings.mkdocs.sandbox import MacroSandbox, _CallsTemplate  # noqa: E402

MACROS = {"actor": lambda id, text=None: f"<{id}|{text}>", "latest_briefs": lambda limit=10: f"[{limit}]"}


@pytest.mark.parametrize(
    "text",
    [
        'A {{ actor("qatar") }} and {{ actor(\'iran\', "Tehran") }}.\n',
        "No macro at all.\r\nWindows lines\r\n\r\n",
        "{## a comment {{ 7*7 }} ##}\nafter\n{% raw %}{{ shown as written }}{% endraw %}\n{{ latest_briefs(3) }}",
        "ends without a newline {{ latest_briefs() }}",
        "two trailing newlines\n\n",
    ],
)
def test_plain_pages_render_exactly_as_jinja_would_without_compiling(text: str):
    sandbox = MacroSandbox(MACROS, **MACRO_SYNTAX)
    template = sandbox.from_string(text)
    assert isinstance(template, _CallsTemplate)
    jinja = ImmutableSandboxedEnvironment(**MACRO_SYNTAX)
    jinja.globals.update(MACROS)
    assert template.render(config="ignored") == jinja.from_string(text).render()


def test_whitespace_control_is_left_to_jinja_in_the_sandbox():
    assert plain_parts('a {{- actor("qatar") }}') is None
    sandbox = MacroSandbox(MACROS, **MACRO_SYNTAX)
    assert sandbox.from_string('a  {{- actor("qatar") }}').render() == "a<qatar|None>"


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__ }}",
        "{{ actor.__globals__ }}",
        "{{ cycler }}",
        "{{ config }}",
        "{{ range(3) | list }}",
        "{% include 'x.html' %}",
        "{{ actor.__call__('qatar') }}",
    ],
)
def test_the_sandbox_reaches_nothing_but_the_macros(source: str):
    from jinja2 import TemplateError

    sandbox = MacroSandbox(MACROS, **MACRO_SYNTAX)
    with pytest.raises((TemplateError, TypeError)):
        sandbox.from_string(source).render(config={"config_file_path": "/secret"})
