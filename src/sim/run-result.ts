/** What one replication measures, before replications are pooled into the report. */
import { Summary } from "./summary.ts";
import type { Stage } from "./truck.ts";

export interface HourRecord {
  hour: number;
  arrivals: number;
  completed: number;
  waitSum: number;
  waitCount: number;
  queueArea: number;
}

/** One empty record per hour after the warm-up (minutes `warm` to `end`). */
export function hourRecords(warm: number, end: number): HourRecord[] {
  const out: HourRecord[] = [];
  for (let h = Math.floor(warm / 60); h < Math.ceil(end / 60); h++)
    out.push({ hour: h, arrivals: 0, completed: 0, waitSum: 0, waitCount: 0, queueArea: 0 });
  return out;
}

export interface RunResult {
  trucksArrived: number;
  trucksCompleted: number;
  minutes: number;
  wait: Summary;
  timeInSystem: Summary;
  stages: Record<Stage, Summary>;
  utilisation: { documentLanes: number; scanners: number; inspectionBays: number };
  queueLength: { mean: number; max: number };
  hourly: HourRecord[];
  eventsProcessed: number;
  machineSteps: number;
}

/** One truck as it left the run, for `--csv`: times in minutes from the start; NaN where it never went. */
export interface TruckRecord {
  id: number;
  plate: string;
  channel: string;
  priority: string;
  arrivedAt: number;
  /** the call to the lane it went to; NaN for the unmanned lane and for a truck that expired */
  calledAt: number;
  leftAt: number;
  /** released (also through the unmanned lane), or left without crossing (expired after missed calls) */
  outcome: "released" | "left";
  stageMinutes: Record<Stage, number>;
}

/**
 * A result after a trip between threads: structured cloning keeps the fields and the histograms'
 * arrays but not the Summary class, so its methods are given back here.
 */
export function reviveRunResult(r: RunResult): RunResult {
  const stages = Object.fromEntries(
    Object.entries(r.stages).map(([k, s]) => [k, Summary.revive(s)]),
  ) as RunResult["stages"];
  return { ...r, wait: Summary.revive(r.wait), timeInSystem: Summary.revive(r.timeInSystem), stages };
}
