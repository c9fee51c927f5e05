/**
 * Issue 14: booking days ahead and arriving on time, through the pages as a driver uses them:
 * the day picker over the horizon, "First available" always, the arrival window, one-move slot
 * changes, the cancel confirmation, and the pass only once a slot is booked.
 */
import { afterAll, describe, expect, it } from "vitest";
import { declaration, testRuntime } from "../api/support.ts";
import { type Fetch, signIn } from "../officer/support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);
const HOUR = 3_600_000;
const post = (path: string, fields: Record<string, string>) =>
  fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });

async function declare(plate: string, checkpointId = "nur-zholy") {
  const res = await fetch("/api/v1/crossings", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(declaration(plate, checkpointId)),
  });
  if (res.status !== 201) throw new Error(await res.text());
  return (await res.json()) as { id: string; code: string };
}
const page = async (id: string, query = "") => (await fetch(`/c/${id}?lang=en${query}`)).text();
const dayLinks = (html: string) => [...html.matchAll(/day=(\d+)#slot-picker/g)].map((m) => Number(m[1]));
const slotStarts = (html: string) =>
  [...html.matchAll(/name="slotStart" value="(\d+)"/g)].map((m) => Number(m[1]));

describe("the day picker", () => {
  it("offers every day of the horizon, each with its places, and the chosen day's slots", async () => {
    const { id, code } = await declare("800DAY02");
    const html = await page(id);
    const days = dayLinks(html);
    // the seeded horizon is 7 days from now: today's rest, six whole days, and the start of the eighth
    expect(days.length).toBeGreaterThanOrEqual(7);
    expect(days.length).toBeLessThanOrEqual(8);
    expect(html).toContain("First available slot");
    // no pass before a slot is booked: the page says what to do next
    expect(html).not.toContain(code);
    expect(html).toContain("Next: choose a slot below");
    const third = await page(id, `&day=${days[2]}`);
    const starts = slotStarts(third);
    expect(starts.length).toBe(24);
    expect(starts.every((s) => s >= (days[2] ?? 0) && s < (days[3] ?? 0))).toBe(true);
  });

  it("keeps First available when the day shown is full, and books a later day", async () => {
    const cp = rt.deps.checkpoints.get("korday");
    if (!cp) throw new Error("seed has korday");
    rt.deps.checkpoints.updateConfig("korday", { ...cp.config, dailyLimit: 1 }, rt.deps.now());
    const first = await declare("801DAY02", "korday");
    expect((await post(`/c/${first.id}/book?lang=en`, { slotStart: "first" })).status).toBe(303);
    const second = await declare("802DAY02", "korday");
    const html = await page(second.id);
    expect(html).toContain("First available slot");
    await post(`/c/${second.id}/book?lang=en`, { slotStart: "first" });
    const a = rt.deps.crossings.get(first.id)?.row;
    const b = rt.deps.crossings.get(second.id)?.row;
    expect(b?.state).toBe("booked");
    // on a later day of the checkpoint's own calendar (the page's day links start each day): not a
    // fixed number of hours later, since the first booking's slot may be the last of its day
    const nextDay = dayLinks(html).find((start) => start > (a?.slot_start ?? 0));
    expect(nextDay).toBeDefined();
    expect(b?.slot_start ?? 0).toBeGreaterThanOrEqual(nextDay ?? Number.POSITIVE_INFINITY);
    rt.deps.checkpoints.updateConfig("korday", cp.config, rt.deps.now());
  });
});

describe("the arrival window", () => {
  it("refuses a truck a day early with the time to come back, and the driver's page shows the window", async () => {
    const { id, code } = await declare("803DAY02");
    const tomorrow = dayLinks(await page(id))[1] ?? 0;
    const slot = slotStarts(await page(id, `&day=${tomorrow}`))[12] ?? 0;
    expect((await post(`/c/${id}/book?lang=en`, { slotStart: String(slot) })).status).toBe(303);
    const html = await page(id);
    expect(html).toContain("Check in at the checkpoint between");
    expect(html).toContain(code); // booked: the pass appears
    const officer = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    const res = await officer.post("/officer/nur-zholy/check-in", { code });
    expect(res.status).toBe(409);
    const opens = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Almaty",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(slot - HOUR);
    expect(await res.text()).toContain(`come back at ${opens}`);
    expect(rt.deps.crossings.get(id)?.row.state).toBe("booked");
  });
});

describe("changing a slot", () => {
  it("is one move that keeps the old place until the new one is booked, and the allowance runs out", async () => {
    const { id } = await declare("804DAY02");
    const days = dayLinks(await page(id));
    const [a, b] = slotStarts(await page(id, `&day=${days[2]}`));
    await post(`/c/${id}/book?lang=en`, { slotStart: String(a) });
    const held = (start: number | undefined) =>
      rt.deps.db
        .prepare(
          "SELECT coalesce(sum(held), 0) FROM slot_places WHERE checkpoint_id = 'nur-zholy' AND slot_start = ?",
        )
        .pluck()
        .get(start) as number;
    expect(held(a)).toBe(1);
    const before = await page(id, `&day=${days[2]}`);
    expect(before).toContain("Change the slot");
    expect(before).toContain("Changes of slot left: 1");
    expect((await post(`/c/${id}/book?lang=en`, { slotStart: String(b) })).status).toBe(303);
    const row = rt.deps.crossings.get(id)?.row;
    expect(row).toMatchObject({ state: "booked", slot_start: b });
    expect([held(a), held(b)]).toEqual([0, 1]);
    // one BOOK from booked: there was never a moment without the place
    expect(rt.deps.crossings.events(id).map((e) => e.type)).toEqual(["DECLARE", "BOOK", "BOOK"]);
    const after = await page(id);
    expect(after).toContain("Changes of slot left: 0");
    expect(after).not.toContain("Change the slot");
    const refused = await post(`/c/${id}/book?lang=en`, { slotStart: String(a) });
    expect(refused.headers.get("location")).toContain("book.noPostponements");
  });
});

describe("cancelling", () => {
  it("asks for a confirmation first, without JavaScript, and works from the waiting area", async () => {
    const { id, code } = await declare("805DAY02");
    await post(`/c/${id}/book?lang=en`, { slotStart: "first" });
    const officer = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    // the first available slot is this hour's or the next: inside the arrival window
    expect((await officer.post("/officer/nur-zholy/check-in", { code })).status).toBe(303);
    const html = await page(id);
    expect(html).toContain(`href="/c/${id}/cancel?lang=en"`);
    const unconfirmed = await post(`/c/${id}/cancel?lang=en`, {});
    expect(unconfirmed.headers.get("location")).toBe(`/c/${id}/cancel?lang=en`);
    expect(rt.deps.crossings.get(id)?.row.state).toBe("waitingArea");
    const confirm = await (await fetch(`/c/${id}/cancel?lang=en`)).text();
    expect(confirm).toContain("Cancel the crossing?");
    expect(confirm).toContain('name="confirm" value="yes"');
    expect((await post(`/c/${id}/cancel?lang=en`, { confirm: "yes" })).status).toBe(303);
    expect(rt.deps.crossings.get(id)?.row.state).toBe("cancelled");
  });
});
