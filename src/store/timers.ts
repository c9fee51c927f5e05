/** What the checkpoint's timers look for: calls past their deadline, bookings past slot and grace. */
import type { DB } from "./db.ts";

/** Through the index of migration 180, not every booked truck of the checkpoint. */
export const LAPSED_BOOKINGS =
  "SELECT id FROM crossings WHERE checkpoint_id = ? AND state = 'booked' AND slot_end < ?";

export function timerQueries(db: DB) {
  const dueCalls = db
    .prepare("SELECT id FROM crossings WHERE state = 'called' AND call_deadline < ? ORDER BY call_deadline")
    .pluck();
  const lapsed = db.prepare(LAPSED_BOOKINGS).pluck();
  return {
    /** the called trucks whose deadline is before `at`, the earliest first */
    callsDueBefore: (at: number) => dueCalls.all(at) as string[],
    /** the checkpoint's bookings whose slot ended before `slotEndBefore` */
    bookingsEndedBefore: (checkpointId: string, slotEndBefore: number) =>
      lapsed.all(checkpointId, slotEndBefore) as string[],
  };
}
