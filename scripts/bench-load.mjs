// Cold-load benchmark of the release build (not part of the tests): each page
// is loaded --runs times (20), each time in a fresh browser context (empty
// cache and storage), from the build served compressed on 127.0.0.1, without
// and with 4x CPU throttling. Prints the medians of:
//   usable   ms from navigation start until the page's first control (button,
//            input, link in <main>) is in place and the main thread is free
//   bytes    bytes transferred, compressed, headers included (CDP Network)
//   wasm     ms of WebAssembly.instantiateStreaming: total, and after the
//            last byte of the module arrived (compile and instantiate)
//   heap     JS heap used once usable (CDP Performance.getMetrics), and the
//            size of the wasm linear memory
//   blocking ms of main-thread tasks beyond 50 ms each (the browser's long
//            task entries) from navigation start until the page has been
//            quiet for a second after being usable (at most 6 s after): the
//            parts built after the first control count too, as they do in
//            Lighthouse's total blocking time; and the longest task
// Service workers are blocked: the worker installs after the page has loaded,
// and its precaching would be counted as the page's own transfer.
// With --visits N (N > 0) the load measured is a returning reader's instead:
// a browser profile on disk first loads the page N times unthrottled,
// service workers allowed, the first time until the worker controls the
// page; then the browser is started again on that profile, and the page
// loaded, throttled, and measured: like a reader who comes back another
// day, with the worker, its cache and the HTTP cache there but nothing of
// the earlier visits in memory. (Reloaded in the same browser, the page
// found its modules already compiled in memory and opened in about 300 ms
// at 4x, which no returning reader sees.) With N = 1 it is the first load
// with the worker in control; with N = 2 the worker has also kept the
// page's merged bundles (scripts/sw.template.js).
//
//   node scripts/bench-load.mjs [--dir dist] [--runs 20] [--pages home,roi,...] [--throttle 1,4] [--visits 0]
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromiumArgs } from "../playwright.config.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const dir = args.dir ?? "dist";
const runs = Number(args.runs ?? 20);
const rates = (args.throttle ?? "1,4").split(",").map(Number);
const visits = Number(args.visits ?? 0);
if (!Number.isInteger(visits) || visits < 0) throw new Error("bench-load: --visits takes a whole number, 0 or more");
const base = "/tools/sextant/";
// Every page of `MEASURED` in src/bundles.rs (scripts/routes.json): the
// tool pages, the ROI editor with an example, and the ROI example's share
// link as a colleague opens it.
const allPages = JSON.parse(readFileSync(new URL("./routes.json", import.meta.url), "utf8")).measured.map(({ name, fragment }) => ({
  name,
  fragment,
}));
const pages = args.pages ? allPages.filter((p) => args.pages.split(",").includes(p.name)) : allPages;

// Runs in the page before any of its scripts: times WebAssembly's
// instantiation and the moment the first control is usable.
function instrument() {
  const marks = (window.__bench = { wasm: [], usable: null, memory: null, long: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) marks.long.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    if (typeof original !== "function") continue;
    WebAssembly[name] = function (...a) {
      const start = performance.now();
      return original.apply(this, a).then((result) => {
        marks.wasm.push({ name, start, end: performance.now() });
        return result;
      });
    };
  }
  addEventListener("TrunkApplicationStarted", (e) => {
    const memory = e.detail?.wasm?.memory;
    if (memory) marks.memory = memory.buffer.byteLength;
  });
  const control = "main button, main input, main select, main textarea, main a[href]";
  const check = () => {
    if (marks.usable !== null || !document.documentElement.hasAttribute("data-sextant-ready")) return false;
    if (!document.querySelector(control)) return false;
    // Usable once the task that rendered it has ended and input can be handled.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (marks.usable = performance.now());
    channel.port2.postMessage(null);
    return true;
  };
  new MutationObserver((_, observer) => check() && observer.disconnect()).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
}

function startServer() {
  const server = spawn(process.execPath, ["e2e/serve.mjs", "--port", "0", "--base", base, "--dir", dir, "--compress"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    server.stdout.on("data", (d) => {
      const m = String(d).match(/at (http:\/\/\S+)/);
      if (m) resolve({ server, origin: m[1] });
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Waits until the page's first control is usable; the first visit of a
// returning reader also until the service worker controls the page.
const usable = (page, worker) =>
  page.waitForFunction((worker) => window.__bench.usable !== null && (!worker || navigator.serviceWorker.controller !== null), worker, {
    timeout: 60_000,
  });

async function load(browser, url, rate, storageState) {
  if (visits) return loadReturning(url, rate, storageState);
  const context = await browser.newContext({ serviceWorkers: "block", storageState });
  try {
    return await measure(context, await context.newPage(), url, rate);
  } finally {
    await context.close();
  }
}

async function loadReturning(url, rate, storageState) {
  const dir = mkdtempSync(join(tmpdir(), "sextant-bench-"));
  const launch = () => chromium.launchPersistentContext(dir, { executablePath, args: chromiumArgs, serviceWorkers: "allow" });
  try {
    const first = await launch();
    try {
      const entries = storageState?.origins.flatMap((o) => o.localStorage) ?? [];
      await first.addInitScript((entries) => {
        for (const { name, value } of entries) if (localStorage.getItem(name) === null) localStorage.setItem(name, value);
      }, entries);
      await first.addInitScript(instrument);
      const page = first.pages()[0] ?? (await first.newPage());
      for (let visit = 0; visit < visits; visit++) {
        await (visit ? page.reload() : page.goto(url));
        await usable(page, visit === 0);
        // What the page fetches after its first control (its later bundle,
        // which the worker keeps too) has time to arrive.
        await page.waitForLoadState("networkidle");
      }
    } finally {
      await first.close();
    }
    const again = await launch();
    try {
      return await measure(again, again.pages()[0] ?? (await again.newPage()), url, rate);
    } finally {
      await again.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Waits until `expression` is true in the page, asking through CDP every
// 50 ms. Playwright's own waiting (waitForFunction) first evaluates its
// injected script in the page: about 70 ms of main-thread work at 4x CPU
// slowdown, which fell within the load being measured.
async function until(cdp, expression) {
  const end = Date.now() + 60_000;
  for (;;) {
    const { result } = await cdp.send("Runtime.evaluate", { expression, returnByValue: true });
    if (result.value === true) return;
    if (Date.now() > end) throw new Error(`bench-load: still waiting after 60 s for ${expression}`);
    await new Promise((go) => setTimeout(go, 50));
  }
}

async function measure(context, page, url, rate) {
  await page.addInitScript(instrument);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Performance.enable");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => (bytes += e.encodedDataLength));
  await page.goto(url);
  await until(cdp, "window.__bench.usable !== null");
  // The rest of the page is built after its first control: wait until no
  // long task has ended for a second (at most 6 s after usable).
  await until(
    cdp,
    `(() => {
      const { usable, long } = window.__bench;
      const now = performance.now();
      const last = Math.max(usable, ...long.map(([start, d]) => start + d));
      return now - last > 1000 || now - usable > 6000;
    })()`,
  );
  const marks = await page.evaluate(() => {
    const wasmEntry = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
    return { ...window.__bench, wasmResponseEnd: wasmEntry ? wasmEntry.responseEnd : null };
  });
  const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const streaming = marks.wasm[0];
  return {
    usable: marks.usable,
    bytes,
    wasmTotal: streaming ? streaming.end - streaming.start : NaN,
    wasmAfterDownload: streaming && marks.wasmResponseEnd !== null ? streaming.end - Math.max(streaming.start, marks.wasmResponseEnd) : NaN,
    heap: metrics.JSHeapUsedSize,
    wasmMemory: marks.memory ?? NaN,
    blocking: marks.long.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
    longest: marks.long.reduce((max, [, d]) => Math.max(max, d), 0),
  };
}

const { server, origin } = await startServer();
const executablePath = process.env.CHROME_PATH || "/usr/bin/chromium";
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const rows = [];
try {
  // The example model for the editor page, kept in localStorage and given to
  // every fresh context, and its share link.
  let storageState;
  if (pages.some((p) => p.fragment === null)) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(origin + "#/roi");
    await page.getByRole("button", { name: /Start from this example: Demand forecasting/ }).click();
    await page.waitForURL(/#\/roi\/[A-Za-z0-9_-]+$/);
    allPages.find((p) => p.name === "roi-example").fragment = new URL(page.url()).hash;
    const link = await page.getByLabel("Share link").inputValue();
    allPages.find((p) => p.name === "share-roi").fragment = new URL(link).hash;
    storageState = await context.storageState();
    await context.close();
  }
  for (const rate of rates) {
    for (const { name, fragment } of pages) {
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await load(browser, origin + fragment, rate, storageState));
      const row = { page: name, cpu: `${rate}x` };
      for (const key of Object.keys(results[0])) row[key] = median(results.map((r) => r[key]));
      rows.push(row);
      console.log(`${name} at ${rate}x CPU: usable ${row.usable.toFixed(0)} ms (${runs} loads)`);
    }
  }
} finally {
  await browser.close();
  server.kill();
}

const pad = (s, n) => String(s).padStart(n);
const kb = (b) => (b / 1024).toFixed(1);
const mb = (b) => (b / 1048576).toFixed(1);
console.log(
  visits
    ? `\nMedians of ${runs} loads each, after ${visits} earlier visit${visits > 1 ? "s" : ""} and a browser restart; bytes the page received over the network (the service worker's own fetches not counted).`
    : `\nMedians of ${runs} cold loads each; bytes compressed (brotli), service workers blocked.`,
);
console.log(
  `${"page".padEnd(18)} ${pad("cpu", 4)} ${pad("usable ms", 10)} ${pad("KB sent", 8)} ${pad("wasm ms", 8)} ${pad("compile ms", 11)} ${pad("JS heap MB", 11)} ${pad("wasm mem MB", 12)} ${pad("blocking ms", 12)} ${pad("longest ms", 11)}`,
);
for (const r of rows) {
  console.log(
    `${r.page.padEnd(18)} ${pad(r.cpu, 4)} ${pad(r.usable.toFixed(0), 10)} ${pad(kb(r.bytes), 8)} ${pad(r.wasmTotal.toFixed(0), 8)} ${pad(r.wasmAfterDownload.toFixed(0), 11)} ${pad(mb(r.heap), 11)} ${pad(mb(r.wasmMemory), 12)} ${pad(r.blocking.toFixed(0), 12)} ${pad(r.longest.toFixed(0), 11)}`,
  );
}
