/**
 * A sweep's report from its replications' outcomes, in (combination, replication) order whoever
 * ran them: the same outcomes give the same bytes. The figures are computed as the simulator's own
 * report computes them (pooled histogram, 95% interval of the replications' means). Pure.
 */
import { ci95, describe, round, Summary } from "../sim/summary.ts";
import type { ReplicationOutcome } from "./outcome.ts";
import type { Vary } from "./vary.ts";

export interface CombinationRow {
  values: Record<string, number>;
  scenarioHash: string;
  trucksCompleted: number;
  /** null where no truck of the combination was called: "no trucks", not a wait of 0 */
  waitMinutes: { mean: number | null; ci95?: [number, number]; p90: number | null };
  throughputPerHour: number;
  utilisation: { documentLanes: number; scanners: number; inspectionBays: number };
}

export interface SweepReport {
  scenario: string;
  seed: number;
  replications: number;
  vary: Vary[];
  combinations: CombinationRow[];
  /** with a target: the smallest combination (fewest units over the varied fields) meeting it */
  targetWaitMinutes?: number;
  meetsTarget?: { index: number; values: Record<string, number> } | null;
  /** the only figure that differs between two runs of the same sweep */
  wallSeconds?: number;
}

export interface SweepInput {
  scenario: string;
  seed: number;
  replications: number;
  vary: Vary[];
  combinations: { values: Record<string, number>; scenarioHash: string }[];
  targetWaitMinutes?: number;
}

const avg = (runs: readonly ReplicationOutcome[], f: (r: ReplicationOutcome) => number) =>
  runs.reduce((a, r) => a + f(r), 0) / runs.length;

export function combinationRow(
  values: Record<string, number>,
  scenarioHash: string,
  runs: readonly ReplicationOutcome[],
): CombinationRow {
  const pooled = new Summary();
  // the histogram is allocated at its first value (src/sim/summary.ts), so merge whole summaries
  for (const r of runs) pooled.merge(Summary.fromSparse(r.wait));
  const wait = describe(pooled);
  const completed = runs.reduce((a, r) => a + r.trucksCompleted, 0);
  const minutes = runs.reduce((a, r) => a + r.minutes, 0);
  return {
    values,
    scenarioHash,
    trucksCompleted: completed,
    waitMinutes: {
      mean: wait.mean,
      ...(runs.length > 1 && {
        ci95: ci95(runs.map((r) => (r.wait.count === 0 ? 0 : r.wait.sum / r.wait.count))),
      }),
      p90: wait.p90,
    },
    // the exit rate of the measured period, as src/sim/report.ts reports it
    throughputPerHour: round(minutes > 0 ? (runs.reduce((a, r) => a + r.trucksExited, 0) / minutes) * 60 : 0),
    utilisation: {
      documentLanes: round(avg(runs, (r) => r.utilisation.documentLanes)),
      scanners: round(avg(runs, (r) => r.utilisation.scanners)),
      inspectionBays: round(avg(runs, (r) => r.utilisation.inspectionBays)),
    },
  };
}

/**
 * Meeting the target means the wait's 95% upper bound (the mean, with one replication) is at most
 * the target; "smallest" is the fewest units summed over the varied fields, the first on a tie.
 */
export function smallestMeeting(rows: readonly CombinationRow[], target: number): number | null {
  let best: number | null = null;
  let bestUnits = Number.POSITIVE_INFINITY;
  rows.forEach((row, i) => {
    const upper = row.waitMinutes.ci95?.[1] ?? row.waitMinutes.mean;
    const units = Object.values(row.values).reduce((a, b) => a + b, 0);
    // a combination in which no truck was called tells nothing about the wait: it meets no target
    if (upper !== null && upper <= target && units < bestUnits) {
      best = i;
      bestUnits = units;
    }
  });
  return best;
}

/** outcomes[c][i]: combination c's replication i. */
export function sweepReport(
  input: SweepInput,
  outcomes: readonly (readonly ReplicationOutcome[])[],
): SweepReport {
  const combinations = input.combinations.map((c, i) =>
    combinationRow(c.values, c.scenarioHash, outcomes[i] ?? []),
  );
  const report: SweepReport = {
    scenario: input.scenario,
    seed: input.seed,
    replications: input.replications,
    vary: input.vary,
    combinations,
  };
  if (input.targetWaitMinutes !== undefined) {
    const best = smallestMeeting(combinations, input.targetWaitMinutes);
    report.targetWaitMinutes = input.targetWaitMinutes;
    report.meetsTarget = best === null ? null : { index: best, values: combinations[best]?.values ?? {} };
  }
  return report;
}
