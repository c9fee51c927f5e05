/**
 * The group commit's flush to disk, off the event loop. With synchronous = FULL, SQLite's COMMIT in
 * WAL mode ends with an fsync of the log, and better-sqlite3 waits for it on the server's one thread:
 * 2.5-3 ms a commit on our disk, longer when the WAL checkpoint thread flushes the database file at
 * the same moment, and no request is read or answered meanwhile. SQLite documents FULL in WAL mode as
 * NORMAL plus exactly that sync of the log after each commit; so the group commits with NORMAL, a
 * thread of this module's (wal-sync-thread.mjs) syncs the log, and the group's writes are answered only
 * once it has (group-commit.ts). An answered write is as durable as under FULL.
 *
 * Between the commit and the sync, other connections and the server's own pages may already read the
 * change: on a power cut in those few milliseconds, a page could have shown a change that is lost.
 * No write is ever answered on it: a later write's own sync covers every earlier commit in the log.
 */
import { resolve as absolute } from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import type { DB } from "./db.ts";
import { oneFlushAtATime } from "./one-flush-at-a-time.ts";

const THREAD = new URL("./wal-sync-thread.mjs", import.meta.url);

interface FlushError {
  code?: string;
  message: string;
}
interface Flusher {
  flush(path: string): Promise<void>;
}

/** The process's one flushing thread, started at the first flush; idle, it does not keep the process up. */
let flusher: Flusher | null = null;

function startFlusher(): Flusher {
  const worker = new Worker(THREAD);
  worker.unref();
  const pending = new Map<number, { resolve: () => void; reject: (e: FlushError) => void }>();
  let nextId = 1;
  worker.on("message", (m: { id: number; error?: FlushError }) => {
    const waiting = pending.get(m.id);
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.error) waiting?.reject(m.error);
    else waiting?.resolve();
  });
  const lost = (message: string) => {
    if (flusher === self) flusher = null; // the next flush starts a new thread
    for (const waiting of pending.values()) waiting.reject({ message });
    pending.clear();
  };
  worker.on("error", (error) => lost(`the log's flushing thread failed: ${error.message}`));
  worker.on("exit", (code) => lost(`the log's flushing thread stopped (exit code ${code})`));
  const self: Flusher = {
    flush: (path) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.ref(); // a flush in flight keeps the process up: its writes wait for the answer
        worker.postMessage({ id, path });
      }),
  };
  return self;
}

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
  const log = `${absolute(db.name)}-wal`;
  const flushLog = oneFlushAtATime(() => {
    flusher ??= startFlusher();
    return flusher.flush(log);
  });
  return {
    relax: () => void db.exec(relaxed),
    restore: () => void db.exec(configured),
    async sync() {
      try {
        await flushLog();
      } catch (e) {
        const error = e as FlushError;
        // the last connection's close checkpoints the log into the database, syncs it and removes
        // the log: nothing is left to flush then. Gone while still open, the log was lost.
        if (error.code === "ENOENT" && !db.open) return;
        // SQLite's own code for it, so the routes answer 503 (storage-errors.ts), as for a full disk
        throw new Database.SqliteError(
          `the log could not be flushed: ${error.message}`,
          "SQLITE_IOERR_FSYNC",
        );
      }
    },
  };
}
