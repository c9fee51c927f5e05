// The WAL checkpoints of the post's database, on a thread of their own (wal-checkpoints.ts): copies
// the pages the server's commits appended to the write-ahead log into the database file and flushes
// it, while the server's thread goes on answering. Plain JavaScript: it needs no TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { path, everyMs } = workerData;
const db = new Database(path, { fileMustExist: true });
// FULL, as the server's connection: the database file is flushed before the log is reused
db.pragma("synchronous = FULL");

let timer = null;
/** `catchUp`: the id of the server's request to copy the last pages now (log-restart.ts) */
const checkpoint = (catchUp) => {
  clearTimeout(timer);
  try {
    // PASSIVE: takes no lock the server's writes wait for; what is left is copied next time
    const [result] = db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage({ kind: "checkpointed", ...result, catchUp });
  } catch (error) {
    parentPort.postMessage({ kind: "failed", error: String(error?.message ?? error), catchUp });
  }
  timer = setTimeout(checkpoint, everyMs);
};
timer = setTimeout(checkpoint, everyMs);

parentPort.on("message", (m) => {
  if (m?.kind === "catchUp") {
    checkpoint(m.id);
    return;
  }
  if (m !== "stop") return;
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
