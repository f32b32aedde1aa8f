// Trunk post-build hook: the steps that must run in this order on the
// staging directory (Trunk starts the hooks of one stage in parallel).
await import("./externalize-loader.mjs");
await import("./service-worker.mjs");
