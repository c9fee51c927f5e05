-- API keys for carriers' platforms, checkpoint devices and cargo monitors, and the audit of their writes.

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,               -- public: shown in lists, used as the actor id in crossing_events
  kind TEXT NOT NULL CHECK (kind IN ('carrier', 'device', 'monitor')),
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  -- a device belongs to exactly one checkpoint; the other kinds to none
  checkpoint_id TEXT REFERENCES checkpoints(id),
  scopes TEXT NOT NULL CHECK (json_valid(scopes) AND json_type(scopes) = 'array'),
  -- sha-256 of the key: the key itself is 256 random bits, so a fast hash is enough and lookups stay O(1)
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
  -- the first characters of the key, so an admin can tell keys apart without seeing them
  hint TEXT NOT NULL,
  rate_limit_per_minute INTEGER NOT NULL CHECK (rate_limit_per_minute BETWEEN 1 AND 100000),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at INTEGER,
  revoked_by TEXT,
  last_used_at INTEGER,
  CHECK ((kind = 'device') = (checkpoint_id IS NOT NULL)),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
) STRICT;

-- Every request made with a key that changes something, and every change to the keys themselves.
CREATE TABLE api_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  key_id TEXT,                       -- the key that made the request, if any
  actor TEXT NOT NULL,               -- 'key:<id>' or 'user:<id>'
  action TEXT NOT NULL,              -- 'POST /api/v1/crossings', 'key.create', 'key.revoke', ...
  status INTEGER,
  detail TEXT
) STRICT;
CREATE INDEX api_audit_by_key ON api_audit(key_id, at);

CREATE TRIGGER api_audit_no_update BEFORE UPDATE ON api_audit
BEGIN SELECT RAISE(ABORT, 'api_audit is append-only'); END;
CREATE TRIGGER api_audit_no_delete BEFORE DELETE ON api_audit
BEGIN SELECT RAISE(ABORT, 'api_audit is append-only'); END;
