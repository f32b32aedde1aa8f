// The ML project ROI calculator through its interface: figures checked
// against values computed here from first principles, saving, bad input.
import { test, expect, open } from "./fixtures.mjs";

/** NPV with flows[0] undiscounted. */
function npv(rate, flows) {
  return flows.reduce((acc, f, t) => acc + f / (1 + rate) ** t, 0);
}

/** The one IRR of an investment-then-returns series, by bisection. */
function irr(flows) {
  let lo = -0.99, hi = 10;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (npv(mid, flows) > 0) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

const money = (v) => (v < 0 ? "-" : "") + "$" + Math.round(Math.abs(v)).toLocaleString("en-US");

async function figure(page, name) {
  const item = page.locator(".figure").filter({ has: page.getByText(name, { exact: true }) });
  return (await item.locator("dd").first().innerText()).trim();
}

test("a blank model filled by label gives independently checked figures, and survives a reload", async ({ page, axe }) => {
  await open(page, "#/roi");
  await page.getByRole("button", { name: "Start a blank model" }).click();
  await expect(page).toHaveURL(/#\/roi\/[a-z0-9]+$/);
  await page.getByLabel("Model name").fill("Ticket triage");
  await page.getByLabel(/^Horizon/).fill("2");
  await page.getByLabel(/^Discount rate/).fill("12%");
  await page.getByLabel("Headcount (ML engineer)").fill("2");
  await page.getByLabel("Monthly cost (ML engineer)").fill("12.5k");
  await page.getByLabel("Months on the build (ML engineer)").fill("3");
  await page.getByLabel(/^Labelling/).fill("1,500");
  await page.getByLabel(/^Revenue uplift \([^)]*\/ month\)$/).fill("20k");

  // Month 0: -1,500; months 1-3: -25,000; months 4-24: +20,000.
  const flows = [-1500, -25000, -25000, -25000, ...Array(21).fill(20000)];
  const monthly = Math.pow(1.12, 1 / 12) - 1;
  await expect.poll(() => figure(page, "Net present value")).toBe(money(npv(monthly, flows)));
  const annualIrr = (Math.pow(1 + irr(flows), 12) - 1) * 100;
  expect(await figure(page, "IRR (annual)")).toBe(`${annualIrr.toFixed(1)}%`);
  // Cumulative after month 3 is -76,500; +20,000 a month crosses zero in month 7 (3.825 months in).
  expect(await figure(page, "Payback")).toBe("6.8 months");
  expect(await figure(page, "Break-even month")).toBe("Month 7");
  await expect(page.getByRole("img", { name: /Cumulative cash flow by month/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Year by year" })).toContainText("Year 2");
  await axe();

  await page.reload();
  await expect(page.getByLabel("Model name")).toHaveValue("Ticket triage");
  await expect(page.getByLabel(/^Revenue uplift \([^)]*\/ month\)$/)).toHaveValue("20,000");
  expect(await figure(page, "Net present value")).toBe(money(npv(monthly, flows)));

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Saved" }).click();
  await expect(page.getByRole("link", { name: "Ticket triage" })).toBeVisible();
});

test("an example loads, and bad input is refused at its field", async ({ page }) => {
  await open(page, "#/roi");
  await page.getByRole("button", { name: /Start from this example: Demand forecasting/ }).click();
  await expect(page.getByLabel("Model name")).toHaveValue(/Demand forecasting/);
  await expect.poll(() => figure(page, "Net present value")).toMatch(/^\$[\d,]+$/);
  const before = await figure(page, "Net present value");

  const revenue = page.getByLabel(/^Revenue uplift \([^)]*\/ month\)$/);
  await revenue.fill("lots");
  await expect(revenue).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("“lots” is not a number.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Results are unavailable" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/NaN|Infinity|\binf\b/);

  // "12.000" may be twelve thousand written with a dot: asked, never read
  // silently as twelve.
  await revenue.fill("12.000");
  await expect(revenue).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("“12.000” could mean 12000 or 12: type 12,000 for the first, 12 for the second.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Results are unavailable" })).toBeVisible();

  await page.getByLabel(/^Tax rate/).fill("150%");
  await expect(page.getByText("Enter from 0% to 90%.")).toBeVisible();

  // Fixing both brings the results back, unchanged, and nothing invalid was saved.
  await revenue.fill("25,000");
  await page.getByLabel(/^Tax rate/).fill("21");
  expect(await figure(page, "Net present value")).toBe(before);
  await page.reload();
  await expect(page.getByLabel(/^Tax rate/)).toHaveValue("21");
});

test("a missing model says so and offers a new one", async ({ page }) => {
  await open(page, "#/roi/doesnotexist");
  await expect(page.getByRole("alert")).toContainText("no saved ROI model");
  await page.getByRole("link", { name: "Start a new model" }).click();
  await expect(page.getByRole("button", { name: "Start a blank model" })).toBeVisible();
});

test("a model prints as a clean report: no navigation, inputs, chart, date, page breaks", async ({ page }) => {
  await open(page, "#/roi");
  await page.getByRole("button", { name: /Start from this example: Demand forecasting/ }).click();
  await expect(page.getByRole("img", { name: /Cumulative cash flow/ })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Copy link" })).toBeHidden();
  await expect(page.getByText(/printed from Sextant on/)).toBeVisible();
  await expect(page.getByLabel(/^Revenue uplift \([^)]*\/ month\)$/)).toBeVisible();
  await expect(page.getByRole("img", { name: /Cumulative cash flow/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Year by year" })).toBeVisible();
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  const text = pdf.toString("latin1");
  expect(text.startsWith("%PDF-")).toBe(true);
  const pages = (text.match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages).toBeGreaterThanOrEqual(2); // the results start on a page of their own
  (await import("node:fs")).writeFileSync("e2e/.output/roi-report.pdf", pdf);
});

test("an edit in another tab is never overwritten by a stale tab", async ({ page, context }) => {
  await open(page, "#/roi");
  await page.getByRole("button", { name: "Start a blank model" }).click();
  await page.getByLabel("Model name").fill("Shared between tabs");
  await expect(page.getByText("All changes saved in this browser.")).toBeVisible();
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByLabel("Model name")).toHaveValue("Shared between tabs");
  // The other tab renames it first; this tab, still on the older version, then edits.
  await other.getByLabel("Model name").fill("Renamed in the other tab");
  await expect(other.getByText("All changes saved in this browser.")).toBeVisible();
  await page.getByLabel(/^Revenue uplift \([^)]*\/ month\)$/).fill("5k");
  await expect(page.getByText(/Not saved: it was changed in another tab or window/)).toBeVisible();
  await other.reload();
  await expect(other.getByLabel("Model name")).toHaveValue("Renamed in the other tab");
  // Nothing typed is lost: this tab's version can be kept as a copy.
  await page.getByRole("button", { name: "Save my version as a copy" }).click();
  await expect(page.getByLabel("Model name")).toHaveValue("Shared between tabs (my version)");
  await expect(page.getByLabel(/^Revenue uplift \([^)]*\/ month\)$/)).toHaveValue("5,000");
});

test("charts redraw in the other colour scheme when the system switches", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await open(page, "#/roi");
  await page.getByRole("button", { name: /Start from this example: Churn prediction/ }).click();
  const chart = page.getByRole("img", { name: /Cumulative cash flow by month/ });
  await expect(chart).toBeVisible();
  const pixels = () => chart.evaluate((canvas) => canvas.toDataURL());
  const drawn = () =>
    chart.evaluate((canvas) => {
      const blank = document.createElement("canvas");
      blank.width = canvas.width;
      blank.height = canvas.height;
      return canvas.toDataURL() !== blank.toDataURL();
    });
  // Drawn once its module has arrived and it is on screen.
  await chart.scrollIntoViewIfNeeded();
  await expect.poll(drawn).toBe(true);
  const light = await pixels();
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(pixels).not.toBe(light);
});

test("a chart below the fold is drawn when it scrolls into view, and every chart before printing", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await open(page, "#/roi");
  await page.getByRole("button", { name: /Start from this example: Churn prediction/ }).click();
  await expect(page.getByText(/10,000 trials with seed \d+, computed in/)).toBeVisible();
  const drawn = (chart) =>
    chart.evaluate((canvas) => {
      const blank = document.createElement("canvas");
      blank.width = canvas.width;
      blank.height = canvas.height;
      return canvas.toDataURL() !== blank.toDataURL();
    });
  const charts = page.getByRole("img").and(page.locator("canvas"));
  const count = await charts.count();
  expect(count).toBeGreaterThanOrEqual(4);
  // The first chart, once on screen, is drawn: the drawing code has arrived
  // and every chart has its data. The last chart, far below, waits for the
  // view: it holds data it has not drawn ("stale"). Every draw already queued
  // (each in a zero-delay task of its own) runs before a zero-delay task
  // queued after them, so a chart drawn out of view would show by then.
  const first = charts.first();
  const last = charts.last();
  await first.scrollIntoViewIfNeeded();
  await expect.poll(() => drawn(first)).toBe(true);
  await expect(first).toHaveAttribute("data-stale", "false");
  await expect(last).not.toBeInViewport();
  await page.evaluate(() => new Promise((done) => setTimeout(done, 0)));
  await expect(last).toHaveAttribute("data-stale", "true");
  expect(await drawn(last)).toBe(false);
  await last.scrollIntoViewIfNeeded();
  await expect.poll(() => drawn(last)).toBe(true);
  await expect(last).toHaveAttribute("data-stale", "false");
  // Back at the top, a change of size leaves the charts out of view stale;
  // printing draws every one of them first.
  // (The wait lets the page see that the last chart has left the view
  // before the size changes; otherwise it may be redrawn at once.)
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.setViewportSize({ width: 700, height: 600 });
  await page.waitForTimeout(300);
  // A chart is drawn for its box's width (280 CSS px at least).
  const drawnFor = (chart) =>
    chart.evaluate((canvas) => [canvas.width, Math.floor(Math.max(canvas.clientWidth, 280) * Math.min(Math.max(devicePixelRatio, 1), 4))]);
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  for (let i = 0; i < count; i++) {
    expect(await drawn(charts.nth(i)), `chart ${i + 1} of ${count}`).toBe(true);
    const [width, box] = await drawnFor(charts.nth(i));
    expect(width, `chart ${i + 1} of ${count}, drawn for its box`).toBe(box);
  }
});
