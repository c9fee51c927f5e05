-- issue 19: the planners' sweeps, run by the server on its own thread (the command line's sweeps
-- keep their state in PostgreSQL instead, when they run on workers).

CREATE TABLE planner_sweeps (
  id TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL REFERENCES scenarios(id),
  -- a copy of the scenario as it was swept, so a later edit cannot change what a sweep means
  scenario TEXT NOT NULL CHECK (json_valid(scenario)),
  -- the --vary flags as the planner gave them, e.g. ["resources.scanners=1..3"]
  vary TEXT NOT NULL CHECK (json_valid(vary)),
  replications INTEGER NOT NULL CHECK (replications BETWEEN 1 AND 100),
  target_wait REAL CHECK (target_wait IS NULL OR target_wait > 0),
  trace_id TEXT REFERENCES sim_traces(id),
  total INTEGER NOT NULL CHECK (total > 0),
  done INTEGER NOT NULL DEFAULT 0 CHECK (done BETWEEN 0 AND total),
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'interrupted')),
  report TEXT CHECK (report IS NULL OR json_valid(report)),
  error TEXT,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  finished_at INTEGER,
  CHECK ((status = 'done') = (report IS NOT NULL))
) STRICT;

CREATE INDEX planner_sweeps_unfinished ON planner_sweeps (status) WHERE status IN ('queued', 'running');
