/** htmx and the stylesheet, served by the app itself: border posts may have no internet. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";

const require = createRequire(import.meta.url);
const ownFile = (name: string) => fileURLToPath(new URL(`../../views/static/${name}`, import.meta.url));

const ASSETS: Record<string, { path: string; type: string }> = {
  "htmx.min.js": { path: require.resolve("htmx.org/dist/htmx.min.js"), type: "text/javascript" },
  "app.css": {
    path: fileURLToPath(new URL("../../views/static/app.css", import.meta.url)),
    type: "text/css",
  },
  // the crossing page's offline support and the icons its manifest names (issue 21)
  "crossing-offline.js": { path: ownFile("crossing-offline.js"), type: "text/javascript" },
  "icon-192.png": { path: ownFile("icon-192.png"), type: "image/png" },
  "icon-512.png": { path: ownFile("icon-512.png"), type: "image/png" },
};

export function staticRoutes() {
  const files = new Map(
    Object.entries(ASSETS).map(([name, a]) => [name, { body: readFileSync(a.path), type: a.type }]),
  );
  const app = new Hono();
  app.get("/static/:name", (c) => {
    const file = files.get(c.req.param("name"));
    if (!file) return c.notFound();
    c.header("Content-Type", file.type.startsWith("text/") ? `${file.type}; charset=utf-8` : file.type);
    // Versioned by the package; a day's cache spares a weak mobile link.
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(new Uint8Array(file.body));
  });
  return app;
}
