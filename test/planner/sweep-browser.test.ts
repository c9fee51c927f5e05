/**
 * In real headless Chromium on a real server: a planner opens the M/M/c example, sweeps its lanes
 * from the form beside the editor, watches the progress, and reads the table and the chart. The
 * screenshots (test-results/screenshots/planner-sweep-*.png) are for reading at a laptop's size.
 */
import { afterAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { signedInPlanner } from "./browser-support.ts";

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

interface ChartImage {
  complete: boolean;
  naturalWidth: number;
}

describe("a planner's sweep in the browser", () => {
  it("sweeps a scenario's lanes from the editor and reads the table, the chart and the downloads", async () => {
    server = await startServer({ env: { SEED_DEMO_TRAFFIC: "off" } });
    const browser = await launchBrowser();
    try {
      const { page, errors } = await signedInPlanner(browser, server.url);
      await page.locator('a[href^="/planner/scenarios/"]', { hasText: "M/M/c validation" }).click();

      await page.getByText("Sweep: vary resources over ranges").click();
      const form = page.locator("#sweep-form");
      await form.locator('select[name="field0"]').selectOption("resources.documentLanes");
      await form.locator('input[name="range0"]').fill("4..7");
      await form.locator('input[name="replications"]').fill("4");
      await form.locator('input[name="targetWait"]').fill("5");
      await screenshot(page, "planner-sweep-form");
      await form.getByRole("button", { name: "Run the sweep" }).click();
      await page.waitForURL(/\/planner\/sweeps\//);
      // htmx polls the sweep until its table and chart arrive
      await page.getByRole("link", { name: "Download CSV" }).waitFor({ timeout: 240_000 });

      const rows = page.locator("#sweep-table tbody tr");
      expect(await rows.count()).toBe(4);
      expect(await rows.first().locator("td").first().textContent()).toBe("4");
      expect(await page.locator(".notice", { hasText: "Smallest configuration" }).textContent()).toMatch(
        /within 5 min: resources.documentLanes = [4-7]$/,
      );
      await page.waitForFunction(() => {
        const { images } = (globalThis as unknown as { document: { images: Iterable<ChartImage> } }).document;
        const list = [...images];
        return list.length > 0 && list.every((i) => i.complete && i.naturalWidth > 0);
      });
      await screenshot(page, "planner-sweep-result");

      const id = page.url().split("/").pop() ?? "";
      const csv = await page.request.get(`${server.url}/planner/sweeps/${id}.csv`);
      expect((await csv.text()).split("\n")[0]).toMatch(/^resources.documentLanes,waitMeanMinutes/);
      const json = (await (await page.request.get(`${server.url}/planner/sweeps/${id}.json`)).json()) as {
        combinations: unknown[];
      };
      expect(json.combinations).toHaveLength(4);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 400_000);
});
