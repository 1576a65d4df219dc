"""The project's two commands, `mkdocs` and `briefings`, run as the tests run them: each in a process of its own,
forked from a server process that imported MkDocs, its plugins and the package once (multiprocessing's
forkserver, with these modules preloaded) and built the example once (warm_up.py). A command so started is the
command's own entry point with its arguments, working folder and environment, its output captured, its exit
status returned: what a fresh `mkdocs build` does, without importing everything again (about 0.4 s of processor
time a build; the suite starts a few hundred), and as the second build of one process does, with the templates
compiled and the theme's files listed (some 0.3 s more).

Such a command is not a child of the test's process, whose children's processor time therefore leaves it out: it
reports its own (test_hostile.py bounds it), and sets its own limit on memory.
"""

from __future__ import annotations

import importlib
import io
import multiprocessing
import multiprocessing.forkserver
import os
import resource
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from importlib.metadata import entry_points
from pathlib import Path

#: What a build imports (its plugins, Markdown extensions, the package), imported once by the server process.
PRELOADED = [
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "mkdocs.config.defaults",
    "material.plugins.search.plugin",
    "mkdocs_static_i18n.plugin",
    "mkdocs_macros.plugin",
    "markdown.extensions.attr_list",
    "markdown.extensions.codehilite",
    "pymdownx.superfences",
    "briefings.cli",
    "briefings.mkdocs.plugin",
    "launcher",
    "warm_up",  # last: builds the example once (see warm_up.py)
]

_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(PRELOADED)
_started = False


def _start_server() -> None:
    """Start the server process, with this folder importable (`launcher` and `warm_up` are here): the server runs
    `python -c`, whose path holds the working folder, not the tests' (each command forked from it takes the
    test process's path, as multiprocessing passes it)."""
    global _started
    if _started:
        return
    python_path = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).parent), python_path]))
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        if python_path is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = python_path
    _started = True


def _entry_point(command: str):
    [found] = [e for e in entry_points(group="console_scripts") if e.name == command]
    return found.load()


def _command(
    command: str, args: list[str], cwd: str, env: dict[str, str], files: list[str], memory: int | None
) -> None:
    """In the forked process: the command's entry point, as its script would run it (exit status included), under
    a limit of `memory` bytes of address space if given; its processor time is written to the last of `files`."""
    out, err, seconds = files
    if memory is not None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    os.chdir(cwd)
    # Folders of package metadata only added to PYTHONPATH (can_run): where a fresh process puts them, after the
    # script's own folder.
    sys.path[1:1] = [folder for folder in _added_path(env) if folder not in sys.path]
    importlib.invalidate_caches()
    os.environ.clear()
    os.environ.update(env)
    for fd, path in ((1, out), (2, err)):  # (appending: both may be one file)
        os.dup2(os.open(path, os.O_WRONLY | os.O_APPEND), fd)
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", line_buffering=True)
    sys.stderr = io.TextIOWrapper(
        io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace", line_buffering=True
    )
    sys.argv = [command, *args]
    try:
        sys.exit(_entry_point(command)())
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
        Path(seconds).write_text(str(sum(u.ru_utime + u.ru_stime for u in used)), "utf-8")


def run_command(
    command: str, args: list[str], *, cwd: Path, env: dict[str, str], memory: int | None = None
) -> tuple[int, str, str, float | None]:
    """`command` (`mkdocs` or `briefings`) with `args`, its address space limited to `memory` bytes if given: its
    exit status, standard output and standard error, and the processor seconds it took (None if it could not say:
    killed)."""
    _start_server()
    with tempfile.TemporaryDirectory(prefix="command-") as folder:
        files = [Path(folder, name) for name in ("out", "err", "seconds")]
        for file in files[:2]:
            file.touch()
        process = _context.Process(
            target=_command, args=(command, args, str(cwd), env, [str(f) for f in files], memory)
        )
        process.start()
        process.join()
        assert process.exitcode is not None
        out, err, seconds = files
        taken = float(seconds.read_text("utf-8")) if seconds.is_file() else None
        return process.exitcode, out.read_text("utf-8"), err.read_text("utf-8"), taken


class Started:
    """A command that runs until stopped (`mkdocs serve`), forked from the server: what the tests use of
    `subprocess.Popen`."""

    def __init__(self, process: multiprocessing.process.BaseProcess, command: list[str]):
        self.process, self.args = process, command

    def terminate(self) -> None:
        self.process.terminate()

    def wait(self, timeout: float | None = None) -> int:
        self.process.join(timeout)
        if self.process.exitcode is None:
            raise subprocess.TimeoutExpired(self.args, timeout or 0)
        return self.process.exitcode


def start_command(command: str, args: list[str], *, cwd: Path, env: dict[str, str], output: Path) -> Started:
    """Start `command` with `args`, its standard output and error written to the file `output`."""
    _start_server()
    output.touch()
    seconds = output.with_name(output.name + ".seconds")  # written as it ends, unless it is killed
    files = [str(output), str(output), str(seconds)]
    process = _context.Process(target=_command, args=(command, args, str(cwd), env, files, None))
    process.start()
    return Started(process, [command, *args])


def can_run(env: dict[str, str]) -> bool:
    """Whether a command with the environment `env` runs here as it would in a fresh process: the variables Python
    reads as it starts (`PYTHONPATH` and the others named PYTHON*) must be those the server process started with,
    but for folders added to `PYTHONPATH` that hold nothing but installed packages' metadata (`*.dist-info`: a
    package installed or upgraded, as far as `importlib.metadata` can tell, in test_incremental.py), which the
    forked command puts on its path as a fresh process would."""
    names = {name for name in env.keys() | os.environ.keys() if name.startswith("PYTHON")}
    if any(env.get(name) != os.environ.get(name) for name in names - {"PYTHONPATH"}):
        return False
    if not set(_python_path(os.environ)) <= set(_python_path(env)):
        return False
    return all(_metadata_only(Path(folder)) for folder in _added_path(env))


def _python_path(env: Mapping[str, str]) -> list[str]:
    return [folder for folder in env.get("PYTHONPATH", "").split(os.pathsep) if folder]


def _added_path(env: Mapping[str, str]) -> list[str]:
    """The folders `env`'s PYTHONPATH has that this process's has not."""
    ours = set(_python_path(os.environ))
    return [folder for folder in _python_path(env) if folder not in ours]


def _metadata_only(folder: Path) -> bool:
    """Whether `folder` holds no module, only packages' metadata: putting it on the path imports nothing anew."""
    return folder.is_dir() and all(entry.is_dir() and entry.name.endswith(".dist-info") for entry in folder.iterdir())
