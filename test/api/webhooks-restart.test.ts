/**
 * The promise of the outbox, against a real server process: a subscriber that fails at first,
 * a server killed with SIGKILL while deliveries are waiting, events written while it is down,
 * and a restart. Every event arrives, signed, each crossing's in order; none is missing.
 */
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { SEED_RISK_POLICY } from "../../seed/risk-rules.ts";
import { declarationSchema } from "../../src/domain/declaration.ts";
import { apiKeyStore } from "../../src/store/api-keys.ts";
import { crossingStore } from "../../src/store/crossings.ts";
import { type DB, openDatabase } from "../../src/store/db.ts";
import { declareTruck } from "../../src/store/declare.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { outOfOrder, startReceiver } from "./receiver.ts";
import { declaration } from "./support.ts";

const SECRET = "restart-test-secret-0001";
const ENV = {
  SEED_DEMO_TRAFFIC: "off",
  WEBHOOK_RETRY_BASE_MS: "40",
  WEBHOOK_RETRY_MAX_MS: "300",
  WEBHOOK_POLL_MS: "40",
  WEBHOOK_ALLOW_PRIVATE_URLS: "on", // the subscriber is on loopback
};

/** Another writer on the same file: the outbox trigger catches its events too. */
function truckTraffic(db: DB) {
  const crossings = crossingStore(db);
  const actor = { kind: "driver" as const, id: "restart-test" };
  return (plate: string) => {
    const at = Date.now();
    const declared = declareTruck(crossings, {
      declaration: declarationSchema.parse(declaration(plate)),
      risk: SEED_RISK_POLICY,
      sample: 0.99,
      at,
      actor,
      policy: { requireVin: false },
    });
    if (!declared.ok) throw new Error(declared.reason);
    const id = declared.crossing.row.id;
    const start = Math.floor(at / 1_800_000) * 1_800_000;
    const booked = crossings.apply(id, { type: "BOOK", at, actor, slot: { start, end: start + 1_800_000 } });
    if (!booked.ok) throw new Error(booked.reason);
    const checkedIn = crossings.apply(id, {
      type: "CHECK_IN",
      at,
      actor: { kind: "device", id: "restart-test" },
      policy: { walkInsAllowed: true, graceMinutes: 60 },
    });
    if (!checkedIn.ok) throw new Error(checkedIn.reason);
  };
}

async function until(check: () => boolean, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let server: RunningServer | undefined;
let db: DB | undefined;
afterEach(async () => {
  await server?.kill();
  db?.close();
});

describe("webhooks across a crash", () => {
  it("delivers every event exactly as logged, signed and in order per crossing, though the server is killed mid-way", async () => {
    const receiver = await startReceiver(SECRET, 8, 15);
    server = await startServer({ env: ENV });
    db = openDatabase(server.dbPath);
    const monitor = apiKeyStore(db).create(
      { kind: "monitor", label: "Monitor" },
      { userId: "test" },
      Date.now(),
    );
    const firstSeq = db.prepare("SELECT coalesce(max(seq), 0) FROM crossing_events").pluck().get() as number;
    const subscribed = await fetch(`${server.url}/api/v1/webhooks`, {
      method: "POST",
      headers: { Authorization: `Bearer ${monitor.secret}`, "Content-Type": "application/json" },
      body: JSON.stringify({ url: receiver.url, secret: SECRET }),
    });
    expect(subscribed.status).toBe(201);

    const truck = truckTraffic(db);
    for (let i = 0; i < 10; i++) truck(`40${i}AAA02`);
    await until(() => receiver.received.length >= 5, "the first deliveries");
    const backlog = () => db?.prepare("SELECT count(*) FROM webhook_outbox").pluck().get() as number;
    expect(backlog()).toBeGreaterThan(0); // killed with deliveries still waiting
    const { port, dbPath } = server;
    await server.kill();

    for (let i = 0; i < 10; i++) truck(`41${i}AAA02`); // written while the server is down
    receiver.failNext(3);
    server = await startServer({ dbPath, port, env: ENV });
    for (let i = 0; i < 5; i++) truck(`42${i}AAA02`);

    const logged = new Database(dbPath, { readonly: true });
    const expected = logged
      .prepare("SELECT seq FROM crossing_events WHERE seq > ? ORDER BY seq")
      .pluck()
      .all(firstSeq);
    logged.close();
    expect(expected).toHaveLength(25 * 3);
    await until(() => new Set(receiver.received.map((r) => r.seq)).size >= expected.length, "every event");
    await until(() => backlog() === 0, "an empty outbox");

    expect([...new Set(receiver.received.map((r) => r.seq))].sort((a, b) => a - b)).toEqual(expected);
    expect(receiver.received.filter((r) => !r.signatureOk)).toEqual([]);
    expect(outOfOrder(receiver.received)).toEqual([]);
    await receiver.close();
  }, 90_000);
});
