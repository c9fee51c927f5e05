/**
 * The national picture, read from the projections and the posts' heartbeats: one row per checkpoint of
 * every post (no personal data), each post's ingest figures, and a checkpoint's per-stage times.
 */
import type pg from "pg";
import { crossingMachine } from "../../machines/crossing.ts";
import { estimateWaitMinutes } from "../domain/wait-times.ts";
import { nationalDay } from "./projection.ts";
import type { Heartbeat } from "./wire.ts";

/** A post with no heartbeat for this long is marked stale. */
export const STALE_AFTER_MS = 5 * 60_000;

export interface NationalWaitTime {
  checkpointId: string;
  name: string;
  /** the name in Russian, Kazakh and Chinese, when the post sent them */
  names: { ru: string; kk: string; zh: string } | null;
  neighbour: string | null;
  post: string;
  asOf: string | null;
  stale: boolean;
  waiting: number;
  estimatedWaitMinutes: number | null;
  throughputToday: number;
  lanesOpen: number | null;
  dailyLimit: number | null;
  /** waiting now against the heartbeat before: up, down or flat (null before two heartbeats) */
  trend: "up" | "down" | "flat" | null;
  freePlacesNext24h: number | null;
}

export interface NationalPost {
  name: string;
  eventsIngested: number;
  lastSeq: number;
  lastSeenAt: string | null;
  lag: { events: number; seconds: number } | null;
  quarantined: number;
}

interface PostRow {
  id: number;
  name: string;
  heartbeat: Heartbeat | null;
  previous_heartbeat: Heartbeat | null;
  heartbeat_at: Date | null;
  last_seen_at: Date | null;
}

export async function nationalWaitTimes(pool: pg.Pool, now: number): Promise<NationalWaitTime[]> {
  const today = nationalDay(now);
  const [posts, waiting, cleared] = await Promise.all([
    pool.query<PostRow>(
      "SELECT id, name, heartbeat, previous_heartbeat, heartbeat_at, last_seen_at FROM posts ORDER BY name",
    ),
    pool.query("SELECT post_id, checkpoint_id, crossings FROM checkpoint_states WHERE state = 'waitingArea'"),
    pool.query(
      `SELECT post_id, checkpoint_id, sum(crossings)::int AS n FROM daily_counts
       WHERE day = $1 AND state IN ('released', 'refused') GROUP BY post_id, checkpoint_id`,
      [today],
    ),
  ]);
  const k = (postId: number, cp: string) => `${postId}/${cp}`;
  const waitingBy = new Map(waiting.rows.map((r) => [k(r.post_id, r.checkpoint_id), r.crossings as number]));
  const clearedBy = new Map(cleared.rows.map((r) => [k(r.post_id, r.checkpoint_id), r.n as number]));
  const rows: NationalWaitTime[] = [];
  for (const p of posts.rows) {
    const beat = p.heartbeat;
    const ids = new Set<string>(beat?.checkpoints.map((c) => c.checkpointId) ?? []);
    for (const r of waiting.rows) if (r.post_id === p.id) ids.add(r.checkpoint_id);
    const stale = !p.heartbeat_at || now - p.heartbeat_at.getTime() > STALE_AFTER_MS;
    for (const id of [...ids].sort()) {
      const hb = beat?.checkpoints.find((c) => c.checkpointId === id);
      const before = p.previous_heartbeat?.checkpoints.find((c) => c.checkpointId === id);
      const w = waitingBy.get(k(p.id, id)) ?? 0;
      rows.push({
        checkpointId: id,
        name: hb?.name ?? id,
        names: hb?.names ?? null,
        neighbour: hb?.neighbour ?? null,
        post: p.name,
        asOf: p.last_seen_at?.toISOString() ?? null,
        stale,
        waiting: Math.max(0, w),
        estimatedWaitMinutes: hb
          ? estimateWaitMinutes({
              trucksWaiting: Math.max(0, w),
              lanesOpen: hb.lanesOpen,
              throughputLastHour: hb.throughputLastHour,
              dailyLimit: hb.dailyLimit ?? Number.MAX_SAFE_INTEGER,
            })
          : null,
        throughputToday: clearedBy.get(k(p.id, id)) ?? 0,
        lanesOpen: hb?.lanesOpen ?? null,
        dailyLimit: hb?.dailyLimit ?? null,
        trend:
          hb && before
            ? hb.queueLength > before.queueLength
              ? "up"
              : hb.queueLength < before.queueLength
                ? "down"
                : "flat"
            : null,
        freePlacesNext24h: hb?.freePlacesNext24h ?? null,
      });
    }
  }
  return rows;
}

export async function nationalPosts(pool: pg.Pool): Promise<NationalPost[]> {
  const { rows } = await pool.query(
    `SELECT p.name, p.heartbeat, p.last_seen_at,
       coalesce((SELECT sum(events_ingested) FROM post_streams s WHERE s.post_id = p.id), 0)::bigint AS ingested,
       (SELECT count(*) FROM quarantine q WHERE q.post_id = p.id)::int AS quarantined,
       s.cursor, s.last_event_at
     FROM posts p
     LEFT JOIN LATERAL (SELECT cursor, last_event_at FROM post_streams s
       WHERE s.post_id = p.id AND s.epoch = coalesce(p.heartbeat->>'epoch', s.epoch)
       ORDER BY updated_at DESC LIMIT 1) s ON true
     ORDER BY p.name`,
  );
  return rows.map((r) => {
    const beat = r.heartbeat as Heartbeat | null;
    const lastSeq = Number(r.cursor ?? 0);
    const behind = beat ? Math.max(0, beat.lastSeq - lastSeq) : null;
    return {
      name: r.name,
      eventsIngested: Number(r.ingested),
      lastSeq,
      lastSeenAt: (r.last_seen_at as Date | null)?.toISOString() ?? null,
      lag:
        beat && behind !== null
          ? {
              events: behind,
              seconds:
                behind > 0 && r.last_event_at
                  ? Math.max(0, Math.round((beat.at - Number(r.last_event_at)) / 1000))
                  : 0,
            }
          : null,
      quarantined: r.quarantined,
    };
  });
}

export interface StageTime {
  stage: string;
  crossings: number;
  averageMinutes: number;
}

/** Time spent per stage at one checkpoint of one post, over the last `days` national days. */
export async function stageTimes(
  pool: pg.Pool,
  post: string,
  checkpointId: string,
  now: number,
  days = 7,
): Promise<StageTime[] | null> {
  const found = await pool.query("SELECT id FROM posts WHERE name = $1", [post]);
  const postId = found.rows[0]?.id;
  if (postId === undefined) return null;
  const since = nationalDay(now - (days - 1) * 86_400_000);
  const { rows } = await pool.query(
    `SELECT stage, sum(crossings)::int AS n, sum(total_ms)::float8 AS ms FROM stage_times
     WHERE post_id = $1 AND checkpoint_id = $2 AND day >= $3 GROUP BY stage ORDER BY stage`,
    [postId, checkpointId, since],
  );
  // along the truck's path, as the machine declares its states
  const order = Object.keys(crossingMachine.config.states ?? {});
  return rows
    .map((r) => ({
      stage: r.stage as string,
      crossings: r.n as number,
      averageMinutes: r.n > 0 ? Math.round(r.ms / r.n / 60_000) : 0,
    }))
    .sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage));
}
