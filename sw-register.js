// Registers the service worker (sw.js, written at build time by
// scripts/service-worker.mjs) that keeps this build of Sextant available
// offline. Skipped where service workers cannot run (file://, plain http on
// another host, browsers without them, some private modes); the app never
// depends on it, and a failed registration is silent.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  function register() {
    try {
      navigator.serviceWorker.register("./sw.js").catch(function () {});
    } catch (e) {
      // SecurityError in some sandboxed frames: nothing to do.
    }
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
