/** Users and their password hashes (made and checked in passwords.ts). */
import { nanoid } from "nanoid";
import type { DB } from "./db.ts";

export const ROLES = ["officer", "supervisor", "planner", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  username: string;
  role: Role;
  checkpointId: string | null;
}

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: Role;
  checkpoint_id: string | null;
  failed_attempts: number;
  locked_until: number | null;
  disabled_at: number | null;
}

export function userStore(db: DB) {
  const insert = db.prepare(
    `INSERT INTO users (id, username, password_hash, role, checkpoint_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const byName = db.prepare("SELECT * FROM users WHERE username = ?");
  const byId = db.prepare("SELECT * FROM users WHERE id = ?");
  const replaceHash = db.prepare("UPDATE users SET password_hash = ? WHERE id = ?");
  const toUser = (r: UserRow): User => ({
    id: r.id,
    username: r.username,
    role: r.role,
    checkpointId: r.checkpoint_id,
  });
  return {
    /** A new user with the hash of their password (hashing is slow on purpose: the caller awaits it). */
    create: (u: Omit<User, "id">, passwordHash: string, at: number): User => {
      const id = nanoid();
      insert.run(id, u.username, passwordHash, u.role, u.checkpointId, at);
      return { id, ...u };
    },
    get: (id: string): User | null => {
      const row = byId.get(id) as UserRow | undefined;
      return row ? toUser(row) : null;
    },
    /** the row with its hash and lock-out counters, for the sign-in route only */
    credentials: (username: string) => byName.get(username) as UserRow | undefined,
    /** A stronger hash of the same password, written at a good sign-in (passwords.ts). */
    replaceHash: (id: string, passwordHash: string) => replaceHash.run(passwordHash, id),
    count: () => db.prepare("SELECT count(*) FROM users").pluck().get() as number,
    toUser,
  };
}
export type UserStore = ReturnType<typeof userStore>;
