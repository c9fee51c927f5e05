/**
 * A real hub process on a real PostgreSQL, and two real post processes on loopback pushing to it:
 * every event held exactly once, a vehicle active at one post refused at the other, and one taken
 * while the hub was down cancelled at reconciliation, with the driver told.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/pg-throwaway.ts";
import { declaration } from "../api/support.ts";
import type { RunningServer } from "../support/server.ts";
import { addPost, type HubProcess, postLog, startHubProcess, startPost, until } from "./processes.ts";

const declare = (post: RunningServer, plate: string, checkpointId: string) =>
  fetch(`${post.url}/api/v1/crossings`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(declaration(plate, checkpointId)),
  });

interface WaitRow {
  post: string;
  checkpointId: string;
  stale: boolean;
}

describe("two posts and a hub on loopback", () => {
  let cluster: ThrowawayPostgres;
  let dbUrl: string;
  let hub: HubProcess;
  let nur: RunningServer;
  let korday: RunningServer;
  let pool: pg.Pool;

  const heldExactlyOnce = async (post: RunningServer, name: string) => {
    const log = postLog(post.dbPath);
    const { rows } = await pool.query(
      `SELECT seq::int FROM events e JOIN posts p ON p.id = e.post_id WHERE p.name = $1 AND epoch = $2 ORDER BY seq`,
      [name, log.epoch],
    );
    return rows.map((r) => r.seq).join(",") === log.seqs.join(",");
  };

  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
    dbUrl = await cluster.createDatabase("hub");
    hub = await startHubProcess(dbUrl);
    pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
    const env = { HUB_BACKOFF_MAX_MS: "400", HUB_CLAIM_TIMEOUT_MS: "2000" };
    const nurKey = addPost(dbUrl, "nur-zholy-post");
    const kordayKey = addPost(dbUrl, "korday-post");
    expect(nurKey).toMatch(/^shk1\.nur-zholy-post\./);
    // one at a time: the machine is shared, and a post's first start seeds its database
    nur = await startPost(hub.url, nurKey, "nur-zholy", { env });
    korday = await startPost(hub.url, kordayKey, "korday", { env: { ...env, SEED_DEMO_TRAFFIC: "off" } });
  }, 400_000);

  afterAll(async () => {
    await Promise.all([nur?.stop(), korday?.stop()]);
    await hub?.stop();
    await pool?.end();
    await cluster?.stop();
  });

  it("holds every event of both posts exactly once, seeded demo trucks included", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await declare(nur, `111NZ${i}02`, "nur-zholy")).status).toBe(201);
      expect((await declare(korday, `222KD${i}02`, "korday")).status).toBe(201);
    }
    await until(
      "both logs on the hub",
      async () =>
        (await heldExactlyOnce(nur, "nur-zholy-post")) && (await heldExactlyOnce(korday, "korday-post")),
    );
    const posts = (await (await fetch(`${hub.url}/api/v1/national/posts`)).json()) as { name: string }[];
    const byName = new Map(posts.map((p: { name: string }) => [p.name, p]));
    expect(byName.get("nur-zholy-post")).toMatchObject({ eventsIngested: postLog(nur.dbPath).seqs.length });
    const waits = await until("heartbeats of both posts", async () => {
      const rows = (await (await fetch(`${hub.url}/api/v1/national/wait-times`)).json()) as WaitRow[];
      return rows.length >= 2 && rows.every((r: { stale: boolean }) => !r.stale) ? rows : null;
    });
    expect(
      waits.map((r: { post: string; checkpointId: string }) => `${r.post}/${r.checkpointId}`).sort(),
    ).toEqual(["korday-post/korday", "nur-zholy-post/nur-zholy"]);
    // no personal data in the national feed
    expect(JSON.stringify(waits)).not.toMatch(/111NZ|Serik|\+7701/);
  }, 120_000);

  it("refuses a vehicle at the second post while it has an active crossing at the first", async () => {
    expect((await declare(nur, "777AAA02", "nur-zholy")).status).toBe(201);
    const second = await declare(korday, "777 aaa 02", "korday");
    expect(second.status).toBe(409);
    expect(((await second.json()) as { detail: string }).detail).toContain("nur-zholy-post");
  }, 60_000);

  it("cancels at reconciliation the later of two declarations taken while the hub was down, and tells its driver", async () => {
    await hub.kill();
    const first = await declare(nur, "888BBB02", "nur-zholy");
    expect(first.status).toBe(201); // provisional: the hub did not answer
    const second = await declare(korday, "888BBB02", "korday");
    expect(second.status).toBe(201);
    const later = (await second.json()) as { id: string };
    hub = await startHubProcess(dbUrl, hub.port);
    const cancelled = await until(
      "the later declaration cancelled by the hub's command",
      async () => {
        const db = new Database(korday.dbPath, { readonly: true });
        try {
          return db
            .prepare(
              `SELECT e.actor_id, e.reason, n.kind FROM crossing_events e
               JOIN notifications n ON n.seq = e.seq WHERE e.crossing_id = ? AND e.type = 'CANCEL'`,
            )
            .get(later.id) as { actor_id: string; reason: string; kind: string } | undefined;
        } finally {
          db.close();
        }
      },
      120_000,
    );
    expect(cancelled.kind).toBe("crossing-cancelled");
    expect(cancelled.actor_id).toMatch(/^hub-command:[0-9a-f-]{36}$/);
    expect(cancelled.reason).toContain(cancelled.actor_id.slice("hub-command:".length));
    // the driver reads why on the crossing page, in their language
    const page = await (await fetch(`${korday.url}/c/${later.id}?lang=ru`)).text();
    expect(page).toContain("эта машина раньше задекларирована на другом пункте пропуска (nur-zholy-post)");
    // the earlier one keeps the vehicle, and the command is done once
    const commands = await until("the command reported done", async () => {
      const { rows } = await pool.query("SELECT done_at, outcome FROM commands");
      return rows.length === 1 && rows[0].done_at ? rows : null;
    });
    expect(commands[0].outcome).toBe("cancelled");
    const firstId = ((await first.json()) as { id: string }).id;
    const state = (await (await fetch(`${nur.url}/api/v1/crossings/${firstId}`)).json()) as { state: string };
    expect(state.state).toBe("declared");
    await until(
      "both logs on the hub again",
      async () =>
        (await heldExactlyOnce(nur, "nur-zholy-post")) && (await heldExactlyOnce(korday, "korday-post")),
    );
  }, 240_000);
});
