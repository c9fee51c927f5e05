/** What a database file must hold after a fault: snapshots that equal their logs, a sound file. */
import type Database from "better-sqlite3";
import { expect } from "vitest";
import { verifyLog } from "../../src/store/verify-log.ts";

export function expectSnapshotsEqualTheirLogs(db: Database.Database): void {
  // the same check as `npm run verify-log`: snapshots, derived columns and slot counts
  expect(verifyLog(db).differences).toEqual([]);
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
}
