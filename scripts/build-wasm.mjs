// Builds the app's WebAssembly and its JavaScript glue into a folder, split
// into a module per page (the release build) or as one module.
//
//   node scripts/build-wasm.mjs [--out DIR] [--no-split] [--debug]
//
// Trunk's post-build hook (scripts/post-build.mjs) runs it on Trunk's
// staging directory; scripts/single-file.mjs runs it with --no-split.
//
// The split build, in order:
//  1. cargo builds the `sextant` binary with the `split` feature; each page
//     is then a `#[lazy]` split point (src/ui/pages/mod.rs). .cargo/config.toml
//     keeps the linker's relocations (--emit-relocs), which the next step needs.
//  2. wasm-split (crate wasm_split_cli_support) moves the code only split
//     points reach into modules of their own: one a page, and one for each
//     group of pages that share code. It writes __wasm_split.js, which fetches
//     and instantiates them against the first module's memory and table.
//  3. wasm-bindgen writes the JS glue for the first module (keeping the
//     exports the other modules link against).
//  4. wasm-opt -Oz shrinks every module.
//  5. Every file gets a content hash in its name (the split modules one hash
//     of them all), so a new build never mixes with cached files of an old
//     one; references are rewritten to match.
//  6. page-<route>-<hash>.wasm bundles each route's modules end to end, and
//     page-<route>-<hash>.merged.wasm has the same modules merged into one
//     (wasm-merge). loader-<hash>.js starts the app and, from the route in
//     the address, fetches that merged bundle alongside the first module:
//     one request instead of dozens, and one module to instantiate instead
//     of dozens (225 for the ROI editor). A page the app asks for later
//     (a start page's editor, ahead) gets its modules end to end, as the
//     page already in use has many of them. index.html gets the loader and
//     preload hints.
//
// The unsplit build (--no-split, or a debug build) skips step 2 and the
// bundles: the single-file build and `trunk serve` use it.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// The wasm features rustc 1.95 emits for wasm32-unknown-unknown; wasm-opt
// must not strip or lower them.
const wasmOptFeatures = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

// Each address (the fragment's first one to three segments) and the split
// points its page needs to open, then those it uses once built: the table in
// src/bundles.rs, written to scripts/routes.json by its test. Only used to
// fetch a page's modules early: an address missing there still works, its
// modules are fetched when the page asks for them.
//
// What a page uses once built (the charts' drawing, the ROI editor's results
// and uncertainty panel, the share panel, a portfolio's project editors and
// map, an assessment's questions and results, the Saved page's importer)
// comes in a second bundle, fetched once the page's own has arrived, the
// page has been built and the browser is idle (`built` in the loader below):
// the page opens on fewer bytes, and the rest follows. A start page's later
// fetch of its editor takes both. Fetched as soon as the first bundle had
// arrived instead, the second arrived while the page was being built, and
// Lighthouse's simulated slow network counted the build as waiting for it
// (docs/performance.md).
const table = JSON.parse(readFileSync(join(root, "scripts", "routes.json"), "utf8"));
const routeSplits = Object.fromEntries(table.bundles.map((b) => [b.path, b.opens]));
const routeLaterSplits = Object.fromEntries(table.bundles.map((b) => [b.path, b.later]));
/** The split points `route` (a key of routeSplits) uses once built. */
const laterSplitsOf = (route) => routeLaterSplits[route] ?? [];

/**
 * Whether a file of the build is a page bundle (see step 6 above): its
 * modules end to end (page-<stem>-<hash>.wasm) or merged into one module
 * (page-<stem>-<hash>.merged.wasm).
 */
export const isPageBundle = (file) => /^page-[a-z-]+-[0-9a-f]{16}(\.merged)?\.wasm$/.test(file);
/**
 * `code` without its comment-only lines. The JS Sextant writes itself (the
 * loader, the prelude of __wasm_split.js, sw.js) is commented for its
 * readers here, in the templates; every page would otherwise download the
 * comments too (about 2.8 KB gzip). Only for code with no template literal,
 * which could hold such a line: checked.
 */
export const uncommented = (code) => {
  const left = code.replace(/^[ \t]*\/\/.*\n/gm, "");
  if (left.includes("`")) throw new Error("build-wasm: uncommented() given code with a template literal");
  return left;
};
/** The merged form of the page bundle `file` (see mergeModules). */
export const mergedName = (file) => file.replace(/\.wasm$/, ".merged.wasm");

// Prepended to __wasm_split.js.
const pageFetch = `// Sextant (scripts/build-wasm.mjs). Module numbers in a merged bundle the
// loader fetched (one module made of many: a page opened directly fetches
// its modules so) are instantiated once, all together; the others each on
// their own. A merged bundle is used only while none of its modules has been
// instantiated otherwise: instantiating a module twice would write its data
// into memory again, over what the app has since changed there.
const alone = new Set();
const merged = new Map();
// Module number n: from a merged bundle that has it ({ merged }), or its
// bytes from a bundle of modules end to end, or else from its own file (a
// response). Modules in no bundle have the number -1.
function pageFetch(n, file) {
  const url = new URL("./" + file, import.meta.url);
  const pages = globalThis.__sextantPages || [];
  let whole = merged.get(n);
  if (!whole) {
    whole = pages.find((p) => p.merged && p.files[n] && !p.numbers.some((k) => alone.has(k) || merged.has(k)));
    if (whole) for (const k of whole.numbers) merged.set(k, whole);
  }
  if (whole) {
    whole.ask?.();
    return { merged: whole };
  }
  alone.add(n);
  const page = pages.find((p) => !p.merged && p.files[n]);
  if (!page) return fetch(url);
  const at = page.files[n];
  // A bundle still waiting to be fetched (the page's later one) is fetched
  // now: the page needs it.
  page.ask?.();
  return page.bytes.then(
    (buffer) => new Uint8Array(buffer, at[0], at[1]),
    () => fetch(url),
  );
}
// A module's bytes already in memory are compiled with
// WebAssembly.instantiate, off the main thread. Streaming them from a
// made-up Response instead would feed and finish every module of the bundle
// on the main thread, in one long task (Lighthouse mobile, ROI start: total
// blocking time 700-1,250 ms before, 515-575 ms after). A merged bundle is
// instantiated once, for all its modules; if it does not arrive, each of
// them is fetched from its own file.
function pageInstantiate(src, imports, file) {
  if (src.merged) {
    const page = src.merged;
    page.instance ??= page.bytes.then((bytes) => WebAssembly.instantiate(bytes, imports)).catch(() => null);
    return page.instance.then((done) => done || WebAssembly.instantiateStreaming(fetch(new URL("./" + file, import.meta.url)), imports));
  }
  return src.then((from) =>
    from instanceof Response ? WebAssembly.instantiateStreaming(from, imports) : WebAssembly.instantiate(from, imports),
  );
}
// A module's loader (see compactModules): module number n of the bundles,
// in file, needing the modules deps first.
function mod(n, file, deps) {
  return makeLoad(() => {
    const src = pageFetch(n, file);
    src.catch?.(() => {});
    return async (imports) => pageInstantiate(src, imports, file);
  }, deps);
}
// The shared modules, by wasm-split's number, and a list of them from runs
// of numbers (first, count, first, count, ...).
const chunks = [];
const chunksIn = (...runs) => {
  const list = [];
  for (let i = 0; i < runs.length; i += 2) for (let k = runs[i]; k < runs[i] + runs[i + 1]; k++) list.push(chunks[k]);
  return list;
};
`;

/**
 * Ascending numbers as runs: [first, count, first, count, ...].
 */
export function runsOf(numbers) {
  const runs = [];
  for (const n of numbers) {
    if (runs.length && runs[runs.length - 2] + runs[runs.length - 1] === n) runs[runs.length - 1]++;
    else runs.push(n, 1);
  }
  return runs;
}

/**
 * The name of a bundle several routes share: the words their stems begin
 * and end with ("assess-later" for assess-skills-later and
 * assess-team-later), or the one stem.
 */
export function commonStem(stems) {
  const words = stems.map((s) => s.split("-"));
  const [first] = words;
  let head = 0;
  while (head < first.length && words.every((w) => w[head] === first[head])) head++;
  let tail = 0;
  while (tail < first.length - head && words.every((w) => tail < w.length - head && w[w.length - 1 - tail] === first[first.length - 1 - tail])) tail++;
  const name = [...first.slice(0, head), ...first.slice(first.length - tail)].join("-");
  if (!name) throw new Error(`build-wasm: bundles ${stems.join(", ")} hold the same modules and have no word in common`);
  return name;
}

/**
 * Writes each module's loader in __wasm_split.js as one call to `mod`, and
 * each list of the modules a module needs as runs of numbers: wasm-split
 * writes five lines a module and names every module of every list, which
 * every page downloads (330 modules: 96,660 bytes, 10,299 gzip).
 */
export function compactModules(link, expected) {
  const loader =
    /makeLoad\(\(\) => \{\n\s*const src = pageFetch\((-?\d+), ("[^"]+")\);\n\s*src\.catch\(\(\) => \{\}\);\n\s*return async \(imports\) => \(pageInstantiate\(src, imports\)\);\n\}\n, \[([\w, ]*)\]\)/g;
  let found = 0;
  link = link.replace(loader, (_, n, file, deps) => {
    found++;
    const numbers = deps
      .split(",")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const m = d.match(/^__chunk_(\d+)$/);
        if (!m) throw new Error(`build-wasm: a module needs ${d}, which is not a shared module`);
        return Number(m[1]);
      })
      .sort((a, b) => a - b);
    return `mod(${n}, ${file}, chunksIn(${runsOf(numbers).join(",")}))`;
  });
  if (found !== expected) throw new Error(`build-wasm: compacted ${found} module loaders in __wasm_split.js, expected ${expected}`);
  let defined = 0;
  link = link.replace(/^const __chunk_(\d+) = mod\(/gm, (_, k) => {
    defined++;
    return `chunks[${k}] = mod(`;
  });
  if (/__chunk_\d/.test(link)) throw new Error("build-wasm: __wasm_split.js still names a shared module after compaction");
  if (!defined) throw new Error("build-wasm: no shared module found in __wasm_split.js");
  return link;
}

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: "inherit", cwd: root, ...options });
}

const hash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/**
 * The module without the linker's "linking" and "reloc.*" custom sections,
 * which --emit-relocs keeps for wasm-split: an unsplit build must not carry
 * them into wasm-bindgen and wasm-opt (binaryen does not optimise a module
 * that has them).
 */
export function stripRelocations(bytes) {
  return moduleOf(
    sectionsOf(bytes).filter(({ id, payload }) => {
      if (id !== 0) return true;
      const [length, from] = readLeb(payload, 0);
      const name = payload.subarray(from, from + length).toString("utf8");
      return name !== "linking" && !name.startsWith("reloc.");
    }),
  );
}

/** An unsigned LEB128 number at `at` in `bytes`: [value, the offset after it]. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [value, at];
  }
}

/** `n` as an unsigned LEB128 number. */
function leb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}

const wasmName = (text) => {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([leb(bytes.length), bytes]);
};

/** A module's sections: [{ id, payload }], payload a view of `bytes`. */
function sectionsOf(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error("build-wasm: not a WebAssembly module");
  const out = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, from] = readLeb(bytes, at + 1);
    out.push({ id, payload: bytes.subarray(from, from + size) });
    at = from + size;
  }
  return out;
}

const moduleOf = (sections) =>
  Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), ...sections.flatMap(({ id, payload }) => [Buffer.from([id]), leb(payload.length), payload])]);

const importSection = 2;
const exportSection = 7;

/**
 * A module's imports: [{ module, field, kind, desc }], desc the bytes that
 * describe the import (its type, limits or value type).
 */
export function importsOf(bytes) {
  const section = sectionsOf(bytes).find((s) => s.id === importSection);
  if (!section) return [];
  const p = section.payload;
  let [count, at] = readLeb(p, 0);
  const text = () => {
    const [length, from] = readLeb(p, at);
    at = from + length;
    return p.subarray(from, at).toString("utf8");
  };
  const limits = () => {
    const flags = p[at++];
    [, at] = readLeb(p, at);
    if (flags & 1) [, at] = readLeb(p, at);
  };
  const imports = [];
  while (count--) {
    const module = text();
    const field = text();
    const kind = p[at++];
    const from = at;
    if (kind === 0) {
      [, at] = readLeb(p, at); // a function: its type
    } else if (kind === 1) {
      at++; // a table: its element type, then limits
      limits();
    } else if (kind === 2) {
      limits(); // a memory
    } else if (kind === 3) {
      at += 2; // a global: its value type and mutability
    } else {
      throw new Error(`build-wasm: an import of unknown kind ${kind}`);
    }
    imports.push({ module, field, kind, desc: p.subarray(from, at) });
  }
  return imports;
}

const importPayload = (imports) =>
  Buffer.concat([leb(imports.length), ...imports.flatMap((i) => [wasmName(i.module), wasmName(i.field), Buffer.from([i.kind]), i.desc])]);

// The module name a merged bundle's first module imports under (see
// mergeModules); renamed back to "__wasm_split" once merged.
const stubImports = "__wasm_split_stub";

/**
 * The first module of a merge (see mergeModules): it imports what a split
 * module imports (`imports`, from "__wasm_split") from "__wasm_split_stub",
 * and exports each under its own name.
 */
export function splitStub(imports) {
  const exports = Buffer.concat([
    leb(imports.length),
    ...imports.map((i, n) => {
      // Each kind's imports are numbered on their own, from 0.
      const index = imports.slice(0, n).filter((j) => j.kind === i.kind).length;
      return Buffer.concat([wasmName(i.field), Buffer.from([i.kind]), leb(index)]);
    }),
  ]);
  return moduleOf([
    { id: importSection, payload: importPayload(imports.map((i) => ({ ...i, module: stubImports }))) },
    { id: exportSection, payload: exports },
  ]);
}

/** A module's exports: [{ field, kind, index }]. */
function exportsOf(bytes) {
  const section = sectionsOf(bytes).find((s) => s.id === exportSection);
  if (!section) return [];
  const p = section.payload;
  let [count, at] = readLeb(p, 0);
  const exports = [];
  while (count--) {
    const [length, from] = readLeb(p, at);
    const field = p.subarray(from, from + length).toString("utf8");
    const kind = p[from + length];
    let index;
    [index, at] = readLeb(p, from + length + 1);
    exports.push({ field, kind, index });
  }
  return exports;
}

/**
 * The merged module as a split module: its imports (the stub's, which
 * wasm-merge may reorder) named "__wasm_split" again, and without the
 * stub's exports, the only ones it has (split modules export nothing).
 */
export function asSplitModule(bytes, imports) {
  const found = importsOf(bytes);
  const names = (list) => JSON.stringify(list.map((i) => `${i.module}.${i.field} ${i.kind} ${i.desc.toString("hex")}`));
  const same =
    found.length === imports.length &&
    found.every((i) => i.module === stubImports && imports.some((j) => j.field === i.field && j.kind === i.kind && Buffer.compare(j.desc, i.desc) === 0));
  if (!same) throw new Error(`build-wasm: a merged bundle imports ${names(found)}, not what its modules import (${names(imports)})`);
  const exports = exportsOf(bytes);
  const stubExport = (e) => found.some((i) => i.field === e.field && i.kind === e.kind) && e.index === 0;
  if (exports.length !== imports.length || !exports.every(stubExport)) {
    throw new Error(`build-wasm: a merged bundle exports ${JSON.stringify(exports)}, more than its first module's imports`);
  }
  return moduleOf(
    sectionsOf(bytes)
      .filter((s) => s.id !== exportSection)
      .map((s) => (s.id === importSection ? { id: importSection, payload: importPayload(found.map((i) => ({ ...i, module: "__wasm_split" }))) } : s)),
  );
}

async function pool(items, size, work) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (queue.length) await work(queue.shift());
    }),
  );
}

/**
 * Merges the split modules `modules` into one module, `into`: the stub
 * first (see splitStub), under the name the modules import from, so that
 * every module's memory, table and stack pointer become the one set the stub
 * imports; then each module, whose functions and data keep their table
 * slots and addresses. Then -Oz if `optimise`.
 */
function mergeModules(stub, modules, into, imports, optimise) {
  const args = [stub, "__wasm_split", ...modules.flatMap((f, k) => [f, `m${k}`]), "-o", into, ...wasmOptFeatures];
  return binaryen("wasm-merge", args, into).then(() => {
    writeFileSync(into, asSplitModule(readFileSync(into), imports));
    if (optimise) return wasmOpt(into);
  });
}

/** Runs a binaryen tool in the background; rejects, naming `file`, if it fails. */
function binaryen(tool, args, file) {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed on ${file}`))));
  });
}

function wasmOpt(file) {
  return binaryen("wasm-opt", ["-Oz", ...wasmOptFeatures, file, "-o", file], file);
}

/**
 * Builds into `out`. Returns { glue, wasm, splitLink, chunks, loader, head }:
 * the file names written and the HTML to put in <head>.
 */
export async function buildWasm({ out, split = true, release = true }) {
  const targetDir = process.env.CARGO_TARGET_DIR || join(root, "target");
  const profile = release ? "release" : "debug";
  const cargoArgs = ["build", "--target", "wasm32-unknown-unknown", "--bin", "sextant"];
  if (release) cargoArgs.push("--release");
  if (split) cargoArgs.push("--features", "split");
  run("cargo", cargoArgs);
  const built = join(targetDir, "wasm32-unknown-unknown", profile, "sextant.wasm");

  const work = mkdtempSync(join(tmpdir(), "sextant-wasm-"));
  try {
    let input = built;
    if (!split) {
      input = join(work, "sextant.wasm");
      writeFileSync(input, stripRelocations(readFileSync(built)));
    } else {
      const splitDir = join(work, "split");
      mkdirSync(splitDir);
      run("wasm-split-cli", ["--target", "web", "--out-name", "sextant", built, splitDir]);
      input = join(splitDir, "sextant.wasm");
    }
    const bindgenDir = join(work, "bindgen");
    const bindgenArgs = ["--target", "web", "--no-typescript", "--out-dir", bindgenDir, "--out-name", "sextant"];
    if (split) bindgenArgs.push("--keep-lld-exports", "--no-demangle");
    run("wasm-bindgen", [...bindgenArgs, input]);

    // The split modules and their loader sit next to the glue.
    const chunkNames = split ? readdirSync(join(work, "split")).filter((f) => f.endsWith(".wasm") && f !== "sextant.wasm") : [];
    for (const f of chunkNames) renameSync(join(work, "split", f), join(bindgenDir, f));
    if (split) renameSync(join(work, "split", "__wasm_split.js"), join(bindgenDir, "__wasm_split.js"));

    // SEXTANT_NO_WASM_OPT=1 keeps function names, for readable stack traces.
    if (release && !process.env.SEXTANT_NO_WASM_OPT) await pool([join(bindgenDir, "sextant_bg.wasm"), ...chunkNames.map((f) => join(bindgenDir, f))], 2, wasmOpt);

    mkdirSync(out, { recursive: true });
    const write = (name, bytes) => writeFileSync(join(out, name), bytes);

    // Content-hashed names, leaves first: modules, their loader, the glue.
    // The split modules share one hash, of all of them: no module came
    // through a rebuild unchanged (each refers to the first module's function
    // table, which any change to the code reorders), so a hash of each bought
    // no caching, and the 16 hex digits of each of the ~390 names in
    // __wasm_split.js, which every page loads, cost about 4 KB gzip.
    const chunkFile = {};
    const chunkBytes = new Map(chunkNames.map((f) => [f, readFileSync(join(bindgenDir, f))]));
    const chunksId = hash(Buffer.concat([...chunkBytes.keys()].sort().flatMap((f) => [Buffer.from(f), chunkBytes.get(f)])));
    for (const [f, bytes] of chunkBytes) {
      // split_roi_page_1.wasm -> split_roi_page-<hash>.wasm; chunk_14.wasm keeps its number.
      const stem = f.replace(/\.wasm$/, "");
      const name = `${stem.startsWith("split_") ? stem.replace(/_\d+$/, "") : stem}-${chunksId}.wasm`;
      chunkFile[f] = name;
      write(name, bytes);
    }
    let splitLink = null;
    let glue = null;
    let glueCode = readFileSync(join(bindgenDir, "sextant.js"), "utf8");
    const prefetch = {};
    const bundled = [];
    if (split) {
      // Without the comment above each module that lists the split points
      // sharing it: 24 KB that every page would download for nothing.
      let link = readFileSync(join(bindgenDir, "__wasm_split.js"), "utf8").replace(/^\/\* [\w, ]+ \*\/\n/gm, "");
      for (const [from, to] of Object.entries(chunkFile)) {
        const ref = `"./${from}"`;
        if (!link.includes(ref)) throw new Error(`build-wasm: __wasm_split.js does not load ${from}`);
        link = link.split(ref).join(`"./${to}"`);
      }
      // Which files each split point needs, for the loader's early fetches.
      for (const m of link.matchAll(/export const __wasm_split_load_(\w+?)_\d+ = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n, \[(.*?)\]\)\);/g)) {
        const [, point, fetcher, deps] = m;
        const own = fetcher.match(/new URL\("\.\/([^"]+)"/);
        const depFiles = deps
          .split(",")
          .map((d) => d.trim())
          .filter(Boolean)
          .map((d) => {
            const def = link.match(new RegExp(`const ${d} = makeLoad\\(\\(\\) => \\{\\s*const src = fetch\\(new URL\\("\\./([^"]+)"`));
            if (!def) throw new Error(`build-wasm: cannot find the module of ${d} in __wasm_split.js`);
            return def[1];
          });
        prefetch[point] = [...(own ? [own[1]] : []), ...depFiles];
      }
      for (const point of [...Object.values(routeSplits), ...Object.values(routeLaterSplits)].flat()) {
        if (!prefetch[point]) throw new Error(`build-wasm: no split point ${point} in this build (src/ui/pages/mod.rs)`);
      }
      // The modules in page bundles, numbered in the order routes first
      // name them.
      for (const [route, points] of Object.entries(routeSplits)) {
        for (const f of [points, laterSplitsOf(route)].flat().flatMap((p) => prefetch[p])) if (!bundled.includes(f)) bundled.push(f);
      }
      // Every module is fetched through pageFetch (below), which takes it
      // from the page bundle when the loader has fetched one. It is asked
      // for the module by its number, so that the loader needs no names.
      const fetchCall = /fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\)/g;
      const fetches = [...link.matchAll(fetchCall)].length;
      if (fetches !== chunkNames.length) throw new Error(`build-wasm: __wasm_split.js fetches ${fetches} modules, expected ${chunkNames.length}`);
      link = pageFetch + link.replace(fetchCall, (_, file) => `pageFetch(${bundled.indexOf(file)}, ${JSON.stringify(file)})`);
      const streamCall = /WebAssembly\.instantiateStreaming\(src, imports\)/g;
      const streams = [...link.matchAll(streamCall)].length;
      if (streams !== chunkNames.length) throw new Error(`build-wasm: __wasm_split.js instantiates ${streams} modules, expected ${chunkNames.length}`);
      link = link.replace(streamCall, "pageInstantiate(src, imports)");
      link = uncommented(compactModules(link, chunkNames.length));

      // The glue and __wasm_split.js import each other, so neither can be
      // named by its own content alone: both take one hash of the two texts
      // and the first module, which changes whenever any of them does.
      const wasmBytes = readFileSync(join(bindgenDir, "sextant_bg.wasm"));
      const id = hash(Buffer.concat([Buffer.from(link), Buffer.from(glueCode), wasmBytes]));
      splitLink = `sextant-split-${id}.js`;
      glue = `sextant-${id}.js`;
      const glueRef = `"./sextant.js"`;
      if (!link.includes(glueRef)) throw new Error("build-wasm: __wasm_split.js does not import the glue");
      write(splitLink, link.split(glueRef).join(`"./${glue}"`));
      // Only the JS imports: the keys of the glue's import object are the
      // module names inside the wasm, which stay "./__wasm_split.js".
      const ref = `from "./__wasm_split.js"`;
      if (!glueCode.includes(ref)) throw new Error("build-wasm: the glue does not import __wasm_split.js");
      glueCode = glueCode.split(ref).join(`from "./${splitLink}"`);
    }
    const wasmBytes = readFileSync(join(bindgenDir, "sextant_bg.wasm"));
    const wasm = `sextant-${hash(wasmBytes)}_bg.wasm`;
    write(wasm, wasmBytes);
    glue ??= `sextant-${hash(glueCode)}.js`;
    write(glue, glueCode);

    // One bundle a route: the modules of its page, end to end, fetched in
    // one request alongside the first module (a page needs 30 to 70 of
    // them). Served as application/wasm so that hosts compress it; it is not
    // itself a module. The service worker does not precache bundles: it has
    // every module on its own, which pageFetch falls back to.
    // Each route: its bundle's name and its modules, as runs of numbers in
    // `bundled` ([first, count, first, count, …]), then, if it has one, the
    // same for the bundle of what it uses once built; `sizes` has each
    // module's length. Most modules are in several bundles, and a bundle
    // holds its modules in the order of `bundled`, so that a route is a few
    // runs; the loader, on every page's first request, holds no module names.
    const routes = {};
    const sizes = bundled.map((f) => readFileSync(join(out, f)).length);
    const numbersOf = (points) =>
      [...new Set(points.flatMap((p) => prefetch[p] ?? []))].map((f) => bundled.indexOf(f)).sort((a, b) => a - b);
    // Each route's bundles, by their modules. A route with the same modules
    // as one before it names that route; bundles of the same modules are
    // one file (the four assessments' second bundles are the same), so that
    // opening two pages that share one fetches it once.
    const planned = {};
    const modulesOf = {};
    const wanted = new Map();
    const want = (stem, numbers) => {
      const key = numbers.join(",");
      if (!wanted.has(key)) wanted.set(key, { numbers, stems: [] });
      wanted.get(key).stems.push(stem);
      return key;
    };
    for (const [route, points] of Object.entries(routeSplits)) {
      const own = numbersOf([points].flat());
      const later = numbersOf(laterSplitsOf(route)).filter((n) => !own.includes(n));
      modulesOf[route] = JSON.stringify([runsOf(own), runsOf(later)]);
      const same = Object.keys(planned).find((r) => modulesOf[r] === modulesOf[route]);
      if (same) {
        routes[route] = same;
        continue;
      }
      const stem = route.replace(/\//g, "-").replace("*", "doc");
      planned[route] = [want(stem, own), ...(later.length ? [want(`${stem}-later`, later)] : [])];
    }
    const files = new Map();
    const merges = [];
    for (const [key, { numbers, stems }] of wanted) {
      const bytes = Buffer.concat(numbers.map((n) => readFileSync(join(out, bundled[n]))));
      const name = `page-${commonStem(stems)}-${hash(bytes)}.wasm`;
      write(name, bytes);
      files.set(key, [name, runsOf(numbers)]);
      merges.push({ modules: numbers.map((n) => join(out, bundled[n])), into: join(out, mergedName(name)) });
    }
    // Each bundle also merged into one module, which a page opened directly
    // instantiates instead of its modules one by one (see pageFetch). It is
    // named after the bundle it is made from: the same modules, merged by the
    // same pinned wasm-merge, make the same file.
    // What the stub imports: everything a split module imports (each
    // imports those of the first module's memory, table and stack pointer
    // it uses), the same way in every module.
    const imports = [];
    for (const f of bundled) {
      for (const i of importsOf(readFileSync(join(out, f)))) {
        const known = imports.find((j) => j.field === i.field);
        if (!known) imports.push(i);
        else if (known.module !== i.module || known.kind !== i.kind || Buffer.compare(known.desc, i.desc) !== 0) {
          throw new Error(`build-wasm: ${f} imports ${i.module}.${i.field} otherwise than another split module; the bundles cannot be merged`);
        }
      }
    }
    if (!imports.every((i) => i.module === "__wasm_split")) throw new Error("build-wasm: a split module imports from elsewhere than __wasm_split");
    const stub = join(work, "stub.wasm");
    writeFileSync(stub, splitStub(imports));
    await pool(merges, 2, ({ modules, into }) => mergeModules(stub, modules, into, imports, release && !process.env.SEXTANT_NO_WASM_OPT));
    for (const [route, keys] of Object.entries(planned)) routes[route] = keys.flatMap((k) => files.get(k));
    const loaderCode = `${
      split
        ? `// The page in the address: its modules, in one bundle, fetched alongside
// the first module, then those it uses once built (see pageFetch in
// ${splitLink}).
{
  const sizes = ${JSON.stringify(sizes)};
  const routes = ${JSON.stringify(routes)};
  // The address is the reader's, or a link's: "#/constructor" or
  // "#/__proto__" must find nothing, as "#/nowhere" does, not what every
  // object inherits. Only the table's own entries count.
  const route = (key) => (Object.prototype.hasOwnProperty.call(routes, key) ? routes[key] : undefined);
  const routeOf = (hash) => {
    const [first, second, third] = String(hash).replace(/^#?\\/?/, "").split("?")[0].split("/");
    const page =
      route(first + "/" + second + "/" + third) ||
      route(first + "/" + second) ||
      (second && route(first + "/*")) ||
      route(first);
    const found = typeof page === "string" ? route(page) : page;
    return Array.isArray(found) ? found : undefined;
  };
  const bundles = (globalThis.__sextantPages = []);
  // Resolves once what the page has built so far is on screen: at the next
  // largest-contentful-paint entry, or two frames and 100 ms on (a paint
  // that is not the largest yet makes no entry; a hidden tab draws no
  // frames, hence the second timer).
  const painted = () =>
    new Promise((go) => {
      const since = performance.now();
      setTimeout(go, 1000);
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(go, 100)));
      try {
        const observer = new PerformanceObserver((list) => {
          if (list.getEntries().some((e) => e.startTime >= since)) {
            observer.disconnect();
            go();
          }
        });
        observer.observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(() => observer.disconnect(), 1000);
      } catch {}
    });
  // A bundle: its file name, its modules (runs of numbers), and what its
  // fetch waits for: "after", or the page asking for one of its modules
  // ("ask", called by pageFetch), whichever comes first. Merged, it is the
  // same modules as one module (page-…-<hash>.merged.wasm). A page asks for
  // its second bundle while it is still being built (the ROI editor's
  // results, below its form): that bundle is fetched once what is built has
  // been painted. Fetched before, it counted, in Lighthouse's simulated slow
  // network, as something the page's largest paint waited for (the ROI
  // editor's came at 2.4-3.3 s on a phone, its 175 KB second bundle asked
  // for 10-50 ms before; docs/performance.md).
  const fetchBundle = (name, runs, after, merged, second) => {
    const known = bundles.find((b) => b.name === name);
    if (known) return known.bytes;
    let ask;
    let asking;
    const asked = new Promise((go) => (ask = second ? () => (asking ??= painted().then(go)) : go));
    const url = new URL("./" + (merged ? name.replace(/\.wasm$/, ".merged.wasm") : name), import.meta.url);
    // Offline, the service worker's cache has the bundle if the worker kept
    // it; a fetch that is bound to fail would only add an error to the console.
    const bytes = Promise.race([after, asked])
      .then(() =>
        worker && !navigator.onLine
          ? caches.match(url).then((r) => r || Promise.reject(new Error("page bundle: not kept offline")))
          : fetch(url),
      )
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error("page bundle: HTTP " + r.status))));
    bytes.catch(() => {});
    // Where each module is in the bundle: its number to [offset, length].
    const files = {};
    let offset = 0;
    for (let i = 0; i < runs.length; i += 2) {
      for (let n = runs[i]; n < runs[i] + runs[i + 1]; offset += sizes[n++]) {
        files[n] = [offset, sizes[n]];
      }
    }
    bundles.push({ name, url, files, numbers: Object.keys(files).map(Number), bytes, ask, merged });
    return bytes;
  };
  // A page's bundle, then, once the page has been built and the browser is
  // idle, the bundle of what it uses after (its charts).
  const idle = (options) =>
    new Promise((go) => (globalThis.requestIdleCallback ? requestIdleCallback(go, options) : setTimeout(go)));
  // Resolves once the app has built the page in the address: the app sends
  // "sextant-page-built" after the page and the parts it queued
  // (src/ui/pages/mod.rs). Idle time alone came too early: the browser is
  // idle while it compiles the page's modules, before the page is built.
  // After 4 s without it (a page that failed to load), it resolves anyway.
  const built = new Promise((go) => {
    addEventListener("sextant-page-built", () => go(), { once: true });
    setTimeout(go, 4000);
  });
  // The page in the address gets its bundles merged: nothing of them has
  // been instantiated yet, so each is one module to instantiate instead of
  // dozens. A page asked for later gets its modules end to end, as most of
  // them may be in use already.
  // With the service worker in control every module is in its cache, so a
  // bundle of modules end to end would only cost a download. The merged
  // bundles still pay: with the worker answering its 287 module requests one
  // by one, a returning reader's ROI editor took a median of 2.3 s to open
  // at 4x CPU slowdown, and 0.84 s with the merged bundles
  // (bench-load.mjs --visits 1). The worker keeps each merged bundle it is
  // asked for (scripts/sw.template.js).
  // A worker that has taken control since the page loaded counts too: a
  // later build's worker may have taken over this tab, and the server may
  // no longer have this build's bundles, while that worker still has its
  // modules.
  const worker = navigator.serviceWorker?.controller;
  const fetchPage = (page, merged) => {
    if (!page || ((worker || navigator.serviceWorker?.controller) && !merged)) return;
    const own = fetchBundle(page[0], page[1], Promise.resolve(), merged);
    if (page[2]) fetchBundle(page[2], page[3], own.catch(() => {}).then(() => built).then(() => idle({ timeout: 2000 })), merged, true);
  };
  // Fetching early only saves time: whatever goes wrong here, the app still
  // starts, and fetches its modules one by one.
  try {
    fetchPage(routeOf(location.hash), true);
  } catch {}
  // On a first visit the worker takes control once it has cached the build:
  // the page's merged bundles, fetched before it was there, are then
  // fetched again through it (from the HTTP cache, as a rule), so that it
  // keeps them and the page opens as fast when the reader comes back
  // offline. Not when a worker was already in control: a newer build's
  // worker taking over this page would keep bundles of this one.
  if (!worker) {
    navigator.serviceWorker?.addEventListener(
      "controllerchange",
      () => {
        for (const b of bundles) if (b.merged) b.bytes.then(() => fetch(b.url)).catch(() => {});
      },
      { once: true },
    );
  }
  // The page the reader is likely to open next (a calculator's editor, from
  // its start page), fetched once this page has been built and the browser
  // is idle (ui::prefetch); or,
  // when asked for now, a page about to be built (ui::fetch_modules).
  globalThis.__sextantPrefetch = (hash, now) => {
    const fetchNext = () => {
      try {
        fetchPage(routeOf(String(hash)));
      } catch {}
    };
    if (now) fetchNext();
    else built.then(() => idle()).then(fetchNext);
  };
}
`
        : ""
    }// The glue is imported here, not at the top: a static import would hold
// this script, and the page bundle's fetch above, until the glue and
// everything it imports had arrived. (index.html preloads them.)
const bindings = await import("./${glue}");
// The first module is compiled from its bytes (WebAssembly.instantiate),
// which decodes it off the main thread, like the page's modules
// (pageInstantiate). Given the Response, the glue would stream it: the
// preloaded file has arrived whole by then, and streaming decodes all of it
// on the main thread, in the task that then starts the app (at 4x CPU
// slowdown, the main thread's work for a cold load of an assessment went
// from a median of 523 ms to 460 over 15 loads each).
const wasm = await bindings.default({
  module_or_path: fetch(new URL("./${wasm}", import.meta.url)).then((r) =>
    r.ok ? r.arrayBuffer() : Promise.reject(new Error("${wasm}: HTTP " + r.status)),
  ),
});
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
`;
    const loaderText = uncommented(loaderCode);
    const loader = `loader-${hash(loaderText)}.js`;
    write(loader, loaderText);

    const head = [
      `<link rel="modulepreload" href="./${glue}" crossorigin>`,
      // The glue imports __wasm_split.js: without a hint it would be fetched
      // only once the glue has arrived.
      ...(split ? [`<link rel="modulepreload" href="./${splitLink}" crossorigin>`] : []),
      `<link rel="preload" href="./${wasm}" as="fetch" type="application/wasm" crossorigin>`,
      `<script type="module" src="./${loader}"></script>`,
    ].join("\n    ");
    return { glue, wasm, splitLink, chunks: Object.values(chunkFile), loader, head, routes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Adds the loader to index.html in `dir`, before </head> (after boot.js). */
export function addToIndex(dir, head) {
  const file = join(dir, "index.html");
  const html = readFileSync(file, "utf8");
  if (!html.includes("</head>")) throw new Error("build-wasm: index.html has no </head>");
  // Trunk leaves the skipped rust link (index.html) in place.
  const cleaned = html.replace(/\s*<link data-trunk rel="rust"[^>]*>/, "");
  writeFileSync(file, cleaned.replace("</head>", `  ${head}\n  </head>`));
}

/**
 * Builds into `out` and adds the loader to its index.html: what Trunk's
 * post-build hook and the command line do.
 */
export async function buildInto(out, { split, release }) {
  if (!existsSync(out)) mkdirSync(out, { recursive: true });
  const result = await buildWasm({ out, split, release });
  addToIndex(out, result.head);
  console.log(`build-wasm: wrote ${result.glue}, ${result.wasm}, ${result.chunks.length} split modules, ${result.loader}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--out");
  const out = at >= 0 ? args[at + 1] : process.env.TRUNK_STAGING_DIR || "dist";
  const release = !args.includes("--debug") && process.env.TRUNK_PROFILE !== "debug";
  // `trunk serve` (a debug build) gets one module: quicker to build.
  await buildInto(out, { split: release && !args.includes("--no-split"), release });
}
