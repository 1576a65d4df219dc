"""The catalog as a page in another language shows it: each brief with its translation's text (title, summary,
sources' titles, corrections) where it has one, each entity with its text in that language where its data
gives it (the default language's where it does not: the page says so). The judgement (dates, entities named,
leverage, readings) is the original's, shared by every language.
"""

from __future__ import annotations

from dataclasses import replace

from .catalog import Catalog
from .languages import DEFAULT
from .model import Author, Brief, Entity, Indicator
from .translations import Translation


def catalog_in(catalog: Catalog, lang: str) -> Catalog:
    """`catalog` in language `lang` (the catalog itself for the default language, unless a brief of it is
    written in another language: its translation into the default language, if any, gives its text)."""
    if lang == DEFAULT and all(b.language == DEFAULT for b in catalog.briefs):
        return catalog
    entities = {folder: {i: entity_in(e, lang) for i, e in found.items()} for folder, found in catalog.entities.items()}
    view = Catalog(
        entities=entities,
        briefs=[brief_in(b, catalog.translation(b, lang)) for b in catalog.briefs],
        left_out=list(catalog.left_out),
        today=catalog.today,
        assets=catalog.assets,
        linked_outputs=catalog.linked_outputs,
        pages=catalog.pages,
        redirects=catalog.redirects,
        translations=catalog.translations,
        language=lang,
    )
    return view


def brief_in(brief: Brief, translation: Translation | None) -> Brief:
    """A brief with its translation's text (and its reading time), or as it is."""
    if translation is None:
        return brief
    sources = translation.sources or brief.sources
    corrections = translation.corrections or brief.corrections
    return replace(
        brief,
        title=translation.title,
        summary=translation.summary,
        sources=sources,
        corrections=corrections,
        words=translation.words,
    )


def entity_in(entity: Entity, lang: str) -> Entity:
    """An entity with its text in `lang`, each field the language lacks in the default language's."""
    fields = {"name": entity.name_in(lang).text, "summary": entity.summary_in(lang).text}
    fields["aliases"] = entity.aliases_in(lang).text
    if isinstance(entity, Indicator):
        fields["signals"] = entity.signals_in(lang).text
    if isinstance(entity, Author):
        fields["role"] = entity.role_in(lang).text
    return replace(entity, **fields)
