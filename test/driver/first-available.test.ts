/** "First available", and the refusals a driver meets, through the pages and the JSON API. */
import { afterAll, describe, expect, it } from "vitest";
import { SEED_RISK_POLICY } from "../../seed/risk-rules.ts";
import { declarationSchema } from "../../src/domain/declaration.ts";
import { bookingStore } from "../../src/store/booking.ts";
import type { StoredCheckpoint } from "../../src/store/checkpoints.ts";
import { declareTruck } from "../../src/store/declare.ts";
import { declaration, testRuntime } from "../api/support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const bookings = bookingStore(rt.deps.db, rt.deps.crossings);
const cp = (id = "korday") => rt.deps.checkpoints.get(id) as StoredCheckpoint;
let n = 0;
const declared = (checkpointId = "korday") => {
  const out = declareTruck(rt.deps.crossings, {
    declaration: declarationSchema.parse(declaration(`FA${String(++n).padStart(4, "0")}`, checkpointId)),
    risk: SEED_RISK_POLICY,
    sample: 0.5,
    at: rt.deps.now(),
    actor: { kind: "driver", id: "t" },
    policy: { requireVin: false },
  });
  if (!out.ok) throw new Error(out.reason);
  return out.crossing.row.id;
};
const api = (path: string, method: string, body?: unknown) =>
  rt.app.request(`/api/v1${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const firstOpen = () => bookings.slots(cp(), rt.deps.now(), 500, rt.deps.now()).find((s) => s.available > 0);

describe("first available", () => {
  it("the page's button books the earliest slot with a place left", async () => {
    const id = declared();
    const expected = firstOpen()?.start;
    const page = await (await rt.app.request(`/c/${id}?lang=en`)).text();
    expect(page).toContain("First available slot");
    const res = await rt.app.request(`/c/${id}/book?lang=en`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "slotStart=first",
    });
    expect(res.status).toBe(303);
    expect(rt.deps.crossings.get(id)?.row).toMatchObject({ state: "booked", slot_start: expected });
  });

  it("the API books the earliest slot too, and passes over a slot that filled up", async () => {
    const first = firstOpen();
    if (!first) throw new Error("no open slot");
    for (let i = 0; i < first.available; i++)
      bookings.book(cp(), declared(), first.start, rt.deps.now(), { kind: "driver", id: "t" });
    const id = declared();
    const res = await api(`/crossings/${id}/booking`, "POST", { firstAvailable: true });
    expect(res.status).toBe(201);
    expect(rt.deps.crossings.get(id)?.row.slot_start).toBeGreaterThan(first.start);
    // the API answers a body its schema refuses with 422, as everywhere else
    expect((await api(`/crossings/${declared()}/booking`, "POST", { firstAvailable: false })).status).toBe(
      422,
    );
  });

  it("moves a booked truck only to an earlier slot; pressed again it changes nothing and spends no change", async () => {
    const id = declared();
    const open = bookings.slots(cp(), rt.deps.now(), 500, rt.deps.now()).filter((s) => s.available > 0);
    const [earliest, later] = [open[0], open[4]];
    if (!earliest || !later) throw new Error("not enough open slots");
    const driver = { kind: "driver" as const, id };
    expect(bookings.book(cp(), id, later.start, rt.deps.now(), driver).ok).toBe(true);
    const plate = rt.deps.crossings.get(id)?.row.plate ?? "";
    const changesLeft = () => bookings.remaining(cp(), plate, rt.deps.now()).postponements;
    const before = changesLeft();
    const press = (lang: string) =>
      rt.app.request(`/c/${id}/book?lang=${lang}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "slotStart=first",
      });
    expect((await press("en")).headers.get("location")).toBe(`/c/${id}?lang=en`);
    expect(rt.deps.crossings.get(id)?.row.slot_start).toBe(earliest.start);
    const events = rt.deps.crossings.events(id).length;
    // the same press again (a weak signal), on the page and as a client's retry: nothing moves
    const again = await press("ru");
    const shown = await (await rt.app.request(again.headers.get("location") ?? "")).text();
    expect(shown).toContain("У этого грузовика уже самое раннее свободное время");
    const retried = await api(`/crossings/${id}/booking`, "POST", { firstAvailable: true });
    expect(retried.status).toBe(409);
    expect(((await retried.json()) as { detail: string }).detail).toBe(
      "This truck already has the first available slot: none earlier is free. Nothing was changed.",
    );
    expect(rt.deps.crossings.get(id)?.row.slot_start).toBe(earliest.start);
    expect(rt.deps.crossings.events(id)).toHaveLength(events);
    expect(changesLeft()).toBe(before - 1);
  });
});

describe("the refusals a driver meets", () => {
  it("a day at its limit refuses with a 409 that says so, on the API and the page", async () => {
    const limited = cp("zhibek-zholy");
    rt.deps.checkpoints.updateConfig(limited.id, { ...limited.config, dailyLimit: 1 }, rt.deps.now());
    const slot = bookings.slots(cp("zhibek-zholy"), rt.deps.now() + 86_400_000, 1, rt.deps.now())[0];
    if (!slot) throw new Error("no slot");
    const slotStart = new Date(slot.start).toISOString();
    expect((await api(`/crossings/${declared("zhibek-zholy")}/booking`, "POST", { slotStart })).status).toBe(
      201,
    );
    const refused = await api(`/crossings/${declared("zhibek-zholy")}/booking`, "POST", { slotStart });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toBe(
      "The day's limit of trucks is reached. Nothing was changed.",
    );
    const id = declared("zhibek-zholy");
    const page = await rt.app.request(`/c/${id}/book?lang=ru`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `slotStart=${slot.start}`,
    });
    const shown = await (await rt.app.request(page.headers.get("location") ?? "")).text();
    expect(shown).toContain("Дневной лимит"); // the refusal in the driver's language
    expect(rt.deps.crossings.get(id)?.row.state).toBe("declared");
  });

  it("the allowance of slot changes runs out with a clear 409, and the page says how many remain", async () => {
    const id = declared();
    const book = () => api(`/crossings/${id}/booking`, "POST", { firstAvailable: true });
    const allowed = cp().config.postponementsPer60Days;
    for (let i = 0; i < allowed; i++) {
      expect((await book()).status).toBe(201);
      expect((await api(`/crossings/${id}/booking`, "DELETE")).status).toBe(200);
    }
    expect((await book()).status).toBe(201);
    const page = await (await rt.app.request(`/c/${id}?lang=en`)).text();
    expect(page).toContain("Changes of slot left: 0");
    const refused = await api(`/crossings/${id}/booking`, "DELETE");
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toBe(
      "No changes of slot left for this truck. Nothing was changed.",
    );
  });

  it("where walk-ins are allowed, the page says a truck may come without a slot and join the live queue", async () => {
    const withWalkIns = rt.deps.checkpoints.list().find((c) => c.config.walkInsAllowed);
    const without = rt.deps.checkpoints.list().find((c) => !c.config.walkInsAllowed);
    if (!withWalkIns || !without) throw new Error("the seed has both kinds of checkpoint");
    const text = async (id: string) => (await rt.app.request(`/c/${id}?lang=en`)).text();
    expect(await text(declared(withWalkIns.id))).toContain("joins the live queue");
    expect(await text(declared(without.id))).not.toContain("joins the live queue");
  });
});
