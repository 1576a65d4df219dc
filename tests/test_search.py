"""Search: the site's own index (briefings/search.py) and the search box a reader uses.

The core is tested in-process: pages indexed, the index written, and read back as search.js reads it (the
`look_up` below mirrors it). The index of the real site is read back from its records, and Chromium
searches the site as a reader does, at the root and under a project path, on a desktop and on a phone,
counting every byte it fetches.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import pickle
import re
import shutil
import sys
import threading
import time
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from markdown.extensions.toc import TocExtension
from playwright.sync_api import Page, expect

import briefings.search_files
import briefings.search_text
from benchmarks.browsing import free_port, serving
from briefings.search import PREFIX, SearchIndex, file_name
from briefings.search_text import EXCLUDED_CLASSES, HEADING, TEXT, PageReader, Stemmer, read, stemmer_for, words
from briefings.urls import SEARCH_FOLDER as FOLDER
from conftest import (
    BIN,
    EXAMPLE,
    ROOT,
    BuiltSite,
    assert_no_serious_violations,
    assert_stayed_on_this_machine,
    copy_project,
    fetch,
    is_phone,
    mkdocs_build,
    run,
    search_records,
    start,
    wait_for,
)
from example import ACTORS, BRIEFS, INDICATORS, url_of

pytestmark = pytest.mark.heavy  # scheduled first (conftest.py)

BUDGET = 600_000  # bytes a reader fetches from opening a page to the first results
GROWTH = 1.3  # how much more a site with many more briefs may make them fetch
GENERATED_BRIEFS = 400


def long_date(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def one_line(text: str) -> str:
    return " ".join(text.split())


# -- the core: indexing pages and writing the index ------------------------------------------------------------

ARTICLE = """<h1 id="t">{title}<a class="headerlink" href="#t">¶</a></h1>
<p>{text}</p><div class="brief-list"><p>A listed brief about lighthouses.</p></div>
<figure data-search-exclude><p>Chart labels</p></figure><nav class="brief-sequence"><a>Next brief</a></nav>
<p class="entity-aliases" data-search-weight="5">Also known as: Portmasters</p>"""


def article(title: str, text: str) -> str:
    return ARTICLE.format(title=title, text=text)


STEM = Stemmer("en")


def entry_of(folder: Path, word: str) -> tuple[dict, list[str], dict[int, tuple[int, int]]]:
    """As search.js does: the piece of the index that holds the stem of `word`, the words of that stem (its
    forms), and for each page holding it its score and which of the forms it holds (bit n: the nth form)."""
    stem = STEM(word)
    length = PREFIX
    path = lambda: folder / "words" / f"{file_name(stem[:length])}.json"
    piece = json.loads(path().read_text("utf-8")) if path().exists() else {"words": {}}
    while piece.get("split") and len(stem) > length:
        length += 1
        piece = json.loads(path().read_text("utf-8")) if path().exists() else {"words": {}}
    entry = piece["words"].get(stem, [0])
    forms = [value for value in entry if isinstance(value, str)]
    postings, step = entry[len(forms) :], 3 if len(forms) > 1 else 2
    found, page = {}, 0
    for at in range(1, len(postings), step):
        page += postings[at]
        found[page] = (postings[at + 1], postings[at + 2] if step == 3 else 1)
    return piece, forms, found


def look_up(folder: Path, word: str) -> tuple[dict, dict[int, int]]:
    """The piece of the index that holds the stem of `word`, and the score of each page holding the stem."""
    piece, _, found = entry_of(folder, word)
    return piece, {page: score for page, (score, _) in found.items()}


def test_only_the_article_text_is_indexed_with_what_a_result_shows(tmp_path: Path):
    index = SearchIndex()
    index.add(
        "",
        article("Harbours", "Ships come in with the tide &amp; leave."),
        title="Harbours",
        meta={"description": "Tides &amp; harbours"},
    )
    index.add(
        "briefs/2026/north/",
        article("North port", "Cranes and quays."),
        title="North port",
        meta={"description": "Quays.", "date": dt.date(2026, 3, 4)},
    )
    index.add("write-a-brief/", article("Guide", "Not for readers."), title="Guide", meta={"search": {"exclude": True}})

    assert index.write(tmp_path / FOLDER) == 2
    records = search_records(tmp_path)
    assert set(records) == {"/", "/briefs/2026/north/"}
    assert records["/"]["meta"] == {"title": "Harbours", "summary": "Tides & harbours"}
    assert records["/briefs/2026/north/"]["meta"] == {
        "title": "North port",
        "summary": "Quays.",
        "date": "4 March 2026",
        "datetime": "2026-03-04",
    }
    home = records["/"]["content"]
    assert "Ships come in with the tide & leave." in home and "Portmasters" in home
    for left_out in ("¶", "lighthouses", "Chart labels", "Next brief"):
        assert left_out not in home
        assert not look_up(tmp_path / FOLDER, words(left_out)[0] if words(left_out) else "zz")[1]
    assert look_up(tmp_path / FOLDER, "tide")[1] == {0: look_up(tmp_path / FOLDER, "tide")[1][0]}


def test_titles_weigh_most_then_headings_and_marked_words_then_the_text(tmp_path: Path):
    index = SearchIndex()
    index.add("a/", "<h1>Harbours</h1><p>Quiet.</p>", title="Harbours", meta={})
    index.add("b/", "<h2>Harbours</h2><p>Quiet.</p>", title="Ports", meta={})
    index.add("c/", '<p data-search-weight="5">Harbours</p>', title="Docks", meta={})
    index.add("d/", "<p>Harbours, harbours and harbours.</p>", title="Piers", meta={})
    index.add("e/", "<p>Harbours.</p>", title="Quays", meta={})
    index.write(tmp_path / FOLDER)
    scores = look_up(tmp_path / FOLDER, "harbours")[1]
    assert scores[0] > scores[1] == scores[2] > scores[3] > scores[4] > 0


def test_front_matter_weighs_a_pages_words_or_leaves_it_out(tmp_path: Path):
    index = SearchIndex()
    index.add("a/", "<p>Harbours.</p>", title="One", meta={})
    index.add("b/", "<p>Harbours.</p>", title="Two", meta={"search": {"boost": 0.5}})
    index.add("c/", "<p>Harbours.</p>", title="Three", meta={"search": {"boost": 10}})
    index.add("d/", "<p>Harbours.</p>", title="Four", meta={"search": {"exclude": True}})
    assert index.write(tmp_path / FOLDER) == 3
    scores = look_up(tmp_path / FOLDER, "harbours")[1]
    assert scores[2] > scores[0] > scores[1] and 3 not in scores


SAMPLES = ["Doha’s TALKS: Ōman, São Tomé; 2026 a x_y", "हिन्दी समाचार", "Ελλάδα, Türkiye, İstanbul", "قطر‎ و"]


def test_pages_are_read_as_html_is_parsed():
    """Search reads HTML with a parser, not patterns: a ">" in an attribute is the attribute's, an element left
    out ends where it ends (with elements of its name within it), and a section's heading is its text."""
    text, weights, sections = read(
        '<p title="a > b" class="note">Harbours &amp; quays</p><div class="brief-list"><div><p>Ferries</p></div>'
        '<p>Lighthouses</p></div><h2 id="x">Tides<a class="headerlink" href="#x">¶</a></h2><p>Moorings</p>'
    )
    assert text == "Harbours & quays Tides Moorings"
    assert set(weights) == {"harbours", "quays", "tides", "moorings"} and weights["tides"] == 1 + HEADING - TEXT
    assert sections == [(text.index("Tides"), "x", "Tides")]


def test_pages_are_read_in_the_order_added_in_another_process_or_as_asked(monkeypatch):
    """A build hands its pages to another process in batches while it renders; what was read comes back in the
    order the pages were added, as if read here; a reader stopped between pages gives the rest later."""
    monkeypatch.setattr(briefings.search_text, "BATCH", 2)
    pages = [f"<h2 id='p{n}'>Page {n}</h2><p>Harbour number {n}.</p>" for n in range(5)]
    reader = PageReader()
    apart = len(os.sched_getaffinity(0)) > 1 and threading.active_count() == 1
    for key, page in enumerate(pages):
        reader.add(key, zlib.compress(page.encode("utf-8")))
    assert (reader._pool is not None) == apart
    results = reader.results()
    first = next(results)
    results.close()  # stopped: the rest stay to be given
    assert [first, *reader.results()] == [(key, read(page)) for key, page in enumerate(pages)]
    reader.close()


def test_an_index_stopped_while_taking_pages_in_writes_every_page_the_next_time(tmp_path: Path):
    index = SearchIndex()
    for n in range(3):
        index.add(f"p{n}/", f"<p>Harbour {n}.</p>", title=f"Page {n}", meta={})
    index.add("p1/", "<p>Quay.</p>", title="Page 1", meta={})  # added again: read as last added
    assert index.write(tmp_path / FOLDER, stop=lambda: True) == 0
    assert index.write(tmp_path / FOLDER) == 3
    assert set(look_up(tmp_path / FOLDER, "harbour")[1]) == {0, 2} and set(look_up(tmp_path / FOLDER, "quay")[1]) == {1}


def test_the_classes_left_out_are_those_the_templates_and_the_markdown_engine_write():
    """Search leaves out lists of briefs and a brief's links to other briefs by their class: renaming one in a
    template must fail here, not silently put the lists back into the index."""
    templates = "\n".join(path.read_text("utf-8") for path in (ROOT / "briefings/templates/pages").glob("*.md"))
    written = {name for found in re.findall(r'class="([^"]*)"', templates) for name in found.split()}
    assert EXCLUDED_CLASSES - {"headerlink"} <= written
    assert TocExtension().getConfig("permalink_class") == "headerlink"  # the headings' "¶" (mkdocs.yml: toc)


def test_words_are_read_without_accents_or_case_and_named_safely():
    assert words(SAMPLES[0]) == ["doha", "talks", "oman", "sao", "tome", "2026"]
    assert words(SAMPLES[1]) == ["हनद", "समचर"]  # marks removed, as search.js removes them
    assert file_name("qa") == "qa" and file_name("20") == "20"
    assert file_name("دو") == "_62f-648" and re.fullmatch(r"[\w-]+", file_name("ωσ"))


@pytest.mark.browser
def test_the_browser_reads_words_and_names_pieces_as_the_index_does(page: Page):
    """search.js must find each word where briefings/search.py put it: its `words` and `fileName` are run in
    Chromium on the same samples."""
    script = (ROOT / "overrides/assets/javascripts/search.js").read_text("utf-8")
    functions = "\n".join(
        re.search(rf"\nfunction {name}\(.*?\n}}\n", script, re.S)[0] for name in ("words", "fileName")
    )
    found = page.evaluate(
        f"(samples) => {{ {functions}; return samples.map((s) => [words(s), words(s).map(fileName)]); }}", SAMPLES
    )
    assert found == [[words(sample), [file_name(word) for word in words(sample)]] for sample in SAMPLES]


def test_large_pieces_are_split_and_common_words_keep_their_best_pages(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(briefings.search_files, "SHARD_BYTES", 300)
    monkeypatch.setattr(briefings.search_files, "COMMON", 5)
    index = SearchIndex()
    vocabulary = [f"ta{chr(97 + n % 26)}{chr(97 + n // 26)}" for n in range(60)]
    for page in range(12):
        text = " ".join(vocabulary[page::3]) + " talks" * (page % 4) + " ta"
        index.add(f"p{page}/", f"<p>{text}</p>", title=f"Page {page}", meta={})
    index.write(tmp_path / FOLDER)
    folder = tmp_path / FOLDER
    top, _ = look_up(folder, "ta")
    assert top["split"] and set(top["words"]) == {"ta"}  # split: it keeps only the word as long as its prefix
    assert max(path.stat().st_size for path in (folder / "words").iterdir()) < 300 + 200
    for page in range(12):  # every word of every page is found where search.js looks for it
        for word in vocabulary[page::3]:
            assert page in look_up(folder, word)[1], word
    piece, scores = look_up(folder, "talks")
    assert piece["words"]["talk"][:2] == ["talks", 9]  # on nine pages; it keeps the five where it weighs most
    assert len(scores) == 5 and {3, 7, 11} <= set(scores) and all(page % 4 >= 2 for page in scores)


def test_the_index_forgets_pages_no_longer_in_the_site(tmp_path: Path):
    index = SearchIndex()
    for url in ("a/", "b/", "c/"):
        index.add(url, "<p>Harbours.</p>", title=url, meta={})
    index.keep_only({"a/", "c/"})
    index.add("a/", "<p>Quays.</p>", title="a/", meta={})  # indexed again, as the preview does after a save
    index.add("d/", "<p>Piers.</p>", title="d/", meta={})  # a new page: a number of its own
    assert index.write(tmp_path / FOLDER) == 3
    assert set(look_up(tmp_path / FOLDER, "harbours")[1]) == {2}
    assert set(look_up(tmp_path / FOLDER, "quays")[1]) == {0}
    assert set(look_up(tmp_path / FOLDER, "piers")[1]) == {3}
    assert set(search_records(tmp_path)) == {"/a/", "/c/", "/d/"}


def written_and_restored(pages: dict[str, str], folder: Path) -> SearchIndex:
    """An index of `pages` (address -> HTML) written into `folder`, then a new index restored from its state, as a
    build's cache keeps it for the next build."""
    last = SearchIndex()
    for url, content in pages.items():
        last.add(url, content, title=url, meta={})
    last.write(folder)
    restored = SearchIndex()
    assert restored.restore(pickle.loads(pickle.dumps(last.state())))
    return restored


def files(folder: Path) -> dict[str, bytes]:
    """Every file below `folder`, by its path there."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_index_restored_and_changed_writes_what_a_new_index_of_the_same_pages_writes(tmp_path: Path):
    """A build starts from the last build's index (`state`, kept by the build cache) and indexes again only the
    pages that changed; it writes anew only the pieces whose words changed, and the index is a new index's."""
    pages = {"a/": "<p>Harbours and ports.</p>", "b/": "<p>Harbours, quays and ports.</p>", "c/": "<p>Ports.</p>"}
    restored = written_and_restored(pages, tmp_path / "last" / FOLDER)
    pages["b/"] = "<p>Harbours, piers and ports.</p>"  # quays gone from the site, piers new
    restored.add("b/", pages["b/"], title="b/", meta={})
    new = SearchIndex()
    for url, content in pages.items():
        new.add(url, content, title=url, meta={})
    assert restored.write(tmp_path / "restored" / FOLDER) == new.write(tmp_path / "new" / FOLDER) == 3

    assert files(tmp_path / "restored") == files(tmp_path / "new") != files(tmp_path / "last")
    assert set(look_up(tmp_path / "restored" / FOLDER, "piers")[1]) == {1}


def test_an_index_restored_offers_the_files_it_wrote_as_they_are_to_keep_and_writes_only_the_others(tmp_path: Path):
    """A build's cache takes the last build's file where the index wrote it as it is now (`SearchIndex.keep`): the
    record of a page held since at the same number, and a piece of words no page touched. The index written is a
    new index's all the same, and the count of the files kept says so."""
    pages = {"a/": "<p>Harbours and ports.</p>", "b/": "<p>Harbours, quays.</p>", "c/": "<p>Zeppelins.</p>"}
    restored = written_and_restored(pages, tmp_path / "last" / FOLDER)
    pages["b/"] = "<p>Harbours, piers.</p>"
    restored.add("b/", pages["b/"], title="b/", meta={})
    offered: list[str] = []

    def keep(path: Path) -> bool:  # as the build's cache does: the last build's file, where it has it
        offered.append(path.relative_to(tmp_path / "restored" / FOLDER).as_posix())
        shutil.copyfile(tmp_path / "last" / FOLDER / offered[-1], path)
        return True

    restored.keep = keep
    written: list[str] = []
    assert (
        restored.write(
            tmp_path / "restored" / FOLDER,
            put=lambda path, text: written.append(path.name) or path.write_text(text, "utf-8"),
        )
        == 3
    )
    assert {"pages/0.json", "pages/2.json"} <= set(offered) and "pages/1.json" not in offered
    # "zeppelins" on a page that did not change, "harbours" on one that did, with the same score; "piers" new
    assert {"words/ze.json", "words/ha.json"} <= set(offered) and "words/pi.json" not in offered
    assert {"1.json", "pi.json"} <= set(written) and not (tmp_path / "restored" / FOLDER / "words/qu.json").exists()
    assert not set(written) & {name.rsplit("/", 1)[1] for name in offered}
    assert restored.made.kept == len(offered)
    new = SearchIndex()
    for url, content in pages.items():
        new.add(url, content, title=url, meta={})
    new.write(tmp_path / "new" / FOLDER)

    assert files(tmp_path / "restored") == files(tmp_path / "new")


def test_a_page_added_again_as_it_was_is_not_read_again(tmp_path: Path, monkeypatch):
    """A build renders again pages that come out the same (those the navigation lists): the index restored holds
    them as read, and reads only a page whose HTML or metadata changed; it writes what a new index writes."""
    pages = {"a/": "<p>Harbours and ports.</p>", "b/": "<p>Harbours, quays and ports.</p>"}
    restored = written_and_restored(pages, tmp_path / "last" / FOLDER)
    read_again: list[str] = []
    reading = briefings.search_text.read
    monkeypatch.setattr(briefings.search_text, "read", lambda page: read_again.append(page) or reading(page))
    restored.add("a/", pages["a/"], title="a/", meta={})  # as it was
    restored.add("b/", pages["b/"], title="b/", meta={"search": {"boost": 2}})  # weighed otherwise
    restored.add("c/", pages["a/"], title="c/", meta={})  # a new page, as another was
    assert restored.write(tmp_path / "restored" / FOLDER) == 3
    assert read_again == [pages["b/"], pages["a/"]]
    new = SearchIndex()
    new.add("a/", pages["a/"], title="a/", meta={})
    new.add("b/", pages["b/"], title="b/", meta={"search": {"boost": 2}})
    new.add("c/", pages["a/"], title="c/", meta={})
    new.write(tmp_path / "new" / FOLDER)

    assert files(tmp_path / "restored") == files(tmp_path / "new")


def test_words_are_indexed_by_their_stem_with_the_forms_each_page_holds(tmp_path: Path):
    index = SearchIndex()
    index.add("a/", "<p>The talks went on; talking helps.</p>", title="One", meta={})
    index.add("b/", "<p>A talk, and the skies.</p>", title="Two", meta={})
    index.add("c/", "<p>Mediators mediated; the dying.</p>", title="Mediation", meta={})
    index.write(tmp_path / FOLDER)
    folder = tmp_path / FOLDER
    piece, forms, found = entry_of(folder, "talks")
    assert entry_of(folder, "talk")[1:] == entry_of(folder, "talking")[1:] == (forms, found)
    assert set(forms) == {"talk", "talks", "talking"} and set(found) == {0, 1}
    holds = lambda page: {form for bit, form in enumerate(forms) if found[page][1] >> bit & 1}
    assert holds(0) == {"talks", "talking"} and holds(1) == {"talk"}
    _, forms, found = entry_of(folder, "mediation")
    assert set(forms) == {"mediators", "mediated", "mediation"} and set(found) == {2}
    assert entry_of(folder, "dies")[1:] == (["dying"], {2: (16, 1)})  # a stem of one form: no mask
    assert entry_of(folder, "sky")[1] == ["skies"]


def test_a_pages_record_says_where_each_section_starts_in_its_text(tmp_path: Path):
    index = SearchIndex()
    index.add(
        "a/",
        '<h1 id="t">Talks</h1><p>Intro \ue000 text.</p>'
        '<h2 id="what-happened">What <em>happened</em><a class="headerlink" href="#what-happened">¶</a></h2>'
        '<p>Mediators met.</p><div data-search-exclude><h2 id="chart">Chart</h2></div>'
        '<h3 id="a-b">A &amp; B</h3><p>Envoys left.</p><h2>No anchor</h2><p>More.</p>',
        title="Talks",
        meta={},
    )
    index.write(tmp_path / FOLDER)
    record = json.loads((tmp_path / FOLDER / "pages/0.json").read_text("utf-8"))
    text = record["text"]
    assert text == "Talks Intro text. What happened Mediators met. A & B Envoys left. No anchor More."
    assert [anchor for _, anchor, _ in record["sections"]] == ["what-happened", "a-b"]
    for offset, _, heading in record["sections"]:
        assert text[offset:].startswith(heading)
    assert [heading for _, _, heading in record["sections"]] == ["What happened", "A & B"]


def test_filters_list_each_value_with_its_label_and_pages_and_briefs_dates(tmp_path: Path):
    index = SearchIndex()
    brief = {
        "kind": [("brief", "Briefs")],
        "year": [("2026", "2026")],
        "actor": [("qatar", "Qatar")],
        "tag": [("talks & <b>", "talks & <b>")],
    }
    index.add("a/", "<p>One.</p>", title="A", meta={"date": dt.date(2026, 3, 4)}, facets=brief)
    index.add("b/", "<p>Two.</p>", title="B", meta={}, facets={"kind": [("actor", "Actors")]})
    index.add(
        "c/",
        "<p>Three.</p>",
        title="C",
        meta={"date": dt.date(2025, 1, 2)},
        facets={**brief, "year": [("2025", "2025")], "actor": [("oman", "Oman"), ("qatar", "Qatar")]},
    )
    index.write(tmp_path / FOLDER)
    read = lambda name: json.loads((tmp_path / FOLDER / f"filters/{name}.json").read_text("utf-8"))
    assert read("kind")["values"] == [["brief", "Briefs", 0, 2], ["actor", "Actors", 1]]  # pages 0 and 2; 1
    assert read("year")["values"] == [["2026", "2026", 0], ["2025", "2025", 2]]  # newest first
    assert read("actor")["values"] == [["qatar", "Qatar", 0, 2], ["oman", "Oman", 2]]  # most pages first
    assert read("tag")["values"] == [["talks & <b>", "talks & <b>", 0, 2]]  # data: search.js writes it as text
    assert read("mechanism")["values"] == [] and read("region")["values"] == []
    epoch = dt.date(1970, 1, 1)
    assert read("date")["pages"] == [0, (dt.date(2026, 3, 4) - epoch).days, 2, (dt.date(2025, 1, 2) - epoch).days]


def test_the_stemmer_is_chosen_by_the_sites_language_in_one_place(tmp_path: Path):
    assert briefings.search_text.STEMMERS["en"] == "english"
    assert stemmer_for("en") == stemmer_for("en-GB") == "english" and stemmer_for("xx") is None
    assert [Stemmer("en")(w) for w in ("talks", "news", "dying", "as")] == ["talk", "news", "die", "as"]
    index = SearchIndex(language="xx")  # a language without a stemmer: words as they are
    index.add("a/", "<p>Talks.</p>", title="One", meta={})
    index.use_language("xx")
    index.write(tmp_path / FOLDER)
    assert "talks" in json.loads((tmp_path / FOLDER / "words/ta.json").read_text("utf-8"))["words"]
    index.use_language("en")  # stemming otherwise: the index starts again
    assert index.write(tmp_path / FOLDER) == 0


def test_the_index_stems_with_the_compiled_snowball_as_its_python_code_would():
    """snowballstemmer runs PyStemmer's compiled algorithms (pinned in requirements.txt) when it is installed: they
    are Snowball 2.2's, as the package's own Python code and the browser's stemmers; every word of the example
    project's pages in each language gets the same stem from both."""
    import importlib

    import snowballstemmer

    for code, algorithm in briefings.search_text.STEMMERS.items():
        compiled = snowballstemmer.stemmer(algorithm)
        assert type(compiled).__module__ == "Stemmer", "PyStemmer is not installed: script/setup installs it"
        python = getattr(
            importlib.import_module(f"snowballstemmer.{algorithm}_stemmer"), f"{algorithm.title()}Stemmer"
        )()
        pages = EXAMPLE.joinpath("docs").rglob("*.md" if code == "en" else f"*.{code}.md")
        text = " ".join(path.read_text("utf-8") for path in pages)
        found = set(words(text)) | {"added", "talks", "dying"}
        assert len(found) > 200, code
        assert {w: compiled.stemWord(w) for w in found} == {w: python.stemWord(w) for w in found}, code


def test_the_browsers_stemmers_are_the_vendored_package_unchanged():
    """overrides/assets/javascripts/stemmers/ is what script/vendor-stemmers makes of the npm package pinned in
    package.json: one module per algorithm STEMMERS chooses, and Snowball's base classes once, in a module
    each of them imports, all with the package's and Snowball's licences."""
    checked = run(sys.executable, ROOT / "script/vendor-stemmers", "--check", cwd=ROOT)
    assert checked.returncode == 0, checked.output
    folder = ROOT / "overrides/assets/javascripts/stemmers"
    algorithms = sorted(f"{name}.js" for name in set(briefings.search_text.STEMMERS.values()))
    assert sorted(p.name for p in folder.iterdir()) == sorted([*algorithms, "base-stemmer.js"])
    for path in folder.iterdir():
        text = path.read_text("utf-8")
        assert "ISC licence" in text[:4000] and "Martin" in text[:4000] and "BSD licence" in text[:4000]
        assert path.stat().st_size < 100_000
        # The base classes are defined in base-stemmer.js alone; every algorithm's module imports them.
        defines = "var SnowballProgram = function" in text
        assert defines == (path.name == "base-stemmer.js"), path.name
        assert (path.name in algorithms) == ('from "./base-stemmer.js";' in text), path.name


# -- the index of the real site --------------------------------------------------------------------------------


def test_every_brief_entity_and_page_is_indexed_with_its_title_summary_and_date(built_site: BuiltSite):
    records = search_records(built_site.site)
    for path, meta in BRIEFS.items():
        record = records["/" + url_of(path)]
        assert record["meta"] == {
            "title": meta["title"],
            "summary": one_line(meta["summary"]),
            "date": long_date(meta["date"]),
            "datetime": meta["date"].isoformat(),
        }
    for folder, entities in (("actors", ACTORS), ("indicators", INDICATORS)):
        for entity_id, entity in entities.items():
            record = records[f"/{folder}/{entity_id}/"]
            assert record["meta"] == {"title": entity["name"], "summary": one_line(entity["summary"])}
    for alias in ACTORS["us-presidency"]["aliases"]:
        assert alias in records["/actors/us-presidency/"]["content"]
    pages = {
        "/" + p.parent.relative_to(built_site.site).as_posix().removeprefix(".") + "/"
        for p in built_site.site.rglob("index.html")
    }
    # The default language's pages (each other language has its own index: test_languages_site.py).
    pages = {page.replace("//", "/") for page in pages if not page.startswith(("/fr/", "/ar/"))}
    assert set(records) == pages - {"/write-a-brief/"}  # the authors' guide leaves search (its front matter)
    assert not [url for url, record in records.items() if "¶" in record["content"] + record["meta"]["title"]]


def test_lists_of_briefs_and_what_templates_mark_are_left_out(built_site: BuiltSite):
    """A listing page repeats each brief's title and summary: indexed, it would match every query about them,
    and its record, which a result fetches whole, would grow with the site. So do a brief's links to other
    briefs."""
    records = search_records(built_site.site)
    summaries = [one_line(meta["summary"]) for meta in BRIEFS.values()]
    for url in ("/", "/briefs/", "/tags/mediation/", "/actors/qatar/", "/indicators/talks-direct/"):
        assert built_site.page(url).select(".brief-list"), f"{url} lists briefs"
        assert not [summary for summary in summaries if summary in records[url]["content"]], url
    indicator = "/indicators/written-commitments/"
    chart = built_site.page(indicator).select_one("[data-search-exclude]").get_text(" ", strip=True)
    assert chart and chart not in records[indicator]["content"]
    assert "127.0.0.1" not in records[indicator]["content"]  # the address a printed page shows
    # A brief's related, previous and next briefs are the site's links, not its text: indexed, searching a
    # brief's title would find its neighbours too.
    brief = "/briefs/2026/doha-indirect-talks/"
    elsewhere = built_site.page(brief).select(".brief-related a, .brief-sequence a")
    assert elsewhere and not [a.get_text() for a in elsewhere if a.get_text() in records[brief]["content"]]


def test_the_filters_of_the_real_site_hold_every_page_by_kind_and_each_briefs_entities(built_site: BuiltSite):
    folder = built_site.site / FOLDER
    url_of_page = {json.loads(p.read_text("utf-8"))["url"]: int(p.stem) for p in (folder / "pages").iterdir()}
    read = lambda name: {
        value: (label, set(itertools.accumulate(deltas)))
        for value, label, *deltas in json.loads((folder / f"filters/{name}.json").read_text("utf-8"))["values"]
    }
    kinds = read("kind")
    assert {value: label for value, (label, _) in kinds.items()} == {
        "brief": "Briefs",
        "actor": "Actors",
        "indicator": "Indicators",
        "mechanism": "Mechanisms",
        "page": "Pages",
    }
    assert kinds["brief"][1] == {url_of_page[url_of(path)] for path in BRIEFS}
    assert kinds["actor"][1] == {url_of_page[f"actors/{i}/"] for i in ACTORS}
    assert set.union(*(pages for _, pages in kinds.values())) == set(url_of_page.values())  # each page a kind
    qatar = {url_of_page[url_of(path)] for path, meta in BRIEFS.items() if "qatar" in meta["actors"]}
    assert read("actor")["qatar"] == ("Qatar", qatar)
    assert read("year") == {"2026": ("2026", kinds["brief"][1])}


def test_the_header_is_materials_own_but_for_search():
    """overrides/partials/header.html copies Material's header to show search without Material's search
    plugin: it must follow Material's header in everything else (a newer Material may change it)."""
    import material

    theirs = (Path(material.__file__).parent / "templates/partials/header.html").read_text("utf-8")
    ours = (ROOT / "overrides/partials/header.html").read_text("utf-8")
    their_search = re.compile(
        r'\n    {% if "material/search" in config.plugins %}\n.*?\n      {% endif %}\n    {% endif %}', re.S
    )
    our_search = re.compile(
        r'\n    <label class="md-header__button md-icon" for="__search">\n.*?{% include "partials/search.html" %}', re.S
    )
    assert their_search.search(theirs) and our_search.search(ours)
    after_comment = lambda text: text.split("-#}\n", 1)[1]
    assert after_comment(their_search.sub("", theirs)) == after_comment(our_search.sub("", ours))


# -- a reader searching, in Chromium ---------------------------------------------------------------------------


def search(page: Page, text: str) -> None:
    """Opens search as a reader does on this viewport, then types `text` key by key."""
    if is_phone(page):
        page.locator("label.md-header__button[for='__search']").click()
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(text, delay=30)


def results(page: Page):
    return page.locator(".md-search-result__item")


@pytest.mark.browser
def test_searching_an_alias_finds_the_actor(reader: Page, site_url: str):
    reader.goto(site_url)
    search(reader, "White House")
    result = reader.locator(".md-search-result__item a[href*='actors/us-presidency/']").first
    expect(result).to_be_visible(timeout=15_000)
    result.click()
    expect(reader).to_have_url(re.compile(r"/actors/us-presidency/$"))
    expect(reader.locator("h1")).to_have_text(re.compile("US presidency"))
    assert_stayed_on_this_machine(reader)


@pytest.mark.browser
def test_a_briefs_title_finds_it_first_with_its_date_and_summary(reader: Page, site_url: str):
    path = EXAMPLE / "docs/briefs/2026/presidential-signalling-without-concessions.md"
    meta = BRIEFS[path]
    reader.goto(site_url + "about/")
    search(reader, meta["title"])
    first = results(reader).first
    expect(first).to_be_visible(timeout=15_000)
    expect(first.locator("h1")).to_have_text(meta["title"])
    expect(first.locator("time")).to_have_text(long_date(meta["date"]))
    expect(first.locator("time")).to_have_attribute("datetime", meta["date"].isoformat())
    expect(first).to_contain_text(one_line(meta["summary"]))
    box = first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= reader.viewport_size["width"]  # fits a phone too
    first.locator("a").first.click()  # the page itself; the links after it are its sections
    expect(reader).to_have_url(re.compile(re.escape(url_of(path)) + "$"))
    assert_stayed_on_this_machine(reader)


@pytest.mark.browser
def test_more_results_appear_as_the_reader_scrolls(page: Page, site_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_server.url)
    search(page, "talks")
    status = page.locator(".md-search-result__meta")
    expect(status).to_have_text(re.compile(r"^\d+ matching documents$"), timeout=15_000)
    found = int(status.inner_text().split()[0])
    assert found > 20, "the query must find more than two batches of results"
    expect(results(page)).to_have_count(10)
    page.locator(".md-search__scrollwrap").evaluate("e => e.scrollTo(0, e.scrollHeight)")
    expect(results(page)).to_have_count(20)


@pytest.mark.browser
def test_the_keyboard_opens_search_moves_through_results_and_closes_it(page: Page, site_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_server.url)
    toggle = page.locator("#__search")
    box = page.locator("input.md-search__input")
    page.keyboard.press("/")
    expect(box).to_be_focused()
    expect(toggle).to_be_checked()
    page.keyboard.type("Gulf")
    expect(results(page)).not_to_have_count(0, timeout=15_000)
    links = page.locator(".md-search-result__link")
    page.keyboard.press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    target = links.nth(0).get_attribute("href")
    page.keyboard.press("Enter")  # in the box: the first result
    expect(page).to_have_url(site_server.url.rstrip("/") + target)
    page.keyboard.press("s")
    expect(toggle).to_be_checked()
    page.keyboard.press("Escape")
    expect(toggle).not_to_be_checked()


@pytest.mark.browser
def test_nothing_is_fetched_for_search_until_the_reader_opens_it(page: Page, site_url: str):
    fetched = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(site_url + "actors/qatar/")
    page.wait_for_load_state("networkidle")
    assert not [path for path in fetched if re.search(r"/search/|sitemap\.xml|search_index", path)], fetched
    page.locator("input.md-search__input").click()
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.wait_for_load_state("networkidle")
    assert not [path for path in fetched if "/search/" in path], fetched  # opening search costs nothing
    page.keyboard.type("Qatar")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    assert [path for path in fetched if path.endswith("/search/words/qa.json")], fetched


def bytes_to_first_results(page: Page, url: str, query: str) -> dict[str, int]:
    """Opens `url`, searches `query`, waits for the results: the bytes of every response fetched, by path."""
    fetched: dict[str, int] = {}
    hosts = set()

    def count(request):
        hosts.add(urlsplit(request.url).hostname)
        fetched[urlsplit(request.url).path] = request.sizes()["responseBodySize"]

    page.on("requestfinished", count)
    page.goto(url)
    search(page, query)
    expect(results(page).first).to_be_visible(timeout=15_000)
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", count)
    assert hosts == {"127.0.0.1"}, hosts
    return fetched


def describe(fetched: dict[str, int]) -> str:
    return "\n".join(f"{size:>9,} {path}" for path, size in sorted(fetched.items(), key=lambda item: -item[1]))


@pytest.mark.browser
def test_a_reader_fetches_at_most_the_budget_to_the_first_results(page: Page, site_server):
    fetched = bytes_to_first_results(page, site_server.url, "White House")
    assert sum(fetched.values()) <= BUDGET, describe(fetched)
    assert not [path for path in fetched if re.search(r"sitemap\.xml|search_index", path)], describe(fetched)


@pytest.fixture(scope="session")
def large_site_server(tmp_path_factory):
    """The example project with hundreds of generated briefs (the benchmark's corpus), built and served once; in
    English only, the language the reader searches in (a third of the pages to build)."""
    base = tmp_path_factory.mktemp("large")
    example = copy_project(base / "example", one_language=True)
    made = run(
        sys.executable,
        "-m",
        "benchmarks.corpus",
        "--briefs",
        str(GENERATED_BRIEFS),
        "--actors",
        "40",
        "--indicators",
        "20",
        "--out",
        base / "project",
        "--root",
        example,
        cwd=ROOT,
    )
    assert made.returncode == 0, made.output
    result = mkdocs_build(base / "project", base / "site")
    assert result.returncode == 0, result.output
    with serving(base / "site") as server:
        yield server


@pytest.mark.browser
@pytest.mark.parametrize("query", ["Qatar", "White House"])
def test_what_a_reader_fetches_does_not_grow_with_the_site(page: Page, site_server, large_site_server, query: str):
    page.set_viewport_size({"width": 1280, "height": 900})
    small = bytes_to_first_results(page, site_server.url, query)
    large = bytes_to_first_results(page, large_site_server.url, query)
    report = f"shipped site:\n{describe(small)}\nwith {GENERATED_BRIEFS} more briefs:\n{describe(large)}"
    assert sum(large.values()) < GROWTH * sum(small.values()), report
    assert max(large.values()) <= max(small.values()), report  # the largest file is the same one


@pytest.mark.browser
def test_a_match_in_a_section_shows_its_heading_and_leads_to_it(reader: Page, site_url: str):
    """As Pagefind's sub-results: the words of "What to watch next" in a brief show that heading under the
    brief's result, with an excerpt of the section, and lead to its anchor."""
    reader.goto(site_url)
    search(reader, "mediators publish procedural terms")
    brief = "briefs/2026/doha-indirect-talks/"
    result = reader.locator(".md-search-result__item", has=reader.locator(f"a[href$='/{brief}']"))
    section = result.locator(f"a[href$='/{brief}#what-to-watch-next']")
    expect(section).to_be_visible(timeout=15_000)
    expect(section.locator("h2")).to_have_text("What to watch next")
    expect(section.locator("mark").first).to_have_text(re.compile("^(mediators|publish|procedural|terms)$", re.I))
    expect(result.locator("a[href*='#what-happened']")).to_have_count(0)  # no match there
    section.click()
    expect(reader).to_have_url(re.compile(re.escape(brief) + "#what-to-watch-next$"))
    expect(reader.locator("#what-to-watch-next")).to_be_in_viewport()
    assert_stayed_on_this_machine(reader)


@pytest.mark.browser
def test_the_page_a_result_opens_highlights_the_words_searched_until_dismissed(reader: Page, site_url: str):
    """As Material's search.highlight: following a result carries the words (`?h=`) to the page, which marks
    them, and words of their stem, in its article only; a button or Escape clears the marks."""
    reader.goto(site_url)
    search(reader, "mediators")
    first = results(reader).first
    expect(first).to_be_visible(timeout=15_000)
    target = first.locator("a").first.get_attribute("href")
    assert "?" not in target  # the list shows the page's own address
    first.locator("a").first.click()
    expect(reader).to_have_url(re.compile(re.escape(target) + "$"))  # the words read, and taken out
    marks = reader.locator("mark.search-highlight")
    expect(marks.first).to_be_visible()
    assert {m.lower() for m in marks.all_inner_texts()} <= {"mediators", "mediator", "mediation", "mediated"}
    assert reader.locator("article.md-content__inner mark.search-highlight").count() == marks.count()
    clear = reader.get_by_role("button", name="Clear highlighting")
    clear.click()
    expect(marks).to_have_count(0)
    expect(clear).to_have_count(0)
    assert_stayed_on_this_machine(reader)


@pytest.mark.browser
def test_escape_clears_the_highlighting_and_the_text_is_as_it_was(page: Page, site_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    brief = site_server.url + "briefs/2026/doha-indirect-talks/"
    page.goto(brief)
    before = page.locator("article.md-content__inner").inner_text()
    page.goto(brief + "?h=escalation%20%3Cb%3E#what-to-watch-next")
    marks = page.locator("mark.search-highlight")
    expect(marks.first).to_have_text(re.compile("^escalat", re.I))
    expect(page).to_have_url(brief + "#what-to-watch-next")

    for scheme in ("light", "dark"):  # the marks and the button read well in both schemes
        page.emulate_media(color_scheme=scheme)
        assert_no_serious_violations(page)
    page.keyboard.press("Escape")
    expect(marks).to_have_count(0)
    assert page.locator("article.md-content__inner").inner_text() == before
    assert page.locator("article.md-content__inner b").count() == 0  # the words are text, never HTML


@pytest.mark.browser
def test_filters_narrow_the_results_with_their_counts_and_order_them(reader: Page, site_url: str):
    fetched = []
    reader.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    reader.goto(site_url)
    search(reader, "talks")
    status = reader.locator(".md-search-result__meta")
    expect(status).to_have_text(re.compile(r"^\d+ matching documents$"), timeout=15_000)
    everything = int(status.inner_text().split()[0])
    narrow = reader.locator("[data-search-narrow]")
    expect(narrow).to_be_visible()
    assert not [path for path in fetched if "/search/filters/" in path]  # nothing until a filter is opened
    narrow.locator("summary", has_text="Kind").click()
    briefs = narrow.get_by_role("checkbox", name=re.compile(r"^Briefs \d+$"))
    expect(briefs).to_be_visible()
    assert [path for path in fetched if path.endswith("/search/filters/kind.json")]
    assert not [path for path in fetched if path.endswith("/search/filters/actor.json")]
    count_of = lambda check: int(check.locator("xpath=..").locator(".search-narrow__count").inner_text())
    count = count_of(briefs)
    assert 0 < count < everything
    briefs.check()
    expect(status).to_have_text(f"{count} matching documents")
    links = reader.locator(".md-search-result__item > a.md-search-result__link")
    expect(links.first).to_be_visible()
    assert all("/briefs/" in href for href in links.evaluate_all("l => l.map(a => a.href)"))
    # Counts follow the other filters: only briefs name actors, and Qatar's count is of the briefs.
    narrow.locator("summary", has_text="Actors").click()
    qatar = narrow.get_by_role("checkbox", name=re.compile(r"^Qatar \d+$"))
    qatar.check()
    qatar_count = count_of(qatar)
    expect(status).to_have_text(re.compile(f"^{qatar_count} matching document"))
    narrow.locator("select").select_option("newest")
    reader.wait_for_function(
        """(count) => {
        const shown = [...document.querySelectorAll('.md-search-result__item time')].map((t) => t.dateTime);
        return shown.length === count && shown.every((day, at) => !at || shown[at - 1] >= day);
    }""",
        arg=min(qatar_count, 10),
    )
    assert [path for path in fetched if path.endswith("/search/filters/date.json")]
    assert_stayed_on_this_machine(reader)


@pytest.mark.browser
@pytest.mark.parametrize("viewport, scheme", [("desktop", "light"), ("phone", "dark")])  # each, paired
def test_the_filters_are_accessible_by_keyboard_and_to_screen_readers(reader: Page, site_server, scheme: str):

    reader.emulate_media(color_scheme=scheme)
    reader.goto(site_server.url)  # at the root: the sub-path changes no control (other tests search under it)
    search(reader, "mediation")
    expect(results(reader).first).to_be_visible(timeout=15_000)
    kind = reader.locator("[data-search-narrow] summary", has_text="Kind")
    kind.focus()
    reader.keyboard.press("Enter")  # opens the filter
    briefs = reader.get_by_role("checkbox", name=re.compile(r"^Briefs \d+$"))
    expect(briefs).to_be_visible()
    briefs.focus()
    reader.keyboard.press("Space")
    expect(briefs).to_be_checked()
    expect(briefs).to_be_focused()  # the list keeps its place as counts change
    expect(reader.locator("#__search")).to_be_checked()  # search stays open
    reader.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    assert_no_serious_violations(reader)
    reader.keyboard.press("Escape")
    expect(reader.locator("#__search")).not_to_be_checked()


@pytest.mark.browser
def test_the_relevance_table_finds_each_page_where_expected(page: Page, site_server):
    """benchmarks/relevance.py: titles, aliases, stems, sections and two-word queries, each finding the page
    (or section) meant first or among the first three; script/bench prints the same score beside Pagefind's."""
    from benchmarks.relevance import QUERIES, report, run_in_briefings, score

    page.set_viewport_size({"width": 1280, "height": 900})
    outcomes = run_in_briefings(page, site_server.url)
    assert {q.why.split(":")[0].split(",")[0] for q in QUERIES} >= {"alias", "title", "two words", "stem", "section"}
    assert score(outcomes) == 1.0, report(outcomes)


#: Words whose stems are easy to get wrong, besides every word of the example site and the benchmark's corpus.
TRICKY = (
    "talks talk talking talked mediators mediation mediated mediator escalating escalation escalate "
    "generous generously news dying dies died lying skies sky ceasefire ceasefires negotiations negotiated "
    "sanctions presidency presidential signalling signals agreed agreement added adding arms army gently "
    "early earliest only singly cosmos atlas bias proceed exceed succeed innings outing herring earring "
    "us as is yes ies ads hopping hoping fizzed relational conditional 2026 tehran doha qatar"
).split()


@pytest.mark.browser
def test_the_browser_stems_every_word_as_the_index_does(page: Page, site_server, built_site: BuiltSite):
    """The stemmer shipped with the site (assets/javascripts/stemmers/, from npm) and the one that indexes
    (snowballstemmer, from PyPI) give the same stem for every word the example site and the benchmark's
    corpus hold, and for words whose stems are easy to get wrong."""
    import snowballstemmer

    site_words = set()
    for path in (built_site.site / FOLDER / "words").iterdir():
        for entry in json.loads(path.read_text("utf-8"))["words"].values():
            site_words.update(value for value in entry if isinstance(value, str))
    corpus = set(words((ROOT / "benchmarks/corpus.py").read_text("utf-8")))
    every = sorted(site_words | corpus | set(TRICKY))
    assert len(site_words) > 1000 and len(every) > len(site_words)
    page.goto(site_server.url)
    module = site_server.url + "assets/javascripts/stemmers/english.js"
    found = page.evaluate(
        "async ([module, words]) => { const { stem } = await import(module); return words.map(stem); }", [module, every]
    )
    python = snowballstemmer.stemmer("english").stemWords(every)
    assert {w: (j, p) for w, j, p in zip(every, found, python) if j != p} == {}
    assert [STEM(word) for word in ("talks", "mediators", "escalating", "dying", "skies")] == [
        "talk",
        "mediat",
        "escal",
        "die",
        "sky",
    ]


@pytest.mark.browser
def test_a_word_finds_the_words_of_its_stem(reader: Page, site_url: str, built_site: BuiltSite):
    """ "mediators" finds the pages that say only "mediation" or "mediated"; "dying" the pages that say "dies"."""
    _, forms, found = entry_of(built_site.site / FOLDER, "mediators")
    bit = forms.index("mediators")
    others = [page for page, (_, mask) in found.items() if not mask >> bit & 1]
    assert others, "some pages hold another word of the stem, not 'mediators'"
    url = json.loads((built_site.site / FOLDER / f"pages/{others[0]}.json").read_text("utf-8"))["url"]
    reader.goto(site_url)
    search(reader, "mediators")
    status = reader.locator(".md-search-result__meta")
    expect(status).to_have_text(f"{len(found)} matching documents", timeout=15_000)
    while (shown := results(reader).count()) < len(found):  # every result, as the reader scrolls
        reader.locator(".md-search__scrollwrap").evaluate("e => e.scrollTo(0, e.scrollHeight)")
        expect(results(reader)).not_to_have_count(shown)
    expect(reader.locator(f".md-search-result__item a[href$='/{url}']")).to_have_count(1)
    assert_stayed_on_this_machine(reader)


@pytest.fixture(scope="session")
def stems_site_server(built_site: BuiltSite, tmp_path_factory):
    """The example site with an index of its own: pages that differ only in the form of one word."""
    import shutil

    site = tmp_path_factory.mktemp("stems") / "site"
    shutil.copytree(built_site.site, site)
    index = SearchIndex()
    index.add("about/", "<p>Notes on the talks.</p>", title="Talks held", meta={})
    index.add("actors/qatar/", "<p>Notes on the talk.</p>", title="Talk held", meta={})
    index.add("actors/oman/", "<p>Notes on talking.</p>", title="Talking held", meta={})
    index.write(site / FOLDER)
    with serving(site) as server:
        yield server


@pytest.mark.browser
@pytest.mark.parametrize(
    "query, first",
    [("talk", "Talk held"), ("talks", "Talks held"), ("talking", "Talking held"), ("talks held", "Talks held")],
)
def test_the_word_itself_ranks_above_the_words_of_its_stem(page: Page, stems_site_server, query: str, first: str):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(stems_site_server.url)
    search(page, query)
    expect(results(page)).to_have_count(3, timeout=15_000)  # every word of the stem
    expect(results(page).first.locator("h1")).to_have_text(first)


@pytest.mark.browser
def test_prefixes_still_match_while_the_reader_types(page: Page, stems_site_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(stems_site_server.url)
    search(page, "talki")  # no stem: what it starts
    expect(results(page)).to_have_count(1, timeout=15_000)
    expect(results(page).first.locator("h1")).to_have_text("Talking held")


# -- the live preview ------------------------------------------------------------------------------------------


@pytest.mark.browser
def test_the_live_preview_indexes_each_rebuild(page: Page, project: Path, tmp_path: Path):

    port = free_port()
    server = start(
        BIN / "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", cwd=project, output=tmp_path / "serve.log"
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(base + "search/words/qa.json", '"qatar"')
        actors = project / "data/actors.yml"
        actors.write_text(actors.read_text("utf-8").replace("name: Qatar\n", "name: Qatarland\n"), "utf-8")
        wait_for(base + "actors/qatar/", "Qatarland")  # the page at once; search a moment later, once quiet:
        deadline = time.monotonic() + 60
        while '"qatarland"' not in (_fetched(base + "search/words/qa.json") or "") and time.monotonic() < deadline:
            time.sleep(0.3)
        page.goto(base)
        search(page, "Qatarland")
        expect(page.locator(".md-search-result__item a[href$='/actors/qatar/']")).to_be_visible(timeout=15_000)
    finally:
        server.terminate()
        server.wait(timeout=20)


def _fetched(url: str) -> str | None:
    """The text at `url`, or None while it is missing (as for a moment while a new index is swapped in)."""
    try:
        return fetch(url)
    except OSError:
        return None
