// Accessibility beyond the axe scan: a visible focus ring on everything that
// takes keyboard focus, no motion for readers who ask for less, and no
// sideways scrolling at 200% zoom on a 1280 px wide window (a 640 px wide
// viewport in CSS pixels), on every view.
import { test, expect, open, notReadyRun } from "./fixtures.mjs";

const views = [
  { name: "home", reach: (page) => open(page, "#/") },
  { name: "saved", reach: (page) => open(page, "#/saved") },
  { name: "roi start", reach: (page) => open(page, "#/roi") },
  {
    name: "roi example editor",
    reach: async (page) => {
      await open(page, "#/roi");
      await page.getByRole("button", { name: /Start from this example: Demand forecasting/ }).click();
      await expect(page.getByRole("img", { name: /Cumulative cash flow/ })).toBeVisible();
    },
  },
  { name: "skills intro", reach: (page) => open(page, "#/assess/skills") },
  { name: "readiness intro", reach: (page) => open(page, "#/assess/readiness") },
  { name: "automation intro", reach: (page) => open(page, "#/assess/automation") },
  { name: "team intro", reach: (page) => open(page, "#/assess/team") },
  {
    name: "assessment step",
    reach: async (page) => {
      await open(page, "#/assess/skills");
      await page.getByRole("button", { name: "Start the assessment" }).click();
      await expect(page.locator("fieldset.question").first()).toBeVisible();
    },
  },
  {
    name: "assessment results",
    reach: async (page) => {
      await notReadyRun(page);
      await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();
    },
  },
  { name: "portfolio", reach: (page) => open(page, "#/portfolio") },
  { name: "automation roi", reach: (page) => open(page, "#/automation-roi") },
  { name: "not found", reach: (page) => open(page, "#/nowhere") },
];

/** Describes the focused element and how its focus is drawn; `repeat` once
 *  focus comes back to an element already seen. */
function focused() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const seen = (window.__focusSeen ??= new Set());
  if (seen.has(el)) return { repeat: true };
  seen.add(el);
  const style = getComputedStyle(el);
  const label = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("name") || el.id || "").trim().slice(0, 40);
  return {
    repeat: false,
    what: `${el.tagName.toLowerCase()}${el.type ? `[${el.type}]` : ""} "${label}"`,
    focusVisible: el.matches(":focus-visible"),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
  };
}

for (const view of views) {
  test(`${view.name}: every focusable element shows a focus ring`, async ({ page }) => {
    await view.reach(page);
    let count = 0;
    const missing = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press("Tab");
      const f = await page.evaluate(focused);
      // Nothing focused: before the first element or past the last one
      // (Tab after a button that replaced itself can start anywhere, even
      // on the footer's last link); Tab goes round to the first.
      if (f === null) continue;
      if (f.repeat) break; // round again
      count += 1;
      const transparent = /rgba\(.*,\s*0\)$/.test(f.outlineColor) || f.outlineColor === "transparent";
      if (!f.focusVisible || f.outlineStyle === "none" || f.outlineWidth < 2 || transparent) {
        missing.push(`${f.what}: ${f.outlineStyle} ${f.outlineWidth}px ${f.outlineColor}`);
      }
    }
    expect(count, "focusable elements reached by Tab").toBeGreaterThan(2);
    expect(missing, "elements focused without a visible ring").toEqual([]);
  });
}

test("with reduced motion asked for, nothing moves on any view", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  for (const view of views) {
    await view.reach(page);
    const moving = await page.evaluate(() => {
      const found = [];
      for (const el of document.querySelectorAll("*")) {
        for (const pseudo of [null, "::before", "::after"]) {
          const s = getComputedStyle(el, pseudo);
          const transition = s.transitionDuration.split(",").some((d) => parseFloat(d) > 0);
          if (transition || s.animationName !== "none") found.push(`${el.tagName.toLowerCase()}${pseudo ?? ""}.${el.className}`);
        }
      }
      if (getComputedStyle(document.documentElement).scrollBehavior === "smooth") found.push("html: smooth scrolling");
      return found;
    });
    expect(moving, view.name).toEqual([]);
  }
});

test("at 200% zoom on a 1280 px window no view scrolls sideways", async ({ page }) => {
  // 1280 CSS px at 200% zoom lay out like a 640 px wide viewport.
  await page.setViewportSize({ width: 640, height: 400 });
  for (const view of views) {
    await view.reach(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, view.name).toBeLessThanOrEqual(0);
  }
});
