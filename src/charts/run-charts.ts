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

/** Arrivals against trucks leaving for the neighbour, per hour: where the crossing falls behind. */
export function arrivalsChart(hourly: readonly HourlyPoint[]): string {
  return renderSvg({
    title: title("Arrivals and trucks leaving per hour"),
    legend,
    xAxis: hourAxis(hourly),
    yAxis: { type: "value", name: "trucks" },
    series: [
      { name: "arrived", type: "bar", data: hourly.map((h) => h.arrivals) },
      { name: "left for the neighbour", type: "bar", data: hourly.map((h) => h.exits) },
    ],
  });
}

/** Where the trucks wait, hour by hour: the e-queue, before the gate, and the waiting area inside. */
export function queueChart(hourly: readonly HourlyPoint[]): string {
  const line = (name: string, pick: (h: HourlyPoint) => number) => ({
    name,
    type: "line",
    showSymbol: false,
    areaStyle: { opacity: 0.12 },
    data: hourly.map(pick),
  });
  return renderSvg({
    title: title("Trucks waiting"),
    legend,
    xAxis: hourAxis(hourly),
    yAxis: { type: "value", name: "trucks" },
    series: [
      line("before the gate", (h) => h.gateQueue),
      line("waiting area", (h) => h.queueLength),
      line("e-queue (not at the border)", (h) => h.virtualQueue),
    ],
  });
}

/** For each resource, the mean wait for it beside its mean service: what sizing a scanner needs. */
export function resourcesChart(
  runs: readonly { label: string; wait: Record<string, Summary>; service: Record<string, Summary> }[],
): string {
  const resources = Object.keys(runs[0]?.wait ?? {});
  return renderSvg({
    title: title("Wait for each resource and its service (mean)"),
    legend,
    xAxis: { type: "category", data: resources.map(resourceName) },
    yAxis: minutesAxis,
    series: runs.flatMap((r) => [
      {
        name: runs.length > 1 ? `${r.label}: wait` : "wait",
        type: "bar",
        data: resources.map((k) => orNull(r.wait[k]?.mean)),
      },
      {
        name: runs.length > 1 ? `${r.label}: service` : "service",
        type: "bar",
        data: resources.map((k) => orNull(r.service[k]?.mean)),
      },
    ]),
  });
}

/** The Time Release Study's breakdown by channel: before the gate, in the waiting area, entry to release. */
export function channelsChart(
  groups: Record<string, { gateWaitMinutes: Summary; waitMinutes: Summary; entryToReleaseMinutes: Summary }>,
): string {
  const names = Object.keys(groups);
  const series = (name: string, pick: (g: (typeof groups)[string]) => Summary) => ({
    name,
    type: "bar",
    data: names.map((n) => orNull(pick(groups[n] as (typeof groups)[string]).mean)),
  });
  return renderSvg({
    title: title("By channel (mean minutes)"),
    legend,
    xAxis: { type: "category", data: names },
    yAxis: minutesAxis,
    series: [
      series("before the gate", (g) => g.gateWaitMinutes),
      series("waiting area", (g) => g.waitMinutes),
      series("entry to release", (g) => g.entryToReleaseMinutes),
    ],
  });
}

/** A figure as drawn: rounded, and a gap (not a zero) where no truck went. */
const orNull = (x: number | null | undefined) => (x === null || x === undefined ? null : round(x));

/** The wait's distribution as its percentiles: what share of trucks waited how long. */
export function waitChart(runs: readonly { label: string; wait: Summary }[]): string {
  const keys = ["mean", "p50", "p90", "p95", "p99", "max"] as const;
  return renderSvg({
    title: title("Wait in the waiting area"),
    legend,
    xAxis: { type: "category", data: [...keys] },
    yAxis: minutesAxis,
    series: runs.map((r) => ({ name: r.label, type: "bar", data: keys.map((k) => orNull(r.wait[k])) })),
  });
}

/**
 * The Smart Customs AGV lane apart from the manned lanes (issue 22): trucks a day that left through
 * each, and the driverless trucks the lane's gate handed to the manned lanes.
 */
export function agvLaneChart(
  runs: readonly {
    label: string;
    throughputPerHour: number;
    agvLane?: { releasedPerDay: number; handedToMannedPerDay: number } | undefined;
  }[],
): string {
  const bars = ["through the Smart Customs lane", "through the manned lanes", "driverless, handed to manned"];
  return renderSvg({
    title: title("Trucks a day: the Smart Customs lane and the manned lanes"),
    legend,
    xAxis: { type: "category", data: bars },
    yAxis: { type: "value", name: "trucks/day" },
    series: runs.map((r) => {
      const agv = r.agvLane?.releasedPerDay ?? 0;
      return {
        name: r.label,
        type: "bar",
        data: [
          round(agv),
          round(Math.max(0, r.throughputPerHour * 24 - agv)),
          round(r.agvLane?.handedToMannedPerDay ?? 0),
        ],
      };
    }),
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
      data: runs.map((r) => orNull(r.stageMinutes[stage]?.mean)),
    })),
  };
  return renderSvg(option);
}

const round = (n: number) => Math.round(n * 10) / 10;

const RESOURCE_NAMES: Record<string, string> = {
  documentLanes: "document lanes",
  scanners: "scanners",
  inspectionBays: "inspection bays",
  agvLane: "Smart Customs lane",
};
const resourceName = (key: string) => RESOURCE_NAMES[key] ?? key;

const STAGE_NAMES: Record<string, string> = {
  gateQueue: "before the gate",
  unmannedLane: "unmanned lane",
  waitingArea: "waiting area",
  documentCheck: "document check",
  scan: "scan",
  physicalInspection: "physical inspection",
  onHold: "on hold",
};
const stageName = (key: string) => STAGE_NAMES[key] ?? key;
