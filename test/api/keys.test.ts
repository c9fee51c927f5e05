import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { tempDbPath } from "../store/helpers.ts";
import { bearer, declareAndBook, newKey, testRuntime } from "./support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const post = (path: string, secret: string, body: unknown) =>
  rt.app.request(path, {
    method: "POST",
    headers: { ...bearer(secret), "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
const events = (secret: string) => rt.app.request("/api/v1/events", { headers: bearer(secret) });

describe("API keys", () => {
  it("shows the key once and keeps only its hash", () => {
    const { key, secret } = newKey(rt, { kind: "monitor", label: "Hash check" });
    expect(secret).toMatch(/^shk_monitor_[A-Za-z0-9_-]{43}$/);
    const stored = rt.deps.db.prepare("SELECT * FROM api_keys WHERE id = ?").get(key.id) as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(stored)).not.toContain(secret.slice(12));
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a revoked key at once", async () => {
    const { key, secret } = newKey(rt, { kind: "monitor", label: "Soon revoked" });
    expect((await events(secret)).status).toBe(200);
    rt.deps.apiKeys.revoke(key.id, { userId: "test-admin" }, rt.deps.now());
    const res = await events(secret);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(((await res.json()) as { title: string }).title).toBe("API key revoked");
  });

  it("refuses a key revoked by another connection to the database from its next request", async () => {
    // the server keeps the keys requests present: another writer's commit must still reach it
    const path = tempDbPath();
    const onFile = testRuntime({ DATABASE_PATH: path });
    try {
      const { key, secret } = newKey(onFile, { kind: "monitor", label: "Revoked elsewhere" });
      const feed = () => onFile.app.request("/api/v1/events", { headers: bearer(secret) });
      expect((await feed()).status).toBe(200);
      expect((await feed()).status).toBe(200);
      const other = new Database(path);
      other.prepare("UPDATE api_keys SET revoked_at = 1, revoked_by = 'elsewhere' WHERE id = ?").run(key.id);
      other.close();
      // a request read from the socket after the commit comes in a later turn of the event loop
      await new Promise((resolve) => setImmediate(resolve));
      expect((await feed()).status).toBe(401);
    } finally {
      await onFile.close();
    }
  });

  it("refuses an unknown key and a malformed header with 401", async () => {
    expect((await events("shk_monitor_not-a-real-key")).status).toBe(401);
    const res = await rt.app.request("/api/v1/events", { headers: { Authorization: "Basic abc" } });
    expect(res.status).toBe(401);
  });

  it("holds each key to its own rate limit, with Retry-After", async () => {
    const slow = newKey(rt, { kind: "monitor", label: "Slow", rateLimitPerMinute: 3 });
    const other = newKey(rt, { kind: "monitor", label: "Other", rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await events(slow.secret)).status).toBe(200);
    const limited = await events(slow.secret);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect((await events(other.secret)).status).toBe(200);
  });

  it("lets a device key check a truck in by plate at its own checkpoint only, as the key", async () => {
    const device = newKey(rt, { kind: "device", label: "ANPR waiting area", checkpointId: "nur-zholy" });
    const here = declareAndBook(rt, "601AAA02");
    declareAndBook(rt, "602AAA02", { checkpointId: "bakhty" });
    const res = await post("/api/v1/device/check-ins", device.secret, { plate: "601 aaa-02" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ crossingId: here, state: "waitingArea" });
    const last = rt.deps.crossings.events(here).at(-1);
    expect(last).toMatchObject({ type: "CHECK_IN", actor_kind: "device", actor_id: device.key.id });
    expect((await post("/api/v1/device/check-ins", device.secret, { plate: "602AAA02" })).status).toBe(404);
    // checked in already: the machine refuses, with its reason
    expect((await post("/api/v1/device/check-ins", device.secret, { plate: "601AAA02" })).status).toBe(409);
  });

  it("lets the unmanned lane's camera release a green truck with a complete declaration by its plate", async () => {
    const gate = newKey(rt, { kind: "device", label: "Unmanned lane", checkpointId: "bakhty" });
    const id = declareAndBook(rt, "603AAA02", { checkpointId: "bakhty", complete: true });
    expect(rt.deps.crossings.get(id)?.row.channel).toBe("green");
    expect((await post("/api/v1/device/check-ins", gate.secret, { plate: "603AAA02" })).status).toBe(200);
    const res = await post("/api/v1/device/unmanned-releases", gate.secret, { plate: "603AAA02" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ crossingId: id, state: "released" });
    // Nur Zholy runs no unmanned lane: the machine refuses, with its reason
    const elsewhere = newKey(rt, { kind: "device", label: "No unmanned lane", checkpointId: "nur-zholy" });
    declareAndBook(rt, "604AAA02", { complete: true });
    expect((await post("/api/v1/device/check-ins", elsewhere.secret, { plate: "604AAA02" })).status).toBe(
      200,
    );
    const refused = await post("/api/v1/device/unmanned-releases", elsewhere.secret, { plate: "604AAA02" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("the unmanned green lane is not in service at this checkpoint");
  });

  it("audits every write made with a key, with its outcome", async () => {
    const device = newKey(rt, { kind: "device", label: "Audited", checkpointId: "nur-zholy" });
    await post("/api/v1/device/check-ins", device.secret, { plate: "NOSUCH01" });
    const audit = rt.deps.apiKeys.auditOf(device.key.id);
    expect(audit[0]).toMatchObject({
      actor: `key:${device.key.id}`,
      action: "POST /api/v1/device/check-ins",
      status: 404,
    });
    expect(audit.at(-1)).toMatchObject({ action: "key.create", actor: "user:test-admin" });
  });

  it("keeps a device key out of the event feed and a monitor key away from the gates", async () => {
    const device = newKey(rt, { kind: "device", label: "Gate", checkpointId: "nur-zholy" });
    const monitor = newKey(rt, { kind: "monitor", label: "Watcher" });
    expect((await events(device.secret)).status).toBe(403);
    expect((await post("/api/v1/device/check-ins", monitor.secret, { plate: "601AAA02" })).status).toBe(403);
  });
});
