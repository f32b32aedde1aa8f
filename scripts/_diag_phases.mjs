// throwaway: phases of a cold load at a CPU rate
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { chromiumArgs } from "../playwright.config.mjs";
const [dir, rate = "4", runs = "5", frag = "#/assess/skills"] = process.argv.slice(2);
const server = spawn(process.execPath, ["e2e/serve.mjs", "--port", "0", "--base", "/tools/sextant/", "--dir", dir, "--compress"], { stdio: ["ignore", "pipe", "inherit"] });
const origin = await new Promise((res) => server.stdout.on("data", (d) => { const m = String(d).match(/at (http:\/\/\S+)/); if (m) res(m[1]); }));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
const rows = [];
for (let i = 0; i < Number(runs); i++) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const m = (window.__m = { inst: [], long: [] });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) m.long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: "longtask", buffered: true });
    m.fetches = [];
    const f = window.fetch;
    window.fetch = function (...a) { m.fetches.push([String(a[0]).split("/").pop().slice(0, 24), Math.round(performance.now())]); return f.apply(this, a); };
    const o = WebAssembly.instantiate;
    WebAssembly.instantiate = function (...a) { const s = performance.now(); return o.apply(this, a).then((r) => { m.inst.push([Math.round(s), Math.round(performance.now())]); return r; }); };
    addEventListener("TrunkApplicationStarted", () => (m.started = performance.now()));
    addEventListener("sextant-page-built", () => (m.built = performance.now()));
    new MutationObserver((_, ob) => { if (document.querySelector("main button, main input") && !m.usable) { m.usable = performance.now(); ob.disconnect(); } }).observe(document, { subtree: true, childList: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(rate) });
  await page.goto(origin + frag);
  await page.waitForFunction(() => window.__m.built, null, { timeout: 30000 });
  await page.waitForTimeout(1500);
  const r = await page.evaluate(() => {
    const res = performance.getEntriesByType("resource").filter((e) => /\.(wasm|js)$/.test(e.name)).map((e) => [e.name.split("/").pop().slice(0, 28), Math.round(e.startTime), Math.round(e.responseEnd)]);
    const nav = performance.getEntriesByType("navigation")[0];
    return { ...window.__m, res, dcl: Math.round(nav.domContentLoadedEventEnd), fcp: Math.round(performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1) };
  });
  rows.push(r);
  await context.close();
}
for (const r of rows) console.log(JSON.stringify({ fetches: r.fetches, usable: Math.round(r.usable), started: Math.round(r.started), built: Math.round(r.built), dcl: r.dcl, fcp: r.fcp, inst: r.inst, long: r.long, res: r.res }));
await browser.close(); server.kill();
