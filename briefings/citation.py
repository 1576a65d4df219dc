"""How to cite a brief: its citation as BibTeX and RIS, in files beside its page (`cite.bib`, `cite.ris`, see
`briefings.outputs.citation_paths`), and as the `citation_*` meta tags that Google Scholar and Zotero read in
its page's head (printed by overrides/partials/page-meta.html from `briefings.metadata`).

All three are written from one `briefings.metadata.Citation`, made from the catalog's brief; each value is
escaped for the format it lands in, never evaluated: BibTeX's special characters become the commands that
print them (so that a title's braces can neither end its field nor open a new one), RIS values are one line
each, and the theme escapes the meta tags' values for HTML attributes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import quote

from .catalog import Catalog
from .metadata import Citation, citation, one_line
from .outputs import Wanted
from .urls import citation_paths

#: What BibTeX gives a special meaning to, and how each is written to be printed as it is.
_BIBTEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_BIBTEX_SPECIAL = re.compile("[" + re.escape("".join(_BIBTEX)) + "]")
#: A name BibTeX would split or turn around: a comma ("Last, First") or the word "and" between authors.
_COMPOUND_NAME = re.compile(r",|\band\b", re.I)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex(c: Citation) -> str:
    """The citation as a BibTeX (and biblatex) `@online` entry. The title is braced twice, so that styles keep
    its capitals; a name BibTeX would split is braced whole; the address is percent-encoded."""
    authors = " and ".join(_bibtex_name(name) for name in c.author_names)
    fields = [
        ("author", f"{{{authors}}}"),
        ("title", f"{{{{{_bibtex_text(c.title)}}}}}"),
        ("publisher", f"{{{_bibtex_text(c.publisher)}}}"),
        ("organization", f"{{{_bibtex_text(c.publisher)}}}"),
        ("year", f"{{{c.date.year}}}"),
        ("month", _MONTHS[c.date.month - 1]),
        ("date", f"{{{c.date.isoformat()}}}"),
        ("url", f"{{{_url(c.url)}}}"),
    ]
    if c.summary:
        fields.append(("abstract", f"{{{_bibtex_text(c.summary)}}}"))
    if c.tags:
        fields.append(("keywords", f"{{{_bibtex_text(', '.join(c.tags))}}}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@online{{{c.key},\n{body}\n}}\n"


def ris(c: Citation) -> str:
    """The citation as RIS: a tag and its value on each line (every value on one line), lines ended by CR LF
    as the format asks, the record closed by `ER`."""
    lines = [
        ("TY", "ELEC"),
        ("TI", c.title),
        *(("AU", name) for name in c.author_names),
        ("PY", str(c.date.year)),
        ("DA", f"{c.date:%Y/%m/%d}"),
        ("PB", c.publisher),
        ("UR", _url(c.url)),
        *((("AB", c.summary),) if c.summary else ()),
        *(("KW", tag) for tag in c.tags),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in lines)


def citation_files(
    catalog: Catalog,
    *,
    site_name: str,
    url_of: Callable[[str], str],
    wanted: Wanted | None = None,
) -> Iterator[tuple[str, str | None]]:
    """Each published brief's citation files: (path in the site, text). They show what the brief's page
    shows: a brief that `wanted` (given its source and the files' paths) declines has its files without their
    text (None), which are not written again."""
    for brief in catalog.briefs:
        bib_path, ris_path = citation_paths(brief)
        if wanted is not None and not wanted(brief.src_uri, (bib_path, ris_path)):
            yield bib_path, None
            yield ris_path, None
            continue
        c = citation(catalog, brief, url=url_of(brief.src_uri), site_name=site_name)
        yield bib_path, bibtex(c)
        yield ris_path, ris(c)


def _bibtex_text(value: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX[m.group()], one_line(value))


def _bibtex_name(name: str) -> str:
    text = _bibtex_text(name)
    return f"{{{text}}}" if _COMPOUND_NAME.search(name) else text


def _url(url: str) -> str:
    """An address with nothing a BibTeX field or an RIS line could read otherwise: spaces, braces, backslashes
    and percent signs not already escapes are percent-encoded."""
    return quote(one_line(url), safe="/:?#[]@!$&'()*+,;=%-._~")
