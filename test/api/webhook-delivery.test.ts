/** The delivery job alone, with a fake subscriber and the clock in the test's hands. */
import { afterEach, describe, expect, it } from "vitest";
import { apiKeyStore } from "../../src/store/api-keys.ts";
import type { DB } from "../../src/store/db.ts";
import { webhookStore } from "../../src/store/webhooks.ts";
import { retryDelay, startWebhookDelivery, type WebhookDelivery } from "../../src/webhooks/delivery.ts";
import { verifyWebhook } from "../../src/webhooks/signature.ts";
import { declareOne, seededDb } from "../store/helpers.ts";

let job: WebhookDelivery | undefined;
let db: DB | undefined;
afterEach(async () => {
  await job?.stop();
  db?.close();
});

const settle = () => new Promise((r) => setTimeout(r, 30));

describe("the webhook delivery job", () => {
  it("doubles the wait after each failure, up to the maximum", () => {
    expect([0, 1, 2, 3, 10].map((n) => retryDelay(n, 1000, 5000))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it("retries a failing subscriber on its backoff schedule, then sends the next event of the crossing", async () => {
    db = seededDb();
    let now = Date.UTC(2026, 10, 25, 6);
    const monitor = apiKeyStore(db).create({ kind: "monitor", label: "M" }, { userId: "t" }, now);
    const subs = webhookStore(db);
    const sub = subs.subscribe({
      keyId: monitor.key.id,
      url: "http://subscriber.test/hook",
      secret: "0123456789abcdef",
      at: now,
    });
    const { crossing, crossings } = declareOne(db, "777KZA02", now);
    crossings.apply(crossing.row.id, {
      type: "CANCEL",
      at: now,
      actor: { kind: "driver", id: "t" },
      reason: "plans changed",
    });
    const sent: { seq: number; at: number; ok: boolean }[] = [];
    let failures = 3;
    job = startWebhookDelivery({
      db,
      now: () => now,
      retryBaseMs: 1000,
      retryMaxMs: 60_000,
      pollMs: 10,
      allowPrivate: false,
      send: async (_url, headers, body) => {
        expect(verifyWebhook("0123456789abcdef", body, headers["Shekara-Signature"], now / 1000)).toBe(true);
        const ok = failures-- <= 0;
        sent.push({ seq: Number(headers["Shekara-Event-Seq"]), at: now, ok });
        return ok ? 204 : 500;
      },
    });
    const start = now;
    for (const wait of [0, 1000, 2000, 4000]) {
      now += wait;
      await settle();
    }
    await settle();
    const [declared, cancelled] = sent.map((s) => s.seq).filter((s, i, all) => all.indexOf(s) === i);
    expect(sent.map((s) => [s.seq, s.at - start, s.ok])).toEqual([
      [declared, 0, false],
      [declared, 1000, false],
      [declared, 3000, false],
      [declared, 7000, true],
      [cancelled, 7000, true],
    ]);
    expect(cancelled).toBeGreaterThan(declared as number);
    expect(subs.get(sub.id)).toMatchObject({
      backlog: 0,
      deliveredCount: 2,
      lastError: "HTTP 500 from the subscriber",
    });
  });
});
