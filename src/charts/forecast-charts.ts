/** The forecast's charts: recorded demand, the forecast and its 80% band; the backtest's scores. */
import type { MethodScore } from "../forecast/backtest.ts";
import type { DemandDay } from "../forecast/series.ts";
import type { DayForecast } from "../forecast/types.ts";
import { type ChartOption, renderSvg } from "./render.ts";

const title = (text: string) => ({ text, left: 8, top: 8, textStyle: { fontSize: 15, fontWeight: 600 } });
const legend = { bottom: 0, itemGap: 16 };

export const METHOD_NAMES: Record<string, string> = {
  seasonalNaive: "seasonal naive",
  mstlEts: "MSTL + ETS",
  negativeBinomial: "negative-binomial regression",
};

/** The words a chart shows, in the reader's language (the planners' page passes its dictionary's). */
export interface ForecastChartWords {
  title: string;
  recorded: string;
  forecast: string;
  interval: string;
  trucks: string;
}
export const FORECAST_CHART_EN: ForecastChartWords = {
  title: "Demand per day: recorded, and forecast with its 80% interval",
  recorded: "recorded",
  forecast: "forecast",
  interval: "80% interval",
  trucks: "trucks",
};

/** Demand recorded, then forecast: the mean as a line, the 80% interval as a shaded band. */
export function forecastChart(
  history: readonly DemandDay[],
  forecast: readonly DayForecast[],
  words: ForecastChartWords = FORECAST_CHART_EN,
): string {
  const dates = [...history.map((d) => d.date), ...forecast.map((d) => d.date)];
  const pad = (n: number) => Array<null>(n).fill(null);
  const option: ChartOption = {
    title: title(words.title),
    legend: { ...legend, data: [words.recorded, words.forecast, words.interval] },
    xAxis: { type: "category", data: dates.map((d) => d.slice(5)), axisLabel: { interval: 6 } },
    yAxis: { type: "value", name: words.trucks },
    series: [
      {
        name: words.recorded,
        type: "line",
        symbol: "none",
        data: [...history.map((d) => d.count), ...pad(forecast.length)],
      },
      // the band: an invisible base at lo80, and the width up to hi80 stacked on it
      {
        name: "band-base",
        type: "line",
        stack: "band",
        symbol: "none",
        lineStyle: { opacity: 0 },
        data: [...pad(history.length), ...forecast.map((d) => d.lo80)],
      },
      {
        name: words.interval,
        type: "line",
        stack: "band",
        symbol: "none",
        lineStyle: { opacity: 0 },
        itemStyle: { color: "#9bbcf5" },
        areaStyle: { color: "#1f6feb", opacity: 0.2 },
        data: [...pad(history.length), ...forecast.map((d) => Math.max(0, d.hi80 - d.lo80))],
      },
      {
        name: words.forecast,
        type: "line",
        symbol: "circle",
        symbolSize: 4,
        lineStyle: { type: "dashed" },
        data: [...pad(history.length), ...forecast.map((d) => d.mean)],
      },
    ],
  };
  return renderSvg(option);
}

/** MASE per method and horizon: below 1 beats the seasonal naive of the training window. */
export function backtestChart(
  methods: readonly MethodScore[],
  words: { title: string; ahead: (h: number) => string; method: (name: string) => string } = {
    title: "Backtest: MASE by horizon (lower is better; 1 = seasonal naive in-sample)",
    ahead: (h) => `${h} day${h === 1 ? "" : "s"} ahead`,
    method: (name) => METHOD_NAMES[name] ?? name,
  },
): string {
  const horizons = [1, 7, 14] as const;
  return renderSvg({
    title: title(words.title),
    legend,
    xAxis: { type: "category", data: horizons.map((h) => words.ahead(h)) },
    yAxis: { type: "value", name: "MASE" },
    series: methods.map((m) => ({
      name: words.method(m.name),
      type: "bar",
      data: horizons.map((h) => m.byHorizon[h].mase),
    })),
  });
}
