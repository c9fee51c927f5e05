import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, runReplication, type Scenario, summarise } from "../../src/sim/index.ts";
import {
  outcomeOf,
  parseVary,
  planSweep,
  type ReplicationOutcome,
  smallestMeeting,
  sweepCsv,
  sweepReport,
} from "../../src/sweep/index.ts";

const base = (): Scenario => {
  const parsed = parseScenario(JSON.parse(readFileSync("seed/scenarios/mmc.json", "utf8")));
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...parsed.scenario, hours: 60, warmupHours: 5 };
};

const refusal = (varies: string[]) => {
  const plan = planSweep(base(), varies, 3);
  return plan.ok ? "accepted" : plan.message;
};

describe("a sweep's --vary flags", () => {
  it("reads a range as every whole number from one end to the other, and a list as given", () => {
    expect(parseVary("resources.documentLanes=4..8")).toEqual({
      ok: true,
      value: { field: "resources.documentLanes", values: [4, 5, 6, 7, 8] },
    });
    expect(parseVary("channels.green=0.6,0.8")).toEqual({
      ok: true,
      value: { field: "channels.green", values: [0.6, 0.8] },
    });
  });

  it("refuses an empty range, naming the flag", () => {
    expect(refusal(["resources.documentLanes=8..4"])).toMatch(
      /^--vary resources.documentLanes=8..4: empty range/,
    );
  });

  it("refuses an unknown field, naming it", () => {
    expect(refusal(["resources.ramps=1..2"])).toMatch(/unknown field resources.ramps/);
    expect(refusal(["nowhere.lanes=1..2"])).toMatch(/the scenario has no nowhere/);
  });

  it("refuses a field that is not a number, the seed, and a field varied twice", () => {
    expect(refusal(["arrivals.kind=1..2"])).toMatch(/arrivals.kind is not a number/);
    expect(refusal(["seed=1..3"])).toMatch(/seed cannot vary/);
    expect(refusal(["resources.scanners=1..2", "resources.scanners=3..4"])).toMatch(/varied twice/);
    expect(refusal(["resources.scanners=one"])).toMatch(/"one" is not a number/);
  });

  it("refuses a value the scenario's schema refuses, naming the value and the schema's reason", () => {
    const message = refusal(["resources.scanners=1..2", "resources.documentLanes=0..2"]);
    expect(message).toMatch(/refuses resources.scanners=1, resources.documentLanes=0/);
    expect(message).toMatch(/resources.documentLanes: /);
  });
});

describe("a sweep's combinations", () => {
  it("are every choice of one value per field, the last field changing fastest, each hashed", () => {
    const plan = planSweep(base(), ["resources.documentLanes=4..5", "resources.scanners=1..3"], 2);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.combinations.map((c) => Object.values(c.values))).toEqual([
      [4, 1],
      [4, 2],
      [4, 3],
      [5, 1],
      [5, 2],
      [5, 3],
    ]);
    const [first] = plan.value.combinations;
    expect(first?.scenario.resources).toMatchObject({ documentLanes: 4, scanners: 1 });
    // the seed is the base's in every combination: replication i meets the same random numbers
    expect(new Set(plan.value.combinations.map((c) => c.scenario.seed))).toEqual(new Set([base().seed]));
    expect(new Set(plan.value.combinations.map((c) => c.scenarioHash)).size).toBe(6);
    expect(base().resources.documentLanes).toBe(4); // the base is never changed
  });
});

describe("a sweep's report", () => {
  const plan = planSweep(base(), ["resources.documentLanes=4..6"], 4, 5);
  if (!plan.ok) throw new Error(plan.message);
  const runs = plan.value.combinations.map((c) =>
    Array.from({ length: 4 }, (_, i) => runReplication(c.scenario, c.scenario.seed + i)),
  );
  const outcomes = runs.map((rs) => rs.map(outcomeOf));

  it("gives each combination the figures the simulator's own report gives it", () => {
    const report = sweepReport(plan.value.input, outcomes);
    plan.value.combinations.forEach((c, i) => {
      const own = summarise(c.scenario, runs[i] ?? []);
      const row = report.combinations[i];
      expect(row?.waitMinutes).toEqual({
        mean: own.waitMinutes.mean,
        ci95: own.waitMinutes.ci95,
        p90: own.waitMinutes.p90,
      });
      expect(row?.throughputPerHour).toBe(own.throughputPerHour);
      expect(row?.utilisation).toEqual(own.utilisation);
    });
  });

  it("is the same bytes after its outcomes travel as JSON (as they do through PostgreSQL)", () => {
    const travelled = JSON.parse(JSON.stringify(outcomes)) as ReplicationOutcome[][];
    expect(JSON.stringify(sweepReport(plan.value.input, travelled))).toBe(
      JSON.stringify(sweepReport(plan.value.input, outcomes)),
    );
  });

  it("names the smallest combination whose wait's upper bound meets the target", () => {
    const report = sweepReport(plan.value.input, outcomes);
    const meets = report.combinations.map((c) => (c.waitMinutes.ci95?.[1] ?? Infinity) <= 5);
    expect(report.meetsTarget?.index ?? null).toBe(meets.indexOf(true) < 0 ? null : meets.indexOf(true));
    const row = (values: Record<string, number>, upper: number) => ({
      values,
      scenarioHash: "",
      trucksCompleted: 0,
      waitMinutes: { mean: upper - 1, ci95: [upper - 2, upper] as [number, number], p90: 0 },
      throughputPerHour: 0,
      utilisation: { documentLanes: 0, scanners: 0, inspectionBays: 0 },
    });
    expect(smallestMeeting([row({ a: 5, b: 1 }, 3), row({ a: 4, b: 1 }, 4), row({ a: 3, b: 1 }, 9)], 4)).toBe(
      1,
    );
    expect(smallestMeeting([row({ a: 5 }, 30)], 4)).toBeNull();
  });

  it("writes one CSV row per combination, the varied fields first", () => {
    const csv = sweepCsv(sweepReport(plan.value.input, outcomes)).trim().split("\n");
    expect(csv[0]).toBe(
      "resources.documentLanes,waitMeanMinutes,waitCi95Low,waitCi95High,waitP90Minutes,throughputPerHour,utilisationDocumentLanes,utilisationScanners,utilisationInspectionBays,trucksCompleted,meetsTarget",
    );
    expect(csv).toHaveLength(4);
    expect(csv[1]?.split(",")[0]).toBe("4");
  });
});
