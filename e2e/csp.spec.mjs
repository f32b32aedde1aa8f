// The release build under the Content Security Policy in csp.txt, which the
// README offers to wiki admins: every tool is used and no violation is reported.
import { test, expect } from "./fixtures.mjs";
import { readFileSync } from "node:fs";
import { ports } from "./ports.mjs";

const base = `http://127.0.0.1:${ports.csp}/tools/sextant/`;

test("the app runs under the documented Content Security Policy with no violation", async ({ page }) => {
  const policy = readFileSync("csp.txt", "utf8").trim();
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toMatch(/(^|\s)'unsafe-eval'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(base + "#/");
  expect(response.headers()["content-security-policy"]).toBe(policy);
  await expect(page.locator("html[data-sextant-ready]")).toHaveCount(1);
  await expect(page.locator("script:not([src])")).toHaveCount(0);

  await page.goto(base + "#/roi");
  await page.getByRole("button", { name: /Start from this example: Churn prediction/ }).click();
  await expect(page.getByRole("img", { name: /Cumulative cash flow by month/ })).toBeVisible();
  await expect(page.getByText(/10,000 trials with seed \d+, computed in/)).toBeVisible();
  await page.goto(base + "#/portfolio");
  await page.getByRole("button", { name: "Start from the example" }).click();
  await expect(page.getByRole("table", { name: "Projects ranked" })).toBeVisible();
  await page.goto(base + "#/automation-roi");
  await page.getByRole("button", { name: "Start from the example" }).click();
  await expect(page.getByRole("img", { name: /Hours per month by stage/ })).toBeVisible();
  await page.goto(base + "#/assess/automation");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await page.locator("fieldset.question").first().getByRole("radio").first().check();
  await expect(page.getByText(/1 of \d+ answered/)).toBeVisible();
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});
