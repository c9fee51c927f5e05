/**
 * The seasonal naive: tomorrow is the same weekday last week. The floor every method must beat,
 * and the scale of MASE. Its 80% interval is the 10th and 90th percentile of the in-sample
 * week-on-week changes, widened by the square root of the weeks stepped over (fpp3, 5.5).
 */
import type { Calendar } from "./calendar.ts";
import type { IsoDate } from "./dates.ts";
import type { DayForecast } from "./types.ts";

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

/** `history` is the unconstrained series (closures and censored days filled in). */
export function seasonalNaive(
  history: readonly number[],
  dates: readonly IsoDate[],
  cal: Calendar,
): DayForecast[] {
  const n = history.length;
  const changes: number[] = [];
  for (let t = 7; t < n; t++) changes.push((history[t] as number) - (history[t - 7] as number));
  changes.sort((a, b) => a - b);
  const q10 = quantile(changes, 0.1);
  const q90 = quantile(changes, 0.9);
  return dates.map((date, i) => {
    if (cal(date).closure) return { date, mean: 0, lo80: 0, hi80: 0 };
    const h = i + 1;
    const k = Math.ceil(h / 7);
    const mean = history[n + h - 1 - 7 * k] ?? 0;
    const widen = Math.sqrt(k);
    return { date, mean, lo80: Math.max(0, mean + q10 * widen), hi80: Math.max(0, mean + q90 * widen) };
  });
}

/** MASE's denominator: the in-sample mean absolute week-on-week change (at least 1 truck). */
export function naiveScale(history: readonly number[]): number {
  let sum = 0;
  let count = 0;
  for (let t = 7; t < history.length; t++) {
    sum += Math.abs((history[t] as number) - (history[t - 7] as number));
    count++;
  }
  return Math.max(1, count ? sum / count : 1);
}
