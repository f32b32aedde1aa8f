// throwaway: main-thread tasks of a cold load at 4x, from a trace
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { chromiumArgs } from "../playwright.config.mjs";
const [dir, rate = "4", frag = "#/assess/skills"] = process.argv.slice(2);
const server = spawn(process.execPath, ["e2e/serve.mjs", "--port", "0", "--base", "/tools/sextant/", "--dir", dir, "--compress"], { stdio: ["ignore", "pipe", "inherit"] });
const origin = await new Promise((res) => server.stdout.on("data", (d) => { const m = String(d).match(/at (http:\/\/\S+)/); if (m) res(m[1]); }));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
const context = await browser.newContext({ serviceWorkers: "block" });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(rate) });
await browser.startTracing(page, { path: "/tmp/diag/trace.json", categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing", "loading"] });
await page.goto(origin + frag);
await page.waitForSelector("html[data-sextant-ready]");
await page.waitForTimeout(1500);
await browser.stopTracing();
await browser.close(); server.kill();
const ev = JSON.parse(readFileSync("/tmp/diag/trace.json", "utf8")).traceEvents;
const nav = ev.find((e) => e.name === "navigationStart" || e.name === "NavigationStart" ) ?? ev.find((e) => e.name === "TracingStartedInBrowser");
const t0 = ev.filter((e) => e.name === "navigationStart").map((e) => e.ts).sort()[0] ?? nav.ts;
const main = ev.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
const mt = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.ts >= t0);
const tasks = mt.filter((e) => e.name === "RunTask" && e.dur > 3000);
for (const t of tasks) {
  const kids = mt.filter((e) => e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t && e.dur > 2000);
  const sum = {};
  for (const k of kids) sum[k.name] = (sum[k.name] ?? 0) + k.dur;
  const top = Object.entries(sum).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`).join(", ");
  console.log(`${((t.ts - t0) / 1000).toFixed(0).padStart(5)} ms +${(t.dur / 1000).toFixed(0).padStart(4)}: ${top}`);
}
