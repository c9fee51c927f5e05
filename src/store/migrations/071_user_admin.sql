-- Administrators manage users: an account can be disabled (its sessions end, sign-in is refused)
-- without deleting the person every audit row points at.
ALTER TABLE users ADD COLUMN disabled_at INTEGER;

-- Who changed which account, and every sign-in and failed sign-in: append-only, like the crossings' trail.
CREATE TABLE user_audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  -- the admin who acted, or the user signing in; NULL for a sign-in attempt on an unknown name
  actor_id TEXT,
  user_id TEXT REFERENCES users(id),
  -- the name typed at sign-in, kept for attempts on unknown names
  username TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'reset-password', 'disable', 'enable', 'unlock',
    'sign-in', 'sign-in-failed', 'sign-in-locked', 'sign-in-disabled')),
  detail TEXT
) STRICT;
CREATE INDEX user_audit_by_user ON user_audit(user_id, seq);
CREATE INDEX user_audit_by_time ON user_audit(at);

CREATE TRIGGER user_audit_no_update BEFORE UPDATE ON user_audit
BEGIN SELECT RAISE(ABORT, 'user_audit is append-only'); END;
CREATE TRIGGER user_audit_no_delete BEFORE DELETE ON user_audit
BEGIN SELECT RAISE(ABORT, 'user_audit is append-only'); END;
