-- Traffic traces the planners uploaded or replayed from recorded crossings, kept with the
-- scenarios and runs that use them. A trace is never changed: a new upload is a new trace, so a
-- run made with one stays repeatable and a copy of a scenario shares its trace without copying it.

CREATE TABLE sim_traces (
  id TEXT PRIMARY KEY,
  -- the upload's file name, or what a replay recorded ("nur-zholy 2026-11-01..2026-11-07")
  file TEXT NOT NULL CHECK (length(file) BETWEEN 1 AND 200),
  -- the CSV exactly as parseTrace accepted it
  csv TEXT NOT NULL,
  row_count INTEGER NOT NULL CHECK (row_count >= 0),
  created_by TEXT,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TRIGGER sim_traces_never_change BEFORE UPDATE ON sim_traces
BEGIN
  SELECT RAISE(ABORT, 'a trace is never changed; store a new one');
END;

ALTER TABLE scenarios ADD COLUMN trace_id TEXT REFERENCES sim_traces(id);
ALTER TABLE sim_runs ADD COLUMN trace_id TEXT REFERENCES sim_traces(id);
