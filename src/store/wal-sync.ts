/**
 * The group commit's flush to disk, off the event loop. With synchronous = FULL, SQLite's COMMIT in
 * WAL mode ends with an fsync of the log, and better-sqlite3 waits for it on the server's one thread:
 * 2.5-3 ms a commit on our disk, longer when the WAL checkpoint thread flushes the database file at
 * the same moment, and no request is read or answered meanwhile. SQLite documents FULL in WAL mode as
 * NORMAL plus exactly that sync of the log after each commit; so the group commits with NORMAL, this
 * module syncs the log on libuv's thread pool, and the group's writes are answered only once it has
 * (group-commit.ts). An answered write is as durable as under FULL.
 *
 * Between the commit and the sync, other connections and the server's own pages may already read the
 * change: on a power cut in those few milliseconds, a page could have shown a change that is lost.
 * No write is ever answered on it: a later write's own sync covers every earlier commit in the log.
 */
import { open } from "node:fs/promises";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import type { DB } from "./db.ts";

/** SQLite's numbers for the synchronous levels */
const NORMAL = 1;

export interface DeferredSync {
  /** run around the group's transaction: its COMMIT does not sync the log */
  relax(): void;
  restore(): void;
  /** resolves once everything committed so far is on disk; rejects if it cannot be */
  sync(): Promise<void>;
}

/**
 * null when the connection has nothing to sync apart from its commits: an in-memory database, a
 * journal other than WAL, or synchronous already NORMAL or OFF (the operator chose less durability).
 */
export function deferredWalSync(db: DB): DeferredSync | null {
  if (db.memory) return null;
  const journal = String(db.pragma("journal_mode", { simple: true })).toLowerCase();
  const level = Number(db.pragma("synchronous", { simple: true }));
  if (journal !== "wal" || level <= NORMAL) return null;
  // exec, not a prepared statement: SQLite applies this pragma when it compiles it, so a prepared
  // one run again does not reliably set it again
  const relaxed = "PRAGMA synchronous = NORMAL";
  const configured = `PRAGMA synchronous = ${level}`;
  // as the path was when the database was opened, whatever the working directory becomes
  const log = `${resolve(db.name)}-wal`;
  return {
    relax: () => void db.exec(relaxed),
    restore: () => void db.exec(configured),
    async sync() {
      // a descriptor of our own for each sync: SQLite holds no lock on the log file (WAL locks are
      // on the -shm file), so opening and closing it here cannot release one of SQLite's locks
      let file: Awaited<ReturnType<typeof open>>;
      try {
        file = await open(log, "r");
      } catch (error) {
        // the last connection's close checkpoints the log into the database, syncs it and removes
        // the log: nothing is left to sync then. Gone while still open, the log was lost.
        if ((error as NodeJS.ErrnoException).code === "ENOENT" && !db.open) return;
        throw new Database.SqliteError(
          `the log could not be opened to flush it: ${(error as Error).message}`,
          "SQLITE_IOERR_FSYNC",
        );
      }
      try {
        await file.datasync();
      } catch (error) {
        // SQLite's own code for it, so the routes answer 503 (storage-errors.ts), as for a full disk
        throw new Database.SqliteError(
          `the log could not be flushed: ${(error as Error).message}`,
          "SQLITE_IOERR_FSYNC",
        );
      } finally {
        await file.close();
      }
    },
  };
}
