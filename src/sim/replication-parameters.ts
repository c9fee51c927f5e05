/**
 * What a replication reads from its scenario once, before its first event: clock limits, the day
 * plan, the queue discipline, the samplers of the service and hold times, the rates of refusals,
 * escalations and missed calls, and how a truck's priority class is drawn. Pure: the streams come
 * in with the replication's seed (model.ts), and making a sampler draws nothing.
 */
import type { PriorityClass } from "../../machines/types.ts";
import { PRIORITY_CLASSES } from "../../machines/types.ts";
import { ECHERHA_CYCLE } from "../domain/checkpoint.ts";
import { dayPlan } from "./day-plan.ts";
import { type Sampler, sampler } from "./distributions.ts";
import type { Scenario } from "./scenario.ts";
import type { Purpose, Uniform } from "./streams.ts";

/** eCherha's cycle (../shared/domain.md): priority trucks go ahead without starving the rest. */
export const DEFAULT_CYCLE: readonly PriorityClass[] = ECHERHA_CYCLE;

/** `more(i)`: the streams added after the first ten, each with its own salt. */
export function replicationParameters(
  scenario: Scenario,
  rand: Record<Purpose, Uniform>,
  more: (i: number) => Uniform,
) {
  const laterHoldMinutes = more(3);
  const holdAt = (h: Scenario["hold"], u: Uniform) =>
    h ? { probability: h.probability, minutes: sampler(h.minutes, u) } : null;
  const auto = scenario.greenAutoRelease?.enabled ? scenario.greenAutoRelease : null;
  const plan = dayPlan(scenario);
  return {
    end: scenario.hours * 60,
    warm: scenario.warmupHours * 60,
    plan,
    strict: scenario.strictPriority === true,
    cycle: scenario.queueCycle ?? DEFAULT_CYCLE,
    docTime: sampler(scenario.serviceMinutes.documentCheck, rand.documentCheck),
    scanTime: sampler(scenario.serviceMinutes.scan, rand.scan),
    bayTime: sampler(scenario.serviceMinutes.physicalInspection, rand.physicalInspection),
    holdDoc: holdAt(scenario.hold, rand.holdMinutes),
    holdScan: holdAt(scenario.holdAtScan, laterHoldMinutes),
    holdBay: holdAt(scenario.holdAtInspection, laterHoldMinutes),
    escalate: scenario.scanEscalation ?? 0,
    refuseAtDoc: scenario.refusals?.documentCheck ?? 0,
    failInspection: scenario.refusals?.physicalInspection ?? 0,
    auto,
    autoTime: (auto ? sampler(auto.minutes, rand.unmannedMinutes) : null) as Sampler | null,
    missRate: scenario.missedCallRate ?? 0,
    callDeadline: scenario.callDeadlineMinutes ?? 15,
    driverlessShare: scenario.agvLane?.driverlessShare ?? 0,
    green: scenario.channels.green,
    yellow: scenario.channels.yellow,
    drawClass: classDrawer(scenario),
    // without a neighbour's limit on any day, trucks go straight through the gate (no queue, no events)
    gateLimited: plan.some((d) => d.neighbourAcceptsPerDay !== Number.POSITIVE_INFINITY),
    eQueueLimited: plan.some((d) => d.dailyLimit !== Number.POSITIVE_INFINITY),
  };
}

/** A truck's priority class from a uniform draw, by the scenario's shares. */
function classDrawer(scenario: Scenario): (u: number) => PriorityClass {
  // classes in the order they are drawn: transit first, so a scenario without priorityShares draws as before
  const classShares: [PriorityClass, number][] = [["transit", scenario.priorityShare]];
  for (const c of PRIORITY_CLASSES)
    if (c !== "ordinary" && c !== "transit") classShares.push([c, scenario.priorityShares?.[c] ?? 0]);
  if (scenario.priorityShares?.transit !== undefined)
    classShares[0] = ["transit", scenario.priorityShares.transit];
  const classTotal = classShares.reduce((a, [, x]) => a + x, 0);
  return (u) => {
    if (u >= classTotal) return "ordinary";
    let sum = 0;
    for (let i = 0; i < classShares.length; i++) {
      sum += classShares[i]?.[1] as number;
      if (u < sum) return classShares[i]?.[0] as PriorityClass;
    }
    return "ordinary";
  };
}
