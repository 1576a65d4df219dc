"""Every link between pages of the built site reaches a page, and every anchor an element on it."""

from __future__ import annotations

from conftest import BuiltSite, internal_links


def test_every_internal_link_and_anchor_resolves(built_site: BuiltSite):
    broken, anchors_checked = internal_links(built_site.site)
    assert not broken, "\n".join(broken[:20])
    assert anchors_checked > 100  # the headings' permalinks and the tag links of every brief
