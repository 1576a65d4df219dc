"""YAML read strictly, remembering where every value came from.

PyYAML on its own keeps the last of two duplicate keys and turns dates into objects; here a duplicate key
is a problem, dates stay as written (the schemas check them), and every key and item keeps its line and
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

    Reports syntax errors and duplicate keys to `problems` and returns None if the document is unusable.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and (exc.context or "").startswith(("while scanning a quoted", "while parsing a flow")):
            mark = exc.context_mark  # an unclosed quote or bracket: point at where it opened
        line = first_line + (mark.line if mark else 0)
        column = (mark.column + 1) if mark else 1
        what = exc.problem or "malformed YAML"
        if exc.context:
            what = f"{exc.context}, {what}"
        problems.error(Location(path, line, column), f"malformed YAML: {what}; check the indentation and quoting")
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML always marks its parse errors
        problems.error(Location(path, first_line, 1), f"malformed YAML: {exc}")
        return None
    doc = YamlDocument(None, path)
    if node is not None:
        builder = _Builder(doc, problems, first_line)
        doc.value = builder.build(node, ())
    return doc


class _Builder:
    def __init__(self, doc: YamlDocument, problems: Problems, first_line: int):
        self.doc = doc
        self.problems = problems
        self.first_line = first_line
        self.constructor = yaml.constructor.SafeConstructor()

    def location(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.doc.path, self.first_line + mark.line, mark.column + 1)

    def build(self, node: yaml.Node, where: Path) -> Any:
        self.doc.positions.setdefault(where, self.location(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, where)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, where + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode, where: Path) -> dict:
        result: dict = {}
        first_seen: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.error(self.location(key_node), "a key must be plain text, not a list or mapping")
                continue
            key = self.scalar(key_node)
            if not isinstance(key, str):
                key = str(key_node.value)
            loc = self.location(key_node)
            if key in first_seen:
                self.problems.error(
                    loc,
                    f"duplicate key '{key}' (first defined at line {first_seen[key].line}): "
                    "YAML would silently keep only the last one; remove or rename one of them",
                )
                continue
            first_seen[key] = loc
            # A key's location is where the author wrote the key: that is the line a message should name.
            self.doc.positions[where + (key,)] = loc
            result[key] = self.build(value_node, where + (key,))
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _TIMESTAMP:
            return node.value  # kept as written; the schema checks it is a real date
        if node.tag in _PLAIN_TAGS:
            return self.constructor.construct_object(node)
        # Anything else (binary, sets, Python objects...) has no place in briefs or data.
        self.problems.error(self.location(node), f"unsupported YAML tag {node.tag}: write plain text instead")
        return node.value
