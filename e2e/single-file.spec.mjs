// The single-file build (dist-single/sextant.html, `make single-file`),
// opened from disk as someone would open an attachment: no server, no service
// worker, everything inline.
import { test, expect } from "./fixtures.mjs";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const file = resolve("dist-single/sextant.html");

test("the single HTML file runs from file:// and completes an ROI calculation", async ({ page }) => {
  expect(existsSync(file), "run `make single-file` (scripts/single-file.mjs) first").toBe(true);
  const html = readFileSync(file, "utf8");
  expect(html).not.toMatch(/\b(?:src|href)="(?!data:|#)[^"]+"/);
  expect(html).not.toContain("serviceWorker");

  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href + "#/roi");
  await expect(page.locator("html[data-sextant-ready]")).toHaveCount(1);
  await page.getByRole("button", { name: /Start from this example: Demand forecasting/ }).click();
  await expect(page.getByLabel("Model name")).toHaveValue(/Demand forecasting/);
  const npv = page.locator(".figure").filter({ has: page.getByText("Net present value", { exact: true }) }).locator("dd").first();
  await expect(npv).toHaveText(/^-?\$[\d,]+$/);
  await expect(page.getByRole("img", { name: /Cumulative cash flow/ })).toBeVisible();
  // The model was saved in this browser and reopens after a reload.
  await page.reload();
  await expect(page.getByLabel("Model name")).toHaveValue(/Demand forecasting/);
  // Nothing but the file itself and inline data was loaded.
  expect(requests.filter((u) => !u.startsWith("data:") && !u.startsWith(pathToFileURL(file).href))).toEqual([]);
  expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
});
