-- Notifications to drivers (issue 3): called to a lane, put on hold, released or refused, a booking
-- the checkpoint cancelled or moved, a slot about to lapse. An outbox: a background job hands each
-- row to the configured sender (the log by default, an SMS gateway in production) and marks it sent;
-- the driver's page lists them whatever the sender did.
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  crossing_id TEXT NOT NULL REFERENCES crossings(id),
  -- the event that caused it; NULL for the timer's slot warnings
  seq INTEGER REFERENCES crossing_events(seq),
  kind TEXT NOT NULL CHECK (kind IN ('called', 'onHold', 'released', 'refused', 'booking-cancelled',
    'booking-moved', 'crossing-cancelled', 'slot-expiring')),
  params TEXT NOT NULL CHECK (json_valid(params)),
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  -- after the last attempt fails the row stays on the page but the sender stops trying
  given_up_at INTEGER,
  last_error TEXT
) STRICT;
CREATE INDEX notifications_due ON notifications(next_attempt_at) WHERE sent_at IS NULL AND given_up_at IS NULL;
CREATE INDEX notifications_by_crossing ON notifications(crossing_id, id);
-- one warning per crossing that its slot is about to lapse
CREATE UNIQUE INDEX notifications_slot_warning_once ON notifications(crossing_id) WHERE kind = 'slot-expiring';

-- Written by a trigger, like the webhook outbox, so it is in the same transaction as the event
-- whichever code path applied it. Changes the driver made themselves are not notified back.
CREATE TRIGGER notifications_on_event AFTER INSERT ON crossing_events
WHEN (NEW.from_state IS NOT NEW.to_state AND NEW.to_state IN ('called', 'onHold', 'released', 'refused'))
  OR (NEW.type IN ('CANCEL_BOOKING', 'BOOK', 'CANCEL') AND NEW.actor_kind NOT IN ('driver', 'carrier'))
BEGIN
  INSERT INTO notifications (crossing_id, seq, kind, params, created_at)
  VALUES (
    NEW.crossing_id,
    NEW.seq,
    CASE NEW.type
      WHEN 'CANCEL_BOOKING' THEN 'booking-cancelled'
      WHEN 'BOOK' THEN 'booking-moved'
      WHEN 'CANCEL' THEN 'crossing-cancelled'
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
