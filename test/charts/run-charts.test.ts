/** The run charts render to standalone SVG with their data, and nothing a browser would execute. */
import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  arrivalsChart,
  channelsChart,
  type HourlyPoint,
  queueChart,
  resourcesChart,
  type Summary,
  stagesChart,
  utilisationChart,
  waitChart,
} from "../../src/charts/run-charts.ts";

const hourly: HourlyPoint[] = Array.from({ length: 24 }, (_, hour) => ({
  hour,
  arrivals: 20 + (hour % 6),
  completed: 18 + (hour % 5),
  meanWaitMinutes: 30 + hour,
  queueLength: 5 + hour * 2,
  exits: 17 + (hour % 5),
  gateQueue: 40 + hour * 10,
  virtualQueue: 0,
  inSystem: 60 + hour * 12,
}));
const summary = (mean: number): Summary => ({
  count: 100,
  mean,
  p50: mean * 0.8,
  p90: mean * 2,
  p95: mean * 2.5,
  p99: mean * 4,
  max: mean * 6,
});
const noTrucks: Summary = { count: 0, mean: null, p50: null, p90: null, p95: null, p99: null, max: null };
const runs = [
  {
    label: "baseline",
    wait: summary(312),
    utilisation: { documentLanes: 0.93, scanners: 0.71, inspectionBays: 0.4 },
    stageMinutes: {
      waitingArea: summary(312),
      documentCheck: summary(9),
      scan: summary(14),
      physicalInspection: summary(45),
      onHold: summary(2),
    },
  },
  {
    label: "one more scanner",
    wait: summary(186),
    utilisation: { documentLanes: 0.93, scanners: 0.55, inspectionBays: 0.4 },
    stageMinutes: {
      waitingArea: summary(186),
      documentCheck: summary(9),
      scan: summary(10),
      physicalInspection: summary(45),
      onHold: summary(2),
    },
  },
];

const charts: [string, string][] = [
  ["arrivals", arrivalsChart(hourly)],
  ["queue", queueChart(hourly)],
  ["wait", waitChart(runs)],
  ["utilisation", utilisationChart(runs)],
  ["stages", stagesChart(runs)],
  [
    "resources",
    resourcesChart([
      {
        label: "baseline",
        wait: { documentLanes: summary(20), scanners: summary(35), inspectionBays: noTrucks },
        service: { documentLanes: summary(12), scanners: summary(15), inspectionBays: noTrucks },
      },
    ]),
  ],
  [
    "channels",
    channelsChart({
      green: { gateWaitMinutes: summary(600), waitMinutes: summary(20), entryToReleaseMinutes: summary(90) },
      red: { gateWaitMinutes: summary(600), waitMinutes: summary(25), entryToReleaseMinutes: summary(300) },
    }),
  ],
];

describe("run charts", () => {
  it.each(charts)("%s is a standalone SVG without scripts", (name, svg) => {
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).not.toMatch(/<script|on\w+=/i);
    mkdirSync("test-results/charts", { recursive: true });
    writeFileSync(`test-results/charts/${name}.svg`, svg);
  });

  it("labels the series and carries the data", () => {
    const [, wait] = charts[2] ?? [];
    expect(wait).toContain("one more scanner");
    expect(charts[3]?.[1]).toContain("inspection bays");
    expect(charts[4]?.[1]).toContain("physical inspection");
    expect(charts[1]?.[1]).toContain("before the gate");
    expect(charts[5]?.[1]).toContain("scanners");
    expect(charts[6]?.[1]).toContain("entry to release");
  });
});
