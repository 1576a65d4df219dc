/*
 * Search over the site's own index (briefings/search.py), in Material's search box and result markup.
 *
 * Nothing is fetched until the reader types. A query runs once the reader pauses typing; it fetches the piece
 * of the index holding each of its words (`search/words/`) and the record of each result shown
 * (`search/pages/`), ten at a time. Every address is worked out from this script's own, so the site works at
 * the root of a host or under a project path, and nothing is asked of any other host.
 *
 * Words are looked up by their stem (the Snowball stemmer of the site's language, `stemmers/<algorithm>.js`,
 * fetched with the first query), so that "talks" finds "talk" and "mediators" finds "mediation".
 *
 * Ranking: a page must hold every word of the query, a word of its stem, or a longer word it starts, but for
 * words so common that the index keeps only the pages where they weigh most; each word adds its score on the
 * page (the very word asked more than one of its stem, and that more than a word it only starts), a word on
 * few pages more than one on many. Titles weigh most, then headings, then the text.
 *
 * A result shows the sections of its page where the words match (up to three, from the record's `sections`:
 * where each heading starts in its text), each with its excerpt and a link to its heading.
 *
 * Narrowing: once a query has results, filters (the kind of page, a brief's year, actors, mechanisms, regions
 * and tags) show each value's count for the query, and results can be ordered newest first. What a filter
 * needs (`search/filters/<facet>.json`, the dates) is fetched only when the reader opens it.
 *
 * Keyboard, as in Material: "/", "s" or "f" opens search; Up and Down move between the box and the results;
 * Enter opens the first result; Tab moves to the filters; Escape, or focus leaving the box, closes search.
 *
 * The page a result opens highlights the words searched in its article (as Material's `search.highlight`):
 * following a result adds them to its address (`?h=`), which the page reads and removes as it loads; a button
 * above the article, or Escape, clears the highlighting.
 */

const box = document.querySelector("[data-briefings-search]");
const toggle = document.getElementById("__search"); // Material's checkbox: checked while search is open
const form = box.querySelector("form");
const input = box.querySelector(".md-search__input");
const status = box.querySelector(".md-search-result__meta");
const list = box.querySelector(".md-search-result__list");
const scroller = box.querySelector(".md-search__scrollwrap");
const site = new URL("../../", import.meta.url); // this script is assets/javascripts/search.js
const index = new URL(box.dataset.index || "search/", site); // each language's own (briefings/search.py)
const BATCH = 10;
const QUIET = 300; // milliseconds without typing before a query runs
const PREFIX = 2; // letters of the index's pieces that are not split (briefings/search.py)
const PARTIAL = 0.7; // what a word the query only starts weighs, against the word itself
const STEM = 0.85; // what a word that only shares the query's stem weighs, against the word itself
const STEMMER = box.dataset.stemmer; // the Snowball algorithm of the site's language (briefings/search.py)
const EXCERPT = 24; // words of text shown around the first match

const narrow = box.querySelector("[data-search-narrow]");
const order = narrow.querySelector("select");
const chosen = new Map(); // the values chosen, by facet: a page must have one of each facet's
const facets = new Map(); // the values of each facet fetched: [{value, label, pages: Set}]
let dates = null; // each brief's day, by page number, once fetched
let matched = []; // every page matching the query, before narrowing

let results = []; // every result of the query shown; their records load as they are shown
let shown = 0;
let generation = 0; // counts the lists of results shown, so that late answers for an old one are dropped
let pending = -1; // the list whose next results are loading
const pieces = new Map(); // the pieces of the index fetched, by file name
const records = new Map(); // the records of pages fetched, by number
let stemming = null; // the stemmer, once asked for

/**
 * The stemmer of the site's language, fetched with the first query: a function from a word to its stem,
 * as briefings/search.py (`Stemmer`) stems the index's words. A site in a language without one: the word.
 * Snowball's base classes, which the stemmer imports (`stemmers/base-stemmer.js`, the same for every
 * language), are asked for at the same time, not once the stemmer has arrived; the browser fetches each once.
 */
function stemmer() {
  if (!stemming) {
    const module = (name) => import(new URL(`stemmers/${name}.js`, import.meta.url));
    const loading = STEMMER
      ? Promise.all([module("base-stemmer"), module(STEMMER)]).then(([, { stem }]) => (word) => {
        const found = stem(word);
        return [...found].length >= 2 ? found : word;
      })
      : Promise.resolve((word) => word);
    loading.catch(() => { stemming = null; }); // after a failure, the next query tries again
    stemming = loading;
  }
  return stemming;
}

/** Words as the index holds them (briefings/search.py, `words`): letters and digits, no accents, lower case. */
function words(text) {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
    .split(/[^\p{L}\p{N}]+/u).filter((word) => [...word].length >= 2);
}

function fileName(prefix) {
  return /^[a-z0-9]+$/.test(prefix) ? prefix : `_${[...prefix].map((c) => c.codePointAt(0).toString(16)).join("-")}`;
}

async function fetchJson(path, missing) {
  const response = await fetch(new URL(path, index));
  if (response.status === 404 && missing !== undefined) return missing;
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

/** The piece of the index for words starting with `prefix`; a piece no word starts is empty. */
function piece(prefix) {
  const name = fileName(prefix);
  if (!pieces.has(name)) {
    const loading = fetchJson(`words/${name}.json`, { pages: 0, words: {} });
    loading.catch(() => pieces.delete(name)); // after a failure, the next query tries again
    pieces.set(name, loading);
  }
  return pieces.get(name);
}

/**
 * The entries of the index along the path of `stem`: its stem and the stems it starts, with their words
 * and pages, and the pages of the site. The piece of its first letters may be split: then the piece of one
 * more letter holds the longer stems, and each piece on the way may hold a stem the word starts.
 */
async function entries(stem) {
  const letters = [...stem];
  let length = PREFIX;
  let found = await piece(letters.slice(0, length).join(""));
  const all = [Object.entries(found.words)];
  const pages = found.pages;
  while (found.split && letters.length > length) {
    length += 1;
    found = await piece(letters.slice(0, length).join(""));
    all.push(Object.entries(found.words));
  }
  return { entries: all.flat(), pages: found.pages || pages };
}

/**
 * The pages holding `word`, a word of its stem or a longer word it starts, with the score of each there:
 * {scores: Map, common}. An entry of the index is a stem: its words (forms), how many pages hold it, then for
 * each page kept the difference of its number from the one before, the score, and, where the stem has more
 * than one form, which forms the page holds (bit n: the nth form; 0: only forms past the 30th).
 */
async function lookUp({ word, stem }) {
  const { entries: found, pages } = await entries(stem);
  const scores = new Map();
  let common = false;
  for (const [term, entry] of found) {
    const forms = entry.filter((value) => typeof value === "string");
    const postings = entry.slice(forms.length);
    const masked = forms.length > 1;
    const step = masked ? 3 : 2;
    // What each form weighs here: the word asked, a word of its stem, a longer word it starts, or nothing.
    const weights = forms.map((form) => (form === word ? 1 : term === stem ? STEM
      : term.startsWith(stem) || form.startsWith(word) ? PARTIAL : 0));
    if (!weights.some((weight) => weight > 0)) continue;
    const [holding] = postings;
    const kept = (postings.length - 1) / step;
    common ||= holding > kept; // some of the pages holding it are not listed: the word cannot be required
    const rarity = Math.log(1 + pages / holding);
    for (let at = 1, page = 0; at < postings.length; at += step) {
      page += postings[at];
      const mask = masked ? postings[at + 2] : 1;
      let weight = 0;
      weights.forEach((value, bit) => { if (bit < 30 && mask & (1 << bit) && value > weight) weight = value; });
      if (mask === 0) weight = Math.max(0, ...weights.slice(30)); // it holds only forms past the 30th
      if (!weight) continue;
      const score = postings[at + 1] * weight * rarity;
      if (!(scores.get(page) >= score)) scores.set(page, score);
    }
  }
  return { scores, common };
}

/** The words of `text`, once each, with their stems: [{word, stem}]. */
async function queryWords(text) {
  const stem = await stemmer();
  return [...new Set(words(text))].map((word) => ({ word, stem: stem(word) }));
}

/** The pages matching `text`, best first: [{page, score}]. */
async function run(text) {
  const found = await Promise.all((await queryWords(text)).map(lookUp));
  if (!found.length) return [];
  const required = found.filter((word) => !word.common);
  const filters = required.length ? required : found;
  const smallest = filters.reduce((a, b) => (a.scores.size <= b.scores.size ? a : b));
  const matches = [];
  for (const page of smallest.scores.keys()) {
    if (!filters.every((word) => word.scores.has(page))) continue;
    const score = found.reduce((sum, word) => sum + (word.scores.get(page) || 0), 0);
    matches.push({ page, score });
  }
  return matches.sort((a, b) => b.score - a.score || a.page - b.page);
}

/** The record of a page: its address, title, summary, date and text. */
function record(page) {
  if (!records.has(page)) {
    const loading = fetchJson(`pages/${page}.json`);
    loading.catch(() => records.delete(page));
    records.set(page, loading);
  }
  return records.get(page);
}

function say(key, count) {
  status.textContent = box.dataset[key].replace("#", count);
}

function show(found) {
  generation += 1;
  results = found;
  shown = 0;
  list.replaceChildren();
  scroller.scrollTop = 0;
}

/** The query to run for what the box holds: all of it, but for a last word of one letter (the index holds
 * no word shorter than two), whose results the next letter would replace. */
function query() {
  const words = input.value.trim().split(/\s+/);
  if ([...words[words.length - 1]].length < 2) words.pop();
  return words.join(" ");
}

async function search() {
  const text = query();
  if (!text) {
    matched = [];
    narrow.hidden = true;
    show([]);
    say("placeholder");
    return;
  }
  let found;
  try {
    if (!pieces.size) say("loading");
    found = await run(text);
  } catch (error) {
    say("failed");
    throw error;
  }
  if (text !== query()) return; // the reader has typed on: a newer query runs
  matched = found;
  await narrowed();
}

/** Decodes a list of page numbers, each written as its difference from the one before. */
function numbers(deltas) {
  let page = 0;
  return deltas.map((delta) => (page += delta));
}

/** The values of a facet, fetched when the reader first opens it: [{value, label, pages: Set}]. */
function facet(name) {
  if (!facets.has(name)) {
    const loading = fetchJson(`filters/${name}.json`).then(({ values }) => values.map(([value, label, ...deltas]) => (
      { value, label, pages: new Set(numbers(deltas)) })));
    loading.catch(() => facets.delete(name));
    facets.set(name, loading);
  }
  return facets.get(name);
}

/** Each brief's day, by page number, fetched when the reader first orders by date. */
function days() {
  if (!dates) {
    dates = fetchJson("filters/date.json").then(({ pages }) => {
      const byPage = new Map();
      for (let at = 0, page = 0; at < pages.length; at += 2) byPage.set(page += pages[at], pages[at + 1]);
      return byPage;
    });
    dates.catch(() => { dates = null; });
  }
  return dates;
}

/** Whether `page` has one of the values chosen of each facet but `except`. */
async function passes(page, except) {
  for (const [name, values] of chosen) {
    if (name === except || !values.size) continue;
    const known = await facet(name);
    if (!known.some(({ value, pages }) => values.has(value) && pages.has(page))) return false;
  }
  return true;
}

/** Shows the query's results narrowed by the filters chosen, in the order chosen, and the filters' counts. */
async function narrowed() {
  const asked = matched;
  let found = [];
  for (const result of matched) if (await passes(result.page)) found.push(result);
  if (order.value === "newest") {
    const day = await days();
    found = found.map((result, rank) => ({ ...result, rank }))
      .sort((a, b) => (day.get(b.page) ?? -Infinity) - (day.get(a.page) ?? -Infinity) || a.rank - b.rank);
  }
  if (asked !== matched) return; // a newer query runs
  narrow.hidden = !matched.length;
  show(found);
  const count = results.length;
  say(count === 0 ? "none" : count === 1 ? "one" : "other", count);
  await Promise.all([more(), ...[...narrow.querySelectorAll("details[open]")].map(counts)]);
}

/** Lists a facet's values with their counts for the query (narrowed by the other facets), in `group`. */
async function counts(group) {
  const name = group.dataset.facet;
  const values = await facet(name);
  const asked = matched;
  const passing = [];
  for (const { page } of matched) if (await passes(page, name)) passing.push(page);
  if (asked !== matched) return;
  const listed = group.querySelector("[data-values]");
  if (!listed.childElementCount) { // drawn once; then only their counts change, so that focus stays put
    listed.append(...values.map(({ value, label }) => {
      const check = element("input", "");
      check.type = "checkbox";
      check.value = value;
      return element("label", "search-narrow__value", check, ` ${label} `, element("span", "search-narrow__count"));
    }));
  }
  listed.querySelectorAll("label").forEach((shown, at) => {
    const count = passing.filter((page) => values[at].pages.has(page)).length;
    shown.querySelector(".search-narrow__count").textContent = `${count}`;
    shown.hidden = !count && !shown.querySelector("input").checked;
  });
}

narrow.addEventListener("toggle", (event) => {
  if (event.target.open) counts(event.target).catch(console.error);
}, true);
narrow.addEventListener("change", (event) => {
  const group = event.target.closest("details");
  if (group && event.target.type === "checkbox") {
    const values = chosen.get(group.dataset.facet) || new Set();
    if (event.target.checked) values.add(event.target.value);
    else values.delete(event.target.value);
    chosen.set(group.dataset.facet, values);
  }
  narrowed().catch(console.error);
});

function nearEnd() {
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < scroller.clientHeight / 2;
}

/** Shows the next results, and more while the list is scrolled near its end. */
async function more() {
  const asked = generation;
  if (pending === asked || shown >= results.length) return;
  pending = asked;
  try {
    const batch = await Promise.all(results.slice(shown, shown + BATCH).map((result) => record(result.page)));
    const asking = await queryWords(query());
    const stem = await stemmer();
    if (asked !== generation) return;
    shown += batch.length;
    list.append(...batch.map((page) => item(page, asking, stem)));
  } finally {
    if (pending === asked) pending = -1;
  }
  if (nearEnd()) await more();
}

function element(name, className, ...children) {
  const node = document.createElement(name);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/**
 * Where the words `asking` ({word, stem}) match the page's `text`: the words around the first match, each
 * matching word (one the query starts or of the same stem, by `stem`) in a <mark>; and whether the match shows
 * anything not already in `shownText`.
 */
function excerpt(text, asking, stem, shownText) {
  const parts = text.split(/([\p{L}\p{N}]+)/u); // separators at even places, words at odd ones
  const matches = matching(asking, stem);
  let first = 1;
  while (first < parts.length && !matches(parts[first])) first += 2;
  if (first >= parts.length) return { nodes: [], news: false };
  const start = Math.max(1, first - 8);
  const end = Math.min(parts.length, start + 2 * EXCERPT);
  const nodes = [start > 1 ? "… " : ""];
  const known = words(shownText);
  let news = false;
  for (let at = start; at < end; at += 1) {
    if (at % 2 === 1 && matches(parts[at])) {
      nodes.push(element("mark", "", parts[at]));
      news ||= !known.includes(words(parts[at])[0]);
    } else {
      nodes.push(parts[at]);
    }
  }
  if (end < parts.length) nodes.push(" …");
  return { nodes, news };
}

const SECTIONS = 3; // sections shown at most under a result
const HIGHLIGHT = "h"; // the parameter of a page's address that carries the words to highlight there

/**
 * The sections of a page where the query's words match (the record's `sections`: where each heading starts
 * in its text, its anchor and its text), as Material shows a page's sections under its result: those matching
 * the most words of the query, in the page's order, each with an excerpt of its own text.
 */
function sectionsOf(page, asking, stem) {
  const found = (page.sections || []).map(([offset, anchor, heading], at, all) => {
    const end = at + 1 < all.length ? all[at + 1][0] : page.text.length;
    const body = page.text.slice(offset, end).slice(heading.length);
    const matched = asking.filter((asked) => matching([asked], stem)(body)).length;
    return { anchor, heading, body, matched };
  });
  const most = Math.max(0, ...found.map((section) => section.matched));
  return most ? found.filter((section) => section.matched === most).slice(0, SECTIONS) : [];
}

function link(href, ...children) {
  const node = element("a", "md-search-result__link", ...children);
  node.href = href;
  node.tabIndex = -1;
  return node;
}

/**
 * One result in Material's markup: title, the brief's date and the page's summary, then an excerpt; or, where
 * the query's words match in sections of the page, each of those sections, linking to its heading.
 */
function item(page, asking, stem) {
  const { title, date, datetime, summary } = page;
  const article = element("article", "md-search-result__article md-typeset",
    element("div", "md-search-result__icon md-icon"), element("h1", "", title));
  if (date || summary) {
    const about = element("p", "");
    if (date) {
      const time = element("time", "", date);
      time.dateTime = datetime;
      about.append(time, summary ? " · " : "");
    }
    if (summary) about.append(summary);
    article.append(about);
  }
  const address = new URL(page.url, site);
  const sections = sectionsOf(page, asking, stem).map(({ anchor, heading, body }) => {
    const { nodes } = excerpt(body, asking, stem, "");
    const section = element("article", "md-search-result__article md-typeset", element("h2", "", heading));
    if (nodes.length) section.append(element("p", "", ...nodes));
    const target = new URL(address);
    target.hash = anchor;
    return link(`${target.pathname}${target.hash}`, section);
  });
  // The excerpt shows where the words matched, unless the title and summary already show them all, or the
  // sections shown below do.
  const { nodes, news } = excerpt(page.text, asking, stem, `${title} ${summary || ""}`);
  if (news && !sections.length) article.append(element("p", "", ...nodes));
  return element("li", "md-search-result__item", link(address.pathname, article), ...sections);
}

function open() {
  if (!toggle.checked) toggle.click(); // a click, so that Material hears of it (it locks scrolling on phones)
  input.focus();
  input.select();
}

function close() {
  if (toggle.checked) toggle.click();
  input.blur();
}

function typing(target) {
  return target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));
}

input.addEventListener("focus", () => {
  if (!toggle.checked) toggle.click();
});
let typed = null;
input.addEventListener("input", () => {
  clearTimeout(typed);
  typed = setTimeout(() => search().catch(console.error), QUIET);
});
toggle.addEventListener("change", () => { if (toggle.checked) input.focus(); });
form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("reset", () => setTimeout(() => { search().catch(console.error); input.focus(); }));
box.addEventListener("focusout", (event) => {
  if (toggle.checked && event.relatedTarget && !box.contains(event.relatedTarget)) close(); // Tab left the box
});
list.addEventListener("click", (event) => {
  const followed = event.target.closest("a");
  if (!followed) return;
  // The words searched go with the reader to the page, to be highlighted there (the address shown in the
  // list stays the page's own).
  const target = new URL(followed.href);
  target.searchParams.set(HIGHLIGHT, words(query()).join(" "));
  followed.href = target.href;
  close();
});
scroller.addEventListener("scroll", () => { if (nearEnd()) more().catch(console.error); }, { passive: true });

/** Whether the words `asking` ({word, stem}) match a word of the page. */
function matching(asking, stem) {
  return (part) => words(part).some((word) => asking.some((asked) => word.startsWith(asked.word)
    || stem(word) === asked.stem));
}

let highlighted = null; // the button that clears the highlighting, while the page shows it

/** Highlights the words of the address's `?h=` in the article, and takes them out of the address. */
async function highlight() {
  const address = new URL(window.location.href);
  const text = address.searchParams.get(HIGHLIGHT);
  const article = document.querySelector("article.md-content__inner");
  if (!text || !article) return;
  address.searchParams.delete(HIGHLIGHT);
  window.history.replaceState(window.history.state, "", address.href);
  const asking = await queryWords(text);
  if (!asking.length) return;
  const matches = matching(asking, await stemmer());
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest(
      "script, style, svg, button, mark, .headerlink, [data-search-exclude], .md-content__button")
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const texts = [];
  while (walker.nextNode()) texts.push(walker.currentNode);
  let marked = 0;
  for (const node of texts) {
    const parts = node.data.split(/([\p{L}\p{N}]+)/u); // separators at even places, words at odd ones
    if (!parts.some((part, at) => at % 2 === 1 && matches(part))) continue;
    node.replaceWith(...parts.map((part, at) => {
      if (at % 2 === 0 || !matches(part)) return part;
      marked += 1;
      return element("mark", "search-highlight", part);
    }));
  }
  if (!marked) return;
  highlighted = element("button", "md-button search-highlight__clear", box.dataset.clear);
  highlighted.type = "button";
  highlighted.addEventListener("click", unhighlight);
  article.prepend(highlighted);
}

/** Clears the highlighting: the marks unwrapped, the button gone. */
function unhighlight() {
  if (!highlighted) return;
  const article = highlighted.parentElement;
  highlighted.remove();
  highlighted = null;
  for (const mark of article.querySelectorAll("mark.search-highlight")) mark.replaceWith(...mark.childNodes);
  article.normalize();
}

highlight().catch(console.error);

window.addEventListener("keydown", (event) => {
  if (event.metaKey || event.ctrlKey || event.altKey || event.isComposing) return;
  if (!toggle.checked && event.key === "Escape" && highlighted) {
    unhighlight();
    return;
  }
  if (!toggle.checked) {
    if (["/", "s", "f"].includes(event.key) && !typing(event.target)) {
      event.preventDefault();
      open();
    }
    return;
  }
  if (narrow.contains(event.target) && event.key !== "Escape") return; // the filters' own keys
  const stops = [input, ...list.querySelectorAll(".md-search-result__link")];
  const at = stops.indexOf(document.activeElement);
  switch (event.key) {
    case "Escape":
      close();
      break;
    case "Enter":
      if (at === 0 && stops.length > 1) {
        event.preventDefault();
        stops[1].click();
      }
      break;
    case "ArrowDown":
    case "ArrowUp": {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      stops[at === -1 ? 0 : (at + step + stops.length) % stops.length].focus();
      break;
    }
    default:
      if (at !== 0 && event.key.length === 1) input.focus(); // typing goes to the box
  }
});
