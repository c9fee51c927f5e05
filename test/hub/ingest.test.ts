import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  foldAllEvents,
  rebuildProjections,
  rowsOfFold,
  storedProjectionRows,
} from "../../src/hub/rebuild.ts";
import { HubRefusal } from "../../src/post-link/hub-client.ts";
import { madeUpEvents, startTestHub, type TestHub } from "./support.ts";

const EPOCH = "0123456789abcdef0123456789abcdef";

describe("hub ingest on a real PostgreSQL", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it("holds every event exactly once however often batches are re-sent, and moves the cursor", async () => {
    const post = await hub.clientFor("once");
    const events = madeUpEvents({ trucks: 300, checkpointId: "korday" });
    for (let i = 0; i < events.length; i += 250) {
      const batch = { epoch: EPOCH, events: events.slice(i, i + 250) };
      const r = await post.pushBatch(batch);
      expect(r.cursor).toBe(Math.min(i + 250, events.length));
      // the same batch again, as a post does when the answer was lost
      expect((await post.pushBatch(batch)).cursor).toBe(r.cursor);
    }
    const { rows } = await hub.pool.query(
      "SELECT count(*)::int AS n, count(DISTINCT seq)::int AS d, max(seq)::int AS top FROM events e JOIN posts p ON p.id = e.post_id WHERE p.name = 'once'",
    );
    expect(rows[0]).toEqual({ n: events.length, d: events.length, top: events.length });
  });

  it("refuses a batch after a gap and answers its cursor, so the post resends from there", async () => {
    const post = await hub.clientFor("gappy");
    const events = madeUpEvents({ trucks: 20, checkpointId: "bakhty" });
    await post.pushBatch({ epoch: EPOCH, events: events.slice(0, 10) });
    const refused = await post.pushBatch({ epoch: EPOCH, events: events.slice(20, 30) }).catch((e) => e);
    expect(refused).toBeInstanceOf(HubRefusal);
    expect(refused.status).toBe(409);
    expect(refused.body.cursor).toBe(10);
    const { rows } = await hub.pool.query(
      "SELECT count(*)::int AS n FROM events e JOIN posts p ON p.id = e.post_id WHERE p.name = 'gappy'",
    );
    expect(rows[0].n).toBe(10);
  });

  it("quarantines an event that arrives again with other content and keeps the one it held", async () => {
    const post = await hub.clientFor("restored");
    const events = madeUpEvents({ trucks: 5, checkpointId: "kalzhat" });
    await post.pushBatch({ epoch: EPOCH, events });
    const changed = events.map((e) => (e.seq === 3 ? { ...e, actorId: "someone-else" } : e));
    await post.pushBatch({ epoch: EPOCH, events: changed });
    await post.pushBatch({ epoch: EPOCH, events: changed });
    const q = await hub.pool.query(
      "SELECT seq::int, received->>'actorId' AS actor FROM quarantine q JOIN posts p ON p.id = q.post_id WHERE p.name = 'restored'",
    );
    expect(q.rows).toEqual([{ seq: 3, actor: "someone-else" }]);
    const held = await hub.pool.query(
      "SELECT actor_id FROM events e JOIN posts p ON p.id = e.post_id WHERE p.name = 'restored' AND seq = 3",
    );
    expect(held.rows[0].actor_id).toBe("test");
  });

  it("keeps a reseeded database's stream apart by its epoch", async () => {
    const post = await hub.clientFor("reseeded");
    const events = madeUpEvents({ trucks: 4, checkpointId: "dostyk" });
    await post.pushBatch({ epoch: EPOCH, events });
    const fresh = madeUpEvents({ trucks: 4, checkpointId: "dostyk", plates: "N" });
    expect((await post.pushBatch({ epoch: "f".repeat(32), events: fresh })).cursor).toBe(fresh.length);
    const q = await hub.pool.query(
      "SELECT count(*)::int AS n FROM quarantine q JOIN posts p ON p.id = q.post_id WHERE p.name = 'reseeded'",
    );
    expect(q.rows[0].n).toBe(0);
  });

  it("refuses an unsigned or wrongly signed batch with 401 and writes nothing", async () => {
    const res = await hub.app.request("/api/v1/ingest", { method: "POST", body: "{}" });
    expect(res.status).toBe(401);
    expect(res.headers.get("Content-Type")).toContain("application/problem+json");
    const other = await hub.clientFor("impostor");
    const forged = await hub.app.request("/api/v1/ingest", {
      method: "POST",
      headers: { "Shekara-Post": "once", "Shekara-Signature": "t=1,ed25519=AAAA" },
      body: "x",
    });
    expect(forged.status).toBe(401);
    expect(other.post).toBe("impostor");
  });

  it("lists every post with its events ingested, cursor, last contact and lag", async () => {
    const res = await hub.app.request("/api/v1/national/posts");
    expect(res.status).toBe(200);
    const posts = (await res.json()) as { name: string; eventsIngested: number; lastSeq: number }[];
    const once = posts.find((p) => p.name === "once");
    const events = madeUpEvents({ trucks: 300, checkpointId: "korday" }).length;
    expect(once).toMatchObject({ eventsIngested: events, lastSeq: events, lag: null });
    expect(posts.find((p) => p.name === "restored")).toMatchObject({ quarantined: 1 });
  });

  it("builds projections that equal a rebuild from the events", async () => {
    const rebuilt = rowsOfFold(await foldAllEvents(hub.pool));
    const stored = await storedProjectionRows(hub.pool);
    expect(stored.crossings.length).toBeGreaterThan(0);
    expect(stored.stages.length).toBeGreaterThan(0);
    expect(stored).toEqual(rebuilt);
    expect(await rebuildProjections(hub.pool, { replace: false })).toBe(false);
  });
});
