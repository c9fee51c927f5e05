/**
 * A database that cannot be written (full disk, read-only file, I/O error, locked too long) is the
 * server's problem, not the client's: it is answered as 503 so clients retry later, never as a 500
 * that looks like a bug, and SQLite has already rolled the transaction back, so nothing is half-written.
 */
import Database from "better-sqlite3";

const UNAVAILABLE = [
  "SQLITE_READONLY",
  "SQLITE_FULL",
  "SQLITE_IOERR",
  "SQLITE_CANTOPEN",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
];

export function isStorageUnavailable(err: unknown): boolean {
  return err instanceof Database.SqliteError && UNAVAILABLE.some((code) => err.code.startsWith(code));
}

export const STORAGE_UNAVAILABLE_MESSAGE =
  "The checkpoint's database cannot be written just now (the disk may be full or read-only). Nothing was changed; please try again in a few minutes.";

/** Seconds a client should wait before it tries again. */
export const STORAGE_RETRY_AFTER_SECONDS = 60;

/** Another program holds the database's write lock (a backup, a maintenance script): usually brief. */
export function isStorageBusy(err: unknown): boolean {
  return (
    err instanceof Database.SqliteError &&
    (err.code.startsWith("SQLITE_BUSY") || err.code.startsWith("SQLITE_LOCKED"))
  );
}

export const STORAGE_BUSY_MESSAGE =
  "The checkpoint's database is busy with another program just now. Nothing was changed; please try again in a few seconds.";
export const STORAGE_BUSY_RETRY_AFTER_SECONDS = 2;
