"""The authors' command line: `briefings check` and `briefings new brief|actor|indicator`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import inspect
from .model import ACTOR_KINDS
from .problems import Problems
from .project import Project
from .scaffold import ScaffoldError, add_entry, new_brief


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
    p = argparse.ArgumentParser(prog="briefings", description="Write and check briefs, actors and indicators.")
    p.add_argument("--root", type=Path, help="the project folder (default: the nearest with a mkdocs.yml)")
    commands = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate all data and every brief without building the site")
    check.add_argument("files", nargs="*", type=Path, metavar="FILE", help="report only problems in these files")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="github: GitHub Actions annotations, shown inline on a pull request")

    new = commands.add_parser("new", help="create a brief, or add an actor or an indicator")
    kinds = new.add_subparsers(dest="what", required=True, metavar="WHAT")

    brief = kinds.add_parser("brief", help="a new brief from the template, ready to fill in")
    brief.add_argument("title")
    brief.add_argument("--actor", action="append", default=[], metavar="ID", help="an actor the brief names")
    brief.add_argument("--indicator", action="append", default=[], metavar="ID", help="an indicator it tracks")
    brief.add_argument("--date", type=_date, help="publication date, YYYY-MM-DD (default: today)")

    actor = kinds.add_parser("actor", help="add an actor to data/actors.yml")
    actor.add_argument("id")
    actor.add_argument("--name", required=True)
    actor.add_argument("--kind", required=True, choices=list(ACTOR_KINDS))
    actor.add_argument("--summary", required=True)
    actor.add_argument("--alias", action="append", default=[], metavar="NAME")
    actor.add_argument("--region")

    indicator = kinds.add_parser("indicator", help="add an indicator to data/indicators.yml")
    indicator.add_argument("id")
    indicator.add_argument("--name", required=True)
    indicator.add_argument("--summary", required=True)
    indicator.add_argument("--actor", action="append", default=[], metavar="ID", help="an actor it concerns")
    return p


def run_check(project: Project, files: list[Path], output_format: str) -> int:
    found = inspect(project)
    problems = found.problems
    if files:
        wanted = {project.relative(f) for f in files}
        problems = Problems([p for p in problems if p.location.path in wanted])
    for problem in problems:
        print(problem.github() if output_format == "github" else str(problem))
    briefs = len(project.brief_files())
    print(f"briefings check: {problems.summary()} in {briefs} briefs and 2 data files", file=sys.stderr)
    return 1 if problems.errors else 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    project = Project.at(args.root or find_root(Path.cwd()))
    try:
        if args.command == "check":
            return run_check(project, args.files, args.format)
        if args.what == "brief":
            path = new_brief(project, args.title, actors=args.actor, indicators=args.indicator, date=args.date)
            print(project.relative(path))
        elif args.what == "actor":
            entry = dict(name=args.name, kind=args.kind, summary=args.summary, aliases=args.alias, region=args.region)
            path = add_entry(project, "actor", args.id, entry)
            print(f"added actor '{args.id}' to {project.relative(path)}")
        else:
            entry = dict(name=args.name, summary=args.summary, actors=args.actor)
            path = add_entry(project, "indicator", args.id, entry)
            print(f"added indicator '{args.id}' to {project.relative(path)}")
    except ScaffoldError as exc:
        print(f"briefings: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
