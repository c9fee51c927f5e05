/**
 * The live system's recorded crossings at a checkpoint, as a trace for the simulator: every truck
 * checked in to the waiting area in [from, to), with the stage times its machine recorded.
 */
import type { CrossingContext } from "../../machines/types.ts";
import { type RecordedRow, traceRowOf } from "../sim/trace-record.ts";
import type { DB } from "./db.ts";

export function recordedTrace(db: DB, checkpointId: string, from: number, to: number): RecordedRow[] {
  const rows = db
    .prepare(
      `SELECT plate, channel, priority, snapshot FROM crossings
       WHERE checkpoint_id = ? AND checked_in_at >= ? AND checked_in_at < ? ORDER BY checked_in_at`,
    )
    .all(checkpointId, from, to) as { plate: string; channel: string; priority: string; snapshot: string }[];
  const out: RecordedRow[] = [];
  for (const r of rows) {
    const context = JSON.parse(r.snapshot) as CrossingContext;
    const row = traceRowOf({
      plate: r.plate,
      channel: context.channel,
      priority: context.priority,
      history: context.history,
    });
    if (row) out.push(row);
  }
  return out;
}
