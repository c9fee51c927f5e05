-- issue 17: the national hub. The database's epoch is a random id written once, when this database is
-- created (or a migrated older one first meets this file). The hub keys every event by (post, epoch,
-- seq), so a restored or reseeded database cannot silently reuse sequence numbers: a reseeded one has
-- a new epoch, and a restored one that sends other content under old numbers is quarantined.
CREATE TABLE post_epoch (
  only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
  epoch TEXT NOT NULL
) STRICT;
INSERT INTO post_epoch (only_row, epoch) VALUES (1, lower(hex(randomblob(16))));

-- Commands from the hub (cancel a duplicate claim) applied here, each once: written in the same
-- transaction as the event it caused.
CREATE TABLE hub_commands_applied (
  id TEXT PRIMARY KEY,
  crossing_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  applied_at INTEGER NOT NULL
) STRICT;

-- What the pusher last heard from the hub: the hub's cursor for this epoch.
CREATE TABLE hub_link (
  only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
  acked_seq INTEGER NOT NULL DEFAULT 0,
  last_ok_at INTEGER,
  last_error TEXT
) STRICT;
INSERT INTO hub_link (only_row) VALUES (1);
