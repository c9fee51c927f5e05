/**
 * Charts rendered on the server as SVG by ECharts (its zero-dependency SSR renderer), so pages need
 * no client charting code and a chart is an image the browser caches. Served as image/svg+xml
 * through <img>, because the SVG carries style attributes our page CSP forbids inline.
 */
import * as echarts from "echarts";

export type ChartOption = echarts.EChartsCoreOption;

export const CHART_SIZE = { width: 720, height: 320 } as const;

export const PALETTE = ["#1f6feb", "#d97706", "#16a34a", "#dc2626", "#7c3aed", "#0891b2"];

export function renderSvg(option: ChartOption, size: { width: number; height: number } = CHART_SIZE): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...size });
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
