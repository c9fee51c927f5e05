/**
 * What a driver may see of a crossing, for the page and the API alike. Never the risk channel:
 * customs risk profiles are confidential.
 */
import type { CrossingState } from "../../../machines/types.ts";
import { estimateWaitMinutes, isOpen, localHour } from "../../domain/wait-times.ts";
import type { StoredCheckpoint } from "../../store/checkpoints.ts";
import type { StoredCrossing } from "../../store/crossings.ts";
import type { DB } from "../../store/db.ts";
import { queueStore } from "../../store/queue.ts";
import { waitTimeStore } from "../../store/wait-times.ts";
import type { AppDeps } from "../deps.ts";

export interface DriverCrossing {
  id: string;
  code: string;
  state: CrossingState;
  checkpointId: string;
  plate: string;
  slot: { start: number; end: number } | null;
  queue: { position: number; ahead: number; estimatedWaitMinutes: number | null } | null;
  call: { lane: number; deadline: number } | null;
  history: { state: CrossingState; at: number }[];
  /** a supervisor's reason when the crossing was voided (a squatted plate), else null */
  voidedReason: string | null;
}

/** A crossing by its link, with its checkpoint; null for an unknown link. */
export function crossingAndCheckpoint(deps: Pick<AppDeps, "crossings" | "checkpoints">, id: string) {
  const stored = deps.crossings.get(id);
  const cp = stored ? deps.checkpoints.get(stored.row.checkpoint_id) : null;
  return stored && cp ? { stored, cp } : null;
}

/** Whether the driver may still change or cancel the booking here (once checked in, the place is the queue's). */
export const bookingChangeable = (state: CrossingState) => state === "declared" || state === "booked";

export function driverCrossingView(db: DB) {
  const queue = queueStore(db);
  const waits = waitTimeStore(db);
  return (c: StoredCrossing, cp: StoredCheckpoint, now: number): DriverCrossing => {
    const ctx = c.crossing.context;
    let q: DriverCrossing["queue"] = null;
    if (c.row.state === "waitingArea") {
      const ahead = queue.ordered(cp).findIndex((t) => t.id === c.row.id);
      // the wait is the trucks ahead at the checkpoint's recent rate (its lanes when it cleared none)
      const counts = waits.counts(now - 3_600_000).get(cp.id);
      const lanesOpen = isOpen(cp.config, localHour(now, cp.config.timezone)) ? cp.config.documentLanes : 0;
      q = {
        position: ahead + 1,
        ahead: Math.max(0, ahead),
        estimatedWaitMinutes: estimateWaitMinutes({
          trucksWaiting: Math.max(0, ahead),
          lanesOpen,
          throughputLastHour: counts?.throughput ?? 0,
          dailyLimit: cp.config.dailyLimit,
        }),
      };
    }
    return {
      id: c.row.id,
      code: c.row.code,
      state: c.row.state,
      checkpointId: c.row.checkpoint_id,
      plate: c.row.plate,
      slot: ctx.slot,
      queue: q,
      call:
        c.row.state === "called" && ctx.lane !== null && ctx.callDeadline !== null
          ? { lane: ctx.lane, deadline: ctx.callDeadline }
          : null,
      history: ctx.history,
      voidedReason: ctx.voided ? (ctx.reasonCode ?? "") : null,
    };
  };
}
