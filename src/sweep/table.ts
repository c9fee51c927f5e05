/** A sweep's report as the rows `npm run sweep` prints (console.table), and its closing line. Pure. */
import type { SweepReport } from "./report.ts";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function tableRows(r: SweepReport): Record<string, string | number>[] {
  return r.combinations.map((c, i) => ({
    ...c.values,
    "wait mean": c.waitMinutes.mean ?? "no trucks",
    "wait 95% CI": c.waitMinutes.ci95 ? `${c.waitMinutes.ci95[0]}..${c.waitMinutes.ci95[1]}` : "",
    "wait p90": c.waitMinutes.p90 ?? "",
    "trucks/h": c.throughputPerHour,
    lanes: pct(c.utilisation.documentLanes),
    scanners: pct(c.utilisation.scanners),
    bays: pct(c.utilisation.inspectionBays),
    ...(r.meetsTarget !== undefined && { target: r.meetsTarget?.index === i ? "smallest" : "" }),
  }));
}

export function targetLine(r: SweepReport): string | null {
  if (r.targetWaitMinutes === undefined) return null;
  if (!r.meetsTarget)
    return `no combination keeps the wait's 95% upper bound within ${r.targetWaitMinutes} min`;
  const named = Object.entries(r.meetsTarget.values)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  return `smallest configuration within ${r.targetWaitMinutes} min: ${named}`;
}
