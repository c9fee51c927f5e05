/**
 * The slot-expiring warning and the lapse of bookings run every few seconds for every checkpoint: they
 * must find their trucks through an index, not by reading every booked crossing of the checkpoint (two
 * weeks booked ahead held the event loop tens of milliseconds each time). Proved by the query plan.
 */
import { describe, expect, it } from "vitest";
import { WARN_SLOTS } from "../../src/store/notifications.ts";
import { LAPSED_BOOKINGS } from "../../src/store/timers.ts";
import { seededDb } from "./helpers.ts";

describe("the slot timers' look-ups", () => {
  it("find the booked trucks whose slot ends soon, or has ended, through the index of migration 180", () => {
    const db = seededDb();
    const insert = db.prepare(
      `INSERT INTO crossings (id, code, checkpoint_id, plate, plate_key, direction, state, channel, priority,
         declaration, snapshot, created_at, updated_at, slot_start, slot_end)
       VALUES (?, ?, 'nur-zholy', ?, ?, 'export', 'booked', 'green', 'ordinary', '{}', '{}', 0, 0, ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) {
        const plate = `${String(i).padStart(4, "0")}KZA02`;
        const start = Math.floor(i / 40) * 3_600_000;
        insert.run(`c${i}`, `CODE${String(i).padStart(4, "0")}`, plate, plate, start, start + 3_600_000);
      }
    })();
    db.exec("ANALYZE");
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
        .map((r) => r.detail)
        .join("\n");
    expect(plan(WARN_SLOTS, 0, 0, "nur-zholy", 0, 0)).toMatch(
      /USING INDEX crossings_booked_by_slot_end \(checkpoint_id=\? AND slot_end>\? AND slot_end<\?\)/,
    );
    expect(plan(LAPSED_BOOKINGS, "nur-zholy", 0)).toMatch(
      /USING INDEX crossings_booked_by_slot_end \(checkpoint_id=\? AND slot_end<\?\)/,
    );
  });
});
