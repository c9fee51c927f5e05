-- The places held in each slot, kept by triggers on crossings. A booking counts its slot's and its
-- day's places inside its write transaction; counting index entries made every booking slower as
-- the day filled up (a busy day is 650 trucks at Nur Zholy). Now it reads one row per slot.
-- "Holds a place" is booking.ts's HOLDS_PLACE: a slot, and a state other than these three.
CREATE TABLE slot_places (
  checkpoint_id TEXT NOT NULL,
  slot_start INTEGER NOT NULL,
  held INTEGER NOT NULL CHECK (held >= 0),
  PRIMARY KEY (checkpoint_id, slot_start)
) STRICT, WITHOUT ROWID;

INSERT INTO slot_places (checkpoint_id, slot_start, held)
  SELECT checkpoint_id, slot_start, count(*) FROM crossings
  WHERE slot_start IS NOT NULL AND state NOT IN ('declared', 'cancelled', 'expired')
  GROUP BY checkpoint_id, slot_start;

CREATE TRIGGER slot_places_on_insert AFTER INSERT ON crossings
WHEN NEW.slot_start IS NOT NULL AND NEW.state NOT IN ('declared', 'cancelled', 'expired')
BEGIN
  INSERT INTO slot_places (checkpoint_id, slot_start, held) VALUES (NEW.checkpoint_id, NEW.slot_start, 1)
    ON CONFLICT (checkpoint_id, slot_start) DO UPDATE SET held = held + 1;
END;

-- only when the place changes hands: most transitions (document check, scan...) skip it
CREATE TRIGGER slot_places_on_update AFTER UPDATE OF slot_start, state, checkpoint_id ON crossings
WHEN (OLD.slot_start IS NOT NULL AND OLD.state NOT IN ('declared', 'cancelled', 'expired'))
  != (NEW.slot_start IS NOT NULL AND NEW.state NOT IN ('declared', 'cancelled', 'expired'))
  OR OLD.slot_start IS NOT NEW.slot_start OR OLD.checkpoint_id != NEW.checkpoint_id
BEGIN
  UPDATE slot_places SET held = held - 1
    WHERE checkpoint_id = OLD.checkpoint_id AND slot_start = OLD.slot_start
      AND OLD.state NOT IN ('declared', 'cancelled', 'expired');
  INSERT INTO slot_places (checkpoint_id, slot_start, held)
    SELECT NEW.checkpoint_id, NEW.slot_start, 1
    WHERE NEW.slot_start IS NOT NULL AND NEW.state NOT IN ('declared', 'cancelled', 'expired')
    ON CONFLICT (checkpoint_id, slot_start) DO UPDATE SET held = held + 1;
END;

CREATE TRIGGER slot_places_on_delete AFTER DELETE ON crossings
WHEN OLD.slot_start IS NOT NULL AND OLD.state NOT IN ('declared', 'cancelled', 'expired')
BEGIN
  UPDATE slot_places SET held = held - 1
    WHERE checkpoint_id = OLD.checkpoint_id AND slot_start = OLD.slot_start;
END;
