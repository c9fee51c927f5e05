/**
 * Rolling-origin backtests: the methods refitted at weekly origins going back from the end of the
 * series, each forecasting 14 days from what it could have known then; scored at horizons 1, 7 and
 * 14 by MASE (errors over the training window's seasonal naive error), MAPE (days with demand
 * only) and the share of actual days inside the 80% interval.
 */
import type { Calendar } from "./calendar.ts";
import { addDays, type IsoDate } from "./dates.ts";
import { MSTL_MIN_DAYS, type MstlEngine, mstlEts } from "./mstl-ets.ts";
import { fitRegression } from "./regression.ts";
import { naiveScale, seasonalNaive } from "./seasonal-naive.ts";
import type { DemandDay } from "./series.ts";
import type { DayForecast } from "./types.ts";

export const METHODS = ["seasonalNaive", "mstlEts", "negativeBinomial"] as const;
export type MethodName = (typeof METHODS)[number];
export const BACKTEST_HORIZONS = [1, 7, 14] as const;
export const MAX_HORIZON = 14;
/** The fewest days a method is fitted on at the earliest origin. */
export const MIN_TRAINING_DAYS = 56;

export interface Score {
  mase: number;
  mape: number;
  coverage80: number;
  /** forecasts scored */
  n: number;
}

export interface MethodScore extends Score {
  name: MethodName;
  byHorizon: Record<(typeof BACKTEST_HORIZONS)[number], Score>;
}

export interface Backtest {
  origins: number;
  methods: MethodScore[];
}

/** Every method's forecast of `dates` from `train`; mstlEts only with an engine and enough days. */
export function forecastAll(
  train: readonly DemandDay[],
  dates: readonly IsoDate[],
  cal: Calendar,
  engine: MstlEngine | null,
  start: Float64Array | null = null,
): { forecasts: Partial<Record<MethodName, DayForecast[]>>; fit: ReturnType<typeof fitRegression> } {
  const fit = fitRegression(train, cal, start);
  const u = fit.unconstrained;
  const forecasts: Partial<Record<MethodName, DayForecast[]>> = {
    seasonalNaive: seasonalNaive(u, dates, cal),
    negativeBinomial: fit.predict(dates),
  };
  if (engine && u.length >= MSTL_MIN_DAYS) forecasts.mstlEts = mstlEts(engine, u, dates, cal);
  return { forecasts, fit };
}

interface Acc {
  absScaled: number;
  ape: number;
  apeN: number;
  covered: number;
  n: number;
}
const empty = (): Acc => ({ absScaled: 0, ape: 0, apeN: 0, covered: 0, n: 0 });
const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;
const score = (a: Acc): Score => ({
  mase: a.n ? round(a.absScaled / a.n) : Number.NaN,
  mape: a.apeN ? round((100 * a.ape) / a.apeN, 2) : Number.NaN,
  coverage80: a.n ? round(a.covered / a.n) : Number.NaN,
  n: a.n,
});

export function backtest(
  series: readonly DemandDay[],
  cal: Calendar,
  engine: MstlEngine | null,
  wantedOrigins = 26,
): Backtest {
  const last = series.length - MAX_HORIZON;
  const origins: number[] = [];
  for (let o = last; o >= MIN_TRAINING_DAYS && origins.length < wantedOrigins; o -= 7) origins.push(o);
  const acc = new Map<MethodName, { all: Acc; h: Map<number, Acc> }>();
  // each origin's regression starts from the previous origin's coefficients, a week apart
  let start: Float64Array | null = null;
  for (const origin of origins) {
    const train = series.slice(0, origin);
    const lastDate = (train.at(-1) as DemandDay).date;
    const dates = Array.from({ length: MAX_HORIZON }, (_, i) => addDays(lastDate, i + 1));
    const { forecasts, fit } = forecastAll(train, dates, cal, engine, start);
    start = fit.coefficients;
    const scale = naiveScale(fit.unconstrained);
    for (const [name, f] of Object.entries(forecasts) as [MethodName, DayForecast[]][]) {
      const a = acc.get(name) ?? { all: empty(), h: new Map(BACKTEST_HORIZONS.map((h) => [h, empty()])) };
      acc.set(name, a);
      for (const h of BACKTEST_HORIZONS) {
        const actual = series[origin + h - 1] as DemandDay;
        // a censored day's count is a floor of the demand, not the demand: it cannot score a forecast
        if (actual.censored) continue;
        const p = f[h - 1] as DayForecast;
        for (const t of [a.all, a.h.get(h) as Acc]) {
          t.absScaled += Math.abs(actual.count - p.mean) / scale;
          if (actual.count > 0) {
            t.ape += Math.abs(actual.count - p.mean) / actual.count;
            t.apeN++;
          }
          if (actual.count >= p.lo80 && actual.count <= p.hi80) t.covered++;
          t.n++;
        }
      }
    }
  }
  const methods: MethodScore[] = METHODS.filter((m) => acc.has(m)).map((name) => {
    const a = acc.get(name) as { all: Acc; h: Map<number, Acc> };
    return {
      name,
      ...score(a.all),
      byHorizon: Object.fromEntries(
        BACKTEST_HORIZONS.map((h) => [h, score(a.h.get(h) as Acc)]),
      ) as MethodScore["byHorizon"],
    };
  });
  return { origins: origins.length, methods };
}

/** The best MASE; the seasonal naive when no method beats it (or there was nothing to score). */
export function chooseMethod(methods: readonly MethodScore[]): {
  chosen: MethodName;
  naiveFallback: boolean;
} {
  const naive = methods.find((m) => m.name === "seasonalNaive");
  const best = methods
    .filter((m) => m.name !== "seasonalNaive" && Number.isFinite(m.mase))
    .sort((a, b) => a.mase - b.mase)[0];
  if (!best || !naive || !Number.isFinite(naive.mase) || best.mase >= naive.mase)
    return { chosen: "seasonalNaive", naiveFallback: true };
  return { chosen: best.name, naiveFallback: false };
}
