/**
 * Charts rendered on the server as SVG by ECharts (its zero-dependency SSR renderer), so pages need
 * no client charting code and a chart is an image the browser caches. Served as image/svg+xml
 * through <img>, because the SVG carries style attributes our page CSP forbids inline.
 */
import { createRequire } from "node:module";
import type * as Echarts from "echarts";

export type ChartOption = Echarts.EChartsCoreOption;

// ECharts costs about 70 MB of resident memory once loaded: loaded on the first chart a planner
// asks for, so a checkpoint's server that only serves drivers and officers never pays for it.
const require = createRequire(import.meta.url);
let loaded: typeof Echarts | null = null;
const echarts = () => {
  loaded ??= require("echarts") as typeof Echarts;
  return loaded;
};

export const CHART_SIZE = { width: 720, height: 320 } as const;

export const PALETTE = ["#1f6feb", "#d97706", "#16a34a", "#dc2626", "#7c3aed", "#0891b2"];

export function renderSvg(option: ChartOption, size: { width: number; height: number } = CHART_SIZE): string {
  const chart = echarts().init(null, null, { renderer: "svg", ssr: true, ...size });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: "system-ui, sans-serif", fontSize: 13 },
      grid: { left: 56, right: 24, top: 60, bottom: 72 },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
