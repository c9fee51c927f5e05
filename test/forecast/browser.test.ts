/**
 * The recommendation card in real headless Chromium against a real server: a supervisor computes a
 * recommendation from November-like recorded demand, reads the card (chart, limit, binding
 * constraint, simulated wait, accuracy) once the server's worker thread has it (the page polls) and
 * accepts it; the change log names the recommendation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD } from "../officer/support.ts";
import { LAPTOP, launchBrowser, screenshot } from "../support/browser.ts";
import { serverWithNovemberHistory } from "./support.ts";

let running: Awaited<ReturnType<typeof serverWithNovemberHistory>>;
beforeAll(async () => {
  running = await serverWithNovemberHistory();
}, 180_000);
afterAll(() => running?.stop());

describe("a supervisor and the recommendation card in Chromium", () => {
  it("computes, reads and accepts a recommendation", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: LAPTOP });
      await page.goto(`${running.server.url}/officer`);
      await page.fill("input[name=username]", "supervisor.nurzholy");
      await page.fill("input[name=password]", PASSWORD);
      await page.click("button[type=submit]");
      await page.waitForURL(`${running.server.url}/officer/nur-zholy`);
      await page.goto(`${running.server.url}/officer/nur-zholy/settings`);
      await page.getByText("None computed yet.").waitFor();

      await Promise.all([
        page.waitForURL(/\/settings#recommendation$/),
        page.getByRole("button", { name: "Compute a new recommendation" }).click(),
      ]);
      const card = page.locator("#recommendation");
      // computed on the server's worker thread: the card polls its fragment until it is stored (htmx)
      await card.getByRole("heading", { name: "Recommendation 1" }).waitFor({ timeout: 180_000 });
      // the chart is an image the browser loaded and drew (the server's first chart loads ECharts:
      // seconds on a loaded machine, so the wait is long)
      const chart = card.locator("img[alt^='Demand forecast']");
      await expect
        .poll(() => chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), {
          timeout: 120_000,
        })
        .toBe(720);
      await expect
        .poll(async () => await card.locator("#binding").textContent(), { timeout: 60_000 })
        .toMatch(/Binding constraint: the neighbour's acceptance\./);
      expect(await card.locator("#simulated").textContent()).toMatch(/wait P50 [\d.]+ min, P90 [\d.]+ min/);
      expect(await card.locator("#accuracy").textContent()).toMatch(/Backtest \(\d+ weekly origins/);
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, "recommendation-card");

      const limit = (await card.locator("#recommended strong").textContent())?.replace(",", "");
      await Promise.all([
        page.waitForURL(/\/settings\?saved=1$/),
        page.getByRole("button", { name: "Accept recommendation 1" }).click(),
      ]);
      await page.getByText("Saved.").waitFor();
      expect(await page.locator("input[name=dailyLimit]").inputValue()).toBe(limit);
      await page.locator("td", { hasText: "recommendation 1" }).first().waitFor();
      await screenshot(page, "recommendation-accepted");
    } finally {
      await browser.close();
    }
  }, 300_000);
});
