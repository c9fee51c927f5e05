/**
 * A seeded checkpoint's configuration as a scenario: its lanes, scanners and bays, its slots as
 * booked arrivals, the neighbour's daily limit and its queue cycle. What a configuration does not
 * say (service times, channel shares, holds) comes from the Nur Zholy baseline's estimates
 * (seed/scenarios/nur-zholy-baseline.json). Pure; the editor starts from it and a replay of
 * recorded traffic replaces its arrivals.
 */
import type { CheckpointConfig } from "../domain/checkpoint.ts";
import type { Scenario } from "../sim/index.ts";

export function scenarioFromCheckpoint(cp: { name: string; config: CheckpointConfig }): Scenario {
  const c = cp.config;
  return {
    name: `${cp.name}: as configured`,
    seed: 1,
    hours: 168,
    warmupHours: 24,
    neighbourAcceptsPerDay: c.dailyLimit,
    queueCycle: [...c.queueCycle],
    arrivals: {
      kind: "booked",
      slotMinutes: c.slotMinutes,
      capacityPerSlot: c.slotCapacity,
      // estimates: most places are taken, a few booked trucks never come, the rest come near time
      fill: 0.9,
      noShowRate: 0.05,
      jitterMinutes: 15,
    },
    channels: { green: 0.7, yellow: 0.2, red: 0.1 },
    priorityShare: 0.03,
    resources: { documentLanes: c.documentLanes, scanners: c.scanners, inspectionBays: c.inspectionBays },
    serviceMinutes: {
      documentCheck: { dist: "lognormal", mean: 8, sd: 4 },
      scan: { dist: "triangular", min: 4, mode: 6, max: 12 },
      physicalInspection: { dist: "gamma", shape: 2, mean: 45 },
    },
    hold: { probability: 0.03, minutes: { dist: "exponential", mean: 90 } },
    missedCallRate: 0.02,
  };
}

/**
 * The checkpoint's configuration replaying recorded arrivals, with its resources as the planner
 * changed them. Runs long enough for the last recorded truck and a day for the queue to clear.
 */
export function replayScenario(
  cp: { name: string; config: CheckpointConfig },
  replay: { file: string; lastArrivalMinute: number; resources?: Scenario["resources"] },
): Scenario {
  const base = scenarioFromCheckpoint(cp);
  return {
    ...base,
    name: `${cp.name}: replay of ${replay.file}`,
    hours: Math.ceil(replay.lastArrivalMinute / 60) + 24,
    // every recorded truck counts: there is no start-up period to discard
    warmupHours: 0,
    arrivals: { kind: "trace", file: replay.file },
    resources: replay.resources ?? base.resources,
  };
}
