"""Which macro calls in a page's text count as references, and where they are."""

from __future__ import annotations

from briefings.problems import Problems
from briefings.references import find_references

KNOWN = {"actor": ["qatar", "iran"], "indicator": ["talks-direct"]}


def refs(text: str):
    problems = Problems()
    found = find_references(text, "page.md", 10, problems, KNOWN)
    return [(r.kind, r.id, r.location.line, r.location.column) for r in found], [str(p) for p in problems]


def test_plain_calls_are_found_with_line_and_column():
    text = 'A {{ actor("qatar") }} and\n{{ actor("iran", "Tehran") }}, {{ indicator(\'talks-direct\') }}.'
    assert refs(text) == ([("actor", "qatar", 10, 13), ("actor", "iran", 11, 11), ("indicator", "talks-direct", 11, 46)], [])


def test_other_forms_go_through_the_parser():
    text = '{{ actor("qatar", text="the hosts") }}\n{{ latest_briefs(3) }}\n{{- actor( "iran" ) -}}'
    found, problems = refs(text)
    assert [(k, i, line) for k, i, line, _ in found] == [("actor", "qatar", 10), ("actor", "iran", 12)]
    assert problems == []


def test_comments_and_raw_blocks_are_not_references():
    text = '{## {{ actor("nobody") }} ##}\n{% raw %}{{ actor("nobody") }}{% endraw %}\n{{ actor("qatar") }}'
    assert refs(text) == ([("actor", "qatar", 12, 11)], [])


def test_unknown_ids_and_macros_are_problems_not_references():
    found, problems = refs('{{ actor("qatr") }}\n{{ indicatr("talks-direct") }}')
    assert found == []
    assert problems == [
        "page.md:10:11: unknown actor 'qatr': did you mean 'qatar'?",
        "page.md:11:4: unknown macro 'indicatr': did you mean 'indicator'?",
    ]


def test_syntax_errors_name_their_line():
    found, problems = refs('fine\n\n{{ actor("qatar" }}')
    assert found == [] and problems[0].startswith("page.md:12:1: macro syntax error")
