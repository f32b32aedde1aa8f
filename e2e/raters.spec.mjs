// A second rater in one link: a self rating with evidence, shared; the link
// rated again by a manager in another browser; both ratings side by side,
// the questions two levels or more apart first; kept on reload and shared as
// one link.
import { test, expect, open } from "./fixtures.mjs";
import AxeBuilder from "@axe-core/playwright";

/** No axe violation at WCAG 2.1 AA on `page` (a page of another context). */
async function noViolations(page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

const EVIDENCE = "Evidence (optional): what you did, or a link";

/**
 * Answers the 10 steps of the skills assessment at level 4 ("radio 3"), but
 * on step 2 (technical excellence) the first two questions at `first` and
 * `second`, with `note` on the first; then finishes.
 */
async function rate(page, { first, second, note }) {
  const questions = page.locator("fieldset.question");
  for (let step = 1; step <= 10; step++) {
    await expect(questions.first()).toBeVisible();
    const n = await questions.count();
    for (let i = 0; i < n; i++) {
      const level = step === 2 && i === 0 ? first : step === 2 && i === 1 ? second : 3;
      await questions.nth(i).getByRole("radio").nth(level).check();
    }
    if (step === 2) {
      await questions.first().getByLabel(EVIDENCE, { exact: true }).fill(note);
      await questions.first().getByLabel(EVIDENCE, { exact: true }).press("Tab");
    }
    await page.getByRole("button", { name: "Next" }).click();
  }
  await page.getByRole("button", { name: "Finish and see results" }).click();
  await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();
}

test("a manager rates a shared self rating; the two show side by side, apart first, in one link", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await open(page, "#/assess/skills");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await rate(page, { first: 3, second: 3, note: "Wrote the ranking service, PR 412" });
  const selfLink = await page.getByLabel("Share link").inputValue();

  // The manager, in a browser of their own.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await manager.goto(selfLink);
  const offer = manager.getByRole("region", { name: "Rate this person too" });
  await expect(offer).toBeVisible();
  await expect(offer.getByLabel("You rate as")).toHaveValue("manager");
  await noViolations(manager);
  await offer.getByLabel("Your name (optional)").fill("Bo");
  await offer.getByRole("button", { name: "Rate this person too" }).click();
  await expect(manager.getByText("You are rating as Manager (Bo).")).toBeVisible();
  // The self rating stays out of sight while rating.
  await expect(manager.getByText("Wrote the ranking service, PR 412")).toHaveCount(0);
  // Step 2's first question three levels lower (4 to 1), the second two (4 to 2).
  await rate(manager, { first: 0, second: 1, note: "Seen in pairing only" });

  const both = manager.getByRole("region", { name: "Two ratings side by side" });
  await expect(both).toContainText(
    "Both rated 58 questions: two levels or more apart on 2 (listed first), one level apart on 0, the same on 56.",
  );
  const rows = both.getByRole("table").last().locator("tbody tr");
  await expect(rows.nth(0)).toContainText("Discuss");
  await expect(rows.nth(0).locator("td").last()).toHaveText("+3");
  await expect(rows.nth(0)).toContainText("Wrote the ranking service, PR 412");
  await expect(rows.nth(0)).toContainText("Seen in pairing only");
  await expect(rows.nth(1).locator("td").last()).toHaveText("+2");
  // The other 56 were rated alike: folded away below the table.
  await expect(rows).toHaveCount(2);
  const same = both.getByText("56 questions rated at the same level");
  await expect(same).toBeVisible();
  await same.click();
  await expect(both.getByRole("listitem")).toHaveCount(56);
  await expect(both.getByRole("columnheader", { name: "Manager (Bo)" }).first()).toBeVisible();
  // One outline a rater, both in the chart's text.
  await expect(manager.getByRole("img", { name: /^Radar chart of scores by area, 0 to 100, by Self and by Manager \(Bo\): Technical excellence 75 and \d+;/ })).toBeVisible();
  await noViolations(manager);
  await both.screenshot({ path: "e2e/.output/two-ratings.png" });

  await manager.reload();
  await expect(both.locator("tbody tr").filter({ hasText: "Discuss" })).toHaveCount(2);

  // One link carries both: the engineer opens it.
  const bothLink = await manager.getByLabel("Share link").inputValue();
  await managerContext.close();
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await reader.goto(bothLink);
  await expect(reader.getByText("This result holds two ratings, by Self and by Manager (Bo)")).toBeVisible();
  const shared = reader.getByRole("region", { name: "Two ratings side by side" });
  await expect(shared.getByRole("table").last().locator("tbody tr").first()).toContainText("Seen in pairing only");
  await readerContext.close();
});
