"""The data files: each kind's entries read, validated against its schema and built into entities, and the
references between entries (an indicator's actors, a region's parent) checked."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from . import languages, schema
from .kinds import BY_FOLDER, EntityKind, folded
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
    wrong = schema.validate(doc, kind.folder, problems, names_an_entity=lambda path: _told_apart(kind, path))
    if not isinstance(doc.value, dict) or () in wrong:
        return {}, AnyId(), None
    bad = {where[0] for where in wrong} | check_translations(kind, doc, problems)
    entities = {
        entity_id: kind.build(entity_id, value, doc.locate((entity_id,)))
        for entity_id, value in doc.value.items()
        if entity_id not in bad
    }
    return entities, {entity_id: kind.names(value) for entity_id, value in doc.value.items()}, doc


def _told_apart(kind: EntityKind, path: tuple) -> bool:
    """Whether a value at `path` not written as the schema's pattern wants is told apart by a check here:
    an id of another entity (did you mean), or a language code of `translations`."""
    return (len(path) in (2, 3) and path[1] in kind.references) or path[1:] == ("translations",)


def check_translations(kind: EntityKind, doc: YamlDocument, problems: Problems) -> set[str]:
    """Each entry's translations are in declared languages other than the default, and an indicator's translated
    signals are its own, one for one; returns the ids of the entries whose translations are wrong."""
    declared = languages.declared()
    wrong: set[str] = set()
    for entity_id, entry in doc.value.items():
        translations = entry.get("translations") if isinstance(entry, dict) else None
        for code, given in translations.items() if isinstance(translations, dict) else ():
            where = (entity_id, "translations", code)
            if code == languages.DEFAULT:
                problems.error(
                    doc.locate(where),
                    f"'{code}' is the default language: the {kind.name}'s own fields are its text in "
                    f"{declared[code].name}; remove '{code}' from its translations",
                )
            elif code not in declared:
                problems.error(doc.locate(where), unknown_language(code, f"the translations of '{entity_id}'"))
            elif isinstance(given, dict) and isinstance(given.get("signals"), dict):
                _check_signals(kind, doc, entity_id, code, given["signals"], problems)
                continue
            else:
                continue
            wrong.add(entity_id)
    return wrong


def unknown_language(code: object, where: str, *, default: bool = False) -> str:
    """`unknown language 'fre' in …: did you mean 'fr'?`, or the languages there are (the default among them
    where it may be written)."""
    declared = {c: language for c, language in languages.declared().items() if default or c != languages.DEFAULT}
    written = str(code).strip().casefold()
    by_text = {c: c for c in declared} | {_folded_name(language.name): c for c, language in declared.items()}
    close = [by_text[t] for t in difflib.get_close_matches(_folded_name(written), list(by_text), n=1, cutoff=0.6)]
    close += [c for c in declared if len(written) > 2 and written.startswith(c)]  # "french", "arabic", "farsi"
    if close:
        return f"unknown language '{code}' in {where}: did you mean '{close[0]}'?"
    known = ", ".join(f"{c} ({language.name})" for c, language in declared.items())
    return f"unknown language '{code}' in {where}: the languages are {known}"


def _folded_name(text: str) -> str:
    return folded(text) or text.casefold()


def _check_signals(
    kind: EntityKind, doc: YamlDocument, entity_id: str, code: str, signals: dict, problems: Problems
) -> None:
    """A translation of an indicator's signals gives the same observations, one for one, in the same order."""
    own = doc.value[entity_id].get("signals")
    own = own if isinstance(own, dict) else {}
    for side, observations in signals.items():
        if not isinstance(observations, list):
            continue
        where = doc.locate((entity_id, "translations", code, "signals", side))
        mine = own.get(side) if isinstance(own.get(side), list) else []
        if not mine:
            problems.error(
                where,
                f"the {kind.name} '{entity_id}' has no '{side}' signals to translate: "
                f"remove '{side}' from its '{code}' translation, or add them to the {kind.name} first",
            )
        elif len(observations) != len(mine):
            problems.error(
                where,
                f"the '{code}' translation gives {len(observations)} '{side}' signal(s) where the {kind.name} "
                f"'{entity_id}' gives {len(mine)}: translate each of them, in the same order",
            )


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
