// Shared fixtures: every page records console errors and uncaught exceptions,
// and a test fails if any appeared. `axe` scans at WCAG 2.1 AA.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
    });
    page.on("pageerror", (err) => errors.push(`page error: ${err.message}`));
    await use(page);
    expect(errors, "console errors").toEqual([]);
  },
  axe: async ({ page }, use) => {
    await use(async () => {
      const result = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      expect(summary, "axe violations").toEqual([]);
    });
  },
});

export { expect };

/** Opens a view by its fragment and waits for the app to have mounted. */
export async function open(page, fragment = "#/") {
  await page.goto(`./${fragment}`);
  await expect(page.locator("html[data-sextant-ready]")).toHaveCount(1);
}

/** Counts the WebAssembly modules the page instantiates, in window.__instantiated. */
export async function countInstances(page) {
  await page.addInitScript(() => {
    window.__instantiated = 0;
    for (const name of ["instantiate", "instantiateStreaming"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = function (...args) {
        window.__instantiated++;
        return original.apply(this, args);
      };
    }
  });
}

/** The name `notReadyRun` gives its run. */
export const NOT_READY_RUN = "Readiness of the example project";

/**
 * Answers the project readiness assessment at the build stage with the
 * first business item (a critical one) at its lowest level and the rest
 * unanswered, and opens its results: the verdict is "Not ready".
 */
export async function notReadyRun(page) {
  await open(page, "#/assess/readiness");
  await page.getByLabel("Name of this run").fill(NOT_READY_RUN);
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await page.getByRole("radio", { name: /^Deciding whether to build it/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#step-heading")).not.toHaveText("Project stage");
  await page.locator("fieldset.question").first().getByRole("radio").first().check();
  for (let i = 0; i < 12; i++) {
    const next = page.getByRole("button", { name: "Next" });
    if (!(await next.isVisible())) break;
    await next.click();
  }
  await page.getByRole("button", { name: "Finish and see results" }).click();
  await expect(page.getByRole("heading", { name: "Verdict: Not ready" })).toBeVisible();
}
