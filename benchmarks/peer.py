"""The peer: the floor's pages built with Hugo, the static site generator the project measures itself against.

    .venv/bin/python -m benchmarks.peer FLOOR_PROJECT --out /tmp/hugo-site [--build]

It reuses the floor's static Markdown (benchmarks.floor: every brief, actor, indicator, mechanism, author,
region and tag page written out, no macros) and writes a Hugo project around it:

- hugo.json: the floor's site name and URL, raw HTML allowed in Markdown (as Python-Markdown passes it), no
  taxonomies (the floor's tag pages are pages of their own) and no RSS (the floor's feed.xml is a static file);
- content/: every Markdown page of the floor at the same path, an `index.md` renamed `_index.md` (in Hugo, a
  section's own page: the home and the list pages of briefs, actors, indicators, ...);
- static/: the floor's other files (feed.xml, the open data), copied as they are;
- layouts/: a minimal layout written here, no theme: a base template (head, site title, the sections), a
  single page (its table of contents and content) and a list page (its content and links to its pages), and a
  link hook that turns the floor's relative links to Markdown files into the addresses of the pages they
  name, failing the build on a link to no page (as `mkdocs build --strict` does).

It is built with `hugo` into public/; `build` measures it as benchmarks.run measures the MkDocs builds
(wall time, peak resident memory of the process as the kernel accounts for it). Hugo renders with its own
Markdown engine (Goldmark) and the layout is a few lines: the comparison is of the generators' work on the
same pages, not of the sites a reader gets (no search index, no theme's HTML, scripts or styles).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
from pathlib import Path

from .common import read_config
from .measure import Sample, timed

OUTPUT = "public"  # where the site is built, inside the Hugo project

BASE = """\
<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} - {{ end }}{{ site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
</head>
<body>
<header>
<a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<nav class="toc">{{ .TableOfContents }}</nav>
<article>{{ .Content }}</article>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<article>{{ .Content }}</article>
{{ with .Pages }}<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
{{ end }}
"""

# A link to a Markdown file, relative to the page's own file as the floor writes them (`../../actors/iran.md`,
# `2026/x.md#what-happened`, `../tags/index.md`), becomes the address of the page it names.
LINK = """\
{{- $dest := .Destination -}}
{{- $url := urls.Parse .Destination -}}
{{- if and (not $url.Scheme) (strings.HasSuffix $url.Path ".md") -}}
  {{- $path := path.Join "/" .Page.File.Dir $url.Path | strings.TrimSuffix ".md" -}}
  {{- $path = strings.TrimSuffix "index" $path | strings.TrimSuffix "/" | default "/" -}}
  {{- with site.GetPage $path -}}
    {{- $dest = .RelPermalink -}}
    {{- with $url.Fragment }}{{ $dest = printf "%s#%s" $dest . }}{{ end -}}
  {{- else -}}
    {{- errorf "%s: a link to %q names no page" $.Page.File.Path $.Destination -}}
  {{- end -}}
{{- end -}}
<a href="{{ $dest | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>
{{- /* no newline after the link */ -}}
"""

LAYOUTS = {
    "_default/baseof.html": BASE,
    "_default/single.html": SINGLE,
    "_default/list.html": LIST,
    "_default/_markup/render-link.html": LINK,
}


def hugo_path() -> str | None:
    return shutil.which("hugo")


def available() -> bool:
    return hugo_path() is not None


def version() -> str | None:
    """`hugo version`'s first words (`hugo v0.111.3+extended linux/amd64`), or None without Hugo."""
    hugo = hugo_path()
    if not hugo:
        return None
    try:
        found = subprocess.run([hugo, "version"], capture_output=True, text=True, timeout=30).stdout.split()
    except (OSError, subprocess.TimeoutExpired):
        return None
    return " ".join(found[:3]) or None


def hugo_config(floor_config: dict) -> dict:
    return {
        "baseURL": str(floor_config.get("site_url") or "http://127.0.0.1:8000/"),
        "title": str(floor_config.get("site_name") or ""),
        "languageCode": "en",
        "taxonomies": {},  # the floor's tag pages are pages of its own, under tags/
        "disableKinds": ["RSS"],  # the floor's feed.xml is a static file
        "markup": {"goldmark": {"renderer": {"unsafe": True}}},
    }


def content_path(src: Path) -> Path:
    """Where a floor page goes under content/: at the same path, a folder's `index.md` as its `_index.md`."""
    return src.with_name("_index.md") if src.name == "index.md" else src


def write_site(floor: Path, destination: Path) -> Path:
    """Write the Hugo project of the floor project `floor` (benchmarks.floor) to `destination` (replaced)."""
    docs = floor / (read_config(floor).get("docs_dir") or "docs")
    if destination.exists():
        shutil.rmtree(destination)
    destination.mkdir(parents=True)
    (destination / "hugo.json").write_text(json.dumps(hugo_config(read_config(floor)), indent=2) + "\n", "utf-8")
    for name, template in LAYOUTS.items():
        (destination / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (destination / "layouts" / name).write_text(template, "utf-8")
    for file in sorted(p for p in docs.rglob("*") if p.is_file()):
        src = file.relative_to(docs)
        target = destination / "content" / content_path(src) if src.suffix == ".md" else destination / "static" / src
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, target)
    return destination


def command(site: Path) -> list:
    """The build of the Hugo project `site` into its public/ folder, its cache kept inside the project. Not
    `--quiet`, which leaves out the errors' messages (a broken link's); what it prints goes to a file, as the
    MkDocs builds' output does."""
    return [hugo_path(), "--source", site, "--destination", site / OUTPUT, "--cacheDir", site / ".cache"]


def build(site: Path) -> Sample:
    """A full build of the Hugo project `site`, measured; the previous output is removed first."""
    shutil.rmtree(site / OUTPUT, ignore_errors=True)
    return timed(command(site), cwd=site)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("floor", type=Path, help="a floor project (see benchmarks.floor)")
    parser.add_argument("--out", type=Path, required=True, help="the Hugo project's folder (replaced)")
    parser.add_argument("--build", action="store_true", help="also build it with Hugo into its public/ folder")
    args = parser.parse_args(argv)
    write_site(args.floor, args.out)
    print(f"{args.out}: the Hugo project of {args.floor}")
    if args.build:
        if not available():
            raise SystemExit("no hugo on the PATH: script/hugo installs it")
        sample = build(args.out)
        print(f"{args.out / OUTPUT}: built in {sample.seconds:.1f} s, peak {sample.peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
