/**
 * The write-ahead log starting over, without the event loop waiting for it. Under a steady stream
 * of writes the checkpoint thread (wal-checkpoints.ts) copies the log into the database file, but
 * the log only starts over from its first page when a write begins with every page of it copied,
 * and with the group commit's groups back to back that almost never happens: the log grew until
 * the server's connection checkpointed it itself inside a commit, holding the event loop 15-30 ms
 * while it copied and flushed the database file (about once a second under the gate's load).
 *
 * Instead, once the log is long, the group commit (group-commit.ts) holds the start of its next
 * group while the thread copies the last pages; that group's write then starts the log over. The
 * event loop goes on meanwhile, and the writes that come join the group.
 */
import type { DB } from "./db.ts";

export interface LogRestart {
  /** the log is long enough to be worth starting over */
  wanted(): boolean;
  /** resolves once the thread has copied what it could (never rejects: a write never waits on it) */
  catchUp(): Promise<void>;
}

const restarts = new WeakMap<DB, LogRestart>();

export const offerLogRestart = (db: DB, restart: LogRestart) => void restarts.set(db, restart);
export const withdrawLogRestart = (db: DB) => void restarts.delete(db);
export const logRestartOf = (db: DB): LogRestart | undefined => restarts.get(db);
