/** Signing in and posting forms against the app, in process or on a real server. */
import { SEED_RISK_POLICY } from "../../seed/risk-rules.ts";
import { declarationSchema } from "../../src/domain/declaration.ts";
import type { CrossingStore } from "../../src/store/crossings.ts";
import { declareTruck } from "../../src/store/declare.ts";
import { declaration } from "../api/support.ts";

export const PASSWORD = "test-password-1";
export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0] ?? "";

export const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

export const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

/** Fills in and sends the sign-in form as a browser would; returns the raw answer and cookie. */
export async function trySignIn(fetch: Fetch, username: string, password = PASSWORD) {
  const page = await fetch("/sign-in");
  const csrfCookie = cookieOf(page, "shekara_signin");
  const res = await fetch("/sign-in", {
    ...form({ _csrf: csrfIn(await page.text()), username, password, next: "" }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    redirect: "manual",
  });
  return { res, cookie: cookieOf(res, "shekara_session") };
}

/** A signed-in user: gets pages and posts forms with the session's CSRF token. */
export async function signIn(fetch: Fetch, username: string, checkpointId: string) {
  const { res, cookie } = await trySignIn(fetch, username);
  if (res.status !== 303 || !cookie) throw new Error(`sign-in of ${username} failed: ${res.status}`);
  const dashboard = await fetch(`/officer/${checkpointId}`, { headers: { Cookie: cookie } });
  const csrf = csrfIn(await dashboard.text());
  return {
    cookie,
    csrf,
    get: (path: string) => fetch(path, { headers: { Cookie: cookie }, redirect: "manual" }),
    post: (path: string, fields: Record<string, string> = {}, withCsrf = true) => {
      const f = form(withCsrf ? { _csrf: csrf, ...fields } : fields);
      return fetch(path, { ...f, headers: { ...f.headers, Cookie: cookie }, redirect: "manual" });
    },
  };
}

/** A booked truck at nur-zholy whose slot runs from `at` for an hour. */
export function bookedTruck(crossings: CrossingStore, plate: string, at: number) {
  const declared = declareTruck(crossings, {
    declaration: declarationSchema.parse(declaration(plate)),
    risk: SEED_RISK_POLICY,
    sample: 0.99,
    at,
    actor: { kind: "driver", id: "test" },
    policy: { requireVin: false },
  });
  if (!declared.ok) throw new Error(declared.reason);
  const id = declared.crossing.row.id;
  const booked = crossings.apply(id, {
    type: "BOOK",
    slot: { start: at, end: at + 3_600_000 },
    at,
    actor: { kind: "driver", id: "test" },
  });
  if (!booked.ok) throw new Error(booked.reason);
  return booked.crossing;
}
