/**
 * Sign-in and sign-out. The sign-in form carries a double-submit CSRF token (there is no session
 * yet); failures are slowed down and then refused per address and per account-and-address
 * (throttle.ts), with the same words whether the name exists or not.
 */
import { type Context, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { SignInPage } from "../../views/officer/sign-in.tsx";
import { addressOf } from "../http/address-rate-limit.ts";
import type { User } from "../store/users.ts";
import {
  clearSessionCookie,
  isHttps,
  readForm,
  SESSION_COOKIE,
  sameToken,
  setSessionCookie,
} from "./guard.ts";
import { dummyHash, newToken, type SessionStore } from "./sessions.ts";
import { signInThrottle, WINDOW_MINUTES } from "./throttle.ts";

const SIGN_IN_CSRF = "shekara_signin";
const TOO_MANY = `Too many failed sign-ins from your address: try again in ${WINDOW_MINUTES} minutes.`;

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

export function authRoutes(
  store: SessionStore,
  now: () => number,
  // tests may record the delays instead of waiting them out
  wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
) {
  const app = new Hono();
  const throttle = signInThrottle(now);
  void dummyHash(); // made now, so the first unknown name costs no more than a known one

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
    const address = addressOf(c);
    const allowed = throttle.check(address, username);
    if (!allowed.allowed) {
      c.header("Retry-After", String(allowed.retryAfterSeconds));
      return page(c, next, 429, TOO_MANY, username);
    }
    const outcome = await store.signIn(username, text("password").slice(0, 1000), now());
    if (!outcome.ok) {
      if (outcome.reason === "disabled")
        return page(c, next, 403, "This account is disabled. Ask your administrator.", username);
      // slow down guessing: each failure in a row from here waits longer before it is answered
      const failed = throttle.fail(address, username);
      await wait(failed.delayMs);
      return failed.nowRefused
        ? page(c, next, 429, TOO_MANY, username)
        : page(c, next, 401, "Wrong username or password.", username);
    }
    throttle.succeed(address, username);
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
