/*
 * The driver's crossing page with no signal: registers the service worker that keeps the last copy
 * of this crossing (views/static/sw.js), shows the "no connection" banner while what is shown is that
 * copy, asks again as soon as the signal is back, and says what to do once a call's deadline has
 * passed. Every text is rendered by the server in the driver's language; this only shows or hides it.
 */
(() => {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker
      .register("/sw.js", { scope: "/c/" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active?.postMessage({ keep: location.pathname + location.search }))
      .catch(() => {});
  }
  let unreachable = false;

  function refresh() {
    const live = document.getElementById("live");
    const banner = document.getElementById("offline-banner");
    if (!live || !banner) return;
    banner.hidden = !(unreachable || live.dataset.source === "kept");
    for (const hint of document.querySelectorAll("[data-after-deadline]")) {
      hint.hidden = Date.now() <= Number(hint.getAttribute("data-after-deadline"));
    }
  }

  function retry() {
    const live = document.getElementById("live");
    if (live && window.htmx) window.htmx.trigger(live, "retry");
  }

  document.addEventListener("htmx:sendError", () => {
    unreachable = true;
    refresh();
  });
  document.addEventListener("htmx:afterSwap", () => {
    unreachable = false;
    refresh();
  });
  window.addEventListener("online", retry);
  window.addEventListener("offline", () => {
    unreachable = true;
    refresh();
  });
  document.addEventListener("DOMContentLoaded", () => {
    refresh();
    // a kept page may be older than the kept live part: ask for it (the network first) at once
    const live = document.getElementById("live");
    if (live && live.dataset.source === "kept") setTimeout(retry, 0);
  });
  setInterval(refresh, 15000);
})();
