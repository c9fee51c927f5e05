/**
 * Webhook subscriptions and their outbox. Outbox rows are written by a trigger on crossing_events
 * (041_webhooks.sql), inside the transaction of the event itself; a row leaves the outbox only
 * when its subscriber has answered 2xx, so a crash can repeat a delivery but never lose one.
 */
import { nanoid } from "nanoid";
import type { ApiKeyKind } from "../domain/api-access.ts";
import type { DB } from "./db.ts";

export interface Subscription {
  id: string;
  keyId: string;
  url: string;
  createdAt: number;
  deliveredCount: number;
  lastDeliveredAt: number | null;
  lastDeliveredSeq: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  /** events waiting to be delivered */
  backlog: number;
  /** when the oldest waiting event happened, or null when none waits */
  oldestWaitingAt: number | null;
}

/** One delivery to attempt: the head of one crossing's line for one subscription. */
export interface DueDelivery {
  id: number;
  subscriptionId: string;
  seq: number;
  crossingId: string;
  attempts: number;
  url: string;
  secret: string;
  keyKind: ApiKeyKind;
}

const SUBSCRIPTION = `SELECT s.*,
    (SELECT count(*) FROM webhook_outbox o WHERE o.subscription_id = s.id) AS backlog,
    (SELECT min(e.at) FROM webhook_outbox o JOIN crossing_events e ON e.seq = o.seq
      WHERE o.subscription_id = s.id) AS oldest_waiting_at
  FROM webhook_subscriptions s`;

const toSubscription = (r: Record<string, unknown>): Subscription => ({
  id: r.id as string,
  keyId: r.key_id as string,
  url: r.url as string,
  createdAt: r.created_at as number,
  deliveredCount: r.delivered_count as number,
  lastDeliveredAt: r.last_delivered_at as number | null,
  lastDeliveredSeq: r.last_delivered_seq as number | null,
  lastError: r.last_error as string | null,
  lastErrorAt: r.last_error_at as number | null,
  backlog: r.backlog as number,
  oldestWaitingAt: r.oldest_waiting_at as number | null,
});

export function webhookStore(db: DB) {
  const insert = db.prepare(
    "INSERT INTO webhook_subscriptions (id, key_id, url, secret, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const one = db.prepare(`${SUBSCRIPTION} WHERE s.id = ? AND s.deleted_at IS NULL`);
  const ofKey = db.prepare(
    `${SUBSCRIPTION} WHERE s.key_id = ? AND s.deleted_at IS NULL ORDER BY s.created_at`,
  );
  const all = db.prepare(`${SUBSCRIPTION} WHERE s.deleted_at IS NULL ORDER BY s.created_at`);
  const markDeleted = db.prepare(
    "UPDATE webhook_subscriptions SET deleted_at = ? WHERE id = ? AND key_id = ? AND deleted_at IS NULL",
  );
  const dropOutbox = db.prepare("DELETE FROM webhook_outbox WHERE subscription_id = ?");
  const due = db.prepare(
    `SELECT o.id, o.subscription_id AS subscriptionId, o.seq, o.crossing_id AS crossingId, o.attempts,
        s.url, s.secret, k.kind AS keyKind
     FROM webhook_outbox o
       JOIN webhook_subscriptions s ON s.id = o.subscription_id
       JOIN api_keys k ON k.id = s.key_id
     WHERE o.next_attempt_at <= @now AND s.deleted_at IS NULL AND k.revoked_at IS NULL
       AND o.id = (SELECT min(p.id) FROM webhook_outbox p
                   WHERE p.subscription_id = o.subscription_id AND p.crossing_id = o.crossing_id)
     ORDER BY o.id LIMIT @limit`,
  );
  const remove = db.prepare("DELETE FROM webhook_outbox WHERE id = ?");
  const noteDelivered = db.prepare(
    `UPDATE webhook_subscriptions SET delivered_count = delivered_count + 1, last_delivered_at = @at,
       last_delivered_seq = @seq WHERE id = @id`,
  );
  const retryLater = db.prepare(
    "UPDATE webhook_outbox SET attempts = attempts + 1, next_attempt_at = @nextAt, last_error = @error WHERE id = @id",
  );
  const noteError = db.prepare(
    "UPDATE webhook_subscriptions SET last_error = @error, last_error_at = @at WHERE id = @id",
  );

  return {
    subscribe(args: { keyId: string; url: string; secret: string; at: number }): Subscription {
      const id = `whk_${nanoid(12)}`;
      insert.run(id, args.keyId, args.url, args.secret, args.at);
      return toSubscription(one.get(id) as Record<string, unknown>);
    },
    get(id: string): Subscription | null {
      const row = one.get(id) as Record<string, unknown> | undefined;
      return row ? toSubscription(row) : null;
    },
    ofKey: (keyId: string) => (ofKey.all(keyId) as Record<string, unknown>[]).map(toSubscription),
    list: () => (all.all() as Record<string, unknown>[]).map(toSubscription),
    /** Stops deliveries and forgets what was waiting: the subscriber said it wants no more. */
    unsubscribe: db.transaction((id: string, keyId: string, at: number): boolean => {
      if (markDeleted.run(at, id, keyId).changes !== 1) return false;
      dropOutbox.run(id);
      return true;
    }),
    /** The head of each crossing's line, oldest first, that is due now. */
    due: (now: number, limit: number) => due.all({ now, limit }) as DueDelivery[],
    delivered: db.transaction((d: DueDelivery, at: number) => {
      remove.run(d.id);
      noteDelivered.run({ id: d.subscriptionId, at, seq: d.seq });
    }),
    failed: db.transaction((d: DueDelivery, error: string, at: number, nextAt: number) => {
      retryLater.run({ id: d.id, nextAt, error });
      noteError.run({ id: d.subscriptionId, error, at });
    }),
  };
}
export type WebhookStore = ReturnType<typeof webhookStore>;
