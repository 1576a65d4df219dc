"""The authors' command line: `briefings check` (with `--since REF`, the addresses a change loses),
`briefings diff REF` (what a change does for readers, as Markdown for a pull request),
`briefings list <kinds>`, `briefings new brief`, `briefings new <kind>`, `briefings move` (a brief) and
`briefings rename <kind>` (an entity's id)."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import signal
import sys
from pathlib import Path

from .kinds import BY_FOLDER, BY_NAME, KINDS, EntityKind
from .languages import DEFAULT
from .loader import load_project
from .problems import Location, Problems
from .project import Project


def find_root(start: Path) -> Path:
    """The project root: the nearest folder at or above `start` with a mkdocs.yml."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise SystemExit(f"briefings: no mkdocs.yml in {start} or above it: run this inside a briefings project")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefings", description="Write and check briefs and the entities they name.")
    p.add_argument("--root", type=Path, help="the project folder (default: the nearest with a mkdocs.yml)")
    commands = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check all data and every page without building the site")
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="show only the problems in these files or folders and those they cause elsewhere",
    )
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: GitHub Actions annotations, shown inline on a pull request",
    )
    check.add_argument(
        "--since",
        metavar="REF",
        help="also report every address published at this git revision (a branch, tag or commit) "
        "that the site no longer serves and no redirect covers",
    )

    diff = commands.add_parser(
        "diff",
        help="print, as Markdown, what the project's changes since a git revision "
        "do for readers, and the errors the check finds",
    )
    diff.add_argument("ref", metavar="REF", help="the git revision to compare with: a branch, tag or commit")

    listing = commands.add_parser("list", help="list the actors, indicators or mechanisms, or find one")
    listing.add_argument("folder", choices=[kind.folder for kind in KINDS], metavar="|".join(k.folder for k in KINDS))
    listing.add_argument(
        "words",
        nargs="*",
        metavar="WORD",
        help="only entries whose id, name or aliases contain every word (case and accents aside)",
    )

    new = commands.add_parser("new", help="create a brief, or add an entity to its data file")
    what = new.add_subparsers(dest="what", required=True, metavar="WHAT")

    brief = what.add_parser(
        "brief",
        help="a new draft brief from the template, ready to fill in, or with --translate a brief's translation",
    )
    brief.add_argument("title", nargs="?", help="its title (not with --translate)")
    brief.add_argument(
        "--lang",
        metavar="CODE",
        help="the language it is written in (a code of briefings/languages/: fr, ar, fa...; default: en); "
        "with --translate, the language to translate into",
    )
    brief.add_argument(
        "--translate",
        type=Path,
        metavar="PATH",
        help="start the translation into --lang of this brief (docs/briefs/<year>/<slug>.md), beside it",
    )
    for kind in KINDS:
        brief.add_argument(
            f"--{kind.name}",
            dest=kind.name,
            action="append",
            default=[],
            metavar="ID",
            help=f"{kind.a_name} the brief names (repeatable)",
        )
    brief.add_argument("--date", type=_date, help="publication date, YYYY-MM-DD (default: today)")
    brief.add_argument(
        "--slug",
        help="the file name, without .md: lowercase letters, digits and hyphens (default: made from the title)",
    )

    move = commands.add_parser(
        "move", help="move a brief to a new address, rewriting links to it and recording a redirect from the old one"
    )
    move.add_argument("old", type=Path, metavar="OLD", help="the brief: docs/briefs/<year>/<slug>.md, or its folder")
    move.add_argument(
        "new",
        type=Path,
        metavar="NEW",
        help="where it goes: docs/briefs/<year>/<new-slug>.md (a folder brief stays a folder)",
    )

    rename = commands.add_parser(
        "rename",
        help="rename an actor's, indicator's or mechanism's id everywhere, "
        "recording redirects from its old page and feed",
    )
    rename.add_argument("kind", choices=[kind.name for kind in KINDS], metavar="|".join(k.name for k in KINDS))
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")

    for kind in KINDS:
        entity = what.add_parser(kind.name, help=f"add {kind.a_name} to {kind.data_file}")
        entity.add_argument("id")
        for option in kind.options:
            entity.add_argument(
                option.option,
                dest=option.field,
                required=option.required,
                metavar=option.flag.upper() or None,
                action="append" if option.many else "store",
                default=[] if option.many else None,
                choices=option.choices or None,
                help=option.help + (" (repeatable)" if option.many else ""),
            )
    return p


def run_check(project: Project, paths: list[Path], output_format: str, since: str | None = None) -> int:
    """Check the whole project; with `paths`, show the problems in them and those they cause elsewhere (a brief
    naming an id that a data file no longer defines), and count the others; with `since`, also the addresses
    published at that git revision that the site no longer serves."""
    loaded = load_project(project)
    if loaded.ok:  # here, not in the loader: it asks git, which the build does not
        from .translating import older_translations

        loaded.problems.extend(older_translations(project).items)
    if since is not None and loaded.ok:
        from .since import lost_since  # here: only this option needs git

        lost = lost_since(project, since, loaded)
        if lost is None:
            return 1
        loaded.problems.extend(lost.items)
    shown, elsewhere = loaded.problems, Problems()
    wanted = [project.relative(path) for path in paths]
    if wanted:
        shown = Problems([p for p in loaded.problems.items if p.concerns(wanted)])
        elsewhere = Problems([p for p in loaded.problems.items if not p.concerns(wanted)])
        for path, rel in zip(paths, wanted):
            if not path.exists() and not any(p.concerns([rel]) for p in shown):
                shown.error(Location(rel), "no such file: check the path")
    for problem in shown:
        print(problem.github() if output_format == "github" else str(problem))
    for brief_path, date in loaded.scheduled:  # not a problem: what the site will publish, and when
        if not wanted or any(brief_path == rel or brief_path.startswith(rel.rstrip("/") + "/") for rel in wanted):
            print(f"{brief_path}: scheduled for {date}", file=sys.stderr)
    where = f" in or caused by {', '.join(wanted)}" if wanted else ""
    others = f"; {elsewhere.summary()} elsewhere ('briefings check' lists them)" if elsewhere else ""
    print(f"briefings check: {shown.summary()}{where}{others} ({loaded.files} files read)", file=sys.stderr)
    return 1 if shown.errors else 0


def run_diff(project: Project, ref: str) -> int:
    """Print what the project does for readers compared with the git revision `ref`, with the errors the check
    finds (the same as `check --since ref`); 0 once printed, 2 if the project at `ref` cannot be compared."""
    from .changes import compare  # here: only this command needs git
    from .changes_markdown import markdown
    from .since import RevisionError, lost_between, project_at, unreadable

    loaded = load_project(project)
    try:
        before = project_at(project, ref)
    except RevisionError as error:
        print(f"briefings diff {ref}: {error}", file=sys.stderr)
        return 2
    if not before.ok:
        print(f"briefings diff {ref}: {unreadable(ref, before, 'what it published')}", file=sys.stderr)
        return 2
    errors = loaded.problems.errors
    assert before.catalog is not None, "before.ok"
    if loaded.catalog is not None:  # loaded.ok
        errors += lost_between(project, ref, before.catalog, loaded.catalog).errors
    changes = compare(before.catalog, loaded.catalog) if loaded.catalog is not None else None
    print(markdown(changes, ref, sorted(errors, key=lambda p: (p.location, p.message))), end="")
    return 0


def run_list(project: Project, kind: EntityKind, words: list[str]) -> int:
    """`id  name` of each entry of the kind that holds every word, aligned; exit 1 if there is none."""
    from .scaffold import find_entries

    found = find_entries(project, kind, words)
    if not found:
        where = f"matches '{' '.join(words)}': see 'briefings list {kind.folder}' for all" if words else "yet"
        print(f"briefings: no {kind.name} in {kind.data_file} {where}", file=sys.stderr)
        return 1
    width = max(len(entity_id) for entity_id, _ in found)
    for entity_id, name in found:
        print(f"{entity_id.ljust(width)}  {name}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    project = Project.at(args.root or find_root(Path.cwd()))
    if args.command == "check":
        collecting = gc.isenabled()
        gc.disable()  # a short run that makes many objects and little garbage: collecting it only costs time
        try:
            return run_check(project, args.paths, args.format, args.since)
        finally:
            if collecting:  # as it was for whatever called this in its own process (a test, an editor's plugin)
                gc.enable()
    if args.command == "diff":
        return run_diff(project, args.ref)
    from .scaffold import ScaffoldError, add_entry  # here: checking needs no template

    try:
        if args.command == "list":
            return run_list(project, BY_FOLDER[args.folder], args.words)
        if args.command in ("move", "rename"):
            from .moving import move_brief
            from .renaming import rename_entity

            if args.command == "move":
                outcome = move_brief(project, args.old, args.new)
            else:
                outcome = rename_entity(project, BY_NAME[args.kind], args.old, args.new)
            print("\n".join(outcome.lines))
            print("briefings: run 'briefings check' to see the result", file=sys.stderr)
            return 0
        if args.what == "brief":
            named = {kind.name: getattr(args, kind.name) for kind in KINDS}
            print(project.relative(_new_brief(project, args, named)))
            return 0
        kind = next(kind for kind in KINDS if kind.name == args.what)
        entry = kind.entry({option.field: getattr(args, option.field) for option in kind.options})
        path = add_entry(project, kind, args.id, entry)
        print(f"added {kind.name} '{args.id}' to {project.relative(path)}")
    except ScaffoldError as exc:
        print(f"briefings: {exc}", file=sys.stderr)
        return 1
    return 0


def _new_brief(project: Project, args: argparse.Namespace, named: dict[str, list[str]]) -> Path:
    """`new brief TITLE [--lang CODE]`, or `new brief --translate PATH --lang CODE`."""
    from .scaffold import ScaffoldError, new_brief, new_translation

    if args.translate is None:
        if not args.title:
            raise ScaffoldError('give the brief\'s title: briefings new brief "Title of the brief"')
        return new_brief(project, args.title, named=named, date=args.date, slug=args.slug, lang=args.lang or DEFAULT)
    given = [f"--{name}" for name, ids in named.items() if ids]
    given += [option for option, value in (("--date", args.date), ("--slug", args.slug)) if value]
    if args.title or given:
        what = f"'{args.title}'" if args.title else given[0]
        raise ScaffoldError(
            f"a translation takes its title from what you write in it and everything else from its original: "
            f"leave out {what}"
        )
    if not args.lang:
        raise ScaffoldError("say which language to translate into: --lang fr, --lang ar...")
    return new_translation(project, args.translate, args.lang)


def run() -> None:
    """The `briefings` command. (Tests call `main` in their own process, whose signals it leaves alone.)"""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `briefings check | head` ends quietly, as other commands do
    sys.exit(main())


if __name__ == "__main__":
    run()
