import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/sim/model.ts";
import { parseScenario } from "../../src/sim/scenario.ts";
import { parseTrace } from "../../src/sim/trace.ts";

const dir = new URL("../../seed/scenarios/", import.meta.url);

describe("trace replay", () => {
  it("replays given service times to the waits computed by hand, exactly", () => {
    const scenario = parseScenario(JSON.parse(readFileSync(new URL("trace-small.json", dir), "utf8")));
    const trace = parseTrace(readFileSync(new URL("trace-small.csv", dir), "utf8"));
    if (!scenario.ok || !trace.ok) throw new Error("bad example");
    const r = runReplication(scenario.scenario, 1, trace.rows);
    // One lane: 0-10, 10-20 (waited 5), 20-23 (waited 14), 30-32, 32-36 (waited 1); scan 36-43.
    expect(r.trucksCompleted).toBe(5);
    expect(r.wait.sum).toBe(0 + 5 + 14 + 0 + 1);
    expect(r.wait.max).toBe(14);
    expect(r.timeInSystem.sum).toBe(10 + 15 + 17 + 2 + 12);
    expect(r.stages.scan.sum).toBe(7);
  });

  it("reads ISO-8601 arrivals as minutes from the first row", () => {
    const t = parseTrace(
      "arrival,plate,channel\n2025-11-13T08:00:00Z,A1,green\n2025-11-13T08:45:00Z,A2,red\n",
    );
    expect(t.ok && t.rows.map((r) => r.arrival)).toEqual([0, 45]);
  });

  it("names the line of a bad row", () => {
    const t = parseTrace("arrival,plate,channel\n0,A1,green\n3,A2,purple\n");
    expect(t.ok ? "" : t.message).toBe('line 3: channel: expected green, yellow or red, got "purple"');
  });
});
