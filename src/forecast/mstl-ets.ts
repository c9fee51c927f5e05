/**
 * MSTL with ETS: the series split into a weekly season and the rest (STL, repeated for each
 * period), the rest forecast by exponential smoothing with its prediction intervals, the season
 * added back. The arithmetic runs in Grafana's augurs (Rust compiled to WebAssembly); loading the
 * WebAssembly is I/O, so the edge hands this module an engine (`src/forecast-engine.ts`) and
 * this module stays pure.
 */
import type { Calendar } from "./calendar.ts";
import type { IsoDate } from "./dates.ts";
import type { DayForecast } from "./types.ts";

export interface SeasonalForecast {
  point: number[];
  lower: number[];
  upper: number[];
}

/** Fits MSTL(periods) + ETS to y and forecasts `horizon` steps with the `level` interval. */
export type MstlEngine = (
  y: readonly number[],
  periods: readonly number[],
  horizon: number,
  level: number,
) => SeasonalForecast;

/** MSTL wants at least two of each period; less than eight weeks is too little to trust anyway. */
export const MSTL_MIN_DAYS = 56;
export const MSTL_WINDOW_DAYS = 112;

export function mstlEts(
  engine: MstlEngine,
  history: readonly number[],
  dates: readonly IsoDate[],
  cal: Calendar,
): DayForecast[] {
  // the last sixteen weeks: enough for the weekly season, recent enough for the level, and the
  // fit's time grows with the length (about 20 ms here against 130 ms for a year)
  const y = history.slice(-MSTL_WINDOW_DAYS);
  const f = engine(y, [7], dates.length, 0.8);
  return dates.map((date, i) => {
    if (cal(date).closure) return { date, mean: 0, lo80: 0, hi80: 0 };
    return {
      date,
      mean: Math.max(0, f.point[i] ?? 0),
      lo80: Math.max(0, f.lower[i] ?? 0),
      hi80: Math.max(0, f.upper[i] ?? 0),
    };
  });
}
