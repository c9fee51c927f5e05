import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/sim/model.ts";
import { parseScenario, type Scenario } from "../../src/sim/scenario.ts";
import { scratchEvents } from "../../src/sim/sim-events.ts";
import { mmc } from "./support.ts";

describe("the call deadline and the grace window come from the scenario", () => {
  it("a longer call deadline keeps a lane waiting longer for a truck that does not come", () => {
    const s: Scenario = { ...mmc(2, 6, 10, 400, 5), missedCallRate: 0.5 };
    const at = (callDeadlineMinutes?: number) =>
      runReplication(callDeadlineMinutes ? { ...s, callDeadlineMinutes } : s, 5).utilisation.documentLanes;
    expect(at(15)).toBe(at()); // 15 minutes when absent
    expect(at(45)).toBeGreaterThan(at(15) + 0.05);
  });

  it("the grace window goes to the machine on every check-in", () => {
    // the model books a truck's slot as it arrives, so no simulated truck is late for it yet
    expect(scratchEvents(90).CHECK_IN.policy.graceMinutes).toBe(90);
  });

  it("checks both fields", () => {
    const bad = parseScenario({ ...mmc(1, 1, 1, 1), callDeadlineMinutes: 0, graceHours: -1 });
    expect(bad.ok || bad.message).toMatch(/callDeadlineMinutes[\s\S]*graceHours/);
  });
});
