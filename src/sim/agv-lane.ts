/**
 * The Smart Customs AGV lane (issue 22), a resource of its own: a share of the trucks are
 * driverless, and each of them queues for one of the lane's gates, which reads it for the lane's
 * service time; then the crossing machine (GATE_READ) releases it through the lane or hands it to
 * the manned lanes' queue. A scenario without `agvLane` has none of this: no draw, no event, no
 * figure, so its results stay what they were. Pure, like the rest of the simulator.
 */
import { z } from "zod";
import type { SmartLanePolicy } from "../../machines/types.ts";
import { distributionSchema, type Sampler } from "./distributions.ts";
import type { EventHeap } from "./heap.ts";
import { Level, utilisation } from "./queues.ts";
import { AGV_END } from "./sim-events.ts";
import { Station } from "./station.ts";
import { describe, type MinutesSummary, round, Summary } from "./summary.ts";
import type { Truck } from "./truck.ts";
import type { TruckMarks } from "./truck-marks.ts";

export const agvLaneSchema = z.strictObject({
  /** the share of arriving trucks that are driverless (declared by their carriers' systems) */
  driverlessShare: z.number().min(0).max(1),
  /** the lane's gates working at once */
  gates: z.number().int().min(1).max(100),
  /** the time one driverless truck holds a gate: the read, the machine's answer, the barrier */
  minutes: distributionSchema,
});
export type AgvLaneScenario = z.infer<typeof agvLaneSchema>;

/** The lane as the machine's GATE_READ reads it: the simulator's lane is open round the clock. */
export const SIM_SMART_LANE: SmartLanePolicy = { open: true, fromHour: 0, toHour: 24, timezone: "UTC" };

/** One replication's figures of the lane, before replications are pooled. */
export interface AgvRun {
  /** driverless trucks that arrived after the warm-up */
  driverless: number;
  /** of the counted ones, released through the lane, and handed to the manned lanes */
  released: number;
  handedToManned: number;
  /** in the lane's queue before a gate took the truck */
  wait: Summary;
  utilisation: number;
  queue: { mean: number; max: number };
}

/** The lane's figures in the report, kept apart from the manned lanes'. */
export interface AgvReport {
  gates: number;
  driverlessShare: number;
  driverless: number;
  released: number;
  handedToManned: number;
  /** released through the lane, and handed to the manned lanes, per day of the measured period (per replication) */
  releasedPerDay: number;
  handedToMannedPerDay: number;
  waitMinutes: MinutesSummary;
  utilisation: number;
  queue: { mean: number; max: number };
}

export function agvLane(
  lane: AgvLaneScenario,
  opts: { warm: number; serviceTime: Sampler; marks: TruckMarks; heap: EventHeap },
) {
  const level = new Level(opts.warm);
  const run: Omit<AgvRun, "utilisation" | "queue"> = {
    driverless: 0,
    released: 0,
    handedToManned: 0,
    wait: new Summary(),
  };
  // the lane's gates: no trace gives their time, and their service times are not reported
  const gates = new Station({
    warm: opts.warm,
    inService: lane.gates,
    serviceTime: opts.serviceTime,
    given: () => Number.NaN,
    endKind: AGV_END,
    wait: run.wait,
    queueLevel: level,
    marks: opts.marks,
    heap: opts.heap,
  });

  return {
    /** A driverless truck checked in: it joins the lane's queue. */
    offer(t: Truck, now: number): void {
      if (t.counted) run.driverless++;
      gates.enter(t, now);
    },
    /** A gate has read its truck (the machine decided): the gate takes the next one. */
    read(t: Truck, now: number, released: boolean): void {
      gates.free(now);
      if (t.counted) {
        if (released) run.released++;
        else run.handedToManned++;
      }
      gates.start(now);
    },
    figures(end: number): AgvRun {
      const { busy, cap } = gates.units;
      for (const l of [busy, cap, level]) l.set(end, l.value);
      const span = end - opts.warm;
      return {
        ...run,
        utilisation: utilisation(busy, cap),
        queue: { mean: span > 0 ? level.area / span : 0, max: level.max },
      };
    },
  };
}

/** The replications' lane figures pooled: counts summed, levels averaged, the wait over every truck. */
export function agvReport(lane: AgvLaneScenario, runs: readonly AgvRun[], minutes: number): AgvReport {
  const sum = (f: (r: AgvRun) => number) => runs.reduce((a, r) => a + f(r), 0);
  const wait = new Summary();
  for (const r of runs) wait.merge(r.wait);
  const released = sum((r) => r.released);
  return {
    gates: lane.gates,
    driverlessShare: lane.driverlessShare,
    driverless: sum((r) => r.driverless),
    released,
    handedToManned: sum((r) => r.handedToManned),
    releasedPerDay: round(minutes > 0 ? (released / minutes) * 1440 : 0),
    handedToMannedPerDay: round(minutes > 0 ? (sum((r) => r.handedToManned) / minutes) * 1440 : 0),
    waitMinutes: describe(wait),
    utilisation: round(sum((r) => r.utilisation) / Math.max(1, runs.length)),
    queue: {
      mean: round(sum((r) => r.queue.mean) / Math.max(1, runs.length)),
      max: Math.max(0, ...runs.map((r) => r.queue.max)),
    },
  };
}
