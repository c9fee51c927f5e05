/**
 * What a driver may see of a crossing, for the page and the API alike. Never the risk channel:
 * customs risk profiles are confidential.
 */
import { restore } from "../../../machines/apply.ts";
import { arrivalWindowOpens } from "../../../machines/rules.ts";
import type { CrossingEvent, CrossingState } from "../../../machines/types.ts";
import { estimateTruckWaitMinutes, isOpen, localHour } from "../../domain/wait-times.ts";
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
  /** what the machine accepts from the driver now: the page draws its buttons from this alone */
  accepts: { book: boolean; cancel: boolean };
  /** issue 22: booked by its carrier's system, read by the Smart Customs gate; no driver acts on it */
  driverless: boolean;
  /** when a booked truck may check in: from earlyArrivalMinutes before the slot to its end plus the grace */
  arrivalWindow: { from: number; to: number } | null;
}

/** A crossing by its link, with its checkpoint; null for an unknown link. */
export function crossingAndCheckpoint(deps: Pick<AppDeps, "crossings" | "checkpoints">, id: string) {
  const stored = deps.crossings.get(id);
  const cp = stored ? deps.checkpoints.get(stored.row.checkpoint_id) : null;
  return stored && cp ? { stored, cp } : null;
}

/**
 * Asks the machine what the driver may do now, with well-formed probe events: a slot an hour ahead,
 * a cancellation. No second answer to "what may happen next" (the machine already lets a driver
 * leave the waiting area, and forbids it once called; nor a driver to change a driverless crossing,
 * which is its carrier's).
 */
export function driverAccepts(c: StoredCrossing, now: number, driverId: string): DriverCrossing["accepts"] {
  const snapshot = restore(c.crossing);
  const actor = { kind: "driver", id: driverId } as const;
  const probe = (event: CrossingEvent) => snapshot.can(event);
  return {
    book: probe({ type: "BOOK", slot: { start: now + 3_600_000, end: now + 7_200_000 }, at: now, actor }),
    cancel: probe({ type: "CANCEL", reason: "driver", at: now, actor }),
  };
}

export function driverCrossingView(db: DB) {
  const queue = queueStore(db);
  const waits = waitTimeStore(db);
  // the public board numbers the trucks called to a lane first, then the waiting area in call order:
  // the driver's position is the same number
  const calledNow = db
    .prepare("SELECT count(*) FROM crossings WHERE checkpoint_id = ? AND state = 'called'")
    .pluck();
  // a lane is taken from the call until the truck leaves it after its document check (call-next.ts)
  const lanesBusy = db
    .prepare(
      "SELECT count(DISTINCT lane) FROM crossings WHERE checkpoint_id = ? AND state IN ('called', 'documentCheck') AND lane IS NOT NULL",
    )
    .pluck();
  return (c: StoredCrossing, cp: StoredCheckpoint, now: number): DriverCrossing => {
    const ctx = c.crossing.context;
    let q: DriverCrossing["queue"] = null;
    if (c.row.state === "waitingArea") {
      const ahead = queue.ordered(cp).findIndex((t) => t.id === c.row.id);
      // the wait is the trucks ahead at the checkpoint's recent rate (its lanes when it cleared none)
      const counts = waits.counts(now - 3_600_000).get(cp.id);
      const lanesOpen = isOpen(cp.config, localHour(now, cp.config.timezone)) ? cp.config.documentLanes : 0;
      q = {
        position: Number(calledNow.get(cp.id)) + ahead + 1,
        ahead: Math.max(0, ahead),
        estimatedWaitMinutes: estimateTruckWaitMinutes({
          ahead: Math.max(0, ahead),
          lanesOpen,
          lanesBusy: Number(lanesBusy.get(cp.id)),
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
      accepts: driverAccepts(c, now, c.row.id),
      driverless: c.row.driverless === 1,
      arrivalWindow:
        c.row.state === "booked" && ctx.slot
          ? {
              from: arrivalWindowOpens(ctx.slot.start, cp.config.earlyArrivalMinutes),
              to: ctx.slot.end + cp.config.graceMinutes * 60_000,
            }
          : null,
    };
  };
}
