// Trunk post-build hook (after build-wasm.mjs): writes sw.js, the
// service worker that keeps this build available offline, from
// scripts/sw.template.js. It precaches exactly the files of this build, under
// a cache named by a hash of their names and contents. Runs in Trunk's staging
// directory; `node scripts/service-worker.mjs DIR` runs it on a built folder.
// A debug build (TRUNK_PROFILE=debug, `trunk serve`) gets a worker that
// caches nothing and unregisters itself.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { isPageBundle, uncommented } from "./build-wasm.mjs";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || "dist";
const worker = "sw.js";

function walk(d) {
  return readdirSync(d)
    .sort()
    .flatMap((name) => {
      const p = join(d, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

const files = walk(dir)
  .map((p) => relative(dir, p).split(sep).join("/"))
  .filter((f) => f !== worker)
  // Page bundles repeat the split modules for a faster first load; offline,
  // the modules come from the cache one by one (scripts/build-wasm.mjs).
  .filter((f) => !isPageBundle(f));
const hash = createHash("sha256");
for (const f of files) hash.update(f).update("\0").update(readFileSync(join(dir, f))).update("\0");
const build = hash.digest("hex").slice(0, 16);
const offline = process.env.TRUNK_PROFILE !== "debug";

const template = readFileSync(new URL("./sw.template.js", import.meta.url), "utf8");
const code = uncommented(template)
  .replace('"__SEXTANT_BUILD__"', JSON.stringify(build))
  .replace("__SEXTANT_FILES__", JSON.stringify(offline ? files : [], null, 2))
  .replace("__SEXTANT_OFFLINE__", String(offline));
if (code.includes("__SEXTANT_")) throw new Error("service-worker: template placeholders left in sw.js");
writeFileSync(join(dir, worker), code);
console.log(
  offline
    ? `service-worker: wrote ${worker} for build ${build} (${files.length} files)`
    : `service-worker: wrote ${worker} for a debug build (caches nothing, unregisters itself)`,
);
