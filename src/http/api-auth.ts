/**
 * `Authorization: Bearer <key>` for the open API. Sets the caller (key id, kind, checkpoint,
 * scopes) on the context; answers 401 (no key, unknown or revoked key), 403 (a scope the key does
 * not hold) and 429 (the key's own rate limit) as problem+json. Every request made with a key
 * that may change something is written to the audit trail with its outcome.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { ApiKeyKind, ApiScope } from "../domain/api-access.ts";
import type { ApiKeyStore } from "../store/api-keys.ts";
import type { KeyRateLimiter } from "./key-rate-limit.ts";
import { problem } from "./problem.ts";

export interface ApiCaller {
  keyId: string;
  kind: ApiKeyKind;
  /** the one checkpoint of a device key */
  checkpointId: string | null;
  scopes: readonly ApiScope[];
}

export type ApiKeyEnv = { Variables: { apiCaller?: ApiCaller; auditedWithChange?: boolean } };

/** The key-authenticated caller of this request, if a key was given and accepted. */
export const callerOf = (c: Context): ApiCaller | undefined => c.get("apiCaller");

/**
 * The audit row of this request, for a route whose store writes it in the same transaction as the
 * change it audits (one flush to disk instead of two); the route then calls `auditedWithChange`.
 */
export const auditEntryOf = (c: Context, keyId: string, at: number, status: number) => ({
  at,
  keyId,
  actor: `key:${keyId}`,
  action: `${c.req.method} ${c.req.path}`,
  status,
  detail: null,
});

/** Tells the key middleware the request's audit row is written already, with its change. */
export const auditedWithChange = (c: Context) => c.set("auditedWithChange", true);

/** The actor of crossing_events for a key's changes: the key id, never a person's name. */
export const actorOf = (caller: ApiCaller) => ({
  kind: caller.kind === "device" || caller.kind === "gate" ? ("device" as const) : ("carrier" as const),
  id: caller.keyId,
});

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

const unauthorized = (c: Context, title: string, detail: string) => {
  c.header("WWW-Authenticate", 'Bearer realm="shekara"');
  return problem(c, 401, title, detail);
};

export interface ApiAuthDeps {
  keys: ApiKeyStore;
  limiter: KeyRateLimiter;
  now: () => number;
}

/**
 * `optional`: a request without an Authorization header passes through without a caller (public
 * routes, or routes that also accept a signed-in officer); a bad key is still refused.
 */
export function apiKeyAuth(deps: ApiAuthDeps, opts: { optional?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header("Authorization");
    if (!header) {
      if (opts.optional) return next();
      return unauthorized(c, "API key required", "Send your API key as 'Authorization: Bearer <key>'.");
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      return unauthorized(c, "Malformed Authorization header", "Use the form 'Authorization: Bearer <key>'.");
    }
    const key = deps.keys.find(match[1]);
    if (!key) return unauthorized(c, "Unknown API key", "No API key matches; check it was copied whole.");
    if (key.revokedAt !== null) {
      return unauthorized(
        c,
        "API key revoked",
        "This API key was revoked; ask the administrator for a new one.",
      );
    }
    const rate = deps.limiter.take(key.id, key.rateLimitPerMinute);
    c.header("RateLimit-Limit", String(key.rateLimitPerMinute));
    c.header("RateLimit-Remaining", String(rate.remaining));
    if (!rate.allowed) {
      c.header("Retry-After", String(rate.retryAfterSeconds));
      return problem(
        c,
        429,
        "Rate limit reached",
        `This key may make ${key.rateLimitPerMinute} requests a minute; try again in ${rate.retryAfterSeconds} s.`,
      );
    }
    const at = deps.now();
    // not awaited: the request does not wait for the key's last use to be written
    void deps.keys.noteUse(key, at);
    c.set("apiCaller", {
      keyId: key.id,
      kind: key.kind,
      checkpointId: key.checkpointId,
      scopes: key.scopes,
    } satisfies ApiCaller);
    await next();
    if (!READS.has(c.req.method) && !c.get("auditedWithChange")) {
      await deps.keys.auditTogether(auditEntryOf(c, key.id, at, c.res.status));
    }
  };
}

/** Refuses a caller without the scope; put it after `apiKeyAuth`. */
export function requireScope(scope: ApiScope): MiddlewareHandler {
  return async (c, next) => {
    const caller = callerOf(c);
    if (!caller)
      return unauthorized(c, "API key required", "Send your API key as 'Authorization: Bearer <key>'.");
    if (!caller.scopes.includes(scope)) {
      return problem(
        c,
        403,
        "Not allowed for this key",
        `This ${caller.kind} key does not hold the scope ${scope}.`,
      );
    }
    return next();
  };
}
