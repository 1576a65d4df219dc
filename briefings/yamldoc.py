"""YAML read strictly, remembering where every value came from.

PyYAML on its own keeps the last of two duplicate keys, turns dates into objects and expands aliases
(`&name` ... `*name`), so that a few lines can ask for billions of values. Here the document is read
from the parser's events, one at a time, and only plain data is built: a duplicate key or an alias is a
problem, dates stay as written (the schemas check them), and every key and item keeps its line and
column so that a message can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Location, Problems

try:  # the C parser is several times faster on large data files
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

Path = tuple  # a path into the document: keys and list indexes, as jsonschema reports them

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


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
    found = Problems()  # kept only if the whole text is well-formed: otherwise the syntax error says it all
    try:
        doc = _Reader(_Loader(text), path, found, first_line).document()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and (exc.context or "").startswith(("while scanning a quoted", "while parsing a flow")):
            mark = exc.context_mark  # an unclosed quote or bracket: point at where it opened
        what = exc.problem or "malformed YAML"
        if exc.context:
            what = f"{exc.context}, {what}"
        location = _location(path, first_line, mark) if mark else Location(path, first_line, 1)
        problems.error(location, f"malformed YAML: {what}; check the indentation and quoting")
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML always marks its parse errors
        problems.error(Location(path, first_line, 1), f"malformed YAML: {exc}")
        return None
    problems.extend(found.items)
    return doc


def _location(path: str, first_line: int, mark: yaml.Mark) -> Location:
    return Location(path, first_line + mark.line, mark.column + 1)


class _Reader:
    """Builds plain data from a parser's events, recording where each part is and what is wrong with it."""

    def __init__(self, loader: Any, path: str, problems: Problems, first_line: int):
        self.loader = loader
        self.doc = YamlDocument(None, path)
        self.problems = problems
        self.first_line = first_line

    def document(self) -> YamlDocument:
        self.loader.get_event()  # the stream starts
        if not self.loader.check_event(yaml.StreamEndEvent):  # else the text is empty or only comments
            self.loader.get_event()  # the document starts
            self.doc.value = self.node(())
            self.loader.get_event()  # the document ends
        return self.doc

    def node(self, where: Path) -> Any:
        event = self.loader.get_event()
        self.doc.positions.setdefault(where, self.location(event))
        if self.refused(event):
            return None
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(where)
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(where)
        return self.scalar(event)

    def sequence(self, where: Path) -> list:
        items: list = []
        while not self.loader.check_event(yaml.SequenceEndEvent):
            items.append(self.node(where + (len(items),)))
        self.loader.get_event()
        return items

    def mapping(self, where: Path) -> dict:
        result: dict = {}
        first_seen: dict[str, Location] = {}
        while not self.loader.check_event(yaml.MappingEndEvent):
            key_event = self.loader.get_event()
            key = self.key(key_event, first_seen)
            if key is None:  # reported; its value is not read
                self.skip(self.loader.get_event())
                continue
            # A key's location is where the author wrote the key: that is the line a message should name.
            self.doc.positions[where + (key,)] = first_seen[key]
            result[key] = self.node(where + (key,))
        self.loader.get_event()
        return result

    def key(self, event: yaml.Event, first_seen: dict[str, Location]) -> str | None:
        """The key that `event` starts, as text, or None if it cannot be used (reported)."""
        if self.refused(event):
            return None
        if not isinstance(event, yaml.ScalarEvent):
            self.error(event, "a key must be plain text, not a list or mapping")
            self.skip(event)
            return None
        self.scalar(event)  # reports a tag that has no place here
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
        """Whether `event` is something briefs and data do not allow (reported)."""
        if isinstance(event, yaml.AliasEvent):
            # Never expanded: a few lines of aliases to aliases can stand for billions of values.
            self.error(
                event,
                f"YAML aliases (*{event.anchor}) are not allowed in briefs and data: write the value out in full",
            )
            return True
        return False

    def skip(self, event: yaml.Event) -> None:
        """Read past the node that `event` starts, without building it."""
        depth = isinstance(event, yaml.CollectionStartEvent)
        while depth:
            event = self.loader.get_event()
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        tag = event.tag
        if tag in (None, "!"):  # not written: resolved from the text, as PyYAML does
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _TIMESTAMP:
            return event.value  # kept as written; the schema checks it is a real date
        if tag in _PLAIN_TAGS:
            return self.loader.construct_object(yaml.ScalarNode(tag, event.value))
        # Anything else (binary, sets, Python objects...) has no place in briefs or data.
        self.error(event, f"unsupported YAML tag {tag}: write plain text instead")
        return event.value

    def location(self, event: yaml.Event) -> Location:
        return _location(self.doc.path, self.first_line, event.start_mark)

    def error(self, event: yaml.Event, message: str) -> None:
        self.problems.error(self.location(event), message)
