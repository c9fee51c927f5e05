/** Issue 14's rules in the machine: lapsed declarations, voiding, the arrival window, the VIN, moving a slot. */
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  type CrossingEvent,
  declareCrossing,
  type PersistedCrossing,
} from "../../machines/index.ts";
import { MIN, supervisor, T0 } from "./fixtures.ts";

const HOUR = 60 * MIN;
const officer = { kind: "officer", id: "o1" } as const;
const VIN = "XTA21099043456789";
const fresh = (vin: string | null = null) =>
  declareCrossing({
    id: "c1",
    checkpointId: "nur-zholy",
    plate: "123ABC02",
    channel: "green",
    riskReasons: [],
    priority: "ordinary",
    declarationComplete: true,
    declaredAt: T0,
    vin,
  });
const apply = (c: PersistedCrossing, e: CrossingEvent) => {
  const r = applyEvent(c, e);
  if (!r.ok) throw new Error(r.reason);
  return r.crossing;
};
const reason = (c: PersistedCrossing, e: CrossingEvent) => {
  const r = applyEvent(c, e);
  return r.ok ? null : r.reason;
};
const slot = { start: T0 + 24 * HOUR, end: T0 + 25 * HOUR };
const booked = (vin: string | null = null) =>
  apply(fresh(vin), { type: "BOOK", slot, at: T0 + MIN, actor: officer });
const policy = { walkInsAllowed: false, graceMinutes: 60, earlyArrivalMinutes: 60, timezone: "Asia/Almaty" };
const lapse = { graceMinutes: 60, declarationLapseHours: 24 };

describe("squatted plates", () => {
  it("a declaration nobody books lapses after the policy's hours, not before", () => {
    const expire = (at: number) => ({ type: "EXPIRE", at, actor: officer, policy: lapse }) as const;
    expect(reason(fresh(), expire(T0 + 23 * HOUR))).toBe("the declaration has not lapsed yet");
    expect(apply(fresh(), expire(T0 + 24 * HOUR)).state).toBe("expired");
    // a log written before the policy existed has no hours: nothing lapses by itself
    expect(reason(fresh(), { type: "EXPIRE", at: T0 + 99 * HOUR, actor: officer })).toMatch(/no lapse time/);
  });

  it("only a supervisor voids a crossing, with a reason, and the crossing remembers it", () => {
    const v = (actor: typeof officer | typeof supervisor, why: string) =>
      ({ type: "VOID", at: T0 + MIN, actor, reason: why }) as const;
    expect(reason(fresh(), v(officer, "squatted"))).toBe("only a supervisor may void a crossing");
    expect(reason(fresh(), v(supervisor, "  "))).toBe("voiding a crossing needs a reason");
    const voided = apply(booked(), v(supervisor, "plate squatted; the owner showed the registration"));
    expect(voided.state).toBe("cancelled");
    expect(voided.context).toMatchObject({
      voided: true,
      reasonCode: "plate squatted; the owner showed the registration",
    });
  });

  it("a check-in with a VIN other than the declared one is refused", () => {
    const checkIn = (vin?: string) =>
      ({ type: "CHECK_IN", at: slot.start, actor: officer, policy, ...(vin ? { vin } : {}) }) as const;
    expect(reason(booked(VIN), checkIn("XTA21099043456780"))).toMatch(/does not match the declared VIN/);
    expect(apply(booked(VIN), checkIn("xta 21099 043456789")).state).toBe("waitingArea");
    expect(apply(booked(null), checkIn("XTA21099043456780")).state).toBe("waitingArea");
  });
});

describe("the arrival window", () => {
  const checkIn = (at: number) => ({ type: "CHECK_IN", at, actor: officer, policy }) as const;
  it("opens earlyArrivalMinutes before the slot and says when to come back, in the checkpoint's time", () => {
    // the slot starts at 06:00 UTC, 11:00 in Almaty; the window opens at 10:00
    expect(reason(booked(), checkIn(slot.start - 22 * HOUR))).toBe(
      "the truck is early: its arrival window opens at 10:00; come back at 10:00",
    );
    expect(apply(booked(), checkIn(slot.start - 60 * MIN)).state).toBe("waitingArea");
  });
  it("closes at the slot's end plus the grace window", () => {
    expect(reason(booked(), checkIn(slot.end + 61 * MIN))).toMatch(/the booking has lapsed/);
  });
});

describe("changing a slot", () => {
  it("is one move from booked to booked, the old slot held until then", () => {
    const later = { start: slot.start + 2 * HOUR, end: slot.end + 2 * HOUR };
    const moved = apply(booked(), { type: "BOOK", slot: later, at: T0 + 2 * MIN, actor: officer });
    expect(moved.state).toBe("booked");
    expect(moved.context.slot).toEqual(later);
  });
});
