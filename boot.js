// Shows a visible message when the app cannot start: no WebAssembly, or the
// module failed to load. The app removes #boot once it has mounted.
(function () {
  "use strict";
  function fail() {
    var boot = document.getElementById("boot");
    if (boot && !document.documentElement.hasAttribute("data-sextant-ready")) {
      boot.className = "boot boot--failed";
      boot.setAttribute("role", "alert");
    }
  }
  if (typeof WebAssembly !== "object") {
    fail();
    return;
  }
  window.addEventListener("unhandledrejection", fail);
  // A failed WebAssembly fetch or instantiation rejects the loader's
  // top-level await, which the browser reports as an error on window.
  window.addEventListener("error", fail, true);
  window.setTimeout(fail, 20000);
})();
