-- Issue 18: a recommendation being computed on a worker thread. The settings page shows
-- "computing" until the request is done (with the stored recommendation's id) or failed; a request
-- still computing when the server stopped is marked failed at the next start.
CREATE TABLE recommendation_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  checkpoint_id TEXT NOT NULL REFERENCES checkpoints(id),
  actor_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('computing', 'done', 'failed')),
  recommendation_id INTEGER REFERENCES recommendations(id),
  error TEXT CHECK (error IS NULL OR length(error) <= 2000),
  requested_at INTEGER NOT NULL,
  finished_at INTEGER,
  CHECK ((status = 'done') = (recommendation_id IS NOT NULL)),
  CHECK ((status = 'failed') = (error IS NOT NULL)),
  CHECK ((status = 'computing') = (finished_at IS NULL))
) STRICT;
CREATE INDEX recommendation_requests_by_checkpoint ON recommendation_requests(checkpoint_id, id);
-- at most one computation at a time per checkpoint
CREATE UNIQUE INDEX recommendation_requests_one_computing ON recommendation_requests(checkpoint_id)
  WHERE status = 'computing';
