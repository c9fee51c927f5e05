/** The editor's fields and a scenario, both ways, judged by the simulator's own schema. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formFromScenario, scenarioFromForm, shiftRowCount } from "../../src/planner/scenario-form.ts";
import { parseScenario, type Scenario } from "../../src/sim/index.ts";

const DIR = new URL("../../seed/scenarios/", import.meta.url);
const examples = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => {
    const parsed = parseScenario(JSON.parse(readFileSync(new URL(f, DIR), "utf8")));
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.scenario;
  });

const mm1: Scenario = {
  name: "M/M/1",
  seed: 1,
  hours: 100,
  warmupHours: 10,
  arrivals: { kind: "poisson", perHour: 6 },
  channels: { green: 1, yellow: 0, red: 0 },
  priorityShare: 0,
  resources: { documentLanes: 1, scanners: 0, inspectionBays: 0 },
  serviceMinutes: {
    documentCheck: { dist: "exponential", mean: 8 },
    scan: { dist: "empirical", samples: [4, 5.5, 9] },
    physicalInspection: { dist: "erlang", k: 3, mean: 40 },
  },
};

describe("the scenario editor's fields", () => {
  it.each(examples.map((s) => [s.name, s] as const))("give back the example %s unchanged", (_, s) => {
    expect(scenarioFromForm(formFromScenario(s))).toEqual({ ok: true, scenario: s });
  });

  it("give back every kind of distribution and an unmanned lane that is switched off", () => {
    const s: Scenario = {
      ...mm1,
      hold: { probability: 0.1, minutes: { dist: "uniform", min: 10, max: 20 } },
      greenAutoRelease: { enabled: false, share: 0.5, minutes: { dist: "deterministic", value: 2 } },
    };
    expect(scenarioFromForm(formFromScenario(s))).toEqual({ ok: true, scenario: s });
  });

  it("leave out the optional parts left empty", () => {
    const fields = { ...formFromScenario(mm1), neighbourAcceptsPerDay: " ", "hold.minutes.dist": "gamma" };
    const result = scenarioFromForm(fields);
    expect(result.ok && result.scenario).toEqual(mm1);
  });

  it("name each bad field by its path, which is its name in the form", () => {
    const result = scenarioFromForm({
      ...formFromScenario(mm1),
      hours: "many",
      "channels.green": "0.5",
      "serviceMinutes.scan.dist": "normal",
      "serviceMinutes.physicalInspection.k": "2.5",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.get("hours")).toMatch(/expected number/i);
    expect(result.errors.get("channels")).toBe("green + yellow + red must be 1");
    expect(result.errors.has("serviceMinutes.scan.dist")).toBe(true);
    expect(result.errors.get("serviceMinutes.physicalInspection.k")).toMatch(/expected int/);
  });

  it("make a Smart Customs lane of its fields, and name what a half-filled one lacks (issue 22)", () => {
    const lane = {
      "agvLane.driverlessShare": "0.4",
      "agvLane.gates": "2",
      "agvLane.minutes.dist": "uniform",
      "agvLane.minutes.min": "1",
      "agvLane.minutes.max": "2",
    };
    const made = scenarioFromForm({ ...formFromScenario(mm1), ...lane });
    expect(made.ok && made.scenario.agvLane).toEqual({
      driverlessShare: 0.4,
      gates: 2,
      minutes: { dist: "uniform", min: 1, max: 2 },
    });
    // a share with no gates and no time at a gate: refused, each beside its own field
    const half = scenarioFromForm({ ...formFromScenario(mm1), "agvLane.driverlessShare": "1.5" });
    expect(half.ok ? [] : [...half.errors.keys()].sort()).toEqual([
      "agvLane.driverlessShare",
      "agvLane.gates",
      "agvLane.minutes.dist",
    ]);
    // emptied again: no lane at all
    const none = scenarioFromForm({ ...formFromScenario(mm1), "agvLane.minutes.dist": "uniform" });
    expect(none.ok && none.scenario).toEqual(mm1);
  });

  it("name the hour of a profile that is wrong", () => {
    const profile = examples.find((s) => s.arrivals.kind === "profile");
    if (!profile) throw new Error("no profile example");
    const result = scenarioFromForm({ ...formFromScenario(profile), "arrivals.perHour.7": "-3" });
    expect(result.ok ? [] : [...result.errors.keys()]).toEqual(["arrivals.perHour.7"]);
  });

  it("keeps every row of a long shift plan, and offers one more", () => {
    const base = parseScenario(JSON.parse(readFileSync(new URL("nur-zholy-baseline.json", DIR), "utf8")));
    if (!base.ok) throw new Error(base.message);
    const shifts = Array.from({ length: 6 }, (_, i) => ({
      fromHour: i * 4,
      toHour: i * 4 + 4,
      documentLanes: 4 + i,
    }));
    const fields = formFromScenario({ ...base.scenario, shifts });
    expect(shiftRowCount(fields)).toBe(7);
    const back = scenarioFromForm(fields);
    expect(back.ok && back.scenario.shifts).toEqual(shifts);
    expect(shiftRowCount({})).toBe(4);
  });
});
