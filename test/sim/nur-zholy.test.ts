/** Issue 16: the Nur Zholy baseline meets its anchor, and the November 2025 episode is reproduced. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/sim/report.ts";
import { parseScenario, type Scenario } from "../../src/sim/scenario.ts";

const load = (file: string): Scenario => {
  const parsed = parseScenario(
    JSON.parse(readFileSync(new URL(`../../seed/scenarios/${file}`, import.meta.url), "utf8")),
  );
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.scenario;
};

describe("the Nur Zholy baseline", () => {
  it("takes the Time Release Study's 2 h 35 min from entry to release, within 10%", () => {
    const r = simulate(load("nur-zholy-baseline.json"), 3);
    const mean = r.entryToReleaseMinutes.mean as number;
    expect(Math.abs(mean - 155) / 155).toBeLessThan(0.1);
    // the interval of the replications' means is narrow beside that margin
    const [lo, hi] = r.entryToReleaseMinutes.ci95 ?? [0, 0];
    expect(hi - lo).toBeLessThan(0.2 * 155);
    // and says plainly that the neighbour's limit leaves it without a steady state
    expect(r.steadyState).toBe(false);
    expect(r.gateQueue.atEnd).toBeGreaterThan(1000);
  }, 300_000);

  it("cites a source or says 'estimate' for every number it sets", () => {
    const file = JSON.parse(
      readFileSync(new URL("../../seed/scenarios/nur-zholy-baseline.json", import.meta.url), "utf8"),
    ) as Record<string, unknown> & { sources: Record<string, string> };
    const covered = (key: string) =>
      Object.keys(file.sources).some((s) => s === key || s.startsWith(`${key}.`));
    for (const key of Object.keys(file).filter(
      (k) => !["name", "description", "sources", "seed", "hours", "warmupHours"].includes(k),
    ))
      expect(covered(key), key).toBe(true);
    expect(file.sources.anchor).toMatch(/Time Release Study.*2 h 35 min/);
  });
});

describe("the November 2025 episode", () => {
  it("piles about 1,500 trucks before the gate before the cut to 650, then drains them at 50-100 a day", () => {
    const r = simulate(load("nur-zholy-november-2025.json"), 1);
    const atHour = (h: number) => r.hourly[h]?.gateQueue ?? Number.NaN;
    const cut = atHour(4 * 24 - 1);
    expect(cut).toBeGreaterThan(1100);
    expect(cut).toBeLessThan(2000);
    // draining after the cut: the neighbour's 700-750 against the 650 let through
    const tenDaysLater = atHour(14 * 24 - 1);
    expect((cut - tenDaysLater) / 10).toBeGreaterThan(40);
    expect((cut - tenDaysLater) / 10).toBeLessThan(110);
    // the excess demand waits in the e-queue instead, away from the border
    expect(r.hourly.at(-1)?.virtualQueue).toBeGreaterThan(8000);
    expect(r.warnings.join("\n")).toMatch(/e-queue's daily limit lets 650 come/);
  }, 300_000);
});
