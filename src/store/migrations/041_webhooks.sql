-- Webhooks: subscriptions (a URL and a secret, owned by an API key) and the outbox of deliveries.

CREATE TABLE webhook_subscriptions (
  id TEXT PRIMARY KEY,
  key_id TEXT NOT NULL REFERENCES api_keys(id),
  url TEXT NOT NULL CHECK (url LIKE 'http://%' OR url LIKE 'https://%'),
  -- kept as given: the HMAC needs the secret itself, not a hash of it
  secret TEXT NOT NULL CHECK (length(secret) BETWEEN 16 AND 200),
  created_at INTEGER NOT NULL,
  deleted_at INTEGER,
  delivered_count INTEGER NOT NULL DEFAULT 0,
  last_delivered_at INTEGER,
  last_delivered_seq INTEGER,
  last_error TEXT,
  last_error_at INTEGER
) STRICT;
CREATE INDEX webhook_subscriptions_by_key ON webhook_subscriptions(key_id) WHERE deleted_at IS NULL;

-- One row per event per subscription still to deliver; deleted once the subscriber answers 2xx.
CREATE TABLE webhook_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions(id),
  seq INTEGER NOT NULL REFERENCES crossing_events(seq),
  crossing_id TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  UNIQUE (subscription_id, seq)
) STRICT;
-- the head of each crossing's line per subscription: deliveries keep each crossing's order
CREATE INDEX webhook_outbox_per_crossing ON webhook_outbox(subscription_id, crossing_id, id);

-- Written by a trigger, so it is in the same transaction as the event whichever code path wrote it:
-- crossingStore's onApplied hooks see only `apply` on the instance they are registered on, not a
-- declaration, nor the seed's or another module's own crossingStore. A carrier's subscription
-- gets its own crossings' events; a monitor's gets every event.
CREATE TRIGGER webhook_outbox_on_event AFTER INSERT ON crossing_events
BEGIN
  INSERT INTO webhook_outbox (subscription_id, seq, crossing_id)
  SELECT s.id, NEW.seq, NEW.crossing_id
  FROM webhook_subscriptions s JOIN api_keys k ON k.id = s.key_id
  WHERE s.deleted_at IS NULL AND k.revoked_at IS NULL
    AND (k.kind = 'monitor'
      OR (k.kind = 'carrier' AND k.id = (SELECT owner FROM crossings WHERE id = NEW.crossing_id)));
END;

-- A carrier reads its own crossings by owner.
CREATE INDEX crossings_by_owner ON crossings(owner, created_at) WHERE owner IS NOT NULL;
