/**
 * `npm run bench:sim`: trucks/s, events/s, wall time and peak memory for 1,000,000 trucks
 * through the M/M/c scenario and one simulated year of the Nur Zholy baseline, with the
 * machine (compiled to a table) deciding every truck's every step; then the same M/M/c in
 * SIM.JS, side by side, with the ratio. A benchmark, not a test.
 */
import { readFileSync } from "node:fs";
import { parseScenario, runReplication, type Scenario } from "../src/sim/index.ts";
import { simjsMmc } from "./simjs.ts";

function load(path: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.scenario;
}

function bench(label: string, scenario: Scenario): number {
  const started = performance.now();
  const r = runReplication(scenario, scenario.seed);
  const seconds = (performance.now() - started) / 1000;
  // maxRSS is the process's peak so far (KiB), so the second run reports the larger of both.
  const peak = process.resourceUsage().maxRSS * 1024;
  const trucks = r.trucksCompleted;
  console.log(
    `${label}: ${trucks.toLocaleString("en")} trucks, ${r.eventsProcessed.toLocaleString("en")} events, ` +
      `${r.machineSteps.toLocaleString("en")} machine steps in ${seconds.toFixed(2)} s: ` +
      `${Math.round(trucks / seconds).toLocaleString("en")} trucks/s, ${Math.round(r.eventsProcessed / seconds).toLocaleString("en")} events/s, ` +
      `${Math.round(r.machineSteps / seconds).toLocaleString("en")} steps/s; peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`,
  );
  return trucks / seconds;
}

const mmc = load("../seed/scenarios/mmc.json");
if (mmc.arrivals.kind !== "poisson" || mmc.serviceMinutes.documentCheck.dist !== "exponential")
  throw new Error("mmc.json is no longer M/M/c");
const perHour = mmc.arrivals.perHour;
const hours = Math.ceil(1_000_000 / perHour);
const shekara = bench("M/M/c, 1,000,000 trucks", { ...mmc, warmupHours: 0, hours });

const started = performance.now();
const served = simjsMmc({
  perHour,
  meanService: mmc.serviceMinutes.documentCheck.mean,
  servers: mmc.resources.documentLanes,
  minutes: hours * 60,
  seed: mmc.seed,
});
const seconds = (performance.now() - started) / 1000;
const simjs = served / seconds;
console.log(
  `SIM.JS 2.0.3, the same M/M/c: ${served.toLocaleString("en")} trucks in ${seconds.toFixed(2)} s: ` +
    `${Math.round(simjs).toLocaleString("en")} trucks/s`,
);
console.log(
  `Shekara / SIM.JS: ${(shekara / simjs).toFixed(2)}x; goal (>= 1,000,000 trucks/s and ahead of SIM.JS): ` +
    `${shekara >= 1_000_000 && shekara > simjs ? "met" : "not met"}`,
);
bench("Nur Zholy baseline, one year", { ...load("../seed/scenarios/nur-zholy-baseline.json"), hours: 8760 });
