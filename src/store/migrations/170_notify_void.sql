-- A supervisor's VOID (issue 14: a squatted plate, a duplicate) ends a crossing like a CANCEL, and its
-- driver must hear of it the same way: the drivers' outbox now takes VOID as 'crossing-cancelled', with
-- the supervisor's reason. Everything else is trigger 160's, driverless crossings still skipped.
DROP TRIGGER notifications_on_event;
CREATE TRIGGER notifications_on_event AFTER INSERT ON crossing_events
WHEN ((NEW.from_state IS NOT NEW.to_state AND NEW.to_state IN ('called', 'onHold', 'released', 'refused', 'expired'))
  OR (NEW.type = 'MISS_CALL' AND NEW.to_state = 'waitingArea')
  OR (NEW.type IN ('CANCEL_BOOKING', 'BOOK', 'CANCEL', 'VOID') AND NEW.actor_kind NOT IN ('driver', 'carrier')))
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
      WHEN NEW.type IN ('CANCEL', 'VOID') THEN 'crossing-cancelled'
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
