// Size report of the release build: raw, gzip and brotli bytes of the wasm,
// JS, CSS and HTML, as a table. Fails when the gzip total passes the budget.
// Usage: node scripts/size-report.mjs dist size-budget.json
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const [dir = "dist", budgetFile = "size-budget.json"] = process.argv.slice(2);
const budget = JSON.parse(readFileSync(budgetFile, "utf8"));

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const kinds = { ".wasm": "wasm", ".js": "js", ".mjs": "js", ".css": "css", ".html": "html" };
const rows = {};
for (const file of walk(dir)) {
  const kind = kinds[extname(file)] ?? "other";
  const data = readFileSync(file);
  const row = (rows[kind] ??= { files: 0, raw: 0, gzip: 0, brotli: 0 });
  row.files += 1;
  row.raw += data.length;
  row.gzip += gzipSync(data, { level: 9 }).length;
  row.brotli += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

const total = { files: 0, raw: 0, gzip: 0, brotli: 0 };
const pad = (s, n) => String(s).padStart(n);
console.log(`${"kind".padEnd(6)} ${pad("files", 5)} ${pad("raw", 10)} ${pad("gzip", 10)} ${pad("brotli", 10)}`);
for (const kind of ["wasm", "js", "css", "html", "other"]) {
  const r = rows[kind];
  if (!r) continue;
  for (const k of Object.keys(total)) total[k] += r[k];
  console.log(`${kind.padEnd(6)} ${pad(r.files, 5)} ${pad(r.raw, 10)} ${pad(r.gzip, 10)} ${pad(r.brotli, 10)}`);
}
console.log(`${"total".padEnd(6)} ${pad(total.files, 5)} ${pad(total.raw, 10)} ${pad(total.gzip, 10)} ${pad(total.brotli, 10)}`);
console.log(`budget: ${budget.gzip_total_bytes} bytes gzip (${budgetFile})`);
if (total.gzip > budget.gzip_total_bytes) {
  console.error(`size budget exceeded: ${total.gzip} > ${budget.gzip_total_bytes} bytes gzip`);
  process.exit(1);
}
