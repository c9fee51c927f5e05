/**
 * The national page in real Chromium (issue 17): a hub process on a real PostgreSQL, a real post
 * process pushing two seeded checkpoints with their demo traffic, and a second post that has gone
 * quiet. A ministry reader sees every crossing by its name in their language, the stale post marked,
 * and reaches a crossing's time per stage in one click; at a laptop's size and a phone's.
 */

import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hubClient } from "../../src/post-link/hub-client.ts";
import { LAPTOP, launchBrowser, PHONE, screenshot } from "../support/browser.ts";
import type { RunningServer } from "../support/server.ts";
import { addPost, type HubProcess, startHubOnThrowaway, startPost, until } from "./processes.ts";
import { madeUpEvents } from "./support.ts";

interface WaitRow {
  post: string;
  checkpointId: string;
  stale: boolean;
}

describe("the national page in a browser", () => {
  let hubOn: Awaited<ReturnType<typeof startHubOnThrowaway>>;
  let hub: HubProcess;
  let post: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    hubOn = await startHubOnThrowaway();
    ({ hub } = hubOn);
    const { dbUrl } = hubOn;
    post = await startPost(hub.url, addPost(dbUrl, "khorgos-post"), "nur-zholy,bakhty");
    // a post heard from once, ten minutes ago: its row is marked stale
    const quiet = hubClient({ url: hub.url, key: addPost(dbUrl, "korday-post") });
    await quiet.pushBatch({
      epoch: "abcdefabcdefabcdefabcdefabcdefab",
      events: madeUpEvents({ trucks: 6, checkpointId: "korday", start: Date.now() - 3_600_000 }),
    });
    const pool = new pg.Pool({ connectionString: dbUrl, max: 1 });
    await pool.query(
      "UPDATE posts SET heartbeat_at = now() - interval '10 minutes' WHERE name = 'korday-post'",
    );
    await pool.end();
    await until("the post's heartbeat on the hub", async () => {
      const rows = (await (await fetch(`${hub.url}/api/v1/national/wait-times`)).json()) as WaitRow[];
      return rows.filter((r) => r.post === "khorgos-post" && !r.stale).length === 2 ? rows : null;
    });
    browser = await launchBrowser();
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await post?.stop();
    await hubOn?.stop();
  });

  it("shows every crossing by its Russian name, the quiet post marked, and a crossing's stages one click away", async () => {
    const page = await browser.newPage({ viewport: LAPTOP });
    const res = await page.goto(`${hub.url}/national?lang=ru`);
    expect(res?.status()).toBe(200);
    await page.locator("h1", { hasText: "Пункты пропуска Казахстана" }).waitFor();
    const rows = page.locator("#national tbody tr");
    expect(await rows.count()).toBe(3);
    // the names the post sent in its heartbeat, not the English ones
    expect(await rows.allTextContents()).toEqual([
      expect.stringContaining("Бахты"),
      expect.stringContaining("Нур Жолы (Хоргос)"),
      expect.stringContaining("korday"),
    ]);
    const quiet = page.locator("#national tr.stale");
    expect(await quiet.count()).toBe(1);
    expect(await quiet.textContent()).toContain("нет связи более 5 минут");
    // a post that never sent its status has no estimate: not "closed"
    expect(await quiet.textContent()).not.toContain("закрыт");
    // nothing the page needs comes from elsewhere, and nothing failed to load
    const failed: string[] = [];
    page.on("requestfailed", (r) => failed.push(r.url()));
    page.on("console", (m) => {
      if (m.type() === "error") failed.push(m.text());
    });
    await page.reload();
    await page.locator("#national tbody tr").first().waitFor();
    expect(failed).toEqual([]);
    await screenshot(page, "hub-national-ru-laptop");

    await page.getByRole("link", { name: "Нур Жолы (Хоргос)" }).click();
    await page.locator("h1", { hasText: "Время по этапам" }).waitFor();
    expect(page.url()).toContain("/national/khorgos-post/nur-zholy?lang=ru");
    expect(await page.locator("h1").textContent()).toContain("Нур Жолы (Хоргос)");
    // the stages in the order a truck goes through them, named as stages
    const stages = await page.locator("tbody tr td:first-child").allTextContents();
    expect(stages.slice(0, 3)).toEqual([
      "предварительная декларация, до бронирования",
      "бронь, до прибытия",
      "в зоне ожидания",
    ]);
    await screenshot(page, "hub-stage-times-ru-laptop");
    await page.close();
  }, 120_000);

  it("reads in Chinese at a phone's size, with the language switch on the page", async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${hub.url}/national?lang=en`);
    await page.getByRole("link", { name: "中文" }).click();
    await page.locator("h1", { hasText: "哈萨克斯坦各口岸" }).waitFor();
    expect(await page.locator("#national").textContent()).toContain("努尔若利（霍尔果斯）");
    // the table scrolls inside the page at a phone's width rather than widening the whole page
    const overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    // a figure's heading is not broken into a column of single characters
    const heading = page.locator("#national th").nth(3);
    expect((await heading.boundingBox())?.height).toBeLessThan(40);
    await screenshot(page, "hub-national-zh-phone");
    await page.close();
  }, 120_000);
});
