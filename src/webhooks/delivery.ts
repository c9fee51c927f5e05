/**
 * The background job that empties the webhook outbox: POSTs each event, signed, to its
 * subscriber. Only the oldest waiting event of each crossing is ever in flight for a
 * subscription, so each crossing's events arrive in order; other crossings are not held up by
 * one that keeps failing. A failure is retried with exponential backoff, for ever: the row leaves
 * the outbox only on a 2xx. A delivery cut short by a crash or a shutdown is sent again.
 */

import { toFeedEvent } from "../domain/event-feed.ts";
import type { DB } from "../store/db.ts";
import { eventFeedStore } from "../store/event-feed.ts";
import { type DueDelivery, webhookStore } from "../store/webhooks.ts";
import { postWebhook } from "./send.ts";
import { SIGNATURE_HEADER, signWebhook } from "./signature.ts";

export interface DeliveryOptions {
  db: DB;
  now: () => number;
  /** the first retry waits this long, each next one twice as long, up to retryMaxMs */
  retryBaseMs: number;
  retryMaxMs: number;
  /** how often to look for due deliveries when nothing wakes the job */
  pollMs: number;
  /** deliveries in flight at once, over all subscribers */
  concurrency?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
  /** deliver to private and loopback addresses too (an intranet's subscribers, tests) */
  allowPrivate: boolean;
  send?: typeof postWebhook;
}

export const retryDelay = (attempts: number, baseMs: number, maxMs: number) =>
  Math.min(maxMs, baseMs * 2 ** Math.min(attempts, 30));

export function startWebhookDelivery(opts: DeliveryOptions) {
  const store = webhookStore(opts.db);
  const feed = eventFeedStore(opts.db);
  const send = opts.send ?? postWebhook;
  const concurrency = opts.concurrency ?? 8;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const log = opts.log ?? console.log;
  const inFlight = new Map<number, Promise<void>>();
  const stopping = new AbortController();
  let stopped = false;

  async function deliver(d: DueDelivery): Promise<void> {
    const stored = feed.get(d.seq);
    const body = JSON.stringify({
      subscriptionId: d.subscriptionId,
      event: stored ? toFeedEvent(stored, d.keyKind === "carrier" ? "carrier" : "monitor") : null,
    });
    let error: string;
    try {
      const status = await send(
        d.url,
        {
          "Content-Type": "application/json",
          "User-Agent": "Shekara-Webhooks/1",
          [SIGNATURE_HEADER]: signWebhook(d.secret, body, Math.floor(opts.now() / 1000)),
          "Shekara-Event-Seq": String(d.seq),
          "Shekara-Delivery": String(d.id),
        },
        body,
        { timeoutMs, signal: stopping.signal, allowPrivate: opts.allowPrivate },
      );
      if (status >= 200 && status < 300) {
        store.delivered(d, opts.now());
        return;
      }
      // a redirect is not followed: it could point anywhere, the subscriber's own network included
      error = `HTTP ${status} from the subscriber`;
    } catch (err) {
      if (stopped) return; // cut short by shutdown: it stays in the outbox and goes again after the restart
      error = err instanceof Error ? err.message : String(err);
    }
    const at = opts.now();
    store.failed(d, error, at, at + retryDelay(d.attempts, opts.retryBaseMs, opts.retryMaxMs));
  }

  function pump() {
    if (stopped) return;
    const free = concurrency - inFlight.size;
    if (free <= 0) return;
    let due: DueDelivery[];
    try {
      due = store.due(opts.now(), free + inFlight.size).filter((d) => !inFlight.has(d.id));
    } catch (err) {
      log(`webhooks: cannot read the outbox: ${String(err)}`);
      return;
    }
    for (const d of due.slice(0, free)) {
      const job = deliver(d)
        .catch((err) => log(`webhooks: delivery ${d.id} failed to record: ${String(err)}`))
        .finally(() => {
          inFlight.delete(d.id);
          pump();
        });
      inFlight.set(d.id, job);
    }
  }

  let woken = false;
  const timer = setInterval(pump, opts.pollMs);
  timer.unref();
  queueMicrotask(pump);

  return {
    name: "webhook-delivery",
    /**
     * Look for new deliveries now (after a commit) rather than at the next poll; once for all the
     * commits of a turn (a group of bookings wakes it fifty times, one look is enough).
     */
    wake: () => {
      if (woken) return;
      woken = true;
      setImmediate(() => {
        woken = false;
        pump();
      });
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      stopping.abort();
      await Promise.allSettled(inFlight.values());
    },
  };
}
export type WebhookDelivery = ReturnType<typeof startWebhookDelivery>;
