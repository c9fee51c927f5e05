/**
 * Call deadlines: a truck called to a lane that has not arrived by its deadline misses the call.
 * The machine decides what follows (back to the queue the first time, expired the second). The
 * deadlines are stored, so after a restart the job simply finds what fell due while it was down.
 */
import type { Actor } from "../../machines/types.ts";
import type { AppDeps } from "../http/deps.ts";
import type { BackgroundJob } from "../runtime.ts";

const TIMER: Actor = { kind: "system", id: "timer" };

/** Applies MISS_CALL to every called truck whose deadline is before `at`; returns how many. */
export function missDueCalls(deps: Pick<AppDeps, "db" | "crossings">, at: number): number {
  const due = deps.db
    .prepare("SELECT id FROM crossings WHERE state = 'called' AND call_deadline < ? ORDER BY call_deadline")
    .pluck()
    .all(at) as string[];
  let missed = 0;
  for (const id of due) {
    if (deps.crossings.apply(id, { type: "MISS_CALL", at, actor: TIMER }).ok) missed++;
  }
  return missed;
}

export function startCallDeadlines(
  deps: AppDeps,
  everyMs: number,
  log: (line: string) => void,
): BackgroundJob {
  const tick = () => {
    try {
      missDueCalls(deps, deps.now());
    } catch (err) {
      // a full disk or a busy database: the deadlines are still stored, the next tick tries again
      log(`call deadlines: ${(err as Error).message}`);
    }
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { name: "call-deadlines", stop: () => clearInterval(timer) };
}
