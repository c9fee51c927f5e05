/**
 * Which crossing a check-in at the gate means: the booking code or the plate an officer typed, or
 * the plate the camera read. Both are read through indexes (the code's UNIQUE index, the canonical
 * plate's partial unique index of migration 110), not by scanning the checkpoint's open crossings.
 * The answer says the truth about what was found, so the officer is never told "no truck has that
 * code" about a truck that is already checked in.
 */
import { canonicalPlate } from "../domain/identity.ts";
import type { CrossingRow, CrossingStore } from "./crossings.ts";
import type { DB } from "./db.ts";
import { ACTIVE } from "./one-active-crossing.ts";

export type CheckInTarget =
  /** a crossing here that may check in now (the machine still decides) */
  | { found: "here"; row: CrossingRow }
  /** the code or plate is a truck of another checkpoint */
  | { found: "elsewhere"; row: CrossingRow }
  /** the truck is already past the gate (waiting area, lane...) or its crossing has ended */
  | { found: "past"; row: CrossingRow }
  | { found: "none" };

export function checkInLookup(db: DB, crossings: CrossingStore) {
  const activeByPlate = db.prepare(`SELECT * FROM crossings WHERE plate_key = ? AND ${ACTIVE}`);
  const classify = (checkpointId: string, row: CrossingRow): CheckInTarget => {
    if (row.checkpoint_id !== checkpointId) return { found: "elsewhere", row };
    return row.state === "declared" || row.state === "booked"
      ? { found: "here", row }
      : { found: "past", row };
  };
  return {
    /** `typed` is a booking code or a plate, in any spacing, case or script. */
    find(checkpointId: string, typed: string): CheckInTarget {
      const key = canonicalPlate(typed);
      const byCode = crossings.getByCode(key)?.row;
      if (byCode) return classify(checkpointId, byCode);
      const byPlate = activeByPlate.get(key) as CrossingRow | undefined;
      return byPlate ? classify(checkpointId, byPlate) : { found: "none" };
    },
  };
}
