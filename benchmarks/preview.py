"""Edit-to-preview: from saving a brief to `mkdocs serve` showing the change on its page and on pages listing it.

`mkdocs serve --dirty` runs on the corpus project at a free local port, as `script/server` runs it (with
--dirty, the briefings plugin has MkDocs write again only the pages a save changes). The brief's page is open
in a browser tab (`OpenTab`: it asks the server whether to reload, as MkDocs' live-reload script does, and the
preview writes the pages open first). Once it serves, the newest published brief's title gets a marker and its
first paragraph a sentence with the same marker; the brief's page, the home page, the archive of every brief
and the page of its first actor are then polled, each on its own, until each shows the new title (the brief's
page also the new sentence). The time is from the write to the last page showing it, and to each page's.
`script/bench` also times the same edits on its floor (plain Material, `brief_page`: the brief's page only).

The preview part of `script/bench` alone, on a corpus it generates (or one given with --project):

    .venv/bin/python -m benchmarks.preview --briefs 1000 --edits 5
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import corpus as corpus_module
from .browsing import free_port
from .common import BIN, command_env, read_config, url_of
from .floor import read_corpus


@dataclass
class Edit:
    seconds: float | None  # None: the timeout passed before every page showed the change
    pages: dict[str, float | None] = field(default_factory=dict)  # URL path -> seconds until it showed it


@dataclass
class PreviewResult:
    brief: str
    startup_seconds: float | None  # from starting `mkdocs serve` to the first page served
    edits: list[Edit] = field(default_factory=list)
    note: str = ""


def _get(url: str, *, referer: str | None = None, timeout: float = 10) -> str | None:
    request = urllib.request.Request(url, headers={"Referer": referer} if referer else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except (OSError, urllib.error.URLError):
        return None


class OpenTab(threading.Thread):
    """A browser tab showing the page at `url`, as MkDocs' live-reload script makes it behave: it asks the server
    whether to reload (`/livereload/<epoch>/<id>`, held until a rebuild), naming itself (Referer), and when told
    to, loads the page again. It stops with the server."""

    def __init__(self, base: str, url: str) -> None:
        super().__init__(daemon=True)
        self.base, self.url = base, url

    def run(self) -> None:
        while (html := _get(self.base + self.url)) is not None:
            found = re.search(r"livereload\((\d+), (\d+)\)", html)
            if found is None:
                return
            epoch, tab = found.groups()
            while (
                answer := _get(f"{self.base}livereload/{epoch}/{tab}", referer=self.base + self.url, timeout=90)
            ) and (int(answer) <= int(epoch)):
                pass
            if answer is None:
                return


def _wait_until(condition, timeout: float, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def edit_brief(path: Path, marker: str, *, title: bool = True) -> str:
    """Add `marker` to the brief's title (unless not `title`) and a sentence with it to its first paragraph;
    return the title."""
    text = path.read_text("utf-8")
    match = re.search(r"^title:[ \t]*(.*)$", text, re.M)
    assert match, f"{path} has no title"
    old = match[1].strip()
    if old[:1] in "'\"":
        old = yaml.safe_load(old)
    if not title:
        new = old
    else:
        new = f"{old} ({marker})"
        text = text[: match.start(1)] + json.dumps(new, ensure_ascii=False) + text[match.end(1) :]
    heading = text.index("\n## ")
    paragraph_end = text.find("\n\n", text.index("\n\n", heading + 1) + 2)
    paragraph_end = len(text.rstrip("\n")) if paragraph_end == -1 else paragraph_end
    text = text[:paragraph_end] + f" A sentence added for the {marker}." + text[paragraph_end:]
    path.write_text(text, "utf-8")
    return new


def measure(
    project: Path,
    *,
    edits: int = 1,
    timeout: float = 180,
    startup_timeout: float = 900,
    log_path: Path | None = None,
    brief_page: str | None = None,
    title: bool = True,
) -> PreviewResult:
    """Start `mkdocs serve` on `project`, make `edits` edits one after the other, time each: of the newest brief,
    polling its page and the pages listing it; or of `brief_page` (a brief's source path), polling its page only
    (the floor's, whose listings are static pages that no save changes; or with `title` false, a sentence added
    and the title left as it is, which no other page shows). The brief's page is open in a tab (`OpenTab`)."""
    docs = project / (read_config(project).get("docs_dir") or "docs")
    if brief_page is None:
        brief = read_corpus(project).briefs[0]  # the newest: the home page lists it
        src, pages = brief.src, ["", "briefs/", url_of(brief.src)]
        if brief.ids("actor"):
            pages.append(url_of(f"actors/{brief.ids('actor')[0]}.md"))
    else:
        src, pages = brief_page, [url_of(brief_page)]
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    result = PreviewResult(src, None)
    log = open(log_path or project / "serve.log", "wb")
    started = time.monotonic()
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=command_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    try:
        if (
            not _wait_until(lambda: server.poll() is not None or _get(base) is not None, startup_timeout, 0.5)
            or server.poll() is not None
        ):
            result.note = "mkdocs serve did not start" + (f" (exit {server.returncode})" if server.poll() else "")
            return result
        result.startup_seconds = round(time.monotonic() - started, 2)
        OpenTab(base, url_of(src)).start()
        time.sleep(0.5)  # (the tab has asked whether to reload)
        for n in range(edits):
            marker = f"benchmark edit {n + 1} {int(time.time())}"
            edit_brief(docs / src, marker, title=title)
            saved = time.monotonic()
            shown: dict[str, float | None] = {page: None for page in pages}

            def poll(page: str, marker: str, saved: float, shown: dict[str, float | None]) -> None:
                """Wait for `page` to show the edit `marker` (each page on its own: the preview may write one
                before another)."""

                def showing() -> bool:
                    html = _get(base + page) or ""
                    return (marker in html) and (page != url_of(src) or f"added for the {marker}" in html)

                if _wait_until(showing, timeout, 0.05):  # fine-grained: the poll adds up to its interval
                    shown[page] = round(time.monotonic() - saved, 2)

            polls = [threading.Thread(target=poll, args=(page, marker, saved, shown), daemon=True) for page in pages]
            for thread in polls:
                thread.start()
            for thread in polls:
                thread.join()
            done = all(v is not None for v in shown.values())
            last = max((v for v in shown.values() if v is not None), default=None)
            result.edits.append(Edit(last if done else None, dict(shown)))
            if not done:
                result.note = f"timeout: not every page showed the edit within {timeout:.0f} s"
                break
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    return result


def median_seconds(result: PreviewResult) -> float | None:
    """The median of the edits that showed, or None if none did."""
    seconds = [e.seconds for e in result.edits if e.seconds is not None]
    return round(statistics.median(seconds), 2) if seconds else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.preview", description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=1000, help="generated briefs (default 1000)")
    parser.add_argument("--project", type=Path, help="a corpus project made earlier (benchmarks.corpus), not a new one")
    parser.add_argument("--edits", type=int, default=5, help="edits timed one after the other (default 5)")
    parser.add_argument("--timeout", type=float, default=180, help="seconds to wait for an edit to show")
    args = parser.parse_args(argv)
    work = None
    if args.project is None:
        work = Path(tempfile.mkdtemp(prefix="briefings-preview-"))
        args.project = corpus_module.generate(work / "project", args.briefs, 200, 100, 1).root
    try:
        result = measure(args.project, edits=args.edits, timeout=args.timeout, log_path=args.project / "serve.log")
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"Edit-to-preview, `mkdocs serve --dirty`, editing {result.brief} (title and a sentence)")
    print(f"  serve start to first page served: {result.startup_seconds} s")
    for n, edit in enumerate(result.edits, 1):
        shown = ", ".join(f"/{page} {s if s is not None else 'timeout'}" for page, s in edit.pages.items())
        print(f"  edit {n}: {edit.seconds if edit.seconds is not None else 'timeout'} s  ({shown})")
    page = url_of(result.brief)
    opened = [s for e in result.edits if (s := e.pages.get(page)) is not None]
    print(
        f"  median: {median_seconds(result)} s; the brief's page, open in a tab: "
        + (f"{round(statistics.median(opened), 2)} s" if opened else "-")
        + (f"  note: {result.note}" if result.note else "")
    )
    return 0 if median_seconds(result) is not None else 1


if __name__ == "__main__":
    sys.exit(main())
