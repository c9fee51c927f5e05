import { afterAll, describe, expect, it } from "vitest";
import { testRuntime } from "../api/support.ts";
import { type Fetch, signIn, trySignIn } from "./support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);
const NEW_PASSWORD = "a long passphrase 42";
const idOf = (location: string | null) => location?.split("/").at(-1) ?? "";
const auditActions = (username: string) =>
  rt.deps.db
    .prepare("SELECT action FROM user_audit WHERE username = ? ORDER BY seq")
    .pluck()
    .all(username) as string[];

async function admin() {
  const { res, cookie } = await trySignIn(fetch, "admin");
  expect(res.status).toBe(303);
  const page = await fetch("/admin/users", { headers: { Cookie: cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  return {
    get: (path: string) => fetch(path, { headers: { Cookie: cookie }, redirect: "manual" }),
    post: (path: string, fields: Record<string, string> = {}) =>
      fetch(path, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
        body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
        redirect: "manual",
      }),
  };
}

describe("administrators manage users", () => {
  it("creates an officer who can then sign in to their checkpoint only", async () => {
    const a = await admin();
    const res = await a.post("/admin/users", {
      username: "aigerim.k",
      role: "officer",
      checkpointId: "bakhty",
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(303);
    const { res: signedIn } = await trySignIn(fetch, "aigerim.k", NEW_PASSWORD);
    expect(signedIn.headers.get("location")).toBe("/officer/bakhty");
    expect(auditActions("aigerim.k")).toEqual(["create", "sign-in"]);
  });

  it("names the bad field and writes nothing", async () => {
    const a = await admin();
    const before = rt.deps.users.count();
    const res = await a.post("/admin/users", {
      username: "x",
      role: "supervisor",
      checkpointId: "",
      password: "short",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const field of ["username", "checkpointId", "password"])
      expect(html).toContain(`id="${field}-error"`);
    expect(html).toContain("an officer or supervisor works at one checkpoint");
    const taken = await a.post("/admin/users", {
      username: "ADMIN",
      role: "planner",
      checkpointId: "",
      password: NEW_PASSWORD,
    });
    expect(taken.status).toBe(409);
    expect(rt.deps.users.count()).toBe(before);
  });

  it("a change of role ends the user's sessions; disabling refuses sign-in; the history shows it", async () => {
    const a = await admin();
    const created = await a.post("/admin/users", {
      username: "bolat.s",
      role: "officer",
      checkpointId: "nur-zholy",
      password: NEW_PASSWORD,
    });
    const id = idOf(created.headers.get("location"));
    const { cookie } = await trySignIn(fetch, "bolat.s", NEW_PASSWORD);
    const dashboard = () => fetch("/officer/nur-zholy", { headers: { Cookie: cookie }, redirect: "manual" });
    expect((await dashboard()).status).toBe(200);

    const moved = await a.post(`/admin/users/${id}/access`, {
      role: "supervisor",
      checkpointId: "nur-zholy",
    });
    expect(moved.status).toBe(200);
    expect((await dashboard()).status).toBe(303); // signed out: back to sign in

    expect((await a.post(`/admin/users/${id}/disable`)).status).toBe(200);
    const refused = await trySignIn(fetch, "bolat.s", NEW_PASSWORD);
    expect(refused.res.status).toBe(403);
    expect(await refused.res.text()).toContain("This account is disabled");
    expect((await a.post(`/admin/users/${id}/enable`)).status).toBe(200);
    expect((await trySignIn(fetch, "bolat.s", NEW_PASSWORD)).res.status).toBe(303);

    const history = await (await a.get(`/admin/users/${id}`)).text();
    for (const step of ["create", "update", "disable", "sign-in-disabled", "enable"])
      expect(history).toContain(step);
    expect(() => rt.deps.db.prepare("DELETE FROM user_audit").run()).toThrow(/append-only/);
  });

  it("a new password ends the old one and unlocks; failed sign-ins are recorded", async () => {
    const a = await admin();
    const created = await a.post("/admin/users", {
      username: "dana.t",
      role: "planner",
      checkpointId: "",
      password: NEW_PASSWORD,
    });
    const id = idOf(created.headers.get("location"));
    await trySignIn(fetch, "dana.t", "wrong password!");
    expect(auditActions("dana.t")).toContain("sign-in-failed");
    expect((await a.post(`/admin/users/${id}/password`, { password: "short" })).status).toBe(400);
    expect((await a.post(`/admin/users/${id}/password`, { password: "another passphrase 7" })).status).toBe(
      200,
    );
    expect((await trySignIn(fetch, "dana.t", NEW_PASSWORD)).res.status).toBe(401);
    expect((await trySignIn(fetch, "dana.t", "another passphrase 7")).res.status).toBe(303);
  });

  it("the last administrator cannot be disabled or demoted", async () => {
    const a = await admin();
    const adminId = rt.deps.users.credentials("admin")?.id ?? "";
    const res = await a.post(`/admin/users/${adminId}/disable`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("the last administrator");
    expect(
      (await a.post(`/admin/users/${adminId}/access`, { role: "planner", checkpointId: "" })).status,
    ).toBe(409);
  });

  it("only administrators reach the user pages", async () => {
    const officer = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    expect((await officer.get("/admin/users")).status).toBe(403);
    expect((await officer.post("/admin/users", { username: "evil.user", role: "admin" })).status).toBe(403);
    expect((await fetch("/admin/users", { redirect: "manual" })).status).toBe(303);
  });
});
