/**
 * What the checkpoint knows of its document lanes when a truck is sent to one (a call, a resume
 * after a hold): how many are open and which are taken. The machine's lane rules read them from the
 * event (machines/rules.ts), so the store only says what it sees. Read inside the write's transaction.
 */
import type { Checkpoint } from "../domain/checkpoint.ts";
import type { LaneFacts } from "../domain/queue.ts";
import { stateIn } from "./crossing-states.ts";
import type { DB } from "./db.ts";

export function laneFactsStore(db: DB) {
  // a lane is taken from the call until the truck leaves it after its document check
  const lanesInUse = db.prepare(
    `SELECT lane FROM crossings WHERE checkpoint_id = ? AND ${stateIn("holdsLane")} AND lane IS NOT NULL`,
  );
  return {
    at(checkpoint: Checkpoint): LaneFacts {
      const lanesBusy = (lanesInUse.all(checkpoint.id) as { lane: number }[]).map((r) => r.lane);
      return { lanesOpen: checkpoint.config.documentLanes, lanesBusy };
    },
  };
}
