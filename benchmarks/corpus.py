"""A generated corpus: a copy of the project with N more briefs, and actors and indicators enough for them.

    .venv/bin/python -m benchmarks.corpus --briefs 1000 --out /tmp/corpus

The copy holds what a build reads (mkdocs.yml and the folders it names: docs, theme overrides, hooks, the
macros module, and data/), the shipped briefs included. To it are added, deterministically from `--seed`:

- actors and indicators appended to data/actors.yml and data/indicators.yml until there are `--actors` and
  `--indicators` of each (valid against briefings/schemas/);
- N briefs in docs/briefs/<year>/, each with the five house headings, about 600 words, ~4 actors and 2-3
  indicators in its front matter and as `{{ actor("id") }}` / `{{ indicator("id") }}` calls in its text,
  tags, regions, sources, some with an `updated` date.

Brief number n is the same whatever N is (its own random stream), and dates go back one day per brief from
the shipped briefs: the corpus at 4N is the corpus at N plus older briefs.

Forward compatible: when the project has data/mechanisms.yml, briefs also get `mechanisms: [...]` with
`{{ mechanism("id") }}` calls, `leverage: {gains: [...], loses: [...]}` and `readings: {indicator: state}`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .common import ROOT, i18n_options, read_config, read_yaml, site_languages, without_languages, write_config

# -- copying the project ---------------------------------------------------------------------------------------

ALWAYS = ("mkdocs.yml", "data")  # data/ is the briefings project's own; mkdocs.yml does not name it


def project_parts(root: Path = ROOT) -> list[str]:
    """The top-level files and folders a build of the project reads, from its mkdocs.yml."""
    config = read_config(root)
    paths = [*ALWAYS, config.get("docs_dir", "docs")]
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        paths.append(theme["custom_dir"])
    paths += config.get("hooks") or []
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "macros" in entry:
            options = entry["macros"] or {}
            paths.append(options.get("module_name", "main"))
            paths += [options[key] for key in ("include_dir", "include_yaml") if isinstance(options.get(key), str)]
            paths += [p for p in options.get("include_yaml") or [] if isinstance(p, str)]
            paths += [p for p in options.get("modules") or [] if isinstance(p, str) and "/" in p]
    parts = []
    for path in paths:
        top = Path(path).parts[0]
        # a module name is a file (macros.py) or a package (macros/)
        for candidate in (top, top + ".py"):
            if (root / candidate).exists() and candidate not in parts:
                parts.append(candidate)
    return parts


def copy_project(destination: Path, root: Path = ROOT) -> Path:
    """A copy of what a build of the project reads, to add to and build without touching the real one."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in project_parts(root):
        source = root / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


# -- words -----------------------------------------------------------------------------------------------------

SYLLABLES = (
    "val",
    "mor",
    "ket",
    "rin",
    "sa",
    "dor",
    "len",
    "ka",
    "tar",
    "vi",
    "no",
    "ba",
    "zel",
    "ur",
    "an",
    "ste",
    "qa",
    "lo",
    "mir",
    "ez",
    "ta",
    "ris",
    "gon",
    "ael",
    "pe",
    "shu",
    "dra",
    "im",
    "ko",
    "ven",
)
FIRST_NAMES = (
    "Amira",
    "Daniel",
    "Farid",
    "Helena",
    "Jonas",
    "Karim",
    "Leila",
    "Marta",
    "Nadia",
    "Omar",
    "Petra",
    "Rami",
    "Sofia",
    "Tariq",
    "Yara",
    "Viktor",
    "Ines",
    "Hassan",
    "Clara",
    "Malik",
)
DOMAINS = (
    "Energy",
    "Trade",
    "Defence",
    "Finance",
    "Interior",
    "Foreign Affairs",
    "Transport",
    "Water",
    "Health",
    "Agriculture",
    "Shipping",
    "Telecommunications",
)
GROUP_NOUNS = ("Coalition", "Movement", "Alliance", "Front", "Network", "Bloc", "Council", "Forum")
ORG_NOUNS = ("Association", "Union", "Federation", "Institute", "Commission", "Agency", "Consortium")
REGIONS = (
    "Middle East",
    "Gulf",
    "North America",
    "Europe",
    "East Asia",
    "South Asia",
    "Central Asia",
    "East Africa",
    "West Africa",
    "Latin America",
    "Caucasus",
    "Horn of Africa",
)
KINDS = ("state", "person", "institution", "organisation", "group")
MEASURES = (
    "shipments",
    "prices",
    "output",
    "flows",
    "deployments",
    "approvals",
    "arrests",
    "tariffs",
    "reserves",
    "licences",
    "closures",
    "transfers",
    "appointments",
    "exports",
    "inspections",
)
TAGS = (
    "diplomacy",
    "mediation",
    "de-escalation",
    "energy",
    "sanctions",
    "shipping",
    "elections",
    "security",
    "trade",
    "finance",
    "migration",
    "water",
    "food",
    "infrastructure",
    "military",
    "alliances",
    "ceasefire",
    "negotiation",
    "domestic-politics",
    "succession",
    "protests",
    "media",
    "cyber",
    "aviation",
    "ports",
    "oil",
    "gas",
    "grain",
    "borders",
    "courts",
    "parliaments",
    "coalitions",
    "aid",
    "debt",
    "currency",
    "labour",
    "health",
    "climate",
    "mining",
    "telecoms",
)
NOUNS = (
    "channel",
    "deadline",
    "concession",
    "ceasefire",
    "corridor",
    "tariff",
    "quota",
    "treaty",
    "summit",
    "coalition",
    "pipeline",
    "port",
    "license",
    "embargo",
    "budget",
    "vote",
    "guarantee",
    "framework",
    "inspection",
    "moratorium",
    "transfer",
    "loan",
    "election",
    "convoy",
    "exchange",
)
ADJECTIVES = (
    "fragile",
    "quiet",
    "public",
    "informal",
    "binding",
    "provisional",
    "contested",
    "narrow",
    "regional",
    "domestic",
    "sudden",
    "gradual",
    "costly",
    "credible",
    "partial",
    "open",
)
VERBS = (
    "tests",
    "signals",
    "delays",
    "secures",
    "rejects",
    "proposes",
    "extends",
    "reopens",
    "questions",
    "backs",
    "limits",
    "welcomes",
    "resists",
    "broadens",
    "recalibrates",
)
STATES = ("advancing", "steady", "reversing", "resolved")

HEADINGS = (
    "What happened",
    "Who gains leverage",
    "What mechanism is operating",
    "Why it matters",
    "What to watch next",
)

# Sentences of each section; {a} is an actor link, {i} an indicator link, {m} a mechanism link (when the
# project has mechanisms), the rest are words.
SENTENCES = {
    "What happened": (
        "{a} {verb} a {adj} {noun} after weeks of contacts that had been kept out of public view.",
        "Officials close to {a} said the {noun} was discussed at length, though no text was published.",
        "The announcement came as {a} and {a2} exchanged messages through intermediaries about the {noun}.",
        "Reports from the region suggest that {a} had prepared the ground well before the meeting.",
        "What was agreed remains unclear: each side described the {noun} in terms meant for its own audience.",
        "The timing matters, because the {noun} had been blocked twice before by objections from {a}.",
    ),
    "Who gains leverage": (
        "{a} gains most in the near term, because it now controls the pace of the {noun}.",
        "{a} keeps its options open by avoiding any {adj} commitment, which raises the price of its consent.",
        "Those who host the talks decide who meets and when, and {a} has made that role its own.",
        "{a2} loses some room to manoeuvre: its earlier {adj} position is harder to defend at home.",
        "The balance is not fixed; a {adj} shift in the {noun} could hand the initiative back to {a}.",
    ),
    "What mechanism is operating": (
        "The core mechanism is brokered bargaining: a third party turns open rivalry into a {adj} exchange.",
        "Each side trades {adj} gestures for time, and the {noun} becomes the currency of that trade.",
        "Control of information does much of the work, since {a} knows more about timing than the others.",
        "Domestic audiences shape what can be said in public, so the real bargaining stays {adj}.",
        "The pattern resembles earlier rounds, in which a {adj} {noun} held as long as both sides gained from it.",
    ),
    "Why it matters": (
        "The immediate risk of escalation is lower, but nothing binds the parties to what they discussed.",
        "Oversight suffers when diplomacy becomes habitually {adj}: the public knows less about what was conceded.",
        "For {a}, the outcome sets a precedent that will be cited the next time a {noun} is on the table.",
        "Markets and neighbours read the {noun} as a signal, and their reactions feed back into the talks.",
        "A {adj} arrangement of this kind tends to last only while its brokers are still needed.",
    ),
    "What to watch next": (
        "Watch {i} for the first sign that the {noun} is holding.",
        "A move in {i} would show that the parties are ready to commit in public.",
        "Follow {i} as well: it tends to move before official statements do.",
        "If {a} changes its tone, expect {i} to follow within weeks.",
    ),
}
MECHANISM_SENTENCE = "Here the mechanism at work is {m}, which explains why the {noun} moved when it did."


@dataclass
class Entities:
    """The ids of the actors, indicators (and mechanisms) a brief can name, with their regions."""

    actors: list[str]
    indicators: list[str]
    mechanisms: list[str] = field(default_factory=list)
    regions: dict[str, str] = field(default_factory=dict)  # actor id -> region, where it has one


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()


# -- actors and indicators -------------------------------------------------------------------------------------


def _actor(rng: random.Random) -> dict:
    kind = rng.choice(KINDS)
    place = _place(rng)
    if kind == "state":
        name, summary = place, f"A state whose government plays a {rng.choice(ADJECTIVES)} part in regional talks."
        aliases = [f"Republic of {place}"]
    elif kind == "person":
        name = f"{rng.choice(FIRST_NAMES)} {_place(rng)}"
        summary = f"A senior figure in {place} whose public statements are read as signals of intent."
        aliases = [f"Minister {name.split()[1]}"] if rng.random() < 0.5 else []
    elif kind == "institution":
        name = f"{place} Ministry of {rng.choice(DOMAINS)}"
        summary = f"The ministry that sets {place}'s policy on the {rng.choice(NOUNS)} and negotiates its terms."
        aliases = []
    elif kind == "organisation":
        name = f"{place} {rng.choice(DOMAINS)} {rng.choice(ORG_NOUNS)}"
        summary = "An organisation whose members have a stake in the outcome and lobby the governments involved."
        aliases = []
    else:
        name = f"{place} {rng.choice(GROUP_NOUNS)}"
        summary = "A loose group of factions that can block or enable an agreement from outside government."
        aliases = []
    entry: dict[str, Any] = {"name": name, "kind": kind, "summary": summary}
    if aliases:
        entry["aliases"] = aliases
    entry["region"] = slugify(rng.choice(REGIONS))  # an id of data/regions.yml (see add_entities)
    if rng.random() < 0.4:
        entry["links"] = [{"title": f"{name} (reference)", "url": f"https://example.org/actors/{slugify(name)}"}]
    return entry


def _indicator(rng: random.Random, actor_ids: list[str]) -> dict:
    measure, place = rng.choice(MEASURES), _place(rng)
    noun = rng.choice(NOUNS)
    return {
        "name": f"{measure.capitalize()} through {place}",
        "summary": f"Whether {measure} through {place} rise or fall as the {noun} is tested.",
        "signals": {
            "advancing": [f"Officials report higher {measure} through {place}.", f"The {noun} is renewed on time."],
            "reversing": [
                f"{measure.capitalize()} through {place} are suspended.",
                f"The {noun} lapses without notice.",
            ],
        },
        "actors": rng.sample(actor_ids, min(len(actor_ids), rng.choice((1, 2, 3)))),
    }


def _append_entries(path: Path, existing: dict, count: int, make) -> dict:
    """Append `count` generated entries with fresh ids to a data file; return all entries."""
    entries = dict(existing)
    added: dict[str, dict] = {}
    while len(added) < count:
        entry = make()
        base = slugify(entry["name"])
        entity_id, n = base, 2
        while entity_id in entries:
            entity_id, n = f"{base}-{n}", n + 1
        entries[entity_id] = added[entity_id] = entry
    if added:
        text = path.read_text("utf-8")
        text += ("" if text.endswith("\n") else "\n") + "# Generated by benchmarks/corpus.py\n"
        text += yaml.safe_dump(added, sort_keys=False, allow_unicode=True, width=1000)
        path.write_text(text, "utf-8")
    return entries


def add_entities(project: Path, actors: int, indicators: int, seed: int) -> Entities:
    """Grow data/actors.yml and data/indicators.yml to `actors` and `indicators` entries."""
    rng = random.Random(f"{seed}-entities")
    regions_file = project / "data/regions.yml"
    known_regions = read_yaml(regions_file) or {}
    # The regions actors are placed in, added to the shipped ones where missing.
    missing = [name for name in REGIONS if slugify(name) not in known_regions]
    if missing:
        text = regions_file.read_text("utf-8")
        text += ("" if text.endswith("\n") else "\n") + "# Generated by benchmarks/corpus.py\n"
        text += yaml.safe_dump(
            {slugify(name): {"name": name, "summary": f"The region of {name}, for the benchmark."} for name in missing},
            sort_keys=False,
            allow_unicode=True,
            width=1000,
        )
        regions_file.write_text(text, "utf-8")
    actors_file, indicators_file = project / "data/actors.yml", project / "data/indicators.yml"
    all_actors = _append_entries(
        actors_file,
        read_yaml(actors_file) or {},
        max(0, actors - len(read_yaml(actors_file) or {})),
        lambda: _actor(rng),
    )
    actor_ids = list(all_actors)
    existing = read_yaml(indicators_file) or {}
    all_indicators = _append_entries(
        indicators_file, existing, max(0, indicators - len(existing)), lambda: _indicator(rng, actor_ids)
    )
    mechanisms = read_yaml(project / "data/mechanisms.yml") or {}
    return Entities(
        actors=actor_ids,
        indicators=list(all_indicators),
        mechanisms=list(mechanisms) if isinstance(mechanisms, dict) else [],
        regions={i: a["region"] for i, a in all_actors.items() if a.get("region")},
    )


# -- briefs ----------------------------------------------------------------------------------------------------


def _call(kind: str, entity_id: str) -> str:
    return f'{{{{ {kind}("{entity_id}") }}}}'


def _section(
    rng: random.Random, heading: str, actors: list[str], indicators: list[str], mechanisms: list[str], sentences: int
) -> str:
    """One section: `sentences` sentences from the heading's pool, naming the brief's entities."""
    pool = SENTENCES[heading]
    text = []
    for n in range(sentences):
        template = pool[n % len(pool)] if n < len(pool) else rng.choice(pool)
        a, a2 = rng.sample(actors, 2) if len(actors) > 1 else (actors[0], actors[0])
        text.append(
            template.format(
                a=_call("actor", a),
                a2=_call("actor", a2),
                i=_call("indicator", indicators[n % len(indicators)]) if indicators else "the next statements",
                verb=rng.choice(VERBS),
                adj=rng.choice(ADJECTIVES),
                noun=rng.choice(NOUNS),
            )
        )
    if heading == "What mechanism is operating" and mechanisms:
        for mechanism in mechanisms:
            text.append(MECHANISM_SENTENCE.format(m=_call("mechanism", mechanism), noun=rng.choice(NOUNS)))
    paragraphs = [" ".join(text[: len(text) // 2]), " ".join(text[len(text) // 2 :])]
    return f"## {heading}\n\n" + "\n\n".join(p for p in paragraphs if p)


def brief(n: int, entities: Entities, date: dt.date, seed: int) -> tuple[str, str]:
    """Brief number `n`: (its path under docs/, its Markdown). The same n and seed always give the same brief."""
    rng = random.Random(f"{seed}-brief-{n}")
    actors = rng.sample(entities.actors, min(len(entities.actors), rng.choice((3, 4, 4, 5))))
    indicators = rng.sample(entities.indicators, min(len(entities.indicators), rng.choice((2, 3))))
    # Every actor is named in the text: it opens the first section.
    first = "## What happened\n\n" + " ".join(
        f"{_call('actor', a)} {rng.choice(VERBS)} the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}." for a in actors
    )
    meta: dict = {
        "title": f"{rng.choice(('How', 'Why', 'Where'))} the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} "
        f"{rng.choice(VERBS)} the balance, brief {n}",
        "date": date,
        "summary": f"A {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} shifts leverage between the parties, "
        f"with {rng.choice(NOUNS)}s and {rng.choice(NOUNS)}s to watch next.",
        "actors": actors,
        "indicators": indicators,
    }
    mechanisms: list[str] = []
    if entities.mechanisms:
        mechanisms = rng.sample(entities.mechanisms, min(len(entities.mechanisms), rng.choice((1, 1, 2))))
        meta["mechanisms"] = mechanisms
        gains = actors[: rng.choice((1, 2))]
        meta["leverage"] = {"gains": gains, "loses": actors[len(gains) : len(gains) + 1]}
        meta["readings"] = {i: rng.choice(STATES) for i in indicators if rng.random() < 0.6}
    if rng.random() < 0.2:
        meta["updated"] = date + dt.timedelta(days=rng.randint(1, 10))
    meta["tags"] = rng.sample(TAGS, rng.choice((2, 3)))
    regions = sorted({entities.regions[a] for a in actors if a in entities.regions})
    if regions:
        meta["regions"] = regions
    meta["authors"] = ["briefings-desk"]  # an id of the shipped data/authors.yml
    meta["sources"] = [
        {"title": f"Source {k + 1} for brief {n}", "url": f"https://example.org/sources/{n}/{k + 1}"}
        for k in range(rng.choice((1, 2)))
    ]

    sections = [first + " " + _section(rng, HEADINGS[0], actors, indicators, mechanisms, 8).split("\n\n", 1)[1]]
    sections += [_section(rng, h, actors, indicators, mechanisms, 8 if h != HEADINGS[-1] else 6) for h in HEADINGS[1:]]
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=None)
    slug = slugify(f"brief {n:05d} {meta['title'].split(',')[0]}")[:70].strip("-")
    return f"briefs/{date.year}/{slug}.md", f"---\n{front}---\n\n" + "\n\n".join(sections) + "\n"


def oldest_shipped_date(docs: Path) -> dt.date:
    """The date of the oldest shipped brief (or today's): generated briefs are dated before it."""
    dates = []
    for path in (docs / "briefs").rglob("*.md"):
        match = re.search(r"^date:\s*['\"]?(\d{4}-\d{2}-\d{2})", path.read_text("utf-8"), re.M)
        if match:
            dates.append(dt.date.fromisoformat(match[1]))
    return min(dates) if dates else dt.date(2026, 1, 1)


@dataclass
class Corpus:
    """A generated project and what was put in it."""

    root: Path
    generated: list[str]  # the generated briefs' paths, relative to the docs folder
    entities: Entities

    @property
    def docs(self) -> Path:
        return self.root / (read_config(self.root).get("docs_dir") or "docs")


def generate(
    destination: Path, briefs: int = 1000, actors: int = 200, indicators: int = 100, seed: int = 1, root: Path = ROOT
) -> Corpus:
    """Copy the project to `destination` and add `briefs` generated briefs and their actors and indicators."""
    project = copy_project(destination, root)
    entities = add_entities(project, actors, indicators, seed)
    docs = project / (read_config(project).get("docs_dir") or "docs")
    start = oldest_shipped_date(docs) - dt.timedelta(days=1)
    paths = []
    for n in range(briefs):
        path, text = brief(n, entities, start - dt.timedelta(days=n), seed)
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, "utf-8")
        paths.append(path)
    return Corpus(project, paths, entities)


def in_one_language(project: Path) -> list[str]:
    """Make the corpus project `project` a site in its default language only: its mkdocs.yml without the i18n
    plugin and without the translations (`slug.<lang>.md` beside `slug.md`) that only that plugin publishes.
    Returns the languages it was built in (`[]` if it was in one already)."""
    config = read_config(project)
    languages = site_languages(config)
    if not languages:
        return []
    declared = [
        lang["locale"] for lang in (i18n_options(config) or {}).get("languages") or [] if isinstance(lang, dict)
    ]
    docs = project / (config.get("docs_dir") or "docs")
    for code in declared:
        if code != languages[0]:
            for translation in docs.rglob(f"*.{code}.md"):
                translation.unlink()
    write_config(project / "mkdocs.yml", without_languages(config))
    return languages


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=1000, help="generated briefs (default 1000)")
    parser.add_argument("--actors", type=int, default=200, help="actors in all, shipped ones included (200)")
    parser.add_argument("--indicators", type=int, default=100, help="indicators in all (100)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="a new or empty folder for the project copy")
    parser.add_argument(
        "--root",
        type=Path,
        default=ROOT,
        help="the project to copy (default: this repository; the tests pass their own)",
    )
    parser.add_argument(
        "--languages",
        choices=("all", "one"),
        default="all",
        help="every language the project is published in (default), or one: its default, without the i18n plugin",
    )
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    corpus = generate(args.out, args.briefs, args.actors, args.indicators, args.seed, args.root)
    if args.languages == "one":
        in_one_language(corpus.root)
    print(
        f"{corpus.root}: {len(corpus.generated)} generated briefs, {len(corpus.entities.actors)} actors, "
        f"{len(corpus.entities.indicators)} indicators"
        + (f", {len(corpus.entities.mechanisms)} mechanisms" if corpus.entities.mechanisms else "")
    )


if __name__ == "__main__":
    main()
