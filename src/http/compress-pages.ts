/**
 * Pages and static files are gzipped for phones on a weak signal. The JSON API is not: its answers
 * are small, its clients are servers, and compressing cost the wait-time feed more than half its
 * throughput under polling (bench/http.ts).
 */
import type { MiddlewareHandler } from "hono";
import { compress } from "hono/compress";

const ACCEPTS_COMPRESSION = /\b(gzip|deflate)\b/i;

export function compressPages(): MiddlewareHandler {
  const gzip = compress();
  return (c, next) => {
    if (c.req.path.startsWith("/api/v1/")) return next();
    // Set before the page is built: added afterwards, Hono copies the whole response to add it.
    c.header("Vary", "Accept-Encoding");
    // A client that takes no compression skips the middleware, which would read the response's
    // headers and make Hono build a full Response with a body stream for nothing.
    return ACCEPTS_COMPRESSION.test(c.req.header("Accept-Encoding") ?? "") ? gzip(c, next) : next();
  };
}
