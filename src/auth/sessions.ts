/**
 * Sessions and sign-in attempts. A session id is 32 random bytes, new at every sign-in, so an
 * id planted before sign-in (session fixation) is worth nothing after it.
 */
import { randomBytes } from "node:crypto";
import type { DB } from "../store/db.ts";
import { memoUntilWrite } from "../store/memo.ts";
import { userAudit } from "../store/user-admin.ts";
import { type User, type UserRow, type UserStore, verifyPassword } from "../store/users.ts";

export const SESSION_HOURS = 12;
/** after this many failures in a row the account is locked for LOCK_MINUTES */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export const newToken = () => randomBytes(32).toString("base64url");

export interface Session {
  id: string;
  csrf: string;
  user: User;
}

export type SignInOutcome =
  | { ok: true; session: Session }
  | { ok: false; reason: "wrong" | "locked" | "disabled"; failures: number };

export function sessionStore(db: DB, users: UserStore) {
  const insert = db.prepare(
    "INSERT INTO sessions (id, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
  );
  // one row for the session and its user, kept until anything is written (a sign-out, a disabled
  // user, a changed role are all writes): an officer's screen polls every 10 s
  const byId = db.prepare(
    `SELECT s.user_id, s.csrf, s.expires_at, u.* FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = ?`,
  );
  const kept = memoUntilWrite(db);
  const remove = db.prepare("DELETE FROM sessions WHERE id = ?");
  const purge = db.prepare("DELETE FROM sessions WHERE expires_at <= ?");
  const fail = db.prepare(
    `UPDATE users SET failed_attempts = failed_attempts + 1,
       locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END
     WHERE id = ?`,
  );
  const succeed = db.prepare("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?");
  // every attempt is recorded, so an administrator can see who signed in and who was guessing
  const audit = userAudit(db);

  return {
    /** Checks the password; counts failures per account and locks it after MAX_FAILURES. */
    signIn(username: string, password: string, now: number): SignInOutcome {
      const row = users.credentials(username);
      if (!row) {
        // hash anyway, so an unknown name takes as long as a wrong password
        verifyPassword(
          password,
          "scrypt$32768$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        );
        // and answers after the same delay as a first wrong password: no telling names apart
        audit.record(now, null, { id: null, username }, "sign-in-failed", "unknown username");
        return { ok: false, reason: "wrong", failures: 1 };
      }
      const who = { id: row.id, username: row.username };
      if (row.locked_until !== null && row.locked_until > now) {
        audit.record(now, null, who, "sign-in-locked");
        return { ok: false, reason: "locked", failures: row.failed_attempts };
      }
      if (row.locked_until !== null) succeed.run(row.id); // the lock has run out: start counting again
      if (!verifyPassword(password, row.password_hash)) {
        fail.run(MAX_FAILURES, now + LOCK_MINUTES * 60_000, row.id);
        const failures = (row.locked_until !== null ? 0 : row.failed_attempts) + 1;
        audit.record(now, null, who, "sign-in-failed", `failure ${failures} in a row`);
        return { ok: false, reason: failures >= MAX_FAILURES ? "locked" : "wrong", failures };
      }
      // checked after the password, so a disabled account is not told apart from a wrong guess
      if (row.disabled_at !== null) {
        audit.record(now, null, who, "sign-in-disabled");
        return { ok: false, reason: "disabled", failures: 1 };
      }
      succeed.run(row.id);
      purge.run(now);
      audit.record(now, row.id, who, "sign-in");
      const session = { id: newToken(), csrf: newToken(), user: users.toUser(row) };
      insert.run(session.id, row.id, session.csrf, now, now + SESSION_HOURS * 3_600_000);
      return { ok: true, session };
    },
    get(id: string, now: number): Session | null {
      const found = kept(`session ${id}`, () => {
        const row = byId.get(id) as (UserRow & { csrf: string; expires_at: number }) | undefined;
        return row ? { csrf: row.csrf, expiresAt: row.expires_at, user: users.toUser(row) } : null;
      });
      if (!found || found.expiresAt <= now) return null;
      return { id, csrf: found.csrf, user: found.user };
    },
    signOut: (id: string) => remove.run(id),
  };
}
export type SessionStore = ReturnType<typeof sessionStore>;
