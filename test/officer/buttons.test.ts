/** The dashboard's buttons are drawn from what the machine accepts for each truck, nothing else. */
import { afterAll, describe, expect, it } from "vitest";
import { offeredActions } from "../../src/http/officer/board.ts";
import { testRuntime } from "../api/support.ts";
import { crossingIn } from "../machines/fixtures.ts";
import { bookedTruck, type Fetch, signIn } from "./support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);
const base = "/officer/nur-zholy";
const offers = (c: ReturnType<typeof crossingIn>) => offeredActions(c.state, c.context, Date.now());

describe("the officer's and the supervisor's buttons", () => {
  it("are the actions the machine accepts in each state", () => {
    expect(offers(crossingIn("waitingArea"))).toEqual(["prioritise"]);
    expect(offers(crossingIn("called"))).toEqual(["arrive"]);
    // nothing may be sent on or released before the documents pass: no such buttons
    expect(offers(crossingIn("documentCheck", "yellow"))).toEqual(["document-check", "hold", "refuse"]);
    expect(offers(crossingIn("onHold"))).toEqual(["resume", "refuse"]);
    expect(offers(crossingIn("released"))).toEqual([]);
  });

  it("offer a supervisor 'Move forward' once: the machine refuses a second move and the button goes", async () => {
    const truck = bookedTruck(rt.deps.crossings, "444DDD02", Date.now());
    const s = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    expect((await s.post(`${base}/check-in`, { code: truck.row.code })).status).toBe(303);
    const path = `${base}/crossings/${truck.row.id}/prioritise`;
    expect(await (await s.get(`${base}/board`)).text()).toContain(`action="${path}"`);

    expect((await s.post(path, { reason: "live cattle" })).status).toBe(303);
    const board = await (await s.get(`${base}/board`)).text();
    expect(board).toContain("moved forward: live cattle");
    expect(board).not.toContain(`action="${path}"`);
    const again = await s.post(path, { reason: "again" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("the truck has already been moved forward");
  });

  it("show 'Send to scan' only once the documents have passed", async () => {
    const truck = bookedTruck(rt.deps.crossings, "555EEE02", Date.now());
    const s = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    const id = truck.row.id;
    expect((await s.post(`${base}/check-in`, { code: truck.row.code })).status).toBe(303);
    // the truck moved forward in the test above is called first, then this one
    expect((await s.post(`${base}/call-next`)).status).toBe(303);
    expect((await s.post(`${base}/call-next`)).status).toBe(303);
    expect(rt.deps.crossings.get(id)?.row.state).toBe("called");
    expect((await s.post(`${base}/crossings/${id}/arrive`)).status).toBe(303);
    const scan = `action="${base}/crossings/${id}/send-to-scan"`;
    expect(await (await s.get(`${base}/board`)).text()).not.toContain(scan);
    expect((await s.post(`${base}/crossings/${id}/document-check`, { passed: "yes" })).status).toBe(303);
    const board = await (await s.get(`${base}/board`)).text();
    expect(board).toContain(scan);
    expect(board).toContain(`action="${base}/crossings/${id}/release"`);
  });
});
