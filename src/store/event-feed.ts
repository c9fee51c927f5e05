/**
 * Reading the event log in `seq` order for the feed and the webhooks. SQLite has one writer and
 * seq is assigned inside each committing transaction, so a reader that has seen seq N will never
 * later find a smaller seq appear: `after` is a safe cursor.
 */
import type { StoredEvent } from "../domain/event-feed.ts";
import type { EventRow } from "./crossings.ts";
import type { DB } from "./db.ts";

/** An event-log row with its crossing's checkpoint and plate. */
type FeedRow = Omit<EventRow, "actor_id" | "reason"> & {
  checkpoint_id: string;
  plate: string;
  gate_reason_code: string | null;
};

const toStored = (r: FeedRow): StoredEvent => ({
  seq: r.seq,
  crossingId: r.crossing_id,
  checkpointId: r.checkpoint_id,
  plate: r.plate,
  n: r.n,
  type: r.type,
  payload: JSON.parse(r.payload),
  fromState: r.from_state,
  toState: r.to_state,
  at: r.at,
  actorKind: r.actor_kind,
  ...(r.type === "GATE_READ" ? { gateReasonCode: r.gate_reason_code } : {}),
});

const SELECT = `SELECT e.seq, e.crossing_id, e.n, e.type, e.payload, e.from_state, e.to_state, e.at, e.actor_kind,
    c.checkpoint_id, c.plate,
    -- the gate decides once (issue 22), so the snapshot's decision is this read's
    CASE WHEN e.type = 'GATE_READ' THEN json_extract(c.snapshot, '$.gate.reasonCode') END AS gate_reason_code
  FROM crossing_events e JOIN crossings c ON c.id = e.crossing_id`;

export function eventFeedStore(db: DB) {
  const page = db.prepare(
    `${SELECT} WHERE e.seq > @after AND (@owner IS NULL OR c.owner = @owner)
       AND (@checkpoint IS NULL OR c.checkpoint_id = @checkpoint)
     ORDER BY e.seq LIMIT @limit`,
  );
  const one = db.prepare(`${SELECT} WHERE e.seq = ?`);
  const last = db.prepare("SELECT coalesce(max(seq), 0) FROM crossing_events").pluck();
  return {
    /** Events after the cursor, oldest first; `owner` keeps a carrier to its own crossings. */
    after(args: { after: number; limit: number; owner?: string | null; checkpointId?: string | null }) {
      return (
        page.all({
          after: args.after,
          limit: args.limit,
          owner: args.owner ?? null,
          checkpoint: args.checkpointId ?? null,
        }) as FeedRow[]
      ).map(toStored);
    },
    get(seq: number): StoredEvent | null {
      const row = one.get(seq) as FeedRow | undefined;
      return row ? toStored(row) : null;
    },
    lastSeq: () => last.get() as number,
  };
}
export type EventFeedStore = ReturnType<typeof eventFeedStore>;
