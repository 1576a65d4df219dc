"""A site in several languages, built by mkdocs-static-i18n: it runs the whole build once per language, the
default language first at the site's root, each other under `/<code>/`. `LanguageBuild` says what one of
those builds is, and what the site does differently in it; the MkDocs plugin asks it and holds no rule.

What is read of mkdocs-static-i18n (its plugin object, `i18n` in mkdocs.yml): `default_language`,
`build_languages`, `current_language` (None before its first configuration) and `building` (true while it
runs the other languages' builds); tests/test_languages_site.py pins them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import languages
from .urls import language_folder

#: The theme's templates that each language's build writes again at the site's root: another language's 404
#: page goes in its folder; the sitemap is the default language's, which lists every page in every language.
THEME_TEMPLATES = ("404.html", "sitemap.xml")


@dataclass(frozen=True)
class LanguageBuild:
    lang: str
    languages: tuple[str, ...]  # the site's, the default first
    again: bool  # another language's build, after the first
    only: bool = False  # the one language the preview builds

    @classmethod
    def of(cls, i18n: Any, built: Sequence[str] = ()) -> LanguageBuild:
        """The build under way, given mkdocs-static-i18n's plugin (None: a site in one language); `built`, the
        languages the site is built in when the preview builds only one of them (its pages are the same)."""
        if i18n is None:
            return cls(languages.DEFAULT, (languages.DEFAULT,), False)
        others = tuple(code for code in built or i18n.build_languages if code != i18n.default_language)
        current = i18n.current_language or i18n.default_language
        return cls(current, (i18n.default_language, *others), bool(i18n.building), only=bool(built))

    @property
    def prefix(self) -> str:
        """The folder of the language's pages: "" for the default language, "fr/" for French."""
        return language_folder(self.lang)

    @property
    def last(self) -> bool:
        """The last language's build (or the preview's one language's): then the site is built."""
        return self.only or self.lang == self.languages[-1]

    @property
    def several(self) -> bool:
        return len(self.languages) > 1

    def site(self, catalog: Any, directory_urls: bool, fragments: Any, before: Any = None) -> Any:
        """The site (briefings.site.Site) in this build's language; `before`, the site of the language built
        before it (another language's build), lends the related briefs it worked out (the same in every language)."""
        from .site import Site

        site = Site(
            catalog, directory_urls=directory_urls, fragments=fragments, lang=self.lang, site_languages=self.languages
        )
        if self.again and before is not None and before.catalog is not site.catalog:
            site.catalog.borrow_related(before.catalog)
        return site

    def theme_extra(self) -> dict[str, Any]:
        """What the theme's own templates (404.html) read of the language (`briefings_language` in `extra`):
        its folder and labels; nothing for a site in one language."""
        labels = languages.language(self.lang).labels
        return {"briefings_language": {"folder": self.prefix, "labels": labels}} if self.several else {}

    def switcher(self, meta: Mapping[str, Any]) -> list[dict[str, str]] | None:
        """Material's `extra.alternate` for a page whose metadata is `meta` (Site.theme_metadata): the language
        switcher and the hreflang links lead to this very page in each language."""
        found = meta.get("alternates")
        return [{"name": a["name"], "link": a["path"], "lang": a["lang"]} for a in found] if found else None

    def theme_template(self, name: str, output: str, site_dir: Path) -> str:
        """What the engine writes at the site's root for the theme's template `name` (nothing: an empty output);
        another language's 404 page is written in its folder here."""
        if not self.prefix or name not in THEME_TEMPLATES:
            return output
        if name == "404.html":
            (folder := site_dir / self.prefix).mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(output, "utf-8")
        return ""


#: The variable naming the one language the preview builds (`script/server --lang fr` sets it).
PREVIEW_LANGUAGE = "BRIEFINGS_PREVIEW_LANGUAGE"


def served_language(asked: str | None, built: Sequence[str]) -> str:
    """The one language the preview builds (a save then rebuilds one language, not every one): the one an author
    `asked` for, else the default (the first `built`). An unknown one is an error naming those built."""
    if not asked:
        return built[0]
    if asked not in built:
        raise ValueError(
            f"{PREVIEW_LANGUAGE}: cannot preview the language '{asked}': the site is built in {', '.join(built)}; "
            "serve one of them (script/server --lang CODE)"
        )
    return asked


def preview_note(code: str, name: str, built: Sequence[str]) -> str:
    """What the preview's first lines say of the language it serves (`built`: the site's, the default first)."""
    others = ", ".join(f"--lang {other}" for other in built if other != code)
    folder = "the site's root" if code == built[0] else f"/{code}/"
    return f"Previewing {name} ({code}) only, at {folder}; another language: script/server {others}"
