/**
 * Issue 22 in real headless Chromium against a real server: the Smart Customs gate hands a driverless
 * yellow truck to the manned lanes and releases a green one; the officers' dashboard marks the first
 * driverless (in the officer's language) with the gate's reason, and shows the released one apart; the supervisor closes the Smart Customs lane, and the change is in
 * the log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyStore } from "../../src/store/api-keys.ts";
import { crossingStore } from "../../src/store/crossings.ts";
import { type DB, openDatabase } from "../../src/store/db.ts";
import { declaration } from "../api/support.ts";
import { LAPTOP, launchBrowser, screenshot } from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { bookedDriverless, PASSWORD } from "./support.ts";

const PLATE = "733DRV05";
const RELEASED = "734DRV05";
let server: RunningServer;
let db: DB;

beforeAll(async () => {
  server = await startServer({ env: { SEED_DEMO_TRAFFIC: "off" } });
  db = openDatabase(server.dbPath);
  const at = Date.now();
  const carrier = apiKeyStore(db).create({ kind: "carrier", label: "Fleet" }, { userId: "t" }, at);
  const crossings = crossingStore(db);
  const slotStart = Math.floor(at / 3_600_000) * 3_600_000;
  /** Declared and booked by its carrier, into the slot running now. */
  const bookDriverless = (declaration: Record<string, unknown>) =>
    bookedDriverless(crossings, { ...declaration, checkpointId: "bakhty" }, carrier.key.id, at, {
      start: slotStart,
      end: slotStart + 3_600_000,
    });
  // an import without a transit document: the yellow channel, so the gate keeps the barrier down
  bookDriverless({
    direction: "import",
    vehicle: { plate: PLATE, country: "KZ", trailerPlate: "73TRL05", vin: "XTC54115R00007330" },
    cargo: { description: "Tyres", hsCodes: ["401120"], grossWeightKg: 12000, valueUsd: 30000 },
    transitDocument: { type: "none" },
  });
  // a complete green export, which the gate releases
  const { driver: _none, ...green } = declaration(RELEASED, "bakhty", true);
  bookDriverless({
    ...green,
    vehicle: { ...green.vehicle, vin: "XTC54115R00007340" },
  });
  const gate = apiKeyStore(db).create(
    { kind: "gate", label: "Bakhty gate", checkpointId: "bakhty" },
    { userId: "t" },
    at,
  );
  const readAt = (readId: string, plate: string) =>
    fetch(`${server.url}/api/v1/gate/reads`, {
      method: "POST",
      headers: { Authorization: `Bearer ${gate.secret}`, "Content-Type": "application/json" },
      body: JSON.stringify({ readId, plate }),
    }).then((r) => r.json());
  expect(await readAt("browser-1", PLATE)).toMatchObject({
    barrier: "closed",
    reasonCode: "customs-control",
  });
  expect(await readAt("browser-2", RELEASED)).toMatchObject({ barrier: "open" });
}, 60_000);
afterAll(async () => {
  db?.close();
  await server?.stop();
});

describe("driverless trucks on the officers' pages", () => {
  it("marks the truck driverless, with the gate's reason, in the officer's language", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: LAPTOP, locale: "en-GB" });
      await page.goto(`${server.url}/officer`);
      await page.fill("input[name=username]", "officer.bakhty");
      await page.fill("input[name=password]", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL(`${server.url}/officer/bakhty`);
      const row = page.locator(".queue li", { hasText: PLATE });
      await row.locator(".badge.driverless", { hasText: "Driverless" }).waitFor();
      expect(await row.textContent()).toContain(
        "Smart Customs gate: the yellow channel needs the scan at a manned lane",
      );
      // the one the gate released is apart from the officers' work, and counted apart today
      const released = page.locator("section", { hasText: "Smart Customs gate, last hours (1)" });
      await released.locator("li", { hasText: RELEASED }).locator(".badge.driverless").waitFor();
      expect(await page.locator("section", { hasText: "Today" }).first().textContent()).toContain(
        "by the Smart Customs gate: 1 of 1 (100%)",
      );
      await screenshot(page, "officer-driverless-waiting");

      await page.goto(`${server.url}/officer/bakhty?lang=ru`);
      await page.locator(".queue li", { hasText: PLATE }).locator(".badge.driverless").waitFor();
      expect(await page.locator(".badge.driverless").first().textContent()).toBe("Беспилотный");
      for (const lang of ["kk", "zh"] as const) {
        await page.goto(`${server.url}/officer/bakhty?lang=${lang}`);
        const mark = await page.locator(".badge.driverless").first().textContent();
        expect(mark).toBe(lang === "kk" ? "Жүргізушісіз" : "无人驾驶");
      }
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("the supervisor closes the Smart Customs lane with a reason, and the log keeps it", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: LAPTOP, locale: "en-GB" });
      await page.goto(`${server.url}/officer/bakhty/settings`);
      await page.fill("input[name=username]", "supervisor.bakhty");
      await page.fill("input[name=password]", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL(`${server.url}/officer/bakhty/settings`);
      const lane = page.locator("input[name=smartCustomsLane]");
      expect(await lane.isChecked()).toBe(true);
      await lane.uncheck();
      await page.fill("input[name=smartLaneFromHour]", "6");
      await page.fill("input[name=smartLaneToHour]", "22");
      await page.fill("input[name=reason]", "gate camera replaced");
      await Promise.all([
        page.waitForURL(/settings\?saved=1$/),
        page.getByRole("button", { name: "Save settings" }).click(),
      ]);
      const log = page.locator("table tbody");
      for (const setting of ["smartCustomsLane", "smartLaneFromHour", "smartLaneToHour"])
        await log.locator("tr", { hasText: setting }).filter({ hasText: "gate camera replaced" }).waitFor();
      await screenshot(page, "supervisor-smart-customs-lane");
    } finally {
      await browser.close();
    }
  }, 120_000);
});
