/** A sweep's report as CSV: one row per combination, the varied fields first. Pure. */
import { csvLine } from "../domain/csv.ts";
import type { SweepReport } from "./report.ts";

const FIGURES = [
  "waitMeanMinutes",
  "waitCi95Low",
  "waitCi95High",
  "waitP90Minutes",
  "throughputPerHour",
  "utilisationDocumentLanes",
  "utilisationScanners",
  "utilisationInspectionBays",
  "trucksCompleted",
  "meetsTarget",
];

export function sweepCsv(r: SweepReport): string {
  // the varied fields are paths the scenario has (letters and dots), so no cell needs quoting
  const header = [...r.vary.map((v) => v.field), ...FIGURES].join(",");
  const lines = r.combinations.map((c, i) =>
    csvLine([
      ...r.vary.map((v) => c.values[v.field]),
      c.waitMinutes.mean,
      c.waitMinutes.ci95?.[0] ?? "",
      c.waitMinutes.ci95?.[1] ?? "",
      c.waitMinutes.p90,
      c.throughputPerHour,
      c.utilisation.documentLanes,
      c.utilisation.scanners,
      c.utilisation.inspectionBays,
      c.trucksCompleted,
      r.meetsTarget === undefined ? "" : r.meetsTarget?.index === i ? "yes" : "no",
    ]),
  );
  return `${[header, ...lines].join("\n")}\n`;
}
