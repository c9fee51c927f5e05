/** The recommendation card on Shift settings, in process: compute, draw, accept through the audited path. */
import { afterAll, describe, expect, it, vi } from "vitest";
import type { StoredCheckpoint } from "../../src/store/checkpoints.ts";
import { testRuntime } from "../api/support.ts";
import { type Fetch, signIn } from "../officer/support.ts";
import { seedNovemberHistory } from "./support.ts";

// the demand history (120 days of about 1,100 trucks) is written straight in SQL to be quick, not
// through the machine, so the replay of the log that tests run on closing would not match it
const rt = testRuntime({ VERIFY_LOG_ON_CLOSE: "off" });
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);
const nurZholy = () => rt.deps.checkpoints.get("nur-zholy") as StoredCheckpoint;
const PAGE = "/officer/nur-zholy/settings";
const REC = `${PAGE}/recommendation`;
const latestRequest = () =>
  rt.deps.db
    .prepare("SELECT status, recommendation_id FROM recommendation_requests ORDER BY id DESC LIMIT 1")
    .get() as { status: string; recommendation_id: number | null };
/** The worker thread's answer: polled as the card polls its fragment, however long the machine takes. */
const computed = () =>
  vi.waitFor(() => expect(latestRequest().status).toBe("done"), { timeout: 180_000, interval: 100 });

describe("the recommendation card", () => {
  it("says plainly when there is too little recorded demand, and writes nothing", async () => {
    const sup = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    expect(await (await sup.get(PAGE)).text()).toContain("None computed yet.");
    const res = await sup.post(REC);
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(
      /No recommendation: 0 day\(s\) of recorded demand; a forecast needs at least 28/,
    );
    expect(rt.deps.db.prepare("SELECT count(*) FROM recommendations").pluck().get()).toBe(0);
  });

  it("computes from November-like history: the neighbour binds, and accepting writes 'recommendation 1'", async () => {
    // arrivals of 1,000-1,200 a day; the neighbour took 700-750
    seedNovemberHistory(rt.deps.db, rt.deps.now());
    const sup = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    const asked = await sup.post(REC);
    expect(asked.status).toBe(303);
    await computed();
    const html = await (await sup.get(PAGE)).text();
    expect(html).toContain("Recommendation 1");
    expect(html).toContain("Binding constraint: the neighbour&#39;s acceptance.");
    expect(html).toMatch(/Backtest \(\d+ weekly origins/);
    expect(html).toMatch(/wait P50 [\d.]+ min, P90 [\d.]+ min/);
    const limit = Number(/<td><strong>([\d,]+)<\/strong><\/td>/.exec(html)?.[1]?.replace(",", ""));
    expect(limit).toBeGreaterThan(600);
    expect(limit).toBeLessThanOrEqual(750);

    const chart = await sup.get(`${REC}/1/forecast.svg`);
    expect(chart.status).toBe(200);
    expect(chart.headers.get("content-type")).toBe("image/svg+xml");
    expect(await chart.text()).toContain("<svg");

    // nothing changed by itself
    expect(nurZholy().config.dailyLimit).toBe(650);
    const officer = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    expect((await officer.post(`${REC}/1/accept`)).status).toBe(403);
    expect((await sup.post(`${REC}/1/accept`, {}, false)).status).toBe(403);

    const accepted = await sup.post(`${REC}/1/accept`);
    expect(accepted.status).toBe(303);
    expect(nurZholy().config.dailyLimit).toBe(limit);
    const after = await (await sup.get(PAGE)).text();
    expect(after).toMatch(
      /dailyLimit<\/td><td>650 → [\d]+<\/td><td>supervisor.nurzholy<\/td><td>recommendation 1/,
    );
  }, 120_000);

  it("answers other requests while a recommendation is computed on its thread, then shows the card", async () => {
    const pool = rt.deps.forecastPool;
    if (!pool) throw new Error("the runtime has no recommendation thread");
    // the thread computes, then holds its result until released: "being computed" for as long as the test needs
    pool.hold();
    const held = pool.whenHeld();
    const sup = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    expect((await sup.post(REC)).status).toBe(303);
    const page = await (await sup.get(PAGE)).text();
    expect(page).toContain("Computing a new recommendation");
    expect(page).toContain(`hx-get="${REC}-card"`);
    expect(page).not.toContain(">Compute a new recommendation<");
    // a second click while it computes starts nothing more
    expect((await sup.post(REC)).status).toBe(303);
    expect(
      rt.deps.db
        .prepare("SELECT count(*) FROM recommendation_requests WHERE status = 'computing'")
        .pluck()
        .get(),
    ).toBe(1);

    await held;
    // the work is done on the thread and not yet stored: the server answers meanwhile
    expect((await fetch("/healthz")).status).toBe(200);
    expect(latestRequest().status).toBe("computing");
    const polling = await (await sup.get(`${REC}-card`)).text();
    expect(polling).toContain("Computing a new recommendation");
    expect(polling).toContain('hx-trigger="every 2s"');

    pool.release();
    await computed();
    const card = await (await sup.get(`${REC}-card`)).text();
    expect(card).toContain(`Recommendation ${latestRequest().recommendation_id}`);
    expect(card).not.toContain("hx-trigger");
    expect(card).toContain(">Compute a new recommendation<");
  }, 240_000);

  it("answers 404 for a recommendation that does not exist", async () => {
    const sup = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    expect((await sup.post(`${REC}/99/accept`)).status).toBe(404);
    expect((await sup.get(`${REC}/99/forecast.svg`)).status).toBe(404);
  });
});

describe("the holiday and closure calendar on Shift settings", () => {
  it("lists the days ahead, adds a closure with who and why, and refuses a bad date writing nothing", async () => {
    const sup = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    const rows = () => Number(rt.deps.db.prepare("SELECT count(*) FROM forecast_calendar").pluck().get());
    await sup.get(PAGE);
    const before = rows();
    const bad = await sup.post(`${PAGE}/calendar`, {
      calendarAction: "add",
      calendarDate: "2026-02-30",
      calendarKind: "closure",
      calendarName: "x",
      calendarSource: "SRC",
      calendarReason: "",
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('id="calendar-date-error"');
    expect(html).toContain('id="calendar-reason-error"');
    expect(rows()).toBe(before);

    const tomorrow = new Date(rt.deps.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const added = await sup.post(`${PAGE}/calendar`, {
      calendarAction: "add",
      calendarDate: tomorrow,
      calendarKind: "closure",
      calendarName: "Khorgos road crossing closed for repairs",
      calendarSource: "SRC notice",
      calendarReason: "announced this morning",
    });
    expect(added.status).toBe(303);
    expect(rows()).toBe(before + 1);
    const last = rt.deps.db
      .prepare("SELECT * FROM forecast_calendar ORDER BY seq DESC LIMIT 1")
      .get() as Record<string, string>;
    expect(last).toMatchObject({
      action: "add",
      date: tomorrow,
      kind: "closure",
      neighbour: "CN",
      reason: "announced this morning",
    });
    expect(await (await sup.get(PAGE)).text()).toContain("Khorgos road crossing closed for repairs");

    const officer = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    expect(
      (await officer.post(`${PAGE}/calendar`, { calendarAction: "add", calendarDate: tomorrow })).status,
    ).toBe(403);
    expect(rows()).toBe(before + 1);
  });
});
