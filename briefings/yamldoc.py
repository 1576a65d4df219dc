"""YAML read strictly, remembering where every value came from.

Left to itself, PyYAML keeps the last of two duplicate keys, turns dates into objects, expands aliases
(`&name` ... `*name`), so that a few lines can stand for billions of values, and takes tags such as
`!!python/object/apply:` or `!!set` as orders to build Python objects. Here the document is read from
the parser's events, one at a time, and only plain data is built: text, numbers, true or false, empty
values, lists and mappings, with keys always text and dates kept as written (the schemas check them).
Every key and item keeps its line and column so that a message can point at it.

Each of these is reported at its line and column, never raised, and what it marks is left out:
a duplicate key; an alias or a merge key (`<<:`); a tag other than those of plain data, on any node; a
value that cannot be read as its type (`!!int abc`, a number of thousands of digits); lists and
mappings nested more than 50 deep; a second document in the text; a control character.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import yaml

from .problems import Location, Problems

try:  # the C parser is several times faster on large data files
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

Path = tuple  # a path into the document: keys and list indexes, as jsonschema reports them

_YAML = "tag:yaml.org,2002:"  # written `!!`: `!!str` is "tag:yaml.org,2002:str"
_PLAIN_TAGS = {_YAML + name for name in ("str", "int", "float", "bool", "null")}
_ALLOWED_TAGS = {  # the tags an author may write, on each kind of node
    yaml.ScalarEvent: _PLAIN_TAGS | {_YAML + "timestamp"},
    yaml.SequenceStartEvent: {_YAML + "seq"},
    yaml.MappingStartEvent: {_YAML + "map"},
}
_UNTAGGED = (None, "!")  # no tag, or the non-specific "!": PyYAML resolves the tag from the text
_MERGE = _YAML + "merge"
_KINDS = {_YAML + "int": "a whole number", _YAML + "float": "a number", _YAML + "bool": "true or false"}
_MAX_DEPTH = 50  # lists and mappings inside one another; briefs and data need four or five
_TOO_DEEP = (
    f"nested too deeply: more than {_MAX_DEPTH} lists or mappings inside one another; "
    "write this value with fewer levels"
)
_LONGEST_NUMBER = 100  # characters; Python is slow to read far longer ones and refuses to print some
# Control characters, lone surrogates (undecodable bytes) and the like, which both PyYAML parsers refuse
_NOT_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


@dataclass
class YamlDocument:
    """A parsed YAML document: plain JSON-like data plus the location of each part of it."""

    value: Any
    path: str
    positions: dict[Path, Location] = field(default_factory=dict)

    def locate(self, where: Path) -> Location:
        """The location of the value at `where`, or of its nearest located parent."""
        where = tuple(where)
        while where not in self.positions and where:
            where = where[:-1]
        return self.positions.get(where, Location(self.path, 1, 1))


def parse_yaml(text: str, path: str, problems: Problems, *, first_line: int = 1) -> YamlDocument | None:
    """Parse `text` (from file `path`, starting at line `first_line` of it).

    Reports every problem to `problems` and returns None if the document is unusable; never raises.
    """
    text = text.removeprefix("\ufeff")  # a byte-order mark: editors show no column for it
    if bad := _NOT_PRINTABLE.search(text):
        problems.error(
            _offset_location(path, first_line, text, bad.start()),
            f"the invisible character U+{ord(bad.group()):04X} is not allowed in YAML: delete it "
            "(it usually comes with text pasted from elsewhere)",
        )
        return None
    found = Problems()  # kept only if the whole text is well-formed: otherwise the syntax error says it all
    try:
        doc = _Reader(_Loader(text), path, found, first_line).document()
    except _TooDeep as exc:
        problems.error(_location(path, first_line, exc.mark), _TOO_DEEP)
        return None
    except yaml.MarkedYAMLError as exc:
        if exc.problem == "exceeded maximum nesting depth":  # libyaml's own bound, met as it reads ahead
            problems.error(_location(path, first_line, exc.problem_mark), _TOO_DEEP)
        else:
            problems.error(*_malformed(exc, path, first_line))
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML always marks its parse errors
        problems.error(Location(path, first_line, 1), f"malformed YAML: {exc}")
        return None
    problems.extend(found.items)
    return doc


def _malformed(exc: yaml.MarkedYAMLError, path: str, first_line: int) -> tuple[Location, str]:
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and (exc.context or "").startswith(("while scanning a quoted", "while parsing a flow")):
        mark = exc.context_mark  # an unclosed quote or bracket: point at where it opened
    what = exc.problem or "malformed YAML"
    if exc.context:
        what = f"{exc.context}, {what}"
    location = _location(path, first_line, mark) if mark else Location(path, first_line, 1)
    return location, f"malformed YAML: {what}; check the indentation and quoting"


class _Mark(Protocol):  # yaml.Mark, or the C parser's
    line: int
    column: int


def _location(path: str, first_line: int, mark: _Mark | None) -> Location:
    if mark is None:  # pragma: no cover - both parsers mark every event and nesting error
        return Location(path, first_line, 1)
    return Location(path, first_line + mark.line, mark.column + 1)


def _offset_location(path: str, first_line: int, text: str, offset: int) -> Location:
    line_start = text.rfind("\n", 0, offset) + 1
    return Location(path, first_line + text.count("\n", 0, offset), offset - line_start + 1)


class _TooDeep(Exception):
    def __init__(self, mark: _Mark | None):
        self.mark = mark


class _Reader:
    """Builds plain data from a parser's events, recording where each part is and what is wrong with it."""

    def __init__(self, loader: Any, path: str, problems: Problems, first_line: int):
        self.loader = loader
        self.doc = YamlDocument(None, path)
        self.problems = problems
        self.first_line = first_line
        self.depth = 0  # lists and mappings open

    def document(self) -> YamlDocument:
        self.next_event()  # the stream starts
        if not self.loader.check_event(yaml.StreamEndEvent):  # else the text is empty or only comments
            self.next_event()  # the document starts
            self.doc.value = self.node(())
            self.next_event()  # the document ends
            if self.loader.check_event(yaml.DocumentStartEvent):
                self.error(
                    self.loader.peek_event(),
                    "only one YAML document is allowed, but a second one starts here: remove this '---' line",
                )
        return self.doc

    def next_event(self) -> yaml.Event:
        """The parser's next event. Stops at the first list or mapping nested too deeply, before the
        parser reads on: the pure-Python parser takes time quadratic in the depth."""
        event = self.loader.get_event()
        if isinstance(event, yaml.CollectionStartEvent):
            self.depth += 1
            if self.depth > _MAX_DEPTH:
                raise _TooDeep(event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            self.depth -= 1
        return event

    def node(self, where: Path) -> Any:
        event = self.next_event()
        self.doc.positions.setdefault(where, self.location(event))
        if self.refused(event):
            return None
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(where)
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(where)
        assert isinstance(event, yaml.ScalarEvent), "a node that is no alias, list or mapping is a scalar"
        return self.scalar(event)

    def sequence(self, where: Path) -> list:
        items: list = []
        while not self.loader.check_event(yaml.SequenceEndEvent):
            items.append(self.node(where + (len(items),)))
        self.next_event()
        return items

    def mapping(self, where: Path) -> dict:
        result: dict = {}
        first_seen: dict[str, Location] = {}
        while not self.loader.check_event(yaml.MappingEndEvent):
            key_event = self.next_event()
            key = self.key(key_event, first_seen)
            if key is None:  # reported; its value is not read
                self.skip(self.next_event())
                continue
            # A key's location is where the author wrote the key: that is the line a message should name.
            self.doc.positions[where + (key,)] = first_seen[key]
            result[key] = self.node(where + (key,))
        self.next_event()
        return result

    def key(self, event: yaml.Event, first_seen: dict[str, Location]) -> str | None:
        """The key that `event` starts, as text, or None if it cannot be used (reported)."""
        if self.refused(event):
            return None
        if not isinstance(event, yaml.ScalarEvent):
            self.error(event, "a key must be plain text, not a list or mapping")
            self.skip(event)
            return None
        if self.tag(event) == _MERGE:
            self.error(event, "merge keys (<<) are not allowed in briefs and data: write each field out in full")
            return None
        key = event.value  # as written: `1: x`, `true: y` and `null: z` name fields '1', 'true' and 'null'
        if key in first_seen:
            self.error(
                event,
                f"duplicate key '{key}' (first defined at line {first_seen[key].line}): "
                "YAML would silently keep only the last one; remove or rename one of them",
            )
            return None
        first_seen[key] = self.location(event)
        return key

    def refused(self, event: yaml.Event) -> bool:
        """Whether `event` is an alias, or starts a node with a tag it may not have: reported and skipped."""
        if isinstance(event, yaml.AliasEvent):
            # Never expanded: a few lines of aliases to aliases can stand for billions of values.
            self.error(
                event,
                f"YAML aliases (*{event.anchor}) are not allowed in briefs and data: write the value out in full",
            )
            return True
        assert isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)), "the other events start no node"
        if event.tag in _UNTAGGED or event.tag in _ALLOWED_TAGS[type(event)]:
            return False
        # Binary, sets, Python objects...: not read at all, since reading them is what an attacker wants.
        self.error(
            event,
            f"the YAML tag {_shown(event.tag)} is not allowed here: remove it; briefs and data hold only "
            "plain text, numbers, dates, true or false, lists and fields",
        )
        self.skip(event)
        return True

    def skip(self, event: yaml.Event) -> None:
        """Read past the node that `event` starts, without building it."""
        if isinstance(event, yaml.CollectionStartEvent):
            outside = self.depth - 1
            while self.depth > outside:
                self.next_event()

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        tag = self.tag(event)
        if tag not in _PLAIN_TAGS:
            return event.value  # a date, kept as written for the schema to check; or '=' or '<<', also text
        if tag in _KINDS and len(event.value) > _LONGEST_NUMBER:
            return self.unreadable(event, tag)
        try:
            return self.loader.construct_object(yaml.ScalarNode(tag, event.value))
        except (ValueError, KeyError, IndexError, OverflowError):  # `!!int abc`, `!!bool maybe`, `0x_`...
            return self.unreadable(event, tag)

    def unreadable(self, event: yaml.ScalarEvent, tag: str) -> None:
        """Report a scalar whose text is not a value of type `tag`; it reads as empty."""
        if event.tag in _UNTAGGED:
            fix = "put it in quotes to keep it as text"
        else:
            fix = f"correct it, or remove the tag {_shown(tag)}"
        value = event.value if len(event.value) <= 40 else event.value[:40] + "..."
        self.error(event, f"cannot read '{value}' as {_KINDS[tag]}: {fix}")

    def tag(self, event: yaml.ScalarEvent) -> str:
        """The tag of a scalar: as written, or else as PyYAML resolves it from the text."""
        if event.tag in _UNTAGGED:
            return self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        return event.tag

    def location(self, event: yaml.Event) -> Location:
        return _location(self.doc.path, self.first_line, event.start_mark)

    def error(self, event: yaml.Event, message: str) -> None:
        self.problems.error(self.location(event), message)


def _shown(tag: str) -> str:
    """A tag as an author would write it."""
    return "!!" + tag.removeprefix(_YAML) if tag.startswith(_YAML) else tag
