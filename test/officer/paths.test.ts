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

  it("resumes a truck held at its document check on a free lane, and refuses while every lane is busy", async () => {
    // a post of its own: the lanes taken by the other tests' trucks do not count here
    const post = createRuntime(
      readConfig({
        DATABASE_PATH: ":memory:",
        SEED_DEMO_TRAFFIC: "off",
        SHEKARA_DEMO_PASSWORD: "test-password-1",
      }),
      () => {},
    );
    try {
      const at = Date.now();
      const local: Fetch = async (path, init) => post.app.request(path, init);
      const s = await signIn(local, "officer.nurzholy", "nur-zholy");
      const trucks = Array.from({ length: 11 }, (_, i) =>
        bookedTruck(post.deps.crossings, `${String(500 + i)}LNE02`, at),
      );
      const [held, ...others] = trucks.map((t) => t.row);
      if (!held) throw new Error("no truck");
      const lanes = post.deps.checkpoints.get("nur-zholy")?.config.documentLanes;
      expect(lanes).toBe(others.length);
      const now = (id: string) => post.deps.crossings.get(id)?.crossing;
      const act = (action: string, fields: Record<string, string> = {}) =>
        s.post(`${base}/crossings/${held.id}/${action}`, fields);

      expect((await s.post(`${base}/check-in`, { code: held.code })).status).toBe(303);
      expect((await s.post(`${base}/call-next`)).status).toBe(303);
      expect((await act("arrive")).status).toBe(303);
      expect(now(held.id)?.context.lane).toBe(1);
      expect((await act("hold", { documents: "CMR waybill" })).status).toBe(303);
      // the held truck's lane takes the next truck meanwhile
      const [first, ...rest] = others;
      if (!first) throw new Error("no truck");
      expect((await s.post(`${base}/check-in`, { code: first.code })).status).toBe(303);
      expect((await s.post(`${base}/call-next`)).status).toBe(303);
      expect(now(first.id)?.context.lane).toBe(1);
      // back to the document check on another lane, not lane 1 beside the truck now in it
      expect((await act("resume")).status).toBe(303);
      expect(now(held.id)).toMatchObject({ state: "documentCheck", context: { lane: 2 } });

      // held again, and every lane taken: the resume is refused, said why, and nothing is written
      expect((await act("hold", { documents: "phytosanitary certificate" })).status).toBe(303);
      const resumeButton = `${base}/crossings/${held.id}/resume`;
      expect(await (await s.get(base)).text()).toContain(resumeButton);
      for (const t of rest) expect((await s.post(`${base}/check-in`, { code: t.code })).status).toBe(303);
      for (const _ of rest) expect((await s.post(`${base}/call-next`)).status).toBe(303);
      // the machine draws the buttons with the lanes as they are: no Resume, and the dashboard says why
      const dashboard = await (await s.get(base)).text();
      expect(dashboard).not.toContain(resumeButton);
      expect(dashboard).toContain("Every lane is busy: Resume comes back here when a lane is free.");
      const events = post.deps.crossings.events(held.id).length;
      const refused = await act("resume");
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain("every lane is busy: resume the truck when a lane is free");
      expect(now(held.id)?.state).toBe("onHold");
      expect(post.deps.crossings.events(held.id).length).toBe(events);
    } finally {
      post.close();
    }
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
