// throwaway: returning-reader load of the ROI editor with example
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { chromiumArgs } from "../playwright.config.mjs";
const [dir, rate = "4", runs = "5"] = process.argv.slice(2);
const server = spawn(process.execPath, ["e2e/serve.mjs", "--port", "0", "--base", "/tools/sextant/", "--dir", dir, "--compress"], { stdio: ["ignore", "pipe", "inherit"] });
const origin = await new Promise((res) => server.stdout.on("data", (d) => { const m = String(d).match(/at (http:\/\/\S+)/); if (m) res(m[1]); }));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
const times = [];
for (let i = 0; i < Number(runs); i++) {
  const context = await browser.newContext({ serviceWorkers: process.env.COLD ? "block" : "allow" });
  const page = await context.newPage();
  await page.goto(origin + "#/roi");
  await page.getByRole("button", { name: /Start from this example: Demand forecasting/ }).click();
  await page.waitForURL(/#\/roi\/[A-Za-z0-9_-]+$/);
  if (!process.env.COLD) await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForTimeout(3000);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(rate) });
  let inst = 0;
  await page.addInitScript(() => { window.__n = 0; const o = WebAssembly.instantiate; WebAssembly.instantiate = function (...a) { window.__n++; return o.apply(this, a); }; const s = WebAssembly.instantiateStreaming; WebAssembly.instantiateStreaming = function (...a) { window.__n++; return s.apply(this, a); }; });
  await page.reload({ waitUntil: "commit" });
  await page.getByLabel("Model name").waitFor();
  const t = await page.evaluate(() => performance.now());
  const n = await page.evaluate(() => window.__n);
  const v = await page.getByLabel("Model name").inputValue();
  times.push(t);
  console.log(`run ${i}: ${t.toFixed(0)} ms, ${n} instantiated, model "${v}"`);
  await context.close();
}
times.sort((a, b) => a - b);
console.log("median", times[Math.floor(times.length / 2)].toFixed(0));
await browser.close();
server.kill();
