/** The counts behind the public wait times: two grouped queries for all checkpoints at once. */

import { stateIn } from "./crossing-states.ts";
import type { DB } from "./db.ts";
import { memoUntilWrite } from "./memo.ts";

export interface CheckpointCounts {
  trucksWaiting: number;
  /** trucks that left the checkpoint (released or refused) in the window */
  throughput: number;
}

export function waitTimeStore(db: DB) {
  const waiting = db.prepare(
    "SELECT checkpoint_id AS id, count(*) AS n FROM crossings WHERE state = 'waitingArea' GROUP BY checkpoint_id",
  );
  const cleared = db.prepare(
    `SELECT c.checkpoint_id AS id, count(*) AS n FROM crossing_events e JOIN crossings c ON c.id = e.crossing_id
     WHERE e.at >= ? AND ${stateIn("processed", "e.to_state")} GROUP BY c.checkpoint_id`,
  );
  const memo = memoUntilWrite(db);
  return {
    /** From `since` to the minute (so one answer serves a minute of requests); shared: read only. */
    counts: (since: number): ReadonlyMap<string, CheckpointCounts> =>
      memo(String(Math.floor(since / 60_000)), () => {
        const from = Math.floor(since / 60_000) * 60_000;
        const out = new Map<string, CheckpointCounts>();
        const entry = (id: string) => {
          const e = out.get(id) ?? { trucksWaiting: 0, throughput: 0 };
          out.set(id, e);
          return e;
        };
        for (const r of waiting.all() as { id: string; n: number }[]) entry(r.id).trucksWaiting = r.n;
        for (const r of cleared.all(from) as { id: string; n: number }[]) entry(r.id).throughput = r.n;
        return out;
      }),
  };
}
