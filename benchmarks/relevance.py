"""Relevance, measured: queries with the page a reader means, expected first or among the first three.

The table holds what a reader of the example project (tests/fixtures/example) types: titles, aliases, words
in another form than the page's (stems), words found in one section of a brief, and two-word queries. The
benchmark's corpus keeps the example's pages, so the same table scores a site at any size.
`tests/test_search.py` runs it in Chromium against the example site and requires every query to pass;
`script/bench` prints the score of the site's own search beside Pagefind's on the same built site.

An expected address with an anchor ("…/#why-it-matters") is a section: it passes when a result among the
first `top` links to that section.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Query:
    text: str
    expected: str  # the address, relative to the site's root
    top: int  # 1: it must come first; 3: among the first three
    why: str


QUERIES = (
    Query("White House", "actors/us-presidency/", 1, "alias"),
    Query("Muscat", "actors/oman/", 1, "alias"),
    Query("Executive Office of the President", "actors/us-presidency/", 1, "alias, several words"),
    Query(
        "Presidential optimism as a substitute for concessions",
        "briefs/2026/presidential-signalling-without-concessions/",
        1,
        "title",
    ),
    Query("Qatar as host and gatekeeper", "briefs/2026/qatar-host-and-gatekeeper/", 1, "title"),
    Query("military redeployments", "briefs/2026/military-redeployments-what-they-mean/", 3, "two words"),
    Query("Gulf states", "briefs/2026/gulf-states-brokering-gains/", 3, "two words"),
    Query("calibrated leaks", "indicators/calibrated-leaks/", 1, "two words, an indicator"),
    Query("gatekeepers", "briefs/2026/qatar-host-and-gatekeeper/", 3, "stem: gatekeeper"),
    Query("redeployment", "briefs/2026/military-redeployments-what-they-mean/", 3, "stem: redeployments"),
    Query("brokered", "briefs/2026/gulf-states-brokering-gains/", 3, "stem: brokering"),
    Query("habitually hidden", "briefs/2026/doha-indirect-talks/#why-it-matters", 3, "section"),
    Query("how firm the West", "briefs/2026/doha-indirect-talks/#who-gains-leverage", 3, "section"),
)


@dataclass
class Outcome:
    query: Query
    found: list[list[str]]  # the addresses of the first results, each with its sections' addresses

    @property
    def passed(self) -> bool:
        return any(self.query.expected in links for links in self.found[: self.query.top])


def score(outcomes: list[Outcome]) -> float:
    """The share of the queries that found what they expected where they expected it."""
    return sum(outcome.passed for outcome in outcomes) / len(outcomes) if outcomes else 0.0


def run_in_briefings(page, base: str, queries=QUERIES) -> list[Outcome]:
    """Each query typed into the site's own search box (a Playwright page on `base`, the site's root URL)."""
    outcomes = []
    for query in queries:
        page.goto(base)
        box = page.locator("input.md-search__input")
        box.click()
        box.fill(query.text)
        page.wait_for_function(
            """() => document.querySelector('.md-search-result__item')
            || /no matching/i.test(document.querySelector('.md-search-result__meta').textContent)""",
            timeout=30_000,
        )
        found = page.locator(".md-search-result__item").evaluate_all("""(items) => items.slice(0, 3).map(
            (item) => [...item.querySelectorAll('a.md-search-result__link')].map((a) => a.getAttribute('href')))""")
        outcomes.append(Outcome(query, [[_relative(href, base) for href in links] for links in found]))
    return outcomes


def run_in_pagefind(page, base: str, queries=QUERIES) -> list[Outcome]:
    """Each query asked of Pagefind's own API (pagefind/pagefind.js of the same site), its sub-results as
    sections."""
    outcomes = []
    page.goto(base)
    for query in queries:
        found = page.evaluate(
            """async ([base, text]) => {
            const pagefind = await import(base + 'pagefind/pagefind.js');
            const search = await pagefind.search(text);
            const data = await Promise.all(search.results.slice(0, 3).map((r) => r.data()));
            return data.map((d) => [d.url, ...(d.sub_results || []).map((s) => s.url)]);
        }""",
            [base, query.text],
        )
        outcomes.append(Outcome(query, [[_relative(href, base) for href in links] for links in found]))
    return outcomes


def _relative(href: str, base: str) -> str:
    """An address as the table writes it: relative to the site's root, without a query."""
    from urllib.parse import urljoin, urlsplit

    full = urlsplit(urljoin(base, href))
    root = urlsplit(base).path
    path = full.path[len(root) :] if full.path.startswith(root) else full.path.lstrip("/")
    return path + (f"#{full.fragment}" if full.fragment else "")


def report(outcomes: list[Outcome]) -> str:
    lines = []
    for outcome in outcomes:
        mark = "ok  " if outcome.passed else "MISS"
        first = outcome.found[0][0] if outcome.found and outcome.found[0] else "(nothing)"
        lines.append(
            f"{mark} {outcome.query.text!r} ({outcome.query.why}): expected {outcome.query.expected} "
            f"in the first {outcome.query.top}; first: {first}"
        )
    return "\n".join(lines)
