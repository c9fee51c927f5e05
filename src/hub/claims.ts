/**
 * One active crossing per vehicle across all posts. A post asks before it accepts a declaration
 * (reserve); a DECLARE event that arrives confirms its claim, or, for a declaration a post took while it
 * could not reach the hub, is settled here: the earlier declaration keeps the vehicle, and the later
 * one's post gets a command to cancel it. The unique indexes on active claims are the final word.
 */
import type pg from "pg";
import { inTransaction } from "./db.ts";
import type { Claim } from "./wire.ts";

type Queryable = pg.Pool | pg.PoolClient;
const ACTIVE = "status IN ('reserved', 'confirmed')";
// a reservation whose DECLARE never came (the post's own check refused it after asking) stops holding
const RESERVATION_LAPSES = "interval '15 minutes'";

export interface ClaimDeclare {
  crossingId: string;
  plate: string;
  vin: string | null;
  at: number;
}

export interface Holder {
  post: string;
  crossingId: string;
}

/** The ask before a declaration: reserves the vehicle for this crossing, or names who holds it. */
export async function reserveVehicle(
  pool: pg.Pool,
  postId: number,
  claim: Claim,
): Promise<{ ok: true } | { ok: false; holder: Holder }> {
  return inTransaction(pool, async (client) => {
    await client.query(
      `UPDATE vehicle_claims SET status = 'lost' WHERE status = 'reserved'
         AND claimed_at < now() - ${RESERVATION_LAPSES} AND (plate = $1 OR vin = $2)`,
      [claim.plate, claim.vin],
    );
    const inserted = await client.query(
      `INSERT INTO vehicle_claims (post_id, crossing_id, plate, vin, declared_at, status)
       VALUES ($1, $2, $3, $4, $5, 'reserved') ON CONFLICT DO NOTHING RETURNING 1`,
      [postId, claim.crossingId, claim.plate, claim.vin, claim.at],
    );
    if (inserted.rowCount !== 0) return { ok: true as const };
    const holder = await activeHolder(client, claim.plate, claim.vin);
    // the same crossing asking again (a retried request) holds its own claim
    if (holder && !(holder.postId === postId && holder.crossingId === claim.crossingId))
      return { ok: false as const, holder: { post: holder.post, crossingId: holder.crossingId } };
    return { ok: true as const };
  });
}

async function activeHolder(db: Queryable, plate: string, vin: string | null) {
  const { rows } = await db.query(
    `SELECT c.post_id, c.crossing_id, c.declared_at, p.name FROM vehicle_claims c JOIN posts p ON p.id = c.post_id
     WHERE c.${ACTIVE} AND (c.plate = $1 OR c.vin = $2) ORDER BY c.declared_at LIMIT 1`,
    [plate, vin],
  );
  const r = rows[0];
  return r
    ? {
        postId: r.post_id as number,
        crossingId: r.crossing_id as string,
        declaredAt: Number(r.declared_at),
        post: r.name as string,
      }
    : null;
}

/**
 * Inside ingest's transaction: the claims of the DECLAREs in a batch and the ends of crossings that
 * reached a final state. Returns the number of cancel commands written.
 */
export async function settleClaims(
  client: pg.PoolClient,
  postId: number,
  declares: ClaimDeclare[],
  ended: string[],
): Promise<number> {
  const declaredHere = new Set(declares.map((d) => d.crossingId));
  const endedHere = new Set(ended);
  const endedBefore = ended.filter((id) => !declaredHere.has(id));
  if (endedBefore.length > 0) {
    await client.query(
      `UPDATE vehicle_claims SET status = 'ended' WHERE post_id = $1 AND crossing_id = ANY($2::text[]) AND ${ACTIVE}`,
      [postId, endedBefore],
    );
  }
  if (declares.length === 0) return 0;
  // a crossing declared and finished within one batch holds nothing any more
  const shortLived = declares.filter((d) => endedHere.has(d.crossingId));
  const live = declares.filter((d) => !endedHere.has(d.crossingId));
  if (shortLived.length > 0) await insertClaims(client, postId, shortLived, "ended");
  if (live.length === 0) return 0;
  const confirmed = await client.query(
    `UPDATE vehicle_claims SET status = 'confirmed' WHERE post_id = $1 AND crossing_id = ANY($2::text[])
       AND status = 'reserved' RETURNING crossing_id`,
    [postId, live.map((d) => d.crossingId)],
  );
  const done = new Set(confirmed.rows.map((r) => r.crossing_id as string));
  const fresh = live.filter((d) => !done.has(d.crossingId));
  const inserted = await insertClaims(client, postId, fresh, "confirmed");
  let commands = 0;
  // the rest collided with another active claim (or were already held): settle them one by one, in order
  for (const d of fresh.filter((d) => !inserted.has(d.crossingId)))
    commands += await settleOne(client, postId, d);
  return commands;
}

async function insertClaims(client: pg.PoolClient, postId: number, ds: ClaimDeclare[], status: string) {
  const { rows } = await client.query(
    `INSERT INTO vehicle_claims (post_id, crossing_id, plate, vin, declared_at, status)
     SELECT $1, id, plate, vin, at, $6 FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) AS u(id, plate, vin, at)
     ON CONFLICT DO NOTHING RETURNING crossing_id`,
    [
      postId,
      ds.map((d) => d.crossingId),
      ds.map((d) => d.plate),
      ds.map((d) => d.vin),
      ds.map((d) => d.at),
      status,
    ],
  );
  return new Set(rows.map((r) => r.crossing_id as string));
}

async function settleOne(client: pg.PoolClient, postId: number, d: ClaimDeclare): Promise<number> {
  const own = await client.query(
    "SELECT status FROM vehicle_claims WHERE post_id = $1 AND crossing_id = $2",
    [postId, d.crossingId],
  );
  if (own.rowCount) return 0; // already settled (a re-sent event)
  let commands = 0;
  // at most two holders: one by plate, one by VIN
  for (let round = 0; round < 3; round++) {
    const holder = await activeHolder(client, d.plate, d.vin);
    if (!holder) break;
    if (holder.declaredAt <= d.at) {
      await insertClaims(client, postId, [d], "lost");
      return (
        commands +
        (await commandCancel(
          client,
          postId,
          d.crossingId,
          `the vehicle was declared earlier at ${holder.post}`,
        ))
      );
    }
    // the one arriving now was declared first: it keeps the vehicle, the later one is cancelled
    await client.query("UPDATE vehicle_claims SET status = 'lost' WHERE post_id = $1 AND crossing_id = $2", [
      holder.postId,
      holder.crossingId,
    ]);
    const post = await client.query("SELECT name FROM posts WHERE id = $1", [postId]);
    commands += await commandCancel(
      client,
      holder.postId,
      holder.crossingId,
      `the vehicle was declared earlier at ${post.rows[0]?.name ?? "another post"}`,
    );
  }
  await insertClaims(client, postId, [d], "confirmed");
  return commands;
}

async function commandCancel(client: pg.PoolClient, postId: number, crossingId: string, reason: string) {
  const r = await client.query(
    `INSERT INTO commands (post_id, kind, crossing_id, reason) VALUES ($1, 'cancel-duplicate', $2, $3)
     ON CONFLICT DO NOTHING`,
    [postId, crossingId, reason],
  );
  return r.rowCount ?? 0;
}
