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
//  2. `wasm-pages split` (tools/wasm-pages, over the library of wasm-split)
//     moves the code only split points reach into modules of their own: one
//     a page, and one for each group of pages that share code. It lists, as
//     data (split.json), which modules each split point needs; from that this
//     script writes __wasm_split.js, which fetches and instantiates them
//     against the first module's memory and table.
//  3. wasm-bindgen writes the JS glue for the first module (keeping the
//     exports the other modules link against).
//  4. wasm-opt -Oz shrinks every module.
//  5. Every file gets a content hash in its name (the split modules one hash
//     of them all), so a new build never mixes with cached files of an old
//     one; references are rewritten to match.
//  6. page-<route>-<hash>.wasm bundles each route's modules end to end, and
//     page-<route>-<hash>.merged.wasm has the same modules merged into one
//     (`wasm-pages merge`). loader-<hash>.js starts the app and, from the route in
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
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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

// The start of __wasm_split.js (see linkModule).
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
// A module's loader: module number n of the bundles,
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

// The rest of __wasm_split.js but the loaders (see linkModule); SHARED is
// what the first module shares with the split modules.
const linkRuntime = (shared) => `import { initSync } from "./sextant.js";
// What every split module imports from "__wasm_split": what the first module
// exports for them, taken once it has been instantiated.
let sharedImports;
function getSharedImports() {
  if (!sharedImports) {
    const { ${shared} } = initSync(undefined, undefined);
    sharedImports = { __wasm_split: { ${shared} } };
  }
  return sharedImports;
}
// A split point's loader as the first module calls it: load its modules,
// then call the first module back (a function in the shared table) with
// whether they loaded.
function wrapAsyncCb(load) {
  return async (callbackIndex, callbackData) => {
    let success = false;
    try {
      await load();
      success = true;
    } catch (e) {
      console.error(e);
    } finally {
      getSharedImports().__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, success);
    }
  };
}
// Loads a module once the modules it needs have loaded, at most once at a
// time. A load that failed is forgotten, so that the next call tries again:
// one network error must not break the page for the rest of the visit.
function makeLoad(fetcher, deps) {
  let loading;
  const load = async () => {
    const before = deps.map((d) => d());
    const instantiate = fetcher();
    await Promise.all(before);
    return instantiate(getSharedImports());
  };
  return () => {
    if (!loading) {
      const attempt = load();
      attempt.catch(() => {
        if (loading === attempt) loading = undefined;
      });
      loading = attempt;
    }
    return loading;
  };
}
`;

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * A split point's name in src/bundles.rs: its `split_point!` name less its
 * `_1` (`roi_page_1` is `roi_page`).
 */
export function pointOf(name) {
  if (!name.endsWith("_1")) throw new Error(`build-wasm: split point ${name} is not named <name>_1 (split_point! in src/ui/mod.rs)`);
  return name.slice(0, -2);
}

/**
 * __wasm_split.js, from what the split wrote (`manifest`, split.json of
 * tools/wasm-pages): the first module imports each split point's loader from
 * it. Each module is loaded through `mod` with its number in `bundled` (the
 * modules of the page bundles, -1 for one in none) and its file name
 * (`fileOf` its name as the split wrote it), and each list of the chunks a
 * split point needs is written as runs of numbers: every page loads this
 * file (about 500 modules).
 */
export function linkModule(manifest, fileOf, bundled) {
  for (const name of [...manifest.shared, ...manifest.points.map((p) => p.loader)]) {
    if (!identifier.test(name)) throw new Error(`build-wasm: the split names ${JSON.stringify(name)}, not a JavaScript name`);
  }
  if (!manifest.shared.includes("__indirect_function_table")) throw new Error("build-wasm: the first module does not share its function table");
  const load = (file, deps) => {
    if (!fileOf[file]) throw new Error(`build-wasm: no file for module ${file}`);
    return `mod(${bundled.indexOf(fileOf[file])}, ${JSON.stringify(fileOf[file])}, ${deps})`;
  };
  const chunks = new Set(manifest.chunks.map((c) => c.number));
  const lines = manifest.chunks.map((c) => `chunks[${c.number}] = ${load(c.file, "[]")};`);
  for (const point of manifest.points) {
    const numbers = [...point.chunks].sort((a, b) => a - b);
    for (const n of numbers) if (!chunks.has(n)) throw new Error(`build-wasm: split point ${point.name} needs chunk ${n}, which the split did not write`);
    const deps = `chunksIn(${runsOf(numbers).join(",")})`;
    // A split point with no module of its own: its chunks hold all its code.
    const loader = point.file ? load(point.file, deps) : `makeLoad(() => async () => ({}), ${deps})`;
    lines.push(`export const ${point.loader} = wrapAsyncCb(${loader});`);
  }
  return pageFetch + linkRuntime(manifest.shared.join(", ")) + lines.join("\n") + "\n";
}

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

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: "inherit", cwd: root, ...options });
}

const hash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

async function pool(items, size, work) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (queue.length) await work(queue.shift());
    }),
  );
}

/**
 * Merges the split modules `modules` into one module, `into`, that does what
 * instantiating each in turn does (`wasm-pages merge`: each import once,
 * every module's functions, data and table slots kept). Then -Oz if
 * `optimise`.
 */
function mergeModules(tool, modules, into, optimise) {
  return background(tool, ["merge", into, ...modules], into).then(() => {
    if (optimise) return wasmOpt(into);
  });
}

/** Runs a tool in the background; rejects, naming `file`, if it fails. */
function background(tool, args, file) {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed on ${file}`))));
  });
}

function wasmOpt(file) {
  return background("wasm-opt", ["-Oz", ...wasmOptFeatures, file, "-o", file], file);
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
  // The wasm steps' own tool (tools/wasm-pages), built for this machine.
  run("cargo", ["build", "--release", "-p", "wasm-pages"]);
  const tool = join(targetDir, "release", "wasm-pages");

  const work = mkdtempSync(join(tmpdir(), "sextant-wasm-"));
  try {
    let input = join(work, "sextant.wasm");
    const splitDir = join(work, "split");
    if (!split) {
      run(tool, ["strip", built, input]);
    } else {
      run(tool, ["split", built, splitDir]);
      input = join(splitDir, "sextant.wasm");
    }
    // What the split wrote (tools/wasm-pages/src/split.rs): the chunks (code
    // that several split points share) by wasm-split's number, each split
    // point's loader, own module (or none) and chunks, and what the first
    // module shares with them.
    const manifest = split ? JSON.parse(readFileSync(join(splitDir, "split.json"), "utf8")) : null;
    const bindgenDir = join(work, "bindgen");
    const bindgenArgs = ["--target", "web", "--no-typescript", "--out-dir", bindgenDir, "--out-name", "sextant"];
    if (split) bindgenArgs.push("--keep-lld-exports", "--no-demangle");
    run("wasm-bindgen", [...bindgenArgs, input]);

    // The split modules sit next to the glue.
    const chunkNames = split ? [...manifest.chunks.map((c) => c.file), ...manifest.points.flatMap((p) => (p.file ? [p.file] : []))] : [];
    for (const f of chunkNames) renameSync(join(splitDir, f), join(bindgenDir, f));

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
      const stem = f.slice(0, -".wasm".length);
      const name = `${stem.startsWith("split_") ? pointOf(stem) : stem}-${chunksId}.wasm`;
      chunkFile[f] = name;
      write(name, bytes);
    }
    let splitLink = null;
    let glue = null;
    let glueCode = readFileSync(join(bindgenDir, "sextant.js"), "utf8");
    const prefetch = {};
    const bundled = [];
    if (split) {
      // Which files each split point needs, for the loader's early fetches:
      // its own module, then its chunks.
      const chunkOf = new Map(manifest.chunks.map((c) => [c.number, c.file]));
      for (const point of manifest.points) {
        prefetch[pointOf(point.name)] = [...(point.file ? [chunkFile[point.file]] : []), ...point.chunks.map((n) => chunkFile[chunkOf.get(n)])];
      }
      for (const point of [...Object.values(routeSplits), ...Object.values(routeLaterSplits)].flat()) {
        if (!prefetch[point]) throw new Error(`build-wasm: no split point ${point} in this build (src/ui/pages/mod.rs)`);
      }
      // The modules in page bundles, numbered in the order routes first
      // name them.
      for (const [route, points] of Object.entries(routeSplits)) {
        for (const f of [points, laterSplitsOf(route)].flat().flatMap((p) => prefetch[p])) if (!bundled.includes(f)) bundled.push(f);
      }
      const link = uncommented(linkModule(manifest, chunkFile, bundled));

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
    // The build that is not split has no page bundles.
    for (const [route, points] of Object.entries(split ? routeSplits : {})) {
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
    // same tool, make the same file.
    await pool(merges, 2, ({ modules, into }) => mergeModules(tool, modules, into, release && !process.env.SEXTANT_NO_WASM_OPT));
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
