-- Drivers are also told when they missed their call (back in the queue) and when their crossing
-- expired (a lapsed booking, or a second missed call). SQLite cannot change a CHECK in place: the
-- table is rebuilt with its rows, indexes and trigger.
DROP TRIGGER notifications_on_event;

CREATE TABLE notifications_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  crossing_id TEXT NOT NULL REFERENCES crossings(id),
  seq INTEGER REFERENCES crossing_events(seq),
  kind TEXT NOT NULL CHECK (kind IN ('called', 'onHold', 'released', 'refused', 'booking-cancelled',
    'booking-moved', 'crossing-cancelled', 'slot-expiring', 'missed-call', 'expired')),
  params TEXT NOT NULL CHECK (json_valid(params)),
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  given_up_at INTEGER,
  last_error TEXT
) STRICT;
INSERT INTO notifications_new SELECT * FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_due ON notifications(next_attempt_at) WHERE sent_at IS NULL AND given_up_at IS NULL;
CREATE INDEX notifications_by_crossing ON notifications(crossing_id, id);
CREATE UNIQUE INDEX notifications_slot_warning_once ON notifications(crossing_id) WHERE kind = 'slot-expiring';

CREATE TRIGGER notifications_on_event AFTER INSERT ON crossing_events
WHEN (NEW.from_state IS NOT NEW.to_state AND NEW.to_state IN ('called', 'onHold', 'released', 'refused', 'expired'))
  OR (NEW.type = 'MISS_CALL' AND NEW.to_state = 'waitingArea')
  OR (NEW.type IN ('CANCEL_BOOKING', 'BOOK', 'CANCEL') AND NEW.actor_kind NOT IN ('driver', 'carrier'))
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
