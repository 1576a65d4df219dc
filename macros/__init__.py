"""The mkdocs-macros entry point: binds the site's macros (briefings.macros) to the page being rendered."""

from briefings.macros import Macros
from briefings.references import macro_names

SITE = "briefings_site"  # set on the config by overrides/hooks/briefings_hooks.py before this runs


def define_env(env):
    macros = Macros(env.conf[SITE])

    def bind(name):
        method = getattr(macros, name)

        def macro(*args, **kwargs):
            return method(env.page.file.src_uri, *args, **kwargs)

        macro.__name__, macro.__doc__ = name, method.__doc__
        return macro

    for name in macro_names():
        env.macro(bind(name), name)
