// Worst links benchmark (not part of the tests): opens the worst share links
// that fit the link limits (64 KiB of text, 256 KiB decoded), built from the
// app's own example links (e2e/links.mjs), in the release build at 1x CPU,
// and prints for each:
//   shown     ms from navigation until the page says what it holds or why not
//   longest   ms of the longest main-thread task (long task entries) from
//             navigation until the page has been quiet for a second (at most
//             20 s), "Edit a copy" and the simulation included where run
//   memory    MB of wasm linear memory at the end
//   outcome   the page's first alert, or "opened"
// The accepted ones are also opened as an editor ("Edit a copy"), and the
// largest ROI model's 200,000-trial simulation is run to its end.
//
//   node scripts/bench-hostile.mjs [--dir dist]
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { chromiumArgs } from "../playwright.config.mjs";
import { decodeLink, hostileRoiLinks, largestPortfolioLink, largestRoiLink, portfolioWith } from "../e2e/links.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const dir = args.dir ?? "dist";
const port = 4391;
const origin = `http://127.0.0.1:${port}/tools/sextant/`;

function instrument() {
  const marks = (window.__bench = { long: [], memories: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) marks.long.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...a) {
      return original.apply(this, a).then((result) => {
        for (const v of Object.values((result.instance ?? result).exports ?? {}))
          if (v instanceof WebAssembly.Memory && !marks.memories.includes(v)) marks.memories.push(v);
        return result;
      });
    };
  }
}

async function quiet(page, limit = 20000) {
  const start = Date.now();
  for (;;) {
    const done = await page.evaluate(() => {
      const last = Math.max(0, ...window.__bench.long.map(([s, d]) => s + d));
      return performance.now() - last > 1000;
    });
    if (done || Date.now() - start > limit) return;
    await new Promise((go) => setTimeout(go, 200));
  }
}

const stats = (page) =>
  page.evaluate(() => ({
    longest: Math.max(0, ...window.__bench.long.map(([, d]) => d)),
    memory: Math.max(0, ...window.__bench.memories.map((m) => m.buffer.byteLength)) / 2 ** 20,
  }));

async function measure(browser, name, fragment, then) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  const start = Date.now();
  await page.goto(origin + fragment);
  const alert = page.getByRole("alert");
  const shared = page.getByText("Shared with you · read-only");
  const notFound = page.getByRole("heading", { name: "Page not found" });
  await alert.or(shared).or(notFound).first().waitFor({ timeout: 60000 });
  const shown = Date.now() - start;
  const outcome = (await alert.count())
    ? (await alert.first().innerText()).slice(0, 90)
    : (await notFound.count())
      ? "Page not found"
      : "opened";
  if (then && outcome === "opened") await then(page);
  await quiet(page);
  const s = await stats(page);
  console.log(`${name.padEnd(44)} shown ${String(shown).padStart(6)} ms  longest ${s.longest.toFixed(0).padStart(5)} ms  memory ${s.memory.toFixed(0).padStart(4)} MB  ${outcome}`);
  await context.close();
}

const server = spawn("node", ["e2e/serve.mjs", "--port", String(port), "--dir", dir], { stdio: "inherit" });
await new Promise((go) => setTimeout(go, 800));
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || "/usr/bin/chromium", args: chromiumArgs });
try {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const linkOf = async (fragment, button) => {
    await page.goto(origin + fragment);
    await page.getByRole("button", { name: button }).click();
    await page.waitForURL(/#\/[a-z-]+\/[A-Za-z0-9_-]+$/);
    return decodeLink(await page.getByLabel("Share link").inputValue());
  };
  const roi = await linkOf("#/roi", /Start from this example: Churn prediction/);
  const portfolio = await linkOf("#/portfolio", "Start from the example");
  await context.close();

  const editCopy = async (p) => {
    await p.getByRole("button", { name: "Edit a copy" }).click();
    await p.getByLabel(/Model name|Portfolio name/).first().waitFor({ timeout: 60000 });
  };
  const runAll = async (p) => {
    await p.getByRole("button", { name: /Run the simulation/ }).click();
    await p.getByText(/Cancelled after|trials in|Chance that NPV is positive/).first().waitFor({ timeout: 600000 });
    await p.getByRole("progressbar").waitFor({ state: "detached", timeout: 600000 });
  };
  for (const [name, fragment] of hostileRoiLinks(roi)) {
    console.log(`  (${name}: link of ${fragment.length} characters)`);
    await measure(browser, name, fragment);
  }
  const largest = largestRoiLink(roi);
  console.log(`  (largest ROI model: link of ${largest.length} characters)`);
  await measure(browser, "largest ROI model (100 roles, 20 scenarios)", largest);
  await measure(browser, "  ... then Edit a copy", largest, editCopy);
  await measure(browser, "  ... then its 200,000 trials", largest, runAll);
  const [widest, n] = largestPortfolioLink(portfolio);
  for (const [count, fragment] of [[500, portfolioWith(portfolio, 500)], [n, widest]]) {
    console.log(`  (portfolio of ${count}: link of ${fragment.length} characters)`);
    await measure(browser, `portfolio of ${count} projects`, fragment);
    if (count === 500) await measure(browser, "  ... then Edit a copy", fragment, editCopy);
  }
  for (const route of ["#/__proto__", "#/constructor?embed=1"]) await measure(browser, route, route);
} finally {
  await browser.close();
  server.kill();
}
