/** The Smart Customs gate's read (issue 22): the machine lifts the barrier or hands the truck to a manned lane. */
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  type CrossingEvent,
  MACHINE_VERSION,
  type PersistedCrossing,
  withinLaneHours,
} from "../../machines/index.ts";
import { crossingIn, declared, goodEvent, MIN, step, T0 } from "./fixtures.ts";

const read = (c: PersistedCrossing, patch: Partial<Extract<CrossingEvent, { type: "GATE_READ" }>> = {}) =>
  ({ ...goodEvent("GATE_READ", c), ...patch }) as CrossingEvent;
const lane = { open: true, fromHour: 0, toHour: 24, timezone: "Asia/Almaty" };

function gateOf(c: PersistedCrossing, event: CrossingEvent) {
  const result = applyEvent(c, event);
  if (!result.ok) throw new Error(result.reason);
  return result.crossing;
}

describe("the Smart Customs gate", () => {
  it("releases a complete green declaration whose plate it reads, with no person, and keeps the decision", () => {
    const green = crossingIn("waitingArea", "green");
    const after = gateOf(green, read(green, { plateRead: "123 abc-02" }));
    expect(after.state).toBe("released");
    expect(after.context.releasedBy).toBe("unmanned");
    expect(after.context.gate).toMatchObject({ decision: "released", reasonCode: null });
  });

  it("hands a yellow truck to the manned lanes with the reason; it stays in the queue", () => {
    const yellow = crossingIn("waitingArea", "yellow");
    const after = gateOf(yellow, read(yellow));
    expect(after.state).toBe("waitingArea");
    expect(after.context.gate).toMatchObject({
      decision: "manned",
      reasonCode: "customs-control",
      reason: "the yellow channel needs the scan at a manned lane",
    });
  });

  it("hands every truck to the manned lanes while the lane is closed or outside its hours", () => {
    const green = crossingIn("waitingArea", "green");
    expect(gateOf(green, read(green, { lane: { ...lane, open: false } })).context.gate?.reasonCode).toBe(
      "lane-closed",
    );
    // T0 is 06:00 UTC, 11:00 in Almaty (UTC+5): a lane open 12-20 is not open yet
    const outside = gateOf(green, read(green, { lane: { ...lane, fromHour: 12, toHour: 20 } }));
    expect(outside.state).toBe("waitingArea");
    expect(outside.context.gate).toMatchObject({
      reasonCode: "outside-hours",
      reason: "the Smart Customs lane is open from 12:00 to 20:00",
    });
  });

  it("reads hours that pass midnight, in the checkpoint's zone", () => {
    const night = { ...lane, fromHour: 22, toHour: 6 };
    expect(withinLaneHours(Date.UTC(2026, 0, 1, 18, 30), night)).toBe(true); // 23:30 in Almaty
    expect(withinLaneHours(Date.UTC(2026, 0, 1, 0, 30), night)).toBe(true); // 05:30
    expect(withinLaneHours(Date.UTC(2026, 0, 1, 1, 0), night)).toBe(false); // 06:00
    expect(withinLaneHours(Date.UTC(2026, 0, 1, 1, 0), { ...lane, fromHour: 0, toHour: 24 })).toBe(true);
  });

  it("sends to a manned lane a truck whose plate or VIN read is not the declared one", () => {
    const green = crossingIn("waitingArea", "green");
    expect(gateOf(green, read(green, { plateRead: "999XYZ01" })).context.gate?.reasonCode).toBe(
      "identity-mismatch",
    );
    const withVin = step(
      step(
        { ...declared("green"), context: { ...declared("green").context, vin: "WDB9634031L123456" } },
        "BOOK",
      ),
      "CHECK_IN",
    );
    expect(gateOf(withVin, read(withVin, { vinRead: "WDB9634031L999999" })).context.gate?.reason).toBe(
      "the VIN read does not match the declared VIN",
    );
    // a VIN alone is enough when it matches
    const byVin = gateOf(withVin, read(withVin, { plateRead: undefined, vinRead: "wdb9634031l123456" }));
    expect(byVin.state).toBe("released");
  });

  it("sends an incomplete declaration to a manned lane", () => {
    const incomplete = step(step(declared("green", false), "BOOK"), "CHECK_IN");
    expect(gateOf(incomplete, read(incomplete)).context.gate?.reasonCode).toBe("declaration-incomplete");
  });

  it("decides once: a second read of a truck it sent to the manned lanes is refused with why", () => {
    const red = crossingIn("waitingArea", "red");
    const after = gateOf(red, read(red));
    const again = applyEvent(after, read(after, { at: T0 + 600 * MIN }));
    expect(again).toMatchObject({
      ok: false,
      reason: "the gate has already sent this truck to the manned lanes",
    });
  });

  it("takes no read before the truck is in the waiting area", () => {
    const booked = crossingIn("booked", "green");
    expect(applyEvent(booked, read(booked))).toMatchObject({ ok: false });
  });
});

describe("a driverless crossing is its carrier's", () => {
  const driverless = (c: PersistedCrossing): PersistedCrossing => ({
    ...c,
    context: { ...c.context, driverless: true },
  });
  const driver = { kind: "driver", id: "d1" } as const;
  const carrier = { kind: "carrier", id: "k1" } as const;
  const by = (
    c: PersistedCrossing,
    type: "BOOK" | "CANCEL_BOOKING" | "CANCEL",
    actor: typeof driver | typeof carrier,
  ) => ({ ...goodEvent(type, c), actor }) as CrossingEvent;
  const refusal = {
    ok: false,
    reason:
      "a driverless crossing is its carrier's: the carrier books and cancels it through the carriers' API",
  };

  it("refuses a driver's booking, change of slot, cancelled booking and cancel, and takes the carrier's", () => {
    const declaredOne = driverless(declared("green"));
    const bookedOne = driverless(crossingIn("booked", "green"));
    const waiting = driverless(crossingIn("waitingArea", "green"));
    for (const [c, type] of [
      [declaredOne, "BOOK"],
      [declaredOne, "CANCEL"],
      [bookedOne, "BOOK"],
      [bookedOne, "CANCEL_BOOKING"],
      [bookedOne, "CANCEL"],
      [waiting, "CANCEL"],
    ] as const) {
      expect(applyEvent(c, by(c, type, driver)), `${type} in ${c.state}`).toMatchObject(refusal);
      expect(applyEvent(c, by(c, type, carrier)).ok, `${type} in ${c.state}`).toBe(true);
    }
    // a crossing with a driver is the driver's to book and cancel, as before
    const withDriver = declared("green");
    expect(applyEvent(withDriver, by(withDriver, "BOOK", driver)).ok).toBe(true);
  });

  it("replays a driver's booking of a driverless crossing logged by version 2 under version 2's rules", () => {
    const c = driverless(declared("green"));
    expect(MACHINE_VERSION).toBe(3);
    expect(applyEvent(c, by(c, "BOOK", driver), 2).ok).toBe(true);
    expect(applyEvent(c, by(c, "BOOK", driver), MACHINE_VERSION)).toMatchObject(refusal);
  });
});
