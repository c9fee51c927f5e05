/**
 * The charts of a simulation run, each from the run's JSON (the field names of the simulator's
 * output), so a stored run can be drawn again without running it.
 */
import type { SimReport } from "../sim/report.ts";
import type { MinutesSummary } from "../sim/summary.ts";
import { type ChartOption, renderSvg } from "./render.ts";

export type HourlyPoint = SimReport["hourly"][number];

/** A distribution's headline figures, as the simulator reports each `...Minutes`. */
export type Summary = MinutesSummary;

const title = (text: string) => ({ text, left: 8, top: 8, textStyle: { fontSize: 15, fontWeight: 600 } });
const hourAxis = (hourly: readonly HourlyPoint[]) => ({
  type: "category",
  name: "hour",
  nameLocation: "middle",
  nameGap: 28,
  data: hourly.map((h) => String(h.hour)),
});
const minutesAxis = { type: "value", name: "minutes", nameLocation: "middle", nameGap: 28 };
// below the plot, so it never collides with the title on a narrow chart; runs' long names are cut
// to fit, and more than fit on one line wrap to the next
const legend = {
  bottom: 0,
  width: "92%",
  itemGap: 16,
  textStyle: { width: 290, overflow: "truncate" },
};

/** Arrivals and completions per hour: where the checkpoint falls behind. */
export function arrivalsChart(hourly: readonly HourlyPoint[]): string {
  return renderSvg({
    title: title("Arrivals and completions per hour"),
    legend,
    xAxis: hourAxis(hourly),
    yAxis: { type: "value", name: "trucks" },
    series: [
      { name: "arrived", type: "bar", data: hourly.map((h) => h.arrivals) },
      { name: "completed", type: "bar", data: hourly.map((h) => h.completed) },
    ],
  });
}

/** Trucks in the waiting area over the run. */
export function queueChart(hourly: readonly HourlyPoint[]): string {
  return renderSvg({
    title: title("Queue length"),
    xAxis: hourAxis(hourly),
    yAxis: { type: "value", name: "trucks waiting" },
    series: [
      { name: "queue", type: "line", areaStyle: { opacity: 0.15 }, data: hourly.map((h) => h.queueLength) },
    ],
  });
}

/** The wait's distribution as its percentiles: what share of trucks waited how long. */
export function waitChart(runs: readonly { label: string; wait: Summary }[]): string {
  const keys = ["mean", "p50", "p90", "p95", "p99", "max"] as const;
  return renderSvg({
    title: title("Wait in the waiting area"),
    legend,
    xAxis: { type: "category", data: [...keys] },
    yAxis: minutesAxis,
    series: runs.map((r) => ({ name: r.label, type: "bar", data: keys.map((k) => round(r.wait[k])) })),
  });
}

/** Utilisation per resource, in per cent. */
export function utilisationChart(
  runs: readonly { label: string; utilisation: Record<string, number> }[],
): string {
  const resources = Object.keys(runs[0]?.utilisation ?? {});
  return renderSvg({
    title: title("Utilisation"),
    legend,
    xAxis: { type: "category", data: resources.map(resourceName) },
    yAxis: { type: "value", name: "%", max: 100 },
    series: runs.map((r) => ({
      name: r.label,
      type: "bar",
      data: resources.map((k) => round((r.utilisation[k] ?? 0) * 100)),
    })),
  });
}

/** The Time Release Study view: the mean time in each stage, stacked, one bar per run. */
export function stagesChart(
  runs: readonly { label: string; stageMinutes: Record<string, Summary> }[],
): string {
  const stages = Object.keys(runs[0]?.stageMinutes ?? {});
  const option: ChartOption = {
    title: title("Time in each stage (mean)"),
    legend,
    grid: { left: 176, right: 24, top: 48, bottom: 72 },
    xAxis: minutesAxis,
    yAxis: {
      type: "category",
      data: runs.map((r) => r.label),
      // SSR measures text narrower than browsers draw it: room to spare on the left
      axisLabel: { width: 130, overflow: "truncate" },
    },
    series: stages.map((stage) => ({
      name: stageName(stage),
      type: "bar",
      stack: "time",
      data: runs.map((r) => round(r.stageMinutes[stage]?.mean ?? 0)),
    })),
  };
  return renderSvg(option);
}

const round = (n: number) => Math.round(n * 10) / 10;

const RESOURCE_NAMES: Record<string, string> = {
  documentLanes: "document lanes",
  scanners: "scanners",
  inspectionBays: "inspection bays",
};
const resourceName = (key: string) => RESOURCE_NAMES[key] ?? key;

const STAGE_NAMES: Record<string, string> = {
  waitingArea: "waiting area",
  documentCheck: "document check",
  scan: "scan",
  physicalInspection: "physical inspection",
  onHold: "on hold",
};
const stageName = (key: string) => STAGE_NAMES[key] ?? key;
