// Monte Carlo speed in the browser: runs the uncertainty panel's simulation of
// the first example model (5 uncertain inputs, 5-year monthly model, its
// chance of technical success drawn in every trial, the first two inputs
// rank-correlated) in headless Chromium on the release build, and reports the median wall time
// the page itself measures (from the start of the run to its summary,
// including the pauses that keep the page responsive) and trials per second.
// Not a test: run it on a quiet machine. Usage:
//   make build && node scripts/bench-simulation.mjs [--runs 7]
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] || 7);
const port = 4300 + Math.floor(Math.random() * 500);
const server = spawn("node", ["e2e/serve.mjs", "--port", String(port), "--base", "/sextant/"], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const page = await browser.newPage({ locale: "en-US" });
  page.on("console", (m) => m.type() === "error" && console.error(m.text()));
  page.on("pageerror", (e) => console.error(e.message));
  await page.goto(`http://127.0.0.1:${port}/sextant/#/roi`);
  await page.getByRole("button", { name: /^Start from this example: Demand/ }).click();
  const sim = page.getByRole("region", { name: "Monte Carlo simulation" });
  const trialsField = sim.getByRole("textbox", { name: /^Trials/ });
  const seedField = sim.getByRole("textbox", { name: /^Seed/ });
  await sim.getByRole("button", { name: "Add a correlation" }).click();
  const rows = [];
  for (const trials of [10_000, 200_000]) {
    await trialsField.fill(String(trials));
    const times = [];
    for (let i = 0; i < runs; i++) {
      await seedField.fill(String(1000 + i));
      const status = sim.getByText(new RegExp(`^${trials.toLocaleString("en-US")} trials with seed ${1000 + i}, computed in (\\d+) ms`));
      await status.waitFor({ timeout: 120_000 });
      times.push(Number((await status.innerText()).match(/computed in (\d+) ms/)[1]));
    }
    const ms = median(times);
    rows.push({ trials, "median ms": ms, "trials/s": Math.round(trials / (ms / 1000)), runs: times.join(" ") });
  }
  console.table(rows);
} finally {
  await browser.close();
  server.kill();
}
