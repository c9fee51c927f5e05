-- Signed-in officers, supervisors and admins: one row per session, its CSRF token beside it.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,               -- 32 random bytes, base64url: the cookie's value
  user_id TEXT NOT NULL REFERENCES users(id),
  csrf TEXT NOT NULL,                -- the synchroniser token every form of this session sends back
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_by_expiry ON sessions(expires_at);
