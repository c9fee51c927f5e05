-- The version of the crossing machine that wrote each snapshot and each logged event
-- (machines/versions.ts). Everything written before this migration is version 1; the store writes
-- the present version from here on, so a changed machine can tell old snapshots and replay old logs
-- under the rules that accepted them.
ALTER TABLE crossings ADD COLUMN machine_version INTEGER NOT NULL DEFAULT 1 CHECK (machine_version >= 1);
ALTER TABLE crossing_events ADD COLUMN machine_version INTEGER NOT NULL DEFAULT 1 CHECK (machine_version >= 1);
