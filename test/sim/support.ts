import type { Scenario } from "../../src/sim/scenario.ts";

/** Exactly M/M/c: Poisson arrivals, green channel only, c lanes with exponential service. */
export function mmc(c: number, perHour: number, meanMinutes: number, hours: number, seed = 1): Scenario {
  return {
    name: `M/M/${c}`,
    seed,
    hours,
    warmupHours: 100,
    arrivals: { kind: "poisson", perHour },
    channels: { green: 1, yellow: 0, red: 0 },
    priorityShare: 0,
    resources: { documentLanes: c, scanners: 0, inspectionBays: 0 },
    serviceMinutes: {
      documentCheck: { dist: "exponential", mean: meanMinutes },
      scan: { dist: "exponential", mean: 5 },
      physicalInspection: { dist: "exponential", mean: 30 },
    },
  };
}

/** Erlang C mean wait in queue, minutes. */
export function erlangCWait(c: number, perHour: number, meanMinutes: number): number {
  const lambda = perHour / 60;
  const a = lambda * meanMinutes;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - a / c);
  const p = last / (sum + last);
  return p / (c / meanMinutes - lambda);
}
