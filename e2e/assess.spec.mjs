// Guided self-assessments: the skills assessment completed by keyboard alone,
// resumed after a reload, and scored on the page.
import { test, expect, open, notReadyRun } from "./fixtures.mjs";
import { readFile } from "node:fs/promises";

/** Answers every question of the current step with level 3, by keyboard, then presses Next. */
async function answerStepByKeyboard(page, axe) {
  await axe();
  const groups = await page.locator("fieldset.question").count();
  // Focus starts on the step heading; Tab enters the first radio group.
  await page.locator("#step-heading").focus();
  for (let g = 0; g < groups; g++) {
    await page.keyboard.press("Tab");
    await expect(page.locator("fieldset.question input:focus")).toHaveCount(1);
    await page.keyboard.press("Space"); // level 1
    await page.keyboard.press("ArrowDown"); // level 2
    await page.keyboard.press("ArrowDown"); // level 3
    // Then the question's own evidence field, optional, left empty.
    await page.keyboard.press("Tab");
    await expect(page.locator("fieldset.question textarea:focus")).toHaveCount(1);
  }
  // On to "Next": Tab past the other buttons.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === "Next") break;
  }
  await page.keyboard.press("Enter");
}

test("the skills assessment by keyboard alone: resume after reload, review, results", async ({ page, axe }) => {
  // 58 questions by keyboard with an axe scan on every step: about 40 s on an
  // idle machine, so it gets more than the default minute.
  test.setTimeout(240_000);
  await open(page, "#/assess/skills");
  await expect(page.getByRole("heading", { level: 1, name: "ML engineer skills" })).toBeVisible();
  await axe();
  await page.getByRole("button", { name: "Start the assessment" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Step 1 of 11")).toBeVisible();
  await axe();

  for (let step = 1; step <= 4; step++) {
    await answerStepByKeyboard(page, axe);
    await expect(page.getByText(`Step ${step + 1} of 11`)).toBeVisible();
  }
  const progress = await page.getByText(/\d+ of \d+ answered/).innerText();

  // A reload resumes where the person left off, answers kept: the address
  // names the run.
  await expect(page).toHaveURL(/#\/assess\/skills\/[A-Za-z0-9_-]+$/);
  await page.reload();
  await expect(page.getByText("Step 5 of 11")).toBeVisible();
  await expect(page.getByText(/\d+ of \d+ answered/)).toHaveText(progress);
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByText("Step 4 of 11")).toBeVisible();
  const checked = await page.locator("fieldset.question input:checked").count();
  expect(checked).toBe(await page.locator("fieldset.question").count());
  await page.getByRole("button", { name: "Next" }).click();

  for (let step = 5; step <= 10; step++) {
    await answerStepByKeyboard(page, axe);
  }
  await expect(page.getByRole("heading", { name: "Review your answers" })).toBeVisible();
  await expect(page.getByText("You answered every question.")).toBeVisible();
  await page.getByRole("button", { name: "Finish and see results" }).focus();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();
  // Every answer at level 3 of 1-5 is 50 on 0-100, in every area and overall.
  const overall = page.locator(".figure").filter({ hasText: "Overall" });
  await expect(overall.locator("dd").first()).toHaveText("50");
  await expect(overall.locator("strong")).toHaveText("Independent");
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(9);
  for (let i = 0; i < 9; i++) await expect(rows.nth(i).locator("td").first()).toHaveText("50");
  await expect(page.getByRole("heading", { name: /Largest growth areas/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Radar chart of scores by area/ })).toBeVisible();

  // A target profile adds its targets and the gap per area.
  await page.getByLabel("Compare with a target profile").selectOption({ label: "Senior" });
  await expect(page.getByRole("columnheader", { name: "Target (Senior)" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Gap" })).toBeVisible();
  await expect(rows.first().locator("td").nth(4)).toHaveText(/to go|met/);
  await page.screenshot({ path: "e2e/.output/skills-results.png", fullPage: true });

  // One's own targets start from the profile shown, are editable and kept.
  const seniorTarget = await rows.first().locator("td").nth(3).innerText();
  await page.getByLabel("Compare with a target profile").selectOption({ label: "My own targets" });
  await expect(page.getByRole("columnheader", { name: "Target (My own targets)" })).toBeVisible();
  await expect(page.getByLabel("Target for Technical excellence")).toHaveValue(seniorTarget);
  await expect(rows.first().locator("td").nth(3)).toHaveText(seniorTarget);
  await page.getByLabel("Target for Technical excellence").fill("100");
  await expect(rows.first().locator("td").nth(3)).toHaveText("100");
  await expect(rows.first().locator("td").nth(4)).toHaveText("50 to go");
  await page.getByLabel("Target for Technical excellence").fill("150");
  await expect(page.getByText("Enter from 0 to 100.")).toBeVisible();
  await page.getByRole("button", { name: "Introduction and all runs" }).click();
  await page.getByRole("button", { name: /, completed / }).click();
  await expect(page.getByLabel("Compare with a target profile")).toHaveValue("custom");
  await expect(rows.first().locator("td").nth(3)).toHaveText("100");
  await axe();

  // The run is listed in the history.
  await page.getByRole("button", { name: "Introduction and all runs" }).click();
  await expect(page.getByRole("button", { name: /, completed / })).toHaveCount(1);
});

test("review lists unanswered questions with a way to each", async ({ page }) => {
  await open(page, "#/assess/team");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  const steps = Number((await page.getByText(/Step 1 of \d+/).innerText()).match(/of (\d+)/)[1]);
  for (let i = 1; i < steps; i++) await page.getByRole("button", { name: "Skip this section" }).click();
  await expect(page.getByRole("heading", { name: "Review your answers" })).toBeVisible();
  await expect(page.getByText(/questions are unanswered/)).toBeVisible();
  const goTo = page.getByRole("button", { name: /^Go to / }).first();
  const name = (await goTo.innerText()).replace("Go to ", "");
  await goTo.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});

test("readiness: a critical item at its lowest level is a red flag", async ({ page }) => {
  await notReadyRun(page);
  await expect(page.getByRole("heading", { name: "Red flags" })).toBeVisible();
  await page.getByRole("button", { name: "Open a new ROI model for this project" }).click();
  await expect(page.getByLabel("Model name")).toHaveValue(/^ROI of the project assessed on/);
});

test("a completed skills run shares as a short link that opens read-only elsewhere", async ({ page, browser }) => {
  await open(page, "#/assess/skills");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  for (let step = 1; step <= 10; step++) {
    const questions = page.locator("fieldset.question");
    // The first step's questions may still be on their way (the later bundle).
    await expect(questions.first()).toBeVisible();
    const n = await questions.count();
    for (let i = 0; i < n; i++) await questions.nth(i).getByRole("radio").nth(3).check();
    await page.getByRole("button", { name: "Next" }).click();
  }
  await page.getByRole("button", { name: "Finish and see results" }).click();
  await expect(page.locator(".figure").filter({ hasText: "Overall" }).locator("dd").first()).toHaveText("75");
  const link = await page.getByLabel("Share link").inputValue();
  console.log(`completed 58-item skills assessment: share link of ${link.length} characters`);
  expect(link.length).toBeLessThan(2000);

  // The Saved view opens the run itself.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Saved" }).click();
  await page.getByRole("link", { name: /^ML engineer skills/ }).click();
  await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();

  const context = await browser.newContext();
  const reader = await context.newPage();
  await reader.goto(link);
  await expect(reader.getByText("Shared with you · read-only")).toBeVisible();
  await expect(reader.locator(".figure").filter({ hasText: "Overall" }).locator("dd").first()).toHaveText("75");
  await reader.getByRole("button", { name: "Edit a copy" }).click();
  await expect(reader.getByRole("heading", { name: "Your results" })).toBeVisible();
  await context.close();
});

test("evidence noted on an answer is kept, reviewed, listed with the results, exported and shared", async ({ page, browser, axe }) => {
  const note = "Merged the feature store client, https://example.com/pr/412";
  const label = "Evidence (optional): what you did, or a link";
  await open(page, "#/assess/skills");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  const questions = page.locator("fieldset.question");
  await expect(questions.first()).toBeVisible();
  const prompt = await questions.first().locator("legend").innerText();
  const first = page.getByRole("group", { name: prompt, exact: true });
  await first.getByLabel(label, { exact: true }).fill(`  ${note}  `);
  await first.getByLabel(label, { exact: true }).press("Tab");
  for (let step = 1; step <= 10; step++) {
    await expect(questions.first()).toBeVisible();
    const n = await questions.count();
    for (let i = 0; i < n; i++) await questions.nth(i).getByRole("radio").nth(3).check();
    await page.getByRole("button", { name: "Next" }).click();
    if (step === 1) {
      // Kept on Back, trimmed.
      await page.getByRole("button", { name: "Back" }).click();
      await expect(first.getByLabel(label, { exact: true })).toHaveValue(note);
      await page.getByRole("button", { name: "Next" }).click();
    }
  }
  await expect(page.getByRole("heading", { name: "Review your answers" })).toBeVisible();
  const reviewed = page.getByRole("region", { name: "Evidence you noted" });
  await expect(reviewed.getByRole("listitem")).toHaveCount(1);
  await expect(reviewed.getByRole("listitem")).toContainText(prompt);
  await expect(reviewed.getByRole("listitem")).toContainText(note);
  await axe();
  await page.getByRole("button", { name: "Finish and see results" }).click();

  const listed = page.getByRole("region", { name: "Evidence", exact: true });
  await expect(listed.getByRole("listitem")).toContainText(note);
  await expect(listed.getByRole("listitem")).toContainText(/\(noted \d{1,2} \w{3} \d{4}, \d{2}:\d{2}\)/);
  await axe();
  await page.reload();
  await expect(listed.getByRole("listitem")).toContainText(note);

  // The CSV's evidence column holds the note as text.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download answers (CSV)" }).click()]);
  const [header, row] = (await readFile(await download.path(), "utf8")).split("\n");
  expect(header).toBe("section,item,question,value,level,evidence");
  expect(row.endsWith(`,"${note}"`)).toBe(true);

  // The share link carries it.
  const link = await page.getByLabel("Share link").inputValue();
  const context = await browser.newContext();
  const reader = await context.newPage();
  await reader.goto(link);
  await expect(reader.getByText("Shared with you · read-only")).toBeVisible();
  await expect(reader.getByRole("region", { name: "Evidence", exact: true }).getByRole("listitem")).toContainText(note);
  await context.close();
});

test("two runs compare area by area", async ({ page, axe }) => {
  async function complete(level) {
    await page.getByRole("button", { name: /Start the assessment|Take it again/ }).first().click();
    for (let step = 0; step < 8; step++) {
      const questions = page.locator("fieldset.question");
      await expect(questions.first()).toBeVisible();
      const n = await questions.count();
      for (let i = 0; i < n; i++) await questions.nth(i).getByRole("radio").nth(level).check();
      await page.getByRole("button", { name: "Next" }).click();
    }
    await page.getByRole("button", { name: "Finish and see results" }).click();
    await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();
  }
  await open(page, "#/assess/automation");
  await complete(1); // level 2 of 5: 25
  const first = page.getByRole("region", { name: "Stages to automate first" });
  await expect(first.locator("ol > li")).toHaveCount(7);
  // Gain 25%, automated 25%, oversight 25%, stability 25%:
  // 100 × 0.25 × 0.75 × 0.625 × 0.625 ≈ 7.
  await expect(first.locator("ol > li").first()).toContainText("priority 7 of 100");
  await page.waitForTimeout(20); // distinct completion times
  await complete(3); // level 4 of 5: 75
  const fs = await import("node:fs/promises");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download answers (CSV)" }).click()]);
  const lines = (await fs.readFile(await csv.path(), "utf8")).trim().split("\n");
  expect(lines[0]).toBe("section,item,question,value,level,evidence");
  expect(lines).toHaveLength(1 + 29);
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download chart as PNG" }).click()]);
  expect(png.suggestedFilename()).toBe("sextant-scores.png");
  const bytes = await fs.readFile(await png.path());
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  await page.getByRole("button", { name: "Introduction and all runs" }).click();
  const boxes = page.getByRole("checkbox", { name: /^Compare “/ });
  await expect(boxes).toHaveCount(2);
  const compare = page.getByRole("button", { name: "Compare the two selected runs" });
  await expect(compare).toBeDisabled();
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await compare.click();
  await expect(page.getByRole("heading", { name: "How your scores changed" })).toBeVisible();
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(8);
  for (let i = 0; i < 8; i++) {
    await expect(rows.nth(i).locator("td")).toHaveText(["25", "75", "+50"]);
  }
  await axe();
});
