/** Users and their passwords, hashed with scrypt from node:crypto (no native add-on to build). */
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
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

// OWASP's scrypt guidance: N=2^17, r=8, p=1 needs 128 MiB; we use N=2^15 (32 MiB) so a
// booth's tablet signs in quickly, and slow down repeated failures separately.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [kind, n, salt, hash] = stored.split("$");
  if (kind !== "scrypt" || !n || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = scryptSync(password, Buffer.from(salt, "base64"), expected.length, {
    ...SCRYPT,
    N: Number(n),
  });
  return timingSafeEqual(actual, expected);
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
  const toUser = (r: UserRow): User => ({
    id: r.id,
    username: r.username,
    role: r.role,
    checkpointId: r.checkpoint_id,
  });
  return {
    create: (u: Omit<User, "id">, password: string, at: number): User => {
      const id = nanoid();
      insert.run(id, u.username, hashPassword(password), u.role, u.checkpointId, at);
      return { id, ...u };
    },
    /** For the demo users, who share one password and so may share its hash (hashing is slow on purpose). */
    createWithHash: (u: Omit<User, "id">, passwordHash: string, at: number): User => {
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
    count: () => db.prepare("SELECT count(*) FROM users").pluck().get() as number,
    toUser,
  };
}
export type UserStore = ReturnType<typeof userStore>;
