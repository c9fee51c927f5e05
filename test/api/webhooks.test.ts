import { afterAll, describe, expect, it } from "vitest";
import { crossingPseudonym } from "../../src/domain/event-feed.ts";
import { startReceiver } from "./receiver.ts";
import { bearer, DRIVER_NAME, declareAndBook, newKey, testRuntime } from "./support.ts";

const rt = testRuntime({
  WEBHOOK_RETRY_BASE_MS: "20",
  WEBHOOK_RETRY_MAX_MS: "100",
  WEBHOOK_POLL_MS: "20",
  WEBHOOK_ALLOW_PRIVATE_URLS: "on",
});
afterAll(() => rt.close());
const SECRET = "a-subscriber-secret-1234";

const call = (method: string, path: string, secret: string, body?: unknown) =>
  rt.app.request(path, {
    method,
    headers: { ...bearer(secret), "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function until(check: () => boolean, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("webhook subscriptions", () => {
  it("delivers every event, signed, in order per crossing, through a receiver that fails at first", async () => {
    const receiver = await startReceiver(SECRET, 6);
    const monitor = newKey(rt, { kind: "monitor", label: "Monitor" });
    const res = await call("POST", "/api/v1/webhooks", monitor.secret, { url: receiver.url, secret: SECRET });
    expect(res.status).toBe(201);
    const sub = (await res.json()) as { id: string };
    const ids = ["310AAA02", "311AAA02", "312AAA02"].map((plate) => declareAndBook(rt, plate));
    await until(() => receiver.received.length >= 6, "six deliveries");
    expect(receiver.received.every((r) => r.signatureOk)).toBe(true);
    for (const id of ids) {
      expect(
        receiver.received.filter((r) => r.crossingId === crossingPseudonym(id)).map((r) => r.type),
      ).toEqual(["DECLARE", "BOOK"]);
    }
    expect(receiver.received.map((r) => r.body).join()).not.toContain(DRIVER_NAME);
    type Listed = { id: string; backlog: number; lastError: string | null; deliveredCount: number };
    // the receiver has the sixth delivery a moment before the sender records it as delivered
    let listed: Listed | undefined;
    const deadline = Date.now() + 10_000;
    do {
      [listed] = (await (await call("GET", "/api/v1/webhooks", monitor.secret)).json()) as Listed[];
      if (listed?.backlog === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    } while (Date.now() < deadline);
    expect(listed).toMatchObject({ id: sub.id, backlog: 0, deliveredCount: 6 });
    expect(listed?.lastError).toMatch(/HTTP 503|socket hang up/);
    expect((await call("DELETE", `/api/v1/webhooks/${sub.id}`, monitor.secret)).status).toBe(204);
    expect((await call("DELETE", `/api/v1/webhooks/${sub.id}`, monitor.secret)).status).toBe(404);
    await receiver.close();
  });

  it("sends a carrier's subscription only its own crossings' events", async () => {
    const receiver = await startReceiver(SECRET);
    const carrier = newKey(rt, { kind: "carrier", label: "Carrier" });
    expect(
      (await call("POST", "/api/v1/webhooks", carrier.secret, { url: receiver.url, secret: SECRET })).status,
    ).toBe(201);
    const own = declareAndBook(rt, "320AAA02", { owner: carrier.key.id });
    declareAndBook(rt, "321AAA02");
    await until(() => receiver.received.length >= 2, "the carrier's two events");
    await new Promise((r) => setTimeout(r, 100));
    expect(new Set(receiver.received.map((r) => r.crossingId))).toEqual(new Set([own]));
    await receiver.close();
  });

  it("refuses a URL that is not http(s) and a short secret, field by field", async () => {
    const monitor = newKey(rt, { kind: "monitor", label: "Monitor 2" });
    const res = await call("POST", "/api/v1/webhooks", monitor.secret, {
      url: "ftp://example.org/x",
      secret: "short",
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field).sort()).toEqual(["secret", "url"]);
  });
});
