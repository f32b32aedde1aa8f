// What an ML lead reads before a go/no-go: the chance that the model never
// works, tax that nets losses, definitions beside every figure, examples
// that do not all say "go", and numbers in the reader's own format.
import { test, expect, open } from "./fixtures.mjs";

async function figure(page, name) {
  const item = page.locator(".figure").filter({ has: page.getByText(name, { exact: true }) });
  return (await item.locator("dd").first().innerText()).trim();
}

/** "$1,234" or "-$1,234" (or with dots) as a number. */
const amount = (text) => Number(text.replace(/[^\d-]/g, ""));

async function example(page, name) {
  await open(page, "#/roi");
  await page.getByRole("button", { name: new RegExp(`Start from this example: ${name}`) }).click();
  await expect(page.getByLabel("Model name")).toHaveValue(new RegExp(name));
  await expect.poll(() => figure(page, "Net present value")).toMatch(/\$/);
}

test("go-live, expected NPV and a definition beside each figure; the chance of success moves only the expected NPV", async ({ page, axe }) => {
  await example(page, "Demand forecasting");
  const results = page.getByRole("region", { name: "Results" });
  // The longest build assignment is 6 months: live from month 7.
  expect(await figure(page, "Go-live")).toBe("Month 7");
  await expect(results.getByText("Benefits and running costs start in this month", { exact: false })).toBeVisible();
  await expect(results.getByText("If the model works: every month's net flow discounted", { exact: false })).toBeVisible();
  await expect(results.getByText("Net benefit over total cost: undiscounted, over the whole horizon", { exact: false })).toBeVisible();
  await expect(results.getByText("From the start of the build until the cumulative net flow", { exact: false })).toBeVisible();
  expect(await figure(page, "Payback after go-live")).toMatch(/months?$/);
  expect(await figure(page, "Chance of technical success")).toBe("80.0%");

  const npv = amount(await figure(page, "Net present value"));
  const expected = amount(await figure(page, "Expected NPV"));
  expect(expected).toBeLessThan(npv);
  // Certain to work: the expected NPV is the NPV.
  const chance = page.getByLabel(/^Chance of technical success/);
  await chance.fill("100");
  await expect.poll(async () => amount(await figure(page, "Expected NPV"))).toBe(npv);
  expect(amount(await figure(page, "Net present value"))).toBe(npv);
  // Half: lower than at 80%.
  await chance.fill("50");
  await expect.poll(async () => amount(await figure(page, "Expected NPV"))).toBeLessThan(expected);
  await axe();
});

test("a month of loss lowers tax at once or carries forward, and the choice is kept", async ({ page }) => {
  await example(page, "Demand forecasting");
  const atOnce = amount(await figure(page, "Total tax"));
  const npvAtOnce = amount(await figure(page, "Net present value"));
  await page.getByLabel("A month of loss").selectOption({ label: "Losses carry forward against this project's later profits" });
  // The same total (the rate times the total net), paid later: a lower NPV.
  await expect.poll(async () => amount(await figure(page, "Net present value"))).toBeLessThan(npvAtOnce);
  expect(Math.abs(amount(await figure(page, "Total tax")) - atOnce)).toBeLessThanOrEqual(1);
  await page.reload();
  await expect(page.getByLabel("A month of loss")).toHaveValue("carry-forward");
});

test("a marginal example and one that does not pay back load, with stage gates", async ({ page, axe }) => {
  await example(page, "Lead scoring");
  expect(amount(await figure(page, "Net present value"))).toBeGreaterThan(0);
  expect(await figure(page, "Expected NPV")).toMatch(/^-\$/);
  expect(await figure(page, "Capacity freed")).toMatch(/hours$/);

  await example(page, "Predictive maintenance");
  expect(await figure(page, "Net present value")).toMatch(/^-\$/);
  expect(await figure(page, "Payback")).toMatch(/^Not available/);
  const stages = page.getByRole("table", { name: /^Stages/ });
  await expect(stages.getByRole("rowheader")).toHaveText(["Proof of concept", "Pilot on 10 vans"]);
  // A third gate is added in the form, and the stages follow.
  await page.getByRole("button", { name: "Add a stage gate" }).click();
  await expect(stages.getByRole("rowheader")).toHaveCount(3);
  await page.getByRole("button", { name: "Remove gate 3" }).click();
  await expect(stages.getByRole("rowheader")).toHaveCount(2);
  await axe();
});

test("notes and a source per input travel in the share link", async ({ page, context }) => {
  await example(page, "Churn prediction");
  await expect(page.getByRole("textbox", { name: "Notes" })).toHaveValue(/holdout/);
  const sources = page.getByRole("group", { name: "Where the figures come from" });
  await sources.getByText(/^Benefits/).click();
  await page.getByLabel("Source of adoption ramp").fill("Rollout plan, v2");
  await expect(sources.getByText("Benefits (2 given)")).toBeVisible();
  const link = await page.getByLabel("Share link").inputValue();
  const reader = await context.newPage();
  await reader.goto(link);
  await expect(reader.getByText("Shared with you · read-only")).toBeVisible();
  // The reader sees them beside the figures they explain.
  await expect(reader.locator(".notes")).toContainText("holdout");
  await expect(reader.getByText("Source: Rollout plan, v2")).toBeVisible();
  await expect(reader.getByText("Source: Holdout test of the retention campaign, Q2")).toBeVisible();
  await reader.getByRole("button", { name: "Edit a copy" }).click();
  await expect(reader.getByLabel("Source of adoption ramp")).toHaveValue("Rollout plan, v2");
  await expect(reader.getByRole("textbox", { name: "Notes" })).toHaveValue(/holdout/);
});

test("a currency changes its symbol only, unless every amount is converted at a rate", async ({ page }) => {
  await example(page, "Churn prediction");
  const revenue = page.getByLabel(/^Revenue uplift \([^)]*\/ month\)$/);
  await expect(revenue).toHaveValue("45,000");
  const npv = amount(await figure(page, "Net present value"));
  await page.getByLabel("Currency").selectOption("EUR");
  await expect.poll(() => figure(page, "Net present value")).toMatch(/^€/);
  expect(amount(await figure(page, "Net present value"))).toBe(npv);
  await page.getByLabel(/^Multiply every amount by/).fill("0.5");
  await page.getByRole("button", { name: "Convert every amount" }).click();
  await expect(page.getByText("Every amount was multiplied by 0.5.")).toBeVisible();
  await expect(page.getByLabel(/^Revenue uplift \([^)]*\/ month\)$/)).toHaveValue("22,500");
  await expect(page.getByLabel("Monthly cost (ML engineer)")).toHaveValue("9,500");
  await expect.poll(async () => Math.abs(amount(await figure(page, "Net present value")) - npv / 2)).toBeLessThanOrEqual(1);
  await page.reload();
  await expect(page.getByLabel(/^Revenue uplift \([^)]*\/ month\)$/)).toHaveValue("22,500");
});

test.describe("with an English number format", () => {
  test.use({ locale: "en-US" });
  test("12.000 in a money field is asked about, not read", async ({ page }) => {
    await open(page, "#/roi");
    await page.getByRole("button", { name: "Start a blank model" }).click();
    const labelling = page.getByLabel(/^Labelling/);
    await labelling.fill("12.000");
    await expect(labelling).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("“12.000” could mean 12000 or 12: type 12,000 for the first, 12 for the second.")).toBeVisible();
  });
});

test.describe("with a German browser", () => {
  test.use({ locale: "de-DE" });
  test("12.000 reads as twelve thousand, figures are written 1.234,5, and the Saved page changes it", async ({ page }) => {
    await open(page, "#/roi");
    await page.getByRole("button", { name: "Start a blank model" }).click();
    await expect(page.getByRole("contentinfo")).toContainText("Numbers are written 1.234,5");
    const labelling = page.getByLabel(/^Labelling/);
    await labelling.fill("12.000");
    await expect(labelling).not.toHaveAttribute("aria-invalid", "true");
    await expect.poll(() => figure(page, "Total cost of ownership")).toBe("$12.000");
    // A ratio too is written with the reader's decimal mark.
    expect(await figure(page, "Benefit-cost ratio")).toMatch(/^\d+,\d{2}$/);
    // "12,000" is the question now.
    await labelling.fill("12,000");
    await expect(page.getByText("“12,000” could mean 12000 or 12: type 12.000 for the first, 12 for the second.")).toBeVisible();
    await labelling.fill("12.000");
    await expect.poll(() => figure(page, "Total cost of ownership")).toBe("$12.000");
    // Chosen on the Saved page, the other format applies on this device.
    const model = page.url();
    await page.getByRole("link", { name: "change it on the Saved page" }).click();
    await expect(page.getByLabel("Numbers are written")).toHaveValue("dot");
    await page.getByLabel("Numbers are written").selectOption({ label: "1,234.5" });
    await expect(page.getByLabel("Numbers are written")).toHaveValue("comma");
    await page.goto(model);
    await expect(page.getByLabel(/^Labelling/)).toHaveValue("12,000");
    await expect.poll(() => figure(page, "Total cost of ownership")).toBe("$12,000");
  });
});
