import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Heartbeat } from "../../src/hub/wire.ts";
import { madeUpEvents, startTestHub, type TestHub } from "./support.ts";

const EPOCH = "abcdefabcdefabcdefabcdefabcdefab";

const beat = (at: number, queueLength: number): Heartbeat => ({
  epoch: EPOCH,
  at,
  lastSeq: 90,
  checkpoints: [
    {
      checkpointId: "korday",
      name: "Korday",
      neighbour: "KG",
      queueLength,
      lanesOpen: 4,
      dailyLimit: 400,
      throughputLastHour: 12,
      estimatedWaitMinutes: 30,
      freePlacesNext24h: 100,
    },
  ],
});

describe("the national picture", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
    const post = await hub.clientFor("korday-post");
    const now = Date.now();
    await post.pushBatch({
      epoch: EPOCH,
      events: madeUpEvents({ trucks: 30, checkpointId: "korday", start: now - 3_600_000 }),
    });
    await post.heartbeat(beat(now - 60_000, 5));
    await post.heartbeat(beat(now, 9));
    // a post that has not been heard from for ten minutes
    const quiet = await hub.clientFor("bakhty-post");
    await quiet.pushBatch({ epoch: EPOCH, events: madeUpEvents({ trucks: 3, checkpointId: "bakhty" }) });
    await hub.pool.query(
      "UPDATE posts SET heartbeat_at = now() - interval '10 minutes' WHERE name = 'bakhty-post'",
    );
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it("serves one row per checkpoint of every post, stale posts marked, no personal data", async () => {
    const res = await hub.app.request("/api/v1/national/wait-times");
    const rows = (await res.json()) as Record<string, unknown>[];
    const korday = rows.find((r) => r.checkpointId === "korday");
    // every third made-up truck stops in the waiting area; the other two are released today
    expect(korday).toMatchObject({
      post: "korday-post",
      stale: false,
      waiting: 10,
      throughputToday: 20,
      trend: "up",
    });
    expect(korday?.estimatedWaitMinutes).toBe(50);
    expect(rows.find((r) => r.checkpointId === "bakhty")).toMatchObject({ post: "bakhty-post", stale: true });
    expect(JSON.stringify(rows)).not.toMatch(/KZ"|plate|vin/i);
    const one = (await (
      await hub.app.request("/api/v1/national/wait-times?post=bakhty-post")
    ).json()) as unknown[];
    expect(one).toHaveLength(1);
    expect((await hub.app.request("/api/v1/national/wait-times?post=Not%20A%20Post")).status).toBe(400);
  });

  it("shows the national page in each of the four languages, and its fragment to htmx", async () => {
    const titles = {
      ru: "Пункты пропуска Казахстана",
      kk: "Қазақстанның өткізу пункттері",
      zh: "哈萨克斯坦各口岸",
      en: "Border crossings of Kazakhstan",
    };
    for (const [lang, title] of Object.entries(titles)) {
      const html = await (await hub.app.request(`/national?lang=${lang}`)).text();
      expect(html).toContain(title);
      expect(html).toContain("Korday");
    }
    const page = await (await hub.app.request("/national?lang=ru")).text();
    expect(page).toContain("нет связи более 5 минут");
    const fragment = await hub.app.request("/national?lang=en", { headers: { "HX-Request": "true" } });
    expect(fragment.headers.get("Vary")).toContain("HX-Request");
    const text = await fragment.text();
    expect(text).not.toContain("<html");
    expect(text).toContain('hx-trigger="every 15s"');
  });

  it("shows a crossing's per-stage times one click away", async () => {
    const page = await hub.app.request("/national/korday-post/korday?lang=en");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Time per stage");
    const stages = (await (
      await hub.app.request("/api/v1/national/posts/korday-post/checkpoints/korday/stage-times")
    ).json()) as {
      stage: string;
      crossings: number;
      averageMinutes: number;
    }[];
    expect(stages.find((s) => s.stage === "declared")).toEqual({
      stage: "declared",
      crossings: 30,
      averageMinutes: 10,
    });
    expect((await hub.app.request("/national/nobody/korday")).status).toBe(404);
  });

  it("publishes an OpenAPI document that Redocly lints clean", async () => {
    const doc = await (await hub.app.request("/api/openapi.json")).json();
    const dir = mkdtempSync(join(tmpdir(), "hub-openapi-"));
    writeFileSync(join(dir, "hub.json"), JSON.stringify(doc));
    const out = execFileSync("npx", ["redocly", "lint", "--format", "stylish", join(dir, "hub.json")], {
      encoding: "utf8",
      cwd: new URL("../..", import.meta.url).pathname,
    });
    expect(out).not.toMatch(/warning|error/i);
  }, 120_000);
});
