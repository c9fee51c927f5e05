/**
 * Pages and static files are gzipped for phones on a weak signal. The JSON API is not: its answers
 * are small, its clients are servers, and compressing cost the wait-time feed more than half its
 * throughput under polling (bench/http.ts). Vary: Accept-Encoding is among the server's headers
 * (security-headers.ts).
 */
import type { MiddlewareHandler } from "hono";
import { compress } from "hono/compress";

const ACCEPTS_COMPRESSION = /\b(gzip|deflate)\b/i;

export function compressPages(): MiddlewareHandler {
  const gzip = compress();
  // A client that takes no compression skips the middleware, which would read the response's
  // headers and make Hono build a full Response with a body stream for nothing.
  return (c, next) =>
    !c.req.path.startsWith("/api/v1/") && ACCEPTS_COMPRESSION.test(c.req.header("Accept-Encoding") ?? "")
      ? gzip(c, next)
      : next();
}
