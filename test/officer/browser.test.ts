/**
 * Issue 4's browser test, in real headless Chromium against a real server: an officer signs in,
 * checks a truck in, calls it, takes it through the document check and the scan and releases it,
 * clicking the dashboard's own buttons; the audit trail shows each step; the driver's page, open
 * on a phone all along, shows the call and the release without a reload.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crossingStore, type StoredCrossing } from "../../src/store/crossings.ts";
import { type DB, openDatabase } from "../../src/store/db.ts";
import { LAPTOP, launchBrowser, PHONE, screenshot } from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { bookedTruck, PASSWORD } from "./support.ts";

const PLATE = "321KZC02";
let server: RunningServer;
let db: DB;
let truck: StoredCrossing;

beforeAll(async () => {
  // an empty waiting area, so the discipline has only this truck to call
  server = await startServer({ env: { SEED_DEMO_TRAFFIC: "off" } });
  db = openDatabase(server.dbPath);
  // booked into the slot running now, as a driver would have done from /drive
  const slotStart = Math.floor(Date.now() / 1_800_000) * 1_800_000;
  truck = bookedTruck(crossingStore(db), PLATE, slotStart);
}, 60_000);
afterAll(async () => {
  db?.close();
  await server?.stop();
});

/** Clicks a button on the truck's own card and waits for the dashboard to come back. */
async function press(page: Page, label: string) {
  const card = page.locator(".card", { hasText: PLATE });
  await Promise.all([
    page.waitForURL(`${server.url}/officer/nur-zholy`),
    card.getByRole("button", { name: label, exact: true }).click(),
  ]);
}

describe("an officer runs a truck through the dashboard in Chromium", () => {
  it("from check-in to release, seen on the driver's phone and in the audit trail", async () => {
    const browser = await launchBrowser();
    try {
      const driver = await browser.newPage({ viewport: PHONE, locale: "en-GB" });
      await driver.goto(`${server.url}/c/${truck.row.id}?lang=en`);
      await screenshot(driver, "driver-before-check-in");

      const officer = await browser.newPage({ viewport: LAPTOP });
      await officer.goto(`${server.url}/officer`);
      await officer.fill("input[name=username]", "officer.nurzholy");
      await officer.fill("input[name=password]", PASSWORD);
      await officer.click("button[type=submit]");
      await officer.waitForURL(`${server.url}/officer/nur-zholy`);

      await officer.fill("#check-in-code", truck.row.code);
      await Promise.all([officer.waitForURL(/\/officer\/nur-zholy$/), officer.click("text=Check in")]);
      await officer.locator(".queue li", { hasText: PLATE }).waitFor();

      await Promise.all([
        officer.waitForURL(/\/officer\/nur-zholy$/),
        officer.getByRole("button", { name: "Call next truck" }).click(),
      ]);
      await screenshot(officer, "officer-truck-called");
      await officer.locator(".card", { hasText: PLATE }).waitFor();

      // the driver's page picks up the call by itself (it polls every 15 s)
      await driver.getByText(/Proceed to lane \d+ before \d\d:\d\d/).waitFor({ timeout: 20_000 });
      await screenshot(driver, "driver-called");

      await press(officer, "Start document check");
      await press(officer, "Documents in order");
      await press(officer, "Send to scan");
      await press(officer, "Scan clear");
      await press(officer, "Release");
      await officer.locator("li", { hasText: PLATE }).filter({ hasText: "released" }).waitFor();

      await driver.getByText("Released. Have a good trip!").waitFor({ timeout: 20_000 });
      await screenshot(driver, "driver-released");

      await officer.goto(`${server.url}/officer/nur-zholy/crossings/${truck.row.id}`);
      const trail = (await officer.locator("table").textContent()) ?? "";
      for (const step of ["CHECK_IN", "CALL", "ARRIVE_AT_LANE", "RECORD_DOCUMENT_CHECK", "SEND_TO_SCAN"])
        expect(trail).toContain(step);
      expect(trail).toContain("RECORD_SCAN");
      expect(trail).toContain("RELEASE");
      expect(trail).toContain("officer.nurzholy");
      await screenshot(officer, "officer-audit-trail");
      expect(crossingStore(db).get(truck.row.id)?.row.state).toBe("released");
    } finally {
      await browser.close();
    }
  }, 90_000);

  it("a supervisor changes the shift's settings on a tablet, and the change is in the log", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 820, height: 1180 } });
      await page.goto(`${server.url}/officer/nur-zholy/settings`);
      await page.fill("input[name=username]", "supervisor.nurzholy");
      await page.fill("input[name=password]", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL(`${server.url}/officer/nur-zholy/settings`);
      await page.fill("input[name=scanners]", "3");
      await page.fill("input[name=reason]", "third scanner in service");
      await Promise.all([
        page.waitForURL(/saved=1/),
        page.getByRole("button", { name: "Save settings" }).click(),
      ]);
      await page.getByText("Saved.").waitFor();
      const log = (await page.locator("table").textContent()) ?? "";
      expect(log).toContain("scanners");
      expect(log).toContain("third scanner in service");
      await screenshot(page, "supervisor-settings-tablet");
    } finally {
      await browser.close();
    }
  }, 60_000);
});
