"""Hostile and mistaken input, each through `briefings check` and a real strict build, which must agree.

A refused input must fail both with a message naming its file and line, no Python traceback, nothing
published and no temporary folder left behind; an accepted one must pass both and show as written.

To keep the table fast, cases write their own files (their own brief, their own data entry) into a copy
of the project they share, which is checked and built once: each case then finds its own problem at its
own line, and in the main shared copy no problem may be reported that no case asked for. A case that makes
a whole file unreadable, or is large (an alias bomb, deep nesting, a 5 MB brief, 2,000 actors), gets a
copy of its own. Every check, and every build that refuses its input, must take under 10 seconds of processor
time (its processes', so that a loaded machine does not fail it; a runaway is still caught), and
runs under a limit on memory. No case is about the languages: the copies are of the example in English only
(conftest.in_one_language), a third of the pages to build.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import CheckAndBuild, briefings, copy_project, mkdocs_build, soup

pytestmark = pytest.mark.heavy  # scheduled first (conftest.py)

#: Checking any input, and refusing it in a build, takes less than this...
SECONDS = 10
#: ...and within this much address space (a real build needs a few hundred megabytes).
MEMORY = 2 * 1024**3

BRIEF = """\
---
title: A brief for the hostile table
date: 2026-06-01
summary: One sentence.
actors: [qatar, iran]
indicators: [talks-direct]
---

## What happened

The hosts in {{ actor("qatar") }} kept the channel open.

## Who gains leverage

Text.

## What mechanism is operating

Text.

## Why it matters

PAYLOAD

## What to watch next

Watch {{ indicator("talks-direct") }}.
"""


@dataclass(frozen=True)
class Where:
    """Where a refused input's problem must be reported."""

    path: str
    line: int


@dataclass(frozen=True)
class Shown:
    """Where an accepted input must show, exactly as written."""

    url: str  # the page, e.g. "actors/qatar/"
    text: str


Write = Callable[[Path, str], "Where | Shown"]  # (project, a slug unique to the case) -> what to expect


#: Cases of one group are written into one project, checked and built once; a case of no group (None) gets a
#: project of its own: it makes a whole file unreadable, or is large.
SHARED = "shared"
HUGE_TEXT = "huge text"


@dataclass(frozen=True)
class Refused:
    name: str
    write: Write
    message: str  # a fragment of the message reported at that line
    group: str | None = SHARED


@dataclass(frozen=True)
class Accepted:
    name: str
    write: Write
    group: str | None = SHARED


def slug_of(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def line_of(text: str, marker: str) -> int:
    assert marker in text, f"{marker!r} is not in the text written"
    return text[: text.index(marker)].count("\n") + 1


# -- writing the cases -----------------------------------------------------------------------------------------


def brief(old: str, new: str, *, at: str | None = None, encode: Callable[[str], bytes] = str.encode) -> Write:
    """A brief of its own with `old` replaced by `new`; the problem is on the line of `at` (default: `new`)."""

    def write(project: Path, slug: str) -> Where:
        assert old in BRIEF
        text = BRIEF.replace(old, new)
        path = f"docs/briefs/2026/{slug}.md"
        (project / path).write_bytes(encode(text))
        return Where(path, line_of(text, at or new))

    return write


def body(payload: str, at: str | None = None) -> Write:
    return brief("PAYLOAD", payload, at=at)


def front(field: str, at: str | None = None) -> Write:
    """A brief with one more line of front matter."""
    return brief("indicators: [talks-direct]\n", f"indicators: [talks-direct]\n{field}\n", at=at or field)


def page(text: str, at: str) -> Write:
    """A hand-written page of its own."""

    def write(project: Path, slug: str) -> Where:
        path = f"docs/{slug}.md"
        (project / path).write_text(text, "utf-8")
        return Where(path, line_of(text, at))

    return write


def data(file: str, entry: str, at: str) -> Write:
    """An entry appended to a data file; `{id}` in it becomes an id unique to the case."""

    def write(project: Path, slug: str) -> Where:
        path = project / file
        existing = path.read_text("utf-8")
        text = entry.replace("{id}", slug)
        path.write_text(existing + text, "utf-8")
        return Where(file, existing.count("\n") + line_of(text, at.replace("{id}", slug)))

    return write


def actor(fields: str, at: str) -> Write:
    return data("data/actors.yml", "{id}:\n  name: Someone\n  kind: group\n  summary: Someone.\n" + fields, at)


def indicator(fields: str, at: str) -> Write:
    return data("data/indicators.yml", "{id}:\n  name: Something\n  summary: Something.\n" + fields, at)


def symlink(name: str, target: str) -> Write:
    """A link under docs/ to `target`: a file or folder (ending in /) beside the project, or an absolute path."""

    def write(project: Path, slug: str) -> Where:
        outside = Path(target) if target.startswith("/") else project.parent / "outside" / target
        if not outside.exists():
            folder = outside if target.endswith("/") else outside.parent
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "secret.md").write_text("# A secret of the machine\n", "utf-8")
        link = project / "docs" / name.format(slug=slug)
        link.symlink_to(outside)
        return Where(link.relative_to(project).as_posix(), 1)

    return write


def static(name: str, content: str) -> Write:
    """A file under docs/ that is not a Markdown page."""

    def write(project: Path, slug: str) -> Where:
        path = f"docs/{name.format(slug=slug)}"
        (project / path).write_text(content, "utf-8")
        return Where(path, 1)

    return write


def replaced(file: str, transform: Callable[[bytes], bytes], shown: Shown) -> Write:
    """A file of the project, transformed as a byte string (another encoding, other line endings)."""

    def write(project: Path, slug: str) -> Shown:
        path = project / file
        path.write_bytes(transform(path.read_bytes()))
        return shown

    return write


def accepted_brief(old: str, new: str, title: str, *, encode: Callable[[str], bytes] = str.encode) -> Write:
    """A brief of its own, with `old` replaced by `new`, whose page must show `title`."""

    def write(project: Path, slug: str) -> Shown:
        text = BRIEF.replace("A brief for the hostile table", title).replace(old, new)
        (project / f"docs/briefs/2026/{slug}.md").write_bytes(encode(text))
        return Shown(f"briefs/2026/{slug}/", title)

    return write


def new_entity(folder: str, name: str, fields: str = "") -> Write:
    """An entity of its own called `name`, in data/<folder>.yml: its page must show the name as written."""

    def write(project: Path, slug: str) -> Shown:
        with (project / f"data/{folder}.yml").open("a", encoding="utf-8") as file:
            file.write(f"{slug}:\n  name: {json.dumps(name)}\n  summary: Something.\n{fields}")
        return Shown(f"{folder}/{slug}/", name)

    return write


def new_actor(name: str) -> Write:
    return new_entity("actors", name, "  kind: group\n")


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """The 'billion laughs': each alias repeats the one before `width` times."""
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * width)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def replace_file(file: str, text: str, at: str) -> Write:
    def write(project: Path, slug: str) -> Where:
        (project / file).write_text(text, "utf-8")
        return Where(file, line_of(text, at))

    return write


def bomb_in_front_matter(project: Path, slug: str) -> Where:
    bomb = alias_bomb().replace("\n", "\n  ").rstrip()
    text = BRIEF.replace("indicators: [talks-direct]\n", f"indicators: [talks-direct]\nsearch:\n  {bomb}\n")
    path = f"docs/briefs/2026/{slug}.md"
    (project / path).write_text(text, "utf-8")
    return Where(path, line_of(text, "*lol0"))


def big_brief(project: Path, slug: str) -> Shown:
    """A 5 MB brief: long, but nothing wrong with it."""
    paragraph = "The talks went on, and each side weighed what the other might concede next. " * 20 + "\n\n"
    text = BRIEF.replace("A brief for the hostile table", "A very long brief")
    text = text.replace("PAYLOAD", paragraph * (5_000_000 // len(paragraph)))
    (project / f"docs/briefs/2026/{slug}.md").write_text(text, "utf-8")
    return Shown(f"briefs/2026/{slug}/", "A very long brief")


def many_actors(project: Path, slug: str) -> Shown:
    """2,000 more actors, each with a page (and a warning, since no brief names them)."""
    entries = "".join(
        f"{slug}-{n}:\n  name: Actor number {n}\n  kind: group\n  summary: Actor {n}.\n" for n in range(2000)
    )
    with (project / "data/actors.yml").open("a", encoding="utf-8") as file:
        file.write(entries)
    return Shown(f"actors/{slug}-1999/", "Actor number 1999")


# -- the table -------------------------------------------------------------------------------------------------

REFUSED = [
    # Every way into the template engine: the text may call macros, and nothing else.
    Refused(
        "class of a string in the text", body("{{ ''.__class__.__mro__[1].__subclasses__() }}"), "is not a macro call"
    ),
    Refused("configuration in the text", body("{{ config.config_file_path }}"), "is not a macro call"),
    Refused("template environment in the text", body("{{ environment }}"), "is not a macro call"),
    Refused("undefined variable in the text", body("{{ nobody_defined_this }}"), "is not a macro call"),
    Refused("globals of a macro in the text", body("{{ actor.__globals__ }}"), "is not a macro call"),
    Refused("filter on a macro in the text", body('{{ actor("qatar") | safe }}'), "is not a macro call"),
    Refused("include of a system file", body("{% include '/etc/passwd' %}"), "is not allowed"),
    Refused("import of a module", body("{% import 'os' as os %}"), "is not allowed"),
    Refused("statement with whitespace control", body("{%- set x = 1 -%}"), "is not allowed"),
    Refused("macro argument that is an expression", body("{{ actor(config) }}"), "must be literal text"),
    Refused(
        "template syntax on a hand-written page",
        page("# A page\n\n{{ config.config_file_path }}\n", "{{"),
        "is not a macro call",
    ),
    Refused(
        "summary variable in a title",
        brief("title: A brief for the hostile table", "title: The {{ summary }}"),
        "'title' contains '{{'",
    ),
    Refused(
        "include in a summary",
        brief("summary: One sentence.", "summary: \"{% include '/etc/passwd' %}\""),
        "'summary' contains '{%'",
    ),
    Refused("expression in a tag", front('tags: ["{{ 7*7 }}"]'), "'tags[1]' contains '{{'"),
    Refused("comment in a region", front('regions: ["{## hidden ##}"]'), "'regions[1]' contains '{##'"),
    Refused("expression in an author", front('authors: ["{{ self }}"]'), "'authors[1]' contains '{{'"),
    Refused(
        "expression in a source title",
        front(
            'sources:\n  - title: "{{ cycler.__init__.__globals__.os }}"\n    url: https://example.org/a', "  - title"
        ),
        "'sources[1].title' contains '{{'",
    ),
    Refused(
        "template syntax in a source address",
        front("sources:\n  - title: A source\n    url: https://example.org/{{ 7*7 }}", "    url"),
        "'sources[1].url' contains '{{'",
    ),
    Refused(
        "template syntax in a page's title",
        page('---\ntitle: "{{ config }}"\n---\n\n# A page\n', "title"),
        "'title' contains '{{'",
    ),
    Refused(
        "expression in a reading's note",
        front('readings:\n  talks-direct: {status: steady, note: "{{ 7*7 }}"}', "  talks-direct"),
        "'readings.talks-direct.note' contains '{{'",
    ),
    Refused("template key in a brief", front("template: ../../../../etc/passwd"), "unknown field 'template'"),
    Refused(
        "template key on a hand-written page",
        page("---\ntemplate: ../../../../etc/passwd\n---\n\n# A page\n", "template"),
        "unknown field 'template'",
    ),
    # Raw HTML, event handlers and addresses that run code.
    Refused(
        "script element", body("<SCRIPT SRC=https://example.org/x.js></SCRIPT>"), "raw HTML <script> is not allowed"
    ),
    Refused("image with an error handler", body('<img src=x onerror="alert(1)">'), "raw HTML <img> is not allowed"),
    Refused(
        "event handler on an allowed element",
        body('<b onmouseover="alert(1)">bold</b>'),
        "the attribute 'onmouseover' of <b> is not allowed",
    ),
    Refused("style on an allowed element", body('<em style="position:fixed">x</em>'), "the attribute 'style' of <em>"),
    Refused("frame", body('<iframe srcdoc="<script>alert(1)</script>"></iframe>'), "raw HTML <iframe> is not allowed"),
    Refused("svg with an onload handler", body("<svg onload=alert(1)>"), "raw HTML <svg> is not allowed"),
    Refused("javascript link in mixed case", body("[x](JaVaScRiPt:alert(1))"), "a link to a javascript: address"),
    Refused(
        "javascript link hidden by an entity", body("[x](java&#x09;script:alert(1))"), "a link to a javascript: address"
    ),
    Refused("data address as an image", body("![x](data:text/html;base64,PHNjcmlwdD4=)"), "a link to a data: address"),
    Refused(
        "vbscript reference link", body("[x][y]\n\n[y]: vbscript:msgbox(1)", at="[y]:"), "a link to a vbscript: address"
    ),
    Refused("javascript autolink", body("<javascript:alert(1)>"), "a link to a javascript: address"),
    Refused(
        "javascript address in sources",
        front("sources:\n  - title: A source\n    url: javascript:alert(1)", "    url"),
        "'sources[1].url' must be an http:// or https:// address",
    ),
    Refused(
        "javascript address in an actor's links",
        actor("  links:\n    - title: Further\n      url: javascript:alert(1)\n", "      url"),
        "must be an http:// or https:// address",
    ),
    # YAML that is not data.
    Refused(
        "python object in a data file",
        actor('  region: !!python/object/apply:os.system ["id"]\n', "  region"),
        "the YAML tag !!python/object/apply:os.system is not allowed",
    ),
    Refused(
        "python name in front matter",
        front("regions:\n  - !!python/name:os.system ''", "  - !!"),
        "the YAML tag !!python/name:os.system is not allowed",
    ),
    Refused(
        "tag of no standard",
        indicator("  signals: !set {advancing: [x]}\n", "  signals"),
        "the YAML tag !set is not allowed",
    ),
    Refused("tab indentation in a data file", actor("\tregion: Gulf\n", "\tregion"), "malformed YAML", group=None),
    Refused(
        "control character in front matter",
        front('regions: ["bell \x07"]', "regions"),
        "the invisible character U+0007 is not allowed",
    ),
    # Encodings and dates.
    Refused(
        "brief in Latin-1",
        brief("Text.", "Caf\u00e9 text.", encode=lambda t: t.encode("latin-1")),
        "not UTF-8 text (byte 0xe9)",
    ),
    Refused("impossible month", brief("date: 2026-06-01", "date: 2026-13-01"), "'date' must be a real date"),
    Refused("year zero", brief("date: 2026-06-01", "date: 0000-01-01"), "'date' must be a real date"),
    Refused("date with a time", brief("date: 2026-06-01", "date: 2026-06-01T10:00:00"), "'date' must be a real date"),
    Refused("leap day of a common year", front("updated: 2027-02-29"), "'updated' must be a real date"),
    Refused(
        "HTML after a stray backtick",
        body("A stray ` tick.\n\n<img src=x onerror=alert(1)>\n\nAnother ` tick.", "<img"),
        "raw HTML <img> is not allowed",
    ),
    Refused(
        "HTML between triple backticks, which are no fence here",
        body("```\n\n<img src=x onerror=alert(1)>\n\n```", "<img"),
        "raw HTML <img> is not allowed",
    ),
    Refused(
        "event handler after an escaped backtick",
        body('\\`<b onmouseover="alert(1)">x</b>`'),
        "the attribute 'onmouseover' of <b> is not allowed",
    ),
    # Text that took minutes to check, before the check read it in linear time.
    Refused("20,000 unclosed template expressions", body("{{ " * 20_000), "is not a macro call", group=HUGE_TEXT),
    Refused("20,000 unclosed statements", body("{% " * 20_000), "is not allowed", group=HUGE_TEXT),
    Refused(
        "a script before 20,000 unclosed tags",
        body("<script></script>\n" + "<b " * 20_000, "<script>"),
        "raw HTML <script> is not allowed",
        group=HUGE_TEXT,
    ),
    Refused("20,000 misspelt house headings", body("## Why it mattrs\n\n" * 20_000), "is misspelt", group=HUGE_TEXT),
    # Files published as they are.
    Refused(
        "web page beside the pages",
        static("{slug}.html", "<script>alert(1)</script>"),
        "a .html file would be published",
    ),
    Refused(
        "svg with a script",
        static("{slug}.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        "a .svg file would be published",
    ),
    Refused("theme template beside the pages", static("main.html", "{{ config.config_file_path }}"), "a .html file"),
    # Files that lead out of the project.
    Refused(
        "link to a file outside the project", symlink("{slug}.md", "secret.md"), "a link to a file outside the project"
    ),
    Refused(
        "link to a folder outside the project", symlink("{slug}", "folder/"), "a link to a file outside the project"
    ),
    Refused("link to a system file", symlink("{slug}.txt", "/etc/passwd"), "a link to a file outside"),
    # Ids.
    Refused(
        "actor id climbing out of its folder",
        data("data/actors.yml", "../{id}:\n  name: N\n  kind: group\n  summary: S.\n", "../"),
        "a key must be an actor id",
    ),
    Refused(
        "actor id in capitals",
        data("data/actors.yml", "Capital-{id}:\n  name: N\n  kind: group\n  summary: S.\n", "Capital"),
        "a key must be an actor id",
    ),
    Refused(
        "actor id with spaces",
        data("data/actors.yml", "an {id}:\n  name: N\n  kind: group\n  summary: S.\n", "an "),
        "a key must be an actor id",
    ),
    Refused(
        "actor id that would replace the actors' list",
        data("data/actors.yml", "index:\n  name: N\n  kind: group\n  summary: S.\n", "index:"),
        "a key must be an actor id",
    ),
    Refused(
        "indicator id that would replace the indicators' list",
        data("data/indicators.yml", "index:\n  name: N\n  summary: S.\n", "index:"),
        "a key must be an indicator id",
    ),
    Refused(
        "mechanism id that would replace the mechanisms' list",
        data("data/mechanisms.yml", "index:\n  name: N\n  summary: S.\n", "index:"),
        "a key must be a mechanism id",
    ),
    Refused(
        "brief naming an id with ../",
        brief("actors: [qatar, iran]", "actors: [qatar, ../iran]"),
        "unknown actor '../iran'",
    ),
    Refused("macro naming an id with ../", body('{{ actor("../qatar") }}'), "unknown actor '../qatar'"),
    Refused(
        "duplicate indicator id",
        data("data/indicators.yml", "talks-direct:\n  name: Again\n  summary: Again.\n", "talks-direct"),
        "duplicate key 'talks-direct'",
    ),
    Refused(
        "actor listed twice in a brief",
        brief("actors: [qatar, iran]", "actors: [qatar, iran, qatar]"),
        "'actors' lists the same entry twice",
    ),
    # Pathological: each in its own project, timed, under a memory limit.
    Refused(
        "alias bomb in a data file",
        replace_file("data/indicators.yml", alias_bomb(), "*lol0"),
        "YAML aliases (*lol0) are not allowed",
        group=None,
    ),
    Refused("alias bomb in front matter", bomb_in_front_matter, "YAML aliases (*lol0) are not allowed", group=None),
    Refused(
        "deep nesting in a data file",
        replace_file("data/indicators.yml", "deep: " + "[" * 10_000 + "]" * 10_000 + "\n", "deep"),
        "nested too deeply",
        group=None,
    ),
]

ACCEPTED = [
    Accepted(
        "byte-order mark before a brief",
        accepted_brief("", "", "A brief after a byte-order mark", encode=lambda t: b"\xef\xbb\xbf" + t.encode()),
    ),
    Accepted(
        "Windows line endings in a brief",
        accepted_brief("", "", "A brief with Windows line endings", encode=lambda t: t.replace("\n", "\r\n").encode()),
    ),
    Accepted("tabs in the text of a brief", accepted_brief("The hosts in", "\tThe hosts\tin", "A brief with tabs")),
    Accepted(
        "byte-order mark before a data file",
        replaced("data/indicators.yml", lambda b: b"\xef\xbb\xbf" + b, Shown("indicators/talks-direct/", "Talks move")),
    ),
    Accepted(
        "Windows line endings in a data file",
        replaced("data/actors.yml", lambda b: b.replace(b"\n", b"\r\n"), Shown("actors/qatar/", "Qatar")),
    ),
    Accepted("template syntax in data shown as written", new_actor("{{ config }} {% include 'x' %} {## y ##}")),
    Accepted(
        "a heading holding a run of 5,000 spaces",
        accepted_brief("PAYLOAD", "## Aside" + " " * 5_000 + "note\n\nText.", "A brief with a wide heading"),
    ),
    Accepted(
        "20,000 autolinks never closed", accepted_brief("PAYLOAD", "<a:" * 20_000, "A brief of unclosed autolinks")
    ),
    Accepted(
        "a run of 5,000 backticks", accepted_brief("PAYLOAD", "`" * 5_000 + " a" * 100_000, "A brief of backticks")
    ),
    Accepted(
        "template syntax in an indicator shown as written",
        new_entity("indicators", "{{ 7*7 }}", "  signals:\n    advancing: [\"{% include 'x' %}\"]\n"),
    ),
    Accepted("template syntax in a mechanism shown as written", new_entity("mechanisms", "{% raw %}{{ x }}")),
    Accepted("a name ending in an attribute list", new_actor('Someone { onclick="window.__xss=1" }')),
    Accepted("a 5 MB brief", big_brief, group=None),
    Accepted("2,000 actors", many_actors, group=None),
]


# -- running them ----------------------------------------------------------------------------------------------


@dataclass
class Trial:
    """One project holding one or more cases, checked and built once."""

    outcome: CheckAndBuild
    expected: dict[str, Where | Shown]  # by case name
    check_seconds: float
    build_seconds: float
    leftovers: list[str]  # anything beside the site folder that a build left behind


class Trials:
    def __init__(self, base: Path):
        self.base = base
        self.done: dict[str, Trial] = {}

    def of(self, case: Refused | Accepted) -> Trial:
        table = REFUSED if isinstance(case, Refused) else ACCEPTED
        name = f"{type(case).__name__} {case.group or case.name}"
        if name not in self.done:
            cases = [c for c in table if c.group == case.group] if case.group else [case]
            self.done[name] = self._run(slug_of(name), cases)
        return self.done[name]

    def _run(self, slug: str, cases: list) -> Trial:
        folder = self.base / slug
        project = copy_project(folder / "project", one_language=True)
        expected = {case.name: case.write(project, slug_of(case.name)) for case in cases}
        site = folder / "site"
        check = briefings("check", cwd=project, memory=MEMORY)
        build = mkdocs_build(project, site, memory=MEMORY)
        leftovers = sorted(p.name for p in folder.iterdir() if p.name not in ("project", "site", "outside"))
        assert check.seconds is not None and build.seconds is not None, "the commands did not say their time"
        return Trial(CheckAndBuild(check, build, site), expected, check.seconds, build.seconds, leftovers)


@pytest.fixture(scope="session")
def trials(tmp_path_factory) -> Trials:
    return Trials(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c.name)
def test_hostile_input_is_refused_at_its_file_and_line(trials: Trials, case: Refused):
    trial = trials.of(case)
    outcome, where = trial.outcome, trial.expected[case.name]
    assert outcome.check.returncode == 1 and outcome.build.returncode == 1, outcome.output
    rows = [row for row in outcome.check_rows if row.startswith(f"{where.path}:{where.line}:")]
    assert any(case.message in row for row in rows), f"expected at {where}: {case.message}\n{outcome.check.stdout}"
    outcome.assert_agree()
    assert not outcome.published and trial.leftovers == []
    assert trial.check_seconds < SECONDS and trial.build_seconds < SECONDS


@pytest.mark.parametrize("case", ACCEPTED, ids=lambda c: c.name)
def test_unusual_but_valid_input_is_published_as_written(trials: Trials, case: Accepted):
    trial = trials.of(case)
    outcome, shown = trial.outcome, trial.expected[case.name]
    assert outcome.check.returncode == 0 and outcome.build.returncode == 0, outcome.output
    outcome.assert_agree()
    assert trial.leftovers == [] and trial.check_seconds < SECONDS
    page = soup(outcome.site / shown.url / "index.html")
    assert shown.text in page.find("h1").get_text()


def test_every_problem_in_the_shared_project_is_one_a_case_asked_for(trials: Trials):
    trial = trials.of(next(c for c in REFUSED if c.group == SHARED))
    places = {f"{where.path}:{where.line}:" for where in trial.expected.values()}
    stray = [row for row in trial.outcome.check_rows if not any(row.startswith(place) for place in places)]
    assert not stray, f"problems no case caused (a case spilt into another, or the project is broken): {stray}"
