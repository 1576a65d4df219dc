"""The last module the tests' command server (launcher.py) imports as it starts: one build of the example project,
in English, so that each command forked from the server starts as the second build of one process does (the
preview's rebuilds, each language's build of a site), not as the first: the theme's and the package's templates
already compiled (`briefings.templating.CompiledTemplates`, looked up by their source's checksum), the theme's
files already listed (`briefings.mkdocs.theme.ThemeListing`). It saves about 0.25 s of processor time a build.

Whatever goes wrong here is left for the tests to find: the server then starts as it did before, cold.
"""

from __future__ import annotations

import contextlib
import gc
import io
import logging
import os
import tempfile
from pathlib import Path

from conftest import copy_project


def _build_once() -> None:
    from mkdocs.__main__ import cli

    mkdocs_logger = logging.getLogger("mkdocs")
    handlers = list(mkdocs_logger.handlers)
    here, environment = os.getcwd(), dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="warm-up-") as folder:
        project = copy_project(Path(folder, "project"), one_language=True)
        os.chdir(project)
        os.environ.update(NO_MKDOCS_2_WARNING="1", BRIEFINGS_WITHOUT_CACHE="1")  # the templates kept in memory
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                cli(["build", "--quiet", "--site-dir", str(Path(folder, "site"))], standalone_mode=False)
        except BaseException:  # noqa: BLE001 - a failed warm-up only leaves the server cold
            pass
        finally:
            os.chdir(here)
            os.environ.clear()
            os.environ.update(environment)
            # The command line gives MkDocs' logger a handler writing to the output it had: not a forked command's.
            for handler in [h for h in mkdocs_logger.handlers if h not in handlers]:
                mkdocs_logger.removeHandler(handler)


_build_once()
# What the server holds is shared with each forked command until written to: Python's cycle collector would touch
# (and so copy) all of it in every command, were it not set aside.
gc.collect()
gc.freeze()
