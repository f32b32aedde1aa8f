// Writes dist-single/sextant.html: the release build (dist/, from
// `trunk build --release`), with the app built as one module, as one
// self-contained HTML file that works when
// opened from disk (file://) or sent as an attachment: the stylesheet, the
// scripts and the WebAssembly module (base64) inlined, icons as data: URIs,
// and no service worker or manifest, which need a web server.
// Usage: node scripts/single-file.mjs [dist] [dist-single/sextant.html]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { buildWasm } from "./build-wasm.mjs";

const [dir = "dist", out = "dist-single/sextant.html"] = process.argv.slice(2);
let html = readFileSync(join(dir, "index.html"), "utf8");
const read = (href) => readFileSync(join(dir, href.replace(/^\.\//, "")));
const dataUri = (type, bytes) => `data:${type};base64,${Buffer.from(bytes).toString("base64")}`;
// Text inlined in <script> or <style> must not close the element early.
const inScript = (code) => code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
const inStyle = (css) => css.replace(/<\/(style)/gi, "<\\/$1");
function replaceOne(pattern, replacement, what) {
  const count = (html.match(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g")) || []).length;
  if (count !== 1) throw new Error(`single-file: expected one ${what} in index.html, found ${count}`);
  html = html.replace(pattern, replacement);
}

// The release build splits the app into a module per page, fetched when
// needed, which a file cannot do: the single file carries the app built as
// one module (scripts/build-wasm.mjs --no-split). Its wasm-bindgen glue
// becomes an inline module that initialises itself from the module's bytes.
const unsplit = mkdtempSync(join(tmpdir(), "sextant-single-"));
let code;
let wasmBase64;
try {
  const built = await buildWasm({ out: unsplit, split: false, release: true });
  code = readFileSync(join(unsplit, built.glue), "utf8");
  wasmBase64 = readFileSync(join(unsplit, built.wasm)).toString("base64");
} finally {
  rmSync(unsplit, { recursive: true, force: true });
}
const exportLine = /^export \{ initSync, __wbg_init as default \};$/m;
if (!exportLine.test(code)) throw new Error("single-file: the wasm-bindgen glue's exports are not as expected");
code = code.replace(exportLine, "");
const module = `${code}
{
  const text = atob("${wasmBase64}");
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const instance = await __wbg_init({ module_or_path: bytes });
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
}
`;

// The release build's loader (scripts/build-wasm.mjs) is replaced by the module above.
replaceOne(/<script type="module" src="\.\/loader-[0-9a-f]+\.js"><\/script>/, () => `<script type="module">${inScript(module)}</script>`, "loader script");
// Preloads of files that no longer exist.
html = html.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, "");
// No service worker or manifest from a file.
replaceOne(/\s*<script src="\.\/sw-register-[0-9a-f]+\.js"[^>]*><\/script>/, "", "service worker registration");
replaceOne(/\s*<link rel="manifest"[^>]*>/, "", "manifest link");
// The stylesheet and the start-up script, inline.
replaceOne(/<link rel="stylesheet" href="([^"]+)"[^>]*\/?>/, (_, href) => `<style>${inStyle(read(href).toString("utf8"))}</style>`, "stylesheet");
replaceOne(/<script src="(\.\/boot-[0-9a-f]+\.js)"[^>]*><\/script>/, (_, src) => `<script>${inScript(read(src).toString("utf8"))}</script>`, "boot script");
// Icons as data: URIs.
const types = { ".svg": "image/svg+xml", ".png": "image/png" };
html = html.replace(/<link rel="(icon|apple-touch-icon)" href="([^"]+)"/g, (_, rel, href) => {
  const type = types[href.slice(href.lastIndexOf("."))];
  if (!type) throw new Error(`single-file: unknown icon type ${href}`);
  return `<link rel="${rel}" href="${dataUri(type, read(href))}"`;
});

// Nothing may still point at a file of dist/.
const left = [...html.matchAll(/\b(?:src|href)="(?!data:|#|https?:)([^"]+)"/g)].map((m) => m[1]);
if (left.length) throw new Error(`single-file: still refers to ${left.join(", ")}`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`single-file: wrote ${out} (${Buffer.byteLength(html)} bytes)`);
