"""HTML the core writes into pages, handed to the Markdown engine whole.

The core writes entity links, brief headers, listings and tables as finished HTML (every value escaped).
Left in the Markdown as it is, that HTML would be read again by the engine, tag by tag, by two HTML parsers
and every inline pattern: on a large site, most of the build. Instead a template marks it (`{% filter
stash %}...{% endfilter %}`, or `Fragments.mark`), which leaves a short marker in the Markdown, and the
Markdown extension the adapter installs (`briefings.mkdocs.extension`) puts the HTML in the engine's own store
of raw HTML before the engine parses anything, exactly as if the engine had found it there itself: the page is
the same, written faster. A heading's table-of-contents entry shows the text of any HTML in it, as for raw HTML.

Markers carry a random key drawn for each `Fragments`, so text written by people cannot name one.
"""

from __future__ import annotations

import re
import secrets

from markupsafe import Markup

#: The marker's delimiter: a control character, which never occurs in text people write.
DELIMITER = "\x1a"


class Fragments:
    """Finished HTML by marker, for the pages of one site (and the live preview's rebuilds of it)."""

    def __init__(self) -> None:
        self._key = secrets.token_hex(4)
        self._numbers: dict[str, int] = {}  # the same HTML (a link, on many pages) is kept once
        self._html: dict[int, str] = {}
        self._next = 0  # numbers are never reused: a marker outliving `release` fails loudly
        self.generation = 0  # how many times the HTML was released: markers kept elsewhere are as old
        self._marker = re.compile(f"{DELIMITER}{self._key}:([0-9]+){DELIMITER}")

    def mark(self, html: str) -> Markup:
        """The marker standing for `html` in a page's Markdown."""
        number = self._numbers.setdefault(str(html), self._next)
        if number == self._next:
            self._html[number] = str(html)
            self._next += 1
        return Markup(f"{DELIMITER}{self._key}:{number}{DELIMITER}")

    def unmark(self, text: str, store) -> str:
        """`text` with each marker replaced by what `store` returns for its HTML."""
        return self._marker.sub(lambda found: store(self._html[int(found[1])]), text)

    def release(self) -> None:
        """Forget the HTML marked so far, once every page holding its markers has been converted (a build
        converts each page right after writing its Markdown, so that its HTML is not kept to the end)."""
        self._numbers.clear()
        self._html.clear()
        self.generation += 1
