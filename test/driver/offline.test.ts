/**
 * The booking pass with no signal (issue 21), in real Chromium at a phone's size: the crossing page
 * is kept by its service worker, shows the pass and the last known state with their age and a
 * "no connection" banner while the link is cut, and shows a call made meanwhile as soon as the
 * signal returns, without a tap. The link runs through a loopback proxy that the test cuts, and the
 * browser's offline switch is thrown with it.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crossingStore } from "../../src/store/crossings.ts";
import { openDatabase } from "../../src/store/db.ts";
import { launchBrowser, PHONE, screenshot } from "../support/browser.ts";
import { type LinkProxy, startLinkProxy } from "../support/link-proxy.ts";
import { type RunningServer, startServer } from "../support/server.ts";

let server: RunningServer;
let link: LinkProxy;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  link = await startLinkProxy(server.port);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await link?.close();
  await server?.stop();
});

const OFFICER = { kind: "officer" as const, id: "offline-test" };

/** A truck declared and booked into the first free slot through the drivers' JSON API. */
async function bookedCrossing(plate: string): Promise<{ id: string; code: string }> {
  const declared = await fetch(`${server.url}/api/v1/crossings`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      checkpointId: "nur-zholy",
      direction: "export",
      vehicle: { plate, country: "KZ" },
      driver: { name: "Offline Driver", phone: "+77011234567" },
      cargo: { description: "Apples", hsCodes: ["080810"], grossWeightKg: 20000 },
      transitDocument: { type: "none" },
    }),
  });
  expect(declared.status).toBe(201);
  const { id } = (await declared.json()) as { id: string };
  const booked = await fetch(`${server.url}/api/v1/crossings/${id}/booking`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ firstAvailable: true }),
  });
  expect(booked.status).toBe(201);
  const { code } = (await booked.json()) as { code: string };
  return { id, code };
}

/** The gate checks the truck in and an officer calls it, on the server's own file (the machine decides). */
function checkInAndCall(id: string, lane: number): number {
  const db = openDatabase(server.dbPath);
  try {
    const crossings = crossingStore(db);
    const at = Date.now();
    const checkIn = crossings.apply(id, {
      type: "CHECK_IN",
      policy: { walkInsAllowed: false, graceMinutes: 60 },
      at,
      actor: OFFICER,
    });
    expect(checkIn.ok).toBe(true);
    const deadline = at + 20 * 60_000;
    expect(crossings.apply(id, { type: "CALL", lane, deadline, at, actor: OFFICER }).ok).toBe(true);
    return deadline;
  } finally {
    db.close();
  }
}

async function goOffline(context: BrowserContext) {
  link.cut();
  await context.setOffline(true);
}
async function goOnline(context: BrowserContext) {
  link.restore();
  await context.setOffline(false);
}

/** Waits until the service worker runs this page and has kept a copy of it. */
async function kept(page: Page, path: string) {
  for (let tries = 0; tries < 100; tries++) {
    // a string, not a function: the tests are compiled without the DOM's types
    const done = await page.evaluate(`(async () => {
      if (!navigator.serviceWorker.controller) return false;
      return !!(await caches.match(new URL(${JSON.stringify(path)}, location.origin).href));
    })()`);
    if (done) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`the service worker did not keep ${path}`);
}

describe("the driver's crossing page with no signal", () => {
  it("shows the pass and the last state offline, then a call made meanwhile once back online", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "en-GB" });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    const truck = await bookedCrossing("321OFF02");
    await page.goto(`${link.url}/c/${truck.id}?lang=en`);
    await page.getByText("Slot booked").waitFor();
    // the first visit is kept too: the page asks its worker for it as soon as the worker runs
    await kept(page, `/c/${truck.id}`);
    expect(await page.isHidden("#offline-banner")).toBe(true);

    try {
      await goOffline(context);
      await page.reload();
      await page.locator("#offline-banner").waitFor({ state: "visible", timeout: 20_000 });
      const offline = await page.textContent("body");
      expect(offline).toContain(truck.code);
      expect(offline).toContain("Slot booked");
      expect(offline).toMatch(/As of \d\d:\d\d/);
      expect(offline).toContain("No connection");
      expect(await page.getAttribute("img[alt]", "src")).toMatch(/^data:image\//);
      await screenshot(page, "driver-offline-pass");

      // meanwhile the truck reaches the gate and is called; the phone hears nothing
      const deadline = checkInAndCall(truck.id, 4);
      await goOnline(context);
      await page.getByText(/Proceed to lane 4 before \d\d:\d\d/).waitFor({ timeout: 20_000 });
      await page.locator("#offline-banner").waitFor({ state: "hidden" });
      await screenshot(page, "driver-online-called");

      // offline again past the call's deadline: the kept call, and what the missed-call rules mean
      await goOffline(context);
      await page.clock.setFixedTime(deadline + 60_000);
      await page.reload();
      await page.getByText(/Proceed to lane 4 before \d\d:\d\d/).waitFor({ timeout: 20_000 });
      await page
        .getByText("A first missed call puts the truck back in the queue")
        .waitFor({ timeout: 20_000 });
      expect(await page.isVisible("#offline-banner")).toBe(true);
      await screenshot(page, "driver-offline-deadline-passed");

      expect(cspErrors).toEqual([]);
    } finally {
      await goOnline(context);
      await context.close();
    }
  }, 120_000);

  it("serves no crossing from the cache without its own link, and keeps nothing else of the site", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "en-GB" });
    const page = await context.newPage();
    const mine = await bookedCrossing("654OFF02");
    const theirs = await bookedCrossing("987OFF02");
    await page.goto(`${link.url}/c/${mine.id}?lang=en`);
    await kept(page, `/c/${mine.id}`);
    await page.goto(`${link.url}/drive?lang=en`);
    await page.goto(`${link.url}/board/nur-zholy`);

    const keys = (await page.evaluate(`(async () => {
      const all = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) all.push(new URL(request.url).pathname);
      }
      return all.sort();
    })()`)) as string[];
    // the page's own polled part may have been kept too, if it polled meanwhile
    expect(keys.filter((k) => k !== `/c/${mine.id}/live`)).toEqual(
      [`/c/${mine.id}`, "/static/app.css", "/static/crossing-offline.js", "/static/htmx.min.js"].sort(),
    );

    await goOffline(context);
    try {
      for (const path of [`/c/${theirs.id}`, `/c/${theirs.id}/live`, "/c/", "/drive"]) {
        const tab = await context.newPage();
        const shown = await tab
          .goto(`${link.url}${path}`)
          .then(() => tab.textContent("body"))
          .catch(() => "");
        expect(shown ?? "").not.toContain(mine.code);
        expect(shown ?? "").not.toContain(theirs.code);
        await tab.close();
      }
      // and the driver's own link still opens the pass
      const own = await context.newPage();
      await own.goto(`${link.url}/c/${mine.id}?lang=en`);
      expect(await own.textContent("body")).toContain(mine.code);
    } finally {
      await goOnline(context);
      await context.close();
    }
  }, 120_000);

  it("can be installed: a manifest in the driver's language that starts at the crossing's link", async () => {
    const truck = await bookedCrossing("147OFF02");
    const page = await (await fetch(`${server.url}/c/${truck.id}?lang=ru`)).text();
    const href = page.match(/<link rel="manifest" href="([^"]+)"/)?.[1];
    expect(href).toBe(`/c/${truck.id}/manifest.webmanifest?lang=ru`);
    const res = await fetch(`${server.url}${href}`);
    expect(res.headers.get("content-type")).toContain("application/manifest+json");
    const manifest = (await res.json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: "Шекара: мой проезд",
      lang: "ru",
      start_url: `/c/${truck.id}?lang=ru`,
      scope: `/c/${truck.id}`,
      display: "standalone",
    });
    for (const icon of manifest.icons as { src: string; type: string }[]) {
      const file = await fetch(`${server.url}${icon.src}`);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe(icon.type);
    }
    expect((await fetch(`${server.url}/c/not-a-crossing-id-000/manifest.webmanifest`)).status).toBe(404);
    const worker = await fetch(`${server.url}/sw.js`);
    expect(worker.headers.get("content-type")).toContain("text/javascript");
    expect(worker.headers.get("content-security-policy")).toContain("default-src 'self'");
  });
});
