"""Every kind of author mistake, through `briefings check` and a real strict build, which must agree.

Each row writes one mistake into a copy of the example project (a brief of its own, or an entry of a data
file), then asserts on what the author gets from `briefings check`, run in this process: the message with
path, line and fix, in both output formats. Both paths call the same `load_project`, so a few real builds
prove the build agrees row by row: each builds a project holding many rows' mistakes at once (each in its own
file, or its own entry of a data file) and asserts that the build fails, reports every row's message at the
same file and line as the check, exactly the problems the check reports, no Python traceback, and publishes
nothing. A mistake that leaves a data file unreadable changes what other rows report: those rows are built
apart (`unreadable`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import PNG, CheckAndBuild, Run, briefings_here, check_and_build, copy_project, soup

BRIEF = "docs/briefs/2026/test-brief.md"
#: In the table, the row's own brief: docs/briefs/2026/<the row's name as a slug>.md (`{stem}`: without .md).
ITS_BRIEF = "{brief}"
REDIRECTS = "data/redirects.yml"
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
    make: Callable[[Path, str], int | None]  # writes the mistake (given its brief); may return its line
    path: str  # ITS_BRIEF, "{stem}/...", or a path of the project
    line: int | None  # None: the line `make` returned
    message: str
    unreadable: bool = False  # leaves a data file unreadable, which changes what other rows report

    @property
    def brief(self) -> str:
        return f"docs/briefs/2026/{re.sub(r'[^a-z0-9]+', '-', self.name.lower()).strip('-')}.md"

    def write(self, project: Path) -> tuple[str, int]:
        """Write the mistake into `project`; the file and line it is reported at."""
        returned = self.make(project, self.brief)
        line = self.line if self.line is not None else returned
        assert line, "the row must say which line the mistake is on"
        return self.path.format(brief=self.brief, stem=self.brief.removesuffix(".md")), line


def front_with(replace: str, by: str) -> Callable[[Path, str], None]:
    def make(project: Path, brief: str) -> None:
        assert replace in FRONT
        write_brief(project, FRONT.replace(replace, by), name=brief)

    return make


def front_plus(extra: str) -> Callable[[Path, str], None]:
    """The front matter with `extra` lines after its last field (line 7 onwards)."""
    return front_with("indicators: [talks-direct]\n", "indicators: [talks-direct]\n" + extra)


MECHANISM_SECTION = "## What mechanism is operating\n\nText."  # its text is line 19 of the brief


def body_with(replace: str, by: str) -> Callable[[Path, str], None]:
    def make(project: Path, brief: str) -> None:
        assert replace in BODY
        write_brief(project, body=BODY.replace(replace, by), name=brief)

    return make


TRANSLATION = "{stem}.fr.md"  # the row's brief's French translation
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


ARABIC_BODY = (
    BODY.replace("What happened", "ما الذي حدث")
    .replace("Who gains leverage", "من يكسب النفوذ")
    .replace("What mechanism is operating", "ما الآلية الفاعلة")
    .replace("Why it matters", "لماذا يهمّ ذلك")
    .replace("What to watch next", "ما الذي ينبغي مراقبته")
)


def translation(extra: str = "", body: str = FRENCH_BODY, lang: str = "fr", original: bool = True):
    """The row's brief and its translation into `lang` (`{stem}.fr.md` beside it), whose front matter has
    `extra` lines from line 4 on."""

    def make(project: Path, brief: str) -> None:
        if original:
            write_brief(project, name=brief)
        write_brief(project, TRANSLATION_FRONT + extra, body, name=brief.removesuffix(".md") + f".{lang}.md")

    return make


MISTAKES = [
    Mistake(
        "malformed front matter",
        front_with("title: A test brief", 'title: "A test brief'),
        ITS_BRIEF,
        2,
        "malformed YAML",
    ),
    Mistake(
        "missing required field",
        front_with("summary: One sentence.\n", ""),
        ITS_BRIEF,
        2,
        "missing required field 'summary'",
    ),
    Mistake(
        "wrong type",
        front_with("actors: [qatar, iran]", "actors: qatar"),
        ITS_BRIEF,
        5,
        "'actors' must be a list, not the text 'qatar'",
    ),
    Mistake(
        "bad date",
        front_with("date: 2026-06-01", "date: 2026-02-30"),
        ITS_BRIEF,
        3,
        "'date' must be a real date written YYYY-MM-DD, not '2026-02-30'",
    ),
    Mistake(
        "date in another format",
        front_with("date: 2026-06-01", "date: 1 June 2026"),
        ITS_BRIEF,
        3,
        "'date' must be a real date written YYYY-MM-DD",
    ),
    Mistake(
        "updated before date",
        front_with("summary:", "updated: 2026-05-01\nsummary:"),
        ITS_BRIEF,
        4,
        "'updated' (2026-05-01) is before 'date' (2026-06-01)",
    ),
    Mistake(
        "correction dated before the brief",
        front_with("summary:", "corrections:\n  - date: 2026-05-01\n    text: The host city was wrong.\nsummary:"),
        ITS_BRIEF,
        5,
        "the correction dated 2026-05-01 is before the brief's 'date' (2026-06-01)",
    ),
    Mistake(
        "correction without its text",
        front_with("summary:", "corrections:\n  - date: 2026-06-02\nsummary:"),
        ITS_BRIEF,
        5,
        "missing required field 'text'",
    ),
    Mistake(
        "duplicate front matter key",
        front_with("summary:", "title: Another title\nsummary:"),
        ITS_BRIEF,
        4,
        "duplicate key 'title' (first defined at line 2)",
    ),
    Mistake(
        "unknown front matter key",
        front_with("actors:", "actor: [qatar]\nactors:"),
        ITS_BRIEF,
        5,
        "unknown field 'actor': did you mean 'actors'?",
    ),
    Mistake(
        "unknown actor id",
        front_with("actors: [qatar, iran]", "actors: [qatar, irann]"),
        ITS_BRIEF,
        5,
        "unknown actor 'irann': did you mean 'iran'",
    ),
    Mistake(
        "unknown indicator id",
        front_with("indicators: [talks-direct]", "indicators: [talks-directt]"),
        ITS_BRIEF,
        6,
        "unknown indicator 'talks-directt': did you mean 'talks-direct'",
    ),
    Mistake(
        "empty actors in a published brief",
        front_with("actors: [qatar, iran]", "actors: []"),
        ITS_BRIEF,
        5,
        "'actors' must not be empty",
    ),
    Mistake(
        "source that is not http(s)",
        front_with("indicators:", "sources:\n  - title: A file\n    url: ftp://example.org/a\nindicators:"),
        ITS_BRIEF,
        8,
        "'sources[1].url' must be an http:// or https:// address, not 'ftp://example.org/a'",
    ),
    Mistake(
        "unknown actor in a macro",
        body_with('actor("qatar")', 'actor("qatr")'),
        ITS_BRIEF,
        11,
        "unknown actor 'qatr': did you mean 'qatar'?",
    ),
    Mistake(
        "macro names an actor missing from front matter",
        body_with('actor("qatar")', 'actor("oman")'),
        ITS_BRIEF,
        11,
        "the text names the actor 'oman', which the front matter does not list",
    ),
    Mistake(
        "macro syntax error",
        body_with('{{ actor("qatar") }}', '{{ actor("qatar" }}'),
        ITS_BRIEF,
        11,
        "is not a macro call",
    ),
    Mistake(
        "misspelt macro",
        body_with('{{ actor("qatar") }}', '{{ actr("qatar") }}'),
        ITS_BRIEF,
        11,
        "unknown macro 'actr': did you mean 'actor'?",
    ),
    Mistake(
        "no front matter",
        lambda p, brief: (p / brief).write_text("# Just text\n", "utf-8"),
        ITS_BRIEF,
        1,
        "no front matter",
    ),
    Mistake(
        "file name that is not a slug",
        lambda p, brief: write_brief(p, name="docs/briefs/2026/Test Brief.md"),
        "docs/briefs/2026/Test Brief.md",
        1,
        "use lowercase letters, digits and hyphens",
    ),
    Mistake(
        "duplicate actor id",
        lambda p, brief: append(
            p, "data/actors.yml", "qatar:\n  name: Qatar again\n  kind: state\n  summary: Again.\n"
        ),
        "data/actors.yml",
        None,
        "duplicate key 'qatar'",
    ),
    Mistake(
        "malformed data file",
        lambda p, brief: append(p, "data/actors.yml", "broken-actor:\n  name: [unclosed\n") + 1,
        "data/actors.yml",
        None,
        "malformed YAML",
        unreadable=True,
    ),
    Mistake(
        "actor kind outside the vocabulary",
        lambda p, brief: append(p, "data/actors.yml", "new-actor:\n  name: N\n  kind: country\n  summary: S.\n") + 2,
        "data/actors.yml",
        None,
        "'new-actor.kind' must be one of: state, person, institution, organisation, group",
    ),
    Mistake(
        "actor without a summary",
        lambda p, brief: append(p, "data/actors.yml", "quiet-actor:\n  name: N\n  kind: state\n"),
        "data/actors.yml",
        None,
        "missing required field 'summary'",
    ),
    Mistake(
        "invalid actor id",
        lambda p, brief: append(p, "data/actors.yml", "New_Actor:\n  name: N\n  kind: state\n  summary: S.\n"),
        "data/actors.yml",
        None,
        "a key must be an actor id: lowercase letters, digits and hyphens",
    ),
    Mistake(
        "unknown data field",
        lambda p, brief: append(p, "data/indicators.yml", "new-one:\n  name: N\n  summary: S.\n  signal: [x]\n") + 3,
        "data/indicators.yml",
        None,
        "unknown field 'signal': did you mean 'signals'?",
    ),
    Mistake(
        "indicator concerning an unknown actor",
        lambda p, brief: (
            append(p, "data/indicators.yml", "other-one:\n  name: N\n  summary: S.\n  actors: [qatarr]\n") + 3
        ),
        "data/indicators.yml",
        None,
        "unknown actor 'qatarr': did you mean 'qatar'?",
    ),
    # Data in several languages: an entry's `translations`, keyed by declared language codes.
    Mistake(
        "translation in a misspelt language",
        lambda p, _: (
            append(
                p,
                "data/actors.yml",
                "fre-actor:\n  name: N\n  kind: state\n  summary: S.\n  translations:\n    fre: {name: N}\n",
            )
            + 5
        ),
        "data/actors.yml",
        None,
        "unknown language 'fre' in the translations of 'fre-actor': did you mean 'fr'?",
    ),
    Mistake(
        "translation of a field that is not translated",
        lambda p, _: (
            append(
                p,
                "data/mechanisms.yml",
                "untranslatable-one:\n  name: N\n  summary: S.\n  translations:\n    ar: {name: م, related: [gatekeeping]}\n",
            )
            + 4
        ),
        "data/mechanisms.yml",
        None,
        "unknown field 'related': a translation gives only name, summary, aliases; 'related' is the entry's own",
    ),
    Mistake(
        "translated signals that are not the indicator's",
        lambda p, _: (
            append(
                p,
                "data/indicators.yml",
                "mistranslated-one:\n  name: N\n  summary: S.\n"
                "  signals:\n    advancing: [A, B]\n  translations:\n    fr:\n      signals:\n"
                "        advancing: [Un]\n",
            )
            + 8
        ),
        "data/indicators.yml",
        None,
        "the 'fr' translation gives 1 'advancing' signal(s) where the indicator 'mistranslated-one' gives 2",
    ),
    Mistake(
        "misspelt house heading",
        body_with("## Who gains leverage", "## Who gains leaverage"),
        ITS_BRIEF,
        13,
        "the house heading '## Who gains leaverage' is misspelt: did you mean '## Who gains leverage'?",
    ),
    Mistake(
        "missing house heading",
        body_with("## Why it matters\n", ""),
        ITS_BRIEF,
        17,
        "missing the house heading '## Why it matters' after '## What mechanism is operating'",
    ),
    Mistake(
        "house headings out of order",
        body_with(
            "## Why it matters\n\nText.\n\n## What to watch next", "## What to watch next\n\nText.\n\n## Why it matters"
        ),
        ITS_BRIEF,
        25,
        "the house heading '## Why it matters' comes after '## What to watch next'",
    ),
    Mistake(
        "placeholder left in a published brief",
        body_with("Text.\n\n## What mechanism", "TODO: text.\n\n## What mechanism"),
        ITS_BRIEF,
        15,
        "the text still holds a TODO placeholder from the template",
    ),
    Mistake(
        "placeholder summary in a published brief",
        front_with("summary: One sentence.", 'summary: "TODO: one sentence."'),
        ITS_BRIEF,
        4,
        "summary still holds a TODO placeholder",
    ),
    Mistake(
        "template key in a brief",
        front_with("summary:", "template: ../../etc/passwd\nsummary:"),
        ITS_BRIEF,
        4,
        "unknown field 'template'",
    ),
    Mistake(
        "expression in a brief's text",
        body_with("Text.\n\n## What mechanism", "{{ 7*7 }}\n\n## What mechanism"),
        ITS_BRIEF,
        15,
        "'{{ 7*7 }}' is not a macro call",
    ),
    Mistake(
        "template syntax in a title",
        front_with("title: A test brief", "title: A {{ 7*7 }} brief"),
        ITS_BRIEF,
        2,
        "'title' contains '{{': front matter may not contain",
    ),
    Mistake(
        "raw HTML in a brief",
        body_with("Text.\n\n## What mechanism", "<script>alert(1)</script>\n\n## What mechanism"),
        ITS_BRIEF,
        15,
        "raw HTML <script> is not allowed in a brief",
    ),
    Mistake(
        "javascript link in a brief",
        body_with("Text.\n\n## What mechanism", "[x](javascript:alert(1))\n\n## What mechanism"),
        ITS_BRIEF,
        15,
        "a link to a javascript: address could run code",
    ),
    Mistake(
        "misspelt macro on a hand-written page",
        lambda p, brief: append(p, "docs/about.md", "\n{{ actr('qatar') }}\n") + 1,
        "docs/about.md",
        None,
        "unknown macro 'actr': did you mean 'actor'?",
    ),
    Mistake(
        "link to a page that does not exist in a hand-written page's translation",
        lambda p, brief: (
            (p / "docs/about.fr.md").write_text(
                "---\ntitle: À propos\n---\n\n# À propos\n\nVoir [les auteurs](authors/index.md) et [rien](nowhere.md).\n",
                "utf-8",
            )
            and None
        ),
        "docs/about.fr.md",
        7,
        "the link 'nowhere.md' leads to docs/nowhere.md, which does not exist",
    ),
    Mistake(
        "misspelt macro in a hand-written page's translation",
        lambda p, brief: (
            (p / "docs/about.ar.md").write_text(
                "---\ntitle: عن الموقع\n---\n\n# عن الموقع\n\n{{ actr('qatar') }}\n", "utf-8"
            )
            and None
        ),
        "docs/about.ar.md",
        7,
        "unknown macro 'actr': did you mean 'actor'?",
    ),
    Mistake(
        "unknown actor on a hand-written page",
        lambda p, brief: append(p, "docs/index.md", '\n{{ actor("qatr") }}\n') + 1,
        "docs/index.md",
        None,
        "unknown actor 'qatr': did you mean 'qatar'?",
    ),
    Mistake(
        "template key on a hand-written page",
        lambda p, brief: (p / "docs/write-a-brief.md").write_text(
            "---\ntemplate: main.html\n---\n\n# Guide\n", "utf-8"
        ),
        "docs/write-a-brief.md",
        2,
        "unknown field 'template'",
    ),
    Mistake(
        "hand-written file at a generated page's path",
        lambda p, brief: (p / "docs/actors").mkdir() or (p / "docs/actors/qatar.md").write_text("# Qatar\n", "utf-8"),
        "docs/actors/qatar.md",
        1,
        "the site generates this page from the data: remove the file",
    ),
    Mistake(
        "unknown mechanism id",
        front_plus("mechanisms: [mediated-deescalation]\n"),
        ITS_BRIEF,
        7,
        "unknown mechanism 'mediated-deescalation': did you mean 'mediated-de-escalation'?",
    ),
    Mistake(
        "unknown mechanism in a macro",
        body_with(MECHANISM_SECTION, '## What mechanism is operating\n\n{{ mechanism("gatekeepin") }}.'),
        ITS_BRIEF,
        19,
        "unknown mechanism 'gatekeepin': did you mean 'gatekeeping'?",
    ),
    Mistake(
        "macro names a mechanism missing from front matter",
        body_with(MECHANISM_SECTION, '## What mechanism is operating\n\n{{ mechanism("gatekeeping", "The host") }}.'),
        ITS_BRIEF,
        19,
        "the text names the mechanism 'gatekeeping', which the front matter does not list",
    ),
    Mistake(
        "leverage of an actor the brief does not list",
        front_plus("leverage:\n  gains: [oman]\n"),
        ITS_BRIEF,
        8,
        "'leverage.gains' names the actor 'oman', which the brief's 'actors' does not list: add it to 'actors'",
    ),
    Mistake("misspelt leverage id", front_plus("leverage:\n  loses: [irn]\n"), ITS_BRIEF, 8, "unknown actor 'irn'"),
    Mistake(
        "leverage of another actor the brief does not list",
        front_plus("leverage:\n  gains: [united-states]\n"),
        ITS_BRIEF,
        8,
        "'leverage.gains' names the actor 'united-states', which the brief's 'actors' does not list",
    ),
    Mistake(
        "same actor gains and loses leverage",
        front_plus("leverage:\n  gains: [qatar]\n  loses: [iran, qatar]\n"),
        ITS_BRIEF,
        9,
        "'qatar' is in both 'leverage.gains' and 'leverage.loses'",
    ),
    Mistake(
        "unknown leverage field",
        front_plus("leverage:\n  gain: [qatar]\n"),
        ITS_BRIEF,
        8,
        "unknown field 'gain': did you mean 'gains'?",
    ),
    Mistake(
        "reading of an indicator the brief does not list",
        front_plus("readings:\n  airspace-reopening: steady\n"),
        ITS_BRIEF,
        8,
        "a reading of the indicator 'airspace-reopening', which the brief's 'indicators' does not list: "
        "add it to 'indicators'",
    ),
    Mistake(
        "reading of a misspelt indicator",
        front_plus("readings:\n  talks-directt: steady\n"),
        ITS_BRIEF,
        8,
        "unknown indicator 'talks-directt'",
    ),
    Mistake(
        "reading of an id that is not an id",
        front_plus("readings:\n  Talks_Direct: steady\n"),
        ITS_BRIEF,
        8,
        "a key of 'readings' must be an id: lowercase letters, digits and hyphens, not 'Talks_Direct'",
    ),
    Mistake(
        "misspelt status",
        front_plus("readings:\n  talks-direct: stedy\n"),
        ITS_BRIEF,
        8,
        "'readings.talks-direct' must be one of: advancing, steady, reversing, resolved, not 'stedy'; "
        "did you mean 'steady'?",
    ),
    Mistake(
        "unknown status with a note",
        front_plus("readings:\n  talks-direct:\n    status: improving\n    note: N.\n"),
        ITS_BRIEF,
        9,
        "'readings.talks-direct.status' must be one of: advancing, steady, reversing, resolved, not 'improving'",
    ),
    Mistake(
        "reading that is neither a status nor a mapping",
        front_plus("readings:\n  talks-direct: [steady]\n"),
        ITS_BRIEF,
        8,
        "'readings.talks-direct' must be a status (advancing, steady, reversing or resolved), or a mapping "
        "with 'status' and an optional 'note', not a list",
    ),
    Mistake(
        "reading without a status",
        front_plus("readings:\n  talks-direct:\n    note: Only a note.\n"),
        ITS_BRIEF,
        8,
        "missing required field 'status'",
    ),
    Mistake(
        "reading with an unknown field",
        front_plus("readings:\n  talks-direct:\n    status: steady\n    notes: N.\n"),
        ITS_BRIEF,
        10,
        "unknown field 'notes': did you mean 'note'?",
    ),
    Mistake(
        "mechanism related to an unknown mechanism",
        lambda p, brief: (
            append(p, "data/mechanisms.yml", "new-one:\n  name: N\n  summary: S.\n  related: [gatekeepng]\n") + 3
        ),
        "data/mechanisms.yml",
        None,
        "unknown mechanism 'gatekeepng': did you mean 'gatekeeping'?",
    ),
    Mistake(
        "duplicate mechanism id",
        lambda p, brief: append(p, "data/mechanisms.yml", "gatekeeping:\n  name: Again\n  summary: Again.\n"),
        "data/mechanisms.yml",
        None,
        "duplicate key 'gatekeeping'",
    ),
    Mistake(
        "mechanism without a summary",
        lambda p, brief: append(p, "data/mechanisms.yml", "other-one:\n  name: N\n"),
        "data/mechanisms.yml",
        None,
        "missing required field 'summary'",
    ),
    Mistake(
        "malformed mechanisms file",
        lambda p, brief: append(p, "data/mechanisms.yml", "broken-one:\n  name: [unclosed\n") + 1,
        "data/mechanisms.yml",
        None,
        "malformed YAML",
        unreadable=True,
    ),
    Mistake(
        "mechanical mistake in a draft is still an error",
        lambda p, brief: write_brief(
            p, FRONT + "draft: true\n", BODY.replace('actor("qatar")', 'actor("qatr")'), brief
        ),
        ITS_BRIEF,
        12,
        "unknown actor 'qatr'",
    ),
    # Links and images, read by the core: line 11 is the first section's text.
    Mistake(
        "link to a page that does not exist",
        body_with("The hosts in", "See [the talks](nowhere.md). The hosts in"),
        ITS_BRIEF,
        11,
        "the link 'nowhere.md' leads to docs/briefs/2026/nowhere.md, which does not exist",
    ),
    Mistake(
        "image that does not exist",
        body_with("The hosts in", "![A map of the strait](map.png)\nThe hosts in"),
        ITS_BRIEF,
        11,
        "the image 'map.png' leads to docs/briefs/2026/map.png, which does not exist",
    ),
    Mistake(
        "image without alternative text",
        lambda p, brief: (
            (p / "docs/briefs/2026/pixel.png").write_bytes(PNG),
            body_with("The hosts in", "![](pixel.png)\nThe hosts in")(p, brief),
        ),
        ITS_BRIEF,
        11,
        "the image 'pixel.png' has no alternative text",
    ),
    Mistake(
        "anchor that no heading has",
        body_with("The hosts in", "See [below](#what-to-wach-next). The hosts in"),
        ITS_BRIEF,
        11,
        "leads to an anchor that no heading of this page has: did you mean '#what-to-watch-next'?",
    ),
    Mistake(
        "published brief linking a draft",
        lambda p, brief: (
            write_brief(p, FRONT + "draft: true\n", name="docs/briefs/2026/unfinished.md"),
            body_with("The hosts in", "See [the next one](unfinished.md). The hosts in")(p, brief),
        ),
        ITS_BRIEF,
        11,
        "the link 'unfinished.md' leads to a draft, which the published site leaves out",
    ),
    Mistake(
        "published brief linking a scheduled brief",
        lambda p, brief: (
            write_brief(
                p,
                FRONT.replace("date: 2026-06-01", "date: 2099-01-09").replace("A test", "A later"),
                name="docs/briefs/2099/later.md",
            ),
            body_with("The hosts in", "See [the next one](../2099/later.md). The hosts in")(p, brief),
        ),
        ITS_BRIEF,
        11,
        "the link '../2099/later.md' leads to a brief scheduled for 2099-01-09, which the published "
        "site leaves out until that day: link to it once it is published",
    ),
    # Authors and regions are ids from data/authors.yml and data/regions.yml; a name written for an id (as
    # briefs wrote them before) is told the id.
    Mistake(
        "author's name written for their id",
        front_plus("authors: [Briefings desk]\n"),
        ITS_BRIEF,
        7,
        "unknown author 'Briefings desk': it is the name of 'briefings-desk'; write 'briefings-desk'",
    ),
    Mistake(
        "misspelt author id",
        front_plus("authors: [briefing-desk]\n"),
        ITS_BRIEF,
        7,
        "unknown author 'briefing-desk': did you mean 'briefings-desk'?",
    ),
    Mistake(
        "region's name written for its id",
        front_plus("regions: [gulf, middle east]\n"),
        ITS_BRIEF,
        7,
        "unknown region 'middle east': it is the name of 'middle-east'; write 'middle-east'",
    ),
    Mistake(
        "another spelling of a region",
        front_plus("regions: [The Gulf]\n"),
        ITS_BRIEF,
        7,
        "unknown region 'The Gulf': did you mean 'gulf'?",
    ),
    Mistake(
        "unknown author in a macro",
        body_with("Text.\n\n## What mechanism", '{{ author("brifings-desk") }}\n\n## What mechanism'),
        ITS_BRIEF,
        15,
        "unknown author 'brifings-desk': did you mean 'briefings-desk'?",
    ),
    Mistake(
        "actor in a region written by its name",
        lambda p, brief: (
            append(
                p,
                "data/actors.yml",
                "northern-actor:\n  name: N\n  kind: state\n  summary: S.\n  region: North America\n",
            )
            + 4
        ),
        "data/actors.yml",
        None,
        "unknown region 'North America': it is the name of 'north-america'; write 'north-america'",
    ),
    Mistake(
        "region within an unknown region",
        lambda p, brief: (
            append(p, "data/regions.yml", "mashriq:\n  name: Mashriq\n  summary: S.\n  parent: middle-eest\n") + 3
        ),
        "data/regions.yml",
        None,
        "unknown region 'middle-eest': did you mean 'middle-east'?",
    ),
    Mistake(
        "regions within each other",
        lambda p, brief: (
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
        lambda p, brief: (
            append(p, "data/regions.yml", "levant:\n  name: Levant\n  summary: S.\n  parent: levant\n") + 3
        ),
        "data/regions.yml",
        None,
        "the region 'levant' names itself in 'parent'",
    ),
    Mistake(
        "author without a bio",
        lambda p, brief: append(p, "data/authors.yml", "new-author:\n  name: N\n  role: Analyst\n"),
        "data/authors.yml",
        None,
        "missing required field 'bio'",
    ),
    Mistake(
        "unknown author field",
        lambda p, brief: append(p, "data/authors.yml", "other-author:\n  name: N\n  roles: Analyst\n  bio: B.\n") + 2,
        "data/authors.yml",
        None,
        "unknown field 'roles': did you mean 'role'?",
    ),
    Mistake(
        "brief both a file and a folder",
        lambda p, brief: (write_brief(p, name=brief.removesuffix(".md") + "/index.md"), write_brief(p, name=brief)),
        "{stem}/index.md",
        1,
        "is published at the same address as this brief",
    ),
    # Redirects (data/redirects.yml): old address -> the address of this site that replaced it. (This row first:
    # its message names the line of the file it leads to.)
    Mistake(
        "redirect to a redirected address",
        lambda p, brief: append(p, REDIRECTS, "briefs/2026/oldest/: briefs/2026/old/\nbriefs/2026/old/: about/\n"),
        REDIRECTS,
        None,
        "'briefs/2026/old/' is itself redirected to 'about/' (line 6): a redirect must not lead "
        "to another; write 'briefs/2026/oldest/: about/'",
    ),
    Mistake(
        "redirect to another site",
        lambda p, brief: append(p, REDIRECTS, "briefs/2026/old-talks/: https://example.org/talks/\n"),
        REDIRECTS,
        None,
        "'briefs/2026/old-talks/' must be an address of this site relative to its root",
    ),
    Mistake(
        "redirect to an address the site does not serve",
        lambda p, brief: append(p, REDIRECTS, "briefs/2026/older-talks/: briefs/2026/doha-talks/\n"),
        REDIRECTS,
        None,
        "the redirect from 'briefs/2026/older-talks/' leads to 'briefs/2026/doha-talks/', which the "
        "site does not serve: did you mean 'briefs/2026/doha-indirect-talks/'?",
    ),
    Mistake(
        "redirects in a loop",
        lambda p, brief: append(p, REDIRECTS, "briefs/2026/a/: briefs/2026/b/\nbriefs/2026/b/: briefs/2026/a/\n"),
        REDIRECTS,
        None,
        "the redirects from 'briefs/2026/a/' loop (briefs/2026/a/ -> briefs/2026/b/ -> briefs/2026/a/)",
    ),
    Mistake(
        "redirect from an address the site still serves",
        lambda p, brief: append(p, REDIRECTS, "about/: briefs/\n"),
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
        "takes it from translation-naming-other-actors.md",
    ),
    Mistake(
        "translation with another date",
        translation("date: 2026-06-02\n"),
        TRANSLATION,
        4,
        "leave it out: a translation takes it from translation-with-another-date.md",
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
        "a translation's front matter carries title, summary, sources, corrections, translated, translation_of only",
    ),
    Mistake(
        "translation without a summary",
        lambda p, b: write_brief(p, name=b) or write_brief(p, "title: Une note\n", FRENCH_BODY, name=b[:-3] + ".fr.md"),
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
            lang="ar",
        ),
        "{stem}.ar.md",
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
        lambda p, b: (
            write_brief(p, name=b)
            or write_brief(
                p, 'title: "TODO: the title in Français"\nsummary: Une phrase.\n', FRENCH_BODY, b[:-3] + ".fr.md"
            )
        ),
        TRANSLATION,
        2,
        "title still holds a TODO placeholder from the template: write the text, or keep the translation out of",
    ),
    # A brief written first, or only, in another language (briefings/originals.py).
    Mistake(
        "brief in a language the site is not built in",
        lambda p, b: write_brief(p, name=b[:-3] + ".fa.md"),
        "{stem}.fa.md",
        1,
        "written in فارسی (fa), which the site is not built in (it is built in en (English), fr (Français), ar "
        "(العربية)): add fa to the i18n plugin's 'languages' in mkdocs.yml",
    ),
    Mistake(
        "brief in a language no declaration knows",
        lambda p, b: write_brief(p, name=b[:-3] + ".de.md"),
        "{stem}.de.md",
        1,
        "this file name says the brief is written in 'de', a language the site is not built in (it is built in en "
        "(English), fr (Français), ar (العربية)): rename the file",
    ),
    Mistake(
        "brief written in Arabic with the English headings",
        lambda p, b: write_brief(p, name=b[:-3] + ".ar.md"),
        "{stem}.ar.md",
        8,
        "missing the house heading '## ما الذي حدث'",
    ),
    Mistake(
        "two files claiming to be the original",
        lambda p, b: (
            write_brief(p, body=ARABIC_BODY, name=b[:-3] + ".ar.md")
            or write_brief(p, body=FRENCH_BODY, name=b[:-3] + ".fr.md")
        ),
        TRANSLATION,
        1,
        "two-files-claiming-to-be-the-original.ar.md and two-files-claiming-to-be-the-original.fr.md both claim to "
        "be this brief's original: a translation says which language it translates; add 'translation_of: ar'",
    ),
    Mistake(
        "translation of a language with no file",
        translation("translation_of: ar\n", original=False),
        TRANSLATION,
        1,
        "'translation_of: ar', but there is no translation-of-a-language-with-no-file.ar.md beside this file: add "
        "the original",
    ),
    Mistake(
        "translation of a translation",
        lambda p, b: (
            write_brief(p, body=ARABIC_BODY, name=b[:-3] + ".ar.md")
            or write_brief(p, TRANSLATION_FRONT + "translation_of: ar\n", name=b)
            or write_brief(p, TRANSLATION_FRONT + "translation_of: en\n", FRENCH_BODY, name=b[:-3] + ".fr.md")
        ),
        TRANSLATION,
        1,
        "'translation_of: en', but translation-of-a-translation.md is itself a translation (the original is "
        "translation-of-a-translation.ar.md): a translation translates the original; write 'translation_of: ar'",
    ),
    Mistake(
        "English translation of an Arabic original with a date of its own",
        lambda p, b: (
            write_brief(p, body=ARABIC_BODY, name=b[:-3] + ".ar.md")
            or write_brief(p, TRANSLATION_FRONT + "translation_of: ar\ndate: 2026-06-02\n", name=b)
        ),
        ITS_BRIEF,
        5,
        "leave it out: a translation takes it from english-translation-of-an-arabic-original-with-a-date-of-its-own.ar.md",
    ),
    Mistake(
        "translation of an English original naming another",
        translation("translation_of: ar\n"),
        TRANSLATION,
        1,
        "but there is no translation-of-an-english-original-naming-another.ar.md beside this file: this brief's "
        "original is translation-of-an-english-original-naming-another.md: write 'translation_of: en'",
    ),
]


def rows_at(run: Run, path: str, line: int) -> list[str]:
    return [row for row in run.stdout.splitlines() if row.startswith(f"{path}:{line}:")]


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.name)
def test_check_reports_the_file_line_and_fix(project: Path, mistake: Mistake):
    """`briefings check`, in this process, in both formats: the text an author reads, and the annotations the
    workflow's `briefings check --format github` puts on a pull request."""
    path, line = mistake.write(project)
    checked = briefings_here("check", cwd=project)
    assert checked.returncode == 1, checked.output
    assert any(mistake.message in row for row in rows_at(checked, path, line)), checked.stdout
    assert "error" in checked.stderr  # the summary line: "briefings check: 1 error, ..."

    annotated = briefings_here("check", "--format", "github", cwd=project)
    assert annotated.returncode == 1, annotated.output
    annotation = f"::error file={path},line={line},col="
    rows = [row for row in annotated.stdout.splitlines() if row.startswith(annotation)]
    assert rows and any(mistake.message.split(":")[0] in row for row in rows), annotated.stdout


def test_every_row_has_a_brief_of_its_own():
    briefs = [mistake.brief for mistake in MISTAKES]
    assert len(set(briefs)) == len(briefs), "two rows with one name would write one brief"


#: The real builds: the rows that leave a data file unreadable, and all the others.
BUILDS = {
    "every mistake that leaves the files readable": [m for m in MISTAKES if not m.unreadable],
    "the mistakes that leave a data file unreadable": [m for m in MISTAKES if m.unreadable],
}


@pytest.mark.parametrize("rows", BUILDS.values(), ids=BUILDS.keys())
def test_the_build_reports_each_rows_mistake_at_the_same_file_and_line_as_check(tmp_path: Path, rows: list[Mistake]):
    """One project with every row's mistake at once (in table order, each in its own file or data entry), checked
    in this process and built for real: the build fails, reports exactly what the check reports, each row's
    message at its file and line among it, and publishes nothing."""
    project = copy_project(tmp_path / "project")
    where = [mistake.write(project) for mistake in rows]
    outcome = check_and_build(project, tmp_path / "site", check_here=True)
    assert outcome.check.returncode == 1 and outcome.build.returncode != 0, outcome.output
    outcome.assert_agree()
    missing = [
        f"{mistake.name}: {path}:{line}: {mistake.message}"
        for mistake, (path, line) in zip(rows, where)
        if not any(mistake.message in row for row in rows_at(outcome.check, path, line))
    ]
    assert not missing, "\n".join(missing) + "\n" + outcome.output
    assert not outcome.published


NOTE = "Two carriers resumed limited routes: *not* <b>all</b> & {not a macro}."


#: Entries no brief names: warnings, which neither the check nor the build stops at. (file, entry, kind)
UNUSED = [
    ("data/actors.yml", "lonely:\n  name: Lonely\n  kind: group\n  summary: Nobody names it.\n", "actor"),
    ("data/authors.yml", "lonely:\n  name: Lonely\n  role: Analyst\n  bio: Writes nothing yet.\n", "author"),
    ("data/regions.yml", "lonely:\n  name: Lonely\n  summary: Nobody names it.\n", "region"),
]


@dataclass
class ValidBuild:
    outcome: CheckAndBuild
    unused: dict[str, str]  # kind -> the file:line of its unused entry


@pytest.fixture(scope="module")
def valid_build(tmp_path_factory) -> ValidBuild:
    """One project without errors, checked by the real command and built for real: a brief using the contract
    of mechanisms, leverage and readings, and an unused actor, author and region (warnings)."""
    base = tmp_path_factory.mktemp("valid")
    project = copy_project(base / "project")
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
    unused = {kind: f"{data_file}:{append(project, data_file, entry)}:1" for data_file, entry, kind in UNUSED}
    return ValidBuild(check_and_build(project, base / "site"), unused)


def test_the_contract_of_mechanisms_leverage_and_readings_is_accepted_and_shown(valid_build: ValidBuild):
    outcome = valid_build.outcome
    assert outcome.check.returncode == 0 and outcome.build.returncode == 0, outcome.output
    assert [row.split(": ")[0] for row in outcome.check_rows] == sorted(valid_build.unused.values())  # no more
    outcome.assert_agree()

    page = soup(outcome.site / "briefs/2026/test-brief/index.html")
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

    indicator = soup(outcome.site / "indicators/airspace-reopening/index.html")
    latest = " ".join(indicator.select_one(".reading-latest").get_text().split())
    assert latest.startswith("Latest reading: Advancing on 1 December 2026, in A test brief") and NOTE in latest


def test_every_problem_is_reported_in_one_run(project: Path):
    write_brief(
        project,
        FRONT.replace("date: 2026-06-01", "date: 2026-02-30").replace("actors: [qatar, iran]", "actors: [qatr]"),
        body=BODY.replace('{{ actor("qatar") }}', "Qatar"),
    )
    append(project, "data/actors.yml", "qatar:\n  name: Q\n  kind: state\n  summary: S.\n")
    result = briefings_here("check", cwd=project)
    assert result.returncode == 1
    assert "not '2026-02-30'" in result.stdout
    assert "unknown actor 'qatr'" in result.stdout
    assert "duplicate key 'qatar'" in result.stdout
    assert "3 errors" in result.stderr


@pytest.mark.parametrize("kind", [kind for _, _, kind in UNUSED])
def test_an_unused_entry_is_a_warning_from_check_and_build_alike(valid_build: ValidBuild, kind: str):
    outcome = valid_build.outcome
    assert outcome.check.returncode == 0 and outcome.build.returncode == 0, outcome.output
    expected = f"{valid_build.unused[kind]}: warning: no brief"
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
    result = briefings_here("check", cwd=project)
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
    result = briefings_here("check", cwd=project)
    assert result.returncode == 1
    assert "2026-13-01" in result.stdout
    assert "no brief names" not in result.stdout, "the broken brief, not the new actor, is the problem"
    assert line


def test_a_draft_may_be_unfinished(project: Path):
    created = briefings_here("new", "brief", "Unfinished thoughts", cwd=project)
    assert created.returncode == 0
    result = briefings_here("check", cwd=project)
    assert result.returncode == 0 and result.stdout == "", result.output


def test_check_limits_the_report_to_the_files_given_and_what_they_cause(project: Path):
    write_brief(project, FRONT.replace("actors: [qatar, iran]", "actors: [qatr]"))
    other = briefings_here("check", "docs/about.md", cwd=project)
    assert other.returncode == 0 and "qatr" not in other.stdout
    assert "2 errors, 0 warnings elsewhere" in other.stderr  # the unknown id, and the macro naming qatar
    for path in (BRIEF, "data/actors.yml"):  # the brief names an id that the data file does not define
        mine = briefings_here("check", path, cwd=project)
        assert mine.returncode == 1 and "unknown actor 'qatr'" in mine.stdout, path


def test_check_of_a_file_that_does_not_exist_is_an_error(project: Path):
    result = briefings_here("check", "docs/briefs/2026/nonexistent.md", cwd=project)
    assert result.returncode == 1
    assert "docs/briefs/2026/nonexistent.md:1:1: no such file" in result.stdout


def test_the_shipped_content_has_no_problem(project: Path):
    result = briefings_here("check", cwd=project)
    assert result.returncode == 0, result.output
    assert result.stdout == ""
    assert "0 errors, 0 warnings" in result.stderr
