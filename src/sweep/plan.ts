/**
 * A sweep planned from its flags or its form: the combinations and what the report will be keyed
 * by, all checked before a single replication is run or queued. Pure.
 */
import type { Scenario } from "../sim/index.ts";
import { type Combination, expandSweep } from "./expand.ts";
import { scenarioHash } from "./hash.ts";
import type { SweepInput } from "./report.ts";
import { type Parsed, parseVaries } from "./vary.ts";

export interface SweepPlan {
  input: SweepInput;
  combinations: (Combination & { scenarioHash: string })[];
}

export function planSweep(
  base: Scenario,
  varyTexts: readonly string[],
  replications: number,
  targetWaitMinutes?: number,
): Parsed<SweepPlan> {
  const varies = parseVaries(varyTexts);
  if (!varies.ok) return varies;
  const expanded = expandSweep(base, varies.value);
  if (!expanded.ok) return expanded;
  const combinations = expanded.value.map((c) => ({ ...c, scenarioHash: scenarioHash(c.scenario) }));
  return {
    ok: true,
    value: {
      input: {
        scenario: base.name,
        seed: base.seed,
        replications,
        vary: varies.value,
        combinations: combinations.map((c) => ({ values: c.values, scenarioHash: c.scenarioHash })),
        ...(targetWaitMinutes !== undefined && { targetWaitMinutes }),
      },
      combinations,
    },
  };
}
