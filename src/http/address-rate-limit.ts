/**
 * Drivers' writes are limited per client address (RATE_LIMIT_PER_MINUTE, 0 = off), so a burst of
 * bots from one place cannot take every slot when booking opens. Reads are never limited: a
 * driver's page polls. Same token bucket as the API keys', keyed by address.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { keyRateLimiter } from "./key-rate-limit.ts";
import { problem } from "./problem.ts";
import { refusal, visitorLanguage } from "./refusal.tsx";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The peer's address; in-process requests (tests) have no socket and share one bucket. */
export function addressOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

export function addressRateLimit(perMinute: number, now: () => number): MiddlewareHandler {
  const limiter = keyRateLimiter(now);
  return async (c, next) => {
    if (perMinute === 0 || READS.has(c.req.method)) return next();
    const decision = limiter.take(addressOf(c), perMinute);
    if (decision.allowed) return next();
    c.header("Retry-After", String(decision.retryAfterSeconds));
    const detail = `Too many changes from your address: ${perMinute} a minute at most. Try again in ${decision.retryAfterSeconds} s; nothing was changed.`;
    if (c.req.path.startsWith("/api/")) return problem(c, 429, "Too many requests", detail);
    // a driver's page: in the driver's language, where they are looking (htmx swaps it in)
    const { t } = visitorLanguage(c);
    return refusal(
      c,
      429,
      "e.rateLimitedTitle",
      t("e.rateLimited", { n: perMinute, s: decision.retryAfterSeconds }),
    );
  };
}
