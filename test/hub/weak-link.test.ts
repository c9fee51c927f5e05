/**
 * A post behind a weak link (issue 17): the link to the hub runs through a loopback proxy that first
 * stalls (connections taken, nothing answered: the post learns only from its own timeouts) and then is
 * cut (refused). The post keeps declaring and booking throughout, provisionally; when the link returns,
 * every event is on the hub exactly once and every vehicle it took is claimed there.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declaration } from "../api/support.ts";
import { type LinkProxy, startLinkProxy } from "../support/link-proxy.ts";
import type { RunningServer } from "../support/server.ts";
import { addPost, type HubProcess, postLog, startHubOnThrowaway, startPost, until } from "./processes.ts";

describe("a post behind a weak link", () => {
  let hubOn: Awaited<ReturnType<typeof startHubOnThrowaway>>;
  let hub: HubProcess;
  let link: LinkProxy;
  let post: RunningServer;
  let pool: pg.Pool;

  beforeAll(async () => {
    hubOn = await startHubOnThrowaway();
    ({ hub } = hubOn);
    const { dbUrl } = hubOn;
    link = await startLinkProxy(hub.port);
    pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
    post = await startPost(link.url, addPost(dbUrl, "korday-post"), "korday", {
      env: { SEED_DEMO_TRAFFIC: "off", HUB_BACKOFF_MAX_MS: "400", HUB_CLAIM_TIMEOUT_MS: "1500" },
    });
  }, 400_000);

  afterAll(async () => {
    await post?.stop();
    await link?.close();
    await pool?.end();
    await hubOn?.stop();
  });

  /** Declared and booked at the post; the answer's status for each step. */
  const declareAndBook = async (plate: string) => {
    const declared = await fetch(`${post.url}/api/v1/crossings`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(declaration(plate, "korday")),
    });
    if (declared.status !== 201) return [declared.status];
    const { id } = (await declared.json()) as { id: string };
    const booked = await fetch(`${post.url}/api/v1/crossings/${id}/booking`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ firstAvailable: true }),
    });
    return [declared.status, booked.status];
  };

  const heldOnHub = async () => {
    const log = postLog(post.dbPath);
    const { rows } = await pool.query(
      "SELECT seq::int FROM events e JOIN posts p ON p.id = e.post_id WHERE p.name = 'korday-post' AND epoch = $1 ORDER BY seq",
      [log.epoch],
    );
    return { log: log.seqs, hub: rows.map((r) => r.seq as number) };
  };

  it("keeps taking trucks while the link stalls and while it is cut, and catches up exactly once", async () => {
    expect(await declareAndBook("101WL02")).toEqual([201, 201]);
    await until("the first truck on the hub", async () => {
      const h = await heldOnHub();
      return h.log.length > 0 && h.hub.length === h.log.length;
    });

    link.stall();
    for (const plate of ["102WL02", "103WL02", "104WL02"])
      expect(await declareAndBook(plate)).toEqual([201, 201]); // provisional: the hub's answer never came
    // the post's own rule still holds without the hub
    expect(await declareAndBook("102 wl 02")).toEqual([409]);

    link.cut();
    for (const plate of ["105WL02", "106WL02"]) expect(await declareAndBook(plate)).toEqual([201, 201]);
    const during = await heldOnHub();
    expect(during.hub.length).toBeLessThan(during.log.length);

    link.restore();
    const after = await until(
      "every event of the post on the hub",
      async () => {
        const h = await heldOnHub();
        return h.hub.length === h.log.length ? h : null;
      },
      180_000,
    );
    // exactly once, in order, nothing missing
    expect(after.hub).toEqual(after.log);
    // every vehicle the post took while alone is claimed at the hub, none lost to a duplicate
    const claims = await until("the claims settled", async () => {
      const { rows } = await pool.query(
        "SELECT plate, status FROM vehicle_claims c JOIN posts p ON p.id = c.post_id WHERE p.name = 'korday-post' ORDER BY plate",
      );
      return rows.length === 6 ? rows : null;
    });
    expect(claims.map((c) => c.status)).toEqual(Array(6).fill("confirmed"));
    const { rows: commands } = await pool.query("SELECT count(*)::int AS n FROM commands");
    expect(commands[0].n).toBe(0);
  }, 400_000);
});
