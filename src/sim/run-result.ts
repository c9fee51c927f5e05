/** What one replication measures, before replications are pooled into the report. */
import type { Channel, PriorityClass } from "../../machines/types.ts";
import type { AgvRun } from "./agv-lane.ts";
import { Summary } from "./summary.ts";
import type { Tally } from "./tally.ts";
import { STAGES } from "./truck.ts";

export interface HourRecord {
  hour: number;
  /** trucks that arrived (asked to cross) in the hour */
  arrivals: number;
  /** of the trucks counted (arrived after the warm-up), those released in the hour */
  completed: number;
  /** every truck that left for the neighbour in the hour, whenever it arrived */
  exits: number;
  waitSum: number;
  waitCount: number;
  queueArea: number;
  gateQueueArea: number;
  virtualQueueArea: number;
  /** trucks in the e-queue, before the gate and inside, at the hour's end */
  inSystemAtEnd: number;
}

/** One empty record per hour after the warm-up (minutes `warm` to `end`). */
export function hourRecords(warm: number, end: number): HourRecord[] {
  const out: HourRecord[] = [];
  for (let h = Math.floor(warm / 60); h < Math.ceil(end / 60); h++)
    out.push({
      hour: h,
      arrivals: 0,
      completed: 0,
      exits: 0,
      waitSum: 0,
      waitCount: 0,
      queueArea: 0,
      gateQueueArea: 0,
      virtualQueueArea: 0,
      inSystemAtEnd: 0,
    });
  return out;
}

/** The report's stages: the machine's (STAGES) with the queue before the gate first and the unmanned lane's drive last. */
export const REPORT_STAGES = ["gateQueue", ...STAGES, "unmannedLane"] as const;
export type ReportStage = (typeof REPORT_STAGES)[number];
export const RESOURCES = ["documentLanes", "scanners", "inspectionBays"] as const;
export type Resource = (typeof RESOURCES)[number];

export interface QueueFigures {
  mean: number;
  max: number;
  atEnd: number;
}

export interface RunResult {
  /** trucks that arrived after the warm-up */
  trucksArrived: number;
  /** of those, released before the end */
  trucksCompleted: number;
  /** every truck released to the neighbour in the measured period, whenever it arrived */
  trucksExited: number;
  /** refused, or expired after missed calls, in the measured period */
  trucksRefused: number;
  trucksExpired: number;
  /** trucks in the e-queue, before the gate or inside when the warm-up ended */
  trucksInsideAtStart: number;
  /** trucks arrived and not gone at the end: in the e-queue, before the gate, or inside */
  trucksInsideAtEnd: number;
  insideAtEnd: { virtualQueue: number; gateQueue: number; checkpoint: number };
  /** the counted trucks still there at the end, and the minutes they had spent since arriving at the border */
  stillInside: Summary;
  minutes: number;
  wait: Summary;
  timeInSystem: Summary;
  gateWait: Summary;
  virtualWait: Summary;
  entryToRelease: Summary;
  stages: Record<ReportStage, Summary>;
  resourceWait: Record<Resource, Summary>;
  resourceService: Record<Resource, Summary>;
  byChannel: Record<Channel, Tally>;
  byClass: Record<PriorityClass, Tally>;
  utilisation: Record<Resource, number>;
  queueLength: { mean: number; max: number };
  gateQueue: QueueFigures;
  virtualQueue: QueueFigures;
  hourly: HourRecord[];
  eventsProcessed: number;
  machineSteps: number;
  /** the Smart Customs AGV lane's own figures, only when the scenario has one (issue 22) */
  agvLane?: AgvRun;
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
  stageMinutes: Record<(typeof STAGES)[number], number>;
}

/** Gives every histogram in a plain object its Summary methods back. */
function revive<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.chunks) && typeof o.count === "number")
    return Summary.revive(o as unknown as Summary) as T;
  if (Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, revive(v)])) as T;
}

/**
 * A result after a trip between threads: structured cloning keeps the fields and the histograms'
 * arrays but not the Summary class, so its methods are given back here.
 */
export function reviveRunResult(r: RunResult): RunResult {
  return revive(r);
}
