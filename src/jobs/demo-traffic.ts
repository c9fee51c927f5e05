/**
 * `DEMO_TRAFFIC=on`: a generator that keeps the checkpoints alive like a live shift. New trucks
 * arrive, booked trucks check in when their slot opens, free lanes call the next truck, and trucks
 * in lanes move on. Every change goes through the store's one apply path, so the machine decides.
 * Off by default and in tests; a demo, never a substitute for officers.
 */
import type { Actor } from "../../machines/types.ts";
import { demoDeclaration } from "../../seed/demo-traffic.ts";
import { SEED_RISK_POLICY } from "../../seed/risk-rules.ts";
import { nextShiftEvent } from "../domain/demo-shift.ts";
import { type Random, seededRandom } from "../domain/random.ts";
import type { AppDeps } from "../http/deps.ts";
import { callNextStore } from "../store/call-next.ts";
import type { StoredCheckpoint } from "../store/checkpoints.ts";
import { declareTruck } from "../store/declare.ts";
import { officerApplyStore } from "../store/officer-apply.ts";
import type { BackgroundJob } from "./job.ts";

const MINUTE = 60_000;
const officer: Actor = { kind: "officer", id: "demo-shift" };
const driver: Actor = { kind: "driver", id: "demo-shift" };

/** One step of the shift at time `at`; separate from the timer so tests drive it with their own clock. */
export function demoShift(deps: AppDeps, dice: Random) {
  const calls = callNextStore(deps.db, deps.crossings, deps.checkpoints);
  // the shift's officers resume held trucks on a free lane, as a person's would
  const officers = officerApplyStore(deps.db, deps.crossings, deps.checkpoints);
  const inLanes = deps.db.prepare(
    `SELECT id, updated_at FROM crossings WHERE checkpoint_id = ?
       AND state IN ('called', 'documentCheck', 'scan', 'physicalInspection', 'onHold')`,
  );
  const dueToArrive = deps.db.prepare(
    "SELECT id FROM crossings WHERE checkpoint_id = ? AND state = 'booked' AND slot_start <= ?",
  );

  const arrive = (cp: StoredCheckpoint, at: number, rnd: Random) => {
    const declared = declareTruck(deps.crossings, {
      declaration: demoDeclaration(rnd, cp.id),
      risk: SEED_RISK_POLICY,
      sample: rnd.next(),
      at,
      actor: driver,
      policy: cp.config,
    });
    if (!declared.ok) return;
    const slotMs = cp.config.slotMinutes * MINUTE;
    const start = Math.floor(at / slotMs) * slotMs;
    deps.crossings.apply(declared.crossing.row.id, {
      type: "BOOK",
      slot: { start, end: start + slotMs },
      at,
      actor: driver,
    });
  };

  return (at: number) => {
    for (const cp of deps.checkpoints.list()) {
      if (dice.next() < 0.5) arrive(cp, at, dice);
      const policy = { walkInsAllowed: cp.config.walkInsAllowed, graceMinutes: cp.config.graceMinutes };
      for (const id of dueToArrive.pluck().all(cp.id, at) as string[]) {
        deps.crossings.apply(id, { type: "CHECK_IN", policy, at, actor: officer });
      }
      for (const row of inLanes.all(cp.id) as { id: string; updated_at: number }[]) {
        const truck = deps.crossings.get(row.id);
        if (!truck) continue;
        const event = nextShiftEvent({ ...truck.crossing, since: row.updated_at }, at, dice, officer);
        if (event) officers.apply(row.id, event);
      }
      while (calls.callNext(cp.id, at, officer).ok) {
        // call until every lane is busy or nobody waits
      }
    }
  };
}

export function startDemoTraffic(deps: AppDeps, tickMs: number, log: (line: string) => void): BackgroundJob {
  const tick = demoShift(deps, seededRandom(deps.now()));
  const timer = setInterval(() => {
    try {
      tick(deps.now());
    } catch (err) {
      // a demo must never take the server down; the next tick tries again
      log(`demo traffic: ${(err as Error).message}`);
    }
  }, tickMs);
  timer.unref();
  log(`Demo traffic is on: the checkpoints move every ${Math.round(tickMs / 1000)} s.`);
  return { name: "demo-traffic", stop: () => clearInterval(timer) };
}
