/** The officers' JSON API: the dashboard's session and CSRF token, one machine event per call. */
import { afterAll, describe, expect, it } from "vitest";
import { testRuntime } from "../api/support.ts";
import { bookedTruck, type Fetch, signIn } from "./support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);
const api = "/api/v1/officer/checkpoints";

describe("the officers' JSON API", () => {
  it("takes a truck from the call to release with the session, and refuses what the machine refuses", async () => {
    const truck = bookedTruck(rt.deps.crossings, "333CCC02", Date.now());
    const s = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    const post = (path: string, body?: unknown, csrf = s.csrf) =>
      fetch(path, {
        method: "POST",
        headers: { Cookie: s.cookie, "X-CSRF-Token": csrf, "Content-Type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const act = (body: unknown) => post(`${api}/nur-zholy/crossings/${truck.row.id}/actions`, body);
    const { walkInsAllowed, graceMinutes } = rt.deps.checkpoints.get("nur-zholy")?.config ?? {
      walkInsAllowed: false,
      graceMinutes: 0,
    };
    rt.deps.crossings.apply(truck.row.id, {
      type: "CHECK_IN",
      policy: { walkInsAllowed, graceMinutes },
      at: Date.now(),
      actor: { kind: "officer", id: "test" },
    });

    const called = await post(`${api}/nur-zholy/call-next`);
    expect(called.status).toBe(200);
    expect(await called.json()).toMatchObject({ crossingId: truck.row.id, state: "called", lane: 1 });

    const early = await act({ action: "release" });
    expect(early.status).toBe(409);
    expect(early.headers.get("content-type")).toBe("application/problem+json");
    expect(((await early.json()) as { detail: string }).detail).toMatch(/nothing was changed/);

    expect((await act({ action: "arrive" })).status).toBe(200);
    expect((await act({ action: "document-check", passed: true })).status).toBe(200);
    const channel = rt.deps.crossings.get(truck.row.id)?.crossing.context.channel;
    if (channel === "yellow") {
      await act({ action: "send-to-scan" });
      await act({ action: "scan-result", result: "clear" });
    } else if (channel === "red") {
      await act({ action: "send-to-inspection" });
      await act({ action: "inspection-result", result: "passed" });
    }
    const released = await act({ action: "release" });
    expect(await released.json()).toMatchObject({ state: "released" });
    expect(rt.deps.crossings.events(truck.row.id).at(-1)).toMatchObject({
      type: "RELEASE",
      actor_kind: "officer",
    });
  });

  it("refuses without a session, without the CSRF token, and at another checkpoint, writing nothing", async () => {
    const s = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    const events = () => rt.deps.db.prepare("SELECT count(*) FROM crossing_events").pluck().get();
    const before = events();
    const call = (checkpoint: string, headers: Record<string, string>) =>
      fetch(`${api}/${checkpoint}/call-next`, { method: "POST", headers });
    expect((await call("nur-zholy", {})).status).toBe(401);
    expect((await call("nur-zholy", { Cookie: s.cookie })).status).toBe(403);
    expect((await call("korday", { Cookie: s.cookie, "X-CSRF-Token": s.csrf })).status).toBe(403);
    const bad = await fetch(`${api}/nur-zholy/crossings/nope/actions`, {
      method: "POST",
      headers: { Cookie: s.cookie, "X-CSRF-Token": s.csrf, "Content-Type": "application/json" },
      body: JSON.stringify({ action: "launch" }),
    });
    expect(bad.status).toBe(422);
    expect(events()).toBe(before);
  });
});
