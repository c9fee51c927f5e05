/**
 * Re-routing advice end to end (issue 17): a real post serving Nur Zholy and Bakhty pushes its status to
 * a real hub; Nur Zholy has no free place in the next 24 hours, so a driver declared there reads on the
 * booking page, in their language, that Bakhty on the same border has places: the figures went from the
 * post's heartbeat to the hub and back to the post. Never automatic: the truck stays where it is.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointStore } from "../../src/store/checkpoints.ts";
import { openDatabase } from "../../src/store/db.ts";
import { seedDatabase } from "../../src/store/seed.ts";
import { declaration } from "../api/support.ts";
import { launchBrowser, PHONE, screenshot } from "../support/browser.ts";
import { DEMO_PASSWORD, type RunningServer } from "../support/server.ts";
import { addPost, startHubOnThrowaway, startPost, until } from "./processes.ts";

describe("re-routing advice from the hub's figures", () => {
  let hubOn: Awaited<ReturnType<typeof startHubOnThrowaway>>;
  let post: RunningServer;

  beforeAll(async () => {
    hubOn = await startHubOnThrowaway();
    const { dbUrl, hub } = hubOn;
    // Nur Zholy takes one truck a day: two bookings fill today and tomorrow
    const dbPath = join(mkdtempSync(join(tmpdir(), "shekara-reroute-")), "post.db");
    const db = openDatabase(dbPath);
    const now = Date.now();
    seedDatabase(db, { now, demoPassword: DEMO_PASSWORD, demoTraffic: false });
    const checkpoints = checkpointStore(db);
    const nur = checkpoints.get("nur-zholy");
    if (!nur) throw new Error("no nur-zholy");
    checkpoints.updateConfig(nur.id, { ...nur.config, dailyLimit: 1 }, now);
    db.close();
    post = await startPost(hub.url, addPost(dbUrl, "khorgos-post"), "nur-zholy,bakhty", { dbPath });
  }, 400_000);

  afterAll(async () => {
    await post?.stop();
    await hubOn?.stop();
  });

  const declare = async (plate: string) => {
    const res = await fetch(`${post.url}/api/v1/crossings`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(declaration(plate, "nur-zholy")),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  it("tells a driver at a full crossing that Bakhty has places, in Russian, and moves nothing", async () => {
    for (const plate of ["301RR02", "302RR02"]) {
      const booked = await fetch(`${post.url}/api/v1/crossings/${await declare(plate)}/booking`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ firstAvailable: true }),
      });
      expect(booked.status).toBe(201);
    }
    const waiting = await declare("303RR02");
    // the hub's figures reach the post with its next heartbeat; the page shows them within the minute
    const html = await until(
      "the advice on the booking page",
      async () => {
        const page = await (await fetch(`${post.url}/c/${waiting}?lang=ru`)).text();
        return page.includes("свободно мест") ? page : null;
      },
      150_000,
    );
    expect(html).toMatch(/На пункте Бахты на той же границе свободно мест: \d+\./);
    const crossing = (await (await fetch(`${post.url}/api/v1/crossings/${waiting}`)).json()) as {
      state: string;
      checkpointId: string;
    };
    expect(crossing).toMatchObject({ state: "declared", checkpointId: "nur-zholy" });

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: PHONE });
      await page.goto(`${post.url}/c/${waiting}?lang=ru`);
      await page.locator(".notice", { hasText: "Бахты" }).waitFor();
      await screenshot(page, "hub-rerouting-advice-ru-phone");
    } finally {
      await browser.close();
    }
  }, 300_000);
});
