/**
 * A carrier's own crossings (crossings.owner is its API key), newest first, a page at a time.
 * The cursor is the row's position in the table, which never changes; filters by checkpoint,
 * state and declaration time.
 */

import type { CrossingRow } from "./crossings.ts";
import type { DB } from "./db.ts";

export interface CarrierCrossingFilter {
  owner: string;
  checkpointId?: string;
  state?: string;
  /** declared at or after, epoch ms */
  from?: number;
  /** declared before, epoch ms */
  to?: number;
  /** the cursor of the last row of the previous page */
  before?: number;
  limit: number;
}

export function carrierCrossingStore(db: DB) {
  const page = db.prepare(
    `SELECT rowid AS cursor, * FROM crossings
     WHERE owner = @owner
       AND (@checkpoint IS NULL OR checkpoint_id = @checkpoint)
       AND (@state IS NULL OR state = @state)
       AND (@from IS NULL OR created_at >= @from)
       AND (@to IS NULL OR created_at < @to)
       AND (@before IS NULL OR rowid < @before)
     ORDER BY rowid DESC LIMIT @limit`,
  );
  return {
    list(f: CarrierCrossingFilter): (CrossingRow & { cursor: number })[] {
      return page.all({
        owner: f.owner,
        checkpoint: f.checkpointId ?? null,
        state: f.state ?? null,
        from: f.from ?? null,
        to: f.to ?? null,
        before: f.before ?? null,
        limit: f.limit,
      }) as (CrossingRow & { cursor: number })[];
    },
  };
}
