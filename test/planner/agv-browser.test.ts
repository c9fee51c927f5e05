/**
 * Issue 22 in real headless Chromium on a real server: a planner runs the Bakhty Smart Customs
 * scenario and reads the AGV lane's figures apart from the manned lanes', with its own chart and
 * its gates beside the manned resources in the utilisation chart; and sets up a lane of their own in
 * the scenario editor's fields.
 */
import { afterAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { chartsLoaded, signedInPlanner } from "./browser-support.ts";

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

describe("the AGV lane on the planner's pages", () => {
  it("shows the Smart Customs lane's figures and chart apart from the manned lanes", async () => {
    server ??= await startServer({ env: { SEED_DEMO_TRAFFIC: "off" } });
    const browser = await launchBrowser();
    try {
      const { page, errors } = await signedInPlanner(browser, server.url);
      await page
        .locator("tr", { hasText: "Bakhty, Smart Customs lane with driverless trucks" })
        .getByRole("button", { name: "Run ×5" })
        .click();
      await page.waitForURL(/\/planner\/runs\//);
      await page.getByRole("link", { name: "Download JSON" }).waitFor({ timeout: 120_000 });
      const lane = page.locator("#agv-lane");
      const text = (await lane.textContent()) ?? "";
      expect(text).toContain("Smart Customs lane (driverless trucks)");
      expect(text).toMatch(/Released through the lane, a day\s*\d+/);
      expect(text).toMatch(/Utilisation of the gates\s*\d+%/);
      await page.locator('img[src$="/charts/agv.svg"]').waitFor();
      await chartsLoaded(page);
      await screenshot(page, "planner-agv-lane-run");
      const run = page.url();
      const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
      const chart = async (name: string) =>
        (await fetch(`${run}/charts/${name}.svg`, { headers: { Cookie: cookie } })).text();
      expect(await chart("agv")).toContain("Trucks a day: the Smart Customs lane and the manned lanes");
      expect(await chart("utilisation")).toContain("Smart Customs lane");
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 240_000);

  it("lets the planner set the lane in the editor's fields, each mistake named beside its field", async () => {
    server ??= await startServer({ env: { SEED_DEMO_TRAFFIC: "off" } });
    const browser = await launchBrowser();
    try {
      const { page, errors } = await signedInPlanner(browser, server.url);
      await page
        .locator('a[href^="/planner/scenarios/"]', {
          hasText: "Bakhty, Smart Customs lane with driverless trucks",
        })
        .click();
      const example = page.url();
      // the example's lane, in fields of its own rather than in the advanced JSON
      expect(await page.inputValue('input[name="agvLane.driverlessShare"]')).toBe("0.7");
      expect(await page.inputValue('input[name="agvLane.gates"]')).toBe("1");
      expect(await page.inputValue('select[name="agvLane.minutes.dist"]')).toBe("triangular");
      // no longer kept aside with the fields the form has no inputs for
      expect((await page.locator('input[name="more"]').getAttribute("value")) ?? "").not.toContain(
        '"agvLane":',
      );
      await page.fill('input[name="name"]', "Bakhty, nine in ten driverless");
      await page.fill('input[name="agvLane.driverlessShare"]', "1.5");
      await page.fill('input[name="agvLane.gates"]', "0");
      await page.getByRole("button", { name: "Save a copy" }).click();
      const share = page.locator("#f-agvLane-driverlessShare-error");
      await share.waitFor();
      expect(await share.textContent()).toMatch(/1/);
      expect(await page.locator("#f-agvLane-gates-error").textContent()).toMatch(/1/);
      await screenshot(page, "planner-agv-lane-editor-refused");
      expect(page.url()).toBe(example);
      await page.fill('input[name="agvLane.driverlessShare"]', "0.9");
      await page.fill('input[name="agvLane.gates"]', "2");
      await page.getByRole("button", { name: "Save a copy" }).click();
      await page.waitForURL((url) => url.href !== example && /\/planner\/scenarios\//.test(url.href));
      expect(await page.inputValue('input[name="agvLane.driverlessShare"]')).toBe("0.9");
      expect(await page.inputValue('input[name="agvLane.gates"]')).toBe("2");
      await screenshot(page, "planner-agv-lane-editor-saved");
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
