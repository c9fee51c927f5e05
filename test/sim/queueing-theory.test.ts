/** Validation against queueing theory (issue 5), with fixed seeds and long runs. */
import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/sim/model.ts";
import { erlangCWait, mmc } from "./support.ts";

const within = (actual: number, expected: number, tolerance: number) =>
  expect(Math.abs(actual - expected) / expected, `${actual} vs ${expected}`).toBeLessThan(tolerance);

describe("M/M/c against Erlang C", () => {
  it("M/M/1 at 70% load: mean wait within 3%, utilisation within 1%", { timeout: 600_000 }, () => {
    const r = runReplication(mmc(1, 7, 6, 300_000, 11), 11);
    within(r.wait.mean, erlangCWait(1, 7, 6), 0.03);
    within(r.utilisation.documentLanes, 0.7, 0.01);
  });

  it("M/M/4 at 83% load: mean wait within 3%, utilisation within 1%", { timeout: 600_000 }, () => {
    const r = runReplication(mmc(4, 20, 10, 200_000, 7), 7);
    within(r.wait.mean, erlangCWait(4, 20, 10), 0.03);
    within(r.utilisation.documentLanes, 20 / 6 / 4, 0.01);
  });

  it("M/D/1 at 70% load: mean wait within 3% of Pollaczek-Khinchine", { timeout: 600_000 }, () => {
    const base = mmc(1, 7, 6, 200_000, 13);
    const scenario = {
      ...base,
      serviceMinutes: { ...base.serviceMinutes, documentCheck: { dist: "deterministic", value: 6 } as const },
    };
    const r = runReplication(scenario, 13);
    const rho = 0.7;
    within(r.wait.mean, (rho * 6) / (2 * (1 - rho)), 0.03);
  });

  it("Little's law: mean queue length = throughput x mean wait, within 2%", { timeout: 600_000 }, () => {
    const r = runReplication(mmc(3, 15, 10, 100_000, 3), 3);
    const throughputPerMinute = r.trucksCompleted / r.minutes;
    within(r.queueLength.mean, throughputPerMinute * r.wait.mean, 0.02);
  });
});
