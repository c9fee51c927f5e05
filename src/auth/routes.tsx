/**
 * Sign-in and sign-out. The sign-in form carries a double-submit CSRF token (there is no session
 * yet); failures are slowed down, and the account is locked after MAX_FAILURES in a row.
 */
import { type Context, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { SignInPage } from "../../views/officer/sign-in.tsx";
import type { User } from "../store/users.ts";
import {
  clearSessionCookie,
  isHttps,
  readForm,
  SESSION_COOKIE,
  sameToken,
  setSessionCookie,
} from "./guard.ts";
import { LOCK_MINUTES, newToken, type SessionStore } from "./sessions.ts";

const SIGN_IN_CSRF = "shekara_signin";
const MAX_DELAY_MS = 2000;

/** Where a user lands after signing in, unless they were sent here from a page. */
export const homeOf = (u: User) =>
  u.role === "admin"
    ? "/admin/api-keys"
    : u.role === "planner"
      ? "/planner"
      : u.checkpointId
        ? `/officer/${u.checkpointId}`
        : "/";

// only our own paths: an absolute or protocol-relative `next` would be an open redirect
const safeNext = (next: unknown) =>
  typeof next === "string" && /^\/[A-Za-z0-9/_-]*$/.test(next) && !next.startsWith("//") ? next : "";

export function authRoutes(store: SessionStore, now: () => number, delayPerFailureMs = 250) {
  const app = new Hono();

  const page = (
    c: Context,
    next: string,
    status: 200 | 401 | 403 | 429,
    error?: string,
    username?: string,
  ) => {
    const csrf = newToken();
    setCookie(c, SIGN_IN_CSRF, csrf, {
      httpOnly: true,
      sameSite: "Lax",
      secure: isHttps(c),
      path: "/sign-in",
    });
    c.header("Cache-Control", "no-store");
    return c.html(<SignInPage csrf={csrf} next={next} error={error} username={username} />, status);
  };

  app.get("/sign-in", (c) => page(c, safeNext(c.req.query("next")), 200));

  app.post("/sign-in", async (c) => {
    const body = await readForm(c);
    const text = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
    const next = safeNext(body.next);
    const cookie = getCookie(c, SIGN_IN_CSRF) ?? "";
    if (!cookie || !sameToken(cookie, text("_csrf")))
      return page(c, next, 403, "The sign-in form expired. Please try again.");
    const username = text("username").trim().slice(0, 100);
    const outcome = store.signIn(username, text("password").slice(0, 1000), now());
    if (!outcome.ok) {
      // slow down guessing: each failure in a row waits longer before answering
      await new Promise((r) => setTimeout(r, Math.min(outcome.failures * delayPerFailureMs, MAX_DELAY_MS)));
      return outcome.reason === "locked"
        ? page(
            c,
            next,
            429,
            `Too many failed sign-ins: this account is locked for ${LOCK_MINUTES} minutes.`,
            username,
          )
        : outcome.reason === "disabled"
          ? page(c, next, 403, "This account is disabled. Ask your administrator.", username)
          : page(c, next, 401, "Wrong username or password.", username);
    }
    // a session this browser held before is ended, not carried over
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) store.signOut(previous);
    setSessionCookie(c, outcome.session.id);
    return c.redirect(next || homeOf(outcome.session.user), 303);
  });

  // the home page's "Customs officers" way in: one's own dashboard, or sign in first
  app.get("/officer", (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    const session = id ? store.get(id, now()) : null;
    return c.redirect(session ? homeOf(session.user) : "/sign-in", 303);
  });

  app.post("/sign-out", async (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    const session = id ? store.get(id, now()) : null;
    const body = await readForm(c);
    if (session && typeof body._csrf === "string" && sameToken(body._csrf, session.csrf))
      store.signOut(session.id);
    else if (session) return c.text("This form has expired; reload the page and try again.", 403);
    clearSessionCookie(c);
    return c.redirect("/sign-in", 303);
  });
  return app;
}
