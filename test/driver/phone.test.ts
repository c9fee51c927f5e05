/**
 * A real server and real Chromium at a phone's size: declare, see errors, book, see the pass, be
 * checked in and see the place in the queue, then the call, each appearing without a reload.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crossingStore } from "../../src/store/crossings.ts";
import { openDatabase } from "../../src/store/db.ts";
import { launchBrowser, PHONE, screenshot } from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server.ts";

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a driver on a phone", () => {
  it("declares, sees an inline error swapped in by htmx, books a slot and sees the pass", async () => {
    const page = await browser.newPage({ viewport: PHONE, locale: "ru-RU" });
    const cspErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") cspErrors.push(m.text());
    });
    await page.goto(`${server.url}/drive?lang=en`);
    await page.selectOption("#f-checkpointId", "nur-zholy");
    await page.fill("#f-vehicle-plate", "555KZA02");
    await page.fill("#f-vehicle-country", "KZ");
    await page.fill("#f-driver-name", "Phone Driver");
    await page.fill("#f-driver-phone", "12");
    await page.fill("#f-cargo-description", "Flour in bags");
    await page.fill("#f-cargo-hsCodes", "110100");
    await page.fill("#f-cargo-grossWeightKg", "20000");
    await page.click("button[type=submit]");
    await page.waitForSelector("#f-driver-phone-error");
    expect(page.url()).toContain("/drive");
    await screenshot(page, "driver-phone-error");

    await page.fill("#f-driver-phone", "+77011234567");
    await page.click("button[type=submit]");
    await page.waitForURL(/\/c\//);
    await page.click("form[action*='/book'] button:not([disabled])");
    await page.waitForSelector(".code");
    expect(await page.textContent("body")).toContain("Slot booked");
    expect(await page.getAttribute("img[alt]", "src")).toMatch(/^data:image\/svg\+xml;base64,/);
    await screenshot(page, "driver-phone-pass");

    // the gate checks the truck in, through the machine, on a second connection to the server's file
    const id = page.url().split("/c/")[1]?.split("?")[0] ?? "";
    const db = openDatabase(server.dbPath);
    try {
      const crossings = crossingStore(db);
      const officer = { kind: "officer" as const, id: "browser-test" };
      const checkIn = { walkInsAllowed: false, graceMinutes: 60 };
      expect(
        crossings.apply(id, { type: "CHECK_IN", policy: checkIn, at: Date.now(), actor: officer }).ok,
      ).toBe(true);
      await page.getByText(/Position in queue: \d+/).waitFor({ timeout: 20_000 });
      await screenshot(page, "driver-phone-in-queue");
      const call = {
        type: "CALL" as const,
        lane: 7,
        deadline: Date.now() + 20 * 60_000,
        at: Date.now(),
        actor: officer,
      };
      expect(crossings.apply(id, call).ok).toBe(true);
      await page.getByText(/Proceed to lane 7 before \d\d:\d\d/).waitFor({ timeout: 20_000 });
      await screenshot(page, "driver-phone-called");
    } finally {
      db.close();
    }
    expect(cspErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  }, 60_000);
});
