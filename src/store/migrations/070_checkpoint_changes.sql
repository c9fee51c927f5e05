-- Supervisors' changes to a checkpoint's settings: one row per setting changed, append-only,
-- so the record of who opened a lane or lowered the daily limit, and why, cannot be rewritten.
CREATE TABLE checkpoint_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  checkpoint_id TEXT NOT NULL REFERENCES checkpoints(id),
  -- one supervisor's save may change several settings; they share its change_id
  change_id TEXT NOT NULL,
  setting TEXT NOT NULL,
  old_value TEXT NOT NULL CHECK (json_valid(old_value)),
  new_value TEXT NOT NULL CHECK (json_valid(new_value)),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  -- bookings moved to later slots because a lowered daily limit no longer had room for them
  moved_bookings INTEGER NOT NULL DEFAULT 0,
  actor_id TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX checkpoint_changes_by_checkpoint ON checkpoint_changes(checkpoint_id, at);

CREATE TRIGGER checkpoint_changes_no_update BEFORE UPDATE ON checkpoint_changes
BEGIN SELECT RAISE(ABORT, 'checkpoint_changes is append-only'); END;
CREATE TRIGGER checkpoint_changes_no_delete BEFORE DELETE ON checkpoint_changes
BEGIN SELECT RAISE(ABORT, 'checkpoint_changes is append-only'); END;
