/**
 * Driverless trucks through the Smart Customs lane (issue 22), through the HTTP surface: a carrier's
 * system declares and books a truck with no driver, the gate's one request lifts the barrier or sends
 * the truck to a manned lane, the carrier's webhook hears each step, signed, and no phone number
 * exists anywhere for the crossing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeclarationInput } from "../../src/domain/declaration.ts";
import { type Fetch, signIn } from "../officer/support.ts";
import { startReceiver } from "./receiver.ts";
import { bearer, declaration, newKey, testRuntime } from "./support.ts";

const rt = testRuntime({
  WEBHOOK_RETRY_BASE_MS: "20",
  WEBHOOK_RETRY_MAX_MS: "100",
  WEBHOOK_POLL_MS: "20",
  WEBHOOK_ALLOW_PRIVATE_URLS: "on",
});
// why: the seed's risk rules pick a few green trucks for a scan at random; these tests choose the channel
Object.assign(rt.deps, { random: () => 0.99 });
const SECRET = "a-carrier-secret-12345";
const receiver = await startReceiver(SECRET);
afterAll(async () => {
  await receiver.close();
  rt.close();
});

const carrier = newKey(rt, { kind: "carrier", label: "Driverless fleet" });
const gateKey = newKey(rt, { kind: "gate", label: "Smart Customs gate", checkpointId: "bakhty" });
const camera = newKey(rt, { kind: "device", label: "ANPR camera", checkpointId: "bakhty" });

const call = (method: string, path: string, secret: string, body?: unknown) =>
  rt.app.request(path, {
    method,
    headers: { ...bearer(secret), "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

let vins = 0;
/** A driverless truck's declaration: its VIN, no driver; green unless `yellow` (an import without transit). */
function driverless(plate: string, opts: { yellow?: boolean } = {}): DeclarationInput & { vin: string } {
  const { driver: _none, ...rest } = declaration(plate, "bakhty", true);
  const vin = `XTC54115R0000${String(1000 + vins++)}`;
  return {
    ...rest,
    direction: opts.yellow ? "import" : "export",
    vehicle: { ...rest.vehicle, vin },
    driverless: true,
    vin,
  };
}

interface CarrierCrossing {
  id: string;
  state: string;
  driverless: boolean;
  gate: { barrier: string; reasonCode: string | null } | null;
}

/** Declared and booked by the carrier's system, through the carriers' API. */
async function bookDriverless(plate: string, opts: { yellow?: boolean } = {}) {
  const { vin, ...body } = driverless(plate, opts);
  const declared = await call("POST", "/api/v1/carrier/crossings", carrier.secret, body);
  expect(declared.status).toBe(201);
  const crossing = (await declared.json()) as CarrierCrossing;
  const booked = await call("POST", `/api/v1/carrier/crossings/${crossing.id}/booking`, carrier.secret, {
    firstAvailable: true,
  });
  expect(booked.status).toBe(201);
  return { ...((await booked.json()) as CarrierCrossing), vin };
}

let reads = 0;
const gateRead = (body: Record<string, unknown>, secret = gateKey.secret) =>
  call("POST", "/api/v1/gate/reads", secret, { readId: `read-${++reads}`, ...body });

async function until(check: () => boolean, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  const res = await call("POST", "/api/v1/webhooks", carrier.secret, { url: receiver.url, secret: SECRET });
  expect(res.status).toBe(201);
});

describe("a driverless crossing", () => {
  it("is declared and booked by its carrier's system, with no driver, as the carrier's own", async () => {
    const booked = await bookDriverless("220DRV02");
    expect(booked).toMatchObject({ state: "booked", driverless: true, gate: null });
    const stored = rt.deps.crossings.get(booked.id);
    expect(stored?.row).toMatchObject({ owner: carrier.key.id, driverless: 1 });
    expect(stored?.declaration.driver).toBeUndefined();
  });

  it("is refused when it names a driver, lacks its VIN, or comes through the drivers' public API", async () => {
    const { vin: _v, ...body } = driverless("221DRV02");
    const withDriver = { ...body, driver: { name: "Serik Akhmetov", phone: "+77011234567" } };
    const named = await call("POST", "/api/v1/carrier/crossings", carrier.secret, withDriver);
    expect(named.status).toBe(422);
    expect(JSON.stringify(await named.json())).toContain("names no driver");
    const noVin = { ...body, vehicle: { ...body.vehicle, vin: undefined } };
    expect((await call("POST", "/api/v1/carrier/crossings", carrier.secret, noVin)).status).toBe(422);
    const publicApi = await rt.app.request("/api/v1/crossings", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(publicApi.status).toBe(422);
    expect(JSON.stringify(await publicApi.json())).toContain("Only a carrier's system");
  });

  it("changes nothing through a driver's link: no booking, cancel or phone code, said in the page's language", async () => {
    const truck = await bookDriverless("222DRV02");
    const events = rt.deps.crossings.events(truck.id).length;
    const json = (method: string, path: string, body?: unknown) =>
      rt.app.request(`/api/v1/crossings/${truck.id}${path}`, {
        method,
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    for (const refused of [
      await json("POST", "/booking", { firstAvailable: true }),
      await json("DELETE", "/booking"),
      await json("DELETE", ""),
      await json("POST", "/phone-code", {}),
    ]) {
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { detail: string }).detail).toMatch(/^This crossing is driverless/);
    }
    expect((await json("GET", "")).status).toBe(200); // reading it is still allowed
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    const posted = await rt.app.request(`/c/${truck.id}/cancel?lang=kk`, {
      method: "POST",
      headers: form,
      body: "confirm=yes",
    });
    expect(posted.headers.get("location")).toBe(`/c/${truck.id}?lang=kk&msg=book.carrierOnly`);
    const page = await (await rt.app.request(posted.headers.get("location") ?? "")).text();
    expect(page).toContain("Бұл жүргізушісіз рейс");
    expect(page).not.toContain(`action="/c/${truck.id}/`); // no button to press
    expect(rt.deps.crossings.get(truck.id)?.row.state).toBe("booked");
    expect(rt.deps.crossings.events(truck.id)).toHaveLength(events);
    // declared only, its page says who books it, not "book a slot"
    const { vin: _v, ...body } = driverless("223DRV02");
    const declared = (await (
      await call("POST", "/api/v1/carrier/crossings", carrier.secret, body)
    ).json()) as {
      id: string;
    };
    const fresh = await (await rt.app.request(`/c/${declared.id}?lang=en`)).text();
    expect(fresh).toContain("Pre-declaration received. Its carrier books the slot.");
    expect(fresh).not.toContain(`action="/c/${declared.id}/`);
  });
});

describe("the Smart Customs gate's one request", () => {
  it("checks a green driverless truck in and releases it: the barrier opens, the gate key is the actor", async () => {
    const truck = await bookDriverless("230DRV02");
    const res = await gateRead({ plate: "230 drv 02", vin: truck.vin });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      crossingId: truck.id,
      driverless: true,
      barrier: "open",
      decision: "released",
      reasonCode: null,
      state: "released",
    });
    const events = rt.deps.crossings.events(truck.id).slice(-2);
    expect(events.map((e) => [e.type, e.to_state, e.actor_kind, e.actor_id])).toEqual([
      ["CHECK_IN", "waitingArea", "device", gateKey.key.id],
      ["GATE_READ", "released", "device", gateKey.key.id],
    ]);
    const seen = (await (
      await call("GET", `/api/v1/carrier/crossings/${truck.id}`, carrier.secret)
    ).json()) as CarrierCrossing;
    expect(seen).toMatchObject({ state: "released", gate: { barrier: "open", reasonCode: null } });
  });

  it("sends a yellow truck to a manned lane with the reason; it waits in the queue for an officer", async () => {
    const truck = await bookDriverless("231DRV02", { yellow: true });
    const res = await gateRead({ vin: truck.vin });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      barrier: "closed",
      decision: "manned",
      reasonCode: "customs-control",
      reason: "the yellow channel needs the scan at a manned lane",
      state: "waitingArea",
    });
    expect(rt.deps.crossings.events(truck.id).at(-1)).toMatchObject({
      type: "GATE_READ",
      to_state: "waitingArea",
      reason: "the yellow channel needs the scan at a manned lane",
    });
    // the carrier learns the truck was handed over, not the channel
    const seen = (await (
      await call("GET", `/api/v1/carrier/crossings/${truck.id}`, carrier.secret)
    ).json()) as CarrierCrossing;
    expect(seen.gate).toMatchObject({ barrier: "closed", reasonCode: "customs-control" });
    expect(JSON.stringify(seen)).not.toContain("yellow");
  });

  it("tells the carrier's webhook each step, signed, and the barrier's decision", async () => {
    const green = await bookDriverless("232DRV02");
    const yellow = await bookDriverless("233DRV02", { yellow: true });
    expect((await gateRead({ plate: "232DRV02" })).status).toBe(200);
    expect((await gateRead({ plate: "233DRV02" })).status).toBe(200);
    const of = (id: string) => receiver.received.filter((r) => r.crossingId === id);
    await until(() => of(green.id).length >= 4 && of(yellow.id).length >= 4, "both trucks' four events");
    for (const id of [green.id, yellow.id]) {
      expect(of(id).map((r) => r.type)).toEqual(["DECLARE", "BOOK", "CHECK_IN", "GATE_READ"]);
      expect(of(id).every((r) => r.signatureOk)).toBe(true);
    }
    const details = (id: string) =>
      (JSON.parse(of(id).at(-1)?.body ?? "{}") as { event: { details: Record<string, unknown> } }).event
        .details;
    expect(details(green.id)).toEqual({ barrier: "open" });
    expect(details(yellow.id)).toEqual({ barrier: "closed", gateReasonCode: "customs-control" });
  });

  it("leaves no phone number anywhere for a driverless crossing, and sends nothing to a phone", async () => {
    const truck = await bookDriverless("234DRV02", { yellow: true });
    await gateRead({ plate: "234DRV02" });
    // an officer takes it through a manned lane: called, then refused, as a driver would be told
    const officer = { kind: "officer" as const, id: "o1" };
    const at = rt.deps.now();
    const called = rt.deps.crossings.apply(truck.id, {
      type: "CALL",
      at,
      actor: officer,
      lane: 1,
      deadline: at + 20 * 60_000,
    });
    expect(called.ok).toBe(true);
    const tables = rt.deps.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    const rows: string[] = [];
    for (const table of tables) {
      for (const row of rt.deps.db.prepare(`SELECT * FROM "${table}"`).all())
        if (JSON.stringify(row).includes(truck.id)) rows.push(`${table}: ${JSON.stringify(row)}`);
    }
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((r) => /phone|\+\d{8,}/i.test(r))).toEqual([]);
    expect(
      rt.deps.db.prepare("SELECT count(*) FROM notifications WHERE crossing_id = ?").pluck().get(truck.id),
    ).toBe(0);
    expect(
      rt.deps.db.prepare("SELECT count(*) FROM phone_codes WHERE crossing_id = ?").pluck().get(truck.id),
    ).toBe(0);
  });

  it("answers a read sent again with the first answer and changes nothing", async () => {
    const truck = await bookDriverless("240DRV02", { yellow: true });
    const body = { readId: "gate-7:2026-11-30T01:02:03Z", plate: "240DRV02" };
    const audited = rt.deps.apiKeys.auditOf(gateKey.key.id, 1000).length;
    const first = await call("POST", "/api/v1/gate/reads", gateKey.secret, body);
    const count = rt.deps.crossings.events(truck.id).length;
    const again = await call("POST", "/api/v1/gate/reads", gateKey.secret, body);
    expect(again.status).toBe(200);
    expect(again.headers.get("Shekara-Replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(rt.deps.crossings.events(truck.id)).toHaveLength(count);
    // a new read of a truck already sent to a manned lane is refused, with why
    const other = await gateRead({ plate: "240DRV02" });
    expect(other.status).toBe(409);
    expect(JSON.stringify(await other.json())).toContain("already sent this truck to the manned lanes");
    expect(rt.deps.crossings.events(truck.id)).toHaveLength(count);
    // every read is in the key's audit trail once, with its answer: the answered ones written with
    // their change, the refused one after it
    const trail = rt.deps.apiKeys.auditOf(gateKey.key.id, 1000);
    expect(trail.length - audited).toBe(3);
    expect(
      trail
        .slice(0, 3)
        .map((a) => [a.action, a.status])
        .reverse(),
    ).toEqual([
      ["POST /api/v1/gate/reads", 200],
      ["POST /api/v1/gate/reads", 200],
      ["POST /api/v1/gate/reads", 409],
    ]);
  });

  it("refuses a read id given before for another vehicle: a gate counting again from one opens nothing", async () => {
    const first = await bookDriverless("260DRV02");
    const second = await bookDriverless("261DRV02");
    const readId = "gate-9:000001";
    const opened = await call("POST", "/api/v1/gate/reads", gateKey.secret, { readId, plate: "260DRV02" });
    expect(((await opened.json()) as { barrier: string }).barrier).toBe("open");
    // the gate restarted and counts from one again: the next truck's read has the first one's id
    const reused = await call("POST", "/api/v1/gate/reads", gateKey.secret, { readId, plate: "261DRV02" });
    expect(reused.status).toBe(409);
    expect(reused.headers.get("content-type")).toBe("application/problem+json");
    const problem = JSON.stringify(await reused.json());
    expect(problem).toContain("given before for another vehicle (plate 260DRV02)");
    expect(problem).toContain("keep the barrier closed");
    expect(rt.deps.crossings.get(second.id)?.row.state).toBe("booked");
    expect(rt.deps.crossings.events(second.id).map((e) => e.type)).not.toContain("CHECK_IN");
    // the same vehicle read again, written another way, is the same read: the first answer
    const retried = await call("POST", "/api/v1/gate/reads", gateKey.secret, { readId, plate: "260 drv 02" });
    expect(retried.headers.get("Shekara-Replayed")).toBe("true");
    expect((await retried.json()) as { crossingId: string }).toMatchObject({ crossingId: first.id });
    // with an id of its own the second truck goes through
    const own = await gateRead({ plate: "261DRV02" });
    expect((await own.json()) as { barrier: string }).toMatchObject({
      barrier: "open",
      crossingId: second.id,
    });
  });

  it("answers a plate or VIN nobody expects here with a 404 problem, and writes nothing", async () => {
    const res = await gateRead({ plate: "999ZZZ01" });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.stringify(await res.json())).toContain("keep the barrier closed");
    const neither = await call("POST", "/api/v1/gate/reads", gateKey.secret, { readId: "x1" });
    expect(neither.status).toBe(422);
    // a VIN sent empty is none read
    const blank = await call("POST", "/api/v1/gate/reads", gateKey.secret, { readId: "x2", vin: " " });
    expect(blank.status).toBe(422);
  });

  it("takes only a gate key, and a gate key opens nothing else", async () => {
    const truck = await bookDriverless("250DRV02");
    expect((await gateRead({ plate: "250DRV02" }, camera.secret)).status).toBe(403);
    expect((await gateRead({ plate: "250DRV02" }, carrier.secret)).status).toBe(403);
    const plate = { plate: "250DRV02" };
    expect((await call("POST", "/api/v1/device/check-ins", gateKey.secret, plate)).status).toBe(403);
    expect((await call("POST", "/api/v1/device/unmanned-releases", gateKey.secret, plate)).status).toBe(403);
    expect((await call("GET", "/api/v1/carrier/crossings", gateKey.secret)).status).toBe(403);
    expect(rt.deps.crossings.get(truck.id)?.row.state).toBe("booked");
  });
});

describe("the supervisor's Smart Customs lane", () => {
  const fetch: Fetch = async (path, init) => rt.app.request(path, init);
  const settings = async (change: Record<string, unknown>, reason: string) => {
    const sup = await signIn(fetch, "supervisor.bakhty", "bakhty");
    const headers = { Cookie: sup.cookie, "X-CSRF-Token": sup.csrf, "Content-Type": "application/json" };
    const path = "/api/v1/officer/checkpoints/bakhty/settings";
    const current = (await (await rt.app.request(path, { headers })).json()) as Record<string, unknown>;
    const res = await rt.app.request(path, {
      method: "PUT",
      headers,
      body: JSON.stringify({ settings: { ...current, ...change }, reason }),
    });
    expect(res.status).toBe(200);
  };

  it("sends every truck to a manned lane while the lane is closed, and outside its hours", async () => {
    await settings({ smartCustomsLane: false }, "gate under maintenance");
    const closed = await bookDriverless("260DRV02");
    expect(await (await gateRead({ plate: "260DRV02" })).json()).toMatchObject({
      barrier: "closed",
      reasonCode: "lane-closed",
    });
    expect(rt.deps.crossings.get(closed.id)?.row.state).toBe("waitingArea");

    // an hour's window that has just ended, in Bakhty's time (UTC+5): now is outside it
    const hour = (new Date(rt.deps.now()).getUTCHours() + 5 + 23) % 24;
    await settings(
      {
        smartCustomsLane: true,
        smartLaneFromHour: hour === 0 ? 23 : hour - 1,
        smartLaneToHour: hour === 0 ? 24 : hour,
      },
      "night shift only",
    );
    await bookDriverless("261DRV02");
    expect(await (await gateRead({ plate: "261DRV02" })).json()).toMatchObject({
      barrier: "closed",
      reasonCode: "outside-hours",
    });
    const log = rt.deps.db
      .prepare("SELECT setting, reason FROM checkpoint_changes WHERE checkpoint_id = 'bakhty' ORDER BY seq")
      .all();
    expect(log).toEqual(
      expect.arrayContaining([
        { setting: "smartCustomsLane", reason: "gate under maintenance" },
        { setting: "smartLaneToHour", reason: "night shift only" },
      ]),
    );
    await settings({ smartCustomsLane: true, smartLaneFromHour: 0, smartLaneToHour: 24 }, "round the clock");
    const open = await bookDriverless("262DRV02");
    expect((await (await gateRead({ plate: "262DRV02" })).json()) as object).toMatchObject({
      barrier: "open",
    });
    expect(rt.deps.crossings.get(open.id)?.row.state).toBe("released");
  });
});
