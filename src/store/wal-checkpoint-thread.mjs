// The WAL checkpoints of the post's database, on a thread of their own (wal-checkpoints.ts): copies
// the pages the server's commits appended to the write-ahead log into the database file and flushes
// it, while the server's thread goes on answering. Plain JavaScript: it needs no TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { path, everyMs, burstMs } = workerData;
const db = new Database(path, { fileMustExist: true });
// FULL, as the server's connection: the database file is flushed before the log is reused
db.pragma("synchronous = FULL");

// changes whenever another connection commits: a turn that sees it unchanged found the writes paused
let lastVersion = db.pragma("data_version", { simple: true });
/** when the writes began coming without a pause, or null while they pause */
let burstSince = null;

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
  timer = setTimeout(turn, everyMs);
};

// A burst of writes is left to run: copying the log while it comes keeps the disk busy with the
// database file when each group of writes waits for its own flush of the log. The copy is made in
// the first pause, or once the writes have come without one for burstMs (the log then starts over
// as it fills, log-restart.ts).
const turn = () => {
  const version = db.pragma("data_version", { simple: true });
  const now = performance.now();
  if (version === lastVersion) burstSince = null;
  else {
    lastVersion = version;
    burstSince ??= now;
    if (now - burstSince < burstMs) {
      timer = setTimeout(turn, everyMs);
      return;
    }
  }
  checkpoint();
};
timer = setTimeout(turn, everyMs);

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
