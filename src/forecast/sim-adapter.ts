/**
 * The ONE place the recommendation meets the simulator, which has the e-queue of issue 16:
 *  - arrivals are the forecast's demand: every truck that wants to cross asks the e-queue (a
 *    `profile` by the slot shares, each day's level from the forecast through the `schedule`'s
 *    `arrivalFactor`);
 *  - the candidate daily limit is the scenario's `dailyLimit`: demand above it waits in the virtual
 *    queue (at home, not at the border);
 *  - the neighbour is the gate: trucks stand before it and go in at its acceptance rate
 *    (`neighbourAcceptsPerDay`, 0 on an announced closure day); the standing backlog starts there
 *    (`initialBacklog.gateQueue`);
 *  - the lanes per shift become the scenario's `shifts`; scanners, bays, service times, channel
 *    shares and holds are the checkpoint's estimates (src/planner/from-checkpoint.ts);
 *  - the backlog at the end is what stands at the border: before the gate and inside the checkpoint
 *    (the virtual queue is demand the limit kept at home);
 *  - replication i runs on seed + i for every candidate: common random numbers, so two candidates
 *    differ by their settings, not by their luck.
 * Pure, like src/sim.
 */
import { runReplication } from "../sim/model.ts";
import type { Scenario } from "../sim/scenario.ts";

export interface SimCandidate {
  /** the checkpoint as a scenario (service times, resources, channels); arrivals and shifts are replaced */
  base: Scenario;
  /** trucks wanting to cross on each simulated day (the forecast's P50 or P90) */
  demandPerDay: readonly number[];
  /** the e-queue's daily limit; null lets every truck come to the border */
  dailyLimit: number | null;
  /** 24 shares of a day's arrivals, summing to 1 */
  hourlyShares: readonly number[];
  /** document lanes for each shift, with the shifts' hours */
  shifts: readonly { fromHour: number; toHour: number; documentLanes: number }[];
  /** what the neighbour takes on each simulated day (0: closed); the last value holds after */
  neighbourAcceptsPerDay: readonly number[];
  /** trucks standing before the gate at the start */
  backlog: number;
  replications: number;
  seed: number;
}

export interface ReplicationOutcome {
  /** the wait in the waiting area, from the gate to the lane's call */
  p50Wait: number;
  p90Wait: number;
  /** trucks standing at the border at the end: before the gate and inside the checkpoint */
  backlog: number;
  /** the most that stood before the gate at any time */
  gateQueueMax: number;
  /** trucks kept in the e-queue (at home) at the end */
  virtualQueue: number;
}

export function scenarioFor(c: SimCandidate): Scenario {
  const days = c.demandPerDay.length;
  const level = Math.max(1, ...c.demandPerDay);
  const neighbour = (d: number) =>
    Math.max(0, c.neighbourAcceptsPerDay[Math.min(d, c.neighbourAcceptsPerDay.length - 1)] ?? 0);
  return {
    ...c.base,
    name: `${c.base.name}: recommendation check`,
    seed: c.seed,
    hours: days * 24,
    // the backlog at the start is given; the run measures from the first minute
    warmupHours: 0,
    // the schema wants a positive default; the schedule sets every day's own
    neighbourAcceptsPerDay: Math.max(1, neighbour(0)),
    ...(c.dailyLimit === null ? {} : { dailyLimit: Math.max(1, c.dailyLimit) }),
    initialBacklog: { gateQueue: Math.max(0, Math.round(c.backlog)) },
    schedule: c.demandPerDay.map((demand, d) => ({
      fromDay: d,
      neighbourAcceptsPerDay: neighbour(d),
      arrivalFactor: Math.max(0, demand) / level,
    })),
    arrivals: { kind: "profile", perHour: c.hourlyShares.map((s) => Math.max(0, s * level)) },
    resources: { ...c.base.resources, documentLanes: Math.max(1, ...c.shifts.map((s) => s.documentLanes)) },
    shifts: c.shifts.map((s) => ({ ...s })),
  };
}

export function simulateCandidate(c: SimCandidate): ReplicationOutcome[] {
  const scenario = scenarioFor(c);
  return Array.from({ length: c.replications }, (_, i) => {
    const r = runReplication(scenario, c.seed + i);
    return {
      p50Wait: r.wait.quantile(0.5),
      p90Wait: r.wait.quantile(0.9),
      backlog: r.insideAtEnd.gateQueue + r.insideAtEnd.checkpoint,
      gateQueueMax: r.gateQueue.max,
      virtualQueue: r.insideAtEnd.virtualQueue,
    };
  });
}
