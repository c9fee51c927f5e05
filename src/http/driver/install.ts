/**
 * What makes the driver's crossing page installable and readable with no signal (issue 21): the
 * service worker, served from the site's root and registered for /c/ only, and a web app manifest
 * per crossing, in the driver's language, whose start is the crossing's own secret link.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import type { AppDeps } from "../deps.ts";
import { langOf } from "./lang.ts";

const SERVICE_WORKER = readFileSync(fileURLToPath(new URL("../../../views/static/sw.js", import.meta.url)));

export function installRoutes(deps: Pick<AppDeps, "crossings">) {
  const app = new Hono();

  app.get("/sw.js", (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    // the browser checks for a new worker on every visit; no-cache makes that check cheap and honest
    c.header("Cache-Control", "no-cache");
    return c.body(new Uint8Array(SERVICE_WORKER));
  });

  app.get("/c/:id/manifest.webmanifest", (c) => {
    const id = c.req.param("id");
    // an unknown link gets the same 404 as the page: the manifest tells nothing of other crossings
    if (!deps.crossings.get(id)) return c.text("Not found", 404);
    const { lang, t } = langOf(c);
    c.header("Content-Type", "application/manifest+json; charset=utf-8");
    c.header("Cache-Control", "no-store");
    return c.body(
      JSON.stringify({
        name: t("install.name"),
        short_name: t("install.shortName"),
        lang,
        start_url: `/c/${id}?lang=${lang}`,
        scope: `/c/${id}`,
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#0a5bd3",
        icons: [
          { src: "/static/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/static/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any maskable" },
        ],
      }),
    );
  });

  return app;
}
