// Registers the service worker (sw.js, written at build time by
// scripts/service-worker.mjs) that keeps this build of Sextant available
// offline. Skipped where service workers cannot run (file://, plain http on
// another host, browsers without them, some private modes); the app never
// depends on it, and a failed registration is silent.
//
// Installing the worker fetches and stores every file of the build, so it
// waits until the app has built its first page (the "sextant-page-built"
// event, src/ui/pages/mod.rs), then 3 s more and an idle moment: begun at
// the page's load event, it ran while the page was still being built and
// slowed it (Lighthouse mobile, ROI editor with an example: total blocking
// time 340-368 ms, against 36-49 ms without a worker). A page that never
// says it is built (it failed to load) registers 10 s after its load event.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var asked = false;
  function register() {
    try {
      navigator.serviceWorker.register("./sw.js").catch(function () {});
    } catch (e) {
      // SecurityError in some sandboxed frames: nothing to do.
    }
  }
  function soon() {
    if (asked) return;
    asked = true;
    setTimeout(function () {
      if (window.requestIdleCallback) window.requestIdleCallback(register, { timeout: 5000 });
      else register();
    }, 3000);
  }
  window.addEventListener("sextant-page-built", soon, { once: true });
  function fallback() {
    setTimeout(soon, 10000);
  }
  if (document.readyState === "complete") fallback();
  else window.addEventListener("load", fallback);
})();
