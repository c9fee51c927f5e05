/** The other paths through the dashboard: hold and resume, refusal, a lapsed booking at check-in. */
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.ts";
import { createRuntime } from "../../src/runtime.ts";
import { localDateTime } from "../../views/local-time.ts";
import { bookedTruck, type Fetch, signIn } from "./support.ts";

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
const base = "/officer/nur-zholy";

describe("holding, resuming and refusing from the dashboard", () => {
  it("holds a truck for documents, resumes it where it was, and refuses it with a reason", async () => {
    const truck = bookedTruck(rt.deps.crossings, "222BBB02", Date.now());
    const s = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    const act = (action: string, fields: Record<string, string> = {}) =>
      s.post(`${base}/crossings/${truck.row.id}/${action}`, fields);
    const state = () => rt.deps.crossings.get(truck.row.id)?.row.state;

    expect((await s.post(`${base}/check-in`, { code: truck.row.code })).status).toBe(303);
    expect((await s.post(`${base}/call-next`)).status).toBe(303);
    expect((await act("arrive")).status).toBe(303);

    expect((await act("hold", { documents: "" })).status).toBe(409);
    expect((await act("hold", { documents: "phytosanitary certificate" })).status).toBe(303);
    expect(state()).toBe("onHold");
    const dashboard = await (await s.get(base)).text();
    expect(dashboard).toContain("waiting for: phytosanitary certificate");

    expect((await act("resume")).status).toBe(303);
    expect(state()).toBe("documentCheck");
    expect((await act("refuse", { reason: "DOCS-INVALID" })).status).toBe(303);
    expect(state()).toBe("refused");
    expect(rt.deps.crossings.events(truck.row.id).at(-1)).toMatchObject({
      type: "REFUSE",
      reason: "DOCS-INVALID",
    });

    // a final truck takes no more steps, and says why
    const after = await act("release");
    expect(after.status).toBe(409);
    expect(await after.text()).toContain("cannot release: the truck is refused");
  });

  it("refuses to check in a truck beyond its grace window, with the reason, writing nothing", async () => {
    const booked = Date.now();
    const truck = bookedTruck(rt.deps.crossings, "333CCC02", booked);
    const s = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    const realNow = rt.deps.now;
    rt.deps.now = () => booked + 5 * 3_600_000; // four hours after the one-hour slot ended
    try {
      const before = rt.deps.crossings.events(truck.row.id).length;
      const res = await s.post(`${base}/check-in`, { code: "333-ccc-02" });
      expect(res.status).toBe(409);
      expect(await res.text()).toContain("the booking has lapsed");
      expect(rt.deps.crossings.events(truck.row.id).length).toBe(before);
    } finally {
      rt.deps.now = realNow;
    }
  });

  it("says so when nobody is waiting to be called", async () => {
    const s = await signIn(fetch, "officer.bakhty", "bakhty");
    const res = await s.post("/officer/bakhty/call-next");
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("nobody is waiting in the waiting area");
  });
});

describe("the supervisor's audit trail", () => {
  it("filters by officer, truck, day and action; officers may not browse it", async () => {
    const supervisor = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    // the checkpoint's local day, which is not UTC's for five hours every evening
    const today = localDateTime(Date.now(), "Asia/Almaty").slice(0, 10);
    const q = `officer=officer.nurzholy&plate=222BBB&day=${today}&action=REFUSE`;
    const page = await supervisor.get(`${base}/audit?${q}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("DOCS-INVALID");
    expect(html).not.toContain("CHECK_IN</td>");
    const yesterday = localDateTime(Date.now() - 86_400_000, "Asia/Almaty").slice(0, 10);
    const before = await (await supervisor.get(`${base}/audit?plate=222BBB&day=${yesterday}`)).text();
    expect(before).toContain("Nothing matches.");
    const nobody = await (await supervisor.get(`${base}/audit?officer=nobody.here`)).text();
    expect(nobody).toContain("Nothing matches.");
    // nonsense filters are dropped, never a 500
    expect((await supervisor.get(`${base}/audit?day=2026-99-99&action=DROP%20TABLE`)).status).toBe(200);
    const officer = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    expect((await officer.get(`${base}/audit`)).status).toBe(403);
  });
});
