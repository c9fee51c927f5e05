/** Reads and writes the hub's projection tables; the fold itself is projection.ts. */
import type pg from "pg";
import { type CrossingProjection, type ProjectionDelta, splitKey } from "./projection.ts";

type Queryable = pg.Pool | pg.PoolClient;

export async function loadCrossings(
  db: Queryable,
  postId: number,
  crossingIds: string[],
): Promise<Map<string, CrossingProjection>> {
  const { rows } = await db.query(
    `SELECT crossing_id, checkpoint_id, direction, channel, state, entered_at, declared_at, events
     FROM crossing_states WHERE post_id = $1 AND crossing_id = ANY($2::text[])`,
    [postId, crossingIds],
  );
  return new Map(
    rows.map((r) => [
      r.crossing_id,
      {
        checkpointId: r.checkpoint_id,
        direction: r.direction,
        channel: r.channel,
        state: r.state,
        enteredAt: Number(r.entered_at),
        declaredAt: Number(r.declared_at),
        events: r.events,
      },
    ]),
  );
}

/** Adds a fold's result to the tables, inside the caller's transaction. */
export async function writeDelta(db: Queryable, postId: number, d: ProjectionDelta): Promise<void> {
  if (d.crossings.size > 0) {
    const ids: string[] = [];
    const cols: (string | number)[][] = [[], [], [], [], [], [], []];
    for (const [id, c] of d.crossings) {
      ids.push(id);
      const values = [c.checkpointId, c.direction, c.channel, c.state, c.enteredAt, c.declaredAt, c.events];
      for (const [i, v] of values.entries()) cols[i]?.push(v);
    }
    await db.query(
      `INSERT INTO crossing_states (post_id, crossing_id, checkpoint_id, direction, channel, state, entered_at, declared_at, events)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::int[])
       ON CONFLICT (post_id, crossing_id) DO UPDATE SET state = excluded.state, entered_at = excluded.entered_at,
         events = excluded.events, channel = excluded.channel`,
      [postId, ids, ...cols],
    );
  }
  const states = [...d.checkpointStates].filter(([, n]) => n !== 0);
  if (states.length > 0) {
    await db.query(
      `INSERT INTO checkpoint_states (post_id, checkpoint_id, state, crossings)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[])
       ON CONFLICT (post_id, checkpoint_id, state) DO UPDATE SET crossings = checkpoint_states.crossings + excluded.crossings`,
      [
        postId,
        ...columns(
          states.map(([k, n]) => [...splitKey(k), n]),
          3,
        ),
      ],
    );
  }
  if (d.daily.size > 0) {
    await db.query(
      `INSERT INTO daily_counts (post_id, checkpoint_id, day, direction, channel, state, crossings)
       SELECT $1, * FROM unnest($2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::int[])
       ON CONFLICT (post_id, checkpoint_id, day, direction, channel, state)
       DO UPDATE SET crossings = daily_counts.crossings + excluded.crossings`,
      [
        postId,
        ...columns(
          [...d.daily].map(([k, n]) => [...splitKey(k), n]),
          6,
        ),
      ],
    );
  }
  if (d.stages.size > 0) {
    await db.query(
      `INSERT INTO stage_times (post_id, checkpoint_id, day, stage, crossings, total_ms)
       SELECT $1, * FROM unnest($2::text[], $3::date[], $4::text[], $5::int[], $6::bigint[])
       ON CONFLICT (post_id, checkpoint_id, day, stage)
       DO UPDATE SET crossings = stage_times.crossings + excluded.crossings, total_ms = stage_times.total_ms + excluded.total_ms`,
      [
        postId,
        ...columns(
          [...d.stages].map(([k, s]) => [...splitKey(k), s.crossings, s.totalMs]),
          5,
        ),
      ],
    );
  }
}

/** Rows to one array per column, for unnest. */
function columns(rows: (string | number)[][], width: number): (string | number)[][] {
  const out: (string | number)[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i++) out[i]?.push(row[i] as string | number);
  return out;
}
