/** A hub on a throw-away PostgreSQL, called in-process through app.request, and made-up event streams. */
import type pg from "pg";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/pg-throwaway.ts";
import { createHubApp } from "../../src/hub/app.ts";
import { migrateHub, openHubPool } from "../../src/hub/db.ts";
import { postStore } from "../../src/hub/posts.ts";
import type { WireEvent } from "../../src/hub/wire.ts";
import { hubClient } from "../../src/post-link/hub-client.ts";

export interface TestHub {
  cluster: ThrowawayPostgres;
  url: string;
  pool: pg.Pool;
  app: ReturnType<typeof createHubApp>;
  clientFor(name: string): Promise<ReturnType<typeof hubClient> & { key: string }>;
  stop(): Promise<void>;
}

let databases = 0;

export async function startTestHub(cluster?: ThrowawayPostgres): Promise<TestHub> {
  const own = !cluster;
  const c = cluster ?? (await startThrowawayPostgres());
  const url = await c.createDatabase(`hub_${process.pid}_${databases++}`);
  const pool = openHubPool(url);
  await migrateHub(pool);
  const posts = postStore(pool);
  const app = createHubApp({ pool, posts, now: () => Date.now() });
  return {
    cluster: c,
    url,
    pool,
    app,
    async clientFor(name) {
      const { key } = await posts.add(name);
      const client = hubClient({
        url: "http://hub.test",
        key,
        fetch: async (u, init) => app.request(u, init),
      });
      return { ...client, key };
    },
    async stop() {
      await pool.end();
      if (own) await c.stop();
    },
  };
}

/** A post's stream: crossings declared, booked, checked in, released, as seq-numbered wire events. */
export function madeUpEvents(opts: {
  trucks: number;
  checkpointId: string;
  start?: number;
  firstSeq?: number;
  plates?: string;
}) {
  const out: WireEvent[] = [];
  let seq = opts.firstSeq ?? 1;
  const t0 = opts.start ?? Date.UTC(2026, 10, 29, 6);
  const path = ["declared", "booked", "waitingArea", "called", "documentCheck", "released"];
  const types = ["DECLARE", "BOOK", "CHECK_IN", "CALL", "ARRIVE_AT_LANE", "RELEASE"];
  for (let t = 0; t < opts.trucks; t++) {
    const id = `${opts.checkpointId}-${opts.plates ?? "x"}-${t}`;
    // every third truck stops in the waiting area
    const steps = t % 3 === 0 ? 3 : path.length;
    for (let n = 0; n < steps; n++) {
      out.push({
        seq: seq++,
        crossingId: id,
        checkpointId: opts.checkpointId,
        direction: t % 2 ? "entry" : "exit",
        n,
        type: types[n] as string,
        payload: JSON.stringify(n === 0 ? { id, channel: t % 4 === 0 ? "yellow" : "green" } : { n }),
        fromState: n === 0 ? null : (path[n - 1] as string),
        toState: path[n] as string,
        at: t0 + t * 60_000 + n * 600_000,
        actorKind: "system",
        actorId: "test",
        reason: null,
        vehicle: n === 0 ? { plate: `${opts.plates ?? "X"}${t}KZ`, vin: null } : undefined,
      });
    }
  }
  return out;
}
