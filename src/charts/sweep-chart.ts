/**
 * A sweep's chart: the mean wait against the first varied field's value, one line per choice of
 * the other fields, each with its 95% interval as a band (ECharts draws a band as a transparent
 * lower line with the interval's width stacked on it).
 */
import type { SweepReport } from "../sweep/index.ts";
import { PALETTE, renderSvg } from "./render.ts";

export function sweepWaitChart(r: SweepReport): string {
  const [first, ...others] = r.vary;
  if (!first) return renderSvg({ title: { text: "Nothing varied" } });
  const label = (values: Record<string, number>) =>
    others.map((o) => `${o.field.split(".").pop()}=${values[o.field]}`).join(", ") || "mean wait";
  const groups = new Map<string, Map<number, SweepReport["combinations"][number]>>();
  for (const c of r.combinations) {
    const key = label(c.values);
    if (!groups.has(key)) groups.set(key, new Map());
    groups.get(key)?.set(c.values[first.field] as number, c);
  }
  const series = [...groups.entries()].flatMap(([name, byValue], g) => {
    const color = PALETTE[g % PALETTE.length];
    const at = first.values.map((v) => byValue.get(v));
    const low = at.map((c) => c?.waitMinutes.ci95?.[0] ?? c?.waitMinutes.mean ?? null);
    const width = at.map((c) => (c?.waitMinutes.ci95 ? c.waitMinutes.ci95[1] - c.waitMinutes.ci95[0] : 0));
    const band = {
      type: "line",
      stack: `band-${g}`,
      symbol: "none",
      lineStyle: { opacity: 0 },
      silent: true,
    };
    return [
      { ...band, name: `${name} low`, data: low },
      { ...band, name: `${name} 95% interval`, data: width, areaStyle: { color, opacity: 0.18 } },
      { name, type: "line", data: at.map((c) => c?.waitMinutes.mean ?? null), color, symbolSize: 7 },
    ];
  });
  return renderSvg({
    title: {
      text: "Mean wait with its 95% interval",
      left: 8,
      top: 8,
      textStyle: { fontSize: 15, fontWeight: 600 },
    },
    legend: { bottom: 0, data: [...groups.keys()] },
    xAxis: {
      type: "category",
      name: first.field,
      nameLocation: "middle",
      nameGap: 28,
      data: first.values.map(String),
    },
    yAxis: { type: "value", name: "minutes", nameLocation: "middle", nameGap: 40 },
    series,
  });
}
