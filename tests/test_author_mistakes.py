"""Every kind of author mistake, through `briefings check` and a real strict build, which must agree.

Each case writes one mistake into a copy of the real project, then asserts on what the author gets: the
message with path, line and fix, in both output formats of `check`; the same problems, row by row, from the
build, with the same outcome; no Python traceback; and nothing published.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from briefings.cli import main

from conftest import briefings, check_and_build, soup

BRIEF = "docs/briefs/2026/test-brief.md"
REDIRECTS = "data/redirects.yml"
#: A valid image of one pixel.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)
BODY = """
## What happened

The hosts in {{ actor("qatar") }} kept the channel open.

## Who gains leverage

Text.

## What mechanism is operating

Text.

## Why it matters

Text.

## What to watch next

Watch {{ indicator("talks-direct") }}.
"""
FRONT = """title: A test brief
date: 2026-06-01
summary: One sentence.
actors: [qatar, iran]
indicators: [talks-direct]
"""


def write_brief(project: Path, front: str = FRONT, body: str = BODY, name: str = BRIEF) -> None:
    path = project / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n{body}", "utf-8")


def append(project: Path, data_file: str, text: str) -> int:
    """Append `text` to a file; returns the line number its first line lands on."""
    path = project / data_file
    existing = path.read_text("utf-8")
    path.write_text(existing + text, "utf-8")
    return existing.count("\n") + 1


@dataclass
class Mistake:
    name: str
    make: Callable[[Path], int | None]  # writes the mistake; may return the line it is on
    path: str
    line: int | None  # None: the line `make` returned
    message: str


def front_with(replace: str, by: str) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        assert replace in FRONT
        write_brief(project, FRONT.replace(replace, by))

    return make


def front_plus(extra: str) -> Callable[[Path], None]:
    """The front matter with `extra` lines after its last field (line 7 onwards)."""
    return front_with("indicators: [talks-direct]\n", "indicators: [talks-direct]\n" + extra)


MECHANISM_SECTION = "## What mechanism is operating\n\nText."  # its text is line 19 of the brief


def body_with(replace: str, by: str) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        assert replace in BODY
        write_brief(project, body=BODY.replace(replace, by))

    return make


TRANSLATION = "docs/briefs/2026/test-brief.fr.md"
TRANSLATION_FRONT = """title: Une note d'essai
summary: Une phrase.
"""
FRENCH_BODY = (
    BODY.replace("What happened", "Ce qui s'est passé")
    .replace("Who gains leverage", "Qui gagne en influence")
    .replace("What mechanism is operating", "Quel mécanisme est à l'œuvre")
    .replace("Why it matters", "Pourquoi c'est important")
    .replace("What to watch next", "Ce qu'il faut surveiller")
)


def translation(extra: str = "", body: str = FRENCH_BODY, name: str = TRANSLATION, original: bool = True):
    """The test brief and its French translation, whose front matter has `extra` lines from line 4 on."""

    def make(project: Path) -> None:
        if original:
            write_brief(project)
        write_brief(project, TRANSLATION_FRONT + extra, body, name=name)

    return make


MISTAKES = [
    Mistake(
        "malformed front matter", front_with("title: A test brief", 'title: "A test brief'), BRIEF, 2, "malformed YAML"
    ),
    Mistake(
        "missing required field",
        front_with("summary: One sentence.\n", ""),
        BRIEF,
        2,
        "missing required field 'summary'",
    ),
    Mistake(
        "wrong type",
        front_with("actors: [qatar, iran]", "actors: qatar"),
        BRIEF,
        5,
        "'actors' must be a list, not the text 'qatar'",
    ),
    Mistake(
        "bad date",
        front_with("date: 2026-06-01", "date: 2026-02-30"),
        BRIEF,
        3,
        "'date' must be a real date written YYYY-MM-DD, not '2026-02-30'",
    ),
    Mistake(
        "date in another format",
        front_with("date: 2026-06-01", "date: 1 June 2026"),
        BRIEF,
        3,
        "'date' must be a real date written YYYY-MM-DD",
    ),
    Mistake(
        "updated before date",
        front_with("summary:", "updated: 2026-05-01\nsummary:"),
        BRIEF,
        4,
        "'updated' (2026-05-01) is before 'date' (2026-06-01)",
    ),
    Mistake(
        "correction dated before the brief",
        front_with("summary:", "corrections:\n  - date: 2026-05-01\n    text: The host city was wrong.\nsummary:"),
        BRIEF,
        5,
        "the correction dated 2026-05-01 is before the brief's 'date' (2026-06-01)",
    ),
    Mistake(
        "correction without its text",
        front_with("summary:", "corrections:\n  - date: 2026-06-02\nsummary:"),
        BRIEF,
        5,
        "missing required field 'text'",
    ),
    Mistake(
        "duplicate front matter key",
        front_with("summary:", "title: Another title\nsummary:"),
        BRIEF,
        4,
        "duplicate key 'title' (first defined at line 2)",
    ),
    Mistake(
        "unknown front matter key",
        front_with("actors:", "actor: [qatar]\nactors:"),
        BRIEF,
        5,
        "unknown field 'actor': did you mean 'actors'?",
    ),
    Mistake(
        "unknown actor id",
        front_with("actors: [qatar, iran]", "actors: [qatar, irann]"),
        BRIEF,
        5,
        "unknown actor 'irann': did you mean 'iran'",
    ),
    Mistake(
        "unknown indicator id",
        front_with("indicators: [talks-direct]", "indicators: [talks-directt]"),
        BRIEF,
        6,
        "unknown indicator 'talks-directt': did you mean 'talks-direct'",
    ),
    Mistake(
        "empty actors in a published brief",
        front_with("actors: [qatar, iran]", "actors: []"),
        BRIEF,
        5,
        "'actors' must not be empty",
    ),
    Mistake(
        "source that is not http(s)",
        front_with("indicators:", "sources:\n  - title: A file\n    url: ftp://example.org/a\nindicators:"),
        BRIEF,
        8,
        "'sources[1].url' must be an http:// or https:// address, not 'ftp://example.org/a'",
    ),
    Mistake(
        "unknown actor in a macro",
        body_with('actor("qatar")', 'actor("qatr")'),
        BRIEF,
        11,
        "unknown actor 'qatr': did you mean 'qatar'?",
    ),
    Mistake(
        "macro names an actor missing from front matter",
        body_with('actor("qatar")', 'actor("oman")'),
        BRIEF,
        11,
        "the text names the actor 'oman', which the front matter does not list",
    ),
    Mistake(
        "macro syntax error", body_with('{{ actor("qatar") }}', '{{ actor("qatar" }}'), BRIEF, 11, "is not a macro call"
    ),
    Mistake(
        "misspelt macro",
        body_with('{{ actor("qatar") }}', '{{ actr("qatar") }}'),
        BRIEF,
        11,
        "unknown macro 'actr': did you mean 'actor'?",
    ),
    Mistake("no front matter", lambda p: (p / BRIEF).write_text("# Just text\n", "utf-8"), BRIEF, 1, "no front matter"),
    Mistake(
        "file name that is not a slug",
        lambda p: write_brief(p, name="docs/briefs/2026/Test Brief.md"),
        "docs/briefs/2026/Test Brief.md",
        1,
        "use lowercase letters, digits and hyphens",
    ),
    Mistake(
        "duplicate actor id",
        lambda p: append(p, "data/actors.yml", "qatar:\n  name: Qatar again\n  kind: state\n  summary: Again.\n"),
        "data/actors.yml",
        None,
        "duplicate key 'qatar'",
    ),
    Mistake(
        "malformed data file",
        lambda p: append(p, "data/actors.yml", "new-actor:\n  name: [unclosed\n") + 1,
        "data/actors.yml",
        None,
        "malformed YAML",
    ),
    Mistake(
        "actor kind outside the vocabulary",
        lambda p: append(p, "data/actors.yml", "new-actor:\n  name: N\n  kind: country\n  summary: S.\n") + 2,
        "data/actors.yml",
        None,
        "'new-actor.kind' must be one of: state, person, institution, organisation, group",
    ),
    Mistake(
        "actor without a summary",
        lambda p: append(p, "data/actors.yml", "new-actor:\n  name: N\n  kind: state\n"),
        "data/actors.yml",
        None,
        "missing required field 'summary'",
    ),
    Mistake(
        "invalid actor id",
        lambda p: append(p, "data/actors.yml", "New_Actor:\n  name: N\n  kind: state\n  summary: S.\n"),
        "data/actors.yml",
        None,
        "a key must be an actor id: lowercase letters, digits and hyphens",
    ),
    Mistake(
        "unknown data field",
        lambda p: append(p, "data/indicators.yml", "new-one:\n  name: N\n  summary: S.\n  signal: [x]\n") + 3,
        "data/indicators.yml",
        None,
        "unknown field 'signal': did you mean 'signals'?",
    ),
    Mistake(
        "indicator concerning an unknown actor",
        lambda p: append(p, "data/indicators.yml", "new-one:\n  name: N\n  summary: S.\n  actors: [qatarr]\n") + 3,
        "data/indicators.yml",
        None,
        "unknown actor 'qatarr': did you mean 'qatar'?",
    ),
    # Data in several languages: an entry's `translations`, keyed by declared language codes.
    Mistake(
        "translation in a misspelt language",
        lambda p: (
            append(
                p,
                "data/actors.yml",
                "new-actor:\n  name: N\n  kind: state\n  summary: S.\n  translations:\n    fre: {name: N}\n",
            )
            + 5
        ),
        "data/actors.yml",
        None,
        "unknown language 'fre' in the translations of 'new-actor': did you mean 'fr'?",
    ),
    Mistake(
        "translation of a field that is not translated",
        lambda p: (
            append(
                p,
                "data/mechanisms.yml",
                "new-one:\n  name: N\n  summary: S.\n  translations:\n    ar: {name: م, related: [gatekeeping]}\n",
            )
            + 4
        ),
        "data/mechanisms.yml",
        None,
        "unknown field 'related': a translation gives only name, summary, aliases; 'related' is the entry's own",
    ),
    Mistake(
        "translated signals that are not the indicator's",
        lambda p: (
            append(
                p,
                "data/indicators.yml",
                "new-one:\n  name: N\n  summary: S.\n"
                "  signals:\n    advancing: [A, B]\n  translations:\n    fr:\n      signals:\n"
                "        advancing: [Un]\n",
            )
            + 8
        ),
        "data/indicators.yml",
        None,
        "the 'fr' translation gives 1 'advancing' signal(s) where the indicator 'new-one' gives 2",
    ),
    Mistake(
        "misspelt house heading",
        body_with("## Who gains leverage", "## Who gains leaverage"),
        BRIEF,
        13,
        "the house heading '## Who gains leaverage' is misspelt: did you mean '## Who gains leverage'?",
    ),
    Mistake(
        "missing house heading",
        body_with("## Why it matters\n", ""),
        BRIEF,
        17,
        "missing the house heading '## Why it matters' after '## What mechanism is operating'",
    ),
    Mistake(
        "house headings out of order",
        body_with(
            "## Why it matters\n\nText.\n\n## What to watch next", "## What to watch next\n\nText.\n\n## Why it matters"
        ),
        BRIEF,
        25,
        "the house heading '## Why it matters' comes after '## What to watch next'",
    ),
    Mistake(
        "placeholder left in a published brief",
        body_with("Text.\n\n## What mechanism", "TODO: text.\n\n## What mechanism"),
        BRIEF,
        15,
        "the text still holds a TODO placeholder from the template",
    ),
    Mistake(
        "placeholder summary in a published brief",
        front_with("summary: One sentence.", 'summary: "TODO: one sentence."'),
        BRIEF,
        4,
        "summary still holds a TODO placeholder",
    ),
    Mistake(
        "template key in a brief",
        front_with("summary:", "template: ../../etc/passwd\nsummary:"),
        BRIEF,
        4,
        "unknown field 'template'",
    ),
    Mistake(
        "expression in a brief's text",
        body_with("Text.\n\n## What mechanism", "{{ 7*7 }}\n\n## What mechanism"),
        BRIEF,
        15,
        "'{{ 7*7 }}' is not a macro call",
    ),
    Mistake(
        "template syntax in a title",
        front_with("title: A test brief", "title: A {{ 7*7 }} brief"),
        BRIEF,
        2,
        "'title' contains '{{': front matter may not contain",
    ),
    Mistake(
        "raw HTML in a brief",
        body_with("Text.\n\n## What mechanism", "<script>alert(1)</script>\n\n## What mechanism"),
        BRIEF,
        15,
        "raw HTML <script> is not allowed in a brief",
    ),
    Mistake(
        "javascript link in a brief",
        body_with("Text.\n\n## What mechanism", "[x](javascript:alert(1))\n\n## What mechanism"),
        BRIEF,
        15,
        "a link to a javascript: address could run code",
    ),
    Mistake(
        "misspelt macro on a hand-written page",
        lambda p: append(p, "docs/about.md", "\n{{ actr('qatar') }}\n") + 1,
        "docs/about.md",
        None,
        "unknown macro 'actr': did you mean 'actor'?",
    ),
    Mistake(
        "unknown actor on a hand-written page",
        lambda p: append(p, "docs/index.md", '\n{{ actor("qatr") }}\n') + 1,
        "docs/index.md",
        None,
        "unknown actor 'qatr': did you mean 'qatar'?",
    ),
    Mistake(
        "template key on a hand-written page",
        lambda p: (p / "docs/about.md").write_text("---\ntemplate: main.html\n---\n\n# About\n", "utf-8"),
        "docs/about.md",
        2,
        "unknown field 'template'",
    ),
    Mistake(
        "hand-written file at a generated page's path",
        lambda p: (p / "docs/actors").mkdir() or (p / "docs/actors/qatar.md").write_text("# Qatar\n", "utf-8"),
        "docs/actors/qatar.md",
        1,
        "the site generates this page from the data: remove the file",
    ),
    Mistake(
        "unknown mechanism id",
        front_plus("mechanisms: [mediated-deescalation]\n"),
        BRIEF,
        7,
        "unknown mechanism 'mediated-deescalation': did you mean 'mediated-de-escalation'?",
    ),
    Mistake(
        "unknown mechanism in a macro",
        body_with(MECHANISM_SECTION, '## What mechanism is operating\n\n{{ mechanism("gatekeepin") }}.'),
        BRIEF,
        19,
        "unknown mechanism 'gatekeepin': did you mean 'gatekeeping'?",
    ),
    Mistake(
        "macro names a mechanism missing from front matter",
        body_with(MECHANISM_SECTION, '## What mechanism is operating\n\n{{ mechanism("gatekeeping", "The host") }}.'),
        BRIEF,
        19,
        "the text names the mechanism 'gatekeeping', which the front matter does not list",
    ),
    Mistake(
        "leverage of an actor the brief does not list",
        front_plus("leverage:\n  gains: [oman]\n"),
        BRIEF,
        8,
        "'leverage.gains' names the actor 'oman', which the brief's 'actors' does not list: add it to 'actors'",
    ),
    Mistake("misspelt leverage id", front_plus("leverage:\n  loses: [irn]\n"), BRIEF, 8, "unknown actor 'irn'"),
    Mistake(
        "leverage of an actor the brief does not list",
        front_plus("leverage:\n  gains: [united-states]\n"),
        BRIEF,
        8,
        "'leverage.gains' names the actor 'united-states', which the brief's 'actors' does not list",
    ),
    Mistake(
        "same actor gains and loses leverage",
        front_plus("leverage:\n  gains: [qatar]\n  loses: [iran, qatar]\n"),
        BRIEF,
        9,
        "'qatar' is in both 'leverage.gains' and 'leverage.loses'",
    ),
    Mistake(
        "unknown leverage field",
        front_plus("leverage:\n  gain: [qatar]\n"),
        BRIEF,
        8,
        "unknown field 'gain': did you mean 'gains'?",
    ),
    Mistake(
        "reading of an indicator the brief does not list",
        front_plus("readings:\n  airspace-reopening: steady\n"),
        BRIEF,
        8,
        "a reading of the indicator 'airspace-reopening', which the brief's 'indicators' does not list: "
        "add it to 'indicators'",
    ),
    Mistake(
        "reading of a misspelt indicator",
        front_plus("readings:\n  talks-directt: steady\n"),
        BRIEF,
        8,
        "unknown indicator 'talks-directt'",
    ),
    Mistake(
        "reading of an indicator the brief does not list",
        front_plus("readings:\n  airspace-reopening: steady\n"),
        BRIEF,
        8,
        "a reading of the indicator 'airspace-reopening', which the brief's 'indicators' does not list",
    ),
    Mistake(
        "reading of an id that is not an id",
        front_plus("readings:\n  Talks_Direct: steady\n"),
        BRIEF,
        8,
        "a key of 'readings' must be an id: lowercase letters, digits and hyphens, not 'Talks_Direct'",
    ),
    Mistake(
        "misspelt status",
        front_plus("readings:\n  talks-direct: stedy\n"),
        BRIEF,
        8,
        "'readings.talks-direct' must be one of: advancing, steady, reversing, resolved, not 'stedy'; "
        "did you mean 'steady'?",
    ),
    Mistake(
        "unknown status with a note",
        front_plus("readings:\n  talks-direct:\n    status: improving\n    note: N.\n"),
        BRIEF,
        9,
        "'readings.talks-direct.status' must be one of: advancing, steady, reversing, resolved, not 'improving'",
    ),
    Mistake(
        "reading that is neither a status nor a mapping",
        front_plus("readings:\n  talks-direct: [steady]\n"),
        BRIEF,
        8,
        "'readings.talks-direct' must be a status (advancing, steady, reversing or resolved), or a mapping "
        "with 'status' and an optional 'note', not a list",
    ),
    Mistake(
        "reading without a status",
        front_plus("readings:\n  talks-direct:\n    note: Only a note.\n"),
        BRIEF,
        8,
        "missing required field 'status'",
    ),
    Mistake(
        "reading with an unknown field",
        front_plus("readings:\n  talks-direct:\n    status: steady\n    notes: N.\n"),
        BRIEF,
        10,
        "unknown field 'notes': did you mean 'note'?",
    ),
    Mistake(
        "mechanism related to an unknown mechanism",
        lambda p: append(p, "data/mechanisms.yml", "new-one:\n  name: N\n  summary: S.\n  related: [gatekeepng]\n") + 3,
        "data/mechanisms.yml",
        None,
        "unknown mechanism 'gatekeepng': did you mean 'gatekeeping'?",
    ),
    Mistake(
        "duplicate mechanism id",
        lambda p: append(p, "data/mechanisms.yml", "gatekeeping:\n  name: Again\n  summary: Again.\n"),
        "data/mechanisms.yml",
        None,
        "duplicate key 'gatekeeping'",
    ),
    Mistake(
        "mechanism without a summary",
        lambda p: append(p, "data/mechanisms.yml", "new-one:\n  name: N\n"),
        "data/mechanisms.yml",
        None,
        "missing required field 'summary'",
    ),
    Mistake(
        "malformed mechanisms file",
        lambda p: append(p, "data/mechanisms.yml", "new-one:\n  name: [unclosed\n") + 1,
        "data/mechanisms.yml",
        None,
        "malformed YAML",
    ),
    Mistake(
        "mechanical mistake in a draft is still an error",
        lambda p: write_brief(p, FRONT + "draft: true\n", BODY.replace('actor("qatar")', 'actor("qatr")')),
        BRIEF,
        12,
        "unknown actor 'qatr'",
    ),
    # Links and images, read by the core: line 11 is the first section's text.
    Mistake(
        "link to a page that does not exist",
        body_with("The hosts in", "See [the talks](nowhere.md). The hosts in"),
        BRIEF,
        11,
        "the link 'nowhere.md' leads to docs/briefs/2026/nowhere.md, which does not exist",
    ),
    Mistake(
        "image that does not exist",
        body_with("The hosts in", "![A map of the strait](map.png)\nThe hosts in"),
        BRIEF,
        11,
        "the image 'map.png' leads to docs/briefs/2026/map.png, which does not exist",
    ),
    Mistake(
        "image without alternative text",
        lambda p: (
            (p / "docs/briefs/2026/map.png").write_bytes(PNG),
            body_with("The hosts in", "![](map.png)\nThe hosts in")(p),
        ),
        BRIEF,
        11,
        "the image 'map.png' has no alternative text",
    ),
    Mistake(
        "anchor that no heading has",
        body_with("The hosts in", "See [below](#what-to-wach-next). The hosts in"),
        BRIEF,
        11,
        "leads to an anchor that no heading of this page has: did you mean '#what-to-watch-next'?",
    ),
    Mistake(
        "published brief linking a draft",
        lambda p: (
            write_brief(p, FRONT + "draft: true\n", name="docs/briefs/2026/unfinished.md"),
            body_with("The hosts in", "See [the next one](unfinished.md). The hosts in")(p),
        ),
        BRIEF,
        11,
        "the link 'unfinished.md' leads to a draft, which the published site leaves out",
    ),
    Mistake(
        "published brief linking a scheduled brief",
        lambda p: (
            write_brief(
                p,
                FRONT.replace("date: 2026-06-01", "date: 2099-01-09").replace("A test", "A later"),
                name="docs/briefs/2099/later.md",
            ),
            body_with("The hosts in", "See [the next one](../2099/later.md). The hosts in")(p),
        ),
        BRIEF,
        11,
        "the link '../2099/later.md' leads to a brief scheduled for 2099-01-09, which the published "
        "site leaves out until that day: link to it once it is published",
    ),
    # Authors and regions are ids from data/authors.yml and data/regions.yml; a name written for an id (as
    # briefs wrote them before) is told the id.
    Mistake(
        "author's name written for their id",
        front_plus("authors: [Briefings desk]\n"),
        BRIEF,
        7,
        "unknown author 'Briefings desk': it is the name of 'briefings-desk'; write 'briefings-desk'",
    ),
    Mistake(
        "misspelt author id",
        front_plus("authors: [briefing-desk]\n"),
        BRIEF,
        7,
        "unknown author 'briefing-desk': did you mean 'briefings-desk'?",
    ),
    Mistake(
        "region's name written for its id",
        front_plus("regions: [gulf, middle east]\n"),
        BRIEF,
        7,
        "unknown region 'middle east': it is the name of 'middle-east'; write 'middle-east'",
    ),
    Mistake(
        "another spelling of a region",
        front_plus("regions: [The Gulf]\n"),
        BRIEF,
        7,
        "unknown region 'The Gulf': did you mean 'gulf'?",
    ),
    Mistake(
        "unknown author in a macro",
        body_with("Text.\n\n## What mechanism", '{{ author("brifings-desk") }}\n\n## What mechanism'),
        BRIEF,
        15,
        "unknown author 'brifings-desk': did you mean 'briefings-desk'?",
    ),
    Mistake(
        "actor in a region written by its name",
        lambda p: (
            append(
                p, "data/actors.yml", "new-actor:\n  name: N\n  kind: state\n  summary: S.\n  region: North America\n"
            )
            + 4
        ),
        "data/actors.yml",
        None,
        "unknown region 'North America': it is the name of 'north-america'; write 'north-america'",
    ),
    Mistake(
        "region within an unknown region",
        lambda p: append(p, "data/regions.yml", "levant:\n  name: Levant\n  summary: S.\n  parent: middle-eest\n") + 3,
        "data/regions.yml",
        None,
        "unknown region 'middle-eest': did you mean 'middle-east'?",
    ),
    Mistake(
        "regions within each other",
        lambda p: (
            append(
                p,
                "data/regions.yml",
                "a-region:\n  name: A\n  summary: S.\n  parent: b-region\n"
                "b-region:\n  name: B\n  summary: S.\n  parent: a-region\n",
            )
            + 3
        ),
        "data/regions.yml",
        None,
        "the region 'a-region' ends up within itself (a-region → b-region → a-region)",
    ),
    Mistake(
        "region within itself",
        lambda p: append(p, "data/regions.yml", "levant:\n  name: Levant\n  summary: S.\n  parent: levant\n") + 3,
        "data/regions.yml",
        None,
        "the region 'levant' names itself in 'parent'",
    ),
    Mistake(
        "author without a bio",
        lambda p: append(p, "data/authors.yml", "new-author:\n  name: N\n  role: Analyst\n"),
        "data/authors.yml",
        None,
        "missing required field 'bio'",
    ),
    Mistake(
        "unknown author field",
        lambda p: append(p, "data/authors.yml", "new-author:\n  name: N\n  roles: Analyst\n  bio: B.\n") + 2,
        "data/authors.yml",
        None,
        "unknown field 'roles': did you mean 'role'?",
    ),
    Mistake(
        "brief both a file and a folder",
        lambda p: (write_brief(p, name="docs/briefs/2026/test-brief/index.md"), write_brief(p)),
        "docs/briefs/2026/test-brief/index.md",
        1,
        "is published at the same address as this brief",
    ),
    # Redirects (data/redirects.yml): old address -> the address of this site that replaced it.
    Mistake(
        "redirect to another site",
        lambda p: append(p, REDIRECTS, "briefs/2026/old-talks/: https://example.org/talks/\n"),
        REDIRECTS,
        None,
        "'briefs/2026/old-talks/' must be an address of this site relative to its root",
    ),
    Mistake(
        "redirect to an address the site does not serve",
        lambda p: append(p, REDIRECTS, "briefs/2026/old-talks/: briefs/2026/doha-talks/\n"),
        REDIRECTS,
        None,
        "the redirect from 'briefs/2026/old-talks/' leads to 'briefs/2026/doha-talks/', which the "
        "site does not serve: did you mean 'briefs/2026/doha-indirect-talks/'?",
    ),
    Mistake(
        "redirect to a redirected address",
        lambda p: append(p, REDIRECTS, "briefs/2026/oldest/: briefs/2026/old/\nbriefs/2026/old/: about/\n"),
        REDIRECTS,
        None,
        "'briefs/2026/old/' is itself redirected to 'about/' (line 6): a redirect must not lead "
        "to another; write 'briefs/2026/oldest/: about/'",
    ),
    Mistake(
        "redirects in a loop",
        lambda p: append(p, REDIRECTS, "briefs/2026/a/: briefs/2026/b/\nbriefs/2026/b/: briefs/2026/a/\n"),
        REDIRECTS,
        None,
        "the redirects from 'briefs/2026/a/' loop (briefs/2026/a/ -> briefs/2026/b/ -> briefs/2026/a/)",
    ),
    Mistake(
        "redirect from an address the site still serves",
        lambda p: append(p, REDIRECTS, "about/: briefs/\n"),
        REDIRECTS,
        None,
        "the site still serves 'about/' (docs/about.md), so no redirect may replace it",
    ),
    Mistake(
        "translation naming other actors",
        translation("actors: [qatar]\n"),
        TRANSLATION,
        4,
        "'actors' differs from the original's ('actors' is [qatar, iran] there): leave it out: a translation "
        "takes it from test-brief.md",
    ),
    Mistake(
        "translation with another date",
        translation("date: 2026-06-02\n"),
        TRANSLATION,
        4,
        "leave it out: a translation takes it from test-brief.md",
    ),
    Mistake(
        "translation with readings of its own",
        translation("readings:\n  talks-direct: {status: steady}\n"),
        TRANSLATION,
        4,
        "'readings' differs from the original's (it has no 'readings')",
    ),
    Mistake(
        "translation with a field that is not text",
        translation("featured: true\n"),
        TRANSLATION,
        4,
        "a translation's front matter carries title, summary, sources, corrections, translated only",
    ),
    Mistake(
        "translation without a summary",
        lambda p: (write_brief(p), write_brief(p, "title: Une note\n", FRENCH_BODY, name=TRANSLATION)) and None,
        TRANSLATION,
        2,
        "a translation needs its 'summary', in its language",
    ),
    Mistake(
        "translation citing other sources",
        translation("sources:\n  - title: Ailleurs\n    url: https://example.org/elsewhere\n"),
        TRANSLATION,
        4,
        "a translation's sources are the original's",
    ),
    Mistake(
        "translation keeping the English headings",
        translation(body=BODY),
        TRANSLATION,
        5,
        "missing the house heading '## Ce qui s'est passé'",
    ),
    Mistake(
        "translation with a misspelt heading in Arabic",
        translation(
            body="\n".join(
                f"## {h}\n\nنص."
                for h in (
                    "ما الذي حدث",
                    "من يكسب النفوذ",
                    "ما الالية الفاعلة",
                    "لماذا يهمّ ذلك",
                    "ما الذي ينبغي مراقبته",
                )
            ),
            name="docs/briefs/2026/test-brief.ar.md",
        ),
        "docs/briefs/2026/test-brief.ar.md",
        11,
        "the house heading '## ما الالية الفاعلة' is misspelt: did you mean '## ما الآلية الفاعلة'?",
    ),
    Mistake(
        "translation naming an entity its original does not list",
        translation(body=FRENCH_BODY.replace('{{ actor("qatar") }}', '{{ actor("oman") }}')),
        TRANSLATION,
        8,
        "the text names the actor 'oman', which the front matter does not list",
    ),
    Mistake(
        "translation still holding the template's placeholder",
        lambda p: (
            (
                write_brief(p),
                write_brief(
                    p, 'title: "TODO: the title in Français"\nsummary: Une phrase.\n', FRENCH_BODY, TRANSLATION
                ),
            )
            and None
        ),
        TRANSLATION,
        2,
        "title still holds a TODO placeholder from the template: write the text, or keep the translation out of",
    ),
    Mistake(
        "translation without its original",
        translation(original=False),
        TRANSLATION,
        1,
        "no original beside this translation: add test-brief.md",
    ),
]


def _expected(mistake: Mistake, project: Path) -> tuple[str, int]:
    returned = mistake.make(project)
    line = mistake.line if mistake.line is not None else returned
    assert line, "the case must say which line the mistake is on"
    return mistake.path, line


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.name)
def test_check_and_build_report_the_same_file_line_and_fix(project: Path, tmp_path: Path, mistake: Mistake):
    path, line = _expected(mistake, project)
    outcome = check_and_build(project, tmp_path / "site")
    assert outcome.check.returncode == 1 and outcome.build.returncode != 0, outcome.output
    rows = [row for row in outcome.check_rows if row.startswith(f"{path}:{line}:")]
    assert any(mistake.message in row for row in rows), outcome.check.stdout
    assert "error" in outcome.check.stderr  # the summary line: "briefings check: 1 error, ..."
    outcome.assert_agree()
    assert not outcome.published


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.name)
def test_check_annotates_the_pull_request(project: Path, mistake: Mistake, capsys):
    """In this process: the command line's own function, as the workflow's `briefings check --format github`
    runs it (the table above runs the real command beside the real build)."""
    path, line = _expected(mistake, project)
    assert main(["--root", str(project), "check", "--format", "github"]) == 1
    stdout = capsys.readouterr().out
    annotation = f"::error file={path},line={line},col="
    rows = [row for row in stdout.splitlines() if row.startswith(annotation)]
    assert rows and any(mistake.message.split(":")[0] in row for row in rows), stdout


NOTE = "Two carriers resumed limited routes: *not* <b>all</b> & {not a macro}."


def test_the_contract_of_mechanisms_leverage_and_readings_is_accepted_and_shown(project: Path, tmp_path: Path):
    front = FRONT.replace("date: 2026-06-01", "date: 2026-12-01").replace(
        "indicators: [talks-direct]", "indicators: [talks-direct, airspace-reopening]"
    ) + (
        "mechanisms: [mediated-de-escalation, gatekeeping]\n"
        "leverage:\n  gains: [qatar]\n  loses: [iran]\n"
        f"readings:\n  talks-direct: steady\n  airspace-reopening: {{status: advancing, note: {json.dumps(NOTE)}}}\n"
    )
    body = BODY.replace(
        MECHANISM_SECTION,
        "## What mechanism is operating\n\nThe host acts as a "
        '{{ mechanism("gatekeeping", "gatekeeper") }} in {{ mechanism("mediated-de-escalation") }}.',
    )
    write_brief(project, front, body)
    outcome = check_and_build(project, tmp_path / "site")
    assert outcome.check.returncode == 0 and outcome.build.returncode == 0, outcome.output
    assert outcome.check_rows == []
    outcome.assert_agree()

    page = soup(tmp_path / "site/briefs/2026/test-brief/index.html")
    header = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in page.select(".brief-meta dl dt")}
    assert header["Mechanisms"] == "Mediated de-escalation, Gatekeeping"
    assert (header["Gains leverage"], header["Loses leverage"]) == ("Qatar", "Iran")
    links = page.select("article a.entity-link--mechanism")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("gatekeeper", "../../../mechanisms/gatekeeping/"),
        ("Mediated de-escalation", "../../../mechanisms/mediated-de-escalation/"),
    ]
    assert links[0]["title"].startswith("When the parties do not speak directly")  # the summary as a tooltip
    heading = page.find("h2", id="readings")
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in heading.find_next("table").select("tbody tr")]
    assert rows == [["Talks move from indirect to direct", "Steady", "—"], ["Airspace reopening", "Advancing", NOTE]]
    headings = [h.get_text().rstrip("¶") for h in page.select("article h2")]
    # Right after the text (no sources here), then how to cite it and where to read on.
    assert headings[-4:] == ["What to watch next", "Readings", "How to cite", "Related briefs"]

    indicator = soup(tmp_path / "site/indicators/airspace-reopening/index.html")
    latest = " ".join(indicator.select_one(".reading-latest").get_text().split())
    assert latest.startswith("Latest reading: Advancing on 1 December 2026, in A test brief") and NOTE in latest


def test_every_problem_is_reported_in_one_run(project: Path):
    write_brief(
        project,
        FRONT.replace("date: 2026-06-01", "date: 2026-02-30").replace("actors: [qatar, iran]", "actors: [qatr]"),
        body=BODY.replace('{{ actor("qatar") }}', "Qatar"),
    )
    append(project, "data/actors.yml", "qatar:\n  name: Q\n  kind: state\n  summary: S.\n")
    result = briefings("check", cwd=project)
    assert result.returncode == 1
    assert "not '2026-02-30'" in result.stdout
    assert "unknown actor 'qatr'" in result.stdout
    assert "duplicate key 'qatar'" in result.stdout
    assert "3 errors" in result.stderr


def test_unused_actor_is_a_warning_from_check_and_build_alike(project: Path, tmp_path: Path):
    line = append(project, "data/actors.yml", "lonely:\n  name: Lonely\n  kind: group\n  summary: Nobody names it.\n")
    outcome = check_and_build(project, tmp_path / "site")
    assert outcome.check.returncode == 0 and outcome.build.returncode == 0, outcome.output
    expected = f"data/actors.yml:{line}:1: warning: no brief names the actor 'lonely'"
    assert any(row.startswith(expected) for row in outcome.check_rows), outcome.output
    outcome.assert_agree()


@pytest.mark.parametrize(
    "data_file, entry, kind",
    [
        ("data/authors.yml", "lonely:\n  name: Lonely\n  role: Analyst\n  bio: Writes nothing yet.\n", "author"),
        ("data/regions.yml", "lonely:\n  name: Lonely\n  summary: Nobody names it.\n", "region"),
    ],
)
def test_unused_author_or_region_is_a_warning_from_check_and_build_alike(
    project: Path, tmp_path: Path, data_file: str, entry: str, kind: str
):
    line = append(project, data_file, entry)
    outcome = check_and_build(project, tmp_path / "site")
    assert outcome.check.returncode == 0 and outcome.build.returncode == 0, outcome.output
    expected = f"{data_file}:{line}:1: warning: no brief"
    assert any(row.startswith(expected) and f"names the {kind} 'lonely'" in row for row in outcome.check_rows), (
        outcome.output
    )
    outcome.assert_agree()


def test_a_region_only_an_actor_or_another_region_names_is_in_use(project: Path):
    append(
        project,
        "data/regions.yml",
        "levant:\n  name: Levant\n  summary: S.\n  parent: middle-east\nnear-east:\n  name: Near East\n  summary: S.\n",
    )
    append(project, "data/regions.yml", "inner:\n  name: Inner\n  summary: S.\n  parent: near-east\n")
    append(
        project, "data/actors.yml", "levantine:\n  name: Levantine\n  kind: group\n  summary: S.\n  region: levant\n"
    )
    result = briefings("check", cwd=project)
    warned = [row for row in result.stdout.splitlines() if "warning" in row]
    # The new actor is unused; near-east holds inner, but nothing names inner.
    assert sorted(row.split("warning: ")[1].split(":")[0] for row in warned) == [
        "no brief names the actor 'levantine'",
        "no brief or data entry names the region 'inner'",
    ], result.output


def test_warnings_caused_by_an_error_elsewhere_are_not_shown(project: Path):
    line = append(project, "data/actors.yml", "newcomer:\n  name: Newcomer\n  kind: group\n  summary: A new actor.\n")
    write_brief(
        project,
        FRONT.replace("actors: [qatar, iran]", "actors: [qatar, iran, newcomer]").replace(
            "date: 2026-06-01", "date: 2026-13-01"
        ),
    )
    result = briefings("check", cwd=project)
    assert result.returncode == 1
    assert "2026-13-01" in result.stdout
    assert "no brief names" not in result.stdout, "the broken brief, not the new actor, is the problem"
    assert line


def test_a_draft_may_be_unfinished(project: Path):
    created = briefings("new", "brief", "Unfinished thoughts", cwd=project)
    assert created.returncode == 0
    result = briefings("check", cwd=project)
    assert result.returncode == 0 and result.stdout == "", result.output


def test_check_limits_the_report_to_the_files_given_and_what_they_cause(project: Path):
    write_brief(project, FRONT.replace("actors: [qatar, iran]", "actors: [qatr]"))
    other = briefings("check", "docs/about.md", cwd=project)
    assert other.returncode == 0 and "qatr" not in other.stdout
    assert "2 errors, 0 warnings elsewhere" in other.stderr  # the unknown id, and the macro naming qatar
    for path in (BRIEF, "data/actors.yml"):  # the brief names an id that the data file does not define
        mine = briefings("check", path, cwd=project)
        assert mine.returncode == 1 and "unknown actor 'qatr'" in mine.stdout, path


def test_check_of_a_file_that_does_not_exist_is_an_error(project: Path):
    result = briefings("check", "docs/briefs/2026/nonexistent.md", cwd=project)
    assert result.returncode == 1
    assert "docs/briefs/2026/nonexistent.md:1:1: no such file" in result.stdout


def test_the_shipped_content_has_no_problem(project: Path):
    result = briefings("check", cwd=project)
    assert result.returncode == 0, result.output
    assert result.stdout == ""
    assert "0 errors, 0 warnings" in result.stderr
