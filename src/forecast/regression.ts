/**
 * Negative-binomial regression with calendar effects (a GLM with a log link): the day's expected
 * demand is a base level times a factor for its weekday, for a Kazakh and a Chinese public holiday,
 * a trend and an annual wave, so each factor reads as a multiplier ("Mondays x1.10"). Fitted by
 * iteratively reweighted least squares with the dispersion by the method of moments; days on which
 * the limit bound are unconstrained by EM (each replaced by its expected demand above the count);
 * announced closures are left out of the fit and forecast as zero.
 */
import type { Calendar } from "./calendar.ts";
import { dayNumber, type IsoDate, isoOf, WEEKDAYS, weekdayOf, yearPhase } from "./dates.ts";
import { nbMeanAbove, nbQuantile, POISSON_THETA } from "./distributions.ts";
import { solveSpd } from "./linear.ts";
import type { DemandDay } from "./series.ts";
import type { DayForecast } from "./types.ts";

/** Two years is enough for an annual wave; older days mostly describe a checkpoint that changed. */
const WINDOW_DAYS = 730;
/** A light ridge: keeps a holiday never seen in the window at x1.00 instead of failing to solve. */
const RIDGE = 1;

export interface Factors {
  weekday: Record<(typeof WEEKDAYS)[number], number>;
  holidayKz: number;
  holidayCn: number;
  closure: number;
  /** the multiplier a year of trend brings */
  trendPerYear: number;
  /** the annual wave's peak over the average, or null when under a year and a half of data */
  annualPeak: number | null;
  /** the negative binomial's theta: variance = mean + mean^2 / theta */
  dispersionTheta: number;
}

export interface RegressionFit {
  predict(dates: readonly IsoDate[]): DayForecast[];
  factors: Factors;
  /** the series with censored days replaced by their expected demand (for the other methods) */
  unconstrained: number[];
  /** the fitted coefficients: a warm start for the next fit on nearly the same days */
  coefficients: Float64Array;
}

interface Design {
  annual: boolean;
  lastDay: number;
}

// The calendar part of a day's row, kept per calendar: a backtest refits on the same days 27 times.
const staticRows = new WeakMap<Calendar, Map<number, number[]>>();

function staticRow(day: number, cal: Calendar): number[] {
  let cache = staticRows.get(cal);
  if (!cache) {
    cache = new Map();
    staticRows.set(cal, cache);
  }
  let x = cache.get(day);
  if (!x) {
    const wd = weekdayOf(day);
    const flags = cal(isoOf(day));
    const phase = 2 * Math.PI * yearPhase(day);
    x = [
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      flags.holidayKz ? 1 : 0,
      flags.holidayCn ? 1 : 0,
      Math.sin(phase),
      Math.cos(phase),
    ];
    if (wd > 0) x[wd] = 1;
    cache.set(day, x);
  }
  return x;
}

function row(day: number, cal: Calendar, design: Design): number[] {
  const s = staticRow(day, cal);
  const x = s.slice(0, 9);
  x.push((day - design.lastDay) / 365.25);
  if (design.annual) x.push(s[9] as number, s[10] as number);
  return x;
}

function irls(rows: number[][], y: number[], theta: number, start: Float64Array | null): Float64Array {
  const p = rows[0]?.length ?? 1;
  const n = rows.length;
  const mean = y.reduce((a, b) => a + b, 0) / Math.max(1, n);
  let beta = start ?? new Float64Array(p);
  if (!start) beta[0] = Math.log(Math.max(mean, 0.5));
  for (let iter = 0; iter < 25; iter++) {
    const a = new Float64Array(p * p);
    const b = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const x = rows[i] as number[];
      let eta = 0;
      for (let j = 0; j < p; j++) eta += (x[j] as number) * (beta[j] as number);
      const mu = Math.exp(eta);
      const w = mu / (1 + mu / theta);
      const z = eta + ((y[i] as number) - mu) / Math.max(mu, 1e-9);
      for (let j = 0; j < p; j++) {
        const wx = w * (x[j] as number);
        b[j] = (b[j] as number) + wx * z;
        for (let k = 0; k <= j; k++) a[j * p + k] = (a[j * p + k] as number) + wx * (x[k] as number);
      }
    }
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < j; k++) a[k * p + j] = a[j * p + k] as number;
      if (j > 0) a[j * p + j] = (a[j * p + j] as number) + RIDGE;
    }
    const next = solveSpd(a, b, p);
    let change = 0;
    for (let j = 0; j < p; j++)
      change = Math.max(change, Math.abs((next[j] as number) - (beta[j] as number)));
    beta = next;
    if (change < 1e-8) break;
  }
  return beta;
}

const linear = (x: readonly number[], beta: Float64Array) =>
  x.reduce((s, xi, j) => s + xi * (beta[j] as number), 0);

/**
 * `start`: coefficients of a fit on nearly the same days (the previous backtest origin's). IRLS
 * then needs fewer steps to the same optimum (the ridge makes it unique; steps stop within 1e-8).
 */
export function fitRegression(
  series: readonly DemandDay[],
  cal: Calendar,
  start: Float64Array | null = null,
): RegressionFit {
  const first = Math.max(0, series.length - WINDOW_DAYS);
  const days = series.slice(first);
  const lastDay = dayNumber((series.at(-1) as DemandDay).date);
  const design: Design = { annual: days.length >= 540, lastDay };
  const used = days.filter((d) => !d.closed && !cal(d.date).closure);
  const rows = used.map((d) => row(dayNumber(d.date), cal, design));
  const y = used.map((d) => d.count);
  let theta = POISSON_THETA;
  let beta: Float64Array | null =
    start && start.length === (rows[0]?.length ?? 0) ? Float64Array.from(start) : null;
  const anyCensored = used.some((d) => d.censored);
  // EM for the censored days and moments for theta, alternated until they settle
  for (let round = 0; round < (anyCensored ? 8 : 3); round++) {
    beta = irls(rows, y, theta, beta);
    const mus = rows.map((x) => Math.exp(linear(x, beta as Float64Array)));
    if (anyCensored)
      used.forEach((d, i) => {
        if (d.censored) y[i] = nbMeanAbove(d.count, mus[i] as number, theta);
      });
    let excess = 0;
    mus.forEach((mu, i) => {
      excess += (((y[i] as number) - mu) ** 2 - mu) / (mu * mu);
    });
    const inverse = excess / Math.max(1, used.length - (rows[0]?.length ?? 0));
    theta = inverse > 1e-8 ? Math.min(POISSON_THETA, 1 / inverse) : POISSON_THETA;
  }
  const b = beta as Float64Array;
  const weekdayRaw = [1, ...Array.from({ length: 6 }, (_, d) => Math.exp(b[d + 1] as number))];
  const avg = weekdayRaw.reduce((s, v) => s + v, 0) / 7;
  const round3 = (v: number) => Math.round(v * 1000) / 1000;
  const factors: Factors = {
    weekday: Object.fromEntries(
      WEEKDAYS.map((w, i) => [w, round3((weekdayRaw[i] as number) / avg)]),
    ) as Factors["weekday"],
    holidayKz: round3(Math.exp(b[7] as number)),
    holidayCn: round3(Math.exp(b[8] as number)),
    closure: 0,
    trendPerYear: round3(Math.exp(b[9] as number)),
    annualPeak: design.annual ? round3(Math.exp(Math.hypot(b[10] as number, b[11] as number))) : null,
    dispersionTheta: theta >= POISSON_THETA ? Number.POSITIVE_INFINITY : Math.round(theta * 10) / 10,
  };
  const openMean = (date: IsoDate) => Math.exp(linear(row(dayNumber(date), cal, design), b));
  const fitted = new Map(used.map((d, i) => [d.date, y[i] as number]));
  // a closed day gets what an open day like it would have brought, so no method learns a fake zero
  const unconstrained = series.map(
    (d) => fitted.get(d.date) ?? (d.closed || cal(d.date).closure ? openMean(d.date) : d.count),
  );
  return {
    factors,
    unconstrained,
    coefficients: b,
    predict(dates) {
      return dates.map((date) => {
        if (cal(date).closure) return { date, mean: 0, lo80: 0, hi80: 0 };
        const mu = openMean(date);
        return { date, mean: mu, lo80: nbQuantile(0.1, mu, theta), hi80: nbQuantile(0.9, mu, theta) };
      });
    },
  };
}
