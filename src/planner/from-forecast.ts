/**
 * "Make a scenario from this forecast": the checkpoint as configured (scenarioFromCheckpoint), with
 * the forecast's demand as its arrivals: a profile flat over the opening hours at the busiest day's
 * level, and each day's level from the forecast's daily mean through the schedule's
 * `arrivalFactor`; the e-queue's daily limit as configured; the neighbour takes nothing on a day
 * the calendar closes. Pure; the editor shows the result and parseScenario judges it.
 */
import type { CheckpointConfig } from "../domain/checkpoint.ts";
import type { Calendar } from "../forecast/calendar.ts";
import type { DayForecast } from "../forecast/types.ts";
import type { Scenario } from "../sim/index.ts";
import { scenarioFromCheckpoint } from "./from-checkpoint.ts";

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export function scenarioFromForecast(
  cp: { name: string; config: CheckpointConfig },
  direction: string,
  forecast: readonly DayForecast[],
  cal: Calendar,
  method: string,
): Scenario {
  const base = scenarioFromCheckpoint(cp);
  const c = cp.config;
  const open = (h: number) => h >= c.openFromHour && h < c.openToHour;
  const openHours = Array.from({ length: 24 }, (_, h) => h).filter(open).length || 24;
  // the busiest day's trucks an hour; the other days are fractions of it
  const level = Math.max(1, ...forecast.map((d) => d.mean));
  const neighbour = base.neighbourAcceptsPerDay ?? c.dailyLimit;
  const first = forecast[0]?.date ?? "";
  const last = forecast.at(-1)?.date ?? "";
  return {
    ...base,
    name: `${cp.name}, ${direction}: forecast ${first} to ${last}`.slice(0, 120),
    description: `The ${direction} demand forecast (${method}) for ${first} to ${last}, one day of the run per forecast day: every truck that wants to cross asks the e-queue, whose daily limit is the checkpoint's setting; the neighbour takes nothing on announced closures. The rest is the checkpoint as configured.`,
    sources: {
      arrivals: `forecast: the daily means of the ${method} forecast, spread flat over the opening hours (${c.openFromHour}-${c.openToHour} h); the schedule's arrivalFactor is each day's mean over the busiest day's`,
      dailyLimit: "the checkpoint's daily limit as configured",
      schedule: "closures from the holiday and closure calendar: the neighbour accepts nothing that day",
    },
    hours: Math.max(1, forecast.length) * 24,
    // the forecast's first day is the run's first: nothing to discard
    warmupHours: 0,
    dailyLimit: c.dailyLimit,
    arrivals: {
      kind: "profile",
      perHour: Array.from({ length: 24 }, (_, h) => (open(h) ? round(level / openHours, 3) : 0)),
    },
    schedule: forecast.map((d, i) => ({
      fromDay: i,
      arrivalFactor: round(Math.max(0, d.mean) / level, 4),
      neighbourAcceptsPerDay: cal(d.date).closure ? 0 : neighbour,
    })),
  };
}
