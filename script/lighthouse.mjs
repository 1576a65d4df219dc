// Lighthouse on some pages of a served site, in one Chromium: `node script/lighthouse.mjs URL...` prints, as
// JSON, each page's score (0 to 1) for accessibility, best practices and SEO, with the audits that lost points
// and the machine's benchmark index (see SKIPPED).
// Desktop preset, light mode. CHROME_PATH names the Chromium to run (it is never downloaded), CHROMIUM_FLAGS (a
// JSON list) the flags it runs with: the test gives both from benchmarks/browsing.py, as the browser tests use it.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktop from "lighthouse/core/config/desktop-config.js";
import { pageFunctions } from "lighthouse/core/lib/page-functions.js";

const CATEGORIES = ["accessibility", "best-practices", "seo"];
const FLAGS = ["--headless=new", "--disable-gpu", ...JSON.parse(process.env.CHROMIUM_FLAGS ?? "[]")];

// Before each page, Lighthouse measures how fast the machine is (a second of busy loop in the page,
// `computeBenchmarkIndex`), to calibrate the performance category, which is not run here: a second of the
// processor's time a page, for nothing. The page function is replaced by one that answers SKIPPED at once;
// each page's report says what it got, and the test checks it, so that a Lighthouse that stops calling it
// from here fails the test instead of quietly taking the second again.
const SKIPPED = -1;
pageFunctions.computeBenchmarkIndex = function computeBenchmarkIndex() {
  return -1; // SKIPPED, written out: the function runs in the page, where this script's names are not
};

// Static pages from a local server, and no performance measured: shorter waits for the page, the network and
// the processor to go quiet than the preset's (0.1 s each), and no screenshot.
const config = {
  ...desktop,
  settings: {
    ...desktop.settings, onlyCategories: CATEGORIES, disableFullPageScreenshot: true,
    pauseAfterFcpMs: 100, pauseAfterLoadMs: 100, networkQuietThresholdMs: 100, cpuQuietThresholdMs: 100,
  },
};

const chrome = await chromeLauncher.launch({ chromeFlags: FLAGS });
const pages = {};
try {
  for (const url of process.argv.slice(2)) {
    const { lhr } = await lighthouse(url, { port: chrome.port, logLevel: "error" }, config);
    const failing = [];
    for (const category of Object.values(lhr.categories)) {
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          const items = (audit.details?.items ?? []).slice(0, 5)
            .map((item) => item.node?.snippet ?? item.description ?? item.url ?? "");
          failing.push({ category: category.id, id: ref.id, title: audit.title, items });
        }
      }
    }
    const scores = Object.fromEntries(Object.values(lhr.categories).map((c) => [c.id, c.score]));
    pages[url] = { scores, failing, warnings: lhr.runWarnings, benchmarkIndex: lhr.environment.benchmarkIndex };
  }
} finally {
  await chrome.kill();
}
// Lighthouse leaves timers behind that keep Node running some 4 s after the last page: exit once it is written.
process.stdout.write(JSON.stringify({ skipped: SKIPPED, pages }, null, 2) + "\n", () => process.exit(0));
