/** The posts registered at the hub, their keys (public halves only) and heartbeats. */
import type pg from "pg";
import { type Heartbeat, newPostKey } from "./wire.ts";

export interface RegisteredPost {
  id: number;
  name: string;
  publicKey: string;
}

/**
 * `keyCacheMs`: how long a post's public key is kept in memory between requests. A key rotated by the
 * CLI (another process) takes effect at the hub within this time; the old key is refused after it.
 */
export function postStore(pool: pg.Pool, opts: { keyCacheMs?: number; now?: () => number } = {}) {
  const keyCacheMs = opts.keyCacheMs ?? 30_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { post: RegisteredPost; at: number }>();
  return {
    /** Registers a post and returns its key, shown this once. */
    async add(name: string): Promise<{ key: string; fingerprint: string }> {
      const k = newPostKey(name);
      const r = await pool.query(
        "INSERT INTO posts (name, public_key, key_fingerprint) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
        [name, k.publicKey, k.fingerprint],
      );
      if (r.rowCount === 0) throw new Error(`a post named ${name} is already registered`);
      return { key: k.key, fingerprint: k.fingerprint };
    },
    /** A new key for a registered post (a lost or stolen one); the old key stops working. */
    async rotateKey(name: string): Promise<{ key: string; fingerprint: string }> {
      const k = newPostKey(name);
      const r = await pool.query("UPDATE posts SET public_key = $2, key_fingerprint = $3 WHERE name = $1", [
        name,
        k.publicKey,
        k.fingerprint,
      ]);
      if (r.rowCount === 0) throw new Error(`no post named ${name} is registered`);
      cache.delete(name);
      return { key: k.key, fingerprint: k.fingerprint };
    },
    async byName(name: string): Promise<RegisteredPost | null> {
      const kept = cache.get(name);
      if (kept && now() - kept.at < keyCacheMs) return kept.post;
      const { rows } = await pool.query("SELECT id, name, public_key FROM posts WHERE name = $1", [name]);
      const r = rows[0];
      if (!r) return null;
      const post = { id: r.id as number, name: r.name as string, publicKey: r.public_key as string };
      cache.set(name, { post, at: now() });
      return post;
    },
    async heartbeat(postId: number, beat: Heartbeat): Promise<void> {
      await pool.query(
        `UPDATE posts SET previous_heartbeat = heartbeat, heartbeat = $2, heartbeat_at = now(), last_seen_at = now()
         WHERE id = $1`,
        [postId, JSON.stringify(beat)],
      );
    },
  };
}
export type PostStore = ReturnType<typeof postStore>;
