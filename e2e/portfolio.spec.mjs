// Project prioritisation and automation ROI through their interfaces.
import { test, expect, open, notReadyRun, NOT_READY_RUN } from "./fixtures.mjs";
import { encodeLink } from "./links.mjs";

async function figure(page, scope, name) {
  const item = scope.locator(".figure").filter({ has: page.getByText(name, { exact: true }) });
  return (await item.locator("dd").first().innerText()).trim();
}

const ranking = (page) => page.getByRole("table", { name: "Projects ranked" });
const firstRanked = (page) => ranking(page).locator("tbody tr").first().locator("th");

async function score(page, project, criterion, value) {
  await page.getByLabel(`${criterion} (${project})`, { exact: true }).selectOption(String(value));
}

test("four projects: a weight change reorders them, and an attached ROI model's NPV shows", async ({ page, axe }) => {
  // An ROI model to attach.
  await open(page, "#/roi");
  await page.getByRole("button", { name: "Start from this example: Demand forecasting for a retailer" }).click();
  await expect(page).toHaveURL(/#\/roi\/[a-z0-9]+$/);
  const npv = await figure(page, page.getByRole("region", { name: "Results" }), "Net present value");

  await open(page, "#/portfolio");
  await page.getByRole("button", { name: "Start an empty portfolio" }).click();
  await expect(page).toHaveURL(/#\/portfolio\/[a-z0-9]+$/);
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Add a project" }).click();
  const names = ["Fraud alerts", "Document OCR", "Churn model", "Search ranking"];
  const fields = page.getByLabel("Project name");
  await expect(fields).toHaveCount(4);
  for (let i = 0; i < 4; i++) await fields.nth(i).fill(names[i]);

  // Fraud alerts: high impact, hard on everything else. Document OCR: the reverse.
  // Fraud alerts must meet a regulator's date: urgent, though slow to give value.
  const criteria = ["Business impact", "Resource requirements", "Technical feasibility", "Time to value", "Urgency", "Risk factors"];
  const plan = {
    "Fraud alerts": [5, 1, 1, 1, 5, 1],
    "Document OCR": [1, 5, 5, 5, 1, 5],
    "Churn model": [3, 3, 3, 3, 3, 3],
    "Search ranking": [2, 2, 2, 2, 2, 2],
  };
  for (const [project, scores] of Object.entries(plan)) {
    for (let k = 0; k < criteria.length; k++) await score(page, project, criteria[k], scores[k]);
  }
  // Default weights 25/20/20/10/10/15: OCR (25 + 100 + 100 + 50 + 10 + 75)/100 = 3.60; churn 3.00;
  // fraud (125 + 20 + 20 + 10 + 50 + 15)/100 = 2.40; search 2.00.
  await expect(page.getByLabel("Weight of urgency")).toHaveValue("10");
  await expect(firstRanked(page)).toHaveText("Document OCR");
  await expect(ranking(page).locator("tbody tr").first()).toContainText("3.60");
  await expect(ranking(page).locator("tbody tr").nth(2)).toContainText("2.40");
  await expect(ranking(page).locator("tbody th")).toHaveText(["Document OCR", "Churn model", "Fraud alerts", "Search ranking"]);
  await expect(page.getByText(/How robust is the top of the weighted ranking\?/)).toBeVisible();

  // All the weight on business impact: fraud 5, churn 3, search 2, OCR 1.
  const weight = page.getByLabel("Weight of business impact");
  await weight.fill("100");
  await weight.press("Tab");
  await expect(page.getByLabel("Weight of risk factors")).toHaveValue("0");
  await expect(ranking(page).locator("tbody th")).toHaveText(["Fraud alerts", "Churn model", "Search ranking", "Document OCR"]);

  // Attach the ROI model: its NPV shows in the ranking.
  await page.getByLabel("ROI model (Churn model)").selectOption({ label: "Demand forecasting for a retailer" });
  const churnRow = ranking(page).locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: "Churn model" }) });
  await expect(churnRow).toContainText(npv);
  await expect(churnRow.getByRole("link", { name: npv })).toHaveAttribute("href", /#\/roi\/[a-z0-9]+$/);

  // Bad input: a duplicate and an empty name, each with its message at the field.
  await fields.nth(3).fill("fraud alerts ");
  await expect(page.getByText("Another project is already called “fraud alerts”; give this one a different name.")).toBeVisible();
  await fields.nth(3).fill("");
  await expect(page.getByText("Give the project a name.")).toBeVisible();
  await fields.nth(3).fill("Search ranking");

  // Another method, with its formula shown.
  await page.getByRole("radio", { name: "RICE" }).check();
  await expect(page.getByText("Reach × Impact × Confidence / Effort").first()).toBeVisible();
  await page.getByRole("group", { name: /RICE, WSJF and ICE inputs of Search ranking/ }).or(page.getByText("RICE, WSJF and ICE inputs of Search ranking")).first().click();
  await page.getByLabel("RICE effort (Search ranking)").fill("0");
  await expect(page.getByText("Effort must be more than 0 person-months.")).toBeVisible();
  // The ranking is withheld while a field holds what the model cannot take.
  const rankingPanel = page.getByRole("region", { name: "Ranking", exact: true });
  await expect(rankingPanel.getByRole("alert")).toHaveText(
    "The ranking is unavailable while 1 input is not valid. Fix the highlighted field to see it again.",
  );
  await expect(ranking(page)).toBeHidden();
  await axe();
  await page.getByLabel("RICE effort (Search ranking)").fill("2");
  await expect(rankingPanel.getByRole("alert")).toHaveCount(0);
  await expect(ranking(page)).toBeVisible();

  // Sorting by a column, announced by aria-sort.
  await page.getByRole("button", { name: "Project", exact: true }).click();
  await expect(ranking(page).locator("thead th").nth(1)).toHaveAttribute("aria-sort", "ascending");
  await expect(ranking(page).locator("tbody th").first()).toHaveText("Churn model");

  await page.reload();
  await expect(page.getByLabel("Weight of business impact")).toHaveValue("100");
  await expect(page.getByRole("radio", { name: "RICE" })).toBeChecked();
  await expect(page.getByLabel("Project name")).toHaveCount(4);
});

test("a portfolio shared before urgency was a criterion opens with its ranking unchanged", async ({ page }) => {
  // Format 2 had one "time constraints" criterion. It reads as time to value, with urgency weighted 0
  // and scored 3. Weights 30/20/20/15/15: B (30 + 100 + 100 + 75 + 75)/100 = 3.80,
  // C (90 + 60 + 60 + 30 + 45)/100 = 2.85, A (150 + 20 + 20 + 15 + 15)/100 = 2.20.
  const project = (id, s) => ({
    id, name: id, notes: "",
    scores: { "business-impact": s[0], "resource-requirements": s[1], "technical-feasibility": s[2], "time-constraints": s[3], "risk-factors": s[4] },
    rice: { reach: 100, impact: 1, confidence: 0.8, effort: 2 },
    wsjf: { business_value: 3, time_criticality: 3, risk_reduction: 3, job_size: 3 },
    ice: { impact: 5, confidence: 5, ease: 5 },
    estimated_cost: null, roi_model: null, readiness: null,
  });
  const doc = {
    kind: "portfolio", name: "Before urgency",
    data: { v: 2, portfolio: {
      name: "Before urgency", currency: "EUR",
      weights: { "business-impact": 30, "resource-requirements": 20, "technical-feasibility": 20, "time-constraints": 15, "risk-factors": 15 },
      method: "weighted", value_axis: "criteria", effort_axis: "criteria",
      projects: [project("A", [5, 1, 1, 1, 1]), project("B", [1, 5, 5, 5, 5]), project("C", [3, 3, 3, 2, 3])],
      capacity: { budget: null, person_months: null },
    } },
  };
  await page.goto("./" + encodeLink("portfolio", doc));
  await expect(page.getByText("Shared with you · read-only")).toBeVisible();
  await expect(ranking(page).locator("tbody th")).toHaveText(["B", "C", "A"]);
  await expect(ranking(page).locator("tbody tr").first()).toContainText("3.80");
  await expect(ranking(page).locator("tbody tr").nth(1)).toContainText("2.85");
  // A copy to edit carries the migrated weights and scores.
  await page.getByRole("button", { name: "Edit a copy" }).click();
  await expect(page.getByLabel("Weight of urgency")).toHaveValue("0");
  await expect(page.getByLabel("Weight of time to value")).toHaveValue("15");
  await expect(page.getByLabel("Time to value (C)", { exact: true })).toHaveValue("2");
  await expect(page.getByLabel("Urgency (C)", { exact: true })).toHaveValue("3");
  await expect(ranking(page).locator("tbody th")).toHaveText(["B", "C", "A"]);
});

test("the example portfolio: map, delete with confirmation, share link", async ({ page, axe }) => {
  await open(page, "#/portfolio");
  await page.getByRole("button", { name: "Start from the example" }).click();
  await expect(page.getByRole("img", { name: /Value \(.*\) against effort/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Quick win/ })).toBeVisible();
  const count = await page.getByLabel("Project name").count();
  const last = await page.getByLabel("Project name").last().inputValue();
  await page.getByRole("button", { name: `Delete ${last}` }).click();
  await page.getByRole("button", { name: "Keep it" }).click();
  await expect(page.getByLabel("Project name")).toHaveCount(count);
  await page.getByRole("button", { name: `Delete ${last}` }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page.getByLabel("Project name")).toHaveCount(count - 1);
  await axe();
  await page.emulateMedia({ colorScheme: "dark" });
  await axe();

  await page.getByRole("button", { name: "Copy link" }).click();
  const link = await page.getByLabel("Share link").inputValue();
  const order = await ranking(page).locator("tbody th").allInnerTexts();
  await page.goto(link);
  await expect(page.getByText("Shared with you · read-only")).toBeVisible();
  await expect(ranking(page).locator("tbody th")).toHaveText(order);
  await axe();
});

test("an attached readiness run's verdict shows in the ranking, and again when the portfolio is opened by its address", async ({ page }) => {
  await notReadyRun(page);

  await page.goto("./#/portfolio");
  await page.getByRole("button", { name: "Start from the example" }).click();
  const project = await page.getByLabel("Project name").first().inputValue();
  await page.getByLabel(`Readiness assessment (${project})`).selectOption({ label: NOT_READY_RUN });
  const row = () => ranking(page).locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: project }) });
  await expect(row().getByRole("link", { name: "Not ready" })).toHaveAttribute("href", /#\/assess\/readiness\/[A-Za-z0-9_-]+$/);
  await page.reload();
  await expect(row().getByRole("link", { name: "Not ready" })).toBeVisible();
  await expect(row()).not.toContainText("Not available");
});

test("automation ROI: figures, a bad share at its field, limitations carried into the summary", async ({ page, axe }) => {
  await open(page, "#/automation-roi");
  await page.getByRole("button", { name: "Start from the example" }).click();
  await expect(page).toHaveURL(/#\/automation-roi\/[a-z0-9]+$/);
  const results = page.getByRole("region", { name: "Results" });
  expect(await figure(page, results, "Hours saved per month")).toMatch(/^[\d,]+(\.\d)? h$/);
  expect(await figure(page, results, "Payback")).toMatch(/months?$/);
  await expect(results.getByRole("img", { name: /Hours per month by stage before and after automation/ })).toBeVisible();
  await expect(results.getByRole("table", { name: "Hours per month by stage" })).toContainText("Hyperparameter tuning");

  const share = page.getByLabel("Share of the time automated (Deployment)");
  await share.fill("150%");
  await expect(page.locator(".field--invalid").filter({ has: share })).toBeVisible();
  await expect(results.getByRole("alert")).toContainText("Results are unavailable while 1 input is not valid");
  await share.fill("60%");
  await expect(results.getByRole("alert")).toHaveCount(0);

  await page.getByRole("checkbox", { name: /Data drift/ }).check();
  await expect(results.getByText("Limitations you ticked").locator("xpath=following-sibling::ul[1]")).toContainText("Data drift");
  await axe();
  await page.emulateMedia({ colorScheme: "dark" });
  await axe();

  await page.reload();
  await expect(page.getByRole("checkbox", { name: /Data drift/ })).toBeChecked();
  await expect(page.getByLabel("Share of the time automated (Deployment)")).toHaveValue("60");
  const saved = await figure(page, results, "Money saved per year");
  await page.getByRole("button", { name: "Copy link" }).click();
  await page.goto(await page.getByLabel("Share link").inputValue());
  await expect(page.getByText("Shared with you · read-only")).toBeVisible();
  expect(await figure(page, page.getByRole("region", { name: "Results" }), "Money saved per year")).toBe(saved);
  await axe();
});

test("what fits a budget: taken in ranking order with what each needs, the rest with the reason", async ({ page, axe }) => {
  await open(page, "#/portfolio");
  await page.getByRole("button", { name: "Start from the example" }).click();
  const fits = page.getByRole("region", { name: "What fits" });
  const taken = fits.getByRole("list", { name: "Projects that fit" });
  // No limit: every project with a score.
  await expect(taken.getByRole("listitem")).toHaveCount(5);
  await fits.getByLabel(/^Budget/).fill("100,000");
  const left = fits.getByRole("list", { name: "Projects left out" });
  await expect(left).toContainText(/Demand forecasting: costs 320,000, and [\d,]+ of the budget is left/);
  const total = await fits.getByText(/^Together they cost/).innerText();
  expect(Number(total.match(/cost \$([\d,]+)/)[1].replace(/,/g, ""))).toBeLessThanOrEqual(100000);
  // A project that needs another comes in with it or not at all.
  const first = (await taken.getByRole("listitem").first().innerText()).trim();
  await page.getByRole("group", { name: `Needs these projects first (${first})` }).getByLabel("Demand forecasting").check();
  await expect(taken.getByRole("listitem").filter({ hasText: first })).toHaveCount(0);
  await expect(left).toContainText(`${first}: costs`);
  await expect(left).toContainText("with the projects it needs");
  await axe();
  await page.reload();
  await expect(page.getByRole("region", { name: "What fits" }).getByLabel(/^Budget/)).toHaveValue("100,000");
});

test("automation ROI: a ramp, upkeep and a ticked limitation's cost lower the net saving; the horizon is in years", async ({ page }) => {
  await open(page, "#/automation-roi");
  await page.getByRole("button", { name: "Start from the example" }).click();
  const results = page.getByRole("region", { name: "Results" });
  await expect(page.getByLabel(/^Horizon/)).toHaveValue("3");
  await expect(page.getByLabel(/^Adoption ramp/)).toHaveValue("4");
  const gross = Number((await figure(page, results, "Gross saving per month")).replace(/[^\d]/g, ""));
  const net = Number((await figure(page, results, "Net saving per month")).replace(/[^\d-]/g, ""));
  // Licence 2,500, compute 900, upkeep 1,500 and drift monitoring 400.
  expect(gross - net).toBe(5300);
  await page.getByLabel(/^Drift monitoring/).fill("1,400");
  await expect.poll(async () => Number((await figure(page, results, "Net saving per month")).replace(/[^\d-]/g, ""))).toBe(net - 1000);
  await page.getByRole("checkbox", { name: /Data drift/ }).uncheck();
  await expect.poll(async () => Number((await figure(page, results, "Net saving per month")).replace(/[^\d-]/g, ""))).toBe(net + 400);
});
