/**
 * Who may see and do what: the session cookie, the role and checkpoint guard, and the CSRF
 * check on every write. Usable by every router (the admin pages take `adminGuard`).
 */
import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AdminGuard } from "../http/admin/api-keys.tsx";
import type { Role } from "../store/users.ts";
import { SESSION_HOURS, type Session, type SessionStore } from "./sessions.ts";

export const SESSION_COOKIE = "shekara_session";
export const CSRF_FIELD = "_csrf";

// keyed by the raw request, so routers need no shared context typing
const sessions = new WeakMap<Request, Session>();

/** The signed-in session of this request; only call behind `requireSignIn`. */
export function sessionOf(c: Context): Session {
  const s = sessions.get(c.req.raw);
  if (!s) throw new Error("sessionOf called on a route without requireSignIn");
  return s;
}

export const isHttps = (c: Context) =>
  new URL(c.req.url).protocol === "https:" || c.req.header("X-Forwarded-Proto") === "https";

export function setSessionCookie(c: Context, id: string) {
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c),
    path: "/",
    maxAge: SESSION_HOURS * 3600,
  });
}

export const clearSessionCookie = (c: Context) => deleteCookie(c, SESSION_COOKIE, { path: "/" });

export const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The posted form, or nothing when the body is not a form or is malformed: bad input is never a 500. */
export async function readForm(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header("Content-Type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data"))
    return {};
  try {
    return await c.req.parseBody();
  } catch {
    return {};
  }
}

/** The token a write sent back: a form field, or a header for htmx and scripts. */
export async function sentToken(c: Context): Promise<string> {
  const header = c.req.header("X-CSRF-Token");
  if (header) return header;
  const body = await readForm(c);
  const field = body[CSRF_FIELD];
  return typeof field === "string" ? field : "";
}

export function authGuard(store: SessionStore, now: () => number) {
  /** Sends a signed-out visitor to sign in (a page) and refuses a write without its CSRF token. */
  const requireSignIn: MiddlewareHandler = async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    const session = id ? store.get(id, now()) : null;
    if (!session) {
      const back = (url: string) => `/sign-in?next=${encodeURIComponent(new URL(url, c.req.url).pathname)}`;
      // htmx polling would swap the sign-in page into the dashboard: send the whole page there,
      // and back to the page (not the polled fragment) after signing in
      if (c.req.header("HX-Request") === "true") {
        c.header("HX-Redirect", back(c.req.header("HX-Current-URL") ?? c.req.url));
        return c.text("Please sign in again.", 401);
      }
      if (c.req.method === "GET" || c.req.method === "HEAD") return c.redirect(back(c.req.url), 303);
      return c.text("Please sign in again; nothing was changed.", 401);
    }
    if (!["GET", "HEAD", "OPTIONS"].includes(c.req.method)) {
      if (!sameToken(await sentToken(c), session.csrf)) {
        return c.text(
          "This form has expired or did not come from Shekara; nothing was changed. Reload the page and try again.",
          403,
        );
      }
    }
    sessions.set(c.req.raw, session);
    c.header("Cache-Control", "no-store");
    await next();
  };

  const requireRole =
    (...roles: Role[]): MiddlewareHandler =>
    async (c, next) => {
      if (!roles.includes(sessionOf(c).user.role)) return c.text("Your role may not use this page.", 403);
      await next();
    };

  /** Officers and supervisors act on their own checkpoint only (the route's :checkpointId). */
  const requireOwnCheckpoint: MiddlewareHandler = async (c, next) => {
    const { user } = sessionOf(c);
    if (user.checkpointId !== c.req.param("checkpointId"))
      return c.text("You work at another checkpoint: you may not see or act on this one.", 403);
    await next();
  };

  const adminGuard: AdminGuard = {
    middleware: [requireSignIn, requireRole("admin")],
    userId: (c) => sessionOf(c).user.id,
    csrfToken: (c) => sessions.get(c.req.raw)?.csrf,
  };

  return { requireSignIn, requireRole, requireOwnCheckpoint, adminGuard };
}
export type AuthGuard = ReturnType<typeof authGuard>;
