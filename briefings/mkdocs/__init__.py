"""The adapter to MkDocs and its plugins: everything of the package that imports the site engine, and nothing else.

The core (the rest of `briefings`) reads, checks and writes without knowing MkDocs; this package translates the
engine's events into calls of the core (`plugin`).
"""
