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
  window.addEventListener("error", function (e) {
    if (e && e.target && e.target !== window) fail();
  }, true);
  window.setTimeout(fail, 20000);
})();
