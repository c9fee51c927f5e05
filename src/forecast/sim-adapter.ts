/**
 * The ONE place the recommendation meets the simulator. Today's simulator has no daily admission
 * limit and no backlog before the gate, so this adapter assumes:
 *  - the limit admits min(demand, limit) trucks a day, spread over the hours by the slot profile,
 *    as Poisson arrivals (`profile`); demand above the limit waits outside the simulator (issue 16
 *    adds that queue, `gateQueue`, and the limit itself; switch `admitted` and `backlog` here then);
 *  - the lanes per shift become the scenario's `shifts`; scanners, bays, service times, channel
 *    shares and holds are the checkpoint's estimates (src/planner/from-checkpoint.ts);
 *  - the neighbour accepts its median rate (`neighbourAcceptsPerDay`), and the backlog is the trucks
 *    still in the crossing at the end (arrived minus completed: most stand in the neighbour's queue);
 *  - replication i runs on seed + i for every candidate: common random numbers, so two candidates
 *    differ by their settings, not by their luck.
 * Pure, like src/sim.
 */
import { runReplication } from "../sim/model.ts";
import type { Scenario } from "../sim/scenario.ts";

export interface SimCandidate {
  /** the checkpoint as a scenario (service times, resources, channels); arrivals and shifts are replaced */
  base: Scenario;
  admittedPerDay: number;
  /** 24 shares of a day's admissions, summing to 1 */
  hourlyShares: readonly number[];
  /** document lanes for each shift, with the shifts' hours */
  shifts: readonly { fromHour: number; toHour: number; documentLanes: number }[];
  neighbourAcceptsPerDay: number;
  days: number;
  replications: number;
  seed: number;
}

export interface ReplicationOutcome {
  p50Wait: number;
  p90Wait: number;
  /** trucks admitted and not yet through the neighbour at the end */
  backlog: number;
}

export function scenarioFor(c: SimCandidate): Scenario {
  return {
    ...c.base,
    name: `${c.base.name}: recommendation check`,
    seed: c.seed,
    hours: c.days * 24,
    // the crossing starts empty: the backlog at the end is what the setting built
    warmupHours: 0,
    neighbourAcceptsPerDay: c.neighbourAcceptsPerDay,
    arrivals: {
      kind: "profile",
      perHour: c.hourlyShares.map((s) => Math.max(0, s * c.admittedPerDay)),
    },
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
      backlog: r.trucksArrived - r.trucksCompleted,
    };
  });
}
