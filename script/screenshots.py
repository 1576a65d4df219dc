"""Take screenshots of every kind of page of a fresh build (run through script/screenshots).

The site is built for a project path and served under it, the way GitHub Pages serves a project site, with
its 404 page for any missing address; Chromium then visits one page of each kind on a phone and a desktop,
in the light and the dark colour scheme, and saves full-page PNGs named <page>-<viewport>-<scheme>.png.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the repository's root: the server and the Chromium the tests use
from benchmarks.browsing import VIEWPORTS, chromium, serving  # noqa: E402

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
SCHEMES: tuple[Literal["light", "dark"], ...] = ("light", "dark")


def build(site: Path, url: str) -> None:
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    # A repository address, as the workflows give one, so that edit and correction links show as published.
    env.setdefault("REPO_URL", "https://github.com/example-owner/briefings")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run(
        [str(mkdocs), "build", "--strict", "--quiet", "--site-dir", str(site)], cwd=ROOT, env=env, check=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="where to write the PNGs")
    parser.add_argument(
        "--only", nargs="*", metavar="PAGE", choices=[name for name, _ in PAGES], help="only these kinds of page"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary, serving(Path(temporary) / "site", PREFIX) as server:
        build(Path(temporary) / "site", server.url)
        if args.out.exists():
            shutil.rmtree(args.out)
        args.out.mkdir(parents=True)
        pages = [(name, path) for name, path in PAGES if not args.only or name in args.only]
        with chromium() as browser:
            for viewport, size in VIEWPORTS.items():
                for scheme in SCHEMES:
                    context = browser.new_context(viewport=size, color_scheme=scheme)
                    page = context.new_page()
                    for name, path in pages:
                        page.goto(server.url + path)
                        page.wait_for_load_state("networkidle")
                        page.screenshot(path=args.out / f"{name}-{viewport}-{scheme}.png", full_page=True)
                    context.close()
    print(f"script/screenshots: {len(pages) * len(VIEWPORTS) * len(SCHEMES)} screenshots in {args.out}")


if __name__ == "__main__":
    main()
