/**
 * Issue 14 in real Chromium: a driver on a phone picks a day, books, opens the cancel confirmation
 * and meets the rate limit inside the form (htmx swaps the 429); an officer at a desk and on a phone
 * opens a waiting truck's declaration with one click. Screenshots in test-results/screenshots/.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crossingStore } from "../../src/store/crossings.ts";
import { openDatabase } from "../../src/store/db.ts";
import { LAPTOP, launchBrowser, PHONE, screenshot } from "../support/browser.ts";
import { DEMO_PASSWORD, type RunningServer, startServer } from "../support/server.ts";

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  // two writes a minute per address: the declaration and the booking pass, the third is refused
  server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: "2" } });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function fillDeclaration(page: Page, plate: string) {
  await page.selectOption("#f-checkpointId", "nur-zholy");
  await page.fill("#f-vehicle-plate", plate);
  await page.fill("#f-vehicle-country", "KZ");
  await page.fill("#f-vehicle-vin", "XTC65115012345678");
  await page.fill("#f-driver-name", "Phone Driver");
  await page.fill("#f-driver-phone", "+77011234567");
  await page.fill("#f-cargo-description", "Flour in bags");
  await page.fill("#f-cargo-hsCodes", "110100");
  await page.fill("#f-cargo-grossWeightKg", "20000");
}

let crossingId = "";

describe("a driver on a phone, in Russian", () => {
  it("picks a day, books First available, sees the cancel confirmation, and reads the 429 in the form", async () => {
    const page = await browser.newPage({ viewport: PHONE, locale: "ru-RU" });
    const cspErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(`${server.url}/drive?lang=ru`);
    await fillDeclaration(page, "А555ВС02");
    await page.click("#declare button[type=submit]");
    await page.waitForURL(/\/c\//);
    crossingId = page.url().split("/c/")[1]?.split("?")[0] ?? "";
    expect(await page.textContent("#next-step")).toContain("выберите время прибытия");
    const days = page.locator(".days a");
    expect(await days.count()).toBeGreaterThanOrEqual(7);
    await days.nth(2).click();
    await page.waitForURL(/day=\d+/);
    expect(await page.getAttribute(".days a.chosen", "aria-current")).toBe("date");
    await screenshot(page, "issue14-phone-day-picker");

    await page.click("#slot-picker form:has(input[value=first]) button");
    await page.waitForSelector(".code");
    expect(await page.textContent("body")).toContain("Регистрируйтесь на пункте пропуска с");
    await screenshot(page, "issue14-phone-booked");

    await page.click(`a[href^="/c/${crossingId}/cancel"]`);
    await page.waitForURL(/\/cancel/);
    expect(await page.textContent("h1")).toBe("Отменить проезд?");
    await screenshot(page, "issue14-phone-cancel-confirm");
    await page.click("text=Нет, оставить");
    await page.waitForURL(new RegExp(`/c/${crossingId}\\?`));

    // a third write within the minute: refused, and the refusal appears where the driver looks
    await page.goto(`${server.url}/drive?lang=ru`);
    await fillDeclaration(page, "777LIM02");
    await page.click("#declare button[type=submit]");
    const refusal = page.locator("#refusal [role=alert]");
    await refusal.waitFor({ timeout: 20_000 });
    expect(await refusal.textContent()).toMatch(/Слишком много изменений.*ничего не изменено/);
    expect(page.url()).toContain("/drive");
    expect(await page.inputValue("#f-vehicle-plate")).toBe("777LIM02"); // the form and its input kept
    await screenshot(page, "issue14-phone-429");
    expect(cspErrors).toEqual([]);
  }, 120_000);
});

describe("an officer", () => {
  for (const [name, viewport] of [
    ["desk", LAPTOP],
    ["phone", PHONE],
  ] as const) {
    it(`opens a waiting truck's declaration with one click at a ${name}`, async () => {
      const db = openDatabase(server.dbPath);
      try {
        const crossings = crossingStore(db);
        if (crossings.get(crossingId)?.row.state === "booked") {
          const policy = { walkInsAllowed: false, graceMinutes: 60, earlyArrivalMinutes: 1440 };
          const out = crossings.apply(crossingId, {
            type: "CHECK_IN",
            policy,
            at: Date.now(),
            actor: { kind: "officer", id: "browser-test" },
          });
          expect(out.ok).toBe(true);
        }
      } finally {
        db.close();
      }
      const page = await browser.newPage({ viewport, locale: "en-GB" });
      await page.goto(`${server.url}/sign-in`);
      await page.fill("input[name=username]", "officer.nurzholy");
      await page.fill("input[name=password]", DEMO_PASSWORD);
      await page.click("form button[type=submit]");
      await page.waitForURL(/\/officer\/nur-zholy/);
      await page.click(`a.declaration-link[href*="${crossingId}"]`);
      const panel = page.locator("#declaration .declaration");
      await panel.waitFor({ timeout: 20_000 });
      const text = (await panel.textContent()) ?? "";
      for (const s of ["А555ВС02", "Flour in bags", "110100", "20000", "XTC65115012345678", "Phone Driver"])
        expect(text).toContain(s);
      expect(page.url()).toMatch(/\/officer\/nur-zholy$/); // a fragment, not a new page
      await screenshot(page, `issue14-officer-declaration-${name}`);
      await page.close();
    }, 60_000);
  }
});
