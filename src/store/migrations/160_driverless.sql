-- migrate: foreign keys off
-- Issue 22: driverless trucks through the Smart Customs lane.
--
-- 1. The Smart Customs gate's API keys: kind 'gate', one checkpoint each, like a device. SQLite
--    cannot change a CHECK in place, so api_keys is rebuilt with its rows (SQLite's own procedure:
--    foreign keys off for this migration, checked with foreign_key_check before it commits); the
--    webhooks' trigger that reads api_keys is dropped and made again around the rebuild.
DROP TRIGGER webhook_outbox_on_event;
CREATE TABLE api_keys_new (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('carrier', 'device', 'monitor', 'gate')),
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  -- a device or a gate belongs to exactly one checkpoint; the other kinds to none
  checkpoint_id TEXT REFERENCES checkpoints(id),
  scopes TEXT NOT NULL CHECK (json_valid(scopes) AND json_type(scopes) = 'array'),
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
  hint TEXT NOT NULL,
  rate_limit_per_minute INTEGER NOT NULL CHECK (rate_limit_per_minute BETWEEN 1 AND 100000),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at INTEGER,
  revoked_by TEXT,
  last_used_at INTEGER,
  CHECK ((kind IN ('device', 'gate')) = (checkpoint_id IS NOT NULL)),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
) STRICT;
INSERT INTO api_keys_new SELECT * FROM api_keys;
DROP TABLE api_keys;
ALTER TABLE api_keys_new RENAME TO api_keys;
CREATE TRIGGER webhook_outbox_on_event AFTER INSERT ON crossing_events
BEGIN
  INSERT INTO webhook_outbox (subscription_id, seq, crossing_id)
  SELECT s.id, NEW.seq, NEW.crossing_id
  FROM webhook_subscriptions s JOIN api_keys k ON k.id = s.key_id
  WHERE s.deleted_at IS NULL AND k.revoked_at IS NULL
    AND (k.kind = 'monitor'
      OR (k.kind = 'carrier' AND k.id = (SELECT owner FROM crossings WHERE id = NEW.crossing_id)));
END;

-- 2. A driverless crossing: declared by a carrier's system, with no driver at all. Its declaration
--    names no driver (so no name and no phone number is stored anywhere for it), and it has an
--    owner: the carrier is the one told what happens.
ALTER TABLE crossings ADD COLUMN driverless INTEGER NOT NULL DEFAULT 0 CHECK (driverless IN (0, 1));
CREATE TRIGGER crossings_driverless_has_no_driver BEFORE INSERT ON crossings
WHEN NEW.driverless = 1
  AND (json_extract(NEW.declaration, '$.driver') IS NOT NULL OR NEW.owner IS NULL)
BEGIN SELECT RAISE(ABORT, 'a driverless crossing has no driver and belongs to a carrier'); END;

-- 3. Nothing of a driverless crossing goes to a phone: the drivers' outbox skips it (its carrier
--    has the same events through its webhook subscription and the carriers' API).
DROP TRIGGER notifications_on_event;
CREATE TRIGGER notifications_on_event AFTER INSERT ON crossing_events
WHEN ((NEW.from_state IS NOT NEW.to_state AND NEW.to_state IN ('called', 'onHold', 'released', 'refused', 'expired'))
  OR (NEW.type = 'MISS_CALL' AND NEW.to_state = 'waitingArea')
  OR (NEW.type IN ('CANCEL_BOOKING', 'BOOK', 'CANCEL') AND NEW.actor_kind NOT IN ('driver', 'carrier')))
  AND (SELECT driverless FROM crossings WHERE id = NEW.crossing_id) = 0
BEGIN
  INSERT INTO notifications (crossing_id, seq, kind, params, created_at)
  VALUES (
    NEW.crossing_id,
    NEW.seq,
    CASE
      WHEN NEW.type = 'MISS_CALL' AND NEW.to_state = 'waitingArea' THEN 'missed-call'
      WHEN NEW.type = 'CANCEL_BOOKING' THEN 'booking-cancelled'
      WHEN NEW.type = 'BOOK' THEN 'booking-moved'
      WHEN NEW.type = 'CANCEL' THEN 'crossing-cancelled'
      ELSE NEW.to_state
    END,
    json_object(
      'lane', json_extract(NEW.payload, '$.lane'),
      'deadline', json_extract(NEW.payload, '$.deadline'),
      'slotStart', json_extract(NEW.payload, '$.slot.start'),
      'reason', NEW.reason
    ),
    NEW.at
  );
END;

-- 4. The gate's reads, by the id the gate gives each read: a read sent again (a timeout, a retry)
--    gets the first answer back and changes nothing.
CREATE TABLE gate_reads (
  key_id TEXT NOT NULL REFERENCES api_keys(id),
  read_id TEXT NOT NULL CHECK (length(read_id) BETWEEN 1 AND 64),
  crossing_id TEXT NOT NULL REFERENCES crossings(id),
  answer TEXT NOT NULL CHECK (json_valid(answer)),
  at INTEGER NOT NULL,
  PRIMARY KEY (key_id, read_id)
) STRICT;
