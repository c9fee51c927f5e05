/** Opens the one SQLite file and brings its schema up to date. */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { ensureOneActivePerTruck } from "./one-truck-indexes.ts";

export type DB = Database.Database;

/** How long a statement waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 100;

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));

export function openDatabase(path: string): DB {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  // NORMAL in WAL mode can lose the last transactions on power loss; an acknowledged booking must not.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  // Statement journals in memory, not in temporary files: a statement that fires a trigger inside a
  // savepoint (every write of the group commit) keeps one, and on a file it cost a crossing's UPDATE
  // 40 of its 75 µs. Temporary sort tables go to memory too; the post's queries sort little.
  db.pragma("temp_store = MEMORY");
  // better-sqlite3 waits for a lock synchronously, stopping every other request meanwhile: wait
  // only briefly for another process's write lock, then answer 503 with Retry-After (storage-errors.ts)
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  migrate(db);
  // after the migrations: a database holding a truck twice from before issue 14 must still open
  ensureOneActivePerTruck(db);
  return db;
}

/**
 * Applies the numbered SQL files in order, each once, each in its own transaction; `before` stops at
 * the first file whose name sorts at or after it (to build an older database in an upgrade test).
 */
export function migrate(db: DB, opts: { before?: string } = {}): void {
  db.exec(
    "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT",
  );
  const applied = new Set(db.prepare("SELECT name FROM migrations").pluck().all() as string[]);
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort();
  const record = db.prepare("INSERT INTO migrations (name, applied_at) VALUES (?, ?)");
  for (const file of files) {
    if (opts.before !== undefined && file >= opts.before) break;
    if (applied.has(file)) continue;
    const sql = readFileSync(MIGRATIONS_DIR + file, "utf8");
    // a migration that rebuilds a table other tables refer to says so on its first line: SQLite's
    // own procedure turns foreign keys off around it and checks them all before it commits
    const rebuild = sql.startsWith("-- migrate: foreign keys off");
    const on = db.pragma("foreign_keys", { simple: true }) === 1;
    if (rebuild && on) db.pragma("foreign_keys = OFF");
    try {
      db.transaction(() => {
        db.exec(sql);
        if (rebuild && (db.pragma("foreign_key_check") as unknown[]).length > 0)
          throw new Error(`${file}: a foreign key no longer holds`);
        record.run(file, Date.now());
      })();
    } finally {
      if (rebuild && on) db.pragma("foreign_keys = ON");
    }
  }
}

/**
 * One line for a database that cannot be opened at start-up (a missing or unwritable directory, a
 * read-only file or file system, a directory where the file should be), saying what to do; null
 * for any other error, which keeps its stack trace.
 */
export function openFailure(err: unknown, path: string): string | null {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  const known =
    code.startsWith("SQLITE_CANTOPEN") ||
    code.startsWith("SQLITE_READONLY") ||
    code.startsWith("SQLITE_PERM") ||
    ["EACCES", "EPERM", "EROFS", "ENOTDIR", "EISDIR", "ENOENT", "EEXIST"].includes(code);
  if (!known) return null;
  return `Cannot open the database ${path} for writing (${code}: ${String(e?.message ?? "")}). Point DATABASE_PATH at a file in a directory this user may write, or make that file and its directory writable.`;
}
