// Share links, the read-only view, bad links, and embedding in a host page
// served from another origin.
import { test, expect, open } from "./fixtures.mjs";
import { ports } from "./ports.mjs";

async function figure(page, name) {
  const item = page.locator(".figure").filter({ has: page.getByText(name, { exact: true }) });
  return (await item.locator("dd").first().innerText()).trim();
}

async function shareLinkOfExample(page) {
  await open(page, "#/roi");
  await page.getByRole("button", { name: /Start from this example: Churn prediction/ }).click();
  await expect(page.getByLabel("Model name")).toHaveValue(/Churn/);
  await page.getByLabel("Model name").fill("Churn <script>alert(1)</script>");
  const npv = await figure(page, "Net present value");
  const link = await page.getByLabel("Share link").inputValue();
  return { link, npv };
}

test("a share link opens read-only elsewhere and can be saved as a copy", async ({ page, browser, axe }) => {
  const { link, npv } = await shareLinkOfExample(page);
  // The address names the kind of document, so the page fetches only its view.
  expect(link).toMatch(/#\/s\/roi\/v1\.[A-Za-z0-9_-]+$/);
  // With the example's notes and sources it carries.
  expect(link.length).toBeLessThan(2000);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Link copied|Copying failed/ })).toBeVisible();

  // A reader with their own saved work opens the link in a fresh browser.
  const context = await browser.newContext();
  const reader = await context.newPage();
  const errors = [];
  reader.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await reader.goto(link.replace(/#.*$/, "") + "#/roi");
  await reader.getByRole("button", { name: "Start a blank model" }).click();
  await reader.getByLabel("Model name").fill("Reader's own model");
  const before = await reader.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

  await reader.goto(link);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Churn <script>alert(1)</script>");
  await expect(reader.getByText("Shared with you · read-only")).toBeVisible();
  expect(await figure(reader, "Net present value")).toBe(npv);
  expect(await reader.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);

  await reader.getByRole("button", { name: "Save a copy to my browser" }).click();
  await reader.getByRole("link", { name: "Open your copy" }).click();
  await expect(reader.getByLabel("Model name")).toHaveValue("Churn <script>alert(1)</script>");
  await reader.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Saved" }).click();
  await expect(reader.getByRole("link", { name: "Reader's own model" })).toBeVisible();
  await expect(reader.getByRole("link", { name: "Churn <script>alert(1)</script>" })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();

  // The read-only view passes axe too.
  await page.goto(link);
  await expect(page.getByText("Shared with you · read-only")).toBeVisible();
  await axe();
});

test("bad links explain themselves and touch nothing", async ({ page }) => {
  const { link } = await shareLinkOfExample(page);
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const base = link.replace(/#.*$/, "");
  const payload = link.split("#/s/roi/")[1];
  const altered = payload.slice(0, 40) + (payload[40] === "A" ? "B" : "A") + payload.slice(41);
  const cases = [
    [payload.slice(0, payload.length - 25), /cut short or changed|damaged/],
    [altered, /damaged|cut short|does not hold/],
    ["v7.AAAA", /newer version of Sextant/],
    ["v1.%%%%", /characters a Sextant link never has/],
    ["hello", /not a Sextant share link/],
  ];
  // With the kind in the address, and without it (links made before it was).
  for (const kind of ["roi/", ""]) {
    for (const [bad, message] of cases) {
      await page.goto(base + "#/s/" + kind + bad);
      await expect(page.getByRole("alert")).toContainText(message);
      await expect(page.getByText("Nothing stored in this browser was changed.")).toBeVisible();
    }
  }
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(stored);
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page.getByRole("region", { name: "Calculators" })).toBeVisible();
});

test("a link without its kind in the address still opens; a link naming the wrong kind says so", async ({ page }) => {
  const { link, npv } = await shareLinkOfExample(page);
  const base = link.replace(/#.*$/, "");
  const payload = link.split("#/s/roi/")[1];
  await page.goto(base + "#/s/" + payload);
  await expect(page.getByText("Shared with you · read-only")).toBeVisible();
  expect(await figure(page, "Net present value")).toBe(npv);

  for (const kind of ["portfolio", "assess/team"]) {
    await page.goto(base + `#/s/${kind}/` + payload);
    await expect(page.getByRole("alert")).toContainText("names a different kind of document from the one it holds");
    await expect(page.getByText("Nothing stored in this browser was changed.")).toBeVisible();
  }
  await page.getByRole("link", { name: "Open what it holds" }).click();
  await expect(page).toHaveURL(link);
  await expect(page.getByText("Shared with you · read-only")).toBeVisible();
  expect(await figure(page, "Net present value")).toBe(npv);
});

test("embedded in a page from another origin, it posts its height and needs no inner scroll bar", async ({ page }) => {
  const { link } = await shareLinkOfExample(page);
  await page.getByRole("button", { name: "Embed" }).click();
  const snippet = await page.getByLabel("Embed snippet").inputValue();
  expect(snippet).toContain("?embed=1");
  const src = snippet.match(/src="([^"]+)"/)[1];
  expect(src).toBe(link + "?embed=1");

  // The host page adds the iframe from its ?src= and sizes it from the height messages.
  const host = `http://127.0.0.1:${ports.host}/wiki/?src=` + encodeURIComponent(src);
  await page.goto(host);
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("heading", { level: 1 })).toContainText("Churn");
  await expect(frame.locator("header.header")).toHaveCount(0);
  await expect(frame.locator("footer")).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.heights.length)).toBeGreaterThan(0);
  await expect
    .poll(async () => {
      const iframeHeight = await page.evaluate(() => document.querySelector("iframe").getBoundingClientRect().height);
      const last = await page.evaluate(() => window.heights[window.heights.length - 1]);
      return Math.abs(iframeHeight - last);
    })
    .toBeLessThan(2);
  // Parts built after the first message (the chart, the uncertainty panel)
  // post a new height: the frame follows until nothing overflows.
  const inner = page.frames().find((f) => f.url().includes("embed=1"));
  await expect
    .poll(() => inner.evaluate(() => document.documentElement.scrollHeight - window.innerHeight))
    .toBeLessThanOrEqual(1);
});

test("a downloaded file imports as a new document; a wrong file is refused", async ({ page, browser }) => {
  await shareLinkOfExample(page);
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download monthly cash flows (CSV)" }).click(),
  ]);
  const csvText = await (await import("node:fs/promises")).readFile(await csv.path(), "utf8");
  const lines = csvText.trim().split("\n");
  expect(lines[0]).toBe("month,development,infrastructure,maintenance,acting,benefit,tax,net,cumulative,chance_going,hours_as_capacity");
  expect(lines).toHaveLength(1 + 37); // header, month 0 and 36 months
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download as a file" }).click(),
  ]);
  const path = await file.path();

  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(page.url().replace(/#.*$/, "") + "#/saved");
  await other.getByLabel("File to import").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("this is not json") });
  await expect(other.getByText(/Not imported: the file is not a Sextant export/)).toBeVisible();
  await other.getByLabel("File to import").setInputFiles(path);
  await expect(other.getByText(/Imported “Churn <script>alert\(1\)<\/script>”/)).toBeVisible();
  await other.getByRole("link", { name: "Open it" }).click();
  await expect(other.getByLabel("Model name")).toHaveValue("Churn <script>alert(1)</script>");
  await context.close();
});
