// Assessment verdicts a reviewer would sign (issue 28): readiness judged at
// the project's stage and capped by the ML Test Score, "Incomplete" while a
// critical question is unanswered, skills bands named like the levels, and
// team options that read as maturity, not frequency.
import { test, expect, open } from "./fixtures.mjs";

/**
 * Answers every step up to the review. `pick(prompt)` names the option to
 * choose for a question (a regular expression on the radio's name), or
 * null to skip it. Returns the headings of the steps shown.
 */
async function answerAll(page, pick) {
  const steps = [];
  for (let n = 0; n < 20; n++) {
    const heading = page.locator("#step-heading");
    await expect(heading).toBeVisible();
    const title = (await heading.innerText()).trim();
    if (title === "Review your answers") return steps;
    steps.push(title);
    const questions = page.locator("fieldset.question");
    await expect(questions.first()).toBeVisible();
    const count = await questions.count();
    for (let i = 0; i < count; i++) {
      const q = questions.nth(i);
      const prompt = (await q.locator("legend").innerText()).trim();
      const option = pick(prompt, title);
      if (option) await q.getByRole("radio", { name: option }).first().check();
    }
    await page.getByRole("button", { name: "Next" }).click();
    // The step changes; wait for its heading to differ.
    await expect(heading).not.toHaveText(title);
  }
  throw new Error("never reached the review");
}

const BUILD = /^Deciding whether to build it/;
const LAUNCH = /^About to launch, or already in production/;
const isTest = (step) => /tests/i.test(step);

async function startReadiness(page, name) {
  await open(page, "#/assess/readiness");
  await page.getByLabel("Name of this run").fill(name);
  await page.getByRole("button", { name: "Start the assessment" }).click();
}

async function finish(page) {
  await page.getByRole("button", { name: "Finish and see results" }).click();
  await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();
}

test("before building, strong business answers are Ready and no ML Test Score question is asked", async ({ page, axe }) => {
  await startReadiness(page, "Churn model, go/no-go");
  const steps = await answerAll(page, (prompt, step) => (step === "Project stage" ? BUILD : /^Exemplary/));
  expect(steps[0]).toBe("Project stage");
  expect(steps.filter(isTest)).toEqual([]);
  await finish(page);
  await expect(page.getByRole("heading", { name: "Verdict: Ready", exact: true })).toBeVisible();
  await expect(page.getByText("The ML Test Score is not asked at this stage.")).toBeVisible();
  // The stage is shown with the results, not scored.
  await expect(page.locator(".figure").filter({ hasText: "Where is this project now?" })).toContainText("Deciding whether to build it");
  await expect(page.getByText("Churn model, go/no-go ·")).toBeVisible();
  await axe();
});

test("at launch, every test not done is Not ready and names the ML Test Score", async ({ page }) => {
  await startReadiness(page, "Fraud model launch");
  const steps = await answerAll(page, (prompt, step) => (step === "Project stage" ? LAUNCH : isTest(step) ? /^Not done/ : /^Exemplary/));
  expect(steps.filter(isTest)).toHaveLength(4);
  await finish(page);
  const verdict = page.getByRole("region", { name: "Verdict: Not ready" });
  await expect(verdict).toBeVisible();
  await expect(verdict).toContainText("The ML Test Score scores 0.0 (Research project).");
});

test("at launch, every test done by hand (3.5) with strong business answers is Ready", async ({ page }) => {
  await startReadiness(page, "Search ranking launch");
  await answerAll(page, (prompt, step) => (step === "Project stage" ? LAUNCH : isTest(step) ? /^Done manually/ : /^Exemplary/));
  await finish(page);
  await expect(page.getByRole("heading", { name: "Verdict: Ready", exact: true })).toBeVisible();
  await expect(page.locator(".figure").filter({ hasText: "ML Test Score" }).locator("dd").first()).toHaveText("3.5");
});

test("a skipped critical question gives Incomplete, naming it, on the review and in the results", async ({ page }) => {
  await startReadiness(page, "Pricing model");
  await answerAll(page, (prompt, step) =>
    prompt === "Accountable owner" ? null : step === "Project stage" ? LAUNCH : isTest(step) ? /^Automated/ : /^Exemplary/,
  );
  const review = page.getByRole("region", { name: "Verdict: Incomplete" });
  await expect(review).toBeVisible();
  await expect(review).toContainText("Accountable owner");
  await finish(page);
  const verdict = page.getByRole("region", { name: "Verdict: Incomplete" });
  await expect(verdict).toBeVisible();
  await expect(verdict.getByRole("listitem")).toHaveText(["Accountable owner"]);
});

test("skills answered Independent everywhere show the band named Independent", async ({ page }) => {
  await open(page, "#/assess/skills");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await answerAll(page, (prompt, step) => (step === "Scope of your work" ? /./ : /^Independent/));
  await finish(page);
  const overall = page.locator(".figure").filter({ hasText: "Overall" });
  await expect(overall.locator("dd").first()).toHaveText("50");
  await expect(overall.locator("strong")).toHaveText("Independent");
  // A target profile ranks growth by the gap to it, with the next level up.
  await page.getByLabel("Compare with a target profile").selectOption({ label: "Senior" });
  await expect(page.getByRole("heading", { name: "Largest gaps to your target, and what to do next" })).toBeVisible();
  await expect(page.getByRole("region", { name: /Largest gaps/ }).getByText(/Independent to Advanced\./).first()).toBeVisible();
});

test("no team option reads as a frequency, and not applicable speaks of the team", async ({ page }) => {
  await open(page, "#/assess/team");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  const labels = [];
  const naTexts = [];
  for (let n = 0; n < 20; n++) {
    const heading = page.locator("#step-heading");
    const title = (await heading.innerText()).trim();
    if (title === "Review your answers") break;
    await expect(page.locator("fieldset.question").first()).toBeVisible();
    labels.push(...(await page.locator(".option__label").allInnerTexts()));
    naTexts.push(...(await page.locator(".option--na .option__text").allInnerTexts()));
    await page.getByRole("button", { name: "Next" }).click();
    await expect(heading).not.toHaveText(title);
  }
  expect(labels.length).toBeGreaterThan(150);
  expect(labels.filter((l) => /Rarely|Sometimes|Often/.test(l))).toEqual([]);
  expect(new Set(labels.filter((l) => l !== "Not applicable"))).toEqual(new Set(["Absent", "Ad hoc", "Defined", "Routine", "Embedded"]));
  expect(naTexts.length).toBeGreaterThan(0);
  expect(new Set(naTexts)).toEqual(new Set(["This does not apply to our team."]));
});

test("runs are named, several can be in progress, and taking one again starts from its answers", async ({ page }) => {
  await open(page, "#/assess/automation");
  for (const name of ["Pipeline A", "Pipeline B"]) {
    await page.getByLabel("Name of this run").fill(name);
    await page.getByRole("button", { name: "Start the assessment" }).click();
    await expect(page.getByLabel("Name of this run")).toHaveValue(name);
    if (name === "Pipeline A") await page.locator("fieldset.question").first().getByRole("radio").nth(2).check();
    await page.getByRole("button", { name: "Introduction and all runs" }).click();
  }
  const inProgress = page.getByRole("region", { name: "Runs in progress" });
  // Newest first.
  await expect(inProgress.getByRole("button")).toHaveText(["Continue “Pipeline B”", "Continue “Pipeline A”"]);
  await inProgress.getByRole("button", { name: "Continue “Pipeline A”" }).click();
  await expect(page.locator("fieldset.question").first().getByRole("radio").nth(2)).toBeChecked();
  // Renamed from inside the run.
  await page.getByLabel("Name of this run").fill("Pipeline A, nightly");
  await page.getByLabel("Name of this run").press("Tab");
  for (let i = 0; i < 10; i++) {
    const finish = page.getByRole("button", { name: "Finish and see results" });
    if (await finish.isVisible()) break;
    await page.getByRole("button", { name: "Next" }).click();
  }
  await page.getByRole("button", { name: "Finish and see results" }).click();
  await expect(page.getByText(/^Pipeline A, nightly · Automation readiness · completed/)).toBeVisible();
  await page.getByRole("button", { name: "Take it again" }).click();
  await expect(page.getByLabel("Name of this run")).toHaveValue("Pipeline A, nightly (again)");
  await expect(page.locator("fieldset.question").first().getByRole("radio").nth(2)).toBeChecked();
});
