/**
 * Property: the places held per slot (slot_places, kept by triggers) always equal a count of the
 * crossings that hold one, whatever events the trucks go through.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor, CrossingEvent } from "../../machines/index.ts";
import { HOLDS_PLACE } from "../../src/store/booking.ts";
import { declareOne, seededDb } from "./helpers.ts";

const T0 = Date.UTC(2026, 10, 25, 6);
const HOUR = 3_600_000;
const officer: Actor = { kind: "officer", id: "o" };
const driver: Actor = { kind: "driver", id: "d" };
const slot = fc.constantFrom(0, 1, 2).map((h) => ({ start: T0 + h * HOUR, end: T0 + (h + 1) * HOUR }));
const at = fc.integer({ min: T0 - HOUR, max: T0 + 6 * HOUR });
const event: fc.Arbitrary<CrossingEvent> = fc.oneof(
  fc.record({ type: fc.constant("BOOK" as const), at, actor: fc.constant(driver), slot }),
  fc.record({ type: fc.constant("CANCEL_BOOKING" as const), at, actor: fc.constant(driver) }),
  fc.record({
    type: fc.constant("CHECK_IN" as const),
    at,
    actor: fc.constant(officer),
    policy: fc.record({ walkInsAllowed: fc.boolean(), graceMinutes: fc.constant(30) }),
  }),
  fc.record({
    type: fc.constant("CALL" as const),
    at,
    actor: fc.constant(officer),
    lane: fc.constant(1),
    deadline: at,
  }),
  fc.record({ type: fc.constant("MISS_CALL" as const), at, actor: fc.constant(officer) }),
  fc.record({ type: fc.constant("CANCEL" as const), at, actor: fc.constant(driver) }),
  fc.record({ type: fc.constant("EXPIRE" as const), at, actor: fc.constant(officer) }),
  fc.record({
    type: fc.constant("REFUSE" as const),
    at,
    actor: fc.constant(officer),
    reasonCode: fc.constant("R1"),
  }),
);

describe("places held per slot", () => {
  it("always equal the crossings that hold a place", () => {
    const db = seededDb();
    let runsHoldingPlaces = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), event), { maxLength: 60 }), (steps) => {
        // each run starts from the seeded checkpoints and is undone afterwards
        db.exec("SAVEPOINT run");
        const trucks = ["111AAA01", "222BBB02", "333CCC03", "444DDD04"].map((plate) => declareOne(db, plate));
        const crossings = trucks[0]?.crossings;
        if (!crossings) throw new Error("no store");
        for (const [i, e] of steps) crossings.apply(trucks[i]?.crossing.row.id ?? "", e);
        const kept = db
          .prepare("SELECT checkpoint_id, slot_start, held FROM slot_places WHERE held > 0 ORDER BY 1, 2")
          .all();
        const counted = db
          .prepare(
            `SELECT checkpoint_id, slot_start, count(*) AS held FROM crossings
             WHERE slot_start IS NOT NULL AND ${HOLDS_PLACE} GROUP BY 1, 2 ORDER BY 1, 2`,
          )
          .all();
        db.exec("ROLLBACK TO run; RELEASE run");
        if (counted.length > 0) runsHoldingPlaces++;
        expect(kept).toEqual(counted);
      }),
      { numRuns: 200 },
    );
    db.close();
    // the property said something: many runs had places held when they ended
    expect(runsHoldingPlaces).toBeGreaterThan(10);
  });
});
