// The group commit's log flushes (wal-sync.ts), on a thread of their own: libuv's pool, where
// fs.fdatasync would run, is shared with DNS look-ups (a webhook's host, with no link: seconds each)
// and the sign-ins' scrypt, and a flush must not wait behind them. Plain JavaScript: it needs no
// TypeScript loader. Each flush opens the log afresh: a log removed and made again (the database
// closed and opened) is a new file, and a descriptor kept from before would flush the old one.
// Closing it releases no lock of SQLite's: in WAL mode its locks are on the -shm file, none on the log.
import { closeSync, fdatasyncSync, openSync } from "node:fs";
import { parentPort } from "node:worker_threads";

const failure = (id, error) => ({
  id,
  error: { code: error?.code, message: String(error?.message ?? error) },
});

parentPort.on("message", ({ id, path }) => {
  let fd;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    parentPort.postMessage(failure(id, error));
    return;
  }
  try {
    fdatasyncSync(fd);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage(failure(id, error));
  } finally {
    closeSync(fd);
  }
});
