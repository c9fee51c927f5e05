/**
 * A post's key lost or stolen: `npm run hub -- rotate-key <name>` prints a new key, and the running hub
 * refuses the old one within its key cache's 30 s while the new one is taken; the post's events and
 * cursor stay as they were. Unknown posts and bad names are refused by the command.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HubRefusal, hubClient } from "../../src/post-link/hub-client.ts";
import { addPost, type HubProcess, startHubOnThrowaway, until } from "./processes.ts";
import { madeUpEvents } from "./support.ts";

const EPOCH = "0123456789abcdef0123456789abcdef";

describe("rotating a post's key", () => {
  let hubOn: Awaited<ReturnType<typeof startHubOnThrowaway>>;
  let dbUrl: string;
  let hub: HubProcess;

  beforeAll(async () => {
    hubOn = await startHubOnThrowaway();
    ({ dbUrl, hub } = hubOn);
  }, 200_000);
  afterAll(async () => {
    await hubOn?.stop();
  });

  /** The hub's answer to a push (`firstSeq` given) or, without one, to a heartbeat that changes no stream. */
  const status = async (key: string, firstSeq?: number) => {
    const client = hubClient({ url: hub.url, key });
    try {
      if (firstSeq === undefined)
        await client.heartbeat({ epoch: EPOCH, at: Date.now(), lastSeq: 3, checkpoints: [] });
      else
        await client.pushBatch({
          epoch: EPOCH,
          // a truck of three events (declared, booked, in the waiting area), its id named by its first seq
          events: madeUpEvents({ trucks: 1, checkpointId: "korday", firstSeq, plates: `s${firstSeq}` }),
        });
      return 200;
    } catch (e) {
      if (e instanceof HubRefusal) return e.status;
      throw e;
    }
  };

  it("refuses the old key and takes the new one, keeping what the post sent", async () => {
    const old = addPost(dbUrl, "korday-post");
    expect(await status(old, 1)).toBe(200);
    const fresh = addPost(dbUrl, "korday-post", "rotate-key");
    expect(fresh).toMatch(/^shk1\.korday-post\./);
    expect(fresh).not.toBe(old);
    await until("the old key refused", async () => (await status(old)) === 401, 90_000);
    expect(await status(old, 4)).toBe(401);
    // the new key continues the same stream from the hub's cursor
    expect(await status(fresh, 4)).toBe(200);
    const posts = (await (await fetch(`${hub.url}/api/v1/national/posts`)).json()) as {
      name: string;
      lastSeq: number;
    }[];
    expect(posts.find((p) => p.name === "korday-post")?.lastSeq).toBe(6);
  }, 200_000);

  it("refuses an unknown post and a bad name, changing nothing", () => {
    const run = (name: string) =>
      spawnSync(process.execPath, ["--import", "tsx", "src/hub/main.ts", "rotate-key", name], {
        cwd: new URL("../..", import.meta.url).pathname,
        env: { ...process.env, HUB_DATABASE_URL: dbUrl },
        encoding: "utf8",
      });
    const unknown = run("nobody");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("no post named nobody is registered");
    const bad = run("Bad Name!");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("usage: npm run hub -- rotate-key <name>");
  }, 120_000);
});
