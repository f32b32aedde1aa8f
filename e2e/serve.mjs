// A plain static file server for the release build, as any static host would
// serve it: dist/ under a sub-path (default /tools/sextant/), no rewrites.
// Usage: node e2e/serve.mjs [--port 4173] [--base /tools/sextant/] [--dir dist]
//        [--csp FILE] [--compress]
import { createServer } from "node:http";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { readFile, readdir, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const port = Number(args.port ?? process.env.PORT ?? 4173);
const base = args.base ?? "/tools/sextant/";
const root = resolve(args.dir ?? "dist");
// --csp FILE: send that Content Security Policy with every response.
const csp = args.csp ? (await readFile(args.csp, "utf8")).trim() : null;
// --compress: brotli or gzip when the client accepts it, as most hosts do.
const compress = "compress" in args;
const compressible = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".txt"]);
const compressed = new Map();
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  if (url.pathname === base.replace(/\/$/, "")) {
    res.writeHead(301, { location: base });
    return res.end();
  }
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404, { "content-type": "text/plain" });
    return res.end("not found");
  }
  let rel = decodeURIComponent(url.pathname.slice(base.length)) || "index.html";
  const file = normalize(join(root, rel));
  if (!file.startsWith(root)) {
    res.writeHead(403);
    return res.end();
  }
  try {
    const info = await stat(file);
    const path = info.isDirectory() ? join(file, "index.html") : file;
    let body = await readFile(path);
    const headers = { "content-type": types[extname(path)] ?? "application/octet-stream", "cache-control": "no-cache" };
    if (csp) headers["content-security-policy"] = csp;
    const accepts = String(req.headers["accept-encoding"] ?? "");
    const encoding = /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
    if (compress && encoding && compressible.has(extname(path))) {
      body = await compressedBody(path, encoding, body);
      headers["content-encoding"] = encoding;
      headers["vary"] = "accept-encoding";
    }
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }
});

/** The compressed body, made once per file version and encoding. */
async function compressedBody(path, encoding, body) {
  const key = `${encoding}:${path}:${(await stat(path)).mtimeMs}`;
  if (!compressed.has(key)) compressed.set(key, encoding === "br" ? brotliCompressSync(body) : gzipSync(body, { level: 9 }));
  return compressed.get(key);
}

// Compress everything before the first request, so that no response (and no
// measurement) waits for brotli at its highest quality.
if (compress) {
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || !compressible.has(extname(path))) continue;
    const body = await readFile(path);
    for (const encoding of ["br", "gzip"]) await compressedBody(path, encoding, body);
  }
}

// --port 0 picks a free port; the line below says which.
server.listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${server.address().port}${base}`));
