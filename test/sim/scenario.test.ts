import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resourcesAt } from "../../src/sim/resources.ts";
import { parseScenario } from "../../src/sim/scenario.ts";

const dir = new URL("../../seed/scenarios/", import.meta.url);

describe("scenario files", () => {
  it("every example in seed/scenarios is valid", () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      const result = parseScenario(JSON.parse(readFileSync(new URL(file, dir), "utf8")));
      expect(result.ok, file).toBe(true);
    }
  });

  it("a bad field is named with what was expected", () => {
    const mmc = JSON.parse(readFileSync(new URL("mmc.json", dir), "utf8"));
    const result = parseScenario({
      ...mmc,
      serviceMinutes: { ...mmc.serviceMinutes, scan: { dist: "exponential", mean: -1 } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^serviceMinutes\.scan\.mean: .*>0/);
    const shares = parseScenario({ ...mmc, channels: { green: 0.5, yellow: 0.2, red: 0.2 } });
    expect(shares.ok ? "" : shares.message).toMatch(/channels: green \+ yellow \+ red must be 1/);
  });

  it("refuses a run that would never end, naming what to change", () => {
    const mmc = JSON.parse(readFileSync(new URL("mmc.json", dir), "utf8"));
    const flood = parseScenario({ ...mmc, arrivals: { kind: "poisson", perHour: 1e9 } });
    expect(flood.ok ? "" : flood.message).toMatch(/^arrivals: more than 20,000,000 trucks expected/);
    const forever = parseScenario({ ...mmc, hours: 1e9 });
    expect(forever.ok ? "" : forever.message).toMatch(/^hours: /);
    const lanes = parseScenario({ ...mmc, resources: { ...mmc.resources, documentLanes: 1e7 } });
    expect(lanes.ok ? "" : lanes.message).toMatch(/^resources\.documentLanes: /);
  });

  it("refuses a name with control characters (they break the stored name's length check)", () => {
    const mmc = JSON.parse(readFileSync(new URL("mmc.json", dir), "utf8"));
    const named = parseScenario({ ...mmc, name: "\u0000Five lanes" });
    expect(named.ok ? "" : named.message).toMatch(/^name: no control characters/);
  });

  it("refuses an unknown key by name (a misspelt neighbourAcceptsPerDay is not dropped)", () => {
    const mmc = JSON.parse(readFileSync(new URL("mmc.json", dir), "utf8"));
    const typo = parseScenario({ ...mmc, neighbourAcceptPerDay: 725 });
    expect(typo.ok ? "" : typo.message).toMatch(/neighbourAcceptPerDay/);
    const deep = parseScenario({ ...mmc, resources: { ...mmc.resources, scaners: 2 } });
    expect(deep.ok ? "" : deep.message).toMatch(/^resources: .*scaners/);
    const dist = parseScenario({
      ...mmc,
      serviceMinutes: { ...mmc.serviceMinutes, scan: { dist: "exponential", mean: 5, sd: 1 } },
    });
    expect(dist.ok ? "" : dist.message).toMatch(/^serviceMinutes\.scan: .*sd/);
  });

  it("checks a distribution's parameters against each other", () => {
    const mmc = JSON.parse(readFileSync(new URL("mmc.json", dir), "utf8"));
    const withScan = (scan: unknown) =>
      parseScenario({ ...mmc, serviceMinutes: { ...mmc.serviceMinutes, scan } });
    const tri = withScan({ dist: "triangular", min: 5, mode: 20, max: 10 });
    expect(tri.ok ? "" : tri.message).toMatch(/^serviceMinutes\.scan\.mode: expected min <= mode <= max/);
    const uni = withScan({ dist: "uniform", min: 10, max: 5 });
    expect(uni.ok ? "" : uni.message).toMatch(/^serviceMinutes\.scan\.max: expected max >= min/);
    expect(withScan({ dist: "triangular", min: 5, mode: 5, max: 5 }).ok).toBe(true);
  });

  it("refuses a warm-up as long as the run, and a route with no resource at any hour", () => {
    const mmc = JSON.parse(readFileSync(new URL("mmc.json", dir), "utf8"));
    const warm = parseScenario({ ...mmc, hours: 10, warmupHours: 10 });
    expect(warm.ok ? "" : warm.message).toMatch(/^warmupHours: expected fewer than hours/);
    const yellow = parseScenario({ ...mmc, channels: { green: 0.8, yellow: 0.2, red: 0 } });
    expect(yellow.ok ? "" : yellow.message).toMatch(/^resources\.scanners: yellow trucks need a scanner/);
    const red = parseScenario({
      ...mmc,
      channels: { green: 0.9, yellow: 0, red: 0.1 },
      shifts: [{ fromHour: 8, toHour: 20, inspectionBays: 2 }],
    });
    expect(red.ok).toBe(true);
  });

  it("a shift from 22 to 6 runs across midnight", () => {
    const mmc = JSON.parse(readFileSync(new URL("mmc.json", dir), "utf8"));
    const parsed = parseScenario({ ...mmc, shifts: [{ fromHour: 22, toHour: 6, documentLanes: 2 }] });
    if (!parsed.ok) throw new Error(parsed.message);
    const lanes = Array.from({ length: 24 }, (_, h) => resourcesAt(parsed.scenario, h).documentLanes);
    expect(lanes).toEqual([2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2]);
    const none = parseScenario({ ...mmc, shifts: [{ fromHour: 6, toHour: 6, documentLanes: 2 }] });
    expect(none.ok ? "" : none.message).toMatch(/^shifts\.0\.toHour: /);
  });

  it("refuses a schedule out of day order", () => {
    const mmc = JSON.parse(readFileSync(new URL("mmc.json", dir), "utf8"));
    const bad = parseScenario({
      ...mmc,
      schedule: [
        { fromDay: 3, dailyLimit: 650 },
        { fromDay: 1, dailyLimit: 700 },
      ],
    });
    expect(bad.ok ? "" : bad.message).toMatch(/^schedule: expected fromDay in increasing order/);
  });
});
