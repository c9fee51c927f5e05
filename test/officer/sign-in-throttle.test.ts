/**
 * Issue 13, findings 2 and 3: sign-in throttled per address and per account-and-address (a
 * stranger cannot lock a colleague out), an unknown name answered with the same work and the same
 * words as a wrong password, scrypt off the event loop with OWASP's parameters, and an old hash
 * re-hashed at the next good sign-in. Requests carry their client address as Node's server would.
 */
import crypto, { randomBytes, scryptSync } from "node:crypto";
import { syncBuiltinESMExports } from "node:module";
import { Hono } from "hono";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { authRoutes } from "../../src/auth/routes.tsx";
import { sessionStore } from "../../src/auth/sessions.ts";
import { MAX_ADDRESS_FAILURES, signInThrottle, WINDOW_MINUTES } from "../../src/auth/throttle.ts";
import { needsRehash, SCRYPT_N, verifyPassword } from "../../src/store/passwords.ts";
import { testRuntime } from "../api/support.ts";
import { type Fetch, PASSWORD, trySignIn } from "./support.ts";

const rt = testRuntime();
afterAll(() => rt.close());

/** The sign-in routes alone, with the delays they ask for recorded instead of waited out. */
const delays: number[] = [];
const app = new Hono().route(
  "/",
  authRoutes(sessionStore(rt.deps.db, rt.deps.users), rt.deps.now, async (ms) => {
    delays.push(ms);
  }),
);
const from =
  (address: string): Fetch =>
  async (path, init) =>
    app.request(path, init, { incoming: { socket: { remoteAddress: address, remoteFamily: "IPv4" } } });

/** scrypt's calls and their cost, counted where node:crypto hands it out. */
const original = crypto.scrypt;
const costs: number[] = [];
function countScrypt() {
  costs.length = 0;
  // the wrapper forwards whatever scrypt was called with, overloads and all
  crypto.scrypt = ((...args: unknown[]) => {
    costs.push((args[3] as { N?: number } | undefined)?.N ?? 0);
    return (original as (...a: unknown[]) => void)(...args);
  }) as typeof crypto.scrypt;
  syncBuiltinESMExports();
}
afterEach(() => {
  crypto.scrypt = original;
  syncBuiltinESMExports();
});

const withoutTokens = (html: string) => html.replace(/value="[A-Za-z0-9_-]{40,}"/g, 'value=""');

describe("sign-in throttling", () => {
  it("refuses guesses from one address at one account, while the colleague signs in from another", async () => {
    const stranger = from("203.0.113.9");
    for (let i = 0; i < 4; i++)
      expect((await trySignIn(stranger, "officer.bakhty", "wrong")).res.status).toBe(401);
    expect((await trySignIn(stranger, "officer.bakhty", "wrong")).res.status).toBe(429);
    expect((await trySignIn(stranger, "officer.bakhty")).res.status).toBe(429);
    // the account is not locked: its officer, at the booth, signs in
    expect((await trySignIn(from("10.1.2.3"), "officer.bakhty")).res.status).toBe(303);
  }, 120_000);

  it("waits longer after each failure in a row", async () => {
    delays.length = 0;
    const guesser = from("203.0.113.10");
    for (let i = 0; i < 4; i++) await trySignIn(guesser, "supervisor.bakhty", "wrong");
    expect(delays).toEqual([250, 500, 1000, 2000]);
  }, 120_000);

  it(`refuses an address after ${MAX_ADDRESS_FAILURES} failures over any names, for a while`, () => {
    // the throttle alone, on a clock of its own: thirty scrypt hashes would only make this slow
    let now = 0;
    const throttle = signInThrottle(() => now);
    for (let i = 0; i < MAX_ADDRESS_FAILURES; i++) {
      expect(throttle.check("203.0.113.11", `name.${i}`)).toEqual({ allowed: true });
      throttle.fail("203.0.113.11", `name.${i}`);
    }
    expect(throttle.check("203.0.113.11", "officer.nurzholy")).toEqual({
      allowed: false,
      retryAfterSeconds: WINDOW_MINUTES * 60,
    });
    expect(throttle.check("10.1.2.4", "officer.nurzholy")).toEqual({ allowed: true });
    now += WINDOW_MINUTES * 60_000;
    expect(throttle.check("203.0.113.11", "officer.nurzholy")).toEqual({ allowed: true });
  });
});

describe("an unknown name", () => {
  it("gets the same words, status, delays and scrypt work as a real user's wrong password", async () => {
    const answers = async (username: string, address: string) => {
      delays.length = 0;
      countScrypt();
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        const { res } = await trySignIn(from(address), username, "wrong");
        out.push(`${res.status} ${withoutTokens(await res.text()).replace(username, "NAME")}`);
      }
      return { out, delays: [...delays], costs: [...costs] };
    };
    const real = await answers("officer.korday", "198.51.100.1");
    const unknown = await answers("no.such.officer", "198.51.100.2");
    expect(unknown.out).toEqual(real.out);
    expect(unknown.delays).toEqual(real.delays);
    expect(unknown.costs).toEqual(real.costs);
    expect(real.costs).toEqual(Array(5).fill(SCRYPT_N)); // the sixth is refused before any work
    expect(real.out.at(-1)).toMatch(/^429 /);
  }, 120_000);
});

describe("password hashing", () => {
  it("uses OWASP's scrypt parameters and lets other requests run while it hashes", async () => {
    expect(SCRYPT_N).toBe(2 ** 17);
    const stored = rt.deps.users.credentials("admin")?.password_hash ?? "";
    expect(stored.startsWith(`scrypt$${2 ** 17}$`)).toBe(true);
    let turns = 0;
    let done = false;
    const spin = () => {
      turns++;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    const ok = await verifyPassword(PASSWORD, stored);
    done = true;
    expect(ok).toBe(true);
    // scryptSync would have held the event loop for the whole hash: not one turn in between
    expect(turns).toBeGreaterThan(1);
  });

  it("re-hashes an old, weaker hash at the next good sign-in", async () => {
    const salt = randomBytes(16);
    const old = `scrypt$${2 ** 15}$${salt.toString("base64")}$${scryptSync(PASSWORD, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }).toString("base64")}`;
    const user = rt.deps.users.credentials("officer.korday");
    if (!user) throw new Error("no demo user");
    rt.deps.db.prepare("UPDATE users SET password_hash = ? WHERE id = ?").run(old, user.id);
    expect(needsRehash(old)).toBe(true);
    expect((await trySignIn(from("10.1.2.5"), "officer.korday")).res.status).toBe(303);
    const now = rt.deps.users.credentials("officer.korday")?.password_hash ?? "";
    expect(now).not.toBe(old);
    expect(needsRehash(now)).toBe(false);
    expect((await trySignIn(from("10.1.2.6"), "officer.korday")).res.status).toBe(303);
  }, 60_000);
});
