/**
 * `npm run bench:sim`: trucks/s, events/s, wall time and peak memory for 1,000,000 trucks
 * through the M/M/c scenario and one simulated year of the Nur Zholy baseline, with the
 * machine (compiled to a table) deciding every truck's every step. A benchmark, not a test.
 */
import { readFileSync } from "node:fs";
import { parseScenario, runReplication, type Scenario } from "../src/sim/index.ts";

function load(path: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.scenario;
}

function bench(label: string, scenario: Scenario): void {
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
}

const mmc = load("../seed/scenarios/mmc.json");
const perHour = mmc.arrivals.kind === "poisson" ? mmc.arrivals.perHour : 1;
bench("M/M/c, 1,000,000 trucks", { ...mmc, warmupHours: 0, hours: Math.ceil(1_000_000 / perHour) });
bench("Nur Zholy baseline, one year", { ...load("../seed/scenarios/nur-zholy-baseline.json"), hours: 8760 });
