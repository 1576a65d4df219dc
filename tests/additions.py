"""The shipped content (the repository's mkdocs.yml, docs/ and data/), as the content tests see it.

A copy of the shipped project, and the same copy with what authors typically add to it, made the way an author
makes it: with `briefings new actor`, `new indicator`, `new mechanism` and `new brief`, then writing the
brief's text. Nothing here is written for particular shipped briefs: what the additions name (the first actors
listed in data, the first mechanism, the newest date, the oldest year) is read from the content itself.

Only this module and test_content*.py read the shipped content; the tool's own tests build the example project
in tests/fixtures/example (test_architecture.py checks this).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from benchmarks.browsing import Server, serve
from briefings.translations import split_language
from conftest import ROOT, briefings, copy_project, front_matter, mkdocs_build, soup

#: The shipped project: its content and configuration (the tool's parts come from the repository anyway).
SHIPPED = ROOT
REPO_URL = "https://github.com/example-owner/briefings"
PLACEHOLDER = "Text of the section."
HOUSE_HEADINGS = (
    "What happened",
    "Who gains leverage",
    "What mechanism is operating",
    "Why it matters",
    "What to watch next",
)


@dataclass(frozen=True)
class Additions:
    """What `add_typical_additions` added, as paths relative to docs/ and ids."""

    actor: str  # a new actor
    indicator: str  # a new indicator, read in `newest`
    mechanism: str  # a new mechanism, named in `newest`
    newest: str  # a brief newer than every other, naming two existing actors and the new one
    image: str  # a PNG beside `newest`, shown in its text
    image_alt: str
    new_year: str  # a brief in a year folder the content did not have
    draft: str  # a brief left a draft (dated after `newest`)
    foreign: str  # a brief with a long French title
    foreign_title: str


def shipped_copy(destination: Path) -> Path:
    """A copy of the shipped project, to add to and build without touching it."""
    return copy_project(destination, content=SHIPPED)


def _command(project: Path, *args: str) -> str:
    done = briefings(*args, cwd=project)
    assert done.returncode == 0, f"briefings {' '.join(args)}:\n{done.output}"
    return done.stdout.strip()


def _options(option: str, values) -> list[str]:
    """`--actor a --actor b` for an option that may be repeated."""
    return [text for value in values for text in (option, value)]


def _png(width: int = 12, height: int = 8) -> bytes:
    """A small valid PNG: a grey rectangle."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))  # filter byte, then grey pixels
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _write_brief(path: Path, *, summary: str, body: str, extra: str = "", tags: str = "[]") -> None:
    """Write a scaffolded brief as an author would: a summary, tags, the judgements, the text; published."""
    text = path.read_text("utf-8")
    front, _, _ = text.partition("\n---\n")
    front = re.sub(
        r"^summary: .*$", lambda _: f"summary: {json.dumps(summary, ensure_ascii=False)}", front, count=1, flags=re.M
    )
    front = re.sub(r"^tags: \[\]", f"tags: {tags}", front, count=1, flags=re.M)
    front = re.sub(r"^draft: true.*\n?", "", front, count=1, flags=re.M)
    front = front.rstrip("\n") + "\n" + extra
    path.write_text(f"{front.rstrip()}\n---\n\n{body}", "utf-8")


def _sections(first: str = "") -> str:
    return "".join(f"## {h}\n\n{first if n == 0 and first else PLACEHOLDER}\n\n" for n, h in enumerate(HOUSE_HEADINGS))


def _data(project: Path, name: str) -> dict:
    return yaml.safe_load((project / "data" / f"{name}.yml").read_text("utf-8")) or {}


def add_typical_additions(project: Path) -> Additions:
    """Make, in `project` (a copy of the shipped one), the additions an author typically makes."""
    docs = project / "docs"
    briefs = [p for p in (docs / "briefs").rglob("*.md") if _is_brief(p, docs)]
    dates = [front_matter(p)["date"] for p in briefs]
    years = {int(p.parent.name) for p in briefs if p.parent.name.isdigit()}
    actors = list(_data(project, "actors"))
    first, second = actors[0], actors[1 % len(actors)]  # the first two actors listed (one, if only one is)
    mechanisms = list(_data(project, "mechanisms"))[:1]  # the first mechanism listed, if any

    actor, indicator, mechanism = "added-example-authority", "added-example-indicator", "added-example-mechanism"
    assert actor not in _data(project, "actors"), "pick another id for the added actor"
    _command(
        project,
        "new",
        "actor",
        actor,
        "--name",
        "Example Harbour Authority",
        "--kind",
        "institution",
        "--summary",
        "An invented body, added by the tests as an author would add an actor.",
        "--alias",
        "Harbour board (example)",
    )
    _command(
        project,
        "new",
        "indicator",
        indicator,
        "--name",
        "Example indicator added by the tests",
        "--summary",
        "Placeholder: what would show the situation moving.",
        "--actor",
        actor,
        "--actor",
        first,
    )
    _command(
        project,
        "new",
        "mechanism",
        mechanism,
        "--name",
        "Example mechanism added by the tests",
        "--summary",
        "Placeholder: how the mechanism works.",
        *_options("--related", mechanisms),
    )

    # A brief newer than every other, naming two existing actors and the new ones, with an image beside it.
    newest_date = max(dates) + dt.timedelta(days=1)
    newest = project / _command(
        project,
        "new",
        "brief",
        "An example brief added after every shipped one",
        *_options("--actor", dict.fromkeys([first, second, actor])),
        "--indicator",
        indicator,
        *_options("--mechanism", [mechanism, *mechanisms]),
        "--date",
        newest_date.isoformat(),
    )
    image = newest.with_name(newest.stem + "-figure.png")
    image.write_bytes(_png())
    alt = "Placeholder figure for the example brief"
    _write_brief(
        newest,
        summary="A placeholder summary of the example brief.",
        tags="[added example]",
        extra=(
            f"leverage:\n  gains: [{actor}]\n  loses: [{first}]\n"
            f"readings:\n  {indicator}:\n    status: advancing\n    note: Placeholder note.\n"
        ),
        body=_sections(
            f'{{{{ actor("{actor}") }}}} and {{{{ actor("{first}") }}}}: {PLACEHOLDER}\n\n'
            f"![{alt}]({image.name})\n\n"
            f'See {{{{ indicator("{indicator}") }}}} and {{{{ mechanism("{mechanism}") }}}}.'
        ),
    )

    # A brief in a year folder the content does not have yet.
    year = min(years) - 1
    assert not (docs / "briefs" / str(year)).exists()
    new_year = project / _command(
        project, "new", "brief", "An example brief in a year of its own", "--actor", second, "--date", f"{year}-03-02"
    )
    _write_brief(new_year, summary="A placeholder summary of a brief in a new year.", body=_sections())

    # A long title in French: accents, an apostrophe, a colon and an ampersand.
    title = "Réflexions sur le rôle des médiateurs : échéances, engagements publics & équilibres fragiles"
    foreign = project / _command(
        project,
        "new",
        "brief",
        title,
        "--actor",
        first,
        "--mechanism",
        mechanism,
        "--date",
        (newest_date - dt.timedelta(days=3)).isoformat(),
    )
    _write_brief(foreign, summary="Un résumé provisoire : texte d’exemple.", body=_sections())

    # A draft, dated after every published brief: it must neither show nor count as the newest.
    draft = project / _command(
        project,
        "new",
        "brief",
        "An unpublished example draft",
        "--actor",
        first,
        "--date",
        (newest_date + dt.timedelta(days=1)).isoformat(),
    )
    assert front_matter(draft).get("draft") is True

    checked = briefings("check", cwd=project)
    assert checked.returncode == 0 and not checked.stdout.strip(), f"the additions are not valid:\n{checked.output}"
    return Additions(
        actor=actor,
        indicator=indicator,
        mechanism=mechanism,
        newest=newest.relative_to(docs).as_posix(),
        image=image.relative_to(docs).as_posix(),
        image_alt=alt,
        new_year=new_year.relative_to(docs).as_posix(),
        draft=draft.relative_to(docs).as_posix(),
        foreign=foreign.relative_to(docs).as_posix(),
        foreign_title=title,
    )


# -- the content site --------------------------------------------------------------------------------------------


@dataclass
class ContentSite:
    """The shipped content (with or without the additions), built with --strict for, and served at, a project
    path (http://127.0.0.1:PORT/briefings/), with edit links to an example repository."""

    variant: str
    project: Path
    site: Path
    server: Server
    additions: Additions | None

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def docs(self) -> Path:
        return self.project / "docs"

    def page(self, url_path: str) -> BeautifulSoup:
        return soup(self.site / url_path.strip("/") / "index.html")

    def data(self, name: str) -> dict:
        return _data(self.project, name)

    def briefs(self, drafts: bool = False) -> dict[Path, dict]:
        """Each brief's path and front matter, newest first (as every listing orders them)."""
        found = {p: front_matter(p) for p in (self.docs / "briefs").rglob("*.md") if _is_brief(p, self.docs)}
        ordered = sorted(found.items(), key=lambda item: (-item[1]["date"].toordinal(), item[1]["title"].casefold()))
        return {p: m for p, m in ordered if drafts or not m.get("draft")}

    def drafts(self) -> dict[Path, dict]:
        return {p: m for p, m in self.briefs(drafts=True).items() if m.get("draft")}

    def url_of(self, path: Path) -> str:
        """docs/briefs/2026/x.md -> briefs/2026/x/"""
        rel = path.relative_to(self.docs)
        return (rel.parent if rel.name == "index.md" else rel.with_suffix("")).as_posix() + "/"


def _is_brief(path: Path, docs: Path) -> bool:
    """A brief is docs/briefs/<year>/<slug>.md, or docs/briefs/<year>/<slug>/index.md beside its images; its
    translations beside it (`<slug>.ar.md`, `index.ar.md`) are not briefs of their own."""
    parts = path.relative_to(docs / "briefs").parts
    if split_language(path.name)[1] is not None:
        return False
    return len(parts) == 2 and parts[1] != "index.md" or len(parts) == 3 and parts[2] == "index.md"


def _after_every_brief(project: Path) -> str:
    """The build's day (SOURCE_DATE_EPOCH): today, or the day after the latest brief if that is later, so that
    content dated ahead (a scheduled brief, an addition newer than a brief dated today) is built as it will
    be once its day has come. Scheduling itself is the tool's, tested on the example project."""
    docs = project / "docs"
    latest = max(front_matter(p)["date"] for p in (docs / "briefs").rglob("*.md") if _is_brief(p, docs))
    day = max(dt.datetime.now(dt.UTC).date(), latest + dt.timedelta(days=1))
    return str(int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp()))


_BUILT: dict[str, ContentSite] = {}  # one build of each variant per test process


def content_site_for(variant: str, tmp_path_factory) -> ContentSite:
    if variant not in _BUILT:
        base = tmp_path_factory.mktemp("content")
        project = shipped_copy(base / "project")
        additions = add_typical_additions(project) if variant == "shipped + additions" else None
        server = serve(base / "site", "/briefings/")  # a daemon thread: it ends with the test process
        env = {"SITE_URL": server.url, "REPO_URL": REPO_URL, "SOURCE_DATE_EPOCH": _after_every_brief(project)}
        result = mkdocs_build(project, base / "site", env=env)
        assert result.returncode == 0, result.output
        _BUILT[variant] = ContentSite(variant, project, base / "site", server, additions)
    return _BUILT[variant]
