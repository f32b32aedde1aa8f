// Shows a visible message when the app cannot start: no WebAssembly, or the
// module failed to load. The app removes #boot once it has mounted.
// Once it has started, a WebAssembly trap (a panic, or memory running out:
// the release build aborts on both) stops the app for good and leaves the
// page as it was, frozen; the message then says so, and offers a reload.
(function () {
  "use strict";
  function started() {
    return document.documentElement.hasAttribute("data-sextant-ready");
  }
  function fail() {
    var boot = document.getElementById("boot");
    if (boot && !started()) {
      boot.className = "boot boot--failed";
      boot.setAttribute("role", "alert");
    }
  }
  function stopped() {
    if (document.getElementById("stopped") || !document.body) return;
    var box = document.createElement("div");
    box.id = "stopped";
    box.className = "boot boot--failed boot--stopped";
    box.setAttribute("role", "alert");
    var text = document.createElement("p");
    text.textContent = "Sextant stopped. Reload the page; your saved data is safe.";
    var reload = document.createElement("button");
    reload.type = "button";
    reload.className = "button";
    reload.textContent = "Reload";
    reload.addEventListener("click", function () {
      location.reload();
    });
    box.appendChild(text);
    box.appendChild(reload);
    document.body.appendChild(box);
    reload.focus();
  }
  function trapped(error) {
    return typeof WebAssembly.RuntimeError === "function" && error instanceof WebAssembly.RuntimeError;
  }
  if (typeof WebAssembly !== "object") {
    fail();
    return;
  }
  window.addEventListener("unhandledrejection", function (event) {
    if (!started()) fail();
    else if (trapped(event.reason)) stopped();
  });
  // A failed WebAssembly fetch or instantiation rejects the loader's
  // top-level await, which the browser reports as an error on window.
  window.addEventListener(
    "error",
    function (event) {
      if (!started()) fail();
      else if (trapped(event.error)) stopped();
    },
    true,
  );
  window.setTimeout(fail, 20000);
})();
