/**
 * Idempotent ingest of one batch from one post, in ONE transaction: the events (ON CONFLICT DO
 * NOTHING on (post, epoch, seq)), the post's cursor, the projections and the vehicle claims. A batch
 * that starts after a gap is refused with the cursor, so the post resends from there; an event that
 * arrives again with other content is quarantined, never written over the one held.
 */
import type pg from "pg";
import { settleClaims } from "./claims.ts";
import { isFinalState, project } from "./projection.ts";
import { loadCrossings, writeDelta } from "./projection-store.ts";
import { type Batch, eventDigest, type WireEvent } from "./wire.ts";

export type IngestOutcome =
  | { ok: true; cursor: number; inserted: number; duplicates: number; quarantined: number; commands: number }
  | { ok: false; reason: "gap"; cursor: number }
  | { ok: false; reason: "not-contiguous"; cursor: number };

const RETRYABLE = new Set(["40P01", "40001"]); // deadlock, serialisation failure

export async function ingestBatch(pool: pg.Pool, postId: number, batch: Batch): Promise<IngestOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ingestOnce(pool, postId, batch);
    } catch (e) {
      if (attempt < 5 && RETRYABLE.has((e as { code?: string }).code ?? "")) continue;
      throw e;
    }
  }
}

async function ingestOnce(pool: pg.Pool, postId: number, batch: Batch): Promise<IngestOutcome> {
  const events = batch.events;
  for (let i = 1; i < events.length; i++) {
    if ((events[i] as WireEvent).seq !== (events[i - 1] as WireEvent).seq + 1)
      return { ok: false, reason: "not-contiguous", cursor: -1 };
  }
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    await client.query("INSERT INTO post_streams (post_id, epoch) VALUES ($1, $2) ON CONFLICT DO NOTHING", [
      postId,
      batch.epoch,
    ]);
    const stream = await client.query(
      "SELECT cursor FROM post_streams WHERE post_id = $1 AND epoch = $2 FOR UPDATE",
      [postId, batch.epoch],
    );
    const cursor = Number(stream.rows[0].cursor);
    const first = (events[0] as WireEvent).seq;
    if (first > cursor + 1) {
      await client.query("ROLLBACK");
      return { ok: false, reason: "gap", cursor };
    }
    const again = events.filter((e) => e.seq <= cursor);
    const fresh = events.filter((e) => e.seq > cursor);
    const quarantined = await quarantineChanged(client, postId, batch.epoch, again);
    let inserted = 0;
    let commands = 0;
    if (fresh.length > 0) {
      inserted = await insertEvents(client, postId, batch.epoch, fresh);
      const crossingIds = [...new Set(fresh.map((e) => e.crossingId))];
      const known = await loadCrossings(client, postId, crossingIds);
      await writeDelta(
        client,
        postId,
        project(fresh, (id) => known.get(id)),
      );
      commands = await settleClaims(
        client,
        postId,
        fresh.flatMap((e) =>
          e.type === "DECLARE" && e.vehicle
            ? [{ crossingId: e.crossingId, plate: e.vehicle.plate, vin: e.vehicle.vin, at: e.at }]
            : [],
        ),
        fresh.filter((e) => isFinalState(e.toState)).map((e) => e.crossingId),
      );
      const last = fresh[fresh.length - 1] as WireEvent;
      await client.query(
        `UPDATE post_streams SET cursor = $3, events_ingested = events_ingested + $4, last_event_at = $5,
           updated_at = now() WHERE post_id = $1 AND epoch = $2`,
        [postId, batch.epoch, last.seq, inserted, last.at],
      );
    }
    await client.query("UPDATE posts SET last_seen_at = now() WHERE id = $1", [postId]);
    await client.query("COMMIT");
    const newCursor = Math.max(
      cursor,
      fresh.length > 0 ? (fresh[fresh.length - 1] as WireEvent).seq : cursor,
    );
    return { ok: true, cursor: newCursor, inserted, duplicates: again.length, quarantined, commands };
  } catch (e) {
    broken = true;
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release(broken);
  }
}

async function insertEvents(client: pg.PoolClient, postId: number, epoch: string, es: WireEvent[]) {
  const col = <T>(f: (e: WireEvent) => T) => es.map(f);
  const r = await client.query(
    `INSERT INTO events (post_id, epoch, seq, crossing_id, checkpoint_id, direction, n, type, payload, from_state,
       to_state, at, actor_kind, actor_id, reason, digest)
     SELECT $1, $2, * FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[],
       $10::text[], $11::text[], $12::bigint[], $13::text[], $14::text[], $15::text[], $16::text[])
     ON CONFLICT (post_id, epoch, seq) DO NOTHING`,
    [
      postId,
      epoch,
      col((e) => e.seq),
      col((e) => e.crossingId),
      col((e) => e.checkpointId),
      col((e) => e.direction),
      col((e) => e.n),
      col((e) => e.type),
      col((e) => e.payload),
      col((e) => e.fromState),
      col((e) => e.toState),
      col((e) => e.at),
      col((e) => e.actorKind),
      col((e) => e.actorId),
      col((e) => e.reason),
      col((e) => eventDigest(e)),
    ],
  );
  return r.rowCount ?? 0;
}

async function quarantineChanged(client: pg.PoolClient, postId: number, epoch: string, es: WireEvent[]) {
  if (es.length === 0) return 0;
  const { rows } = await client.query(
    "SELECT seq, digest FROM events WHERE post_id = $1 AND epoch = $2 AND seq = ANY($3::bigint[])",
    [postId, epoch, es.map((e) => e.seq)],
  );
  const held = new Map(rows.map((r) => [Number(r.seq), r.digest as string]));
  let n = 0;
  for (const e of es) {
    const digest = held.get(e.seq);
    if (digest === undefined || digest === eventDigest(e)) continue;
    const dup = await client.query(
      "SELECT 1 FROM quarantine WHERE post_id = $1 AND epoch = $2 AND seq = $3 AND received = $4::jsonb",
      [postId, epoch, e.seq, JSON.stringify(e)],
    );
    if (dup.rowCount) continue; // the same changed event sent again is reported once
    await client.query(
      "INSERT INTO quarantine (post_id, epoch, seq, held_digest, received) VALUES ($1, $2, $3, $4, $5)",
      [postId, epoch, e.seq, digest, JSON.stringify(e)],
    );
    n++;
  }
  return n;
}
