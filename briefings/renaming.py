"""`briefings rename`: an entity's id changed without breaking its addresses, in its data file, the entries naming
it, the briefs' front matter and macro calls, and the links to its pages; with a redirect from its page and its
feed (the editing and the redirects are those of `briefings.moving`)."""

from __future__ import annotations

from typing import Any

from . import schema
from .calls import read_calls
from .datafiles import AnyId
from .kinds import KINDS, EntityKind
from .moving import (
    Addresses,
    Outcome,
    TextFile,
    body_of,
    project_pages,
    record_redirects,
    redirects_document,
    rewrite_links,
)
from .problems import Problems
from .project import Project
from .scaffold import ScaffoldError, data_entries
from .urls import feed_path_of, page_url
from .yamldoc import YamlDocument, parse_yaml


def rename_entity(project: Project, kind: EntityKind, old: str, new: str) -> Outcome:
    """Rename an entity: its key in its data file, every reference from other entries, every brief's front
    matter and macro calls, and the links to its pages; then record redirects from its page and its feed.
    If the data file already has the new id and not the old, only the rest is done."""
    outcome = Outcome()
    entries = data_entries(project, kind)
    if new in entries and old in entries:
        raise ScaffoldError(
            f"{kind.data_file} already has {kind.a_name} '{new}': choose another id, or merge the two entries by hand"
        )
    if old not in entries and new not in entries:
        raise ScaffoldError(kind.unknown(old, entries))
    already = old not in entries
    problems = Problems()
    data_file = project.file(kind.data_file)
    own = TextFile(data_file, kind.data_file)
    doc = parse_yaml(own.text, kind.data_file, problems)
    assert doc is not None, "data_entries read it without errors"
    if not already:
        schema.validate(YamlDocument({new: doc.value[old]}, kind.data_file), kind.folder, problems)
        if problems.errors:
            raise ScaffoldError(
                f"'{new}' cannot be {kind.a_name}'s id: " + "; ".join(p.message for p in problems.errors)
            )
        own.replace_scalar(doc.locate((old,)), old, new)
    files: dict[str, TextFile] = {kind.data_file: own}
    for other in KINDS:
        fields = [name for name, folder in other.references.items() if folder == kind.folder]
        if not fields:
            continue
        file = files.get(other.data_file) or TextFile(project.file(other.data_file), other.data_file)
        other_doc = doc if other is kind else parse_yaml(file.text, other.data_file, problems)
        if other_doc is not None:
            for entity_id, entry in (other_doc.value or {}).items():
                for name in fields:
                    values = entry.get(name) if isinstance(entry, dict) else None
                    for n, value in enumerate(values if isinstance(values, list) else []):
                        if value == old:
                            file.replace_scalar(other_doc.locate((entity_id, name, n)), old, new)
        files[other.data_file] = file
    if problems.errors:  # a data file that may name the entity cannot be read: its references would stay behind
        raise ScaffoldError(f"{problems.errors[0]}: fix it first (briefings check)")
    edited = [
        (file, f"renamed '{old}' to '{new}' in {rel} ({len(file.edits)} place{'s' * (len(file.edits) != 1)})")
        for rel, file in files.items()
        if file.changed
    ]
    old_page, new_page = f"{kind.folder}/{old}.md", f"{kind.folder}/{new}.md"
    old_feed, new_feed = feed_path_of(kind.folder, old), feed_path_of(kind.folder, new)
    moved = Addresses({old_page: new_page, old_feed: new_feed})
    for path, src_uri in project_pages(project):
        page = TextFile(path, project.relative(path))
        count = _rename_in_page(page, kind, old, new)
        links = rewrite_links(page, src_uri, moved)
        if page.changed:
            done = [f"{count} place{'s' * (count != 1)}"] if count else []
            done += [f"{links} link{'s' * (links != 1)}"] if links else []
            edited.append((page, f"renamed '{old}' to '{new}' in {page.rel} ({', '.join(done)})"))
    redirects_document(project)  # every file read and the redirects readable: only now is anything changed
    for file, message in edited:
        file.save()
        outcome.say(message)
    if already:
        outcome.say(f"{kind.data_file} already has '{new}'")
    record_redirects(project, [(page_url(old_page), page_url(new_page)), (old_feed, new_feed)], outcome)
    return outcome


def _rename_in_page(page: TextFile, kind: EntityKind, old: str, new: str) -> int:
    """Rename the id in a page's front matter (its kind's list, and where briefs judge entities of the kind)
    and its macro calls. Returns how many places changed."""
    front, body, body_line = body_of(page.text)
    before = len(page.edits)
    problems = Problems()
    doc = parse_yaml(front, page.rel, problems, first_line=2) if front is not None else None
    if doc is not None and isinstance(doc.value, dict):
        for where in ((kind.folder,), *kind.judged_in):
            value: Any = doc.value
            for key in where:
                value = value.get(key) if isinstance(value, dict) else None
            if isinstance(value, list):
                for n, item in enumerate(value):
                    if item == old:
                        page.replace_scalar(doc.locate((*where, n)), old, new)
            elif isinstance(value, dict) and old in value:
                page.replace_scalar(doc.locate((*where, old)), old, new)
    if "{{" in body and not (
        doc is not None and isinstance(doc.value, dict) and doc.value.get("render_macros") is False
    ):
        # (A page with `render_macros: false` shows macro syntax as written: it holds no call.)
        every_id = {other.folder: AnyId() for other in KINDS}
        for call in read_calls(body, page.rel, body_line, Problems(), every_id).references:
            if call.folder == kind.folder and call.id == old:
                page.replace(page.offset(call.location), old, new)
    return len(page.edits) - before
