/**
 * In real headless Chromium on a real server: a planner runs the November 2025 episode and reads,
 * on the run's page, the pile before the gate, arrivals against trucks leaving, the steady-state
 * warning, each resource's wait apart from its service, and the figures by channel. The screenshot
 * (test-results/screenshots/planner-run-episode.png) is for reading at a laptop's size.
 */
import { afterAll, describe, expect, it } from "vitest";
import { LAPTOP, launchBrowser, screenshot } from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { chartsLoaded, signInAsPlanner } from "./browser-support.ts";

let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
});

describe("a planner reads an overloaded run", () => {
  it("sees the backlog before the gate, completions against arrivals, the warning, resources and channels", async () => {
    server = await startServer({ env: { SEED_DEMO_TRAFFIC: "off" } });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: LAPTOP });
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await signInAsPlanner(page, server.url);
      await page
        .locator("tr", { hasText: "Nur Zholy, November 2025" })
        .getByRole("button", { name: "Run ×5" })
        .click();
      await page.waitForURL(/\/planner\/runs\//);
      await page.getByRole("link", { name: "Download JSON" }).waitFor({ timeout: 240_000 });
      await chartsLoaded(page);
      const text = (await page.textContent("body")) ?? "";
      expect(text).toContain("No steady state");
      expect(text).toMatch(/e-queue's daily limit lets 650 come/);
      expect(text).toMatch(/Queue before the gate: mean \/ max \/ at the end/);
      expect(text).toMatch(/Trucks arrived \/ left for the neighbour \/ still there at the end/);
      expect(text).toContain("Resources: the wait for each, apart from its service");
      expect(text).toContain("By channel");
      expect(await page.locator('img[alt="queue chart"]').count()).toBe(1);
      await screenshot(page, "planner-run-episode");
      // the top of the page at a laptop's height, and the charts a planner reads first, at full size
      await page.screenshot({ path: "test-results/screenshots/planner-run-episode-top.png" });
      for (const chart of ["queue", "arrivals", "resources", "channels"])
        await page
          .locator(`img[alt="${chart} chart"]`)
          .screenshot({ path: `test-results/screenshots/planner-run-episode-${chart}.png` });
      await page
        .locator("section")
        .screenshot({ path: "test-results/screenshots/planner-run-episode-breakdown.png" });
      const json = (await (await page.request.get(`${page.url()}.json`)).json()) as {
        gateQueue: { max: number };
        steadyState: boolean;
        resourceWaitMinutes: { scanners: { count: number } };
        byChannel: { red: { trucksArrived: number } };
      };
      expect(json.steadyState).toBe(false);
      expect(json.gateQueue.max).toBeGreaterThan(1000);
      expect(json.resourceWaitMinutes.scanners.count).toBeGreaterThan(0);
      expect(json.byChannel.red.trucksArrived).toBeGreaterThan(0);
      expect(errors.join("\n")).toBe("");
    } finally {
      await browser.close();
    }
  }, 400_000);
});
