/**
 * Security headers, set by the server on every answer before the app writes its own: the full
 * set for pages, a short one for the JSON API. They are the same on every answer, so they are
 * written straight onto Node's response; set through the app's Headers objects they cost the
 * wait-time feed a third of its throughput (bench/http.ts). A header the app sets itself wins.
 *
 * JSON is never rendered as a page, so the API needs only what stops it being framed, sniffed or
 * sent over plain HTTP (OWASP's REST cheat sheet).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

const HSTS = "max-age=15552000; includeSubDomains";

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Origin-Agent-Cluster": "?1",
  "Referrer-Policy": "no-referrer",
  "Strict-Transport-Security": HSTS,
  "X-Content-Type-Options": "nosniff",
  "X-DNS-Prefetch-Control": "off",
  "X-Download-Options": "noopen",
  "X-Frame-Options": "SAMEORIGIN",
  "X-Permitted-Cross-Domain-Policies": "none",
  "X-XSS-Protection": "0",
  // pages are gzipped for clients that take it (compress-pages.ts), so caches must keep both
  Vary: "Accept-Encoding",
};

export const API_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
  "Strict-Transport-Security": HSTS,
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
};

const pageEntries = Object.entries(PAGE_HEADERS);
const apiEntries = Object.entries(API_HEADERS);

/** Wraps the app's request listener so every answer carries its security headers. */
export function withSecurityHeaders(listener: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of req.url?.startsWith("/api/v1/") ? apiEntries : pageEntries)
      res.setHeader(name, value);
    listener(req, res);
  };
}
