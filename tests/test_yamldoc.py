"""Unit tests of `briefings.yamldoc`: YAML read strictly, with the line and column of every part.

Every test runs with both of PyYAML's parsers, the C one (libyaml) and the pure-Python one, since which of
them `parse_yaml` uses depends on how PyYAML was built.
"""

from __future__ import annotations

import time
import tracemalloc

import pytest
import yaml

from briefings import yamldoc
from briefings.problems import Location, Problems
from briefings.yamldoc import YamlDocument, parse_yaml

PATH = "data/actors.yml"


@pytest.fixture(autouse=True, params=["C", "Python"])
def loader(request, monkeypatch):
    if request.param == "C":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML was built without libyaml")
        monkeypatch.setattr(yamldoc, "_Loader", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(yamldoc, "_Loader", yaml.SafeLoader)
    return request.param


def parse(text: str, first_line: int = 1) -> tuple[YamlDocument | None, list[tuple[int, int, str]]]:
    """The document and its problems as (line, column, message), in the order reported."""
    problems = Problems()
    doc = parse_yaml(text, PATH, problems, first_line=first_line)
    assert all(p.location.path == PATH and p.is_error for p in problems.items)
    return doc, [(p.location.line, p.location.column, p.message) for p in problems.items]


def at(line: int, column: int) -> Location:
    return Location(PATH, line, column)


# -- valid documents ----------------------------------------------------------------------------------------


ACTORS = """\
qatar:
  name: Qatar
  aliases: [Doha, State of Qatar]
  links:
    - url: https://a.example
      title: A
    - url: https://b.example
"""


def test_values_and_the_position_of_every_key_and_item():
    doc, problems = parse(ACTORS)
    assert problems == []
    assert doc.value == {
        "qatar": {
            "name": "Qatar",
            "aliases": ["Doha", "State of Qatar"],
            "links": [{"url": "https://a.example", "title": "A"}, {"url": "https://b.example"}],
        }
    }
    assert doc.positions == {
        (): at(1, 1),
        ("qatar",): at(1, 1),
        ("qatar", "name"): at(2, 3),
        ("qatar", "aliases"): at(3, 3),
        ("qatar", "aliases", 0): at(3, 13),
        ("qatar", "aliases", 1): at(3, 19),
        ("qatar", "links"): at(4, 3),
        ("qatar", "links", 0): at(5, 7),
        ("qatar", "links", 0, "url"): at(5, 7),
        ("qatar", "links", 0, "title"): at(6, 7),
        ("qatar", "links", 1): at(7, 7),
        ("qatar", "links", 1, "url"): at(7, 7),
    }


def test_locate_falls_back_to_the_nearest_located_parent():
    doc, _ = parse(ACTORS)
    assert doc.locate(("qatar", "links", 1, "title")) == at(7, 7)
    assert doc.locate(("iran", "name")) == at(1, 1)


def test_front_matter_lines_are_counted_from_first_line():
    doc, problems = parse("title: T\ndate: 2026-06-01\nactors:\n  - qatar\ntitle: U\n", first_line=2)
    assert doc.value == {"title": "T", "date": "2026-06-01", "actors": ["qatar"]}
    assert doc.positions[("title",)] == at(2, 1)
    assert doc.positions[("actors", 0)] == at(5, 5)
    assert problems == [
        (
            6,
            1,
            "duplicate key 'title' (first defined at line 2): YAML would silently keep only the last one; "
            "remove or rename one of them",
        )
    ]


def test_a_duplicate_key_is_reported_and_the_first_value_kept():
    doc, problems = parse("a: 1\nb: 2\na: 3\n")
    assert doc.value == {"a": 1, "b": 2}
    assert [(line, column) for line, column, _ in problems] == [(3, 1)]
    assert "duplicate key 'a' (first defined at line 1)" in problems[0][2]


def test_scalars_are_plain_values_and_dates_stay_as_written():
    doc, problems = parse("i: 12\nf: 1.5\nb: yes\nn: ~\nd: 2026-06-01\nt: 2026-06-01T10:00:00Z\nq: '12'\ns: !!str 5\n")
    assert problems == []
    assert doc.value == {
        "i": 12,
        "f": 1.5,
        "b": True,
        "n": None,
        "d": "2026-06-01",
        "t": "2026-06-01T10:00:00Z",
        "q": "12",
        "s": "5",
    }


def test_keys_that_are_not_text_become_text_as_written():
    doc, problems = parse("1: x\ntrue: y\nnull: z\n~: w\n2024-01-01: d\n1.5: f\n")
    assert problems == []
    assert doc.value == {"1": "x", "true": "y", "null": "z", "~": "w", "2024-01-01": "d", "1.5": "f"}
    assert doc.positions[("null",)] == at(3, 1)


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n"])
def test_an_empty_document_is_none(text):
    doc, problems = parse(text)
    assert (doc.value, problems) == (None, [])


def test_a_document_may_start_with_its_marker():
    doc, problems = parse("---\na: 1\n")
    assert (doc.value, doc.positions[("a",)], problems) == ({"a": 1}, at(2, 1), [])


# -- malformed documents ------------------------------------------------------------------------------------


def test_an_unclosed_quote_is_reported_where_it_opens():
    doc, problems = parse("a: 1\nb: 'unclosed\nc: 2\n", first_line=2)
    assert doc is None
    assert [(line, column) for line, column, _ in problems] == [(3, 4)]
    assert problems[0][2].startswith("malformed YAML: while scanning a quoted scalar")
    assert problems[0][2].endswith("check the indentation and quoting")


def test_a_key_that_is_a_list_is_reported():
    doc, problems = parse("[a]: 1\nb: 2\n")
    assert doc.value == {"b": 2}
    assert problems == [(1, 1, "a key must be plain text, not a list or mapping")]


# -- anchors and aliases ------------------------------------------------------------------------------------

ALIAS = "YAML aliases (*{}) are not allowed in briefs and data: write the value out in full"

BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{c}: &{c} [{','.join(['*' + p] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi")]
)


def test_an_alias_is_refused_at_its_place_and_not_expanded():
    doc, problems = parse("base: &base\n  kind: state\nqatar: *base\nlist: [a, *base, c]\n")
    assert doc.value == {"base": {"kind": "state"}, "qatar": None, "list": ["a", None, "c"]}
    assert doc.positions[("list", 1)] == at(4, 11)
    assert problems == [(3, 8, ALIAS.format("base")), (4, 11, ALIAS.format("base"))]


def test_a_billion_laughs_is_reported_promptly_in_little_memory():
    tracemalloc.start()
    start = time.process_time()
    doc, problems = parse(BILLION_LAUGHS, first_line=2)
    elapsed = time.process_time() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 2
    assert peak < 1_000_000
    assert len(problems) == 8 * 9
    assert problems[0] == (3, 8, ALIAS.format("a"))
    assert problems[-1] == (10, 32, ALIAS.format("h"))
    assert doc.value["i"] == [None] * 9


def test_an_alias_to_itself_neither_loops_nor_recurses():
    doc, problems = parse("a: &x [*x]\n")
    assert (doc.value, problems) == ({"a": [None]}, [(1, 8, ALIAS.format("x"))])


def test_an_alias_is_refused_as_a_key_with_its_value():
    doc, problems = parse("a: &k key\n*k : value\nb: 2\n")
    assert doc.value == {"a": "key", "b": 2}
    assert problems == [(2, 1, ALIAS.format("k"))]


def test_an_alias_to_an_anchor_never_defined_is_refused_all_the_same():
    doc, problems = parse("a: *nowhere\n")
    assert (doc.value, problems) == ({"a": None}, [(1, 4, ALIAS.format("nowhere"))])


# -- tags ---------------------------------------------------------------------------------------------------

TAG = (
    "the YAML tag {} is not allowed here: remove it; briefs and data hold only plain text, numbers, dates, "
    "true or false, lists and fields"
)


@pytest.mark.parametrize(
    "value, tag",
    [
        ("!!python/object/apply:os.system [ls]", "!!python/object/apply:os.system"),
        ("!!python/object/apply:os.system\n  - ls", "!!python/object/apply:os.system"),
        ("!!python/object:foo {}", "!!python/object:foo"),
        ("!!python/object/new:foo\n  args: [1]", "!!python/object/new:foo"),
        ("!!python/name:os.system ''", "!!python/name:os.system"),
        ("!!set {a, b}", "!!set"),
        ("!!omap [a: 1, b: 2]", "!!omap"),
        ("!!pairs [a: 1]", "!!pairs"),
        ("!!binary aGk=", "!!binary"),
        ("!foo bar", "!foo"),
        ("!foo [bar]", "!foo"),
        ("!<tag:example.com,2026:x> {}", "tag:example.com,2026:x"),
        ("!!str [a]", "!!str"),
        ("!!map [a]", "!!map"),
        ("!!seq a", "!!seq"),
    ],
)
def test_a_tag_on_any_node_is_refused_and_what_it_marks_not_read(value, tag):
    doc, problems = parse(f"title: T\nrun: {value}\nafter: [*alias]\n", first_line=2)
    assert doc.value == {"title": "T", "run": None, "after": [None]}
    after = 4 + value.count("\n")
    assert problems == [(3, 6, TAG.format(tag)), (after, 9, ALIAS.format("alias"))]


def test_a_tag_inside_a_refused_value_is_not_reported_again():
    doc, problems = parse("run: !!python/object/apply:os.system [!!python/name:os.system '', *a]\n")
    assert (doc.value, problems) == ({"run": None}, [(1, 6, TAG.format("!!python/object/apply:os.system"))])


def test_a_tag_directive_does_not_smuggle_a_tag_in():
    doc, problems = parse("%TAG !p! tag:yaml.org,2002:python/\n---\nrun: !p!object/apply:os.system [ls]\n")
    assert problems == [(3, 6, TAG.format("!!python/object/apply:os.system"))]


def test_a_key_with_a_tag_is_refused_with_its_value():
    doc, problems = parse("!!python/name:os.system k: v\nb: 2\n")
    assert (doc.value, problems) == ({"b": 2}, [(1, 1, TAG.format("!!python/name:os.system"))])


def test_the_tags_of_plain_data_are_allowed():
    doc, problems = parse(
        "s: !!str 5\ni: !!int '7'\nf: !!float 1\nb: !!bool yes\nn: !!null ''\nd: !!timestamp 2026-06-01\n"
        "l: !!seq [a]\nm: !!map {a: 1}\ne: ! 5\n"
    )
    assert problems == []
    assert doc.value == {
        "s": "5",
        "i": 7,
        "f": 1.0,
        "b": True,
        "n": None,
        "d": "2026-06-01",
        "l": ["a"],
        "m": {"a": 1},
        "e": 5,
    }


@pytest.mark.parametrize(
    "value, message",
    [
        ("!!int abc", "cannot read 'abc' as a whole number: correct it, or remove the tag !!int"),
        ("!!int ''", "cannot read '' as a whole number: correct it, or remove the tag !!int"),
        ("!!float '-'", "cannot read '-' as a number: correct it, or remove the tag !!float"),
        ("!!bool maybe", "cannot read 'maybe' as true or false: correct it, or remove the tag !!bool"),
        ("0x_", "cannot read '0x_' as a whole number: put it in quotes to keep it as text"),
        ("0b_", "cannot read '0b_' as a whole number: put it in quotes to keep it as text"),
        ("1" * 5000, f"cannot read '{'1' * 40}...' as a whole number: put it in quotes to keep it as text"),
        ("0x" + "f" * 5000, f"cannot read '0x{'f' * 38}...' as a whole number: put it in quotes to keep it as text"),
        ("1:" * 3000 + "1.5", f"cannot read '{'1:' * 20}...' as a number: put it in quotes to keep it as text"),
    ],
)
def test_a_value_that_cannot_be_read_as_its_type_is_reported(value, message):
    doc, problems = parse(f"a: 1\nb: {value}\n")
    assert (doc.value, problems) == ({"a": 1, "b": None}, [(2, 4, message)])


def test_a_long_number_in_quotes_is_text():
    doc, problems = parse(f"a: '{'1' * 5000}'\n")
    assert (doc.value, problems) == ({"a": "1" * 5000}, [])


@pytest.mark.parametrize("value", ["=", "<<"])
def test_values_that_pyyaml_gives_special_tags_are_text(value):
    doc, problems = parse(f"a: {value}\nb: [{value}]\n")
    assert (doc.value, problems) == ({"a": value, "b": [value]}, [])


def test_a_merge_key_is_refused_and_its_value_not_read():
    doc, problems = parse("base: &b {kind: state}\nqatar:\n  <<: *b\n  name: Qatar\n")
    assert doc.value == {"base": {"kind": "state"}, "qatar": {"name": "Qatar"}}
    assert problems == [(3, 3, "merge keys (<<) are not allowed in briefs and data: write each field out in full")]


def test_a_key_written_in_quotes_as_lt_lt_is_just_text():
    doc, problems = parse("'<<': x\n")
    assert (doc.value, problems) == ({"<<": "x"}, [])


# -- nesting ------------------------------------------------------------------------------------------------

TOO_DEEP = "nested too deeply: more than 50 lists or mappings inside one another; write this value with fewer levels"


def test_fifty_levels_of_nesting_are_fine():
    doc, problems = parse("a: " + "[" * 49 + "x" + "]" * 49 + "\n")
    value = doc.value["a"]
    for _ in range(48):
        (value,) = value
    assert (value, problems) == (["x"], [])


@pytest.mark.parametrize(
    "text, line, column",
    [
        ("[" * 51 + "]" * 51, 2, 51),
        ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 60)), 52, 101),
        ("".join("  " * i + "a:\n" for i in range(60)) + "  " * 60 + "b\n", 52, 101),
        ("[\n" * 100_000, 52, 1),
    ],
)
def test_nesting_too_deep_is_reported_where_it_goes_too_deep(text, line, column):
    doc, problems = parse(text, first_line=2)
    assert (doc, problems) == (None, [(line, column, TOO_DEEP)])


@pytest.mark.parametrize("closed", [True, False])
def test_a_hundred_thousand_brackets_are_reported_promptly(loader, closed):
    start = time.process_time()
    doc, problems = parse("a: " + "[" * 100_000 + "]" * 100_000 * closed)
    assert time.process_time() - start < 2
    # libyaml reads ahead and stops at its own bound, 1,000 levels
    assert (doc, problems) == (None, [(1, 1003 if loader == "C" else 53, TOO_DEEP)])


def test_deep_nesting_inside_a_refused_tag_is_reported_too():
    doc, problems = parse("a: !!set " + "[" * 60 + "]" * 60)
    assert (doc, problems) == (None, [(1, 59, TOO_DEEP)])


# -- byte-order mark, control characters, several documents ------------------------------------------------


def test_a_byte_order_mark_is_accepted_and_shifts_no_column():
    doc, problems = parse("\ufeffa: 1\nb: [x, y]\n")
    assert (doc.value, problems) == ({"a": 1, "b": ["x", "y"]}, [])
    assert doc.positions == {(): at(1, 1), ("a",): at(1, 1), ("b",): at(2, 1), ("b", 0): at(2, 5), ("b", 1): at(2, 8)}
    _, problems = parse("\ufeffa: [1\n")
    assert [(line, column) for line, column, _ in problems] == [(1, 4)]
    _, problems = parse("\ufeffa: \x01\n")
    assert [(line, column) for line, column, _ in problems] == [(1, 4)]


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\ud800", "\uffff"])
def test_a_control_character_is_reported_where_it_is(character):
    doc, problems = parse(f"a: 1\nb: [x, y{character}]\nc: \x02\n", first_line=2)
    assert doc is None
    assert problems == [
        (
            3,
            9,
            f"the invisible character U+{ord(character):04X} is not allowed in YAML: delete it "
            "(it usually comes with text pasted from elsewhere)",
        )
    ]


@pytest.mark.parametrize("text", ["a: 1\n---\nb: 2\n", "a: 1\n...\n---\nb: 2\n", "---\na: 1\n--- [\n"])
def test_a_second_document_is_reported_and_the_first_kept(text):
    doc, problems = parse(text, first_line=2)
    assert doc.value == {"a": 1}
    line = 2 + text.splitlines().index("---" if text.startswith("a") else "--- [", 1)
    assert problems == [
        (line, 1, "only one YAML document is allowed, but a second one starts here: remove this '---' line")
    ]


def test_a_document_may_end_with_its_end_marker():
    doc, problems = parse("a: 1\n...\n")
    assert (doc.value, problems) == ({"a": 1}, [])


# -- whatever the text, no exception -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system\n  args: [ls]\n  kwds: {x: *y}\n",
        "*x",
        "&x [*x, !!set {*x}]",
        "? [a, b]\n: c\n? {a: b}\n: d\n",
        "<<: [*a, *b]\n",
        "a: !!float\nb: !!int\nc: !!bool\n",
        "%YAML 1.1\n%TAG ! tag:example.com,2026:\n--- !x\n",
        "\t- a",
        "a: 'b\x85c\u2028d'",
        "-" * 10_000,
        "- " * 10_000,
        "a: " + "b" * 100_000,
        "{" * 60 + "a" + "}" * 60,
        "a:\n" + "\n".join(f"  k{i}: *x" for i in range(10_000)),
    ],
)
def test_no_exception_escapes(text):
    problems = Problems()
    start = time.process_time()
    doc = parse_yaml(text, PATH, problems, first_line=2)
    assert time.process_time() - start < 2
    assert doc is None or isinstance(doc, YamlDocument)
    assert all(p.location.path == PATH and p.location.line >= 2 for p in problems.items)
