/**
 * WAL checkpoints off the server's thread. SQLite's own checkpoint runs inside the commit that finds
 * the log past 1,000 pages: it copies them into the database file and flushes it, holding the event
 * loop meanwhile (about one commit in eight under the gate's load, 10-15 ms each). Here a thread with
 * a connection of its own checkpoints every `everyMs`; the server's connection checkpoints itself only
 * past FALLBACK_PAGES, when little is left that the thread has not copied (under a steady load the log
 * starts over only then: the server's commits keep adding to it while the thread copies), and again
 * every 1,000 pages once the thread has stopped.
 */
import { Worker } from "node:worker_threads";
import type { BackgroundJob } from "../jobs/job.ts";
import type { DB } from "./db.ts";

const THREAD = new URL("./wal-checkpoint-thread.mjs", import.meta.url);
/** SQLite's default: the server checkpoints itself again at this size when the thread is gone */
const SQLITE_DEFAULT_PAGES = 1000;
/** about 40 MB of log with 4 KiB pages: far more than the thread lets through between two of its turns */
export const FALLBACK_PAGES = 10_000;

type ThreadMessage =
  | { kind: "checkpointed"; busy: number; log: number; checkpointed: number }
  | { kind: "failed"; error: string };

export function startWalCheckpoints(
  db: DB,
  opts: { everyMs: number; log: (line: string) => void },
): BackgroundJob & { checkpoints: () => number } {
  let checkpoints = 0;
  if (db.memory) return { name: "WAL checkpoints", stop() {}, checkpoints: () => 0 };
  db.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
  const worker = new Worker(THREAD, { workerData: { path: db.name, everyMs: opts.everyMs } });
  // never the reason the process stays up
  worker.unref();
  let stopping = false;
  let failures = 0;
  worker.on("message", (m: ThreadMessage) => {
    if (m.kind === "checkpointed") {
      checkpoints++;
      failures = 0;
    } else if (failures++ === 0) {
      opts.log(`WAL checkpoint failed, will try again: ${m.error}`);
    }
  });
  const exited = new Promise<void>((resolve) => {
    worker.on("exit", () => {
      if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
      if (!stopping) opts.log("the WAL checkpoint thread stopped; the server checkpoints the log itself");
      resolve();
    });
  });
  worker.on("error", (error) => opts.log(`WAL checkpoint thread: ${error.message}`));
  return {
    name: "WAL checkpoints",
    checkpoints: () => checkpoints,
    async stop() {
      stopping = true;
      worker.postMessage("stop");
      await exited;
    },
  };
}
