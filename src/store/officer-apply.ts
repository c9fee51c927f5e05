/**
 * An officer's event, applied with what the checkpoint knows at that moment where the machine's rule
 * needs it: a truck held at its document check goes back to a document lane, its own if still free,
 * else the first free one, and the machine refuses the resume when none is (machines/rules.ts
 * resumeToLane). Lanes are read and the event applied in one IMMEDIATE transaction, as a call's.
 */
import type { CrossingEvent, EventOf } from "../../machines/types.ts";
import { resumeEvent } from "../domain/queue.ts";
import type { CheckpointStore } from "./checkpoints.ts";
import type { ApplyOutcome, CrossingStore } from "./crossings.ts";
import type { DB } from "./db.ts";
import { laneFactsStore } from "./lane-facts.ts";

export function officerApplyStore(db: DB, crossings: CrossingStore, checkpoints: CheckpointStore) {
  const lanes = laneFactsStore(db);

  const resume = db.transaction((id: string, event: EventOf<"RESUME">): ApplyOutcome => {
    const held = crossings.get(id);
    const checkpoint = held && checkpoints.get(held.row.checkpoint_id);
    if (!held || !checkpoint) return crossings.apply(id, event);
    // the row as just read, in this transaction: not read again
    return crossings.apply(
      held.row,
      resumeEvent(event, held.crossing.context, () => lanes.at(checkpoint)),
    );
  });

  return {
    apply(id: string, event: CrossingEvent): ApplyOutcome {
      if (event.type !== "RESUME") return crossings.apply(id, event);
      const outcome = resume.immediate(id, event);
      // applied inside this transaction: listeners are told once it has committed
      if (outcome.ok) crossings.notifyCommitted(outcome);
      return outcome;
    },
  };
}
export type OfficerApplyStore = ReturnType<typeof officerApplyStore>;
