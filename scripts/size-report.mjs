// Size report of the release build, two tables:
//  - every file of dist/ by kind (wasm, JS, CSS, HTML, other): raw, gzip and
//    brotli bytes;
//  - what each page loads to open: the shell (HTML, CSS, scripts, the first
//    WebAssembly module) plus the bundle of that page's modules, merged into
//    one module (the loader's route table, written by
//    scripts/build-wasm.mjs); then, on a line of its own, the bundle of what
//    the page fetches once it has been built (its charts, the ROI
//    uncertainty panel), not counted in the page's budget.
// Fails when the gzip total of dist/ or any page passes its budget.
// Usage: node scripts/size-report.mjs dist size-budget.json
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { isPageBundle, mergedName } from "./build-wasm.mjs";

const [dir = "dist", budgetFile = "size-budget.json"] = process.argv.slice(2);
const budget = JSON.parse(readFileSync(budgetFile, "utf8"));

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const sizes = new Map();
for (const file of walk(dir)) {
  const data = readFileSync(file);
  sizes.set(relative(dir, file), {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const pad = (s, n) => String(s).padStart(n);
const sum = (files) =>
  files.reduce(
    (t, f) => {
      const s = sizes.get(f);
      if (!s) throw new Error(`size-report: ${f} is not in ${dir}`);
      return { files: t.files + 1, raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli };
    },
    { files: 0, raw: 0, gzip: 0, brotli: 0 },
  );
const line = (name, r, width = 14) => `${name.padEnd(width)} ${pad(r.files, 5)} ${pad(r.raw, 10)} ${pad(r.gzip, 10)} ${pad(r.brotli, 10)}`;
const header = (first, width = 14) => `${first.padEnd(width)} ${pad("files", 5)} ${pad("raw", 10)} ${pad("gzip", 10)} ${pad("brotli", 10)}`;

const kinds = { ".wasm": "wasm", ".js": "js", ".mjs": "js", ".css": "css", ".html": "html" };
// Page bundles repeat the split modules (scripts/build-wasm.mjs), end to end
// and merged: counted on a line of their own, not in the total.
const all = [...sizes.keys()].filter((f) => !isPageBundle(f));
console.log("Every file of the build");
console.log(header("kind"));
for (const kind of ["wasm", "js", "css", "html", "other"]) {
  const files = all.filter((f) => (kinds[extname(f)] ?? "other") === kind);
  if (files.length) console.log(line(kind, sum(files)));
}
const total = sum(all);
console.log(line("total", total));
const bundles = [...sizes.keys()].filter(isPageBundle);
if (bundles.length) console.log(line("(bundles)", sum(bundles)));

// The shell every page loads: index.html and what it links (not the service
// worker, the manifest or icons), and the modules the app imports.
const html = readFileSync(join(dir, "index.html"), "utf8");
const linked = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\.\/([^"]+)"[^>]*>/g)]
  .map((m) => m[1])
  .filter((f) => /\.(js|css|wasm)$/.test(f) && !f.startsWith("sw-register"));
const loaderFile = linked.find((f) => /^loader-[0-9a-f]+\.js$/.test(f));
if (!loaderFile) throw new Error("size-report: index.html links no loader");
const loader = readFileSync(join(dir, loaderFile), "utf8");
const splitLink = all.filter((f) => /^sextant-split-[0-9a-f]+\.js$/.test(f));
const shell = [...new Set(["index.html", ...linked, ...splitLink])];
const routes = JSON.parse(loader.match(/const routes = (\{.*\});/)?.[1] ?? "{}");
// A route whose modules are another route's names that route.
const entryOf = (page) => (typeof page === "string" ? routes[page] : page);
// A page opened directly fetches its bundles merged into one module each.
const pages = [
  ["home, not found", [], null],
  ...Object.entries(routes).map(([route, page]) => {
    const [own, , later] = entryOf(page);
    return [`#/${route}`, [mergedName(own)], later && mergedName(later)];
  }),
];

console.log("\nWhat each page loads to open (the shell, then that page's modules), and then (its charts, the ROI uncertainty panel)");
console.log(header("page", 22));
// A page may have a budget of its own (gzip_page_bytes_by_page, each with
// its reason in the note); every other page has gzip_page_bytes.
const ownBudget = budget.gzip_page_bytes_by_page ?? {};
const over = [];
for (const [name, files, later] of pages) {
  const r = sum([...shell, ...files]);
  const limit = ownBudget[name] ?? budget.gzip_page_bytes;
  if (r.gzip > limit) over.push(`${name} loads ${r.gzip} > ${limit} bytes gzip`);
  console.log(line(name, r, 22));
  if (later) console.log(line("  then", sum([later]), 22));
}

const own = Object.entries(ownBudget).map(([p, b]) => `, ${b} for ${p}`).join("");
console.log(`\nbudgets (${budgetFile}): ${budget.gzip_total_bytes} bytes gzip for the whole build, ${budget.gzip_page_bytes} for any other page${own}`);
let failed = false;
if (total.gzip > budget.gzip_total_bytes) {
  console.error(`size budget exceeded: the build is ${total.gzip} > ${budget.gzip_total_bytes} bytes gzip`);
  failed = true;
}
for (const o of over) {
  console.error(`size budget exceeded: ${o}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
