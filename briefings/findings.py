"""What reading one page finds, whole: the unit the loader takes in, the live preview keeps from one reading to the
next, and the processes reading a large site's briefs send back.

Each function here reads one page on its own: it reports into no shared list, so that what it finds is the same
whether it runs in this process, in another, or not at all (when the preview still holds what it found last).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import schema
from .brief_reading import read_brief
from .calls import read_calls
from .frontmatter import read_front_matter
from .links import PageLinks, read_links
from .model import Brief
from .problems import Problem, Problems
from .sources import Source, read_text
from .workers import forked_pool, processors_to_fork

#: From how many briefs reading them in several processes pays for starting the processes, and how many at most.
READ_APART_FROM = 200
MAX_PROCESSES = 4


@dataclass(frozen=True)
class PageFindings:
    """What one page (a brief or a hand-written page) holds and what is wrong with it."""

    brief: Brief | None  # for a brief that can be used; None otherwise (its problems say why)
    problems: tuple[Problem, ...]  # in the order found
    templated: bool = False  # it holds macro calls, for the engine to render
    links: PageLinks | None = None  # what it links; None when it could not be read


def brief_findings(page: Source, known: dict, calls: dict) -> PageFindings:
    """A brief (an original, not a translation), checked against the ids `known`; `calls` remembers what each
    distinct macro call amounts to (`read_calls`), from one page to the next."""
    problems = Problems()
    read = read_brief(page, lambda: read_text(page.path, page.rel, problems), known, calls, problems)
    return PageFindings(read.brief, tuple(problems.items), read.templated, read.links)


def page_findings(page: Source, known: dict, calls: dict) -> PageFindings:
    """A hand-written page (home, About...): its front matter, its links and its macro calls."""
    problems = Problems()
    text = read_text(page.path, page.rel, problems)
    if text is None:
        return PageFindings(None, tuple(problems.items))
    doc, body, body_line = read_front_matter(text, page.rel, problems, required=False)
    if doc is not None:
        schema.validate(doc, "page", problems)
    links = read_links(body, page.rel, body_line)
    if doc is not None and doc.value.get("render_macros") is False:  # a page that shows macro syntax as written
        return PageFindings(None, tuple(problems.items), False, links)
    templated = read_calls(body, page.rel, body_line, problems, known, calls).templated
    return PageFindings(None, tuple(problems.items), bool(templated), links)


def read_briefs(pages: list[Source], known: dict, calls: dict) -> list[PageFindings]:
    """What each brief of `pages` holds, in order. Many briefs are read by as many processes as there are
    processors, this one included: each brief is read on its own, so the findings are those of reading them one
    by one."""
    processes = min(processors_to_fork(), MAX_PROCESSES)
    if processes < 2 or len(pages) < READ_APART_FROM:
        return [brief_findings(page, known, calls) for page in pages]
    size = -(-len(pages) // processes)
    chunks = [pages[start : start + size] for start in range(0, len(pages), size)]
    with forked_pool(len(chunks) - 1) as pool:
        running = [pool.submit(_read_apart, chunk, known) for chunk in chunks[1:]]
        found = _read_apart(chunks[0], known)  # meanwhile, the first chunk here
        for reading in running:
            found += reading.result()
    return found


def _read_apart(pages: list[Source], known: dict) -> list[PageFindings]:
    calls: dict = {}
    return [brief_findings(page, known, calls) for page in pages]
