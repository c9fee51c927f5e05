/**
 * The planners' demand forecast in real headless Chromium against a real server: from the
 * planner's home to the forecast of Nur Zholy's exports (its chart and the backtest's chart and
 * table), then "make a scenario from this forecast" opens the editor filled in, and saving it keeps
 * the forecast's arrivals.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartsLoaded, signedInPlanner } from "../planner/browser-support.ts";
import { launchBrowser, screenshot } from "../support/browser.ts";
import { serverWithNovemberHistory } from "./support.ts";

let running: Awaited<ReturnType<typeof serverWithNovemberHistory>>;
beforeAll(async () => {
  running = await serverWithNovemberHistory();
}, 180_000);
afterAll(() => running?.stop());

describe("a planner and the demand forecast in Chromium", () => {
  it("reads the forecast and its backtest, and makes a scenario from it", async () => {
    const browser = await launchBrowser();
    try {
      const { page, errors } = await signedInPlanner(browser, running.server.url);
      await page.getByRole("link", { name: "Demand forecasts" }).click();
      await page.waitForURL(/\/planner\/forecasts$/);
      await page
        .locator("tr", { hasText: "Nur Zholy (Khorgos)" })
        .getByRole("link", { name: "export" })
        .click();
      await page.waitForURL(/\/planner\/forecasts\/nur-zholy\/export/, { timeout: 180_000 });
      await page.getByRole("heading", { name: "Demand forecast: Nur Zholy (Khorgos), export" }).waitFor();
      // both charts arrived and were drawn by the browser
      await chartsLoaded(page);
      expect(await page.locator("img#forecast-chart").getAttribute("alt")).toContain("80% interval");
      const table = page.locator("table#backtest");
      for (const name of ["seasonal naive", "MSTL + ETS", "negative-binomial regression"])
        await table.getByText(name, { exact: false }).first().waitFor();
      expect(await page.locator("#chosen").textContent()).toMatch(
        /Chosen: .+, the best MASE|No method beat the seasonal naive/,
      );
      await screenshot(page, "planner-forecast");

      await page.getByRole("button", { name: "Make a scenario from this forecast" }).click();
      await page.waitForURL(/\/planner\/forecasts\/nur-zholy\/export\/scenario/);
      const name = await page.locator('input[name="name"]').first().inputValue();
      expect(name).toMatch(/^Nur Zholy \(Khorgos\), export: forecast \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d$/);
      expect(await page.locator('select[name="arrivals.kind"]').inputValue()).toBe("profile");
      expect(Number(await page.locator('input[name="hours"]').inputValue())).toBe(14 * 24);
      // the daily means are in the schedule, kept with the fields the form does not show
      expect(await page.locator("textarea[name=body]").inputValue()).toContain('"arrivalFactor"');
      await screenshot(page, "planner-forecast-scenario");

      await page.getByRole("button", { name: "Save", exact: true }).first().click();
      await page.waitForURL(/\/planner\/scenarios\/[A-Za-z0-9_-]+$/);
      const saved = running.db
        .prepare(
          "SELECT body FROM scenarios WHERE checkpoint_id = 'nur-zholy' ORDER BY created_at DESC LIMIT 1",
        )
        .pluck()
        .get() as string;
      expect(JSON.parse(saved).schedule).toHaveLength(14);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 300_000);
});
