/**
 * Issue 13, finding 10: a check-in looks its truck up through indexes, the booking code's and the
 * canonical plate's, not by reading every open crossing of the checkpoint. Proved by the query
 * plan on a table with thousands of open crossings, not by timing.
 */
import { describe, expect, it } from "vitest";
import { ACTIVE } from "../../src/store/one-active-crossing.ts";
import { seededDb } from "./helpers.ts";

describe("the check-in look-up", () => {
  const db = seededDb();
  const insert = db.prepare(
    `INSERT INTO crossings (id, code, checkpoint_id, plate, plate_key, direction, state, channel, priority,
       declaration, snapshot, created_at, updated_at)
     VALUES (?, ?, 'nur-zholy', ?, ?, 'export', ?, 'green', 'ordinary', '{}', '{}', 0, 0)`,
  );
  db.transaction(() => {
    for (let i = 0; i < 5000; i++) {
      const plate = `${String(i).padStart(4, "0")}KZA02`;
      insert.run(`c${i}`, `CODE${String(i).padStart(4, "0")}`, plate, plate, i % 2 ? "booked" : "declared");
    }
  })();
  db.exec("ANALYZE");
  const plan = (sql: string, ...args: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
      .map((r) => r.detail)
      .join("\n");

  it("finds a booking code through its unique index", () => {
    const p = plan("SELECT * FROM crossings WHERE code = ?", "CODE4999");
    expect(p).toMatch(/USING INDEX sqlite_autoindex_crossings_\d \(code=\?\)/);
    expect(p).not.toMatch(/^SCAN/m);
  });

  it("finds a plate's active crossing through the canonical plate's index", () => {
    for (const [sql, args] of [
      [`SELECT * FROM crossings WHERE plate_key = ? AND ${ACTIVE}`, ["4999KZA02"]],
      [
        `SELECT id FROM crossings WHERE plate_key = ? AND checkpoint_id = ? AND ${ACTIVE}`,
        ["4999KZA02", "nur-zholy"],
      ],
    ] as const) {
      const p = plan(sql, ...args);
      expect(p).toMatch(
        /USING INDEX crossings_(one_active_per_truck|by_plate_key) \((checkpoint_id=\? AND )?plate_key=\?\)/,
      );
      expect(p).not.toMatch(/^SCAN/m);
    }
  });

  it("finds a VIN's active crossing through its index", () => {
    const p = plan(
      `SELECT id FROM crossings WHERE vin = ? AND vin IS NOT NULL AND ${ACTIVE}`,
      "XTA21099043456789",
    );
    expect(p).toMatch(/USING INDEX crossings_one_active_per_vin \(vin=\?\)/);
  });
});
