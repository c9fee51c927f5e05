/** A planner signed in on a laptop-sized page, with the page's console errors collected. */
import type { Browser } from "playwright-core";
import { LAPTOP } from "../support/browser.ts";
import { DEMO_PASSWORD } from "../support/server.ts";

export async function signedInPlanner(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: LAPTOP });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${url}/planner`);
  await page.fill('input[name="username"]', "planner");
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/planner$/);
  return { page, errors };
}
