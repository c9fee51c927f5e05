/** The run charts render to standalone SVG with their data, and nothing a browser would execute. */
import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  arrivalsChart,
  type HourlyPoint,
  queueChart,
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
}));
const summary = (mean: number): Summary => ({
  mean,
  p50: mean * 0.8,
  p90: mean * 2,
  p95: mean * 2.5,
  p99: mean * 4,
  max: mean * 6,
});
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
  });
});
