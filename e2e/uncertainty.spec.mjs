// Uncertainty of an ROI model through its interface: tornado, scenarios and
// a seeded Monte Carlo run whose figures survive a reload and a share link.
import { test, expect, open } from "./fixtures.mjs";

async function figure(scope, name) {
  const root = typeof scope.page === "function" ? scope.page() : scope;
  const item = scope.locator(".figure").filter({ has: root.getByText(name, { exact: true }) });
  return (await item.locator("dd").first().innerText()).trim();
}

async function startExample(page, name) {
  await open(page, "#/roi");
  await page.getByRole("button", { name: `Start from this example: ${name}` }).click();
  await expect(page).toHaveURL(/#\/roi\/[a-z0-9]+$/);
}

const simulation = (page) => page.getByRole("region", { name: "Monte Carlo simulation" });

test("a seeded simulation gives a probability that survives a reload and a share link", async ({ page, axe }) => {
  await startExample(page, "Demand forecasting for a retailer");
  const panel = page.getByRole("region", { name: "How sure is this?" });
  await expect(panel).toBeVisible();
  await expect(panel.getByText(/10,000 trials with seed 2026, computed in \d+ ms/)).toBeVisible();
  const p = await figure(panel, "Chance that NPV is positive");
  expect(p).toMatch(/^\d{1,3}\.\d%$/);
  const median = await figure(panel, "Median NPV (P50)");
  await expect(panel.getByRole("table", { name: /Outcomes by percentile/ })).toContainText("P95");
  await expect(panel.getByRole("img", { name: /Histogram of NPV over 10,000 trials/ })).toBeVisible();
  await expect(panel.getByRole("img", { name: /Cumulative probability of NPV/ })).toBeVisible();
  await expect(panel.getByRole("table", { name: /correlation of each input with NPV/ })).toContainText("Revenue uplift");
  await axe();

  // The same seed: the same figures after a reload.
  await page.reload();
  await expect.poll(() => figure(page.getByRole("region", { name: "How sure is this?" }), "Chance that NPV is positive")).toBe(p);
  expect(await figure(panel, "Median NPV (P50)")).toBe(median);

  // Another seed: other draws.
  await panel.getByLabel("Seed").fill("7");
  await expect(panel.getByText(/trials with seed 7,/)).toBeVisible();
  await expect.poll(() => figure(panel, "Median NPV (P50)")).not.toBe(median);

  // And back: the first figures again, also for someone opening a link.
  await panel.getByLabel("Seed").fill("2026");
  await expect(panel.getByText(/trials with seed 2026,/)).toBeVisible();
  expect(await figure(panel, "Median NPV (P50)")).toBe(median);
  await page.getByRole("button", { name: "Copy link" }).click();
  const link = await page.getByLabel("Share link").inputValue();
  await page.goto(link);
  // The shared page and then its panel each wait for their module; a slow
  // fetch must not pass for a missing page, so each stage is checked apart.
  await expect(page.getByText("Shared with you · read-only")).toBeVisible({ timeout: 15_000 });
  const shared = page.getByRole("region", { name: "How sure is this?" });
  await expect(shared).toBeVisible({ timeout: 15_000 });
  // The set-up as shared, then the run it gives.
  await expect(shared.getByText("10,000 trials with seed 2026.", { exact: true })).toBeVisible();
  await expect(shared.getByText(/^10,000 trials with seed 2026, computed in \d+ ms\.$/)).toBeVisible();
  expect(await figure(shared, "Chance that NPV is positive")).toBe(p);
  expect(await figure(shared, "Median NPV (P50)")).toBe(median);
  await axe();
});

test("ranges collapsed to one point give the deterministic NPV", async ({ page }) => {
  await startExample(page, "Churn prediction for a subscription service");
  // Certain to work: otherwise a trial in which the model fails has an NPV
  // of its own.
  await page.getByLabel(/^Chance of technical success/).fill("100");
  const npv = await figure(page.getByRole("region", { name: "Results" }), "Net present value");
  const sim = simulation(page);
  // Remove every range but one, then collapse it onto the value as entered.
  // The panel arrives in a module of its own: counting before it has shown
  // would find no range and remove none.
  const removes = sim.getByRole("button", { name: /^Remove the range of / });
  await expect(removes.first()).toBeVisible();
  for (let n = await removes.count(); n > 1; n--) {
    await removes.first().click();
    await expect(removes).toHaveCount(n - 1);
  }
  const last = sim.getByRole("group").filter({ has: page.getByLabel(/^Low: /) }).first();
  const likely = await last.getByLabel(/^Most likely: /).inputValue();
  await last.getByLabel(/^Low: /).fill(likely);
  await last.getByLabel(/^High: /).fill(likely);
  await expect(sim.getByText(/trials with seed/)).toBeVisible();
  // The run restarts on every edit; on a busy machine the last one can take
  // longer than the default 5 s to replace the previous figures.
  await expect.poll(() => figure(sim, "Median NPV (P50)"), { timeout: 20_000 }).toBe(npv);
  expect(await figure(sim, "Mean NPV")).toBe(npv);
  expect(await figure(sim, "Chance that NPV is positive")).toMatch(/^(100\.0|0\.0)%$/);
});

test("a large run shows progress and can be cancelled; bad ranges say why", async ({ page }) => {
  await startExample(page, "Demand forecasting for a retailer");
  const sim = simulation(page);
  await expect(sim.getByText(/10,000 trials with seed/)).toBeVisible();
  await sim.getByRole("textbox", { name: /^Trials/ }).fill("200000");
  await expect(sim.getByRole("progressbar", { name: "Simulating" })).toBeVisible();
  await sim.getByRole("button", { name: "Cancel" }).click();
  await expect(sim.getByText(/Cancelled after [\d,]+ of 200,000 trials/)).toBeVisible();
  await sim.getByRole("button", { name: "Run again" }).click();
  await expect(sim.getByText(/200,000 trials with seed 2026, computed in \d+ ms/)).toBeVisible({ timeout: 30_000 });

  await sim.getByRole("textbox", { name: /^Trials/ }).fill("5");
  await expect(sim.getByText("Enter a whole number from 100 to 200,000.")).toBeVisible();
  await sim.getByRole("textbox", { name: /^Trials/ }).fill("1000");

  const first = sim.getByRole("group").filter({ has: page.getByLabel(/^Low: /) }).first();
  await first.getByLabel(/^Low: /).fill("999999999");
  await expect(first.getByText("Low must not be above most likely, nor most likely above high.")).toBeVisible();
  await expect(sim.getByText(/cannot run: .*low ≤ most likely ≤ high/)).toBeVisible();
  await first.getByLabel(/^Low: /).fill("0");
  await expect(sim.getByText(/1,000 trials with seed/)).toBeVisible();
});

test("tornado and scenarios: switch the figure, add and name scenarios", async ({ page, axe }) => {
  await startExample(page, "Invoice and document processing automation");
  const part = page.getByRole("region", { name: "Which assumption matters most" });
  const table = part.getByRole("table", { name: /Net present value when one input moves/ });
  await expect(table.locator("tbody tr").first()).toBeVisible();
  await part.getByLabel("Figure").selectOption({ label: "Payback (months)" });
  await expect(part.getByRole("table", { name: /Payback \(months\) when one input moves/ })).toBeVisible();
  await expect(part.getByRole("img", { name: /Tornado chart of Payback/ })).toBeVisible();
  // The exact values of a bar under the pointer.
  const chart = part.getByRole("img", { name: /Tornado chart of Payback/ });
  const first = (await part.getByRole("table").locator("tbody tr").first().locator("th").innerText()).trim();
  const width = (await chart.boundingBox()).width;
  await chart.hover({ position: { x: width * 0.6, y: 36 + 8 } });
  await expect(part.locator(".chart-tip")).toContainText(first);
  await page.mouse.move(0, 0);
  await expect(part.locator(".chart-tip")).toHaveCount(0);
  await part.getByLabel("Move each input by ±").fill("200");
  await expect(part.getByText("Enter a step between 1% and 100%.")).toBeVisible();
  await part.getByLabel("Move each input by ±").fill("10");

  const scenarios = page.getByRole("region", { name: "Scenarios" });
  const side = scenarios.getByRole("table", { name: "Scenarios side by side" });
  await expect(side.locator("thead th")).toHaveText(["Figure", "Base", "Pessimistic", "Optimistic"]);
  await scenarios.getByRole("button", { name: "Add a scenario" }).click();
  const names = scenarios.getByLabel("Scenario name");
  await names.last().fill("pessimistic");
  await expect(scenarios.getByText("Another scenario already has this name.")).toBeVisible();
  await names.last().fill("Late launch");
  await scenarios.getByLabel("Input to change").last().selectOption({ label: "Adoption ramp" });
  await scenarios.getByRole("button", { name: "Change this input" }).last().click();
  await scenarios.getByLabel("Adoption ramp (Late launch)").fill("12");
  await expect(side.locator("thead th")).toHaveText(["Figure", "Base", "Pessimistic", "Optimistic", "Late launch"]);
  await expect(scenarios.getByRole("img", { name: /Late launch ends at/ })).toBeVisible();
  await axe();
  await page.emulateMedia({ colorScheme: "dark" });
  await axe();
  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
  await expect(page.getByRole("table", { name: "Scenarios side by side" }).locator("thead th")).toHaveText(["Figure", "Base", "Pessimistic", "Optimistic", "Late launch"]);
  await expect(page.getByLabel("Adoption ramp (Late launch)")).toHaveValue("12");
});
