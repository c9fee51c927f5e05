/**
 * Rebuilds the projections from the hub's events alone, with the same fold ingest uses, and compares
 * the result with what ingest built. `npm run hub -- rebuild` replaces them when they differ.
 */
import type pg from "pg";
import { inTransaction } from "./db.ts";
import { emptyDelta, type ProjectedEvent, type ProjectionDelta, project } from "./projection.ts";
import { writeDelta } from "./projection-store.ts";

const PAGE = 10_000;

/** The projections as sorted rows of text, so two sets can be compared with one equality. */
export interface ProjectionRows {
  crossings: string[];
  checkpointStates: string[];
  daily: string[];
  stages: string[];
}

export async function foldAllEvents(pool: pg.Pool): Promise<Map<number, ProjectionDelta>> {
  const byPost = new Map<number, ProjectionDelta>();
  let after: [number, string, number] = [-1, "", 0];
  for (;;) {
    const { rows } = await pool.query(
      `SELECT post_id, epoch, seq, crossing_id, checkpoint_id, direction, type, payload, from_state, to_state, at
       FROM events WHERE (post_id, epoch, seq) > ($1, $2, $3) ORDER BY post_id, epoch, seq LIMIT ${PAGE}`,
      after,
    );
    for (const r of rows) {
      const delta = byPost.get(r.post_id) ?? emptyDelta();
      byPost.set(r.post_id, delta);
      const e: ProjectedEvent = {
        crossingId: r.crossing_id,
        checkpointId: r.checkpoint_id,
        direction: r.direction,
        type: r.type,
        payload: r.payload,
        fromState: r.from_state,
        toState: r.to_state,
        at: Number(r.at),
      };
      project([e], () => undefined, delta);
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) break;
    after = [last.post_id, last.epoch, Number(last.seq)];
  }
  return byPost;
}

export function rowsOfFold(byPost: Map<number, ProjectionDelta>): ProjectionRows {
  const out: ProjectionRows = { crossings: [], checkpointStates: [], daily: [], stages: [] };
  for (const [post, d] of byPost) {
    for (const [id, c] of d.crossings)
      out.crossings.push(
        [post, id, c.checkpointId, c.direction, c.channel, c.state, c.enteredAt, c.declaredAt, c.events].join(
          "|",
        ),
      );
    for (const [k, n] of d.checkpointStates)
      if (n !== 0) out.checkpointStates.push([post, ...k.split("\0"), n].join("|"));
    for (const [k, n] of d.daily) if (n !== 0) out.daily.push([post, ...k.split("\0"), n].join("|"));
    for (const [k, s] of d.stages)
      out.stages.push([post, ...k.split("\0"), s.crossings, s.totalMs].join("|"));
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

export async function storedProjectionRows(pool: pg.Pool): Promise<ProjectionRows> {
  const q = async (sql: string) =>
    (await pool.query({ text: sql, rowMode: "array" })).rows.map((r) => r.join("|")).sort();
  return {
    crossings: await q(
      "SELECT post_id, crossing_id, checkpoint_id, direction, channel, state, entered_at, declared_at, events FROM crossing_states",
    ),
    checkpointStates: await q(
      "SELECT post_id, checkpoint_id, state, crossings FROM checkpoint_states WHERE crossings <> 0",
    ),
    daily: await q(
      "SELECT post_id, checkpoint_id, to_char(day, 'YYYY-MM-DD'), direction, channel, state, crossings FROM daily_counts WHERE crossings <> 0",
    ),
    stages: await q(
      "SELECT post_id, checkpoint_id, to_char(day, 'YYYY-MM-DD'), stage, crossings, total_ms FROM stage_times",
    ),
  };
}

/** True when the stored projections differed from a rebuild (and, with replace, were replaced). */
export async function rebuildProjections(pool: pg.Pool, opts: { replace: boolean }): Promise<boolean> {
  const fold = await foldAllEvents(pool);
  const differed = JSON.stringify(rowsOfFold(fold)) !== JSON.stringify(await storedProjectionRows(pool));
  if (differed && opts.replace) {
    await inTransaction(pool, async (client) => {
      // ingest waits while the projections are rebuilt, so none of its deltas is lost
      await client.query("LOCK TABLE post_streams IN EXCLUSIVE MODE");
      await client.query("TRUNCATE crossing_states, checkpoint_states, daily_counts, stage_times");
      for (const [post, d] of await foldAllEvents(pool)) await writeDelta(client, post, d);
    });
  }
  return differed;
}
