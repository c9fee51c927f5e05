import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.ts";
import { createRuntime } from "../../src/runtime.ts";
import { bookedTruck, type Fetch, signIn, trySignIn } from "./support.ts";

const rt = createRuntime(
  readConfig({
    VERIFY_LOG_ON_CLOSE: "on",
    DATABASE_PATH: ":memory:",
    SEED_DEMO_TRAFFIC: "off",
    SHEKARA_DEMO_PASSWORD: "test-password-1",
  }),
  () => {},
);
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);
const eventCount = (id: string) => rt.deps.crossings.events(id).length;

describe("sign-in", () => {
  it("sets an HttpOnly SameSite=Lax session cookie, new at each sign-in", async () => {
    const first = await trySignIn(fetch, "officer.nurzholy");
    expect(first.res.status).toBe(303);
    expect(first.res.headers.get("location")).toBe("/officer/nur-zholy");
    const header = first.res.headers.getSetCookie().find((c) => c.startsWith("shekara_session="));
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    const second = await trySignIn(fetch, "officer.nurzholy");
    expect(second.cookie).not.toBe(first.cookie);
  });

  it("sends a signed-out visitor to sign in", async () => {
    const res = await fetch("/officer/nur-zholy");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in?next=%2Fofficer%2Fnur-zholy");
  });

  it("sends a signed-out dashboard poll to sign in as a whole page", async () => {
    const res = await fetch("/officer/nur-zholy/board", {
      headers: { "HX-Request": "true", "HX-Current-URL": "http://localhost/officer/nur-zholy" },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("HX-Redirect")).toBe("/sign-in?next=%2Fofficer%2Fnur-zholy");
  });

  it("refuses a sign-in form without its CSRF token", async () => {
    const res = await fetch("/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "username=officer.nurzholy&password=test-password-1",
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie") ?? "").not.toMatch(/shekara_session=[^;]/);
  });

  it("refuses an account from an address after five failures there, even against the right password", async () => {
    for (let i = 0; i < 4; i++)
      expect((await trySignIn(fetch, "officer.korday", "wrong")).res.status).toBe(401);
    expect((await trySignIn(fetch, "officer.korday", "wrong")).res.status).toBe(429);
    const refused = await trySignIn(fetch, "officer.korday");
    expect(refused.res.status).toBe(429);
    expect(Number(refused.res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.cookie).toBe("");
    expect(await refused.res.text()).toContain("Too many failed sign-ins from your address");
  }, 180_000);

  it("signs out: the old cookie no longer works", async () => {
    const s = await signIn(fetch, "officer.bakhty", "bakhty");
    expect((await s.post("/sign-out")).status).toBe(303);
    expect((await s.get("/officer/bakhty")).status).toBe(303);
  });
});

describe("the role and checkpoint matrix", () => {
  const truck = bookedTruck(rt.deps.crossings, "111AAA02", Date.now());

  it("lets an officer of nur-zholy check a truck in there", async () => {
    const s = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    const res = await s.post("/officer/nur-zholy/check-in", { code: truck.row.code });
    expect(res.status).toBe(303);
    expect(rt.deps.crossings.get(truck.row.id)?.row.state).toBe("waitingArea");
  });

  it("gives an officer of another checkpoint 403, on pages and actions, and writes nothing", async () => {
    const s = await signIn(fetch, "officer.bakhty", "bakhty");
    const before = eventCount(truck.row.id);
    expect((await s.get("/officer/nur-zholy")).status).toBe(403);
    expect((await s.post("/officer/nur-zholy/call-next")).status).toBe(403);
    expect((await s.get(`/officer/nur-zholy/crossings/${truck.row.id}`)).status).toBe(403);
    // the truck through the officer's own checkpoint's URL: not there
    expect(
      (await s.post(`/officer/bakhty/crossings/${truck.row.id}/prioritise`, { reason: "x" })).status,
    ).toBe(404);
    expect(eventCount(truck.row.id)).toBe(before);
  });

  it("refuses admins and planners on the officers' pages", async () => {
    for (const name of ["planner", "admin"]) {
      const { cookie } = await trySignIn(fetch, name);
      expect((await fetch("/officer/nur-zholy", { headers: { Cookie: cookie } })).status).toBe(403);
    }
  });

  it("refuses a form without its CSRF token and writes nothing", async () => {
    const s = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    const before = eventCount(truck.row.id);
    const res = await s.post(
      `/officer/nur-zholy/crossings/${truck.row.id}/prioritise`,
      { reason: "medicine" },
      false,
    );
    expect(res.status).toBe(403);
    expect(eventCount(truck.row.id)).toBe(before);
  });

  it("lets only a supervisor move a truck forward, with a reason", async () => {
    const officer = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    const path = `/officer/nur-zholy/crossings/${truck.row.id}/prioritise`;
    const refused = await officer.post(path, { reason: "medicine" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("only a supervisor may move a truck forward");
    const supervisor = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    expect((await supervisor.post(path, { reason: "   " })).status).toBe(409);
    expect((await supervisor.post(path, { reason: "insulin for the hospital" })).status).toBe(303);
    expect(rt.deps.crossings.events(truck.row.id).at(-1)).toMatchObject({
      type: "PRIORITISE",
      actor_kind: "supervisor",
      reason: "insulin for the hospital",
    });
  });

  it("answers bad input with a sentence, never a 500", async () => {
    const s = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    const id = truck.row.id;
    expect((await s.post(`/officer/nur-zholy/crossings/${id}/explode`)).status).toBe(404);
    expect((await s.post(`/officer/nur-zholy/crossings/${id}/scan-result`, { result: "maybe" })).status).toBe(
      400,
    );
    expect((await s.post("/officer/nur-zholy/crossings/nope/release")).status).toBe(404);
    expect((await s.post("/officer/nur-zholy/check-in", { code: "" })).status).toBe(400);
    expect((await s.get("/officer/nur-zholy/crossings/nope")).status).toBe(404);
    // a malformed multipart body with a valid token in the header: refused plainly, not a 500
    const broken = await fetch(`/officer/nur-zholy/crossings/${id}/hold`, {
      method: "POST",
      headers: {
        "Content-Type": "multipart/form-data; boundary=x",
        Cookie: s.cookie,
        "X-CSRF-Token": s.csrf,
      },
      body: "--x\r\nnot a part",
    });
    expect(broken.status).toBeLessThan(500);
    const brokenSignIn = await fetch("/sign-in", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      body: "garbage",
    });
    expect(brokenSignIn.status).toBe(403);
  });
});

describe("the same sign-in guards the admin pages", () => {
  it("lets an admin in, keeps officers out, and refuses a write without the CSRF token", async () => {
    const admin = await trySignIn(fetch, "admin");
    expect(admin.res.headers.get("location")).toBe("/admin/api-keys");
    const page = await fetch("/admin/api-keys", { headers: { Cookie: admin.cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="_csrf"');
    const forged = await fetch("/admin/api-keys", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: admin.cookie },
      body: "kind=monitor&label=forged",
    });
    expect(forged.status).toBe(403);
    const officer = await trySignIn(fetch, "officer.nurzholy");
    expect((await fetch("/admin/api-keys", { headers: { Cookie: officer.cookie } })).status).toBe(403);
  });

  it("marks the cookie Secure behind HTTPS", async () => {
    const page = await fetch("https://shekara.example/sign-in");
    expect(page.headers.getSetCookie().join()).toMatch(/Secure/);
  });
});
