// Renders icons/icon.svg to the PNG icons the web app manifest lists
// (icons/icon-192.png, icons/icon-512.png) with headless Chromium.
// The PNGs are committed; run this after changing the SVG:
//   node scripts/render-icons.mjs
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import { chromiumArgs } from "../playwright.config.mjs";

const svg = readFileSync("icons/icon.svg", "utf8");
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || "/usr/bin/chromium", args: chromiumArgs });
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${src}" width="${size}" height="${size}" alt="">`);
    await page.locator("img").evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(`icons/icon-${size}.png`, png);
    console.log(`icons/icon-${size}.png: ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
