"""Take screenshots of every kind of page of a fresh build (run through script/screenshots).

The site is built for a project path and served under it, the way GitHub Pages serves a project site, with
its 404 page for any missing address; Chromium then visits one page of each kind on a phone and a desktop,
in the light and the dark colour scheme, and saves full-page PNGs named <page>-<viewport>-<scheme>.png.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Literal

from playwright.sync_api import ViewportSize, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/briefings/"

#: One page of each kind: (name, path under the site).
PAGES = [
    ("home", ""),
    ("archive", "briefs/"),
    ("brief", "briefs/2026/doha-indirect-talks/"),
    ("actors", "actors/"),
    ("actor", "actors/qatar/"),
    ("indicators", "indicators/"),
    ("indicator", "indicators/talks-direct/"),
    ("tags", "tags/"),
    ("authors", "authors/"),
    ("author", "authors/briefings-desk/"),
    ("regions", "regions/"),
    ("region", "regions/gulf/"),
    ("about", "about/"),
    ("write-a-brief", "write-a-brief/"),
    ("not-found", "no-such-page/"),
]
VIEWPORTS: dict[str, ViewportSize] = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
SCHEMES: tuple[Literal["light", "dark"], ...] = ("light", "dark")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under PREFIX, and its 404 page for anything missing."""

    def log_message(self, *args):
        pass

    def send_head(self):
        if self.path.startswith(PREFIX):
            self.path = "/" + self.path[len(PREFIX) :]
            target = Path(self.translate_path(self.path))
            if target.is_file() or (target / "index.html").is_file():
                return super().send_head()
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def build(site: Path, url: str) -> None:
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    # A repository address, as the workflows give one, so that edit and correction links show as published.
    env.setdefault("REPO_URL", "https://github.com/example-owner/briefings")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run(
        [str(mkdocs), "build", "--strict", "--quiet", "--site-dir", str(site)], cwd=ROOT, env=env, check=True
    )


def chromium_options() -> dict:
    """Debian's Chromium where it is installed (or BRIEFINGS_CHROMIUM), as the browser tests use it."""
    options: dict = {
        "args": ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
    }
    executable = os.environ.get("BRIEFINGS_CHROMIUM") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if executable:
        options["executable_path"] = executable
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        options["args"].append("--no-sandbox")
    return options


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="where to write the PNGs")
    parser.add_argument(
        "--only", nargs="*", metavar="PAGE", choices=[name for name, _ in PAGES], help="only these kinds of page"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        handler = functools.partial(SiteHandler, directory=str(site))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        url = f"http://127.0.0.1:{httpd.server_address[1]}{PREFIX}"
        build(site, url)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        if args.out.exists():
            shutil.rmtree(args.out)
        args.out.mkdir(parents=True)
        pages = [(name, path) for name, path in PAGES if not args.only or name in args.only]
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(**chromium_options())
                for viewport, size in VIEWPORTS.items():
                    for scheme in SCHEMES:
                        context = browser.new_context(viewport=size, color_scheme=scheme)
                        page = context.new_page()
                        for name, path in pages:
                            page.goto(url + path)
                            page.wait_for_load_state("networkidle")
                            page.screenshot(path=args.out / f"{name}-{viewport}-{scheme}.png", full_page=True)
                        context.close()
                browser.close()
        finally:
            httpd.shutdown()
    print(f"script/screenshots: {len(pages) * len(VIEWPORTS) * len(SCHEMES)} screenshots in {args.out}")


if __name__ == "__main__":
    main()
