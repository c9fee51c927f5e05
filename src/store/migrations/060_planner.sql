-- The planners' workspace: saved scenarios and their simulation runs.

CREATE TABLE scenarios (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  checkpoint_id TEXT REFERENCES checkpoints(id),
  -- the scenario file's JSON, exactly as the simulator's schema accepted it
  body TEXT NOT NULL CHECK (json_valid(body)),
  -- an example shipped in seed/scenarios/ (read-only: planners copy it) or a planner's own
  example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),
  created_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE sim_runs (
  id TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL REFERENCES scenarios(id),
  -- a copy of the scenario as it was run, so a later edit cannot change what a run means
  scenario TEXT NOT NULL CHECK (json_valid(scenario)),
  seed INTEGER NOT NULL,
  replications INTEGER NOT NULL CHECK (replications BETWEEN 1 AND 100),
  engine_version TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')),
  -- 0..1, written by the runner as the replications go
  progress REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
  result TEXT CHECK (result IS NULL OR json_valid(result)),
  error TEXT,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  CHECK ((status = 'done') = (result IS NOT NULL))
) STRICT;

CREATE INDEX sim_runs_by_scenario ON sim_runs (scenario_id, created_at);
CREATE INDEX sim_runs_unfinished ON sim_runs (status) WHERE status IN ('queued', 'running');
