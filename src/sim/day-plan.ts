/**
 * What a scenario's schedule sets on each day of the run: the neighbour's acceptance, the e-queue's
 * daily limit and the arrival level. A field an entry leaves out keeps its earlier value; Infinity
 * means no limit. Pure.
 */
import type { Scenario } from "./scenario.ts";

export interface Day {
  neighbourAcceptsPerDay: number;
  dailyLimit: number;
  arrivalFactor: number;
}

/** One entry per day of the run (and one more, for events at the very end). */
export function dayPlan(s: Scenario): Day[] {
  const days = Math.ceil(s.hours / 24) + 1;
  const out: Day[] = [];
  let current: Day = {
    neighbourAcceptsPerDay: s.neighbourAcceptsPerDay ?? Number.POSITIVE_INFINITY,
    dailyLimit: s.dailyLimit ?? Number.POSITIVE_INFINITY,
    arrivalFactor: 1,
  };
  const rows = s.schedule ?? [];
  let next = 0;
  for (let d = 0; d < days; d++) {
    while (next < rows.length && (rows[next]?.fromDay ?? Number.POSITIVE_INFINITY) <= d) {
      const r = rows[next++];
      current = {
        neighbourAcceptsPerDay: r?.neighbourAcceptsPerDay ?? current.neighbourAcceptsPerDay,
        dailyLimit: r?.dailyLimit ?? current.dailyLimit,
        arrivalFactor: r?.arrivalFactor ?? current.arrivalFactor,
      };
    }
    out.push(current);
  }
  return out;
}

/** The day of the run a minute falls in, within the plan. */
export const dayOf = (plan: readonly Day[], minute: number): Day =>
  plan[Math.min(plan.length - 1, Math.max(0, Math.floor(minute / 1440)))] as Day;
