/**
 * A traffic trace (issue 5): CSV with `arrival` (ISO-8601 or minutes from the start), `plate`,
 * `channel`, and optional `priority`, `documentCheckMinutes`, `scanMinutes`,
 * `physicalInspectionMinutes`. Given service times replace sampled ones, so a replay is exact.
 * Pure: the caller reads the file. A bad row is reported with its line number; nothing half-runs.
 */
import { parse } from "csv-parse/sync";
import type { Channel } from "../../machines/types.ts";

export interface TraceRow {
  /** minutes from the start of the run */
  arrival: number;
  plate: string;
  channel: Channel;
  priority: boolean;
  /** NaN where the trace leaves the time to the scenario's distribution */
  documentCheckMinutes: number;
  scanMinutes: number;
  physicalInspectionMinutes: number;
}

export type TraceResult = { ok: true; rows: TraceRow[] } | { ok: false; message: string };

export function parseTrace(text: string): TraceResult {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const rows: TraceRow[] = [];
  let origin: number | null = null;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as Record<string, string>;
    const line = i + 2; // the header is line 1
    const bad = (field: string, expected: string) => ({
      ok: false as const,
      message: `line ${line}: ${field}: expected ${expected}, got "${r[field] ?? ""}"`,
    });
    const raw = r.arrival ?? "";
    let arrival = Number(raw);
    if (raw === "" || Number.isNaN(arrival)) {
      const ms = Date.parse(raw);
      if (Number.isNaN(ms)) return bad("arrival", "ISO-8601 or minutes from the start");
      origin ??= ms;
      arrival = (ms - origin) / 60_000;
    }
    if (arrival < 0) return bad("arrival", "a time not before the first row's");
    if (!r.plate) return bad("plate", "a plate");
    const channel = r.channel;
    if (channel !== "green" && channel !== "yellow" && channel !== "red")
      return bad("channel", "green, yellow or red");
    const priority = r.priority ?? "";
    if (priority !== "" && priority !== "normal" && priority !== "priority")
      return bad("priority", "normal or priority");
    const minutes = (field: string): number | null => {
      const v = r[field];
      if (v === undefined || v === "") return Number.NaN;
      const n = Number(v);
      return Number.isFinite(n) && n >= 0 ? n : null;
    };
    const doc = minutes("documentCheckMinutes");
    if (doc === null) return bad("documentCheckMinutes", "minutes >= 0");
    const scan = minutes("scanMinutes");
    if (scan === null) return bad("scanMinutes", "minutes >= 0");
    const inspection = minutes("physicalInspectionMinutes");
    if (inspection === null) return bad("physicalInspectionMinutes", "minutes >= 0");
    rows.push({
      arrival,
      plate: r.plate,
      channel,
      priority: priority === "priority",
      documentCheckMinutes: doc,
      scanMinutes: scan,
      physicalInspectionMinutes: inspection,
    });
  }
  return { ok: true, rows };
}
