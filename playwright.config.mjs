// End-to-end tests against the release build (dist/), served from a sub-path
// on 127.0.0.1, in Debian's Chromium. No browser is ever downloaded.
import { defineConfig } from "@playwright/test";
import { ports } from "./e2e/ports.mjs";

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.mjs",
  // The keyboard-only skills assessment takes 22-32 s alone; with the other
  // worker busy on the same two cores it can pass 60 s.
  timeout: 120_000,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  outputDir: "e2e/.output",
  use: {
    baseURL: `http://127.0.0.1:${ports.app}/tools/sextant/`,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  webServer: [
    {
      command: `node e2e/serve.mjs --port ${ports.app} --base /tools/sextant/`,
      url: `http://127.0.0.1:${ports.app}/tools/sextant/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The same build under the Content Security Policy in csp.txt.
      command: `node e2e/serve.mjs --port ${ports.csp} --base /tools/sextant/ --csp csp.txt`,
      url: `http://127.0.0.1:${ports.csp}/tools/sextant/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // A wiki-like host page on another origin, for the embedding test.
      command: `node e2e/serve.mjs --port ${ports.host} --base /wiki/ --dir e2e/host`,
      url: `http://127.0.0.1:${ports.host}/wiki/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
