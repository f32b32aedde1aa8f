// Offline use and installation: the web app manifest, the service worker
// (sw.js, written at build time by scripts/service-worker.mjs) that precaches
// exactly the build's files, and its replacement by the next build's worker.
import { test, expect, open, countInstances } from "./fixtures.mjs";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ports } from "./ports.mjs";

/** Waits until a service worker controls the page; returns its cache names. */
async function controlled(page) {
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 20_000 }).toBe(true);
  return sextantCaches(page);
}

function sextantCaches(page) {
  return page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("sextant-")));
}

/** The merged page bundles in the worker's cache `name`, by name without hash. */
async function keptBundles(page, name) {
  const urls = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url), name);
  return urls
    .filter((u) => u.endsWith(".merged.wasm"))
    .map((u) => u.split("/").pop().replace(/-[0-9a-f]{16}\.merged\.wasm$/, ""))
    .sort();
}

async function netPresentValue(page) {
  const item = page.locator(".figure").filter({ has: page.getByText("Net present value", { exact: true }) });
  return (await item.locator("dd").first().innerText()).trim();
}

test("the manifest names the app and its icons, and every icon loads", async ({ page, request }) => {
  await open(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifestUrl = new URL(href, page.url());
  const manifest = await (await request.get(manifestUrl.href)).json();
  expect(manifest).toMatchObject({ short_name: "Sextant", start_url: "./", display: "standalone" });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.icons.map((i) => i.sizes).sort()).toEqual(["192x192", "512x512", "any"]);
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, manifestUrl).href);
    expect(response.ok(), icon.src).toBe(true);
    expect(response.headers()["content-type"]).toBe(icon.type);
  }
  const favicon = await page.locator('link[rel="icon"]').getAttribute("href");
  expect((await request.get(new URL(favicon, page.url()).href)).ok()).toBe(true);
});

test("once opened, the app reloads and calculates with the network off", async ({ page, context }) => {
  await open(page, "#/");
  const names = await controlled(page);
  expect(names).toHaveLength(1);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator("html[data-sextant-ready]")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1, name: "Judge your ML work honestly, and decide with numbers" })).toBeVisible();
  await page.goto("./#/roi");
  await page.reload();
  await page.getByRole("button", { name: /Start from this example: Demand forecasting/ }).click();
  await expect(page.getByLabel("Model name")).toHaveValue(/Demand forecasting/);
  await expect.poll(() => netPresentValue(page)).toMatch(/^-?\$[\d,]+$/);
  await expect(page.getByRole("img", { name: /Cumulative cash flow/ })).toBeVisible();
  await context.setOffline(false);
});

for (const fragment of ["#/assess/skills", "#/"]) {
  test(`the service worker is registered only once the page has been built (${fragment})`, async ({ page }) => {
    await page.addInitScript(() => {
      window.__order = [];
      addEventListener("sextant-page-built", () => window.__order.push("page built"));
      const container = navigator.serviceWorker;
      const register = container.register.bind(container);
      container.register = (...args) => {
        window.__order.push("worker registered");
        return register(...args);
      };
    });
    await open(page, fragment);
    await controlled(page);
    expect(await page.evaluate(() => window.__order)).toEqual(["page built", "worker registered"]);
  });
}

test("a returning reader's page opens from its merged bundles, which the worker keeps for offline use", async ({ page, context }) => {
  await open(page, "#/roi");
  await page.getByRole("button", { name: /Start from this example: Demand forecasting/ }).click();
  await page.waitForURL(/#\/roi\/[A-Za-z0-9_-]+$/);
  const [cache] = await controlled(page);
  const fetched = { merged: [], modules: [] };
  page.on("request", (r) => {
    const file = new URL(r.url()).pathname.split("/").pop();
    if (/\.merged\.wasm$/.test(file)) fetched.merged.push(file.replace(/-[0-9a-f]{16}\.merged\.wasm$/, ""));
    else if (/^(chunk|split)_.*\.wasm$/.test(file)) fetched.modules.push(file);
  });
  const kept = () => keptBundles(page, cache);
  // An edit is computed again (and saved: each call gives another rate).
  const editorWorks = async (rate) => {
    await expect(page.getByLabel("Model name")).toHaveValue(/Demand forecasting/);
    await expect(page.getByRole("img", { name: /Cumulative cash flow by month/ })).toBeVisible();
    const before = await netPresentValue(page);
    await page.getByRole("textbox", { name: /^Discount rate/ }).fill(rate);
    await expect.poll(() => netPresentValue(page)).not.toBe(before);
  };
  // Once in control, the worker has been given the merged bundle the start
  // page fetched before it was there (the editor, opened from the start
  // page, came as modules end to end).
  await expect.poll(kept, { message: "merged bundles kept by the worker after the first visit" }).toEqual(["page-roi"]);
  await countInstances(page);

  // Online, with the worker in control: the page's two merged bundles (its
  // own and the one it uses after), each instantiated once with the first
  // module, instead of the worker answering every module's request.
  await page.reload();
  await editorWorks("35%");
  expect(fetched.merged).toEqual(["page-roi-doc", "page-roi-doc-later"]);
  expect(fetched.modules, "modules fetched on their own").toEqual([]);
  expect(await page.evaluate(() => window.__instantiated), "modules instantiated").toBe(3);
  await expect.poll(kept, { message: "merged bundles kept by the worker" }).toEqual(["page-roi", "page-roi-doc", "page-roi-doc-later"]);

  // Offline: the same, from the worker's cache.
  await context.setOffline(true);
  fetched.merged.length = 0;
  await page.reload();
  await editorWorks("40%");
  expect(fetched.merged, "the loader reads the worker's cache offline, without a fetch").toEqual([]);
  expect(fetched.modules, "modules fetched on their own").toEqual([]);
  expect(await page.evaluate(() => window.__instantiated), "modules instantiated").toBe(3);
  await context.setOffline(false);
});

test("a page opened once opens offline from the merged bundles it fetched before the worker was there", async ({ page, context }) => {
  await open(page, "#/assess/team");
  await expect(page.getByRole("heading", { level: 1, name: "Team and stakeholder practices" })).toBeVisible();
  const [cache] = await controlled(page);
  const kept = () => keptBundles(page, cache);
  await expect.poll(kept, { message: "merged bundles kept by the worker" }).toEqual(["page-assess-later", "page-assess-team"]);
  await countInstances(page);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await expect(page.locator("fieldset.question").first()).toBeVisible();
  expect(await page.evaluate(() => window.__instantiated), "modules instantiated").toBe(3);
  await context.setOffline(false);
});

test("offline, a page whose merged bundles the worker has not kept loads its modules from the cache one by one", async ({ page, context }) => {
  await open(page, "#/");
  await controlled(page);
  await countInstances(page);
  await context.setOffline(true);
  await page.goto("./#/assess/skills");
  await page.reload();
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await expect(page.locator("fieldset.question").first()).toBeVisible();
  expect(await page.evaluate(() => window.__instantiated), "modules instantiated").toBeGreaterThan(50);
  await context.setOffline(false);
});

test("a merged page bundle is kept only when the answer is WebAssembly", async ({ page, context }) => {
  // Three bundles the home page does not fetch. A captive portal or a host's
  // "not found" page answers two of them with 200 and a page of HTML: one
  // says so (text/html), one claims to be application/wasm.
  const [asHtml, notWasm, real] = readdirSync("dist")
    .filter((f) => f.endsWith(".merged.wasm"))
    .sort();
  const html = "<!doctype html><title>Sign in</title><p>Sign in to use this network.</p>";
  await context.route(`**/${asHtml}`, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  await context.route(`**/${notWasm}`, (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: html }));
  await open(page, "#/");
  const [cache] = await controlled(page);
  const keptFiles = async () =>
    (await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url), cache))
      .map((u) => u.split("/").pop())
      .filter((f) => f.endsWith(".merged.wasm"))
      .sort();
  expect(await keptFiles()).toEqual([]);
  const fetched = (file) =>
    page.evaluate(async (file) => {
      const response = await fetch(file);
      return { status: response.status, type: response.headers.get("content-type"), length: (await response.arrayBuffer()).byteLength };
    }, file);
  // The page gets each answer as it came (and falls back to the modules one
  // by one); the worker keeps only the real bundle.
  expect(await fetched(asHtml)).toEqual({ status: 200, type: "text/html; charset=utf-8", length: html.length });
  expect(await fetched(notWasm)).toEqual({ status: 200, type: "application/wasm", length: html.length });
  expect((await fetched(real)).type).toBe("application/wasm");
  await expect.poll(keptFiles, { message: "merged bundles kept by the worker" }).toEqual([real]);
  await page.waitForTimeout(500);
  expect(await keptFiles()).toEqual([real]);
});

test("without service workers the app still runs", async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto("./#/roi");
  await expect(page.locator("html[data-sextant-ready]")).toHaveCount(1);
  await page.getByRole("button", { name: /Start from this example: Churn prediction/ }).click();
  await expect.poll(() => netPresentValue(page)).toMatch(/^-?\$[\d,]+$/);
  expect(errors).toEqual([]);
  await context.close();
});

test.describe("a new build", () => {
  const port = ports.rebuild;
  const base = `http://127.0.0.1:${port}/next/`;
  let dir;
  let server;

  test.beforeAll(async () => {
    // A copy of the build, served on its own, that the test can rebuild.
    dir = mkdtempSync(join(tmpdir(), "sextant-sw-"));
    cpSync("dist", dir, { recursive: true });
    server = spawn(process.execPath, ["e2e/serve.mjs", "--port", String(port), "--base", "/next/", "--dir", dir], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise((resolve, reject) => {
      server.stdout.on("data", (d) => String(d).includes("serving") && resolve());
      server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
    });
  });

  test.afterAll(() => {
    server?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("takes over at once, while a tab left open keeps its build's files until no tab runs that build", async ({ page, context }) => {
    const loaded = new Set();
    page.on("request", (r) => loaded.add(new URL(r.url()).pathname.split("/").pop()));
    await page.goto(base + "#/");
    await expect(page.locator("html[data-sextant-ready]")).toHaveCount(1);
    const [first] = await controlled(page);
    expect(first).toBeTruthy();
    expect(await sextantCaches(page)).toEqual([first]);

    // "Rebuild": change index.html and, as a new build of the app does, give
    // the WebAssembly modules other names (each is named by its contents):
    // those this tab has not loaded yet are no longer on the server. Then
    // write the service worker again, as the post-build hook does.
    const gone = readdirSync(dir).filter((f) => f.endsWith(".wasm") && !loaded.has(f));
    expect(gone.length).toBeGreaterThan(50);
    for (const f of gone) rmSync(join(dir, f));
    const html = readFileSync(join(dir, "index.html"), "utf8");
    writeFileSync(join(dir, "index.html"), html.replace("</body>", "<!-- next build -->\n</body>"));
    await new Promise((resolve, reject) =>
      spawn(process.execPath, ["scripts/service-worker.mjs", dir], { stdio: "inherit" }).on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`)))),
    );

    // The new worker takes over this tab, and keeps the old build's cache:
    // the tab still runs the old build.
    await page.evaluate(() => {
      window.__controllers = 0;
      navigator.serviceWorker.addEventListener("controllerchange", () => window.__controllers++);
    });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    // Activated: done with what it does on taking over.
    const activated = () =>
      page.evaluate(async () => window.__controllers === 1 && (await navigator.serviceWorker.getRegistration()).active?.state === "activated");
    await expect.poll(activated, { timeout: 20_000 }).toBe(true);
    const both = await sextantCaches(page);
    expect(both, "the old build's cache is kept while a tab runs that build").toHaveLength(2);
    expect(both).toContain(first);
    const [second] = both.filter((name) => name !== first);

    // The old tab opens pages whose modules only the old build's cache has,
    // online and offline.
    await page.getByRole("region", { name: "Calculators" }).getByRole("link", { name: /ML project ROI/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "ML project ROI" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Start from this example: Demand forecasting/ })).toBeVisible();
    await context.setOffline(true);
    await page.goBack();
    await page.getByRole("region", { name: "Calculators" }).getByRole("link", { name: /Project prioritisation/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Project prioritisation" })).toBeVisible();
    await context.setOffline(false);
    expect(await page.content()).not.toContain("<!-- next build -->");

    // Reloaded, the tab runs the new build; once no tab runs the old build,
    // the next page load deletes its cache. (On the home page: this "new
    // build" has only the modules the home page uses.)
    await page.goBack();
    await expect(page.getByRole("region", { name: "Calculators" })).toBeVisible();
    await page.reload();
    await expect(page.locator("html[data-sextant-ready]")).toHaveCount(1);
    expect(await page.content()).toContain("<!-- next build -->");
    await page.reload();
    await expect(page.locator("html[data-sextant-ready]")).toHaveCount(1);
    await expect.poll(() => sextantCaches(page), { message: "the old build's cache, once no tab runs it" }).toEqual([second]);
  });
});
