// Sextant's service worker. scripts/service-worker.mjs writes it as sw.js at
// the end of every build, from this template, with the build's hash and the
// exact list of the build's files. It precaches those files in a cache named
// after the build and serves them cache-first, so the app works offline once
// it has been opened.
// The merged page bundles (page-<route>-<hash>.merged.wasm, see
// scripts/build-wasm.mjs) are not precached: they repeat the modules, about
// 6 MB in all, and a reader uses few of them. The worker keeps each one in
// the same cache the first time a page fetches it through the worker (the
// page of a first visit fetches its own again once the worker is in
// control), so the pages a reader returns to open as fast offline as online.
// It keeps a bundle only if the answer is one: a 200 answer of type
// application/wasm that starts with the WebAssembly magic bytes. A captive
// portal's sign-in page or a host's "not found" page answered with 200 is
// passed to the page, which then loads the modules one by one, and is not
// kept: kept, it would be served for that page until the next build.
//
// A new build. Its worker takes over at once (skipWaiting, clients.claim):
// the next page opened or reloaded is the new build, offline too, and a
// first visit's page is under its control without a reload. But a tab left
// open still runs the build it was opened with, and loads that build's page
// modules as the reader moves around in it, some of them long after. The
// new build's cache does not have them (their names are their contents'
// hashes) and, online, the server no longer has them either. So an earlier
// build's cache is not deleted when the new worker takes over: the new worker
// answers any file it does not have itself from the earlier builds' caches,
// and deletes an earlier build's cache only once every tab that was open
// when the next build took over has been closed or reloaded. It writes down
// which tabs those were in that cache (under META), and looks again
// whenever a page of Sextant is opened or reloaded. A tab opened after the
// take-over runs the new build, so it keeps no earlier cache alive; if no
// tab was open, the earlier caches go at once. Updating only at the next
// navigation instead (no skipWaiting) would also keep tabs whole, but a
// reload does not end the old worker's control while its tab stays open, so
// a reader who keeps Sextant open would not get a new build for days.
// Each cache also records when its build was installed, so that a worker
// never takes the cache of a later build, still installing, for an earlier
// one.
// A debug build (`trunk serve`) gets OFFLINE = false: the worker then caches
// nothing, removes the caches and unregisters itself, so development always
// sees the latest build.
"use strict";

const BUILD = "__SEXTANT_BUILD__";
const FILES = __SEXTANT_FILES__;
const OFFLINE = __SEXTANT_OFFLINE__;

const SCOPE = self.registration.scope;
const PREFIX = "sextant-";
const SUFFIX = " " + SCOPE;
const CACHE = PREFIX + BUILD + SUFFIX;
// The caches of the other builds of this copy of Sextant (same scope).
const other = (key) => key !== CACHE && key.startsWith(PREFIX) && key.endsWith(SUFFIX);
// Each cached address, without its query, and the file that answers it; the
// scope itself (".../tools/sextant/") is index.html.
const ANSWERS = new Map(FILES.map((file) => [new URL(file, SCOPE).href, file]));
if (OFFLINE) ANSWERS.set(SCOPE, "index.html");
// What the worker writes down in each build's cache, under addresses that
// are no file of Sextant: when the build was installed ({ installed }), and,
// once a later build has taken over, the tabs open at that moment ({ tabs }).
const META = new URL("sextant-worker-build.json", SCOPE).href;
// A merged page bundle's address: named by its content's hash, so whatever
// answers it once answers it for good.
const MERGED = /^page-[a-z-]+-[0-9a-f]{16}\.merged\.wasm$/;
const merged = (url) => OFFLINE && url.href.startsWith(SCOPE) && MERGED.test(url.href.slice(SCOPE.length));

// What a build's cache says of its build: `{ installed, tabs? }`.
async function metaOf(cache) {
  try {
    const meta = await (await cache.match(META))?.json();
    if (meta && typeof meta === "object") return meta;
  } catch {
    // Unreadable: taken as a build installed before any other.
  }
  return { installed: 0 };
}

const writeMeta = (cache, meta) => cache.put(META, new Response(JSON.stringify(meta), { headers: { "content-type": "application/json" } }));

// The ids of the tabs (and frames) of this copy of Sextant now open.
async function openTabs() {
  const all = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  return all.filter((client) => client.url.startsWith(SCOPE)).map((client) => client.id);
}

// Deletes each earlier build's cache once none of the tabs written down in
// it is still open. A cache with no tabs written down is left alone: it is
// the cache of a build that has not taken over yet (still installing).
async function tidy() {
  const open = new Set(await openTabs());
  for (const key of (await caches.keys()).filter(other)) {
    const { tabs } = await metaOf(await caches.open(key));
    if (Array.isArray(tabs) && !tabs.some((id) => open.has(id))) await caches.delete(key);
  }
}

// On taking over: writes down, in each earlier build's cache, the tabs open
// now (they may run that build), then deletes the caches no open tab needs.
async function handOver() {
  const { installed } = await metaOf(await caches.open(CACHE));
  const tabs = await openTabs();
  for (const key of (await caches.keys()).filter(other)) {
    const cache = await caches.open(key);
    const meta = await metaOf(cache);
    // A later build, still installing; or one already handed over, whose
    // tabs were written down then (a tab opened since runs a later build).
    if (meta.installed > installed || Array.isArray(meta.tabs)) continue;
    await writeMeta(cache, { ...meta, tabs });
  }
  await tidy();
}

// A file that this build does not have, from an earlier build's cache.
async function fromEarlier(url) {
  for (const key of (await caches.keys()).filter(other)) {
    const hit = await (await caches.open(key)).match(url);
    if (hit) return hit;
  }
  return undefined;
}

// Whether `response` is a WebAssembly module (status, type, magic bytes).
async function isWasm(response) {
  if (!response.ok) return false;
  const type = (response.headers.get("content-type") || "").split(";")[0].trim().toLowerCase();
  if (type !== "application/wasm") return false;
  const bytes = new Uint8Array(await response.clone().arrayBuffer());
  return bytes.length >= 4 && bytes[0] === 0x00 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
}

// Keeps a merged page bundle (a copy of the page's answer), if it is one.
async function keep(url, copy) {
  if (!(await isWasm(copy))) return;
  await (await caches.open(CACHE)).put(url, copy);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      if (OFFLINE) {
        const cache = await caches.open(CACHE);
        await writeMeta(cache, { installed: Date.now() });
        // Files named by their content's hash may come from the HTTP cache
        // (the page has just loaded them); the others are checked with the server.
        const hashed = (file) => /-[0-9a-f]{16}(?:_bg)?\.[a-z]+$/.test(file);
        await cache.addAll(FILES.map((file) => new Request(new URL(file, SCOPE), { cache: hashed(file) ? "default" : "no-cache" })));
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      if (OFFLINE) {
        await handOver();
        await self.clients.claim();
      } else {
        for (const key of await caches.keys()) {
          if (key.startsWith(PREFIX) && key.endsWith(SUFFIX)) await caches.delete(key);
        }
        await self.registration.unregister();
      }
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!OFFLINE || request.method !== "GET") return;
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  if (!url.href.startsWith(SCOPE) || url.href === META) return;
  // A page opened or reloaded: an earlier build's tabs may all be gone.
  if (request.mode === "navigate") event.waitUntil(tidy().catch(() => {}));
  const file = ANSWERS.get(url.href);
  if (file !== undefined) {
    event.respondWith(
      (async () => (await caches.match(new URL(file, SCOPE).href, { cacheName: CACHE })) || fetch(request))(),
    );
    return;
  }
  // Not a file of this build: a merged page bundle, or a file of the build
  // that a tab opened before this one took over still runs. Pages are left
  // to the server.
  if (request.mode === "navigate") return;
  event.respondWith(
    (async () => {
      const hit = (await caches.match(url.href, { cacheName: CACHE })) || (await fromEarlier(url.href));
      if (hit) return hit;
      const response = await fetch(request);
      // Not kept (not a bundle, storage full, say): the page still gets the answer.
      if (merged(url)) event.waitUntil(keep(url.href, response.clone()).catch(() => {}));
      return response;
    })(),
  );
});
