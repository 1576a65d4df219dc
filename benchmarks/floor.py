"""The floor: the same pages as a generated corpus, as a plain Material site with every page written out.

    .venv/bin/python -m benchmarks.floor CORPUS_PROJECT --out /tmp/floor

What a site of this size costs to build with Material and nothing else: no hooks, no macros, no theme
overrides, no generated pages. It reads the corpus project with plain YAML (not with the briefings core, so
that it measures the same pages whatever the core does) and writes:

- mkdocs.yml: the project's site name, URL, nav, `not_in_nav`, markdown_extensions and theme settings with
  `theme: material` and no custom_dir (nor the icon and favicon that live there); of the plugins only
  `search` (where the project has it), with the tags page written out;
- every published brief as static Markdown: its header (dates, reading time, authors, actors, indicators,
  regions, and mechanisms, leverage and readings where the corpus has them) written out, each macro call
  replaced by a plain relative link, then its sources;
- one page per actor and per indicator (and mechanism, author and region, where their data files exist)
  listing the briefs that name it, newest first, and the index pages of each;
- the hand-written pages with their macro calls written out (the latest briefs, the archive by month, what
  moved);
- feed.xml as a static file, and the open data (data/catalog.json: the briefs' front matter and the
  entities' data, with their addresses; data/catalog.schema.json copied from the project);
- for a project published in several languages (mkdocs-static-i18n, `i18n` in its mkdocs.yml), all of the
  above again under docs/<lang>/ for each language it builds other than the default, so that the floor writes
  as many pages as the project. They are copies of the default language's pages: the floor has no
  translations (a brief's `slug.fr.md` is left out), as the project's pages of a brief not translated show
  the original.

A macro it does not know stops it with an error naming the page: the floor must be taught a new macro
rather than silently leave it out.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import html
import json
import re
import shutil
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .common import (
    ROOT,
    as_date,
    link,
    plugin_names,
    read_config,
    read_yaml,
    site_languages,
    split_front_matter,
    url_of,
    write_config,
)

FLOOR_PLUGINS = ("search", "material/search")
DROPPED_SETTINGS = (
    "hooks",
    "extra_css",
    "extra_javascript",
    "repo_url",
    "repo_name",
    "edit_uri",
    "watch",
    "strict",
    "plugins",
    "theme",
)
# The theme's custom folder, and the logo icon and favicon that live in it.
CUSTOM_THEME_SETTINGS = ("custom_dir", "icon", "favicon")
KIND_LABELS = {
    "state": "States",
    "person": "People",
    "institution": "Institutions",
    "organisation": "Organisations",
    "group": "Groups",
}
FEED_SIZE = 20
WORDS_PER_MINUTE = 200
_CALL = re.compile(r"\{\{-?\s*(?P<name>[A-Za-z_]\w*)\((?P<args>.*?)\)\s*-?\}\}", re.S)
_COMMENT = re.compile(r"\{##.*?##\}", re.S)
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


class FloorError(Exception):
    """The corpus has something the floor cannot write out by hand."""


@dataclass
class Entity:
    """An actor, indicator, mechanism, author or region: its page and the data it shows."""

    kind: str  # "actor", "indicator", "mechanism", "author", "region"
    id: str
    data: dict

    @property
    def name(self) -> str:
        return self.data["name"]

    @property
    def src(self) -> str:
        return f"{self.kind}s/{self.id}.md"


@dataclass
class Brief:
    src: str
    meta: dict
    body: str

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def date(self) -> dt.date:
        return as_date(self.meta["date"])

    @property
    def sort_key(self) -> tuple:
        return (-self.date.toordinal(), self.title.casefold(), self.src)

    def ids(self, kind: str) -> list[str]:
        return list(self.meta.get(kind + "s") or [])


@dataclass
class Corpus:
    """What the floor reads from a corpus project."""

    config: dict
    entities: dict[str, dict[str, Entity]]  # kind -> id -> entity
    briefs: list[Brief]  # published, newest first
    pages: dict[str, tuple[dict, str]]  # other Markdown pages: src -> (front matter, body)
    assets: list[str]  # other files of the docs folder
    by_entity: dict[tuple[str, str], list[Brief]] = field(default_factory=lambda: defaultdict(list))

    def briefs_of(self, kind: str, entity_id: str) -> list[Brief]:
        return self.by_entity.get((kind, entity_id), [])


def translation_suffixes(config: dict) -> tuple[str, ...]:
    """The file endings of translations (`.fr.md`) in a project built in several languages by mkdocs-static-i18n
    (its `languages` in mkdocs.yml, the default apart)."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("i18n"), dict):
            found = entry["i18n"].get("languages") or []
            return tuple(
                f".{lang['locale']}.md" for lang in found if isinstance(lang, dict) and not lang.get("default")
            )
    return ()


def read_corpus(project: Path) -> Corpus:
    config = read_config(project)
    docs = project / (config.get("docs_dir") or "docs")
    entities: dict[str, dict[str, Entity]] = {}
    for kind in ("actor", "indicator", "mechanism", "author", "region"):
        data = read_yaml(project / f"data/{kind}s.yml")
        if isinstance(data, dict):
            entities[kind] = {i: Entity(kind, i, v) for i, v in data.items()}
    briefs, pages, assets = [], {}, []
    translated = translation_suffixes(config)
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        src = path.relative_to(docs).as_posix()
        if path.name.endswith(translated):  # every language's copy has the default's text
            continue
        if path.suffix != ".md":
            assets.append(src)
            continue
        parts = split_front_matter(path.read_text("utf-8"))
        if src.startswith("briefs/") and path.name != "index.md":
            if parts is None:
                raise FloorError(f"{src}: a brief without front matter")
            meta, body = parts
            if not meta.get("draft"):
                briefs.append(Brief(src, meta, body))
        else:
            pages[src] = parts if parts is not None else ({}, path.read_text("utf-8"))
    briefs.sort(key=lambda b: b.sort_key)
    corpus = Corpus(config, entities, briefs, pages, assets)
    for brief in briefs:
        for kind in entities:
            for entity_id in brief.ids(kind):
                corpus.by_entity[(kind, entity_id)].append(brief)
    return corpus


# -- Markdown pieces -------------------------------------------------------------------------------------------


def long_date(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def text(value: str) -> str:
    """Plain text made safe for link text and list items."""
    return html.escape(value, quote=False).replace("[", "\\[").replace("]", "\\]")


def entity_link(corpus: Corpus, page: str, kind: str, entity_id: str, label: str | None = None) -> str:
    entity = corpus.entities[kind][entity_id]
    return f"[{text(label or entity.name)}]({link(page, entity.src)})"


def brief_list(corpus: Corpus, page: str, briefs: list[Brief]) -> str:
    """Title, date, actors and summary of each brief, as the real listings show them."""
    items = []
    for brief in briefs:
        actors = ", ".join(entity_link(corpus, page, "actor", a) for a in brief.ids("actor"))
        items.append(
            f"- [{text(brief.title)}]({link(page, brief.src)})  \n"
            f"  {long_date(brief.date)} · {actors}  \n"
            f"  {text(' '.join(str(brief.meta['summary']).split()))}"
        )
    return "\n".join(items) + "\n"


def by_month(corpus: Corpus, page: str) -> str:
    sections = []
    months: dict[dt.date, list[Brief]] = {}
    for brief in corpus.briefs:
        months.setdefault(brief.date.replace(day=1), []).append(brief)
    for month, briefs in months.items():
        sections.append(f"## {month:%B %Y}\n\n" + brief_list(corpus, page, briefs))
    return "\n".join(sections) or "No briefs are published yet.\n"


def readings(brief: Brief) -> dict[str, tuple[str, str | None]]:
    """A brief's readings: indicator id -> (status, note), whether written as a status alone or a mapping."""
    found = {}
    for indicator_id, value in (brief.meta.get("readings") or {}).items():
        found[indicator_id] = (value, None) if isinstance(value, str) else (value["status"], value.get("note"))
    return found


def what_moved(corpus: Corpus, page: str, limit: int = 5) -> str:
    """The indicators whose latest reading differs from the one before, latest change first."""
    history: dict[str, list[tuple[Brief, str]]] = defaultdict(list)
    for brief in reversed(corpus.briefs):  # oldest first
        for indicator_id, (state, _) in readings(brief).items():
            history[indicator_id].append((brief, state))
    moved = [(i, r[-2][1], *r[-1]) for i, r in history.items() if len(r) > 1 and r[-1][1] != r[-2][1]]
    moved.sort(key=lambda m: m[2].sort_key)
    items = [
        f"- {entity_link(corpus, page, 'indicator', i)}: {before} → {after}, {long_date(brief.date)}, "
        f"[{text(brief.title)}]({link(page, brief.src)})"
        for i, before, brief, after in moved[:limit]
    ]
    return "\n".join(items) + "\n" if items else "No indicator moved.\n"


def render_calls(corpus: Corpus, page: str, markdown: str) -> str:
    """Replace every macro call in `markdown` by what it writes, as static Markdown."""
    markdown = _COMMENT.sub("", markdown)

    def call(match: re.Match) -> str:
        name = match["name"]
        try:
            args = ast.literal_eval(f"({match['args']},)") if match["args"].strip() else ()
        except (ValueError, SyntaxError) as exc:
            raise FloorError(f"{page}: cannot read the macro call {match[0]!r}") from exc
        if name in corpus.entities:
            return entity_link(corpus, page, name, *args)
        if name == "latest_briefs":
            return brief_list(corpus, page, corpus.briefs[: args[0] if args else 10])
        if name == "briefs_by_month":
            return by_month(corpus, page)
        if name == "what_moved":
            return what_moved(corpus, page, *args)
        if name == "brief_count":
            return str(len(corpus.briefs))
        if name.endswith("_count") and name[: -len("_count")] in corpus.entities:
            return str(len(corpus.entities[name[: -len("_count")]]))
        raise FloorError(f"{page}: the floor does not know the macro {name}(): teach benchmarks/floor.py")

    markdown = _CALL.sub(call, markdown)
    if "{{" in markdown or "{%" in markdown:
        raise FloorError(f"{page}: Jinja the floor cannot write out by hand")
    return markdown


def front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n\n"


# -- pages -----------------------------------------------------------------------------------------------------


def brief_page(corpus: Corpus, brief: Brief) -> str:
    meta, page = brief.meta, brief.src
    body = render_calls(corpus, page, brief.body)
    words = len(_WORD.findall(_CALL.sub(" x ", brief.body)))
    published = f"Published {long_date(brief.date)}"
    if meta.get("updated"):
        published += f", updated {long_date(as_date(meta['updated']))}"
    lines = [f"{published} · {max(1, round(words / WORDS_PER_MINUTE))} min read"]
    if brief.ids("author"):
        lines.append("By " + ", ".join(entity_link(corpus, page, "author", a) for a in brief.ids("author")))
    for kind in corpus.entities:
        if brief.ids(kind) and kind != "author":
            lines.append(
                f"{kind.capitalize()}s: " + ", ".join(entity_link(corpus, page, kind, i) for i in brief.ids(kind))
            )
    leverage = meta.get("leverage") or {}
    for side in ("gains", "loses"):
        if leverage.get(side):
            lines.append(
                f"Leverage {side}: " + ", ".join(entity_link(corpus, page, "actor", a) for a in leverage[side])
            )
    for indicator_id, (state, note) in readings(brief).items():
        lines.append(f"Reading: {entity_link(corpus, page, 'indicator', indicator_id)} {state} {text(note or '')}")
    header = f"# {text(brief.title)}\n\n" + "  \n".join(lines) + "\n\n"
    sources = ""
    if meta.get("sources"):
        sources = "\n## Sources\n\n" + "".join(f"- [{text(s['title'])}]({s['url']})\n" for s in meta["sources"])
    matter: dict[str, Any] = {"title": brief.title, "description": " ".join(str(meta["summary"]).split())}
    if meta.get("tags"):
        matter["tags"] = list(meta["tags"])
    return front_matter(matter) + header + body.rstrip() + "\n" + sources


def actor_page(corpus: Corpus, actor: Entity) -> str:
    data, page = actor.data, actor.src
    kind = data["kind"].capitalize() + (
        f" · {entity_link(corpus, page, 'region', data['region'])}" if data.get("region") else ""
    )
    out = [f"# {text(actor.name)}", kind, text(data["summary"])]
    if data.get("aliases"):
        out.append("**Also known as:** " + ", ".join(data["aliases"]))
    if data.get("links"):
        out.append("**Further reading:** " + ", ".join(f"[{text(x['title'])}]({x['url']})" for x in data["links"]))
    briefs = corpus.briefs_of("actor", actor.id)
    out.append(f"## Briefs naming {text(actor.name)}")
    out.append(brief_list(corpus, page, briefs) if briefs else f"No published brief names {text(actor.name)} yet.")
    alongside = Counter(other for b in briefs for other in b.ids("actor") if other != actor.id)
    if alongside:
        ranked = sorted(alongside.items(), key=lambda x: (-x[1], corpus.entities["actor"][x[0]].name.casefold()))
        out.append("## Most often named alongside")
        out.append(
            "\n".join(
                f"- {entity_link(corpus, page, 'actor', other)}: {n} brief{'s' if n != 1 else ''}"
                for other, n in ranked
            )
        )
    concerning = [i for i in corpus.entities.get("indicator", {}).values() if actor.id in (i.data.get("actors") or [])]
    if concerning:
        out.append(f"## Indicators concerning {text(actor.name)}")
        out.append(
            "\n".join(
                f"- {entity_link(corpus, page, 'indicator', i.id)} — {text(i.data['summary'])}" for i in concerning
            )
        )
    return front_matter({"title": actor.name, "description": data["summary"]}) + "\n\n".join(out) + "\n"


def indicator_page(corpus: Corpus, indicator: Entity) -> str:
    data, page = indicator.data, indicator.src
    out = [f"# {text(indicator.name)}", "Indicator", text(data["summary"])]
    signals = data.get("signals") or {}
    if signals:
        out.append("## Signals")
        for side, label in (("advancing", "forward"), ("reversing", "back")):
            if signals.get(side):
                out.append(f"**{side.capitalize()}** — what would show movement {label}:")
                out.append("\n".join(f"- {text(s)}" for s in signals[side]))
    if data.get("actors"):
        out.append("## Actors concerned")
        out.append(
            "\n".join(
                f"- {entity_link(corpus, page, 'actor', a)} — {text(corpus.entities['actor'][a].data['summary'])}"
                for a in data["actors"]
            )
        )
    briefs = corpus.briefs_of("indicator", indicator.id)
    out.append(f"## Briefs tracking {text(indicator.name)}")
    out.append(brief_list(corpus, page, briefs) if briefs else "No published brief tracks this indicator yet.")
    return front_matter({"title": indicator.name, "description": data["summary"]}) + "\n\n".join(out) + "\n"


def other_entity_page(corpus: Corpus, entity: Entity) -> str:
    """A mechanism, author or region (or any later kind of entity): its name, summary (an author's bio) and the
    briefs naming it."""
    briefs = corpus.briefs_of(entity.kind, entity.id)
    summary = entity.data.get("summary", entity.data.get("bio", ""))
    out = [
        f"# {text(entity.name)}",
        text(str(summary)),
        f"## Briefs naming {text(entity.name)}",
        brief_list(corpus, entity.src, briefs) if briefs else "No published brief names it yet.",
    ]
    return front_matter({"title": entity.name}) + "\n\n".join(out) + "\n"


def index_page(corpus: Corpus, kind: str) -> str:
    page = f"{kind}s/index.md"
    entities = sorted(corpus.entities[kind].values(), key=lambda e: e.name.casefold())

    def item(entity: Entity) -> str:
        n = len(corpus.briefs_of(kind, entity.id))
        summary = text(str(entity.data.get("summary", entity.data.get("bio", ""))))
        return f"- {entity_link(corpus, page, kind, entity.id)} — {summary} ({n} brief{'s' if n != 1 else ''})"

    out = [f"# {kind.capitalize()}s"]
    if kind == "actor":
        for key, label in KIND_LABELS.items():
            members = [e for e in entities if e.data.get("kind") == key]
            if members:
                out += [f"## {label}", "\n".join(item(e) for e in members)]
    else:
        out.append("\n".join(item(e) for e in entities))
    return front_matter({"title": f"{kind.capitalize()}s"}) + "\n\n".join(out) + "\n"


def feed(corpus: Corpus) -> str:
    home = str(corpus.config.get("site_url") or "http://127.0.0.1:8000/")
    home = home if home.endswith("/") else home + "/"
    entries = []
    for brief in corpus.briefs[:FEED_SIZE]:
        url = html.escape(home + url_of(brief.src))
        entries.append(
            f'  <entry>\n    <title>{html.escape(brief.title)}</title>\n    <link href="{url}"/>\n'
            f"    <id>{url}</id>\n    <updated>{as_date(brief.meta.get('updated') or brief.date)}T00:00:00Z</updated>\n"
            f"    <summary>{html.escape(' '.join(str(brief.meta['summary']).split()))}</summary>\n  </entry>\n"
        )
    updated = max(
        (as_date(b.meta.get("updated") or b.date) for b in corpus.briefs[:FEED_SIZE]), default=dt.date(1970, 1, 1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <title>{html.escape(str(corpus.config.get('site_name', '')))}</title>\n"
        f'  <link href="{html.escape(home)}"/>\n  <id>{html.escape(home)}</id>\n  <updated>{updated}T00:00:00Z</updated>\n'
        + "".join(entries)
        + "</feed>\n"
    )


def floor_config(config: dict) -> dict:
    """The project's configuration as a plain Material site: same pages and Markdown, no custom machinery."""
    floor = {key: value for key, value in config.items() if key not in DROPPED_SETTINGS}
    theme = config.get("theme") or {}
    theme = {
        key: value
        for key, value in (theme if isinstance(theme, dict) else {}).items()
        if key not in CUSTOM_THEME_SETTINGS
    }
    floor["theme"] = {**theme, "name": "material"}
    plugins = [entry for entry, name in zip(config.get("plugins") or [], plugin_names(config)) if name in FLOOR_PLUGINS]
    floor["plugins"] = plugins or ["search"]
    floor["docs_dir"] = "docs"
    others = site_languages(config)[1:]
    if others and floor.get("not_in_nav"):  # each language's copy of the pages is out of the nav as they are
        floor["not_in_nav"] = str(floor["not_in_nav"]).rstrip("\n") + "".join(f"\n/{lang}/**" for lang in others) + "\n"
    return floor


def write_floor(project: Path, destination: Path) -> Path:
    """Write the floor of the corpus project `project` to `destination`; returns `destination`."""
    corpus = read_corpus(project)
    docs_in = project / (corpus.config.get("docs_dir") or "docs")
    docs = destination / "docs"
    if destination.exists():
        shutil.rmtree(destination)
    docs.mkdir(parents=True)
    write_config(destination / "mkdocs.yml", floor_config(corpus.config))

    def write(src: str, content: str) -> None:
        path = docs / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, "utf-8")

    for src in corpus.assets:
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(docs_in / src, docs / src)
    for src, (meta, body) in corpus.pages.items():
        if meta.get("render_macros", True) is not False:
            body = render_calls(corpus, src, body)
        write(src, (front_matter(meta) if meta else "") + body)
    for brief in corpus.briefs:
        write(brief.src, brief_page(corpus, brief))
    writers = {"actor": actor_page, "indicator": indicator_page}
    for kind, entities in corpus.entities.items():
        write(f"{kind}s/index.md", index_page(corpus, kind))
        for entity in entities.values():
            write(entity.src, writers.get(kind, other_entity_page)(corpus, entity))
    for src, page in tag_pages(corpus).items():
        write(src, page)
    write("feed.xml", feed(corpus))
    write("data/catalog.json", catalog(corpus))
    write("data/catalog.schema.json", (ROOT / "briefings/schemas/catalog.schema.json").read_text("utf-8"))
    in_default = sorted(p for p in docs.rglob("*") if p.is_file())
    for lang in site_languages(corpus.config)[1:]:  # the same pages again under /<lang>/, as the project has them
        for file in in_default:
            target = docs / lang / file.relative_to(docs)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
    return destination


def in_default_language(floor: Path, destination: Path, others: list[str]) -> Path:
    """A copy of `floor` at `destination` without the pages of the languages `others` (its docs/<lang>/ folders)
    nor its built site: the pages the project's live preview builds, which shows the default language only."""
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(floor, destination, ignore=lambda folder, _: ["site"] if Path(folder) == floor else [])
    for lang in others:
        shutil.rmtree(destination / "docs" / lang, ignore_errors=True)
    return destination


def catalog(corpus: Corpus) -> str:
    """data/catalog.json as a static file, from the front matter and the data as they are."""
    data = {
        "briefs": [{**brief.meta, "url": url_of(brief.src)} for brief in corpus.briefs],
        **{
            f"{kind}s": [{**e.data, "id": e.id, "url": url_of(e.src)} for e in entities.values()]
            for kind, entities in corpus.entities.items()
        },
    }
    return json.dumps(data, default=str, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def tag_slug(tag: str) -> str:
    """The folder of a tag's page, as the project names it: lowercase ASCII words joined by hyphens."""
    ascii_tag = unicodedata.normalize("NFKD", tag).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_tag.lower()).strip("-") or "tag"


def tag_pages(corpus: Corpus) -> dict[str, str]:
    """The tags index and a page per tag with the briefs carrying it, newest first, by source path, as the
    project generates them (tags/<slug>/index.md)."""
    tagged: dict[str, list[Brief]] = defaultdict(list)
    for brief in sorted(corpus.briefs, key=lambda b: b.sort_key):
        for tag in brief.meta.get("tags") or []:
            tagged[str(tag)].append(brief)
    tags = sorted(tagged.items(), key=lambda item: item[0].casefold())
    index = [f"- [{text(tag)}]({tag_slug(tag)}/index.md): {len(briefs)} briefs" for tag, briefs in tags]
    pages = {"tags/index.md": "---\ntitle: Tags\n---\n\n# Tags\n\n" + "\n".join(index) + "\n"}
    for tag, briefs in tags:
        src = f"tags/{tag_slug(tag)}/index.md"
        pages[src] = front_matter({"title": tag}) + f"# {text(tag)}\n\n{brief_list(corpus, src, briefs)}\n"
    return pages


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a corpus project (see benchmarks.corpus)")
    parser.add_argument("--out", type=Path, required=True, help="the floor project's folder (replaced)")
    args = parser.parse_args(argv)
    write_floor(args.project, args.out)
    print(f"{args.out}: the floor of {args.project}")


if __name__ == "__main__":
    main()
