/**
 * Hub benchmark: a real hub process on a throw-away PostgreSQL, and 30 simulated posts (in this
 * process) pushing signed gzipped batches to it at once over loopback, as the pusher does.
 *   1. backlog: every post comes back from an outage with BACKLOG events and sends them as fast as the
 *      hub answers (batches of 1,000): sustained ingest with projections and claims, events per second;
 *   2. live: the posts write RATE events a second between them for SECONDS, each pushing every second;
 *      the lag from an event's commit at its post to the hub's answer that holds it (the projections,
 *      which the national feed reads, are written in the same transaction), p50 and p95.
 * Prints the median of ROUNDS rounds.   npm run bench:hub [-- --posts 30 --backlog 5000 --rate 6000 --seconds 20 --rounds 3]
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { startThrowawayPostgres } from "../scripts/pg-throwaway.ts";
import type { WireEvent } from "../src/hub/wire.ts";
import { gzipBatch, hubClient } from "../src/post-link/hub-client.ts";
import { addPost, startHubProcess } from "../test/hub/processes.ts";

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "30" },
    backlog: { type: "string", default: "5000" },
    rate: { type: "string", default: "6000" },
    seconds: { type: "string", default: "20" },
    rounds: { type: "string", default: "3" },
  },
});
const POSTS = Number(values.posts);
const BACKLOG = Number(values.backlog);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);

const PATH = ["declared", "booked", "waitingArea", "called", "documentCheck", "released"] as const;
const TYPES = ["DECLARE", "BOOK", "CHECK_IN", "CALL", "ARRIVE_AT_LANE", "RELEASE"];

/** A post's traffic: trucks moving through the states, a few at a time, as seq-numbered events. */
function postTraffic(post: number, epoch: string) {
  let seq = 0;
  let truck = 0;
  const moving: { id: string; n: number; plate: string }[] = [];
  return {
    next(count: number, at: () => number): WireEvent[] {
      const out: WireEvent[] = [];
      while (out.length < count) {
        if (moving.length < 50)
          moving.push({ id: `p${post}-${epoch}-${truck}`, n: 0, plate: `${post}B${truck++}KZ` });
        const i = (seq * 7) % moving.length;
        const t = moving[i] as { id: string; n: number; plate: string };
        out.push({
          seq: ++seq,
          crossingId: t.id,
          checkpointId: `cp-${post}`,
          direction: truck % 2 ? "export" : "import",
          n: t.n,
          type: TYPES[t.n] as string,
          payload: JSON.stringify(
            t.n === 0 ? { id: t.id, channel: "green", plate: t.plate } : { type: TYPES[t.n] },
          ),
          fromState: t.n === 0 ? null : (PATH[t.n - 1] as string),
          toState: PATH[t.n] as string,
          at: at(),
          actorKind: "system",
          actorId: "bench",
          reason: null,
          ...(t.n === 0 ? { vehicle: { plate: t.plate, vin: null } } : {}),
        });
        t.n++;
        if (t.n === PATH.length) moving.splice(i, 1);
      }
      return out;
    },
  };
}

/** As the pusher does: a lost answer (a connection reset) is sent again; ingest is idempotent. */
async function pushWithRetry(push: () => Promise<unknown>) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await push();
    } catch (e) {
      if (attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] as number;

async function round(r: number, cluster: Awaited<ReturnType<typeof startThrowawayPostgres>>) {
  const url = await cluster.createDatabase(`bench_${r}`);
  const hub = await startHubProcess(url);
  try {
    const epochOf = (i: number) =>
      `${String(r).padStart(2, "0")}${String(i).padStart(4, "0")}`.padEnd(32, "a");
    const posts = Array.from({ length: POSTS }, (_, i) => {
      const key = addPost(url, `post-${i}`);
      return { client: hubClient({ url: hub.url, key }), traffic: postTraffic(i, epochOf(i)) };
    });
    // 1. the backlog, built first so only the pushing is timed
    const batches = posts.map((p, i) => {
      const events = p.traffic.next(BACKLOG, () => Date.now());
      const out: Uint8Array[] = [];
      for (let j = 0; j < events.length; j += 1000)
        out.push(gzipBatch({ epoch: epochOf(i), events: events.slice(j, j + 1000) }));
      return out;
    });
    const t0 = performance.now();
    await Promise.all(
      posts.map(async (p, i) => {
        for (const body of batches[i] as Uint8Array[]) await pushWithRetry(() => p.client.pushBatch(body));
      }),
    );
    const backlogRate = (POSTS * BACKLOG) / ((performance.now() - t0) / 1000);

    // 2. live: each post writes its share every second and pushes what it has
    const perPostPerSecond = RATE / POSTS;
    const lags: number[] = [];
    let events = 0;
    const started = Date.now();
    await Promise.all(
      posts.map(async (p, i) => {
        const pending: WireEvent[] = [];
        let written = 0;
        while (Date.now() - started < SECONDS * 1000) {
          // events "commit" at the post spread over the second, as a live post writes them
          const due = Math.floor(((Date.now() - started) / 1000) * perPostPerSecond) - written;
          if (due > 0) {
            pending.push(...p.traffic.next(due, () => Date.now()));
            written += due;
          }
          while (pending.length > 0) {
            const batch = pending.splice(0, 1000);
            await pushWithRetry(() => p.client.pushBatch({ epoch: epochOf(i), events: batch }));
            const now = Date.now();
            for (const e of batch) lags.push(now - e.at);
            events += batch.length;
          }
          await new Promise((res) => setTimeout(res, 1000));
        }
      }),
    );
    const liveRate = events / ((Date.now() - started) / 1000);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const held = Number((await pool.query("SELECT count(*) FROM events")).rows[0].count);
    await pool.end();
    return {
      backlogRate,
      liveRate,
      p50: quantile(lags, 0.5),
      p95: quantile(lags, 0.95),
      held,
      expected: POSTS * BACKLOG + events,
    };
  } finally {
    await hub.stop();
  }
}

const cluster = await startThrowawayPostgres();
try {
  const results = [];
  for (let r = 0; r < ROUNDS; r++) {
    const res = await round(r, cluster);
    results.push(res);
    console.log(
      `round ${r + 1}: backlog ${Math.round(res.backlogRate)} events/s; live ${Math.round(res.liveRate)} events/s, ` +
        `commit-to-feed lag p50 ${res.p50} ms, p95 ${res.p95} ms; hub holds ${res.held} of ${res.expected}`,
    );
    if (res.held !== res.expected) throw new Error("the hub does not hold every event exactly once");
  }
  console.log(
    `\nmedian of ${ROUNDS} (${POSTS} posts): backlog ingest ${Math.round(median(results.map((r) => r.backlogRate)))} events/s; ` +
      `live ${Math.round(median(results.map((r) => r.liveRate)))} events/s offered ${RATE}; ` +
      `lag p50 ${median(results.map((r) => r.p50))} ms, p95 ${median(results.map((r) => r.p95))} ms`,
  );
} finally {
  await cluster.stop();
}
