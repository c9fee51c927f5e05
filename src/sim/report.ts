/**
 * The output of issue 5, made honest by issue 16: replications pooled (histograms merged), with a
 * 95% CI of the means; where every truck stands at the end; whether the run has a steady state at
 * all, and if not, why, in words.
 */

import type { Channel, PriorityClass } from "../../machines/types.ts";
import { CHANNELS, PRIORITY_CLASSES } from "../../machines/types.ts";
import { type AgvReport, agvReport } from "./agv-lane.ts";
import { runReplication } from "./model.ts";
import { offeredLoads, overloadWarnings, type StageLoad } from "./offered-load.ts";
import {
  type QueueFigures,
  REPORT_STAGES,
  RESOURCES,
  type ReportStage,
  type Resource,
  type RunResult,
} from "./run-result.ts";
import type { Scenario } from "./scenario.ts";
import { steadyStateWarnings } from "./steady-state.ts";
import { ci95, describe, type MinutesSummary, round, Summary } from "./summary.ts";
import type { Tally } from "./tally.ts";
import type { TraceRow } from "./trace.ts";

/** A channel's or a class's figures: the headline's, for those trucks only. */
export interface GroupFigures {
  trucksArrived: number;
  trucksCompleted: number;
  /** refused or expired */
  trucksLeft: number;
  waitMinutes: MinutesSummary;
  gateWaitMinutes: MinutesSummary;
  timeInSystemMinutes: MinutesSummary;
  entryToReleaseMinutes: MinutesSummary;
}

export interface HourlyRow {
  hour: number;
  arrivals: number;
  completed: number;
  /** every truck that left for the neighbour in the hour (the exit rate) */
  exits: number;
  meanWaitMinutes: number | null;
  /** mean trucks in the waiting area */
  queueLength: number;
  /** mean trucks before the gate */
  gateQueue: number;
  /** mean trucks held in the e-queue */
  virtualQueue: number;
  /** trucks in the e-queue, before the gate or inside at the hour's end */
  inSystem: number;
}

/** Counts are summed over the replications (as trucksArrived always was); levels are their means. */
export interface SimReport
  extends Pick<
    RunResult,
    | "trucksArrived"
    | "trucksCompleted"
    | "trucksExited"
    | "trucksRefused"
    | "trucksExpired"
    | "trucksInsideAtStart"
    | "trucksInsideAtEnd"
    | "insideAtEnd"
    | "utilisation"
    | "queueLength"
    | "gateQueue"
    | "virtualQueue"
    | "eventsProcessed"
    | "machineSteps"
  > {
  scenario: string;
  seed: number;
  replications: number;
  /** false when the run has none: a stage loaded to 1 or more, or the backlog still growing at the end */
  steadyState: boolean;
  /** why there is no steady state, and what else a planner must not miss, in words */
  warnings: string[];
  /** each stage's load as the scenario offers it (before running) */
  offeredLoad: StageLoad[];
  /** the counted trucks still there at the end: minutes since they reached the border, so far (a lower bound) */
  stillInsideMinutes: MinutesSummary;
  /** trucks that left for the neighbour per hour of the measured period */
  throughputPerHour: number;
  /** in the waiting area until called to a lane */
  waitMinutes: MinutesSummary;
  /** before the gate, for the neighbour's side */
  gateWaitMinutes: MinutesSummary;
  /** in the e-queue, held back by its daily limit */
  virtualQueueWaitMinutes: MinutesSummary;
  /** from arrival at the border to leaving for the neighbour, of the trucks that left */
  timeInSystemMinutes: MinutesSummary;
  /** the Time Release Study's measure: from entry into the control zone to release */
  entryToReleaseMinutes: MinutesSummary;
  stageMinutes: Record<ReportStage, MinutesSummary>;
  /** the queue for each resource, apart from its service */
  resourceWaitMinutes: Record<Resource, MinutesSummary>;
  resourceServiceMinutes: Record<Resource, MinutesSummary>;
  byChannel: Record<Channel, GroupFigures>;
  byClass: Record<PriorityClass, GroupFigures>;
  hourly: HourlyRow[];
  wallSeconds: number;
  /** the Smart Customs AGV lane's figures, apart from the manned lanes' (issue 22); absent without one */
  agvLane?: AgvReport;
}

function pooled(runs: readonly RunResult[], pick: (r: RunResult) => Summary): MinutesSummary {
  const all = new Summary();
  for (const r of runs) all.merge(pick(r));
  const out = describe(all);
  // a replication with no such truck has no mean to put in the interval
  const means = runs.filter((r) => pick(r).count > 0).map((r) => pick(r).mean);
  if (means.length > 1) out.ci95 = ci95(means);
  return out;
}

const sum = (runs: readonly RunResult[], f: (r: RunResult) => number) => runs.reduce((a, r) => a + f(r), 0);
const avg = (runs: readonly RunResult[], f: (r: RunResult) => number) => sum(runs, f) / runs.length;

function group(runs: readonly RunResult[], pick: (r: RunResult) => Tally): GroupFigures {
  return {
    trucksArrived: sum(runs, (r) => pick(r).arrived),
    trucksCompleted: sum(runs, (r) => pick(r).completed),
    trucksLeft: sum(runs, (r) => pick(r).left),
    waitMinutes: pooled(runs, (r) => pick(r).wait),
    gateWaitMinutes: pooled(runs, (r) => pick(r).gateWait),
    timeInSystemMinutes: pooled(runs, (r) => pick(r).timeInSystem),
    entryToReleaseMinutes: pooled(runs, (r) => pick(r).entryToRelease),
  };
}

const queueFigures = (runs: readonly RunResult[], pick: (r: RunResult) => QueueFigures): QueueFigures => ({
  mean: round(avg(runs, (r) => pick(r).mean)),
  max: Math.max(...runs.map((r) => pick(r).max)),
  atEnd: round(avg(runs, (r) => pick(r).atEnd)),
});

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
  return summarise(scenario, runs, trace?.length);
}

export function summarise(
  scenario: Scenario,
  runs: readonly RunResult[],
  traceRows?: number,
): Omit<SimReport, "wallSeconds"> {
  const first = runs[0] as RunResult;
  const n = runs.length;
  const hourly = first.hourly.map((h, i) => {
    const at = runs.map((r) => r.hourly[i] ?? h);
    const waitCount = at.reduce((a, x) => a + x.waitCount, 0);
    const mean = (f: (x: (typeof at)[number]) => number) => round(at.reduce((a, x) => a + f(x), 0) / n);
    return {
      hour: h.hour,
      arrivals: mean((x) => x.arrivals),
      completed: mean((x) => x.completed),
      exits: mean((x) => x.exits),
      meanWaitMinutes: waitCount ? round(at.reduce((a, x) => a + x.waitSum, 0) / waitCount) : null,
      queueLength: mean((x) => x.queueArea / 60),
      gateQueue: mean((x) => x.gateQueueArea / 60),
      virtualQueue: mean((x) => x.virtualQueueArea / 60),
      inSystem: mean((x) => x.inSystemAtEnd),
    };
  });
  const minutes = sum(runs, (r) => r.minutes);
  const exited = sum(runs, (r) => r.trucksExited);
  const offeredLoad = offeredLoads(scenario, traceRows);
  const report: Omit<SimReport, "wallSeconds"> = {
    scenario: scenario.name,
    seed: scenario.seed,
    replications: n,
    steadyState: true,
    warnings: [],
    offeredLoad,
    trucksArrived: sum(runs, (r) => r.trucksArrived),
    trucksCompleted: sum(runs, (r) => r.trucksCompleted),
    trucksExited: exited,
    trucksRefused: sum(runs, (r) => r.trucksRefused),
    trucksExpired: sum(runs, (r) => r.trucksExpired),
    trucksInsideAtStart: sum(runs, (r) => r.trucksInsideAtStart),
    trucksInsideAtEnd: sum(runs, (r) => r.trucksInsideAtEnd),
    insideAtEnd: {
      virtualQueue: sum(runs, (r) => r.insideAtEnd.virtualQueue),
      gateQueue: sum(runs, (r) => r.insideAtEnd.gateQueue),
      checkpoint: sum(runs, (r) => r.insideAtEnd.checkpoint),
    },
    stillInsideMinutes: pooled(runs, (r) => r.stillInside),
    throughputPerHour: round(minutes > 0 ? (exited / minutes) * 60 : 0),
    waitMinutes: pooled(runs, (r) => r.wait),
    gateWaitMinutes: pooled(runs, (r) => r.gateWait),
    virtualQueueWaitMinutes: pooled(runs, (r) => r.virtualWait),
    timeInSystemMinutes: pooled(runs, (r) => r.timeInSystem),
    entryToReleaseMinutes: pooled(runs, (r) => r.entryToRelease),
    stageMinutes: Object.fromEntries(
      REPORT_STAGES.map((s) => [s, pooled(runs, (r) => r.stages[s])]),
    ) as SimReport["stageMinutes"],
    resourceWaitMinutes: Object.fromEntries(
      RESOURCES.map((k) => [k, pooled(runs, (r) => r.resourceWait[k])]),
    ) as SimReport["resourceWaitMinutes"],
    resourceServiceMinutes: Object.fromEntries(
      RESOURCES.map((k) => [k, pooled(runs, (r) => r.resourceService[k])]),
    ) as SimReport["resourceServiceMinutes"],
    byChannel: Object.fromEntries(CHANNELS.map((c) => [c, group(runs, (r) => r.byChannel[c])])) as Record<
      Channel,
      GroupFigures
    >,
    byClass: Object.fromEntries(PRIORITY_CLASSES.map((c) => [c, group(runs, (r) => r.byClass[c])])) as Record<
      PriorityClass,
      GroupFigures
    >,
    utilisation: {
      documentLanes: round(avg(runs, (r) => r.utilisation.documentLanes)),
      scanners: round(avg(runs, (r) => r.utilisation.scanners)),
      inspectionBays: round(avg(runs, (r) => r.utilisation.inspectionBays)),
    },
    queueLength: {
      mean: round(avg(runs, (r) => r.queueLength.mean)),
      max: Math.max(...runs.map((r) => r.queueLength.max)),
    },
    gateQueue: queueFigures(runs, (r) => r.gateQueue),
    virtualQueue: queueFigures(runs, (r) => r.virtualQueue),
    hourly,
    eventsProcessed: sum(runs, (r) => r.eventsProcessed),
    machineSteps: sum(runs, (r) => r.machineSteps),
    ...(scenario.agvLane
      ? {
          agvLane: agvReport(
            scenario.agvLane,
            runs.flatMap((r) => (r.agvLane ? [r.agvLane] : [])),
            minutes,
          ),
        }
      : {}),
  };
  const overloaded = overloadWarnings(offeredLoad, scenario);
  const growing = steadyStateWarnings(report);
  report.steadyState = overloaded.length === 0 && growing.noSteadyState.length === 0;
  report.warnings = [...overloaded, ...growing.noSteadyState, ...growing.notes];
  return report;
}
