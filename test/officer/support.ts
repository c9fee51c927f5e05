/** Signing in and posting forms against the app, in process or on a real server. */
import type { Actor, Slot } from "../../machines/index.ts";
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

/** Declared and booked by one actor, in the stores directly: a truck a test or a benchmark starts from. */
function declareAndBook(
  crossings: CrossingStore,
  args: { declaration: unknown; actor: Actor; owner?: string; at: number; slot: Slot },
) {
  const declared = declareTruck(crossings, {
    declaration: declarationSchema.parse(args.declaration),
    risk: SEED_RISK_POLICY,
    sample: 0.99,
    at: args.at,
    actor: args.actor,
    ...(args.owner ? { owner: args.owner } : {}),
    policy: { requireVin: false },
  });
  if (!declared.ok) throw new Error(declared.reason);
  const { at, actor, slot } = args;
  const booked = crossings.apply(declared.crossing.row.id, { type: "BOOK", slot, at, actor });
  if (!booked.ok) throw new Error(booked.reason);
  return booked.crossing;
}

/** A booked truck at nur-zholy whose slot runs from `at` for an hour. */
export function bookedTruck(crossings: CrossingStore, plate: string, at: number) {
  return declareAndBook(crossings, {
    declaration: declaration(plate),
    actor: { kind: "driver", id: "test" },
    at,
    slot: { start: at, end: at + 3_600_000 },
  });
}

/** A driverless truck (issue 22), declared and booked into `slot` by its carrier's key. */
export function bookedDriverless(
  crossings: CrossingStore,
  declared: Record<string, unknown>,
  carrierKeyId: string,
  at: number,
  slot: Slot,
) {
  return declareAndBook(crossings, {
    declaration: { ...declared, driverless: true },
    actor: { kind: "carrier", id: carrierKeyId },
    owner: carrierKeyId,
    at,
    slot,
  });
}
