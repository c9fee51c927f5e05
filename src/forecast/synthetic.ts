/**
 * Demand with known truth, for the proofs and the benchmark: a base level times weekday, holiday,
 * trend and annual factors, drawn from a negative binomial (a gamma-mixed Poisson). Seeded.
 */
import { seededRandom } from "../domain/random.ts";
import type { Calendar } from "./calendar.ts";
import { addDays, dayNumber, type IsoDate, weekdayOf, yearPhase } from "./dates.ts";
import type { DemandDay } from "./series.ts";

export interface SyntheticTruth {
  base: number;
  /** Monday first, averaging 1 */
  weekday: readonly number[];
  holidayKz: number;
  holidayCn: number;
  trendPerYear: number;
  /** amplitude of the annual wave on the log scale */
  annual: number;
  theta: number;
}

export const DEFAULT_TRUTH: SyntheticTruth = {
  base: 600,
  weekday: [1.1, 1.06, 1.02, 1.0, 1.04, 0.92, 0.86],
  holidayKz: 0.75,
  holidayCn: 0.6,
  trendPerYear: 1.08,
  annual: 0.08,
  theta: 40,
};

/** The true expected demand of a day (0 on a closure); the oracle every method is measured against. */
export function trueRate(truth: SyntheticTruth, cal: Calendar, date: IsoDate, start: IsoDate): number {
  const day = dayNumber(date);
  const f = cal(date);
  if (f.closure) return 0;
  return (
    truth.base *
    (truth.weekday[weekdayOf(day)] as number) *
    (f.holidayKz ? truth.holidayKz : 1) *
    (f.holidayCn ? truth.holidayCn : 1) *
    truth.trendPerYear ** ((day - dayNumber(start)) / 365.25) *
    Math.exp(truth.annual * Math.sin(2 * Math.PI * yearPhase(day)))
  );
}

export function syntheticSeries(
  truth: SyntheticTruth,
  cal: Calendar,
  start: IsoDate,
  days: number,
  seed: number,
): DemandDay[] {
  const rand = seededRandom(seed);
  const normal = () => {
    const u = 1 - rand.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand.next());
  };
  // Marsaglia and Tsang (2000) for shape >= 1
  const gamma = (shape: number) => {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      if (Math.log(1 - rand.next()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  // Knuth below 30; above, the normal with a continuity correction (error far below the NB noise)
  const poisson = (lambda: number) => {
    if (lambda < 30) {
      let k = 0;
      let p = rand.next();
      const limit = Math.exp(-lambda);
      while (p > limit) {
        k++;
        p *= rand.next();
      }
      return k;
    }
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
  };
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(start, i);
    const mu = trueRate(truth, cal, date, start);
    const count = mu > 0 ? poisson((mu * gamma(truth.theta)) / truth.theta) : 0;
    return { date, count, closed: cal(date).closure, censored: false };
  });
}
