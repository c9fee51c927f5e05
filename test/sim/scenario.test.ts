import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
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
});
