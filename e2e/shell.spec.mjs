// The app shell: every view reachable by URL from a sub-path, accessible,
// responsive, themed, and never blank.
import { readFileSync } from "node:fs";
import { test, expect, open } from "./fixtures.mjs";

const views = [
  { fragment: "#/", heading: "Judge your ML work honestly, and decide with numbers" },
  { fragment: "#/saved", heading: "Saved in this browser" },
  { fragment: "#/assess/skills", heading: "ML engineer skills" },
  { fragment: "#/assess/readiness", heading: "ML project readiness" },
  { fragment: "#/assess/automation", heading: "Automation readiness" },
  { fragment: "#/assess/team", heading: "Team and stakeholder practices" },
  { fragment: "#/roi", heading: "ML project ROI" },
  { fragment: "#/portfolio", heading: "Project prioritisation" },
  { fragment: "#/automation-roi", heading: "Automation ROI" },
  { fragment: "#/does-not-exist", heading: "Page not found" },
];

test("every page the benchmarks measure is a view checked here (scripts/routes.json, from src/bundles.rs)", () => {
  const { measured } = JSON.parse(readFileSync(new URL("../scripts/routes.json", import.meta.url), "utf8"));
  const fragments = measured.map((p) => p.fragment).filter(Boolean);
  expect(fragments.length).toBeGreaterThan(5);
  expect(views.map((v) => v.fragment)).toEqual(expect.arrayContaining(fragments));
});

for (const { fragment, heading } of views) {
  test(`${fragment} opens directly, survives a reload and passes axe`, async ({ page, axe }) => {
    await open(page, fragment);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await axe();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await page.emulateMedia({ colorScheme: "dark" });
    await axe();
  });
}

test("home presents every tool and navigation works", async ({ page }) => {
  await open(page);
  const assessments = page.getByRole("region", { name: "Assessments" });
  for (const name of ["ML engineer skills", "ML project readiness", "Automation readiness", "Team and stakeholder practices"]) {
    await expect(assessments.getByRole("heading", { name })).toBeVisible();
  }
  const calculators = page.getByRole("region", { name: "Calculators" });
  for (const name of ["ML project ROI", "Project prioritisation", "Automation ROI"]) {
    await expect(calculators.getByRole("heading", { name })).toBeVisible();
  }
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Saved" }).click();
  await expect(page).toHaveURL(/\/tools\/sextant\/#\/saved$/);
  await expect(page.getByRole("heading", { level: 1, name: "Saved in this browser" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Saved" })).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveTitle(/Saved in this browser/);
  await page.goBack();
  await expect(page.getByRole("region", { name: "Assessments" })).toBeVisible();
});

test("a deep link opens in a new tab", async ({ page, context }) => {
  await open(page);
  const tab = await context.newPage();
  await tab.goto(page.url().replace(/#.*$/, "") + "#/saved");
  await expect(tab.getByRole("heading", { level: 1, name: "Saved in this browser" })).toBeVisible();
});

test("not found offers the way home", async ({ page }) => {
  await open(page, "#/nowhere/<b>x</b>");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.locator("main b")).toHaveCount(0);
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page.getByRole("region", { name: "Calculators" })).toBeVisible();
});

// Names that every JavaScript object has: the page loader looks the address
// up in its route table before the app starts, and must find nothing there.
for (const fragment of [
  "#/__proto__",
  "#/constructor",
  "#/toString",
  "#/valueOf",
  "#/hasOwnProperty",
  "#/constructor?embed=1",
  "#/__proto__/x?embed=1",
]) {
  test(`${fragment} starts the app, which says the page is not found`, async ({ page }) => {
    await open(page, fragment);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  });
}

test("the skip button moves focus to the content", async ({ page }) => {
  await open(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("button", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("fits a 360 px phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const fragment of ["#/", "#/saved", "#/roi"]) {
    await open(page, fragment);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, fragment).toBeLessThanOrEqual(0);
  }
});

test("follows the system theme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await open(page);
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(light).not.toEqual(dark);
});

test("without JavaScript the page says what it needs", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("./");
  await expect(page.getByRole("heading", { name: "Sextant needs JavaScript" })).toBeVisible();
  await context.close();
});

test("when WebAssembly fails to load the page says so", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto("./");
  await expect(page.getByRole("heading", { name: "Sextant could not start" })).toBeVisible();
  await expect(page.getByText("Loading Sextant")).toBeHidden();
  await context.close();
});
