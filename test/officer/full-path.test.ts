/**
 * A truck taken through the whole path on a real server, by HTTP only, the way the dashboard's
 * forms do it; then a phone and a tablet screenshot of the dashboard in headless Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crossingStore, type StoredCrossing } from "../../src/store/crossings.ts";
import { type DB, openDatabase } from "../../src/store/db.ts";
import { launchBrowser, PHONE, screenshot } from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { bookedTruck, type Fetch, PASSWORD, signIn } from "./support.ts";

let server: RunningServer;
let db: DB;
let truck: StoredCrossing;
let fetch: Fetch;

beforeAll(async () => {
  // the seeded demo traffic fills the waiting area, so the queue discipline has real work to do
  server = await startServer({ env: { SEED_DEMO_TRAFFIC: "on" } });
  fetch = (path, init) => globalThis.fetch(server.url + path, init);
  db = openDatabase(server.dbPath); // a second connection, as a carrier's declaration would arrive
  truck = bookedTruck(crossingStore(db), "555KZB02", Date.now());
}, 60_000);
afterAll(async () => {
  db?.close();
  await server?.stop();
});

const state = () => crossingStore(db).get(truck.row.id)?.row.state;
const events = () => crossingStore(db).events(truck.row.id);

describe("an officer and a supervisor take a truck through the checkpoint", () => {
  it("checks in, calls, checks documents, scans and releases; a refused step writes nothing", async () => {
    const officer = await signIn(fetch, "officer.nurzholy", "nur-zholy");
    const supervisor = await signIn(fetch, "supervisor.nurzholy", "nur-zholy");
    const base = "/officer/nur-zholy";
    const act = (action: string, fields: Record<string, string> = {}) =>
      officer.post(`${base}/crossings/${truck.row.id}/${action}`, fields);

    expect((await officer.post(`${base}/check-in`, { code: "555 kzb 02" })).status).toBe(303);
    expect(state()).toBe("waitingArea");

    // nobody picks a truck out of order: the supervisor moves it forward, with a reason, and the queue calls it
    const moved = await supervisor.post(`${base}/crossings/${truck.row.id}/prioritise`, {
      reason: "live cattle",
    });
    expect(moved.status).toBe(303);
    expect((await officer.post(`${base}/call-next`)).status).toBe(303);
    expect(state()).toBe("called");

    expect((await act("arrive")).status).toBe(303);
    expect(state()).toBe("documentCheck");

    // scanning before the documents pass is refused with the machine's reason, and nothing is written
    const before = events().length;
    const early = await act("send-to-scan");
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("the document check has not been passed");
    expect(events().length).toBe(before);

    expect((await act("document-check", { passed: "yes" })).status).toBe(303);
    expect((await act("send-to-scan")).status).toBe(303);
    expect(state()).toBe("scan");

    const unscanned = await act("release");
    expect(unscanned.status).toBe(409);
    expect(await unscanned.text()).toContain("cannot release: the scan is not complete");

    expect((await act("scan-result", { result: "clear" })).status).toBe(303);
    expect((await act("release")).status).toBe(303);
    expect(state()).toBe("released");

    expect(events().map((e) => e.type)).toEqual([
      "DECLARE",
      "BOOK",
      "CHECK_IN",
      "PRIORITISE",
      "CALL",
      "ARRIVE_AT_LANE",
      "RECORD_DOCUMENT_CHECK",
      "SEND_TO_SCAN",
      "RECORD_SCAN",
      "RELEASE",
    ]);

    const audit = await (await officer.get(`${base}/crossings/${truck.row.id}`)).text();
    for (const step of [
      "CHECK_IN",
      "PRIORITISE",
      "live cattle",
      "RECORD_SCAN",
      "RELEASE",
      "supervisor.nurzholy",
    ])
      expect(audit).toContain(step);
    const dashboard = await (await officer.get(base)).text();
    expect(dashboard).toContain("555KZB02");
  }, 60_000);

  it("renders the dashboard on a phone and a tablet", async () => {
    const browser = await launchBrowser();
    try {
      for (const [name, viewport] of [
        ["officer-dashboard-phone", PHONE],
        ["officer-dashboard-tablet", { width: 820, height: 1180 }],
      ] as const) {
        const page = await browser.newPage({ viewport });
        const errors: string[] = [];
        page.on("console", (m) => {
          // the favicon is not ours to serve
          if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) errors.push(m.text());
        });
        await page.goto(`${server.url}/officer/nur-zholy`);
        await page.fill("input[name=username]", "officer.nurzholy");
        await page.fill("input[name=password]", PASSWORD);
        await page.click("button[type=submit]");
        await page.waitForURL(`${server.url}/officer/nur-zholy`);
        await page.getByRole("heading", { name: /Waiting area/ }).waitFor();
        await screenshot(page, name);
        if (name.endsWith("tablet")) {
          // the board refreshes itself: htmx loaded under the CSP and polls the fragment
          const poll = await page.waitForResponse((r) => r.url().endsWith("/officer/nur-zholy/board"), {
            timeout: 15_000,
          });
          expect(poll.status()).toBe(200);
          await page.getByRole("heading", { name: /Waiting area/ }).waitFor();
        }
        // the strict CSP holds: no inline script or style was blocked
        expect(errors).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
});
