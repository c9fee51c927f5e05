/**
 * Recorded crossings as a trace the simulator replays (issue 5's export-trace, and the planners'
 * "replay recorded traffic"). Pure: the store reads the crossings, this turns each one's recorded
 * history into a trace row and the rows into the CSV that parseTrace reads back.
 */
import type { Channel, CrossingState, PriorityClass } from "../../machines/types.ts";
import { csvLine } from "../domain/csv.ts";

export interface RecordedCrossing {
  plate: string;
  channel: Channel;
  priority: PriorityClass;
  /** the machine's own record of each state entered, in order */
  history: readonly { state: CrossingState; at: number }[];
}

export interface RecordedRow {
  /** epoch ms of the arrival in the waiting area */
  arrivalAt: number;
  plate: string;
  channel: Channel;
  priority: boolean;
  /** minutes spent in each stage, or null where the truck never went through it */
  documentCheckMinutes: number | null;
  scanMinutes: number | null;
  physicalInspectionMinutes: number | null;
}

const MINUTE = 60_000;

/** Minutes spent in `state` over every visit, or null if the truck never left it (or never entered). */
function minutesIn(history: RecordedCrossing["history"], state: CrossingState): number | null {
  let total = 0;
  let visited = false;
  for (let i = 0; i + 1 < history.length; i++) {
    const entry = history[i];
    const next = history[i + 1];
    if (entry?.state !== state || !next) continue;
    total += next.at - entry.at;
    visited = true;
  }
  return visited ? Math.round((total / MINUTE) * 100) / 100 : null;
}

/** The trace row of a crossing that reached the waiting area; null for one that never did. */
export function traceRowOf(c: RecordedCrossing): RecordedRow | null {
  const arrival = c.history.find((h) => h.state === "waitingArea");
  if (!arrival) return null;
  return {
    arrivalAt: arrival.at,
    plate: c.plate,
    channel: c.channel,
    // the simulator knows one priority lane; every class the cycle favours goes ahead
    priority: c.priority !== "ordinary",
    documentCheckMinutes: minutesIn(c.history, "documentCheck"),
    scanMinutes: minutesIn(c.history, "scan"),
    physicalInspectionMinutes: minutesIn(c.history, "physicalInspection"),
  };
}

const HEADER = "arrival,plate,channel,priority,documentCheckMinutes,scanMinutes,physicalInspectionMinutes";

const minutes = (v: number | null) => (v === null ? "" : String(v));

/** The CSV parseTrace reads, arrivals in time order with ISO-8601 times. */
export function formatTrace(rows: readonly RecordedRow[]): string {
  const sorted = [...rows].sort((a, b) => a.arrivalAt - b.arrivalAt);
  const lines = sorted.map((r) =>
    csvLine([
      new Date(r.arrivalAt).toISOString(),
      // a comma, a quote or a formula's first character in a plate: quoted and neutralised
      r.plate,
      r.channel,
      r.priority ? "priority" : "normal",
      minutes(r.documentCheckMinutes),
      minutes(r.scanMinutes),
      minutes(r.physicalInspectionMinutes),
    ]),
  );
  return `${[HEADER, ...lines].join("\n")}\n`;
}
