"""The data files: each kind's entries read, validated against its schema and built into entities, and the
references between entries (an indicator's actors, a region's parent) checked."""

from __future__ import annotations

from typing import Any, Iterator

from . import schema
from .kinds import BY_FOLDER, EntityKind
from .model import Entity
from .problems import Problems
from .yamldoc import YamlDocument, parse_yaml


class AnyId(frozenset):
    """The ids of a data file that could not be read: every id passes, so one broken file does not make
    every reference to it an error as well."""

    def __contains__(self, item: object) -> bool:
        return True


def read_data_file(
    kind: EntityKind, text: str | None, rel: str, problems: Problems
) -> tuple[dict[str, Entity], Any, YamlDocument | None]:
    """A kind's valid entities; every id its data file defines (valid or not) with its name and aliases, or
    `AnyId` if the file is unreadable; and the file as a document, when readable."""
    doc = parse_yaml(text, rel, problems) if text is not None else None
    if doc is None:
        return (
            {},
            AnyId(),
            None,
        )  # unreadable: every reference to it passes, so one error is not reported a hundred times
    if doc.value is None:
        doc.value = {}
    wrong = schema.validate(
        doc, kind.folder, problems, names_an_entity=lambda path: len(path) in (2, 3) and path[1] in kind.references
    )
    if not isinstance(doc.value, dict) or () in wrong:
        return {}, AnyId(), None
    bad = {where[0] for where in wrong}
    entities = {
        entity_id: kind.build(entity_id, value, doc.locate((entity_id,)))
        for entity_id, value in doc.value.items()
        if entity_id not in bad
    }
    return entities, {entity_id: kind.names(value) for entity_id, value in doc.value.items()}, doc


def check_references(
    kind: EntityKind, doc: YamlDocument, entities: dict[str, Entity], known: dict, problems: Problems
) -> None:
    """Every id an entry names (valid or not: an id written wrong is told what to write) is defined, and is not
    the entry's own; an entity within another (a region's parent) does not end up within itself."""
    for entity_id, entry in doc.value.items():
        for field_name, folder in kind.references.items():
            target = BY_FOLDER[folder]
            for where, other in referenced(entry, field_name):
                if other not in known[folder]:
                    problems.error(
                        doc.locate((entity_id, field_name, *where)),
                        target.unknown(other, known[folder]),
                        causes=(target.data_file,),
                    )
                elif folder == kind.folder and other == entity_id:
                    problems.error(
                        doc.locate((entity_id, field_name, *where)),
                        f"the {kind.name} '{entity_id}' names itself in '{field_name}': "
                        "name another one or remove the field",
                    )
    if kind.nests:
        _check_nesting(kind, entities, doc, problems)


def _check_nesting(kind: EntityKind, entities: dict[str, Entity], doc: YamlDocument, problems: Problems) -> None:
    parents = {
        i: value.get(kind.nests)
        for i, value in doc.value.items()
        if i in entities and isinstance(value.get(kind.nests), str)
    }
    for entity_id in parents:
        seen, current = [entity_id], parents[entity_id]
        while current in parents and current not in seen:
            seen.append(current)
            current = parents[current]
        if current == entity_id and len(seen) > 1:
            circle = " → ".join([*seen, entity_id])
            problems.error(
                doc.locate((entity_id, kind.nests)),
                f"the {kind.name} '{entity_id}' ends up within itself ({circle}): change one '{kind.nests}'",
            )


def referenced(entry: Any, field_name: str) -> Iterator[tuple[tuple, str]]:
    """The ids a data entry's field holds, each with where it is within the field: a list of ids, or one."""
    value = entry.get(field_name) if isinstance(entry, dict) else None
    if isinstance(value, str):
        yield (), value
    elif isinstance(value, list):
        yield from (((n,), other) for n, other in enumerate(value) if isinstance(other, str))
