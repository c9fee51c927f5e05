/**
 * A simulated truck and the pool that recycles them. Its context starts as the machine's own
 * initial context, and the compiled table (machines/table.ts) changes it as XState's
 * assignments would: the simulator's context is the machine's, not a copy of some fields.
 */
import { declareCrossing } from "../../machines/apply.ts";
import type { CrossingContext, CrossingState } from "../../machines/types.ts";

/** Stages in the order of the issue's `stageMinutes`. */
export const STAGES = ["waitingArea", "documentCheck", "scan", "physicalInspection", "onHold"] as const;
export type Stage = (typeof STAGES)[number];

export interface Truck {
  id: number;
  /** index in the pool: how the event list addresses the truck */
  slot: number;
  state: CrossingState;
  context: CrossingContext;
  arrivedAt: number;
  /** when it was called to the lane it went to; NaN if it never was (unmanned lane, expired) */
  calledAt: number;
  enteredAt: number;
  counted: boolean;
  /** minutes per stage, in STAGES order; NaN where the truck never went (a plain array: a small
   * typed array costs an ArrayBuffer per truck, and trucks waiting in the e-queue are many) */
  stage: number[];
  holdMinutes: number;
  /** the trace's service times; NaN where they are sampled */
  given: { documentCheck: number; scan: number; physicalInspection: number };
}

// Built once by the machine itself; each new truck copies it (cheap) instead of asking XState.
export const INITIAL = declareCrossing({
  id: "0",
  checkpointId: "sim",
  plate: "SIM",
  channel: "green",
  riskReasons: [],
  priority: "ordinary",
  declarationComplete: true,
  declaredAt: 0,
}).context;

/**
 * The machine's initial context again, field by field, in the recycled object (Object.assign was
 * a third of the run's time); test/sim/truck.test.ts checks it equals INITIAL whole.
 */
export function restart(c: CrossingContext, now: number): void {
  c.id = INITIAL.id;
  c.checkpointId = INITIAL.checkpointId;
  c.plate = INITIAL.plate;
  c.channel = INITIAL.channel;
  c.riskReasons = INITIAL.riskReasons;
  c.priority = INITIAL.priority;
  c.declarationComplete = INITIAL.declarationComplete;
  c.slot = null;
  c.walkIn = false;
  c.checkedInAt = null;
  c.lane = null;
  c.callDeadline = null;
  c.missedCalls = 0;
  c.promotedAt = null;
  c.promotionReason = null;
  c.holdFrom = null;
  c.holdDocuments = null;
  c.documentCheckPassed = false;
  c.scanResult = null;
  c.inspectionResult = null;
  c.releasedBy = null;
  c.reasonCode = null;
  // only a truck of the AGV lane (issue 22) has had a gate decision: the others keep their shape
  if (c.gate !== undefined) c.gate = undefined;
  c.history = [{ state: "declared", at: now * 60_000 }];
}

export class TruckPool {
  /** every truck ever made, by slot */
  readonly all: Truck[] = [];
  private free: Truck[] = [];

  /** A truck in `declared` at `now` (minutes), recycled when one has left. */
  take(id: number, now: number): Truck {
    const t = this.free.pop();
    if (t) {
      restart(t.context, now);
      t.state = "declared";
      t.stage.fill(Number.NaN);
      t.calledAt = Number.NaN;
      t.id = id;
      t.given.documentCheck = t.given.scan = t.given.physicalInspection = Number.NaN;
      return t;
    }
    const fresh: Truck = {
      id,
      slot: this.all.length,
      state: "declared",
      // filled field by field by restart(): spreading INITIAL cost about 5 µs a truck
      context: {} as CrossingContext,
      arrivedAt: 0,
      calledAt: Number.NaN,
      enteredAt: 0,
      counted: false,
      stage: STAGES.map(() => Number.NaN),
      holdMinutes: 0,
      given: { documentCheck: Number.NaN, scan: Number.NaN, physicalInspection: Number.NaN },
    };
    restart(fresh.context, now);
    this.all.push(fresh);
    return fresh;
  }

  give(t: Truck): void {
    this.free.push(t);
  }
}

const STAGE_INDEX: Partial<Record<CrossingState, number>> = Object.fromEntries(
  STAGES.map((st, i) => [st, i]),
);

/** Adds the time since the truck entered its state to that stage's clock, if it is a measured stage. */
export function leaveStage(t: Truck, now: number): void {
  const i = STAGE_INDEX[t.state];
  if (i !== undefined) {
    const prev = t.stage[i] as number;
    t.stage[i] = (Number.isNaN(prev) ? 0 : prev) + (now - t.enteredAt);
  }
}
