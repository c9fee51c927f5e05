/** What a database file must hold after a fault: snapshots that equal their logs, a sound file. */
import type Database from "better-sqlite3";
import { expect } from "vitest";
import { replay } from "../../machines/apply.ts";

export function expectSnapshotsEqualTheirLogs(db: Database.Database): void {
  const rows = db.prepare("SELECT id, state, snapshot FROM crossings").all() as {
    id: string;
    state: string;
    snapshot: string;
  }[];
  const eventsOf = db.prepare("SELECT payload FROM crossing_events WHERE crossing_id = ? ORDER BY n").pluck();
  for (const row of rows) {
    const [first, ...rest] = (eventsOf.all(row.id) as string[]).map((p) => JSON.parse(p));
    expect(replay(first, rest), `crossing ${row.id}`).toEqual({
      state: row.state,
      context: JSON.parse(row.snapshot),
    });
  }
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
}
