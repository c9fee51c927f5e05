/** What the planners' browser tests share: signing in, and waiting for every chart image. */
import type { Browser, Page } from "playwright-core";
import { LAPTOP } from "../support/browser.ts";
import { DEMO_PASSWORD } from "../support/server.ts";

interface ChartImage {
  complete: boolean;
  naturalWidth: number;
}

/** Every chart image has arrived and decoded (a broken one never does, and the wait times out). */
export const chartsLoaded = (page: Page) =>
  page.waitForFunction(() => {
    // runs in the page; the test's own types know no DOM (and the CSP forbids evaluating strings)
    const { images } = (globalThis as unknown as { document: { images: Iterable<ChartImage> } }).document;
    const list = [...images];
    return list.length > 0 && list.every((i) => i.complete && i.naturalWidth > 0);
  });

/** Signs in as the demo planner on the planners' home page. */
export async function signInAsPlanner(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/planner`);
  await page.fill('input[name="username"]', "planner");
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/planner$/);
}

/** A planner signed in on a laptop-sized page, with the page's console errors collected. */
export async function signedInPlanner(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: LAPTOP });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await signInAsPlanner(page, url);
  return { page, errors };
}
