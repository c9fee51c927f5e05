/**
 * API keys: created by an admin, shown once, stored as a sha-256 hash. A key is 256 random bits,
 * so a slow password hash would add nothing but latency to every request; revocation is a column
 * read on every request, so it takes effect at once.
 */
import { createHash, randomBytes } from "node:crypto";
import { nanoid } from "nanoid";
import {
  type ApiKeyKind,
  type ApiScope,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  KINDS_AT_A_CHECKPOINT,
  type NewApiKey,
  SCOPES_OF_KIND,
} from "../domain/api-access.ts";
import type { DB } from "./db.ts";
import { groupCommit } from "./group-commit.ts";
import { othersCommits } from "./memo.ts";

export interface ApiKey {
  id: string;
  kind: ApiKeyKind;
  label: string;
  checkpointId: string | null;
  scopes: ApiScope[];
  hint: string;
  rateLimitPerMinute: number;
  createdAt: number;
  createdBy: string;
  revokedAt: number | null;
  revokedBy: string | null;
  lastUsedAt: number | null;
}

interface ApiKeyRow {
  id: string;
  kind: ApiKeyKind;
  label: string;
  checkpoint_id: string | null;
  scopes: string;
  hash: string;
  hint: string;
  rate_limit_per_minute: number;
  created_at: number;
  created_by: string;
  revoked_at: number | null;
  revoked_by: string | null;
  last_used_at: number | null;
}

export interface AuditEntry {
  id: number;
  at: number;
  keyId: string | null;
  actor: string;
  action: string;
  status: number | null;
  detail: string | null;
}

const toKey = (r: ApiKeyRow): ApiKey => ({
  id: r.id,
  kind: r.kind,
  label: r.label,
  checkpointId: r.checkpoint_id,
  scopes: JSON.parse(r.scopes),
  hint: r.hint,
  rateLimitPerMinute: r.rate_limit_per_minute,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
  lastUsedAt: r.last_used_at,
});

export const hashApiKey = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

/** Writing last_used_at on every request would turn each read into a write; once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The keys requests presented, kept by hash so a device's every request does not read its key again
 * (a gate sends thousands a minute). Forgotten whenever this store changes a key, and whenever another
 * connection commits, so a revoked key is refused from its next request. Unknown keys are not kept: a
 * stranger's guesses cannot fill the memory.
 */
function knownKeys(db: DB) {
  const others = othersCommits(db);
  let seen = -1;
  const keys = new Map<string, ApiKey>();
  const forget = () => keys.clear();
  return {
    get(hash: string): ApiKey | undefined {
      const now = others();
      if (now !== seen) {
        forget();
        seen = now;
      }
      return keys.get(hash);
    },
    keep(hash: string, key: ApiKey): ApiKey {
      if (keys.size >= 1000) forget();
      // shared by every request that presents it: nobody may change it
      keys.set(hash, Object.freeze(key));
      return key;
    },
    /** The key as kept, now noted as used at `at` (its row is written in the next group). */
    used(id: string, at: number): void {
      for (const [hash, key] of keys)
        if (key.id === id) keys.set(hash, Object.freeze({ ...key, lastUsedAt: at }));
    },
    forget,
  };
}

export function apiKeyStore(db: DB) {
  const insert = db.prepare(
    `INSERT INTO api_keys (id, kind, label, checkpoint_id, scopes, hash, hint, rate_limit_per_minute,
       created_at, created_by)
     VALUES (@id, @kind, @label, @checkpoint_id, @scopes, @hash, @hint, @rate, @at, @by)`,
  );
  const byHash = db.prepare("SELECT * FROM api_keys WHERE hash = ?");
  const byId = db.prepare("SELECT * FROM api_keys WHERE id = ?");
  const all = db.prepare("SELECT * FROM api_keys ORDER BY revoked_at IS NOT NULL, created_at DESC");
  const revoke = db.prepare(
    "UPDATE api_keys SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
  );
  const touch = db.prepare("UPDATE api_keys SET last_used_at = ? WHERE id = ?");
  const insertAudit = db.prepare(
    `INSERT INTO api_audit (at, key_id, actor, action, status, detail)
     VALUES (@at, @keyId, @actor, @action, @status, @detail)`,
  );
  const auditOfKey = db.prepare("SELECT * FROM api_audit WHERE key_id = ? ORDER BY id DESC LIMIT ?");

  const audit = (e: Omit<AuditEntry, "id">) => insertAudit.run(e);
  const known = knownKeys(db);
  const together = groupCommit(db);

  return {
    /** Returns the key itself once; only its hash is kept. */
    create: db.transaction(
      (input: NewApiKey, by: { userId: string }, at: number): { key: ApiKey; secret: string } => {
        const id = `key_${nanoid(12)}`;
        const secret = `shk_${input.kind}_${randomBytes(32).toString("base64url")}`;
        insert.run({
          id,
          kind: input.kind,
          label: input.label,
          checkpoint_id: KINDS_AT_A_CHECKPOINT.includes(input.kind) ? (input.checkpointId ?? null) : null,
          scopes: JSON.stringify(input.scopes?.length ? input.scopes : SCOPES_OF_KIND[input.kind]),
          hash: hashApiKey(secret),
          hint: `${secret.slice(0, input.kind.length + 9)}…`,
          rate: input.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE[input.kind],
          at,
          by: by.userId,
        });
        audit({
          at,
          keyId: id,
          actor: `user:${by.userId}`,
          action: "key.create",
          status: null,
          detail: `${input.kind} "${input.label}"`,
        });
        return { key: toKey(byId.get(id) as ApiKeyRow), secret };
      },
    ),
    /** The key a request presents, revoked or not: the caller decides what a revoked key gets. */
    find(secret: string): ApiKey | null {
      const hash = hashApiKey(secret);
      const kept = known.get(hash);
      if (kept) return kept;
      const row = byHash.get(hash) as ApiKeyRow | undefined;
      return row ? known.keep(hash, toKey(row)) : null;
    },
    get(id: string): ApiKey | null {
      const row = byId.get(id) as ApiKeyRow | undefined;
      return row ? toKey(row) : null;
    },
    list: (): ApiKey[] => (all.all() as ApiKeyRow[]).map(toKey),
    revoke: db.transaction((id: string, by: { userId: string }, at: number): boolean => {
      const done = revoke.run(at, by.userId, id).changes === 1;
      known.forget();
      if (done)
        audit({
          at,
          keyId: id,
          actor: `user:${by.userId}`,
          action: "key.revoke",
          status: null,
          detail: null,
        });
      return done;
    }),
    /**
     * In the group commit, not a commit of its own: an autocommit flushed the log on the event loop
     * (a few ms, once a minute per key; a busy post's gates and carriers are many keys). Resolves once
     * written, undefined when the key's last use is recent enough; a failed write is tried again by the
     * key's next request.
     */
    noteUse(key: ApiKey, at: number): Promise<void> | undefined {
      if (key.lastUsedAt !== null && at - key.lastUsedAt < LAST_USED_RESOLUTION_MS) return undefined;
      known.used(key.id, at);
      return together(() => void touch.run(at, key.id)).catch(() => known.forget());
    },
    audit,
    /**
     * The audit of one request, in the group commit (group-commit.ts): the requests of a turn share one
     * flush to disk instead of one each (issue 22: a gate's reads were held to the disk's fsyncs).
     */
    auditTogether: (e: Omit<AuditEntry, "id">) => together(() => audit(e)),
    auditOf: (keyId: string, limit = 50): AuditEntry[] =>
      (auditOfKey.all(keyId, limit) as Record<string, unknown>[]).map((r) => ({
        id: r.id as number,
        at: r.at as number,
        keyId: r.key_id as string | null,
        actor: r.actor as string,
        action: r.action as string,
        status: r.status as number | null,
        detail: r.detail as string | null,
      })),
  };
}
export type ApiKeyStore = ReturnType<typeof apiKeyStore>;
