/**
 * Proof on demand with known truth: weekday factors, Kazakh and Chinese holidays, a closure, a
 * trend, an annual wave and negative-binomial noise. Five seeded series of two years each.
 */
import { describe, expect, it } from "vitest";
import { SEED_CALENDAR } from "../../seed/forecast-calendar.ts";
import { backtest, MAX_HORIZON } from "../../src/forecast/backtest.ts";
import { calendarOf } from "../../src/forecast/calendar.ts";
import { WEEKDAYS } from "../../src/forecast/dates.ts";
import { fitRegression } from "../../src/forecast/regression.ts";
import { DEFAULT_TRUTH, syntheticSeries, trueRate } from "../../src/forecast/synthetic.ts";

const cal = calendarOf(SEED_CALENDAR);
const START = "2024-12-01";
const SEEDS = [11, 12, 13, 14, 15];
const runs = SEEDS.map((seed) => {
  const series = syntheticSeries(DEFAULT_TRUTH, cal, START, 730, seed);
  return { series, fit: fitRegression(series, cal), bt: backtest(series, cal, null) };
});

describe("negative-binomial regression on a series with known truth", () => {
  it("recovers the weekday factors within 3% (mean of five seeds; each seed within 3 standard errors)", () => {
    // one seed's factor has a standard error of about sqrt(1/mu + 1/theta) / sqrt(days of that weekday)
    const se = Math.sqrt(1 / DEFAULT_TRUTH.base + 1 / DEFAULT_TRUTH.theta) / Math.sqrt(730 / 7);
    WEEKDAYS.forEach((w, i) => {
      const truth = DEFAULT_TRUTH.weekday[i] as number;
      const each = runs.map(({ fit }) => fit.factors.weekday[w] / truth - 1);
      for (const e of each) expect(Math.abs(e)).toBeLessThan(3 * se);
      expect(Math.abs(each.reduce((a, b) => a + b, 0) / each.length)).toBeLessThan(0.03);
    });
  });

  it("reads the holidays as multipliers near their truth", () => {
    for (const { fit } of runs) {
      expect(fit.factors.holidayKz).toBeGreaterThan(DEFAULT_TRUTH.holidayKz - 0.1);
      expect(fit.factors.holidayKz).toBeLessThan(DEFAULT_TRUTH.holidayKz + 0.1);
      expect(fit.factors.holidayCn).toBeGreaterThan(DEFAULT_TRUTH.holidayCn - 0.1);
      expect(fit.factors.holidayCn).toBeLessThan(DEFAULT_TRUTH.holidayCn + 0.1);
    }
  });

  it("has a backtest MAPE within one point of the true-rate oracle on the same days", () => {
    const diffs: number[] = [];
    for (const { series, bt } of runs) {
      const nb = bt.methods.find((m) => m.name === "negativeBinomial");
      // the oracle forecasts the true expected demand at the same origins and horizons
      let ape = 0;
      let n = 0;
      for (let i = 0; i < bt.origins; i++) {
        const origin = series.length - MAX_HORIZON - 7 * i;
        for (const h of [1, 7, 14]) {
          const day = series[origin + h - 1];
          if (!day || day.count === 0) continue;
          ape += Math.abs(day.count - trueRate(DEFAULT_TRUTH, cal, day.date, START)) / day.count;
          n++;
        }
      }
      diffs.push((nb?.mape ?? Number.NaN) - (100 * ape) / n);
    }
    const mean = diffs.reduce((a, b) => a + b, 0) / diffs.length;
    console.info(`MAPE over the oracle, per seed: ${diffs.map((d) => d.toFixed(2)).join(", ")}`);
    expect(Math.abs(mean)).toBeLessThan(1);
  });

  it("covers close to 80% with its 80% intervals (within three binomial standard errors)", () => {
    let covered = 0;
    let n = 0;
    for (const { bt } of runs) {
      const nb = bt.methods.find((m) => m.name === "negativeBinomial");
      covered += (nb?.coverage80 ?? 0) * (nb?.n ?? 0);
      n += nb?.n ?? 0;
    }
    const se = Math.sqrt((0.8 * 0.2) / n);
    console.info(`coverage of the 80% intervals: ${(covered / n).toFixed(3)} over ${n} forecasts`);
    expect(Math.abs(covered / n - 0.8)).toBeLessThan(3 * se);
  });

  it("beats the seasonal naive in the backtest, with 26 weekly origins", () => {
    for (const { bt } of runs) {
      expect(bt.origins).toBe(26);
      const naive = bt.methods.find((m) => m.name === "seasonalNaive")?.mase ?? 0;
      const nb = bt.methods.find((m) => m.name === "negativeBinomial")?.mase ?? 9;
      expect(nb).toBeLessThan(naive);
    }
  });

  it("forecasts an announced closure as zero", () => {
    const series = syntheticSeries(DEFAULT_TRUTH, cal, "2025-02-01", 365, 3);
    const fit = fitRegression(series, cal);
    const [closed, open] = fit.predict(["2026-02-17", "2026-02-25"]);
    expect(closed).toEqual({ date: "2026-02-17", mean: 0, lo80: 0, hi80: 0 });
    expect(open?.mean).toBeGreaterThan(100);
  });
});
