/**
 * Issue 8's role matrix: every route of the app times every kind of caller, against the expected
 * allow or deny. The routes are read from the app itself, so a new route without a rule here
 * fails the test until someone decides who may use it.
 *
 * Deny is 401, 403 or a redirect to sign in. Allow is anything else: the callers send empty or
 * made-up bodies and ids, so an allowed call usually ends in 400, 404 or 409, never in a refusal.
 */
import { afterAll, describe, expect, it } from "vitest";
import { bearer, declareAndBook, newKey, testRuntime } from "../api/support.ts";
import { trySignIn } from "../officer/support.ts";

const rt = testRuntime();
afterAll(() => rt.close());

const CALLERS = [
  "anonymous",
  "driverLink",
  "officerHere",
  "officerElsewhere",
  "supervisor",
  "planner",
  "admin",
  "carrierKey",
  "deviceKey",
  "monitorKey",
  "gateKey",
] as const;
type Caller = (typeof CALLERS)[number];

/** Who may use each route; the first rule whose pattern matches "METHOD /path" decides. */
const RULES: [RegExp, "door" | "everyone" | readonly Caller[]][] = [
  // the doors themselves send people to sign in (and the sign-in form wants its own cookie): never a 5xx
  [/^(GET \/officer|POST \/sign-(in|out))$/, "door"],
  [/^(GET|POST) \/(sign-in|drive|healthz)?$/, "everyone"],
  // the stylesheet, scripts and icons, and the driver's page's service worker (issue 21)
  [/^GET \/(static\/|sw\.js$)/, "everyone"],
  [/^GET \/board\//, "everyone"],
  [/^GET \/api\/(openapi\.json|docs)$/, "everyone"],
  // a driver's crossing: the unguessable link is the credential, whoever holds it
  [/ \/c\/:id/, "everyone"],
  [/ \/api\/v1\/crossings/, "everyone"],
  [/^GET \/api\/v1\/(checkpoints|wait-times)/, "everyone"],
  [/ \/api\/v1\/(events|webhooks)/, ["carrierKey", "monitorKey"]],
  [/ \/api\/v1\/device\//, ["deviceKey"]],
  // the Smart Customs lane's gate (issue 22): its own kind of key, which opens nothing else
  [/ \/api\/v1\/gate\//, ["gateKey"]],
  [/ \/api\/v1\/carrier\//, ["carrierKey"]],
  [/ \/api\/v1\/officer\//, ["officerHere", "supervisor"]],
  // the settings (with issue 18's recommendation and calendar) and the audit trail (and its CSV)
  [/ \/officer\/:checkpointId\/(settings|audit)(\/|\.csv$|$)/, ["supervisor"]],
  [/ \/officer\/:checkpointId/, ["officerHere", "supervisor"]],
  [/ \/admin\//, ["admin"]],
  [/ \/planner/, ["planner", "admin"]],
];

// made-up ids: the guard must answer before the handler looks anything up
const PARAMS: Record<string, string> = {
  checkpointId: "nur-zholy",
  crossingId: "no-such-crossing",
  action: "release",
  name: "app.css",
};

interface Principal {
  headers: Record<string, string>;
  /** the session's CSRF token, sent as a form field too */
  csrf?: string;
}

async function principals(): Promise<Record<Caller, Principal>> {
  const session = async (username: string): Promise<Principal> => {
    const { cookie } = await trySignIn(async (p, i) => rt.app.request(p, i), username);
    const id = cookie.split("=")[1] ?? "";
    const csrf = rt.deps.db.prepare("SELECT csrf FROM sessions WHERE id = ?").pluck().get(id) as string;
    return { headers: { Cookie: cookie, "X-CSRF-Token": csrf }, csrf };
  };
  const key = (kind: "carrier" | "device" | "monitor" | "gate") =>
    bearer(
      newKey(rt, {
        kind,
        label: kind,
        checkpointId: kind === "device" || kind === "gate" ? "nur-zholy" : undefined,
      }).secret,
    );
  return {
    anonymous: { headers: {} },
    driverLink: { headers: {} },
    officerHere: await session("officer.nurzholy"),
    officerElsewhere: await session("officer.bakhty"),
    supervisor: await session("supervisor.nurzholy"),
    planner: await session("planner"),
    admin: await session("admin"),
    carrierKey: { headers: key("carrier") },
    deviceKey: { headers: key("device") },
    monitorKey: { headers: key("monitor") },
    gateKey: { headers: key("gate") },
  };
}

let plates = 0;
/** A concrete path for a route pattern; a capability route gets a fresh crossing each time. */
function pathFor(pattern: string): string {
  const crossing = () => declareAndBook(rt, `RM${String(++plates).padStart(4, "0")}`);
  return pattern
    .replace(/^\/(c|api\/v1\/crossings)\/:id/, (_, prefix) => `/${prefix}/${crossing()}`)
    .replace(/\/\*$/, "/anything")
    .replace(/:file\{[^}]*\}/, "no-such-run.json")
    .replace(/:name\{[^}]*\}/, "wait.svg")
    .replace(/:(\w+)/g, (_, p: string) => PARAMS[p] ?? "no-such-thing");
}

const denied = (res: Response) =>
  res.status === 401 ||
  res.status === 403 ||
  ((res.status === 302 || res.status === 303) && (res.headers.get("location") ?? "").startsWith("/sign-in"));

describe("the role matrix", () => {
  it("every route answers every caller as the rules say", async () => {
    const who = await principals();
    const routes = [
      ...new Set(rt.app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`)),
    ].sort((a, b) => Number(a.includes("sign-out")) - Number(b.includes("sign-out"))); // sign-out ends sessions: last

    const unruled = routes.filter((r) => !RULES.some(([re]) => re.test(r)));
    expect(unruled, "routes without a rule: decide who may use them").toEqual([]);

    const wrong: string[] = [];
    for (const route of routes) {
      const [method = "GET", pattern = "/"] = route.split(" ");
      const rule = RULES.find(([re]) => re.test(route))?.[1] ?? [];
      for (const caller of CALLERS) {
        const p = who[caller];
        const api = pattern.startsWith("/api/");
        const res = await rt.app.request(pathFor(pattern), {
          method,
          redirect: "manual",
          headers: {
            ...p.headers,
            "Content-Type": api ? "application/json" : "application/x-www-form-urlencoded",
          },
          body:
            method === "GET" || method === "DELETE"
              ? undefined
              : api
                ? "{}"
                : new URLSearchParams(p.csrf ? { _csrf: p.csrf } : {}).toString(),
        });
        const allowed = rule === "everyone" || rule === "door" || rule.includes(caller);
        if (rule !== "door" && denied(res) === allowed)
          wrong.push(`${route} as ${caller}: ${res.status}, expected ${allowed ? "allow" : "deny"}`);
        if (res.status >= 500) wrong.push(`${route} as ${caller}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000); // five sign-ins at OWASP's scrypt cost, then every route as ten callers

  it("without the link nobody reaches a crossing, whatever their role", async () => {
    const who = await principals();
    for (const caller of CALLERS)
      for (const path of ["/c/no-such-link-000000000", "/api/v1/crossings/no-such-link-000000000"]) {
        const res = await rt.app.request(path, { headers: who[caller].headers });
        expect([caller, path, res.status]).toEqual([caller, path, 404]);
      }
  }, 120_000);
});
