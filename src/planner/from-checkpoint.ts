/**
 * A seeded checkpoint's configuration as a scenario: its lanes, scanners and bays, its slots as
 * booked arrivals, the neighbour's daily limit and its queue cycle. What a configuration does not
 * say (service times, channel shares, holds) comes from the Nur Zholy baseline's estimates
 * (seed/scenarios/nur-zholy-baseline.json). Pure; the editor starts from it and a replay of
 * recorded traffic replaces its arrivals.
 */
import baselineFile from "../../seed/scenarios/nur-zholy-baseline.json" with { type: "json" };
import type { CheckpointConfig } from "../domain/checkpoint.ts";
import { parseScenario, type Scenario } from "../sim/index.ts";

// the baseline's estimates, read through the simulator's own schema once, when this module loads
const parsedBaseline = parseScenario(baselineFile);
if (!parsedBaseline.ok) throw new Error(`seed/scenarios/nur-zholy-baseline.json: ${parsedBaseline.message}`);
const baseline = parsedBaseline.scenario;

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
    channels: baseline.channels,
    priorityShare: baseline.priorityShare,
    resources: { documentLanes: c.documentLanes, scanners: c.scanners, inspectionBays: c.inspectionBays },
    serviceMinutes: baseline.serviceMinutes,
    hold: baseline.hold,
    missedCallRate: baseline.missedCallRate,
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
