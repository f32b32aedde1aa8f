// Trunk post-build hook: the steps that must run in this order on the
// staging directory (Trunk starts the hooks of one stage in parallel).
// Trunk builds the HTML, CSS and copied files; build-wasm.mjs builds the
// WebAssembly (split into a module per page) and adds its loader to
// index.html; service-worker.mjs then lists every file for offline use.
await import("./build-wasm.mjs").then(async ({ buildWasm, addToIndex }) => {
  const out = process.env.TRUNK_STAGING_DIR || process.argv[2] || "dist";
  const release = process.env.TRUNK_PROFILE !== "debug";
  const result = await buildWasm({ out, split: release, release });
  addToIndex(out, result.head);
  console.log(`build-wasm: ${result.glue}, ${result.wasm}, ${result.chunks.length} split modules, ${result.loader}`);
});
await import("./service-worker.mjs");
