/**
 * Accounts as an administrator manages them. Each change and its user_audit row are written in
 * one transaction; a change of role, checkpoint or password, or a disabled account, ends the
 * user's sessions at once, so nobody keeps rights they no longer have.
 */
import type { Access, NewUser } from "../domain/user-account.ts";
import type { DB } from "./db.ts";
import type { Role, User, UserStore } from "./users.ts";

export interface Account extends User {
  disabled: boolean;
  lockedUntil: number | null;
  createdAt: number;
}

export interface UserAuditEntry {
  seq: number;
  at: number;
  actorId: string | null;
  userId: string | null;
  username: string;
  action: string;
  detail: string | null;
}

export type AdminOutcome = { ok: true; user: User } | { ok: false; status: 404 | 409; reason: string };

type AuditAction =
  | "create"
  | "update"
  | "reset-password"
  | "disable"
  | "enable"
  | "unlock"
  | "sign-in"
  | "sign-in-failed"
  | "sign-in-locked"
  | "sign-in-disabled";

/** The append-only record of accounts and sign-ins; the sign-in route writes to it too. */
export function userAudit(db: DB) {
  const insert = db.prepare(
    "INSERT INTO user_audit (at, actor_id, user_id, username, action, detail) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const ofUser = db.prepare("SELECT * FROM user_audit WHERE user_id = ? ORDER BY seq DESC LIMIT ?");
  const recent = db.prepare("SELECT * FROM user_audit ORDER BY seq DESC LIMIT ?");
  const toEntry = (r: Record<string, string | number | null>): UserAuditEntry => ({
    seq: Number(r.seq),
    at: Number(r.at),
    actorId: r.actor_id === null ? null : String(r.actor_id),
    userId: r.user_id === null ? null : String(r.user_id),
    username: String(r.username),
    action: String(r.action),
    detail: r.detail === null ? null : String(r.detail),
  });
  return {
    record: (
      at: number,
      actorId: string | null,
      user: { id: string | null; username: string },
      action: AuditAction,
      detail: string | null = null,
    ) => insert.run(at, actorId, user.id, user.username.slice(0, 100), action, detail),
    ofUser: (userId: string, limit = 100) =>
      (ofUser.all(userId, limit) as Record<string, string | number | null>[]).map(toEntry),
    recent: (limit = 100) => (recent.all(limit) as Record<string, string | number | null>[]).map(toEntry),
  };
}

export function userAdminStore(db: DB, users: UserStore) {
  const audit = userAudit(db);
  const all = db.prepare("SELECT * FROM users ORDER BY role, username");
  const byName = db.prepare("SELECT id FROM users WHERE username = ?");
  const setAccess = db.prepare("UPDATE users SET role = ?, checkpoint_id = ? WHERE id = ?");
  const setPassword = db.prepare(
    "UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?",
  );
  const setDisabled = db.prepare("UPDATE users SET disabled_at = ? WHERE id = ?");
  const unlock = db.prepare("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?");
  const endSessions = db.prepare("DELETE FROM sessions WHERE user_id = ?");
  const activeAdmins = db.prepare(
    "SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id != ?",
  );

  const toAccount = (r: Record<string, string | number | null>): Account => ({
    ...users.toUser(r as unknown as Parameters<UserStore["toUser"]>[0]),
    disabled: r.disabled_at !== null,
    lockedUntil: r.locked_until === null ? null : Number(r.locked_until),
    createdAt: Number(r.created_at),
  });

  /** Runs `change` on an existing user in one transaction with its audit row. */
  const withUser = (id: string, change: (u: User) => AdminOutcome) =>
    db.transaction((): AdminOutcome => {
      const user = users.get(id);
      if (!user) return { ok: false, status: 404, reason: "no such user" };
      return change(user);
    });

  // the last active administrator cannot lock everyone out of the user pages
  const lastAdmin = (u: User, nextRole: Role | null) =>
    u.role === "admin" && nextRole !== "admin" && Number(activeAdmins.pluck().get(u.id)) === 0;

  return {
    list: (): Account[] => (all.all() as Record<string, string | number | null>[]).map(toAccount),
    get: (id: string): Account | null => {
      const row = db.prepare("SELECT * FROM users WHERE id = ?").get(id) as
        | Record<string, string | number | null>
        | undefined;
      return row ? toAccount(row) : null;
    },
    audit,

    /** `passwordHash`: of input.password, made (slowly, asynchronously) before the transaction */
    create: db.transaction(
      (input: NewUser, passwordHash: string, actorId: string, now: number): AdminOutcome => {
        if (byName.get(input.username))
          return { ok: false, status: 409, reason: `the username ${input.username} is taken` };
        const user = users.create(
          { username: input.username, role: input.role, checkpointId: input.checkpointId },
          passwordHash,
          now,
        );
        audit.record(
          now,
          actorId,
          user,
          "create",
          `${user.role}${user.checkpointId ? ` at ${user.checkpointId}` : ""}`,
        );
        return { ok: true, user };
      },
    ),

    setAccess: (id: string, access: Access, actorId: string, now: number) =>
      withUser(id, (u) => {
        if (lastAdmin(u, access.role))
          return { ok: false, status: 409, reason: "this is the last administrator: make another one first" };
        setAccess.run(access.role, access.checkpointId, id);
        endSessions.run(id);
        const detail = `${u.role}${u.checkpointId ? ` at ${u.checkpointId}` : ""} -> ${access.role}${access.checkpointId ? ` at ${access.checkpointId}` : ""}`;
        audit.record(now, actorId, u, "update", detail);
        return { ok: true, user: { ...u, ...access } };
      })(),

    resetPassword: (id: string, passwordHash: string, actorId: string, now: number) =>
      withUser(id, (u) => {
        setPassword.run(passwordHash, id);
        endSessions.run(id);
        audit.record(now, actorId, u, "reset-password");
        return { ok: true, user: u };
      })(),

    setDisabled: (id: string, disabled: boolean, actorId: string, now: number) =>
      withUser(id, (u) => {
        if (disabled && lastAdmin(u, null))
          return { ok: false, status: 409, reason: "this is the last administrator: make another one first" };
        setDisabled.run(disabled ? now : null, id);
        if (disabled) endSessions.run(id);
        audit.record(now, actorId, u, disabled ? "disable" : "enable");
        return { ok: true, user: u };
      })(),

    unlock: (id: string, actorId: string, now: number) =>
      withUser(id, (u) => {
        unlock.run(id);
        audit.record(now, actorId, u, "unlock");
        return { ok: true, user: u };
      })(),
  };
}
export type UserAdminStore = ReturnType<typeof userAdminStore>;
