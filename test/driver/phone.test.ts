/** A real server and real Chromium at a phone's size: declare, see errors, book, see the pass. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    expect(cspErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  }, 30_000);
});
