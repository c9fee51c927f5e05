/**
 * Sessions and sign-in attempts. A session id is 32 random bytes, new at every sign-in, so an
 * id planted before sign-in (session fixation) is worth nothing after it.
 */
import { randomBytes } from "node:crypto";
import type { DB } from "../store/db.ts";
import { memoUntilWrite } from "../store/memo.ts";
import { hashPassword, needsRehash, verifyPassword } from "../store/passwords.ts";
import { userAudit } from "../store/user-admin.ts";
import type { User, UserRow, UserStore } from "../store/users.ts";

export const SESSION_HOURS = 12;

export const newToken = () => randomBytes(32).toString("base64url");

export interface Session {
  id: string;
  csrf: string;
  user: User;
}

/** "wrong" for a wrong password and an unknown name alike: the caller cannot tell them apart. */
export type SignInOutcome = { ok: true; session: Session } | { ok: false; reason: "wrong" | "disabled" };

// An unknown name is checked against this hash of nobody's password, with today's parameters, so
// it costs the same scrypt as a real user's wrong password. Made once, off the event loop.
let dummy: Promise<string> | undefined;
export const dummyHash = () => {
  dummy ??= hashPassword(randomBytes(16).toString("base64"));
  return dummy;
};

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
  // every attempt is recorded, so an administrator can see who signed in and who was guessing
  const audit = userAudit(db);

  return {
    /**
     * Checks the password, off the event loop; a good one made with older parameters is re-hashed.
     * Throttling is the route's (per address and per account-and-address, throttle.ts): no
     * account is ever locked, so nobody can lock a colleague out by guessing.
     */
    async signIn(username: string, password: string, now: number): Promise<SignInOutcome> {
      const row = users.credentials(username);
      // the same work for an unknown name as for a wrong password: one scrypt with today's cost
      const good = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
      if (!row) {
        audit.record(now, null, { id: null, username }, "sign-in-failed", "unknown username");
        return { ok: false, reason: "wrong" };
      }
      const who = { id: row.id, username: row.username };
      if (!good) {
        audit.record(now, null, who, "sign-in-failed");
        return { ok: false, reason: "wrong" };
      }
      // checked after the password, so a disabled account is not told apart from a wrong guess
      if (row.disabled_at !== null) {
        audit.record(now, null, who, "sign-in-disabled");
        return { ok: false, reason: "disabled" };
      }
      if (needsRehash(row.password_hash)) users.replaceHash(row.id, await hashPassword(password));
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
