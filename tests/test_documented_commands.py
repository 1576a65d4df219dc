"""Every command that README.md, CONTRIBUTING.md and the authors' guide show runs as written.

What counts as a command:

- each line of a ```sh code block (a line ending in `\\` goes on over the next; `#` starts a comment);
- inline code that starts with `briefings `, `.venv/bin/briefings `, `pre-commit ` or `script/` and a name.
  Inline code that is only the name of a command needing arguments (`briefings new actor`) names the command
  rather than running it: it is run with `--help`, which fails if there is no such command.

Code in other blocks (```text for a synopsis or an output, ```yaml, ```markdown) is not a command, nor is
inline code saying what a script or CI runs (`mkdocs build --strict`).

The `briefings` commands (`.venv/bin/briefings` alike) run in a copy of the project, one copy per document,
in the document's order, through the command line's own function in this process (a process for each would
cost a second or so each), and each must exit with status 0. The others serve, install or take minutes:
`NOT_RUN` lists them with the reason, and the test asserts the documents show exactly those, so that a new
command cannot slip through unrun.
"""

from __future__ import annotations

import re
import shlex
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, briefings_here, copy_project

DOCUMENTS = ("README.md", "CONTRIBUTING.md", "docs/write-a-brief.md")

NOT_RUN = {
    "script/setup": "installs the requirements into .venv",
    "script/setup --dev": "installs the requirements and Lighthouse",
    "script/server": "serves until stopped",
    "script/server --lang fr": "serves until stopped; test_preview.py serves French through BRIEFINGS_PREVIEW_LANGUAGE, "
    "which the option sets",
    "script/build": "builds the whole site; the tests build copies of it",
    "script/build --without-cache": "builds the whole site; test_incremental.py builds without the cache "
    "through BRIEFINGS_WITHOUT_CACHE, which the option sets",
    "script/test": "the test suite itself",
    "script/test -k browser -x": "a part of the test suite",
    "script/validator": "installs Java and the Nu HTML Checker",
    "script/hugo": "installs Hugo, the benchmark's peer",
    "script/screenshots": "takes minutes, in Chromium",
    "script/bench": "takes minutes",
    "script/vendor-stemmers": "rewrites the browser's stemmers from node_modules (tests/test_search.py runs it with --check)",
    "script/bench --briefs 100 --runs 2": "takes minutes",
    "script/bench --growth 4000 --json out.json": "takes about ten minutes",
    "script/bench --briefs 1000 --runs 1 --edits 5": "takes minutes",
    "script/bench --briefs 1000 --no-search --edits 5": "takes minutes",
    "script/bench --languages one": "takes minutes",
    "pre-commit install": "changes the repository's git hooks",
    "python3 -m http.server 8000 --directory site-preview": "serves until stopped",
}

_SH_BLOCK = re.compile(r"^([ \t]*)```sh\n(.*?)^\1```", re.M | re.S)
_ANY_BLOCK = re.compile(r"^([ \t]*)```.*?^\1```", re.M | re.S)
_INLINE = re.compile(r"`([^`]+)`")
_INLINE_COMMAND = re.compile(r"(?:\.venv/bin/)?briefings |pre-commit |script/\w")


def command_names() -> set[str]:
    """The commands that need arguments, which inline code may name without running."""
    from briefings.kinds import KINDS

    return {
        "briefings new",
        "briefings new brief",
        "briefings list",
        "briefings move",
        "briefings rename",
        "briefings diff",
    } | {f"briefings new {k.name}" for k in KINDS}


def documented_commands(text: str) -> list[str]:
    """The commands a document shows, in its order, each on one line as a shell would read it."""
    found: list[tuple[int, str]] = []
    for block in _SH_BLOCK.finditer(text):
        lines = textwrap.dedent(block.group(2)).replace("\\\n", " ").splitlines()
        for line in lines:
            words = shlex.split(line, comments=True)
            if words:
                found.append((block.start(), shlex.join(words)))
    outside = _ANY_BLOCK.sub(lambda m: " " * len(m.group(0)), text)
    for code in _INLINE.finditer(outside):
        command = " ".join(code.group(1).split())
        if _INLINE_COMMAND.match(command):
            named = command.removeprefix(".venv/bin/") in command_names()
            found.append((code.start(), command + " --help" if named else command))
    return [command for _, command in sorted(found, key=lambda item: item[0])]


def test_the_documents_show_only_briefings_commands_and_those_not_run():
    shown = {command for document in DOCUMENTS for command in documented_commands((ROOT / document).read_text("utf-8"))}
    others = {command for command in shown if not _is_briefings(command)}
    assert others == set(NOT_RUN), "a command is neither a 'briefings' command nor listed in NOT_RUN with why"


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_briefings_command_a_document_shows_runs_as_written(document: str, tmp_path: Path):
    project = copy_project(tmp_path / "project")
    commands = [c for c in documented_commands((ROOT / document).read_text("utf-8")) if _is_briefings(c)]
    assert commands
    for command in commands:
        done = briefings_here(*shlex.split(command)[1:], cwd=project)
        assert done.returncode == 0, f"{document}: '{command}' exited with {done.returncode}:\n{done.output}"
        assert "Traceback" not in done.output


def _is_briefings(command: str) -> bool:
    return command.split()[0] in ("briefings", ".venv/bin/briefings")
