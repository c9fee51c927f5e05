/**
 * The officers' JSON API signs in the way the dashboard does: the session cookie, the CSRF token
 * in an X-CSRF-Token header on every write, and the officer's own checkpoint only. Refusals are
 * problem+json, as everywhere under /api.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { SESSION_COOKIE, sameToken } from "../../auth/guard.ts";
import type { Session, SessionStore } from "../../auth/sessions.ts";
import { problem } from "../problem.ts";

// keyed by the raw request, so the API module keeps the default environment type
const signedIn = new WeakMap<Request, Session>();

export function officerSession(store: SessionStore, now: () => number): MiddlewareHandler {
  return async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    const session = id ? store.get(id, now()) : null;
    if (!session) return problem(c, 401, "Sign in", "Sign in as an officer of this checkpoint first.");
    if (!sameToken(c.req.header("X-CSRF-Token") ?? "", session.csrf)) {
      return problem(
        c,
        403,
        "CSRF token",
        "Send the session's CSRF token in X-CSRF-Token; nothing was changed.",
      );
    }
    const { user } = session;
    if (user.role !== "officer" && user.role !== "supervisor") {
      return problem(
        c,
        403,
        "Officers only",
        "Only officers and supervisors take trucks through the checkpoint.",
      );
    }
    if (user.checkpointId !== c.req.param("checkpointId")) {
      return problem(
        c,
        403,
        "Another checkpoint",
        "You work at another checkpoint: you may not act on this one.",
      );
    }
    signedIn.set(c.req.raw, session);
    await next();
  };
}

/** The acting officer; only behind `officerSession`. */
export const officerActor = (c: Context) => {
  const session = signedIn.get(c.req.raw);
  if (!session) throw new Error("officerActor called on a route without officerSession");
  const { user } = session;
  return { kind: user.role === "supervisor" ? ("supervisor" as const) : ("officer" as const), id: user.id };
};
