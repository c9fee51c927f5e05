/*
 * Shekara's service worker, for the driver's crossing page only (registered with scope /c/).
 *
 * With a signal, the crossing page and its polled part come from the network and the last copy of
 * each is kept; with none, the last copy is shown, marked as such, so the driver still has the
 * booking pass and the last known state. A crossing is kept under its own secret address only: a
 * page is never served for another address, so nobody without the link can read it from the cache.
 * Nothing else of the site is kept beyond the shell that draws the page (stylesheet, htmx, script).
 */
const SHELL = "shekara-shell-v1";
const PASSES = "shekara-passes-v1";
const SHELL_FILES = ["/static/app.css", "/static/htmx.min.js", "/static/crossing-offline.js"];
// A weak signal that answers nothing is treated as none after this long.
const NETWORK_WAIT_MS = 6000;
// A pass not refreshed for this long is dropped: the crossing is long over.
const KEEP_DAYS = 7;
const CROSSING = /^\/c\/[A-Za-z0-9_-]{10,64}(\/live)?$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(SHELL_FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n !== SHELL && n !== PASSES).map((n) => caches.delete(n))),
      )
      .then(dropOldPasses)
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (CROSSING.test(url.pathname)) {
    event.respondWith(networkThenKept(request, url));
  } else if (SHELL_FILES.includes(url.pathname)) {
    event.respondWith(fetch(request).catch(() => caches.match(url.pathname, { cacheName: SHELL })));
  }
});

// The page asks for itself to be kept as soon as this worker runs: the very first visit, which
// the worker did not see, is then readable offline too.
self.addEventListener("message", (event) => {
  const path = event.data?.keep;
  if (typeof path !== "string") return;
  const url = new URL(path, self.location.origin);
  if (url.origin !== self.location.origin || !CROSSING.test(url.pathname)) return;
  event.waitUntil(networkThenKept(new Request(url), url).catch(() => {}));
});

/** The network's answer, kept; with no network, the kept copy of this very address, marked. */
async function networkThenKept(request, url) {
  // One copy per crossing and part, whatever the language asked: the last one the driver saw.
  const key = url.origin + url.pathname;
  try {
    const response = await withTimeout(fetch(request), NETWORK_WAIT_MS);
    // a checkpoint that answers but cannot serve (storage trouble) is no better than no signal
    if (response.status >= 500) {
      const kept = await caches.match(key, { cacheName: PASSES });
      if (kept) return markKept(kept);
    }
    if (response.ok && (response.headers.get("Content-Type") || "").startsWith("text/html")) {
      const cache = await caches.open(PASSES);
      await cache.put(key, response.clone());
    }
    return response;
  } catch (error) {
    const kept = await caches.match(key, { cacheName: PASSES });
    if (!kept) throw error;
    return markKept(kept);
  }
}

/** A kept page says so: the page's script then shows the "no connection" banner and the age. */
async function markKept(response) {
  const html = await response.text();
  return new Response(html.replaceAll('data-source="network"', 'data-source="kept"'), {
    status: 200,
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no answer")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function dropOldPasses() {
  const cache = await caches.open(PASSES);
  const oldest = Date.now() - KEEP_DAYS * 24 * 3600 * 1000;
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    const date = Date.parse(response?.headers.get("Date") || "");
    if (!(date > oldest)) await cache.delete(request);
  }
}
