"""The scale benchmark: the project against its plain-Material floor and its peer, Hugo, at N briefs (and
optionally at more).

    script/bench [--briefs N] [--runs K] [--growth M] [--languages all|one] [--json PATH]

1. Generates a corpus of N briefs (benchmarks.corpus), its floor (benchmarks.floor) and the floor's pages as
   a Hugo project (benchmarks.peer). The corpus is published in every language its mkdocs.yml builds and the
   floor and the peer have the same pages in each; with `--languages one`, the corpus's mkdocs.yml without the
   i18n plugin (its default language only, as runs before the site had languages measured it).
2. Builds the project and the floor with `mkdocs build --strict` and the peer with `hugo`, alternating,
   K times (project-floor-peer, then peer-floor-project, ...), measuring wall time and the peak resident memory
   of each build; prints the medians and the ratios. Without Hugo on the PATH, says so and leaves the peer out.
3. Times `briefings check` K times and prints its share of the project's build.
4. With --growth M, does the same at M briefs (fewer runs) and prints how each grew.
5. Measures the bytes a reader fetches from opening a page to the first search result (benchmarks.search)
   on both sites, and flags the fetched files that grow with the number of briefs, against the sites at M
   briefs or, without --growth, against a small corpus of N/10 briefs built for the purpose.
6. Sets the site's own search beside Pagefind on the same built site (benchmarks.engines): index time, peak
   memory, bytes to a first result, and the score of the relevance table (benchmarks.relevance).
7. Measures edit-to-preview in `mkdocs serve` (benchmarks.preview), the brief's page open in a tab, and on the
   floor in the default language (the pages the preview builds): plain Material's `mkdocs serve --dirty`, the
   same edits, the brief's page; then the project's again for a sentence alone, the title left as it was (the
   brief's page).

It prints figures and asserts nothing. The machine's other load makes single runs noisy: compare medians,
and read the load average printed with them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefings.buildcache import WITHOUT_CACHE

from . import browsing, engines, peer, preview, search
from . import corpus as corpus_module
from .common import BIN, ROOT, read_config, site_languages, url_of
from .floor import in_default_language, read_corpus, write_floor
from .measure import CommandFailed, Sample, median, summary, timed

BUILD = ["build", "--strict"]  # as script/build and CI build the site
QUERY = "leverage"  # in a house heading of every brief: every site has results for it


def progress(message: str) -> None:
    print(f"[bench {dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def environment() -> dict:
    def version(package: str) -> str | None:
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            return None

    def output(*command: str) -> str | None:
        try:
            return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=30).stdout.strip() or None
        except (OSError, subprocess.TimeoutExpired):
            return None

    chromium = browsing.chromium_path() if search.browser_available() else None
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "commit": output("git", "rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(output("git", "status", "--porcelain")),
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "packages": {
            p: version(p)
            for p in (
                "mkdocs",
                "mkdocs-material",
                "mkdocs-macros-plugin",
                "Markdown",
                "pymdown-extensions",
                "playwright",
            )
        },
        "chromium": output(chromium, "--version") if chromium else None,
        "pagefind": output(str(engines.PAGEFIND), "--version") if engines.pagefind_available() else None,
        "hugo": peer.version(),
        "load_average_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def build(project: Path, *, cache: bool = False) -> Sample:
    """A build of `project` into its site/: a full build, without the build's cache, unless `cache`."""
    env = {} if cache else {WITHOUT_CACHE: "1"}
    return timed([BIN / "mkdocs", *BUILD, "--site-dir", project / "site"], cwd=project, env=env)


def incremental(project: Path, brief: Path, full: float, label: str) -> dict:
    """The build after editing one brief's text (a sentence added), reusing the cache of a build just before;
    with its ratio to the median full build `full`."""
    progress(f"{label}: a build with the cache, then one after editing {brief.name}")
    build(project, cache=True)
    head, heading, rest = brief.read_text("utf-8").partition("\n## ")
    line, _, body = rest.partition("\n")  # under its first heading
    brief.write_text(f"{head}{heading}{line}\n\nA sentence added for the benchmark.\n{body}", "utf-8")
    sample = build(project, cache=True)
    progress(f"  {sample.seconds:.1f} s")
    return {"seconds": round(sample.seconds, 2), "share_of_full_build": ratio(sample.seconds, full)}


def alternate(builds: dict[str, Callable[[], Sample]], runs: int, label: str) -> dict[str, list[Sample]]:
    """`runs` builds of each (by name), alternating and reversing the order every run."""
    samples: dict[str, list[Sample]] = {name: [] for name in builds}
    for n in range(runs):
        for name in list(builds) if n % 2 == 0 else list(builds)[::-1]:
            progress(f"{label}: building the {name} (run {n + 1} of {runs})")
            samples[name].append(builds[name]())
            done = samples[name][-1]
            progress(f"  {done.seconds:.1f} s, {done.peak_mib:.0f} MiB, CPU {done.cpu_seconds:.1f} s")
    return samples


def full_builds(corpus: corpus_module.Corpus, floor: Path, hugo: Path | None) -> dict[str, Callable[[], Sample]]:
    """The full builds to alternate: the project's, the floor's and, with Hugo installed, the peer's."""
    builds = {"project": lambda: build(corpus.root), "floor": lambda: build(floor)}
    if hugo:
        builds["peer"] = lambda: peer.build(hugo)
    return builds


def make_corpus(work: Path, briefs: int, args: argparse.Namespace) -> tuple[corpus_module.Corpus, Path]:
    progress(f"generating {briefs} briefs and their floor")
    corpus = corpus_module.generate(work / f"project-{briefs}", briefs, args.actors, args.indicators, args.seed)
    if args.languages == "one":
        corpus_module.in_one_language(corpus.root)
    floor = write_floor(corpus.root, work / f"floor-{briefs}")
    return corpus, floor


def make_peer(work: Path, floor: Path, briefs: int) -> Path | None:
    """The floor's pages as a Hugo project, or None without Hugo on the PATH."""
    if not peer.available():
        return None
    progress(f"writing the {briefs} briefs' floor as a Hugo project")
    return peer.write_site(floor, work / f"hugo-{briefs}")


def peer_figures(into: dict, samples: dict[str, list[Sample]]) -> None:
    """The peer's figures and the project / peer ratios in `into` (None without Hugo)."""
    into["peer"] = summary(samples["peer"]) if "peer" in samples else None
    into["peer_time_ratio"] = ratio(into["project"]["median_seconds"], (into["peer"] or {}).get("median_seconds"))
    into["peer_memory_ratio"] = ratio(into["project"]["median_peak_mib"], (into["peer"] or {}).get("median_peak_mib"))
    into["peer_cpu_ratio"] = ratio(
        into["project"]["median_cpu_seconds"], (into["peer"] or {}).get("median_cpu_seconds")
    )


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def preview_figures(result: preview.PreviewResult) -> dict[str, Any]:
    """What the report shows of an edit-to-preview measurement: every edit, the median, and the median of the
    edited brief's own page alone (what the floor's preview is measured on)."""
    page = url_of(result.brief)
    return {
        "brief": result.brief,
        "startup_seconds": result.startup_seconds,
        "edits": [{"seconds": e.seconds, "pages": e.pages} for e in result.edits],
        "median_seconds": median([e.seconds for e in result.edits if e.seconds is not None]),
        "brief_page_median_seconds": median([s for e in result.edits if (s := e.pages.get(page)) is not None]),
        "note": result.note,
    }


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a and b else None


# -- the report ------------------------------------------------------------------------------------------------


def size(n: int | None) -> str:
    if n is None:
        return "-"
    for unit, scale in (("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.2f} {unit}" if unit == "MB" else f"{n / scale:.0f} {unit}"
    return f"{n} B"


def times(xs: dict) -> str:
    return " ".join(f"{s:.1f}" for s in xs["seconds"])


def cpu(xs: dict) -> str:
    """The median CPU time of builds (user and system, all cores), where it was measured."""
    return f"{xs['median_cpu_seconds']:8.1f} s" if xs.get("median_cpu_seconds") is not None else "       -"


def factor(x: float | None) -> str:
    return f"{x:8.2f} x" if x is not None else "       -"


def peer_lines(b: dict) -> list[str]:
    """The peer's rows of the full-build table, or a line saying why there are none."""
    if not b.get("peer"):
        return ["  peer: no figures, Hugo is not installed (script/hugo installs Debian's hugo)"]
    p = b["peer"]
    return [
        f"  peer: Hugo, the floor's pages, a minimal layout      {p['median_seconds']:7.1f} s  {times(p):20}  {p['median_peak_mib']:6.0f} MiB  {cpu(p)}",
        f"  project / peer                                       {b['peer_time_ratio']:7.2f} x                        {b['peer_memory_ratio']:6.2f} x  {factor(b.get('peer_cpu_ratio'))}",
    ]


def languages_line(languages: list[str] | None) -> str:
    """Which site was measured: in every language its mkdocs.yml builds, or in one."""
    if languages:
        return (
            f"Languages: {', '.join(languages)} (every language the corpus's mkdocs.yml builds; the floor and the "
            f"peer write the same pages under /<lang>/ for each but the first)"
        )
    return "Languages: one (the corpus's mkdocs.yml without the i18n plugin, its translations left out)"


def preview_lines(p: dict) -> list[str]:
    """The report's edit-to-preview section: each edit, the medians and the floor's."""
    lines = [
        f"Edit-to-preview, `mkdocs serve`, editing {p['brief']} (title and a sentence)",
        f"  serve start to first page served: {p['startup_seconds']} s"
        if p["startup_seconds"] is not None
        else "  serve start: failed",
    ]
    for n, edit in enumerate(p["edits"], 1):
        shown = ", ".join(f"/{page} {s if s is not None else 'timeout'}" for page, s in edit["pages"].items())
        lines.append(
            f"  edit {n}: {edit['seconds'] if edit['seconds'] is not None else 'timeout'}"
            f"{' s' if edit['seconds'] is not None else ''}  ({shown})"
        )
    if p["median_seconds"] is not None:
        lines.append(
            f"  median: {p['median_seconds']} s, every page showing it; the brief's page, open in a browser tab "
            f"(written first): {p['brief_page_median_seconds']} s"
        )
    if p["note"]:
        lines.append(f"  note: {p['note']}")
    if f := p.get("floor"):
        # Plain MkDocs writes again only the saved page's file (its listings are static in the floor): the
        # engine's own least work per save, with none of the pages a brief's title is shown on.
        lines.append(
            "  floor: plain Material, `mkdocs serve --dirty`, the same edits, the brief's page: "
            + (f"median {f['brief_page_median_seconds']} s" if f["brief_page_median_seconds"] is not None else "failed")
            + (f"  note: {f['note']}" if f["note"] else "")
        )
        lines.append(f"  project / floor, the brief's page: {factor(p.get('floor_ratio')).strip()}")
    if t := p.get("sentence"):
        # The save an author makes most: no other page shows the text, so the preview writes its page alone.
        lines.append(
            "  a sentence added, the title as it was (the brief's page): "
            + (f"median {t['median_seconds']} s" if t["median_seconds"] is not None else "failed")
            + (" (" + ", ".join(str(e["seconds"]) for e in t["edits"]) + ")" if t["edits"] else "")
            + (f"  note: {t['note']}" if t["note"] else "")
        )
        if p.get("floor"):  # the floor writes the saved page alone, as the preview does for a sentence
            lines.append(f"  project / floor, a sentence added: {factor(p.get('sentence_floor_ratio')).strip()}")
    lines.append("")
    return lines


def report(results: dict) -> str:
    env, corpus = results["environment"], results["corpus"]
    lines = [
        f"Briefings benchmark, {env['date']}, commit {env['commit']}{' (uncommitted changes)' if env['uncommitted_changes'] else ''}",
        f"Machine: {env['cores']} cores ({env['cores_usable']} usable), {env['platform']}; load average "
        f"{' '.join(f'{x:.1f}' for x in env['load_average_start'] or [])} at start, "
        f"{' '.join(f'{x:.1f}' for x in results.get('load_average_end') or [])} at end",
        f"Python {env['python']}, "
        + ", ".join(f"{p} {v}" for p, v in env["packages"].items() if v)
        + (f"; {env['chromium']}" if env["chromium"] else "")
        + (f"; {env['hugo']}" if env.get("hugo") else ""),
        languages_line(corpus.get("languages")),
        f"Corpus: {corpus['published_briefs']:,} published briefs ({corpus['generated_briefs']:,} generated), "
        f"{corpus['actors']} actors, {corpus['indicators']} indicators"
        + (f", {corpus['mechanisms']} mechanisms" if corpus["mechanisms"] else "")
        + f"; HTML pages: project {corpus['project_html_pages']:,}, floor {corpus['floor_html_pages']:,}"
        + (f", peer {corpus['peer_html_pages']:,}" if corpus.get("peer_html_pages") is not None else ""),
        "",
    ]
    b = results["build"]
    k = len(b["project"]["seconds"])
    lines += [
        f"Full build, `mkdocs {' '.join(BUILD)}` (the peer: `hugo`), {k} alternating runs  median     runs (s)              peak RSS (median)  CPU (median)",
        f"  project                                              {b['project']['median_seconds']:7.1f} s  {times(b['project']):20}  {b['project']['median_peak_mib']:6.0f} MiB  {cpu(b['project'])}",
        f"  floor: plain Material, every page static            {b['floor']['median_seconds']:7.1f} s  {times(b['floor']):20}  {b['floor']['median_peak_mib']:6.0f} MiB  {cpu(b['floor'])}",
        f"  project / floor                                      {b['time_ratio']:7.2f} x                        {b['memory_ratio']:6.2f} x  {factor(b.get('cpu_ratio'))}",
    ]
    lines += peer_lines(b)
    if inc := b.get("incremental"):
        lines.append(
            f"  after editing one brief's text, with the build's cache {inc['seconds']:7.1f} s  "
            f"({inc['share_of_full_build']:.0%} of the full build)"
        )
    lines += [
        "",
    ]
    c = results["check"]
    lines += [
        f"`briefings check`, {len(c['seconds'])} runs                              {c['median_seconds']:7.2f} s  {times(c):20}  {c['median_peak_mib']:6.0f} MiB",
        f"  check / project build                                {c['share_of_build']:7.1%}",
        "",
    ]
    g = results.get("growth")
    if g:
        lines += [
            f"Growth {corpus['generated_briefs']:,} -> {g['generated_briefs']:,} generated briefs "
            f"({g['published_briefs']:,} published; x{g['brief_ratio']:.2f}), {len(g['project']['seconds'])} run(s) each",
            f"  project  {g['project']['median_seconds']:7.1f} s  x{g['project_growth']:.2f}   peak {g['project']['median_peak_mib']:.0f} MiB (x{g['project_memory_growth']:.2f})   CPU {cpu(g['project']).strip()}",
            f"  floor    {g['floor']['median_seconds']:7.1f} s  x{g['floor_growth']:.2f}   peak {g['floor']['median_peak_mib']:.0f} MiB (x{g['floor_memory_growth']:.2f})   CPU {cpu(g['floor']).strip()}",
        ]
        if g.get("peer"):
            lines.append(
                f"  peer     {g['peer']['median_seconds']:7.1f} s  x{g['peer_growth']:.2f}   peak {g['peer']['median_peak_mib']:.0f} MiB (x{g['peer_memory_growth']:.2f})   CPU {cpu(g['peer']).strip()}"
            )
        lines.append(
            f"  project / floor at {g['generated_briefs']:,}: {g['time_ratio']:.2f} x time, {g['memory_ratio']:.2f} x memory"
        )
        if g.get("peer"):
            lines.append(
                f"  project / peer at {g['generated_briefs']:,}: {g['peer_time_ratio']:.2f} x time, {g['peer_memory_ratio']:.2f} x memory, "
                f"{factor(g.get('peer_cpu_ratio')).strip()} CPU"
            )
        if inc := g.get("incremental"):
            lines.append(
                f"  project after editing one brief's text, with the build's cache: {inc['seconds']:.1f} s "
                f"({inc['share_of_full_build']:.0%} of the full build)"
            )
        lines += [
            "",
        ]
    if p := results.get("preview"):
        lines += preview_lines(p)
    s = results.get("search")
    if s:
        names = {path: name for name, path in s["pages"].items()}
        lines.append(
            f"Search: bytes from opening a page to the first result for {QUERY!r} "
            f"(pages: " + ", ".join(f"{name} /{path}" for name, path in s["pages"].items()) + ")"
        )
        lines.append(
            f"  {'site':14} {'page':6} {'files':>5} {'bytes':>10} {'gzip':>9} {'on load':>10} {'1st result':>10}  how"
        )
        for cost in s["costs"]:
            ms = f"{cost['first_result_ms'] / 1000:.1f} s" if cost["first_result_ms"] is not None else "-"
            lines.append(
                f"  {cost['site']:14} {names[cost['page']]:6} {len(cost['fetches']):5} {size(cost['total_bytes']):>10} "
                f"{size(cost['total_gzip_bytes']):>9} {size(cost['on_load_bytes']):>10} {ms:>10}  {cost['method']}"
                + (f" ({cost['note']})" if cost["note"] else "")
            )
        lines.append(f"  Fetched files that grow with the briefs ({s['compared_with']}):")
        if not s["growing"]:
            lines.append("    none")
        for grown in s["growing"]:
            lines.append(
                f"    {grown['site']:8} {grown['path']:34} {size(grown['smaller_site_bytes']):>9} -> "
                f"{size(grown['bytes']):>9}  (x{grown['ratio']})  fetched by: {', '.join(names[p] for p in grown['pages'])}"
            )
        lines.append("")
    e = results.get("engines")
    if e:
        lines.append(
            f"Search engines on the same site ({corpus['published_briefs']:,} briefs): the site's own "
            f"(indexed again in a process of its own) and {env.get('pagefind') or 'Pagefind (missing)'}"
        )
        lines += ["  " + line for line in engines.report(e).splitlines()]
        lines.append("")
    return "\n".join(lines)


# -- the run ---------------------------------------------------------------------------------------------------


def search_costs(sites: dict[str, Path], pages: list[str], use_browser: bool) -> list[search.SearchCost]:
    costs = []
    for label, site in sites.items():
        for page in pages:
            progress(f"search bytes: {label} /{page}")
            costs.append(search.measure(site, page, QUERY, label=label, use_browser=use_browser))
    return costs


def growing(costs: list[search.SearchCost], sites: dict[str, Path], smaller: dict[str, Path]) -> list[dict]:
    """The fetched files, by site, that are bigger than in the smaller build; with the pages fetching them."""
    found: dict[tuple[str, str], dict] = {}
    for cost in costs:
        for grown in search.growing_files(cost, sites[cost.site], smaller[cost.site]):
            entry = found.setdefault((cost.site, grown["path"]), {"site": cost.site, **grown, "pages": []})
            entry["pages"].append(cost.page)
    return list(found.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="script/bench", description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=1000, metavar="N", help="generated briefs (default 1000)")
    parser.add_argument("--runs", type=int, default=3, metavar="K", help="alternating builds of each (default 3)")
    parser.add_argument("--growth", type=int, metavar="M", help="also build at M briefs, e.g. 4000")
    parser.add_argument("--growth-runs", type=int, default=1, metavar="K", help="builds of each at M (default 1)")
    parser.add_argument("--actors", type=int, default=200, help="actors in all (default 200)")
    parser.add_argument("--indicators", type=int, default=100, help="indicators in all (default 100)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--edits", type=int, default=1, help="edits timed in mkdocs serve (default 1)")
    parser.add_argument(
        "--preview-timeout",
        type=float,
        default=180,
        metavar="S",
        help="seconds to wait for an edit to show (default 180)",
    )
    parser.add_argument(
        "--languages",
        choices=("all", "one"),
        default="all",
        help="all: the site in every language its mkdocs.yml builds, the floor and the peer with the same pages in "
        "each (default); one: in its default language only, without the i18n plugin, as runs before it measured",
    )
    parser.add_argument("--no-preview", action="store_true", help="skip edit-to-preview")
    parser.add_argument("--no-search", action="store_true", help="skip the search bytes")
    parser.add_argument("--no-browser", action="store_true", help="estimate the search bytes without Chromium")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also save the results as JSON")
    parser.add_argument("--workdir", type=Path, help="where to generate and build (kept; default: a temporary folder)")
    args = parser.parse_args(argv)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="briefings-bench-"))
    if args.workdir:
        for old in work.glob("*-[0-9]*"):
            shutil.rmtree(old)  # the projects and floors of an earlier run in the same folder
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {
        "environment": environment(),
        "arguments": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
    }
    try:
        corpus, floor = make_corpus(work, args.briefs, args)
        published = len(read_corpus(corpus.root).briefs)
        hugo = make_peer(work, floor, args.briefs)
        if not hugo:
            progress("no hugo on the PATH (script/hugo installs it): the peer is left out")

        samples = alternate(full_builds(corpus, floor, hugo), args.runs, f"{args.briefs} briefs")
        b: dict[str, Any] = {"project": summary(samples["project"]), "floor": summary(samples["floor"])}
        b["time_ratio"] = ratio(b["project"]["median_seconds"], b["floor"]["median_seconds"])
        b["memory_ratio"] = ratio(b["project"]["median_peak_mib"], b["floor"]["median_peak_mib"])
        b["cpu_ratio"] = ratio(b["project"]["median_cpu_seconds"], b["floor"]["median_cpu_seconds"])
        peer_figures(b, samples)
        results["build"] = b
        results["corpus"] = {
            "generated_briefs": args.briefs,
            "published_briefs": published,
            "actors": len(corpus.entities.actors),
            "indicators": len(corpus.entities.indicators),
            "mechanisms": len(corpus.entities.mechanisms),
            "languages": site_languages(read_config(corpus.root)),
            "project_html_pages": html_pages(corpus.root / "site"),
            "floor_html_pages": html_pages(floor / "site"),
            "peer_html_pages": html_pages(hugo / peer.OUTPUT) if hugo else None,
        }

        checks = []
        for n in range(args.runs):
            progress(f"briefings check (run {n + 1} of {args.runs})")
            checks.append(timed([BIN / "briefings", "check"], cwd=corpus.root))
        results["check"] = {
            **summary(checks),
            "share_of_build": ratio(median([s.seconds for s in checks]), b["project"]["median_seconds"]),
        }

        if corpus.generated:
            edited = corpus.root / "docs" / corpus.generated[len(corpus.generated) // 2]
            b["incremental"] = incremental(corpus.root, edited, b["project"]["median_seconds"], f"{args.briefs} briefs")

        sites = {"project": corpus.root / "site", "floor": floor / "site"}
        if args.growth:
            big, big_floor = make_corpus(work, args.growth, args)
            big_hugo = make_peer(work, big_floor, args.growth)
            big_samples = alternate(full_builds(big, big_floor, big_hugo), args.growth_runs, f"{args.growth} briefs")
            g = {
                "generated_briefs": args.growth,
                "published_briefs": len(read_corpus(big.root).briefs),
                "project": summary(big_samples["project"]),
                "floor": summary(big_samples["floor"]),
            }
            peer_figures(g, big_samples)
            g["brief_ratio"] = ratio(g["published_briefs"], published)
            for name in ("project", "floor", "peer"):
                if g[name] and b[name]:
                    g[f"{name}_growth"] = ratio(g[name]["median_seconds"], b[name]["median_seconds"])
                    g[f"{name}_memory_growth"] = ratio(g[name]["median_peak_mib"], b[name]["median_peak_mib"])
            if big.generated:
                edited = big.root / "docs" / big.generated[len(big.generated) // 2]
                g["incremental"] = incremental(
                    big.root, edited, g["project"]["median_seconds"], f"{args.growth} briefs"
                )
            g["time_ratio"] = ratio(g["project"]["median_seconds"], g["floor"]["median_seconds"])
            g["memory_ratio"] = ratio(g["project"]["median_peak_mib"], g["floor"]["median_peak_mib"])
            results["growth"] = g
            bigger_sites = {"project": big.root / "site", "floor": big_floor / "site"}

        if not args.no_search:
            named = {"home": "", "brief": url_of(corpus.generated[0])} if corpus.generated else {"home": ""}
            pages = list(named.values())
            costs = search_costs(sites, pages, not args.no_browser)
            if args.growth:
                costs += search_costs(
                    {f"{k}@{args.growth}": v for k, v in bigger_sites.items()}, pages, not args.no_browser
                )
                smaller, larger, compared = sites, bigger_sites, f"{args.briefs:,} vs {args.growth:,} briefs"
            else:
                small_n = max(args.briefs // 10, 1)
                small, small_floor = make_corpus(work, small_n, args)
                progress(f"building the {small_n}-brief project and floor to compare file sizes")
                build(small.root), build(small_floor)
                smaller = {"project": small.root / "site", "floor": small_floor / "site"}
                larger, compared = sites, f"{small_n:,} vs {args.briefs:,} generated briefs"
            at_n = [c for c in costs if c.site in sites]
            results["search"] = {
                "query": QUERY,
                "pages": named,
                "compared_with": compared,
                "costs": [c.as_dict() for c in costs],
                "growing": growing(at_n, larger, smaller),
            }
            progress("search engines side by side: the site's own and Pagefind, on the project's site")
            results["engines"] = engines.compare(sites["project"], work, QUERY, use_browser=not args.no_browser)

        if not args.no_preview:
            progress(f"edit-to-preview: mkdocs serve on {args.briefs} briefs")
            result = preview.measure(
                corpus.root, edits=args.edits, timeout=args.preview_timeout, log_path=work / "serve.log"
            )
            results["preview"] = preview_figures(result)
            progress("edit-to-preview on the floor: plain Material's mkdocs serve --dirty, the brief's page")
            others = site_languages(read_config(corpus.root))[1:]  # the preview builds the default language only
            floor_result = preview.measure(
                in_default_language(floor, work / "floor-preview", others),
                edits=args.edits,
                timeout=args.preview_timeout,
                log_path=work / "serve-floor.log",
                brief_page=result.brief,
            )
            results["preview"]["floor"] = preview_figures(floor_result)
            progress("edit-to-preview of a sentence alone, the title as it was: the brief's page")
            sentence = preview.measure(
                corpus.root,
                edits=args.edits,
                timeout=args.preview_timeout,
                log_path=work / "serve-sentence.log",
                brief_page=result.brief,
                title=False,
            )
            results["preview"]["sentence"] = preview_figures(sentence)
            floor_seconds = results["preview"]["floor"]["brief_page_median_seconds"]
            results["preview"]["floor_ratio"] = ratio(results["preview"]["brief_page_median_seconds"], floor_seconds)
            results["preview"]["sentence_floor_ratio"] = ratio(
                results["preview"]["sentence"]["median_seconds"], floor_seconds
            )
    except CommandFailed as failure:
        print(f"script/bench: a build failed, so there are no figures:\n{failure}", file=sys.stderr)
        return 1
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)

    results["load_average_end"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(report(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n", "utf-8")
        print(f"Results saved to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
