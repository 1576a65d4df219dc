/*
 * Search over the site's Pagefind index (briefings/search.py), in Material's search box and result markup.
 *
 * Nothing is fetched until the reader opens search. Then Pagefind's script, its WebAssembly engine and the
 * index's entry point load; a query runs once the reader pauses typing, and fetches only the index chunks
 * holding its words and the fragment of each result shown, ten at a time. Every address is worked out from this script's own, so the site works
 * at the root of a host or under a project path, and nothing is asked of any other host.
 *
 * Keyboard, as in Material: "/", "s" or "f" opens search; Up and Down move between the box and the results;
 * Enter opens the first result; Escape or Tab closes search.
 */

const box = document.querySelector("[data-briefings-search]");
const toggle = document.getElementById("__search"); // Material's checkbox: checked while search is open
const form = box.querySelector("form");
const input = box.querySelector(".md-search__input");
const status = box.querySelector(".md-search-result__meta");
const list = box.querySelector(".md-search-result__list");
const scroller = box.querySelector(".md-search__scrollwrap");
const site = new URL("../../", import.meta.url); // this script is assets/javascripts/search.js
const BATCH = 10;
const QUIET = 300; // milliseconds without typing before a query runs

let engine = null; // Pagefind, once loading has started
let ready = false;
let results = []; // every result of the query shown; their data loads as they are shown
let shown = 0;
let generation = 0; // counts the lists of results shown, so that late answers for an old one are dropped
let pending = -1; // the list whose next results are loading

/** Pagefind, loaded on first use; after a failure, the next use tries again. */
function pagefind() {
  if (!engine) {
    engine = import(new URL("pagefind/pagefind.js", site).href).then(async (module) => {
      // Searching on the page rather than in a web worker spares the reader the worker's 40 KB.
      await module.options({ baseUrl: site.pathname, excerptLength: 20, noWorker: true });
      await module.init();
      ready = true;
      return module;
    });
    engine.catch(() => { engine = null; });
  }
  return engine;
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

/**
 * The query to run for what the box holds: all of it, but for a last word of one letter. Pagefind would
 * fetch the index of every word starting with that letter (much of the index on a large site), for results
 * that the next letter replaces.
 */
function query() {
  const words = input.value.trim().split(/\s+/);
  if ([...words[words.length - 1]].length < 2) words.pop();
  return words.join(" ");
}

async function search() {
  const text = query();
  if (!text) {
    show([]);
    say("placeholder");
    return;
  }
  let found;
  try {
    if (!ready) say("loading");
    found = await (await pagefind()).search(text);
  } catch (error) {
    say("failed");
    throw error;
  }
  if (text !== query()) return; // the reader has typed on: a newer query runs
  show(found.results);
  const count = results.length;
  say(count === 0 ? "none" : count === 1 ? "one" : "other", count);
  await more();
}

function nearEnd() {
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < scroller.clientHeight / 2;
}

/** Shows the next results, and more while the list is scrolled near its end. */
async function more() {
  const asked = generation;
  if (pending === asked || shown >= results.length) return;
  pending = asked;
  try {
    const batch = await Promise.all(results.slice(shown, shown + BATCH).map((result) => result.data()));
    if (asked !== generation) return;
    shown += batch.length;
    list.append(...batch.map(item));
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

/** Pagefind's excerpt as nodes: its text, with only the <mark>s of matched words kept as elements. */
function excerpt(html) {
  const parsed = document.createElement("template");
  parsed.innerHTML = html;
  return [...parsed.content.childNodes].map((node) =>
    node.nodeName === "MARK" ? element("mark", "", node.textContent) : node.textContent);
}

/** One result in Material's markup: title, the brief's date and the page's summary, then the excerpt. */
function item(result) {
  const { title = result.url, date, datetime, summary } = result.meta;
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
  // The excerpt shows where the words matched, unless the title and summary already show them all.
  const words = excerpt(result.excerpt);
  const shownText = `${title} ${summary || ""}`.toLowerCase();
  const matched = words.filter((word) => word instanceof Element).map((mark) => mark.textContent.toLowerCase());
  if (!matched.length || !matched.every((word) => shownText.includes(word))) {
    article.append(element("p", "", ...words));
  }
  const link = element("a", "md-search-result__link", article);
  link.href = result.url;
  link.tabIndex = -1;
  return element("li", "md-search-result__item", link);
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
  pagefind().catch(() => say("failed"));
});
let typed = null;
input.addEventListener("input", () => {
  clearTimeout(typed);
  typed = setTimeout(() => search().catch(console.error), QUIET);
});
toggle.addEventListener("change", () => { if (toggle.checked) input.focus(); });
form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("reset", () => setTimeout(() => { search().catch(console.error); input.focus(); }));
list.addEventListener("click", (event) => { if (event.target.closest("a")) close(); });
scroller.addEventListener("scroll", () => { if (nearEnd()) more().catch(console.error); }, { passive: true });

window.addEventListener("keydown", (event) => {
  if (event.metaKey || event.ctrlKey || event.altKey || event.isComposing) return;
  if (!toggle.checked) {
    if (["/", "s", "f"].includes(event.key) && !typing(event.target)) {
      event.preventDefault();
      open();
    }
    return;
  }
  const stops = [input, ...list.querySelectorAll(".md-search-result__link")];
  const at = stops.indexOf(document.activeElement);
  switch (event.key) {
    case "Escape":
    case "Tab":
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
