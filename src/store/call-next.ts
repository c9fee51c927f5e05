/**
 * Calls the next truck to a free lane. The queue discipline picks the truck, never the caller,
 * and the checkpoint's place in its priority cycle moves on in the same transaction as the call.
 */
import type { Actor, CrossingEvent } from "../../machines/types.ts";
import { freeLanes, positionAfterCall } from "../domain/queue.ts";
import type { CheckpointStore } from "./checkpoints.ts";
import type { ApplyOutcome, CrossingStore } from "./crossings.ts";
import type { DB } from "./db.ts";
import { laneFactsStore } from "./lane-facts.ts";
import { queueStore } from "./queue.ts";

const MINUTE = 60_000;

export function callNextStore(db: DB, crossings: CrossingStore, checkpoints: CheckpointStore) {
  const queue = queueStore(db);
  const lanes = laneFactsStore(db);

  const call = db.transaction(
    (
      checkpointId: string,
      at: number,
      actor: Actor,
      lane: number | undefined,
    ): { outcome: ApplyOutcome; event?: CrossingEvent } => {
      const refuse = (status: 404 | 409, reason: string) => ({
        outcome: { ok: false as const, status, reason },
      });
      const checkpoint = checkpoints.get(checkpointId);
      if (!checkpoint) return refuse(404, "no such checkpoint");
      const { lanesOpen, lanesBusy } = lanes.at(checkpoint);
      const chosen = lane ?? freeLanes(lanesOpen, lanesBusy)[0];
      if (chosen === undefined) return refuse(409, "every lane is busy");
      const [next] = queue.ordered(checkpoint);
      if (!next) return refuse(409, "nobody is waiting in the waiting area");
      const deadline = at + checkpoint.config.callDeadlineMinutes * MINUTE;
      // whether the lane is open and free is the machine's rule: what it needs comes in on the event
      const event: CrossingEvent = { type: "CALL", lane: chosen, deadline, lanesOpen, lanesBusy, at, actor };
      const outcome = crossings.apply(next.id, event);
      if (outcome.ok) {
        const cycle = checkpoint.config.queueCycle;
        checkpoints.setCyclePosition(checkpointId, positionAfterCall(next, cycle, checkpoint.cyclePosition));
      }
      return { outcome, event };
    },
  );

  return {
    /** Calls the truck the discipline puts first, to `lane` or the first free one. */
    callNext(checkpointId: string, at: number, actor: Actor, lane?: number): ApplyOutcome {
      const { outcome, event } = call.immediate(checkpointId, at, actor, lane);
      if (outcome.ok && event)
        crossings.notifyCommitted({ crossing: outcome.crossing, event, seq: outcome.seq });
      return outcome;
    },
  };
}
