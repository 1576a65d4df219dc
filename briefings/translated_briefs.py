"""Reading a brief's translation page (`slug.<lang>.md` beside `slug.md`, or beside `slug.ar.md` when the brief
was written first in Arabic: briefings.originals says which file is the original) for the loader: its front matter
checked against its original's (briefings.translations), its body by the rules of its language (the house
headings it declares, the template's placeholders written over, macro calls naming only what the original
lists, safe HTML) and its links."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from . import brief_rules, languages, safety
from .calls import read_calls
from .frontmatter import read_front_matter
from .links import PageLinks, read_links
from .model import count_words
from .originals import TranslationFile
from .problems import Problems
from .sources import read_text
from .translations import Translation, read_translation


@dataclass(frozen=True)
class TranslationPage:
    translation: Translation | None  # None: not usable (the problems say why)
    templated: bool = False  # it holds macro calls, for the engine to render
    links: PageLinks | None = None


def read_translation_page(
    file: TranslationFile, text: str | None, known: dict, calls: dict, problems: Problems
) -> TranslationPage:
    """The translation `file` (its `text`, None when unreadable) of the brief `file.original`."""
    page, original = file.page, file.original.page
    if text is None:
        return TranslationPage(None)
    doc, body, body_line = read_front_matter(text, page.rel, problems, required=True)
    original_text = read_text(original.path, original.rel, Problems())
    if original_text is None:  # the original's own problems are reported with it
        return TranslationPage(None)
    original_doc, _, _ = read_front_matter(original_text, original.rel, Problems(), required=True)
    if doc is None or original_doc is None:
        return TranslationPage(None)
    translation = read_translation(
        doc, original_doc.value, original.rel, src_uri=page.src_uri, rel=page.rel, problems=problems, lang=file.lang
    )
    macros = read_calls(body, page.rel, body_line, problems, known, calls)
    headings = languages.language(file.lang).headings
    if not original_doc.value.get("draft"):
        fix = brief_rules.TRANSLATION_PLACEHOLDER_FIX
        brief_rules.check_placeholders(doc, body, page.rel, body_line, problems, fix=fix)
    brief_rules.check_translation_text(
        body, page.rel, body_line, headings, original_doc.value, macros.references, problems
    )
    safety.check_text(body, page.rel, body_line, problems)
    if translation is not None:  # what its own page is built from (`briefings.pages.brief.translation_inputs`)
        digest = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
        translation = replace(translation, words=count_words(body), text_digest=digest)
    return TranslationPage(translation, bool(macros.templated), read_links(body, page.rel, body_line))
