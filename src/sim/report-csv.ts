/** A report as CSV for spreadsheets: the headline figures, then the hourly series. Pure. */
import { csvLine } from "../domain/csv.ts";
import type { SimReport } from "./report.ts";

const HOURLY = [
  "hour",
  "arrivals",
  "completed",
  "meanWaitMinutes",
  "queueLength",
  "exits",
  "gateQueue",
  "virtualQueue",
  "inSystem",
] as const;

/** The hourly series; an hour in which no truck was called has an empty mean wait. */
export function hourlyCsv(report: Pick<SimReport, "hourly">): string {
  const lines = report.hourly.map((h) => csvLine(HOURLY.map((k) => h[k])));
  return `${[HOURLY.join(","), ...lines].join("\n")}\n`;
}

type Minutes = SimReport["waitMinutes"];

/** One row per figure: what a planner pastes into a spreadsheet beside another run's. */
export function reportCsv(r: Omit<SimReport, "wallSeconds">): string {
  const rows: [string, string | number][] = [
    ["scenario", r.scenario],
    ["seed", r.seed],
    ["replications", r.replications],
    ["steadyState", String(r.steadyState)],
    ...r.warnings.map((w): [string, string] => ["warning", w]),
    ["trucksArrived", r.trucksArrived],
    ["trucksCompleted", r.trucksCompleted],
    ["trucksExited", r.trucksExited],
    ["trucksRefused", r.trucksRefused],
    ["trucksExpired", r.trucksExpired],
    ["trucksInsideAtStart", r.trucksInsideAtStart],
    ["trucksInsideAtEnd", r.trucksInsideAtEnd],
    ["throughputPerHour", r.throughputPerHour],
  ];
  // an empty cell where no truck went: "no trucks", not 0 minutes
  const minutes = (name: string, s: Minutes) => {
    rows.push([`${name}.count`, s.count]);
    for (const k of ["mean", "p50", "p90", "p95", "p99", "max"] as const)
      rows.push([`${name}.${k}`, s[k] ?? ""]);
    if (s.ci95) rows.push([`${name}.ci95`, `${s.ci95[0]}..${s.ci95[1]}`]);
  };
  minutes("waitMinutes", r.waitMinutes);
  minutes("gateWaitMinutes", r.gateWaitMinutes);
  minutes("virtualQueueWaitMinutes", r.virtualQueueWaitMinutes);
  minutes("timeInSystemMinutes", r.timeInSystemMinutes);
  minutes("entryToReleaseMinutes", r.entryToReleaseMinutes);
  for (const [stage, s] of Object.entries(r.stageMinutes)) minutes(`stageMinutes.${stage}`, s);
  for (const [resource, s] of Object.entries(r.resourceWaitMinutes))
    minutes(`resourceWaitMinutes.${resource}`, s);
  for (const [resource, s] of Object.entries(r.resourceServiceMinutes))
    minutes(`resourceServiceMinutes.${resource}`, s);
  for (const [key, groups] of [
    ["byChannel", r.byChannel],
    ["byClass", r.byClass],
  ] as const)
    for (const [name, g] of Object.entries(groups)) {
      rows.push(
        [`${key}.${name}.trucksArrived`, g.trucksArrived],
        [`${key}.${name}.trucksCompleted`, g.trucksCompleted],
      );
      minutes(`${key}.${name}.waitMinutes`, g.waitMinutes);
      minutes(`${key}.${name}.timeInSystemMinutes`, g.timeInSystemMinutes);
    }
  for (const [resource, u] of Object.entries(r.utilisation)) rows.push([`utilisation.${resource}`, u]);
  rows.push(["queueLength.mean", r.queueLength.mean], ["queueLength.max", r.queueLength.max]);
  for (const q of ["gateQueue", "virtualQueue"] as const)
    rows.push([`${q}.mean`, r[q].mean], [`${q}.max`, r[q].max], [`${q}.atEnd`, r[q].atEnd]);
  return `figure,value\n${rows.map((row) => csvLine(row)).join("\n")}\n\n${hourlyCsv(r)}`;
}
