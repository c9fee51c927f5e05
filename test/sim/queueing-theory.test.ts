/**
 * Validation against queueing theory (issue 5). Each figure is the mean of independent
 * replications, and the tolerance comes from their own spread: the theory must lie within four
 * standard errors (a band a correct simulator leaves about once in 16,000 runs), and the band must
 * be narrow enough to mean something (the standard error under 3% of the theory's value). Sized to
 * hold on a loaded 2-core machine.
 */
import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/sim/model.ts";
import type { Scenario } from "../../src/sim/scenario.ts";
import { erlangCWait, mmc } from "./support.ts";

const REPLICATIONS = 10;

/** The mean of a statistic over replications (seeds 1..n) and its standard error. */
function replicate(scenario: Scenario, statistic: (r: ReturnType<typeof runReplication>) => number) {
  const xs = Array.from({ length: REPLICATIONS }, (_, i) =>
    statistic(runReplication(scenario, scenario.seed + i)),
  );
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, se: Math.sqrt(variance / xs.length) };
}

function agrees(got: { mean: number; se: number }, theory: number, what: string) {
  expect(got.se / theory, `${what}: standard error ${got.se} too wide to test`).toBeLessThan(0.03);
  expect(Math.abs(got.mean - theory), `${what}: ${got.mean} ± ${got.se} vs ${theory}`).toBeLessThan(
    4 * got.se,
  );
}

describe("M/M/c against Erlang C", () => {
  it("M/M/1 at 70% load: mean wait and utilisation within four standard errors", () => {
    const s = mmc(1, 7, 6, 8_000, 11);
    agrees(
      replicate(s, (r) => r.wait.mean),
      erlangCWait(1, 7, 6),
      "M/M/1 wait",
    );
    agrees(
      replicate(s, (r) => r.utilisation.documentLanes),
      0.7,
      "M/M/1 utilisation",
    );
  }, 180_000);

  it("M/M/4 at 83% load: mean wait and utilisation within four standard errors", () => {
    const s = mmc(4, 20, 10, 4_000, 7);
    agrees(
      replicate(s, (r) => r.wait.mean),
      erlangCWait(4, 20, 10),
      "M/M/4 wait",
    );
    agrees(
      replicate(s, (r) => r.utilisation.documentLanes),
      20 / 6 / 4,
      "M/M/4 utilisation",
    );
  }, 180_000);

  it("M/D/1 at 70% load: mean wait within four standard errors of Pollaczek-Khinchine", () => {
    const base = mmc(1, 7, 6, 8_000, 13);
    const s = {
      ...base,
      serviceMinutes: { ...base.serviceMinutes, documentCheck: { dist: "deterministic", value: 6 } as const },
    };
    const rho = 0.7;
    agrees(
      replicate(s, (r) => r.wait.mean),
      (rho * 6) / (2 * (1 - rho)),
      "M/D/1 wait",
    );
  }, 180_000);

  it("Little's law: mean queue length = throughput x mean wait, within 2% on one run", () => {
    // a sample-path identity, not a statistic: only the trucks still waiting at the end are off
    const r = runReplication(mmc(3, 15, 10, 20_000, 3), 3);
    const throughputPerMinute = r.trucksCompleted / r.minutes;
    const expected = throughputPerMinute * r.wait.mean;
    expect(Math.abs(r.queueLength.mean - expected) / expected).toBeLessThan(0.02);
  }, 120_000);
});
