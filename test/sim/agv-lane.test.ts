/**
 * The simulator's Smart Customs AGV lane (issue 22): a resource of its own with its own service time,
 * a share of driverless trucks, the machine deciding at its gate; and no change at all to a scenario
 * without one.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/sim/model.ts";
import { summarise } from "../../src/sim/report.ts";
import { parseScenario, type Scenario } from "../../src/sim/scenario.ts";

const load = (file: string, patch: object = {}): Scenario => {
  const parsed = parseScenario({ ...JSON.parse(readFileSync(`seed/scenarios/${file}`, "utf8")), ...patch });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.scenario;
};

describe("the AGV lane in the simulator", () => {
  it("leaves a scenario without one exactly as the engine ran it before (figures of commit 723deb2)", () => {
    const r = runReplication(load("nur-zholy-unmanned-70.json", { hours: 72 }), 7);
    expect({
      arrived: r.trucksArrived,
      completed: r.trucksCompleted,
      exited: r.trucksExited,
      steps: r.machineSteps,
      events: r.eventsProcessed,
      wait: r.wait.mean,
      utilisation: r.utilisation,
      unmanned: r.stages.unmannedLane.count,
    }).toEqual({
      arrived: 2398,
      completed: 908,
      exited: 1426,
      steps: 9611,
      events: 10308,
      wait: 0.3448275862068966,
      utilisation: {
        documentLanes: 0.34346324524381944,
        scanners: 0.7693723051953215,
        inspectionBays: 0.6409241715538527,
      },
      unmanned: 450,
    });
    expect(r.agvLane).toBeUndefined();
    expect(summarise(load("nur-zholy-unmanned-70.json", { hours: 72 }), [r])).not.toHaveProperty("agvLane");
  });

  it("draws from streams of its own: a lane that takes no truck changes no other figure", () => {
    const base = load("nur-zholy-unmanned-70.json", { hours: 72 });
    const agvLane = { driverlessShare: 0, gates: 1, minutes: { dist: "fixed", value: 1 } };
    const { agvLane: lane, ...withLane } = runReplication({ ...base, agvLane } as Scenario, 7);
    expect(JSON.stringify(withLane)).toBe(JSON.stringify(runReplication(base, 7)));
    expect(lane).toMatchObject({ driverless: 0, released: 0, handedToManned: 0 });
  });

  it("releases the green driverless trucks at its gate and hands the others to the manned lanes", () => {
    const scenario = load("bakhty-smart-customs.json", { hours: 96 });
    const r = runReplication(scenario, 1);
    const lane = r.agvLane;
    if (!lane) throw new Error("no AGV lane figures");
    const share = lane.driverless / r.trucksArrived;
    // the driverless share, and the green share of them released at the gate, within 4 standard errors
    const se = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(share - 0.7)).toBeLessThan(se(0.7, r.trucksArrived));
    const decided = lane.released + lane.handedToManned;
    expect(decided).toBeGreaterThan(lane.driverless * 0.95);
    expect(Math.abs(lane.released / decided - 0.8)).toBeLessThan(se(0.8, decided));
    expect(lane.utilisation).toBeGreaterThan(0);
    expect(lane.utilisation).toBeLessThan(1);
    // the manned lanes see the others only: their utilisation stays well below what all trucks would need
    expect(r.utilisation.documentLanes).toBeLessThan(0.8);
  });

  it("pools the lane's figures apart in the report, with its offered load", () => {
    const scenario = load("bakhty-smart-customs.json", { hours: 72 });
    const report = summarise(scenario, [runReplication(scenario, 1), runReplication(scenario, 2)]);
    expect(report.agvLane).toMatchObject({ gates: 1, driverlessShare: 0.7 });
    expect(report.agvLane?.releasedPerDay).toBeGreaterThan(250);
    expect(report.agvLane?.waitMinutes.count).toBe(report.agvLane?.driverless);
    const agvLoad = report.offeredLoad.find((l) => l.stage === "agvLane");
    expect(agvLoad?.load).toBeGreaterThan(0.3);
    expect(agvLoad?.load).toBeLessThan(0.7);
  });

  it("refuses a lane without gates or a share above 1, naming the field", () => {
    const bad = parseScenario({
      ...load("bakhty-smart-customs.json"),
      agvLane: { driverlessShare: 1.5, gates: 0, minutes: { dist: "fixed", value: 1 } },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.message).toContain("agvLane.driverlessShare");
      expect(bad.message).toContain("agvLane.gates");
    }
  });
});
