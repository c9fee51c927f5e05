/** The output of issue 5: replications pooled (histograms merged), with a 95% CI of the means. */
import { runReplication } from "./model.ts";
import type { RunResult } from "./run-result.ts";
import type { Scenario } from "./scenario.ts";
import { ci95, describe, type MinutesSummary, round, Summary } from "./summary.ts";
import type { TraceRow } from "./trace.ts";
import { STAGES } from "./truck.ts";

export interface SimReport {
  scenario: string;
  seed: number;
  replications: number;
  trucksArrived: number;
  trucksCompleted: number;
  throughputPerHour: number;
  waitMinutes: MinutesSummary;
  timeInSystemMinutes: MinutesSummary;
  stageMinutes: Record<(typeof STAGES)[number], MinutesSummary>;
  utilisation: { documentLanes: number; scanners: number; inspectionBays: number };
  queueLength: { mean: number; max: number };
  hourly: {
    hour: number;
    arrivals: number;
    completed: number;
    meanWaitMinutes: number;
    queueLength: number;
  }[];
  eventsProcessed: number;
  machineSteps: number;
  wallSeconds: number;
}

function pooled(runs: readonly RunResult[], pick: (r: RunResult) => Summary): MinutesSummary {
  const all = new Summary();
  for (const r of runs) all.merge(pick(r));
  const out = describe(all);
  if (runs.length > 1) out.ci95 = ci95(runs.map((r) => pick(r).mean));
  return out;
}

const avg = (runs: readonly RunResult[], f: (r: RunResult) => number) =>
  runs.reduce((a, r) => a + f(r), 0) / runs.length;

/** Replication i runs on seed + i; wallSeconds is measured by the caller (the core reads no clock). */
export function simulate(
  scenario: Scenario,
  replications: number,
  onDone?: (i: number) => void,
  trace?: readonly TraceRow[],
): Omit<SimReport, "wallSeconds"> {
  const runs: RunResult[] = [];
  for (let i = 0; i < replications; i++) {
    runs.push(runReplication(scenario, scenario.seed + i, trace));
    onDone?.(i + 1);
  }
  return summarise(scenario, runs);
}

export function summarise(scenario: Scenario, runs: readonly RunResult[]): Omit<SimReport, "wallSeconds"> {
  const first = runs[0] as RunResult;
  const hourly = first.hourly.map((h, i) => {
    const at = runs.map((r) => r.hourly[i] ?? h);
    const waitCount = at.reduce((a, x) => a + x.waitCount, 0);
    return {
      hour: h.hour,
      arrivals: round(at.reduce((a, x) => a + x.arrivals, 0) / runs.length),
      completed: round(at.reduce((a, x) => a + x.completed, 0) / runs.length),
      meanWaitMinutes: waitCount ? round(at.reduce((a, x) => a + x.waitSum, 0) / waitCount) : 0,
      queueLength: round(at.reduce((a, x) => a + x.queueArea, 0) / runs.length / 60),
    };
  });
  const completed = runs.reduce((a, r) => a + r.trucksCompleted, 0);
  const minutes = runs.reduce((a, r) => a + r.minutes, 0);
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    replications: runs.length,
    trucksArrived: runs.reduce((a, r) => a + r.trucksArrived, 0),
    trucksCompleted: completed,
    throughputPerHour: round(minutes > 0 ? (completed / minutes) * 60 : 0),
    waitMinutes: pooled(runs, (r) => r.wait),
    timeInSystemMinutes: pooled(runs, (r) => r.timeInSystem),
    stageMinutes: Object.fromEntries(
      STAGES.map((s) => [s, pooled(runs, (r) => r.stages[s])]),
    ) as SimReport["stageMinutes"],
    utilisation: {
      documentLanes: round(avg(runs, (r) => r.utilisation.documentLanes)),
      scanners: round(avg(runs, (r) => r.utilisation.scanners)),
      inspectionBays: round(avg(runs, (r) => r.utilisation.inspectionBays)),
    },
    queueLength: {
      mean: round(avg(runs, (r) => r.queueLength.mean)),
      max: Math.max(...runs.map((r) => r.queueLength.max)),
    },
    hourly,
    eventsProcessed: runs.reduce((a, r) => a + r.eventsProcessed, 0),
    machineSteps: runs.reduce((a, r) => a + r.machineSteps, 0),
  };
}
