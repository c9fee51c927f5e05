/** The waiting area of a checkpoint, in the order the queue discipline calls it. */
import type { PriorityClass } from "../../machines/types.ts";
import { orderQueue, type WaitingTruck } from "../domain/queue.ts";
import type { StoredCheckpoint } from "./checkpoints.ts";
import type { DB } from "./db.ts";
import { memoUntilWrite } from "./memo.ts";

interface WaitingRow {
  id: string;
  priority: PriorityClass;
  slot_start: number | null;
  checked_in_at: number;
  promoted_at: number | null;
}

export function queueStore(db: DB) {
  const waiting = db.prepare(
    `SELECT id, priority, slot_start, checked_in_at, promoted_at FROM crossings
     WHERE checkpoint_id = ? AND state = 'waitingArea'`,
  );
  const memo = memoUntilWrite(db);
  return {
    /** Everyone in the waiting area, first to be called first. Shared between callers: read only. */
    ordered: (checkpoint: StoredCheckpoint): readonly WaitingTruck[] =>
      memo(`${checkpoint.id} ${checkpoint.cyclePosition} ${checkpoint.config.queueCycle.join()}`, () => {
        const trucks = (waiting.all(checkpoint.id) as WaitingRow[]).map(
          (r): WaitingTruck => ({
            id: r.id,
            priority: r.priority,
            booked: r.slot_start !== null,
            checkedInAt: r.checked_in_at,
            promotedAt: r.promoted_at,
          }),
        );
        return Object.freeze(orderQueue(trucks, checkpoint.config.queueCycle, checkpoint.cyclePosition));
      }),
  };
}
export type QueueStore = ReturnType<typeof queueStore>;
