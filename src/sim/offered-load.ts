/**
 * What a scenario asks of each stage before it runs: the trucks a day it offers to the e-queue's
 * limit and to the neighbour, and the busy servers it needs of lanes, scanners and bays, against
 * what each has. A load of 1 or more has no steady state: that queue grows for as long as it lasts.
 * Pure; a trace's arrivals are counted by the caller.
 */
import { type Day, dayPlan } from "./day-plan.ts";
import { meanOf } from "./distributions.ts";
import { resourcesAt } from "./resources.ts";
import { RESOURCES, type Resource } from "./run-result.ts";
import type { Scenario } from "./scenario.ts";

/** agvLane: the Smart Customs lane's gates, only in a scenario that has them (issue 22) */
export type LoadStage = "dailyLimit" | "neighbour" | Resource | "agvLane";

export interface StageLoad {
  stage: LoadStage;
  /** the run's days this holds for, [first, last] */
  days: [number, number];
  /** trucks a day offered (limit, neighbour) or servers kept busy (lanes, scanners, bays) */
  offered: number;
  capacity: number;
  /** offered / capacity; Infinity when the stage has no capacity */
  load: number;
}

/** Trucks a day the arrival process brings at level 1; null for a trace the caller has not read. */
export function arrivalsPerDay(s: Scenario, traceRows?: number): number | null {
  const a = s.arrivals;
  switch (a.kind) {
    case "poisson":
      return a.perHour * 24;
    case "profile": {
      const f = a.weekdayFactors ?? [1];
      return a.perHour.reduce((x, y) => x + y, 0) * (f.reduce((x, y) => x + y, 0) / f.length);
    }
    case "booked":
      return a.capacityPerSlot * a.fill * (1 - a.noShowRate) * (1440 / a.slotMinutes);
    case "trace":
      return traceRows === undefined ? null : traceRows / (s.hours / 24);
  }
}

const same = (a: Day, b: Day) =>
  a.arrivalFactor === b.arrivalFactor &&
  a.dailyLimit === b.dailyLimit &&
  a.neighbourAcceptsPerDay === b.neighbourAcceptsPerDay;

/** Each stage's load, per stretch of days with the same schedule. */
export function offeredLoads(s: Scenario, traceRows?: number): StageLoad[] {
  const perDay = arrivalsPerDay(s, traceRows);
  if (perDay === null) return [];
  const days = dayPlan(s).slice(0, Math.max(1, Math.ceil(s.hours / 24)));
  const hours = Array.from({ length: 24 }, (_, h) => resourcesAt(s, h));
  const open = (r: Resource) => hours.reduce((a, x) => a + x[r], 0) / 24;
  const auto = s.greenAutoRelease?.enabled ? s.greenAutoRelease.share : 0;
  const lane = meanOf(s.serviceMinutes.documentCheck) + (s.missedCallRate ?? 0) * 15;
  const refusedAtDoc = s.refusals?.documentCheck ?? 0;
  const { green, yellow, red } = s.channels;
  // a driverless truck goes to the AGV lane's gate instead of the camera's lane; a green one leaves there
  const driverless = s.agvLane?.driverlessShare ?? 0;
  const minutesPerTruck: Record<Resource, number> = {
    documentLanes: (1 - green * (driverless + (1 - driverless) * auto)) * lane,
    scanners: (1 - refusedAtDoc) * yellow * meanOf(s.serviceMinutes.scan),
    inspectionBays:
      (1 - refusedAtDoc) *
      (red + yellow * (s.scanEscalation ?? 0)) *
      meanOf(s.serviceMinutes.physicalInspection),
  };
  const out: StageLoad[] = [];
  for (let first = 0; first < days.length; ) {
    const d = days[first] as Day;
    let last = first;
    while (last + 1 < days.length && same(days[last + 1] as Day, d)) last++;
    const asked = perDay * d.arrivalFactor;
    const atBorder = Math.min(asked, d.dailyLimit);
    const inside = Math.min(atBorder, d.neighbourAcceptsPerDay);
    const push = (stage: LoadStage, offered: number, capacity: number) =>
      out.push({
        stage,
        days: [first, last],
        offered,
        capacity,
        load: capacity > 0 ? offered / capacity : offered > 0 ? Number.POSITIVE_INFINITY : 0,
      });
    if (d.dailyLimit !== Number.POSITIVE_INFINITY) push("dailyLimit", asked, d.dailyLimit);
    if (d.neighbourAcceptsPerDay !== Number.POSITIVE_INFINITY)
      push("neighbour", atBorder, d.neighbourAcceptsPerDay);
    for (const r of RESOURCES) push(r, (inside * minutesPerTruck[r]) / 1440, open(r));
    if (s.agvLane) push("agvLane", (inside * driverless * meanOf(s.agvLane.minutes)) / 1440, s.agvLane.gates);
    first = last + 1;
  }
  return out;
}

const STAGE_WORDS: Record<LoadStage, string> = {
  dailyLimit: "the e-queue's daily limit",
  neighbour: "the neighbour's side",
  documentLanes: "the document lanes",
  scanners: "the scanners",
  inspectionBays: "the inspection bays",
  agvLane: "the Smart Customs lane's gates",
};

const n = (x: number) => Math.round(x).toLocaleString("en");
/** "725", or "700-750" for a stretch of days that differ */
const range = (xs: number[]) => {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return Math.round(lo) === Math.round(hi) ? n(lo) : `${n(lo)}-${n(hi)}`;
};
const fixed = (xs: number[]) => {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo.toFixed(1) === hi.toFixed(1) ? lo.toFixed(1) : `${lo.toFixed(1)}-${hi.toFixed(1)}`;
};

/** A sentence for each stage loaded to 1 or more, one per stretch of days in a row: the run will have no steady state there. */
export function overloadWarnings(loads: readonly StageLoad[], s: Scenario): string[] {
  const all = Math.max(1, Math.ceil(s.hours / 24));
  const stretches: StageLoad[][] = [];
  for (const l of loads.filter((x) => x.load >= 1)) {
    const open = stretches.find(
      (g) => g[0]?.stage === l.stage && (g.at(-1)?.days[1] ?? -2) + 1 === l.days[0],
    );
    if (open) open.push(l);
    else stretches.push([l]);
  }
  return stretches.map((g) => {
    const first = g[0] as StageLoad;
    const days: [number, number] = [first.days[0], (g.at(-1) as StageLoad).days[1]];
    const at =
      days[0] === 0 && days[1] === all - 1
        ? ""
        : days[0] === days[1]
          ? `day ${days[0]}: `
          : `days ${days[0]}-${days[1]}: `;
    const offered = g.map((l) => l.offered);
    const capacity = g.map((l) => l.capacity);
    const growth = g.map((l) => l.offered - l.capacity);
    if (first.stage === "dailyLimit")
      return `${at}${range(offered)} trucks a day ask to cross and ${STAGE_WORDS[first.stage]} lets ${range(capacity)} come: the virtual queue grows by about ${range(growth)} a day`;
    if (first.stage === "neighbour")
      return `${at}${range(offered)} trucks a day come to the border and ${STAGE_WORDS[first.stage]} takes ${range(capacity)}: the queue before the gate grows by about ${range(growth)} a day`;
    const load = g.some((l) => l.load === Number.POSITIVE_INFINITY)
      ? "without end"
      : fixed(g.map((l) => l.load));
    return `${at}${STAGE_WORDS[first.stage]} are offered ${fixed(offered)} busy at a time against ${fixed(capacity)} open (load ${load}): their queue grows without end`;
  });
}
