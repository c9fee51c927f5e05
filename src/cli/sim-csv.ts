/** `npm run sim -- --csv DIR`: the per-truck records as CSV (the hourly series: src/sim/report-csv.ts). */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { csvLine } from "../domain/csv.ts";
import type { TruckRecord } from "../sim/run-result.ts";
import { STAGES } from "../sim/truck.ts";

export const TRUCKS_HEADER = [
  "replication",
  "truck",
  "plate",
  "channel",
  "priority",
  "arrivalMinute",
  "calledMinute",
  "leftMinute",
  "outcome",
  "waitMinutes",
  "timeInSystemMinutes",
  ...STAGES.map((s) => `${s}Minutes`),
].join(",");

const num = (x: number) => (Number.isNaN(x) ? "" : String(Math.round(x * 1000) / 1000));

export function truckLine(replication: number, r: TruckRecord): string {
  return csvLine([
    replication,
    r.id,
    r.plate,
    r.channel,
    r.priority,
    num(r.arrivedAt),
    num(r.calledAt),
    num(r.leftAt),
    r.outcome,
    // the report's waitMinutes: arrival in the waiting area to the call to a lane
    num(r.calledAt - r.arrivedAt),
    num(r.leftAt - r.arrivedAt),
    ...STAGES.map((s) => num(r.stageMinutes[s])),
  ]);
}

/** Lines written in blocks, so a long run's millions of trucks never sit in memory together. */
export function lineWriter(path: string) {
  const fd = openSync(path, "w");
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length) writeSync(fd, `${buffer.join("\n")}\n`);
    buffer = [];
  };
  return {
    write(line: string) {
      buffer.push(line);
      if (buffer.length >= 4096) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

/** One replication's trucks go to their own part file (each worker writes its own). */
export const partFile = (dir: string, replication: number) => join(dir, `.trucks-${replication}.part`);

/** trucks.csv from the parts in replication order, so the file is the same however many threads ran. */
export function joinParts(dir: string, replications: number): void {
  const out = lineWriter(join(dir, "trucks.csv"));
  out.write(TRUCKS_HEADER);
  out.close();
  const fd = openSync(join(dir, "trucks.csv"), "a");
  for (let i = 0; i < replications; i++) {
    writeSync(fd, readFileSync(partFile(dir, i)));
    rmSync(partFile(dir, i));
  }
  closeSync(fd);
}
