/** What one replication measures, before replications are pooled into the report. */
import type { Summary } from "./summary.ts";
import type { Stage } from "./truck.ts";

export interface HourRecord {
  hour: number;
  arrivals: number;
  completed: number;
  waitSum: number;
  waitCount: number;
  queueArea: number;
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
