/**
 * WAL checkpoints off the server's thread. SQLite's own checkpoint runs inside the commit that finds
 * the log past 1,000 pages: it copies them into the database file and flushes it, holding the event
 * loop meanwhile (about one commit in eight under the gate's load, 10-15 ms each). Here a thread with
 * a connection of its own checkpoints every `everyMs`, except during a burst of writes: the copy and
 * its flush of the database file keep the disk busy while each group of writes waits for the flush of
 * the log (wal-sync.ts), so the thread copies in the first pause, or once the writes have come without
 * one for `burstMs`. Under a steady load the log would start over only when the server's connection
 * checkpointed it itself past FALLBACK_PAGES (its commits keep adding to it while the thread copies);
 * past RESTART_PAGES, the group commit lets the thread catch up first (log-restart.ts), so the log
 * starts over with no wait on the event loop. The server's connection checkpoints itself past
 * FALLBACK_PAGES still, and every 1,000 pages once the thread stops.
 */
import { Worker } from "node:worker_threads";
import type { BackgroundJob } from "../jobs/job.ts";
import type { DB } from "./db.ts";
import { offerLogRestart, withdrawLogRestart } from "./log-restart.ts";

const THREAD = new URL("./wal-checkpoint-thread.mjs", import.meta.url);
/** SQLite's default: the server checkpoints itself again at this size when the thread is gone */
const SQLITE_DEFAULT_PAGES = 1000;
/**
 * A burst of writes shorter than this is not copied while it comes. At the fastest the gate's reads
 * go on this machine (bench:http, about 4,000 a second, three pages of log each) that is 120,000
 * pages of log; at a real post's pace (tens of writes a second) a few thousand.
 */
export const BURST_MS = 10_000;
/** about 1 GB of log with 4 KiB pages: far more than a burst of BURST_MS leaves (the thread stuck) */
export const FALLBACK_PAGES = 250_000;
/** about 16 MB of log: past it, the group commit lets the thread catch up so the log starts over */
export const RESTART_PAGES = 4_000;
/** a catch-up the thread has not answered by then is given up: no write waits longer for it */
const CATCH_UP_LIMIT_MS = 250;
/** after a catch-up that could not copy everything (a reader holds an old snapshot), wait this long */
const CATCH_UP_BACKOFF_MS = 1_000;

type ThreadMessage = { catchUp?: number } & (
  | { kind: "checkpointed"; busy: number; log: number; checkpointed: number }
  | { kind: "failed"; error: string }
);

export function startWalCheckpoints(
  db: DB,
  opts: { everyMs: number; log: (line: string) => void; restartAtPages?: number; burstMs?: number },
): BackgroundJob & { checkpoints: () => number } {
  let checkpoints = 0;
  if (db.memory) return { name: "WAL checkpoints", stop() {}, checkpoints: () => 0 };
  db.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
  const worker = new Worker(THREAD, {
    workerData: { path: db.name, everyMs: opts.everyMs, burstMs: opts.burstMs ?? BURST_MS },
  });
  // never the reason the process stays up
  worker.unref();
  let stopping = false;
  let failures = 0;
  // the log's length at the thread's last checkpoint, and the catch-ups waiting for its answer
  let logPages = 0;
  let notBefore = 0;
  const catchingUp = new Map<number, () => void>();
  let nextCatchUp = 1;
  worker.on("message", (m: ThreadMessage) => {
    if (m.kind === "checkpointed") {
      checkpoints++;
      failures = 0;
      logPages = m.log;
      if (m.catchUp !== undefined && m.checkpointed < m.log)
        notBefore = performance.now() + CATCH_UP_BACKOFF_MS;
    } else if (failures++ === 0) {
      opts.log(`WAL checkpoint failed, will try again: ${m.error}`);
    }
    if (m.catchUp !== undefined) catchingUp.get(m.catchUp)?.();
  });
  const restartAt = opts.restartAtPages ?? RESTART_PAGES;
  offerLogRestart(db, {
    wanted: () => logPages >= restartAt && catchingUp.size === 0 && performance.now() >= notBefore,
    catchUp: () =>
      new Promise<void>((resolve) => {
        const id = nextCatchUp++;
        const done = () => {
          clearTimeout(limit);
          catchingUp.delete(id);
          // until the thread's next checkpoint says how long the log is now
          logPages = 0;
          resolve();
        };
        const limit = setTimeout(done, CATCH_UP_LIMIT_MS);
        catchingUp.set(id, done);
        worker.postMessage({ kind: "catchUp", id });
      }),
  });
  const exited = new Promise<void>((resolve) => {
    worker.on("exit", () => {
      withdrawLogRestart(db);
      for (const done of [...catchingUp.values()]) done();
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
