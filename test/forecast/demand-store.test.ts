/** Recorded demand: refused booking attempts count, each truck once, on the day it first wanted. */
import { afterAll, describe, expect, it } from "vitest";
import { SEED_RISK_POLICY } from "../../seed/risk-rules.ts";
import { declarationSchema } from "../../src/domain/declaration.ts";
import { parseDeclarationForm } from "../../src/http/driver/form.ts";
import { bookingStore } from "../../src/store/booking.ts";
import { declareTruck } from "../../src/store/declare.ts";
import { demandStore, localDate } from "../../src/store/demand.ts";
import { forecastCalendarStore } from "../../src/store/forecast-calendar.ts";
import { testRuntime } from "../api/support.ts";
import { goodForm } from "../driver/support/forms.ts";

const rt = testRuntime();
afterAll(() => rt.close());

const declare = (plate: string, at: number) => {
  const parsed = parseDeclarationForm(Object.fromEntries(goodForm(plate)));
  if (!parsed.ok) throw new Error("the good form should parse");
  const outcome = declareTruck(rt.deps.crossings, {
    declaration: declarationSchema.parse(parsed.declaration),
    risk: SEED_RISK_POLICY,
    sample: 0.5,
    at,
    actor: { kind: "driver", id: "test" },
    policy: { requireVin: false },
  });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.crossing.row.id;
};

describe("recorded demand", () => {
  it("counts a truck refused because the slot was full on the day it wanted, once", () => {
    const cp = rt.deps.checkpoints.get("nur-zholy");
    if (!cp) throw new Error("seeded checkpoint missing");
    const tight = { ...cp, config: { ...cp.config, slotCapacity: 2 } };
    const now = Date.UTC(2026, 10, 20, 6, 0);
    const bookings = bookingStore(rt.deps.db, rt.deps.crossings);
    const slot = bookings.slots(tight, now + 86_400_000, 1, now)[0];
    if (!slot) throw new Error("no slot");
    const ids = ["DEM001", "DEM002", "DEM003"].map((p) => declare(p, now));
    const outcomes = ids.map((id) => bookings.book(tight, id, slot.start, now, { kind: "driver", id: "t" }));
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false]);
    // the refused truck tries again and is refused again: still one truck of demand
    bookings.book(tight, ids[2] as string, slot.start, now, { kind: "driver", id: "t" });

    const demand = demandStore(rt.deps.db);
    const wantedDay = localDate(slot.start, cp.config.timezone);
    const series = demand.daily({ id: cp.id, timezone: cp.config.timezone }, wantedDay, () => false);
    expect(series.at(-1)).toEqual({ date: wantedDay, count: 3, closed: false, censored: false });
    expect(series.reduce((a, d) => a + d.count, 0)).toBe(3);
    const refusals = rt.deps.db.prepare("SELECT count(*) FROM demand_refusals").pluck().get();
    expect(refusals).toBe(2);
  });

  it("keeps the refusals and the calendar append-only", () => {
    expect(() => rt.deps.db.exec("DELETE FROM demand_refusals")).toThrow(/append-only/);
    const cal = forecastCalendarStore(rt.deps.db);
    cal.seedIfEmpty(0);
    expect(() => rt.deps.db.exec("UPDATE forecast_calendar SET name = 'x'")).toThrow(/append-only/);
  });

  it("seeds the published holidays and the February 2026 closure; a withdrawal takes a day out", () => {
    const cal = forecastCalendarStore(rt.deps.db);
    cal.seedIfEmpty(0);
    const china = cal.inForce("CN");
    expect(china.filter((d) => d.kind === "closure").map((d) => d.date)).toEqual([
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
    ]);
    expect(cal.inForce("KG").some((d) => d.kind === "closure")).toBe(false);
    expect(china.some((d) => d.date === "2026-03-22" && d.kind === "holidayKz")).toBe(true);
    const closure = china.find((d) => d.date === "2026-02-18" && d.kind === "closure");
    if (!closure) throw new Error("closure missing");
    cal.change({ ...closure, action: "withdraw", reason: "China reopened a day early" }, "u1", 1);
    expect(cal.inForce("CN").filter((d) => d.kind === "closure")).toHaveLength(2);
  });
});
