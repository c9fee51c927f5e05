/**
 * The checkpoint's timers. A truck called to a lane that has not arrived by its deadline misses the
 * call; the machine decides what follows (back to the queue the first time, expired the second).
 * A booking whose slot and grace window have passed without a check-in lapses, which gives the
 * truck's plate back (one active crossing per plate) so the driver can declare again; so does a
 * declaration nobody booked within the checkpoint's lapse hours. Deadlines and
 * slots are stored, so after a restart the job simply finds what fell due while it was down.
 */
import type { Actor } from "../../machines/types.ts";
import { lapsePolicy } from "../domain/checkpoint.ts";
import type { AppDeps } from "../http/deps.ts";
import { timerQueries } from "../store/timers.ts";
import type { BackgroundJob } from "./job.ts";

const TIMER: Actor = { kind: "system", id: "timer" };

/** Applies MISS_CALL to every called truck whose deadline is before `at`; returns how many. */
export function missDueCalls(deps: Pick<AppDeps, "db" | "crossings">, at: number): number {
  const due = timerQueries(deps.db).callsDueBefore(at);
  let missed = 0;
  for (const id of due) {
    if (deps.crossings.apply(id, { type: "MISS_CALL", at, actor: TIMER }).ok) missed++;
  }
  return missed;
}

/**
 * Sends EXPIRE to the bookings whose slot and grace window have passed by `at`; the machine's rule
 * (slot end plus the grace in the event) decides, the query only spares it the bookings still open.
 */
export function expireLapsedBookings(
  deps: Pick<AppDeps, "db" | "crossings" | "checkpoints">,
  at: number,
): number {
  const timers = timerQueries(deps.db);
  let expired = 0;
  for (const cp of deps.checkpoints.list()) {
    const policy = lapsePolicy(cp.config);
    for (const id of timers.bookingsEndedBefore(cp.id, at - policy.graceMinutes * 60_000))
      if (deps.crossings.apply(id, { type: "EXPIRE", policy, at, actor: TIMER }).ok) expired++;
  }
  return expired;
}

/**
 * Sends EXPIRE to the declarations nobody booked within the checkpoint's lapse hours: a plate
 * typed by someone else (a squatter, or a driver who changed plans) is not held for ever.
 */
export function expireUnbookedDeclarations(
  deps: Pick<AppDeps, "db" | "crossings" | "checkpoints">,
  at: number,
): number {
  const stale = deps.db
    .prepare("SELECT id FROM crossings WHERE checkpoint_id = ? AND state = 'declared' AND created_at <= ?")
    .pluck();
  let expired = 0;
  for (const cp of deps.checkpoints.list()) {
    const policy = lapsePolicy(cp.config);
    const hours = cp.config.declarationLapseHours;
    for (const id of stale.all(cp.id, at - hours * 3_600_000) as string[])
      if (deps.crossings.apply(id, { type: "EXPIRE", policy, at, actor: TIMER }).ok) expired++;
  }
  return expired;
}

export function startCallDeadlines(
  deps: AppDeps,
  everyMs: number,
  log: (line: string) => void,
): BackgroundJob {
  const tick = () => {
    try {
      missDueCalls(deps, deps.now());
      expireLapsedBookings(deps, deps.now());
      expireUnbookedDeclarations(deps, deps.now());
    } catch (err) {
      // a full disk or a busy database: the deadlines are still stored, the next tick tries again
      log(`timers (call deadlines, lapsed bookings): ${(err as Error).message}`);
    }
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { name: "call-deadlines", stop: () => clearInterval(timer) };
}
