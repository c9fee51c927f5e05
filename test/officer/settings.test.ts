import { afterAll, describe, expect, it } from "vitest";
import { bookingStore } from "../../src/store/booking.ts";
import type { StoredCheckpoint } from "../../src/store/checkpoints.ts";
import { bearer, declareAndBook, newKey, testRuntime } from "../api/support.ts";
import { bookedTruck, type Fetch, signIn } from "./support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);
const nurZholy = () => rt.deps.checkpoints.get("nur-zholy") as StoredCheckpoint;
const PAGE = "/officer/nur-zholy/settings";

/** The form as the page fills it in, with some fields changed. */
async function formOf(user: Awaited<ReturnType<typeof signIn>>, changes: Record<string, string>) {
  const html = await (await user.get(PAGE)).text();
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input name="(\w+)"[^>]*?value="([^"]*)"/g)) fields[m[1] ?? ""] = m[2] ?? "";
  for (const m of html.matchAll(/<input type="checkbox" name="(\w+)"( checked="")?/g))
    if (m[2]) fields[m[1] ?? ""] = "on";
  return { ...fields, ...changes };
}

describe("supervisor controls", () => {
  it("only the checkpoint's supervisor reaches the settings", async () => {
    const officer = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    expect((await officer.get(PAGE)).status).toBe(403);
    expect((await officer.post(PAGE, { reason: "x", documentLanes: "9" })).status).toBe(403);
    const other = await signIn(fetch, "supervisor.bakhty", "bakhty");
    expect((await other.get(PAGE)).status).toBe(403);
    expect((await fetch(PAGE, { redirect: "manual" })).status).toBe(303);
    expect(nurZholy().config.documentLanes).not.toBe(9);
  });

  it("a change takes effect at once and is listed with who made it and why", async () => {
    const sup = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    const lanes = nurZholy().config.documentLanes + 2;
    const res = await sup.post(
      PAGE,
      await formOf(sup, { documentLanes: String(lanes), reason: "evening peak" }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${PAGE}?saved=1`);
    expect(nurZholy().config.documentLanes).toBe(lanes);
    const page = await (await sup.get(`${PAGE}?saved=1`)).text();
    expect(page).toContain("Saved.");
    expect(page).toMatch(
      /documentLanes<\/td><td>\d+ → \d+<\/td><td>supervisor.nurzholy<\/td><td>evening peak/,
    );
  });

  it("sets issue 14's policies on the same form, each change in the log", async () => {
    const sup = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    const res = await sup.post(
      PAGE,
      await formOf(sup, {
        requireVin: "on",
        earlyArrivalMinutes: "30",
        bookingHorizonDays: "10",
        declarationLapseHours: "12",
        reason: "VIN checks from today",
      }),
    );
    expect(res.status).toBe(303);
    expect(nurZholy().config).toMatchObject({
      requireVin: true,
      earlyArrivalMinutes: 30,
      bookingHorizonDays: 10,
      declarationLapseHours: 12,
    });
    const page = await (await sup.get(PAGE)).text();
    for (const setting of [
      "requireVin",
      "earlyArrivalMinutes",
      "bookingHorizonDays",
      "declarationLapseHours",
    ])
      expect(page).toMatch(
        new RegExp(`${setting}</td><td>[^<]+</td><td>supervisor.nurzholy</td><td>VIN checks from today`),
      );
  });

  it("a bad field is named next to it, and nothing is written", async () => {
    const sup = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    const before = JSON.stringify(nurZholy().config);
    const res = await sup.post(
      PAGE,
      await formOf(sup, { scanners: "-1", queueCycle: "vip, ordinary", reason: "<script>x</script>" }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="scanners-error"');
    expect(html).toContain('id="queueCycle-error"');
    expect(html).not.toContain("<script>x</script>"); // what was typed comes back escaped
    expect(JSON.stringify(nurZholy().config)).toBe(before);
  });

  it("refuses a form without its CSRF token", async () => {
    const sup = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    const res = await sup.post(
      PAGE,
      await formOf(sup, { documentLanes: "1", reason: "x", _csrf: "" }),
      false,
    );
    expect(res.status).toBe(403);
    expect(nurZholy().config.documentLanes).not.toBe(1);
  });

  it("lowering the daily limit below the bookings warns first, then moves them when confirmed", async () => {
    const sup = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    const now = rt.deps.now();
    const bookings = bookingStore(rt.deps.db, rt.deps.crossings);
    const slot = bookings.slots(nurZholy(), now + 86_400_000, 1, now)[0];
    if (!slot) throw new Error("no slot tomorrow");
    const trucks = ["LIM001", "LIM002", "LIM003"].map((p) => bookedTruck(rt.deps.crossings, p, slot.start));
    const held = bookings.slots(nurZholy(), slot.start, 1, now)[0]?.booked ?? 0;
    const limit = String(Math.max(1, held - 1));

    const warned = await sup.post(
      PAGE,
      await formOf(sup, { dailyLimit: limit, reason: "China accepts fewer" }),
    );
    expect(warned.status).toBe(409);
    expect(await warned.text()).toMatch(/leaves 1 day\(s\) overbooked/);
    expect(nurZholy().config.dailyLimit).not.toBe(Number(limit));

    const confirmed = await sup.post(
      PAGE,
      await formOf(sup, { dailyLimit: limit, reason: "China accepts fewer", confirmMoves: "on" }),
    );
    expect(confirmed.status).toBe(303);
    expect(nurZholy().config.dailyLimit).toBe(Number(limit));
    // the three were booked at the same moment, so which one moves is the tie-break's choice
    const moved = trucks
      .map((t) => rt.deps.crossings.get(t.row.id))
      .filter((t) => t?.row.slot_start !== slot.start);
    expect(moved).toHaveLength(1);
    expect(moved[0]?.row.slot_start).toBeGreaterThan(slot.start);
    expect(rt.deps.crossings.events(moved[0]?.row.id ?? "").at(-1)).toMatchObject({
      type: "BOOK",
      actor_kind: "supervisor",
    });
  });

  it("the unmanned green lane opens and closes at once; the dashboard shows its trucks and share apart", async () => {
    const sup = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    const gate = newKey(rt, { kind: "device", label: "Unmanned lane", checkpointId: "nur-zholy" });
    const camera = (path: string, plate: string) =>
      rt.app.request(`/api/v1/device/${path}`, {
        method: "POST",
        headers: { ...bearer(gate.secret), "Content-Type": "application/json" },
        body: JSON.stringify({ plate }),
      });
    const lane = async (on: boolean) => {
      const fields = await formOf(sup, { reason: on ? "camera calibrated" : "camera fault" });
      if (on) fields.unmannedGreenLane = "on";
      else delete fields.unmannedGreenLane;
      expect((await sup.post(PAGE, fields)).status).toBe(303);
    };
    for (const plate of ["UNM001", "UNM002"]) {
      declareAndBook(rt, plate, { complete: true });
      expect((await camera("check-ins", plate)).status).toBe(200);
    }
    await lane(false);
    expect((await camera("unmanned-releases", "UNM001")).status).toBe(409);
    await lane(true);
    expect((await camera("unmanned-releases", "UNM001")).status).toBe(200);

    const officer = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    const html = await (await officer.get("/officer/nur-zholy")).text();
    expect(html).toContain("unmanned green lane on");
    expect(html).toMatch(/released through the unmanned green lane: <strong>1 of 1 \(100%\)/);
    expect(html).toMatch(/Unmanned green lane, last hours \(1\)[\s\S]*UNM001/);
    await lane(false);
    expect((await camera("unmanned-releases", "UNM002")).status).toBe(409);
  });
});

describe("the settings in the JSON API", () => {
  it("reads for officers, writes for supervisors with the session's CSRF token, in one schema with the form", async () => {
    const json = (user: Awaited<ReturnType<typeof signIn>>, method: string, body?: unknown) =>
      rt.app.request("/api/v1/officer/checkpoints/nur-zholy/settings", {
        method,
        headers: { Cookie: user.cookie, "X-CSRF-Token": user.csrf, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const officer = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    const read = await json(officer, "GET");
    expect(read.status).toBe(200);
    const current = (await read.json()) as Record<string, unknown>;
    expect(Object.keys(current).sort()).toEqual([
      "bookingHorizonDays",
      "dailyLimit",
      "declarationLapseHours",
      "documentLanes",
      "earlyArrivalMinutes",
      "graceMinutes",
      "inspectionBays",
      "queueCycle",
      "requireVin",
      "scanners",
      "slotCapacity",
      "smartCustomsLane",
      "smartLaneFromHour",
      "smartLaneToHour",
      "unmannedGreenLane",
      "walkInsAllowed",
    ]);
    const change = { settings: { ...current, graceMinutes: 90 }, reason: "fog on the road" };
    expect((await json(officer, "PUT", change)).status).toBe(403);

    const sup = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    const bad = await json(sup, "PUT", { settings: { ...current, graceMinutes: -5 }, reason: "" });
    expect(bad.status).toBe(422);
    const saved = await json(sup, "PUT", change);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ changed: ["graceMinutes"], movedBookings: 0 });
    expect(nurZholy().config.graceMinutes).toBe(90);
  });
});
