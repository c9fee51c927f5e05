-- Issue 18: what a forecast of demand needs that the crossings do not already record.

-- Booking attempts the checkpoint refused because a slot or the day was full. Bookings, walk-ins
-- and declarations are in crossing_events already; without the refusals a forecast would learn the
-- old limit back (censored demand). Append-only, like the event log it completes.
CREATE TABLE demand_refusals (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  checkpoint_id TEXT NOT NULL REFERENCES checkpoints(id),
  crossing_id TEXT NOT NULL,
  -- the slot the driver wanted: the day demand is counted on
  slot_start INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('book.full', 'book.daily')),
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX demand_refusals_by_checkpoint ON demand_refusals(checkpoint_id, slot_start);
CREATE TRIGGER demand_refusals_no_update BEFORE UPDATE ON demand_refusals
BEGIN SELECT RAISE(ABORT, 'demand_refusals is append-only'); END;
CREATE TRIGGER demand_refusals_no_delete BEFORE DELETE ON demand_refusals
BEGIN SELECT RAISE(ABORT, 'demand_refusals is append-only'); END;

-- The holiday and closure calendar as a log of additions and withdrawals, each with who and why:
-- the calendar in force is the days added and not withdrawn since.
CREATE TABLE forecast_calendar (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  action TEXT NOT NULL CHECK (action IN ('add', 'withdraw')),
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('holidayKz', 'holidayCn', 'closure')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- the neighbour country a closure applies to (ISO 3166 alpha-2), or NULL for every checkpoint
  neighbour TEXT CHECK (neighbour IS NULL OR length(neighbour) = 2),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  actor_id TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE TRIGGER forecast_calendar_no_update BEFORE UPDATE ON forecast_calendar
BEGIN SELECT RAISE(ABORT, 'forecast_calendar is append-only'); END;
CREATE TRIGGER forecast_calendar_no_delete BEFORE DELETE ON forecast_calendar
BEGIN SELECT RAISE(ABORT, 'forecast_calendar is append-only'); END;

-- Recommendations as computed and shown to a supervisor; "recommendation N" in the settings log
-- names one of these, so what was accepted can be read again exactly.
CREATE TABLE recommendations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  checkpoint_id TEXT NOT NULL REFERENCES checkpoints(id),
  body TEXT NOT NULL CHECK (json_valid(body)),
  actor_id TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX recommendations_by_checkpoint ON recommendations(checkpoint_id, id);
CREATE TRIGGER recommendations_no_update BEFORE UPDATE ON recommendations
BEGIN SELECT RAISE(ABORT, 'recommendations is append-only'); END;
CREATE TRIGGER recommendations_no_delete BEFORE DELETE ON recommendations
BEGIN SELECT RAISE(ABORT, 'recommendations is append-only'); END;
