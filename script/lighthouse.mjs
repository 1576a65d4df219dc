// Lighthouse on some pages of a served site, in one Chromium: `node script/lighthouse.mjs URL...` prints, as
// JSON, each page's score (0 to 1) for accessibility, best practices and SEO, with the audits that lost points.
// Desktop preset, light mode. CHROME_PATH names the Chromium to run (it is never downloaded), CHROMIUM_FLAGS (a
// JSON list) the flags it runs with: the test gives both from benchmarks/browsing.py, as the browser tests use it.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktop from "lighthouse/core/config/desktop-config.js";

const CATEGORIES = ["accessibility", "best-practices", "seo"];
const FLAGS = ["--headless=new", "--disable-gpu", ...JSON.parse(process.env.CHROMIUM_FLAGS ?? "[]")];

// Static pages from a local server, and no performance measured: shorter waits for the network and the CPU to
// go quiet than the preset's, and no screenshot.
const config = {
  ...desktop,
  settings: {
    ...desktop.settings, onlyCategories: CATEGORIES, disableFullPageScreenshot: true,
    pauseAfterFcpMs: 250, pauseAfterLoadMs: 250, networkQuietThresholdMs: 250, cpuQuietThresholdMs: 250,
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
    pages[url] = { scores, failing, warnings: lhr.runWarnings };
  }
} finally {
  await chrome.kill();
}
console.log(JSON.stringify(pages, null, 2));
