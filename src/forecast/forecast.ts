/**
 * A checkpoint's demand forecast: the methods backtested, the best chosen, and its forecast from
 * the whole series, with the regression's factors to explain the days. Pure: the series, the
 * calendar and the MSTL engine come in.
 */
import {
  type Backtest,
  backtest,
  chooseMethod,
  forecastAll,
  MAX_HORIZON,
  type MethodName,
} from "./backtest.ts";
import type { Calendar } from "./calendar.ts";
import { addDays } from "./dates.ts";
import type { MstlEngine } from "./mstl-ets.ts";
import type { Factors } from "./regression.ts";
import type { DemandDay } from "./series.ts";
import type { DayForecast } from "./types.ts";

export interface DemandForecast {
  methods: Backtest["methods"];
  origins: number;
  chosen: MethodName;
  /** no method beat the seasonal naive in the backtest, so the seasonal naive is used */
  naiveFallback: boolean;
  forecast: DayForecast[];
  factors: Factors;
}

export interface ForecastOptions {
  horizon: number;
  /** run the rolling-origin backtest (otherwise the regression is used and no scores are given) */
  backtest: boolean;
  engine: MstlEngine | null;
  origins?: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export function forecastDemand(
  series: readonly DemandDay[],
  cal: Calendar,
  opts: ForecastOptions,
): DemandForecast {
  const horizon = Math.min(MAX_HORIZON, Math.max(1, Math.floor(opts.horizon)));
  const bt: Backtest = opts.backtest
    ? backtest(series, cal, opts.engine, opts.origins)
    : { origins: 0, methods: [] };
  const choice = opts.backtest
    ? chooseMethod(bt.methods)
    : { chosen: "negativeBinomial" as MethodName, naiveFallback: false };
  const lastDate = (series.at(-1) as DemandDay).date;
  const dates = Array.from({ length: horizon }, (_, i) => addDays(lastDate, i + 1));
  const { forecasts, fit } = forecastAll(series, dates, cal, opts.engine);
  const chosen = forecasts[choice.chosen] ? choice.chosen : "negativeBinomial";
  const forecast = (forecasts[chosen] as DayForecast[]).map((d) => ({
    date: d.date,
    mean: round1(d.mean),
    lo80: round1(d.lo80),
    hi80: round1(d.hi80),
  }));
  return {
    methods: bt.methods,
    origins: bt.origins,
    chosen,
    naiveFallback: choice.naiveFallback,
    forecast,
    factors: fit.factors,
  };
}
