"""The authoring contract as JSON Schema, and its violations as messages an author can act on.

The schema files in `schemas/` are the single statement of the rules for front matter and data files:
`check`, the build and authors' editors all read them.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
from referencing import Registry, Resource

from .kinds import KINDS
from .problems import Problems
from .yamldoc import YamlDocument

#: Every schema: a brief's front matter, a hand-written page's, the redirects and each entity kind's data file.
SCHEMA_NAMES = ("brief", "page", "redirects", *(kind.folder for kind in KINDS))


def schema_text(name: str) -> str:
    return resources.files(__package__).joinpath("schemas", f"{name}.schema.json").read_text("utf-8")


@cache
def _schema(name: str) -> dict:
    return json.loads(schema_text(name))


@cache
def _registry() -> Registry:
    # The schema files refer to each other by file name (no $id), as editors resolving them from disk do.
    return Registry().with_resources(
        (f"{name}.schema.json", Resource.from_contents(_schema(name))) for name in (*SCHEMA_NAMES, "translations")
    )


@cache
def validator(name: str) -> jsonschema.protocols.Validator:
    schema = _schema(name)
    cls = jsonschema.validators.validator_for(schema)
    return cls(_inline_definitions(schema), registry=_registry(), format_checker=cls.FORMAT_CHECKER)


def _inline_definitions(schema: dict) -> dict:
    """The schema with each reference to one of its own definitions replaced by the definition: the same
    rules, checked in half the time (resolving references is most of the validator's work on a brief)."""
    definitions = schema.get("$defs", {})

    def inline(node: Any, seen: tuple[str, ...] = ()) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if len(node) == 1 and isinstance(ref, str) and ref.startswith("#/$defs/"):
                name = ref.removeprefix("#/$defs/")
                if name in definitions and name not in seen:  # a definition that refers to itself stays a $ref
                    return inline(definitions[name], (*seen, name))
            return {key: value if key == "$defs" else inline(value, seen) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(item, seen) for item in node]
        return node

    return inline(schema)


def validate(
    doc: YamlDocument, name: str, problems: Problems, names_an_entity: Callable[[tuple], bool] | None = None
) -> set[tuple]:
    """Check `doc` against schema `name` and report each violation once, at its line.

    Returns the paths of the parts of the document that are wrong (empty when it is valid). A value that is
    not written as an id where `names_an_entity(path)` holds is wrong but not reported: the caller tells the
    author which entity it may be ("did you mean"), or that a name was written for an id.
    """
    errors = validator(name).iter_errors(doc.value)
    wrong: set[tuple] = set()
    reported: set = set()
    for error in sorted(errors, key=lambda e: (list(map(str, e.absolute_path)), e.validator)):
        if names_an_entity and error.validator == "pattern" and names_an_entity(tuple(error.absolute_path)):
            wrong.add(tuple(error.absolute_path))
            continue
        for where, message in _messages(error):
            wrong.add(where)
            location = doc.locate(where)
            if (location, message) not in reported:
                reported.add((location, message))
                problems.error(location, message)
    return wrong


def field_name(path: Iterable[Any]) -> str:
    """How an author would name the place: `actors`, `sources[2].url`, `qatar.kind`."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the document"


def _hint(schema: dict) -> str:
    parts = []
    if schema.get("description"):
        parts.append(schema["description"])
    if schema.get("examples"):
        parts.append(f"for example {json.dumps(schema['examples'][0], ensure_ascii=False)}")
    return f" ({', '.join(parts)})" if parts else ""


_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of keys to values",
    "boolean": "true or false",
    "number": "a number",
    "integer": "a whole number",
    "null": "empty",
}


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "nothing"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _messages(error: jsonschema.ValidationError) -> Iterable[tuple[tuple, str]]:
    path = tuple(error.absolute_path)
    name = field_name(path)
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    if kind == "required":
        missing = error.message.split("'")[1]
        sub = schema.get("properties", {}).get(missing, {})
        yield (
            path,
            f"missing required field '{missing}'{_hint(sub)}: add it to {field_name(path) if path else 'the front matter'}",
        )
    elif kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        assert isinstance(error.instance, dict), "only a mapping has properties"
        for key in sorted(set(error.instance) - set(allowed)):
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            tip = f"did you mean '{close[0]}'?" if close else f"the known fields are: {', '.join(allowed)}"
            if not close and path[-2:-1] == ("translations",):
                tip = (
                    f"a translation gives only {', '.join(schema['properties'])}; "
                    f"'{key}' is the entry's own, the same in every language"
                )
            yield path + (key,), f"unknown field '{key}': {tip}"
    elif kind == "type":
        expected = schema["type"]  # what failed
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
        yield path, f"'{name}' must be {wanted}, not {_describe(error.instance)}{_hint(schema)}"
    elif schema.get("format") == "date" and kind in ("format", "pattern"):
        yield path, f"'{name}' must be a real date written YYYY-MM-DD, not '{error.instance}'"
    elif kind == "pattern":
        # A list item or value; through propertyNames, a key (of a data file, or of a mapping such as
        # 'readings'), and then the path is the mapping's.
        if "propertyNames" in error.absolute_schema_path:
            where, what = path + (error.instance,), f"a key of '{name}'" if path else "a key"
        else:
            where, what = path, f"'{name}'"
        yield where, f"{what} must be {schema.get('description', 'valid')}, not '{error.instance}'"
    elif kind == "enum":
        options = schema["enum"]
        close = difflib.get_close_matches(str(error.instance), [str(o) for o in options], n=1)
        tip = f"; did you mean '{close[0]}'?" if close else ""
        yield path, f"'{name}' must be one of: {', '.join(map(str, options))}, not '{error.instance}'{tip}"
    elif kind == "anyOf":
        yield from _alternatives(error, path, name)
    elif kind in ("minLength", "minItems", "minProperties"):
        yield path, f"'{name}' must not be empty{_hint(schema)}"
    elif kind == "uniqueItems":
        yield path, f"'{name}' lists the same entry twice: remove the repeat"
    else:  # pragma: no cover - every keyword the schemas use is handled above
        yield path, f"'{name}': {error.message}"


def _alternatives(error: jsonschema.ValidationError, path: tuple, name: str) -> Iterable[tuple[tuple, str]]:
    """A value matching none of several shapes (a status, or a mapping with a status): the problems of the
    shapes of the value's own type, or, if it has none of their types, what the value may be."""
    by_shape: dict[str | int, list[jsonschema.ValidationError]] = {}
    for sub in error.context:
        by_shape.setdefault(sub.relative_schema_path[0], []).append(sub)
    fitting = [
        sub
        for subs in by_shape.values()
        if not any(s.validator == "type" and not s.relative_path for s in subs)
        for sub in subs
    ]
    if not fitting:
        schema = error.schema if isinstance(error.schema, dict) else {}
        yield path, f"'{name}' must be {schema.get('description', 'valid')}, not {_describe(error.instance)}"
    for sub in fitting:
        yield from _messages(sub)
