-- The foundation: checkpoints, crossings with their machine snapshot, the append-only event log, users.

CREATE TABLE checkpoints (
  id TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*'),
  name TEXT NOT NULL,
  names TEXT NOT NULL CHECK (json_valid(names)),
  neighbour TEXT NOT NULL CHECK (length(neighbour) = 2),
  neighbour_checkpoint TEXT NOT NULL,
  -- the checkpoint's configuration, validated by checkpointConfigSchema on every write
  config TEXT NOT NULL CHECK (json_valid(config)),
  -- where the queue's interleaving cycle stands: the next place to serve
  cycle_position INTEGER NOT NULL DEFAULT 0 CHECK (cycle_position >= 0),
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE crossings (
  id TEXT PRIMARY KEY,               -- unguessable nanoid: the driver's capability link
  code TEXT NOT NULL UNIQUE,         -- the 8-character booking code on the pass
  checkpoint_id TEXT NOT NULL REFERENCES checkpoints(id),
  plate TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('export', 'import', 'transit')),
  state TEXT NOT NULL CHECK (state IN ('declared','booked','waitingArea','called','documentCheck','scan',
    'physicalInspection','onHold','released','refused','cancelled','expired')),
  channel TEXT NOT NULL CHECK (channel IN ('green', 'yellow', 'red')),
  priority TEXT NOT NULL,
  slot_start INTEGER,
  slot_end INTEGER,
  checked_in_at INTEGER,
  call_deadline INTEGER,
  lane INTEGER,
  promoted_at INTEGER,
  declaration TEXT NOT NULL CHECK (json_valid(declaration)),
  -- the persisted machine snapshot (state + context); the columns above are derived from it
  snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
  event_count INTEGER NOT NULL DEFAULT 0,
  owner TEXT,                        -- the carrier API key that created it, if any
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((slot_start IS NULL) = (slot_end IS NULL))
) STRICT;

-- One active crossing per truck per checkpoint.
CREATE UNIQUE INDEX crossings_one_active_per_plate ON crossings(checkpoint_id, plate)
  WHERE state NOT IN ('released', 'refused', 'cancelled', 'expired');
CREATE INDEX crossings_by_state ON crossings(checkpoint_id, state);
CREATE INDEX crossings_by_slot ON crossings(checkpoint_id, slot_start) WHERE slot_start IS NOT NULL;
CREATE INDEX crossings_by_deadline ON crossings(call_deadline) WHERE call_deadline IS NOT NULL;

-- Every accepted event, in order. seq is global: the cargo-monitoring feed resumes from it.
CREATE TABLE crossing_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  crossing_id TEXT NOT NULL REFERENCES crossings(id),
  n INTEGER NOT NULL,                -- 0 is the declaration, then 1, 2, ... per crossing
  type TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  from_state TEXT,
  to_state TEXT NOT NULL,
  at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  reason TEXT,
  UNIQUE (crossing_id, n)
) STRICT;
CREATE INDEX crossing_events_by_time ON crossing_events(at);

-- The event log is the audit trail: nobody may rewrite it.
CREATE TRIGGER crossing_events_no_update BEFORE UPDATE ON crossing_events
BEGIN SELECT RAISE(ABORT, 'crossing_events is append-only'); END;
CREATE TRIGGER crossing_events_no_delete BEFORE DELETE ON crossing_events
BEGIN SELECT RAISE(ABORT, 'crossing_events is append-only'); END;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'planner', 'admin')),
  checkpoint_id TEXT REFERENCES checkpoints(id),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  created_at INTEGER NOT NULL,
  -- officers and supervisors belong to one checkpoint
  CHECK (role NOT IN ('officer', 'supervisor') OR checkpoint_id IS NOT NULL)
) STRICT;
