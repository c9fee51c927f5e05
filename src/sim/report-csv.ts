/** A report as CSV for spreadsheets: the headline figures, then the hourly series. Pure. */
import { csvLine } from "../domain/csv.ts";
import type { SimReport } from "./report.ts";

export function hourlyCsv(report: Pick<SimReport, "hourly">): string {
  const lines = report.hourly.map((h) =>
    csvLine([h.hour, h.arrivals, h.completed, h.meanWaitMinutes, h.queueLength]),
  );
  return `${["hour,arrivals,completed,meanWaitMinutes,queueLength", ...lines].join("\n")}\n`;
}

type Minutes = SimReport["waitMinutes"];

/** One row per figure: what a planner pastes into a spreadsheet beside another run's. */
export function reportCsv(r: Omit<SimReport, "wallSeconds">): string {
  const rows: [string, string | number][] = [
    ["scenario", r.scenario],
    ["seed", r.seed],
    ["replications", r.replications],
    ["trucksArrived", r.trucksArrived],
    ["trucksCompleted", r.trucksCompleted],
    ["throughputPerHour", r.throughputPerHour],
  ];
  const minutes = (name: string, s: Minutes) => {
    for (const k of ["mean", "p50", "p90", "p95", "p99", "max"] as const) rows.push([`${name}.${k}`, s[k]]);
    if (s.ci95) rows.push([`${name}.ci95`, `${s.ci95[0]}..${s.ci95[1]}`]);
  };
  minutes("waitMinutes", r.waitMinutes);
  minutes("timeInSystemMinutes", r.timeInSystemMinutes);
  for (const [stage, s] of Object.entries(r.stageMinutes)) minutes(`stageMinutes.${stage}`, s);
  for (const [resource, u] of Object.entries(r.utilisation)) rows.push([`utilisation.${resource}`, u]);
  rows.push(["queueLength.mean", r.queueLength.mean], ["queueLength.max", r.queueLength.max]);
  return `figure,value\n${rows.map((row) => csvLine(row)).join("\n")}\n\n${hourlyCsv(r)}`;
}
