"""The Markdown extension the plugin installs: the HTML the core marked in a page's Markdown
(`briefings.fragments`) goes into the engine's own store of raw HTML, exactly as if the engine had found it
there itself."""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ..fragments import DELIMITER, Fragments


class FragmentsExtension(Extension):
    """Hands the HTML `fragments` marked to the Markdown engine's raw HTML store, before anything parses it."""

    def __init__(self, fragments: Fragments):
        super().__init__()
        self.fragments = fragments

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (the engine's name)
        # After whitespace is normalised (which removes the store's own placeholder characters), before
        # anything reads HTML (the engine's raw HTML blocks and the site engine's anchor finder, 20 and 21).
        md.preprocessors.register(_Unmark(md, self.fragments), "briefings_fragments", 25)


class _Unmark(Preprocessor):
    def __init__(self, md: Markdown, fragments: Fragments):
        super().__init__(md)
        self.fragments = fragments

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if DELIMITER not in text:
            return lines
        return self.fragments.unmark(text, self.md.htmlStash.store).split("\n")
