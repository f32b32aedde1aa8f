// Sextant's service worker. scripts/service-worker.mjs writes it as sw.js at
// the end of every build, from this template, with the build's hash and the
// exact list of the build's files. It precaches those files in a cache named
// after the build, serves them cache-first, and on activation deletes the
// caches of earlier builds of the same copy of Sextant (same scope), so the
// app works offline once it has been opened, and one cache is kept.
// The merged page bundles (page-<route>-<hash>.merged.wasm, see
// scripts/build-wasm.mjs) are not precached: they repeat the modules, about
// 6 MB in all, and a reader uses few of them. The worker keeps each one in
// the same cache the first time a page fetches it through the worker (the
// page of a first visit fetches its own again once the worker is in
// control), so the pages a reader returns to open as fast offline as online.
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
// Each cached address, without its query, and the file that answers it; the
// scope itself (".../tools/sextant/") is index.html.
const ANSWERS = new Map(FILES.map((file) => [new URL(file, SCOPE).href, file]));
if (OFFLINE) ANSWERS.set(SCOPE, "index.html");
// A merged page bundle's address: named by its content's hash, so whatever
// answers it once answers it for good.
const MERGED = /^page-[a-z-]+-[0-9a-f]{16}\.merged\.wasm$/;
const merged = (url) => OFFLINE && url.href.startsWith(SCOPE) && MERGED.test(url.href.slice(SCOPE.length));

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      if (OFFLINE) {
        const cache = await caches.open(CACHE);
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
      for (const key of await caches.keys()) {
        if (key !== CACHE && key.startsWith(PREFIX) && key.endsWith(SUFFIX)) await caches.delete(key);
      }
      if (OFFLINE) await self.clients.claim();
      else await self.registration.unregister();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  const file = ANSWERS.get(url.href);
  const keep = file === undefined && merged(url);
  if (file === undefined && !keep) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(keep ? url.href : new URL(file, SCOPE).href);
      if (hit) return hit;
      const response = await fetch(request);
      // Not kept (storage full, say): the page still gets the bundle.
      if (keep && response.ok) event.waitUntil(cache.put(url.href, response.clone()).catch(() => {}));
      return response;
    })(),
  );
});
