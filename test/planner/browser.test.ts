/**
 * In real headless Chromium on a real server: a planner signs in, runs the Nur Zholy baseline,
 * copies it in the editor's form with one more scanner, runs that, watches the progress, and
 * compares the two with charts. The screenshots (test-results/screenshots/planner-*.png) are for
 * reading at a laptop's size.
 */
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { signedInPlanner } from "./browser-support.ts";

let server: RunningServer | undefined;

/** Every chart image has arrived and decoded (a broken one never does, and the wait times out). */
const chartsLoaded = (page: Page) =>
  page.waitForFunction(() => {
    // runs in the page; the test's own types know no DOM (and the CSP forbids evaluating strings)
    const { images } = (globalThis as unknown as { document: { images: Iterable<ChartImage> } }).document;
    const list = [...images];
    return list.length > 0 && list.every((i) => i.complete && i.naturalWidth > 0);
  });
interface ChartImage {
  complete: boolean;
  naturalWidth: number;
}
afterAll(async () => {
  await server?.stop();
});

describe("a planner in the browser", () => {
  it("goes from two example scenarios to a comparison with charts", async () => {
    server = await startServer({ env: { SEED_DEMO_TRAFFIC: "off" } });
    const browser = await launchBrowser();
    try {
      const { page, errors } = await signedInPlanner(browser, server.url);

      const runIds: string[] = [];
      const ran = async () => {
        await page.waitForURL(/\/planner\/runs\//);
        runIds.push(page.url().split("/").pop() ?? "");
        // htmx polls the run until its charts arrive
        await page.getByRole("link", { name: "Download JSON" }).waitFor({ timeout: 120_000 });
      };
      await page
        .locator("tr", { hasText: "Nur Zholy (Khorgos) baseline" })
        .getByRole("button", { name: "Run ×5" })
        .click();
      await ran();

      // copy the baseline in the editor's form and add a scanner
      await page.goto(`${server.url}/planner`);
      await page
        .locator('a[href^="/planner/scenarios/"]', { hasText: "Nur Zholy (Khorgos) baseline" })
        .click();
      const baseline = page.url();
      await page.fill('input[name="name"]', "Baseline, one more scanner");
      await page.fill('input[name="resources.scanners"]', "3");
      // a change of distribution redraws the form (htmx) with that distribution's parameters; the
      // triangular's, hidden meanwhile, come back as they were
      // (each change waits for htmx to settle the redrawn form: a change made on the new select
      // before htmx has wired it up sends nothing, which a person is never fast enough to do)
      const scanDist = page.locator('select[name="serviceMinutes.scan.dist"]');
      const settled = () =>
        page.evaluate(
          "new Promise((resolve) => document.body.addEventListener('htmx:afterSettle', () => resolve(true), { once: true }))",
        );
      let redrawn = settled();
      await scanDist.selectOption("deterministic");
      await redrawn;
      await page.locator('input[name="serviceMinutes.scan.value"]').waitFor();
      redrawn = settled();
      await scanDist.selectOption("triangular");
      await redrawn;
      await page.locator('input[name="serviceMinutes.scan.mode"]').waitFor();
      expect(await page.inputValue('input[name="serviceMinutes.scan.mode"]')).toBe("6");
      expect(await page.inputValue('input[name="resources.scanners"]')).toBe("3");
      await screenshot(page, "planner-editor");
      await page.getByRole("button", { name: "Save a copy" }).click();
      await page.waitForURL((url) => url.href !== baseline && /\/planner\/scenarios\//.test(url.href));
      expect(await page.inputValue('input[name="resources.scanners"]')).toBe("3");
      await page.getByRole("button", { name: "Run this scenario ×5" }).click();
      await ran();
      await chartsLoaded(page);
      await screenshot(page, "planner-run");

      await page.goto(`${server.url}/planner`);
      for (const id of runIds) await page.check(`input[name="run"][value="${id}"]`);
      await page.getByRole("button", { name: "Compare the ticked runs" }).click();
      await chartsLoaded(page);
      await screenshot(page, "planner-compare");
      expect(await page.textContent("body")).toMatch(/(cuts|raises|leaves) the p90 wait/);
      expect(errors.join("\n")).toBe("");
    } finally {
      await browser.close();
    }
  }, 240_000);
});
