// Trunk post-build hook: the steps that must run in this order on the
// staging directory (Trunk starts the hooks of one stage in parallel).
// Trunk builds the HTML, CSS and copied files; build-wasm.mjs builds the
// WebAssembly (split into a module per page) and adds its loader to
// index.html; service-worker.mjs then lists every file for offline use.
const { buildInto } = await import("./build-wasm.mjs");
// `trunk serve` (a debug build) gets one module: quicker to build.
const release = process.env.TRUNK_PROFILE !== "debug";
await buildInto(process.env.TRUNK_STAGING_DIR || process.argv[2] || "dist", { split: release, release });
await import("./service-worker.mjs");
