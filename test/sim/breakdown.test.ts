/** Issue 16: stages show their queues, figures come by channel and class, and empty reads as empty. */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/sim/report.ts";
import type { Scenario } from "../../src/sim/scenario.ts";
import type { TraceRow } from "../../src/sim/trace.ts";
import { mmc } from "./support.ts";

const row = (arrival: number, channel: TraceRow["channel"], scan = Number.NaN): TraceRow => ({
  arrival,
  plate: `T${arrival}`,
  channel,
  priority: false,
  documentCheckMinutes: 5,
  scanMinutes: scan,
  physicalInspectionMinutes: Number.NaN,
});

describe("each resource's queue apart from its service", () => {
  it("two yellow trucks, one scanner: the second waits exactly the first's scan", () => {
    const scenario: Scenario = {
      ...mmc(2, 1, 5, 2, 1),
      warmupHours: 0,
      arrivals: { kind: "trace", file: "given" },
      channels: { green: 0, yellow: 1, red: 0 },
      resources: { documentLanes: 2, scanners: 1, inspectionBays: 0 },
    };
    const r = simulate(scenario, 1, undefined, [row(0, "yellow", 10), row(0, "yellow", 10)]);
    expect(r.resourceWaitMinutes.scanners).toMatchObject({ count: 2, mean: 5, max: 10 });
    expect(r.resourceServiceMinutes.scanners).toMatchObject({ count: 2, mean: 10 });
    // the machine's scan stage holds both: the wait and the scan
    expect(r.stageMinutes.scan.mean).toBe(15);
    expect(r.resourceServiceMinutes.inspectionBays).toMatchObject({ count: 0, mean: null });
  });

  it("the unmanned lane's drive is its own stage, not time in the waiting area", () => {
    const r = simulate(
      {
        ...mmc(4, 20, 10, 100, 2),
        warmupHours: 10,
        greenAutoRelease: { enabled: true, share: 0.5, minutes: { dist: "deterministic", value: 3 } },
      },
      1,
    );
    const unmanned = r.stageMinutes.unmannedLane;
    expect(unmanned.mean).toBe(3);
    expect(unmanned.count + r.stageMinutes.documentCheck.count).toBe(r.trucksCompleted);
    expect(r.stageMinutes.waitingArea.count).toBe(r.stageMinutes.documentCheck.count);
  });
});

describe("figures by channel and by priority class", () => {
  const mixed: Scenario = {
    ...mmc(3, 15, 8, 300, 4),
    warmupHours: 10,
    channels: { green: 0.6, yellow: 0.3, red: 0.1 },
    priorityShare: 0.1,
    priorityShares: { perishable: 0.2, dangerous: 0.05 },
    resources: { documentLanes: 3, scanners: 2, inspectionBays: 2 },
  };

  it("add up to the headline, each with its own waits", () => {
    const r = simulate(mixed, 2);
    const sum = (g: Record<string, { trucksArrived: number; trucksCompleted: number }>) =>
      Object.values(g).reduce((a, x) => a + x.trucksArrived, 0);
    expect(sum(r.byChannel)).toBe(r.trucksArrived);
    expect(sum(r.byClass)).toBe(r.trucksArrived);
    expect(
      r.byChannel.green.waitMinutes.count +
        r.byChannel.yellow.waitMinutes.count +
        r.byChannel.red.waitMinutes.count,
    ).toBe(r.waitMinutes.count);
    // red trucks spend longer from entry to release than green ones: the bay comes after the lane
    expect(r.byChannel.red.entryToReleaseMinutes.mean as number).toBeGreaterThan(
      r.byChannel.green.entryToReleaseMinutes.mean as number,
    );
    // shares of the classes drawn (binomial: 5 sd)
    const n = r.trucksArrived;
    const within = (x: number, p: number) =>
      expect(Math.abs(x - n * p)).toBeLessThan(5 * Math.sqrt(n * p * (1 - p)));
    within(r.byClass.perishable.trucksArrived, 0.2);
    within(r.byClass.transit.trucksArrived, 0.1);
    within(r.byClass.dangerous.trucksArrived, 0.05);
    expect(r.byClass.humanitarian).toMatchObject({ trucksArrived: 0, waitMinutes: { count: 0, mean: null } });
  });

  it("strict priority calls perishable trucks first, ahead of the cycle's turn", () => {
    const busy: Scenario = {
      ...mixed,
      arrivals: { kind: "poisson", perHour: 21 },
      queueCycle: ["transit", "ordinary"],
    };
    const strict = simulate({ ...busy, strictPriority: true }, 1);
    const cycle = simulate(busy, 1);
    expect(strict.byClass.perishable.waitMinutes.mean as number).toBeLessThan(
      strict.byClass.ordinary.waitMinutes.mean as number,
    );
    // in the cycle perishable trucks are not named, so they queue as ordinary
    expect(strict.byClass.perishable.waitMinutes.mean as number).toBeLessThan(
      cycle.byClass.perishable.waitMinutes.mean as number,
    );
  });
});

describe("what the machine allows, generated", () => {
  it("escalates scans to a bay, refuses, and holds at the scan and the inspection", () => {
    const r = simulate(
      {
        ...mmc(4, 20, 5, 300, 9),
        warmupHours: 10,
        channels: { green: 0.4, yellow: 0.4, red: 0.2 },
        resources: { documentLanes: 4, scanners: 3, inspectionBays: 6 },
        serviceMinutes: {
          documentCheck: { dist: "exponential", mean: 5 },
          scan: { dist: "exponential", mean: 5 },
          physicalInspection: { dist: "exponential", mean: 30 },
        },
        scanEscalation: 0.5,
        refusals: { documentCheck: 0.02, physicalInspection: 0.2 },
        holdAtScan: { probability: 0.3, minutes: { dist: "deterministic", value: 60 } },
        holdAtInspection: { probability: 0.3, minutes: { dist: "deterministic", value: 60 } },
      },
      1,
    );
    const bays = r.resourceServiceMinutes.inspectionBays.count;
    const scans = r.resourceServiceMinutes.scanners.count;
    // half the scans go on to a bay, with the red trucks
    expect(bays).toBeGreaterThan(scans * 0.5 + r.byChannel.red.trucksArrived * 0.8);
    expect(r.trucksRefused).toBeGreaterThan(0);
    expect(r.stageMinutes.onHold.count).toBeGreaterThan(0);
    // an hour each time; a scan that found something may be held at the scan and again at the bay
    expect(r.stageMinutes.onHold.p50).toBeCloseTo(60, 0);
    expect(r.stageMinutes.onHold.max).toBe(120);
  });
});

describe("no trucks reads as no trucks", () => {
  it("a stage nobody went through and a run where nobody completes have no figures, not 0", () => {
    const r = simulate({ ...mmc(1, 1, 5000, 20, 1), warmupHours: 10 }, 1);
    expect(r.stageMinutes.scan).toEqual({
      count: 0,
      mean: null,
      p50: null,
      p90: null,
      p95: null,
      p99: null,
      max: null,
    });
    const none = simulate({ ...mmc(1, 30, 100_000, 20, 1), warmupHours: 1 }, 1);
    expect(none.trucksCompleted).toBe(0);
    expect(none.timeInSystemMinutes.mean).toBeNull();
    expect(none.warnings.join("\n")).toMatch(/no truck completed/);
  });

  it("keeps significant figures: a wait of 0.006 min reads as such", () => {
    const r = simulate(
      {
        ...mmc(1, 1, 0.006, 10, 1),
        warmupHours: 0,
        arrivals: { kind: "trace", file: "given" },
        serviceMinutes: {
          ...mmc(1, 1, 1, 1).serviceMinutes,
          documentCheck: { dist: "deterministic", value: 0.006 },
        },
      },
      1,
      undefined,
      [row(0, "green"), row(0, "green")].map((t) => ({ ...t, documentCheckMinutes: 0.006 })),
    );
    expect(r.waitMinutes.max).toBe(0.006);
    expect(r.waitMinutes.mean).toBe(0.003);
  });
});

describe("offered load before running", () => {
  it("warns when lanes are offered more than they can do", async () => {
    const { offeredLoads, overloadWarnings } = await import("../../src/sim/offered-load.ts");
    const s = mmc(2, 15, 10, 100);
    const loads = offeredLoads(s);
    expect(loads.find((l) => l.stage === "documentLanes")?.load).toBeCloseTo(1.25, 6);
    expect(overloadWarnings(loads, s).join("\n")).toMatch(
      /document lanes are offered 2\.5 busy at a time against 2\.0 open/,
    );
    expect(overloadWarnings(offeredLoads(mmc(3, 15, 10, 100)), s)).toEqual([]);
  });
});
