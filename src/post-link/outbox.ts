/** The post's event log read as the hub's batches: crossing_events after the cursor, in seq order. */
import { gzipSync } from "node:zlib";
import { type Batch, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, type WireEvent } from "../hub/wire.ts";
import type { EventRow } from "../store/crossings.ts";
import type { DB } from "../store/db.ts";
import { nationalVehicle } from "./vehicle-identity.ts";

/** An event row with its crossing's fixed facts beside it. */
interface Row extends EventRow {
  checkpoint_id: string;
  direction: string;
  plate: string;
  declaration: string | null;
}

export function postOutbox(db: DB) {
  const epoch = db.prepare("SELECT epoch FROM post_epoch").pluck().get() as string;
  // the crossing's checkpoint and direction never change, so an event's content is the same when re-sent
  const after = db.prepare(
    `SELECT e.seq, e.crossing_id, c.checkpoint_id, c.direction, e.n, e.type, e.payload, e.from_state, e.to_state,
       e.at, e.actor_kind, e.actor_id, e.reason, c.plate, CASE WHEN e.n = 0 THEN c.declaration END AS declaration
     FROM crossing_events e JOIN crossings c ON c.id = e.crossing_id
     WHERE e.seq > ? ORDER BY e.seq LIMIT ?`,
  );
  const top = db.prepare("SELECT coalesce(max(seq), 0) FROM crossing_events").pluck();
  const link = db.prepare("SELECT acked_seq FROM hub_link").pluck();
  const setAcked = db.prepare("UPDATE hub_link SET acked_seq = ?, last_ok_at = ?, last_error = NULL");
  const setError = db.prepare("UPDATE hub_link SET last_error = ?");

  const toWire = (r: Row): WireEvent => ({
    seq: r.seq,
    crossingId: r.crossing_id,
    checkpointId: r.checkpoint_id,
    direction: r.direction,
    n: r.n,
    type: r.type,
    payload: r.payload,
    fromState: r.from_state,
    toState: r.to_state,
    at: r.at,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    reason: r.reason,
    ...(r.n === 0
      ? { vehicle: nationalVehicle(r.plate, r.declaration ? JSON.parse(r.declaration) : null) }
      : {}),
  });

  return {
    epoch,
    lastSeq: () => Number(top.get()),
    ackedSeq: () => Number(link.get()),
    setAcked: (seq: number, at: number) => setAcked.run(seq, at),
    setError: (message: string) => setError.run(message.slice(0, 500)),
    /** The next batch after `cursor`, gzipped under MAX_BATCH_BYTES, or null when the hub has everything. */
    next(cursor: number, maxEvents = MAX_BATCH_EVENTS): { batch: Batch; body: Uint8Array } | null {
      let limit = maxEvents;
      for (;;) {
        const rows = after.all(cursor, limit) as Row[];
        if (rows.length === 0) return null;
        const batch: Batch = { epoch, events: rows.map(toWire) };
        const body = new Uint8Array(gzipSync(JSON.stringify(batch)));
        if (body.byteLength <= MAX_BATCH_BYTES || limit === 1) return { batch, body };
        limit = Math.max(1, Math.floor(limit / 2));
      }
    },
  };
}
export type PostOutbox = ReturnType<typeof postOutbox>;
