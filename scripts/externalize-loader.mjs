// Trunk post-build hook: moves Trunk's inline module loader out of index.html
// into its own file, so the page meets a Content Security Policy without
// 'unsafe-inline' scripts (see csp.txt). Runs in Trunk's staging directory.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || "dist";
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) {
  console.log("externalize-loader: no inline module script");
} else {
  const code = match[1].trim() + "\n";
  const name = `loader-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  writeFileSync(file, html.replace(inline, `<script type="module" src="./${name}"></script>`));
  console.log(`externalize-loader: wrote ${name}`);
}
