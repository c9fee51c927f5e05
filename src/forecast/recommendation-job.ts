/**
 * One recommendation's whole computation (or a forecast's alone), from plain data to plain data, so it can run on a
 * worker thread (structured cloning carries both ways): the backtested forecast of the demand,
 * then the recommendation checked in the simulator. Pure: the MSTL engine comes in.
 */
import type { CheckpointConfig } from "../domain/checkpoint.ts";
import type { Scenario } from "../sim/scenario.ts";
import { type CalendarDay, calendarOf } from "./calendar.ts";
import { type DemandForecast, forecastDemand } from "./forecast.ts";
import type { MstlEngine } from "./mstl-ets.ts";
import { type Recommendation, recommend } from "./recommend.ts";
import type { DemandDay } from "./series.ts";

export interface RecommendationJob {
  /** recorded demand, one row a day up to yesterday */
  series: DemandDay[];
  /** what the neighbour took, the last 14 days */
  accepted: DemandDay[];
  /** the holidays and closures in force */
  calendar: CalendarDay[];
  config: CheckpointConfig;
  scenario: Scenario;
  backlog: number;
  drainDays: number;
  targetWaitMinutes: number;
  horizon: number;
  seed?: number;
}

/** A forecast alone (the planners' page): the backtest and the chosen method's days ahead. */
export interface ForecastJob {
  series: DemandDay[];
  calendar: CalendarDay[];
  horizon: number;
}

export function runForecastJob(job: ForecastJob, engine: MstlEngine | null): DemandForecast {
  return forecastDemand(job.series, calendarOf(job.calendar), {
    horizon: job.horizon,
    backtest: true,
    engine,
  });
}

export interface RecommendationResult {
  forecast: DemandForecast;
  recommendation: Recommendation;
}

export function runRecommendationJob(
  job: RecommendationJob,
  engine: MstlEngine | null,
): RecommendationResult {
  const cal = calendarOf(job.calendar);
  const forecast = forecastDemand(job.series, cal, { horizon: job.horizon, backtest: true, engine });
  const recommendation = recommend({
    forecast: forecast.forecast,
    accepted: job.accepted,
    calendar: cal,
    config: job.config,
    scenario: job.scenario,
    backlog: job.backlog,
    drainDays: job.drainDays,
    targetWaitMinutes: job.targetWaitMinutes,
    ...(job.seed === undefined ? {} : { seed: job.seed }),
  });
  return { forecast, recommendation };
}
