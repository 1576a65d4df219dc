"""The mkdocs-macros module: binds the site's macros, which the briefings plugin provides, to the page being
rendered. The briefings plugin then renders every page in a sandbox where these macros are all there is."""


def define_env(env):
    plugin = env.conf.plugins["briefings"]
    for name, function in plugin.macro_functions(lambda: env.page.file.src_uri).items():
        env.macro(function, name)
