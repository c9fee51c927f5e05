-- The national hub's schema (PostgreSQL). Every post's event log, keyed by (post, epoch, seq), and
-- the projections ingest keeps in the same transaction.

CREATE TABLE posts (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  -- the post's Ed25519 public key (SPKI, base64): nothing stored here can sign for the post
  public_key text NOT NULL,
  -- sha-256 of the key the post holds, shown to operators to tell keys apart
  key_fingerprint text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  heartbeat jsonb,
  heartbeat_at timestamptz,
  previous_heartbeat jsonb
);

-- One stream per post database: a reseeded or restored database has a new epoch and its own cursor.
CREATE TABLE post_streams (
  post_id int NOT NULL REFERENCES posts(id),
  epoch text NOT NULL,
  cursor bigint NOT NULL DEFAULT 0,      -- the highest contiguous seq held
  events_ingested bigint NOT NULL DEFAULT 0,
  last_event_at bigint,                  -- the post's clock (epoch ms) of the last event held
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (post_id, epoch)
);

CREATE TABLE events (
  post_id int NOT NULL,
  epoch text NOT NULL,
  seq bigint NOT NULL,
  crossing_id text NOT NULL,
  checkpoint_id text NOT NULL,
  direction text NOT NULL,
  n int NOT NULL,
  type text NOT NULL,
  payload text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  at bigint NOT NULL,
  actor_kind text NOT NULL,
  actor_id text NOT NULL,
  reason text,
  digest text NOT NULL,                  -- sha-256 of the event as the post sent it
  ingested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (post_id, epoch, seq),
  FOREIGN KEY (post_id, epoch) REFERENCES post_streams(post_id, epoch)
);

-- The log is the national audit trail: nobody rewrites it.
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'events is append-only'; END $$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_append_only();

-- An event that arrived again with other content than the one held: kept and reported, never applied.
CREATE TABLE quarantine (
  id bigserial PRIMARY KEY,
  post_id int NOT NULL REFERENCES posts(id),
  epoch text NOT NULL,
  seq bigint NOT NULL,
  held_digest text NOT NULL,
  received jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- Projections, kept by ingest in the event's transaction, each rebuildable from events.
CREATE TABLE crossing_states (
  post_id int NOT NULL,
  crossing_id text NOT NULL,
  checkpoint_id text NOT NULL,
  direction text NOT NULL,
  channel text NOT NULL,
  state text NOT NULL,
  entered_at bigint NOT NULL,
  declared_at bigint NOT NULL,
  events int NOT NULL,
  PRIMARY KEY (post_id, crossing_id)
);

CREATE TABLE checkpoint_states (
  post_id int NOT NULL,
  checkpoint_id text NOT NULL,
  state text NOT NULL,
  crossings int NOT NULL,
  PRIMARY KEY (post_id, checkpoint_id, state)
);

CREATE TABLE daily_counts (
  post_id int NOT NULL,
  checkpoint_id text NOT NULL,
  day date NOT NULL,                     -- Kazakhstan's day (UTC+5)
  direction text NOT NULL,
  channel text NOT NULL,
  state text NOT NULL,                   -- the state entered
  crossings int NOT NULL,
  PRIMARY KEY (post_id, checkpoint_id, day, direction, channel, state)
);

-- The national Time Release Study: time spent in each state, by the day the truck left it.
CREATE TABLE stage_times (
  post_id int NOT NULL,
  checkpoint_id text NOT NULL,
  day date NOT NULL,
  stage text NOT NULL,
  crossings int NOT NULL,
  total_ms bigint NOT NULL,
  PRIMARY KEY (post_id, checkpoint_id, day, stage)
);

-- One active crossing per vehicle across all posts: a unique index on active claims.
CREATE TABLE vehicle_claims (
  post_id int NOT NULL REFERENCES posts(id),
  crossing_id text NOT NULL,
  plate text NOT NULL,                   -- canonical plate
  vin text,
  declared_at bigint NOT NULL,
  -- reserved: asked for before the declaration; confirmed: its DECLARE event is held
  status text NOT NULL CHECK (status IN ('reserved', 'confirmed', 'ended', 'lost')),
  claimed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (post_id, crossing_id)
);
CREATE UNIQUE INDEX vehicle_claims_one_active_plate ON vehicle_claims (plate)
  WHERE status IN ('reserved', 'confirmed');
CREATE UNIQUE INDEX vehicle_claims_one_active_vin ON vehicle_claims (vin)
  WHERE status IN ('reserved', 'confirmed') AND vin IS NOT NULL;

-- Commands from the hub to a post, fetched by the post with GET, each applied once.
CREATE TABLE commands (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  post_id int NOT NULL REFERENCES posts(id),
  kind text NOT NULL CHECK (kind IN ('cancel-duplicate')),
  crossing_id text NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz,
  outcome text,
  UNIQUE (post_id, kind, crossing_id)
);
CREATE INDEX commands_pending ON commands (post_id) WHERE done_at IS NULL;
