// What happens when something goes wrong after Sextant has started: a
// WebAssembly trap (a panic or memory running out, which abort in the release
// build) says so and offers a reload; the page loader's prefetch, which the
// app calls with addresses, never throws.
import { test, expect, open } from "./fixtures.mjs";

// A module whose one function, f, traps ("unreachable"): a real trap, made by
// the browser's WebAssembly engine, as a panic in the app would make one.
const trapModule = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 0x66, 0, 0, 10, 5, 1, 3, 0, 0, 0x0b];

const traps = {
  "an error on the window": (bytes) => {
    const trap = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports.f;
    setTimeout(() => trap());
  },
  "an unhandled rejection": (bytes) => {
    const trap = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports.f;
    Promise.resolve().then(() => trap());
  },
  "a RuntimeError thrown by a script": () => {
    setTimeout(() => {
      throw new WebAssembly.RuntimeError("unreachable");
    });
  },
};

for (const [how, trap] of Object.entries(traps)) {
  test(`a WebAssembly trap after start-up (${how}) says Sextant stopped and offers a reload`, async ({ browser }) => {
    // Its own context: the trap is an uncaught error, which the shared
    // fixture would count as a failure.
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await page.goto("./#/roi");
    await expect(page.locator("html[data-sextant-ready]")).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1, name: "ML project ROI" })).toBeVisible();
    const stopped = page.getByRole("alert").filter({ hasText: "Sextant stopped" });

    // An ordinary error is no trap: no message.
    await page.evaluate(() => new Promise((done) => {
      setTimeout(() => {
        throw new TypeError("not a trap");
      });
      setTimeout(done, 100);
    }));
    await expect.poll(() => errors).toEqual(["not a trap"]);
    await expect(stopped).toHaveCount(0);

    await page.evaluate(trap, trapModule);
    await expect(stopped).toBeVisible();
    await expect(stopped).toHaveText(/^Sextant stopped\. Reload the page; your saved data is safe\.\s*Reload$/);
    await expect.poll(() => errors.slice(1)).toEqual([expect.stringMatching(/unreachable/)]);
    // It is shown once, however many traps follow.
    await page.evaluate(trap, trapModule);
    await expect.poll(() => errors.length).toBe(3);
    await expect(stopped).toHaveCount(1);

    const reload = stopped.getByRole("button", { name: "Reload" });
    await expect(reload).toBeFocused();
    await reload.click();
    await expect(page.getByRole("heading", { level: 1, name: "ML project ROI" })).toBeVisible();
    await expect(page.locator("html[data-sextant-ready]")).toHaveCount(1);
    await expect(stopped).toHaveCount(0);
    await context.close();
  });
}

test("a trap before start-up still says Sextant could not start", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The app's first module traps as it starts.
  await page.route(/\/sextant-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from(trapModule) });
  });
  await page.goto("./");
  await expect(page.getByRole("heading", { name: "Sextant could not start" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Sextant stopped" })).toHaveCount(0);
  await context.close();
});

test("the loader's prefetch finds nothing, and throws nothing, for names every object has", async ({ page }) => {
  await open(page, "#/");
  const thrown = await page.evaluate(() => {
    const names = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "__defineGetter__"];
    const hashes = names.flatMap((n) => [`#/${n}`, `#/${n}?embed=1`, `#/${n}/x`, `#/roi/${n}`, n]);
    const thrown = [];
    for (const hash of [...hashes, undefined, null, 42, { toString: () => "#/constructor" }]) {
      for (const now of [true, false]) {
        try {
          globalThis.__sextantPrefetch(hash, now);
        } catch (e) {
          thrown.push(`${String(hash)}: ${e}`);
        }
      }
    }
    return thrown;
  });
  expect(thrown).toEqual([]);
  // Nothing asked for later fails either (the fixture fails the test on an
  // uncaught error), once the page is built and the browser idle.
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => setTimeout(done, 200))));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
