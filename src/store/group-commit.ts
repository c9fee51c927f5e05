/**
 * Group commit: writes that arrive together (in one turn of the event loop, or in the turns that
 * follow while more keep arriving) share one transaction, so one fsync (synchronous = FULL) makes
 * them all durable. When slots open, a hundred drivers press "Book" at once; each commit of its own
 * cost a flush to disk and held the event loop while it did.
 *
 * Each write runs in its own savepoint, in arrival order, and sees the writes before it (so a slot
 * is never overbooked); one that throws is undone alone. No write is answered before the shared
 * commit is on disk: if the commit fails (a full disk), or its log cannot be flushed, every write of
 * the group fails with it. The flush itself runs off the event loop (wal-sync.ts).
 */
import type { DB } from "./db.ts";
import { logRestartOf } from "./log-restart.ts";
import { deferredWalSync } from "./wal-sync.ts";

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}
type Result = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A group gathers for at most this long after its first write, and at most this many writes. */
const MAX_GATHER_MS = 5;
const MAX_GROUP = 500;

const groups = new WeakMap<DB, <T>(work: () => T) => Promise<T>>();

/**
 * The database's one group, shared by every caller, so concurrent writes from all routes group
 * together. `maxGatherMs` is taken when the group is made (its first caller): a test sets it beyond
 * reach, so that what it shows does not hang on how fast a loaded machine turns the event loop.
 */
export function groupCommit(db: DB, opts: { maxGatherMs?: number } = {}): <T>(work: () => T) => Promise<T> {
  let together = groups.get(db);
  if (!together) {
    together = createGroup(db, opts.maxGatherMs ?? MAX_GATHER_MS);
    groups.set(db, together);
  }
  return together;
}

function createGroup(db: DB, maxGatherMs: number) {
  let batch: Pending[] = [];
  // called inside the group's transaction, better-sqlite3 makes it a savepoint
  const inSavepoint = db.transaction((work: () => unknown) => work());

  const runAll = (writes: Pending[]): Result[] => {
    const results: Result[] = [];
    for (const write of writes) {
      // SQLite rolls the whole transaction back on some errors (a full disk): stop writing then,
      // or the next write would begin and commit a transaction of its own
      if (!db.inTransaction) {
        results.push({ ok: false, error: new Error("the group's transaction was rolled back") });
        continue;
      }
      try {
        results.push({ ok: true, value: inSavepoint(write.work) });
      } catch (error) {
        results.push({ ok: false, error });
      }
    }
    return results;
  };

  const durable = deferredWalSync(db);
  const flush = () => {
    const writes = batch;
    batch = [];
    let results: Result[];
    try {
      durable?.relax();
      results = db.transaction(runAll).immediate(writes);
    } catch (error) {
      // a closed database, a lock held too long, a full disk: the group fails, the process goes on
      for (const write of writes) write.reject(error);
      return;
    } finally {
      // SQLite refuses to change the setting inside a transaction (one its rollback could not end)
      if (db.open && !db.inTransaction) durable?.restore();
    }
    const answer = () =>
      writes.forEach((write, i) => {
        const result = results[i];
        if (result?.ok) write.resolve(result.value);
        else write.reject(result?.error);
      });
    if (!durable) answer();
    else
      durable.sync().then(answer, (error: unknown) => {
        for (const write of writes) write.reject(error);
      });
  };

  // Another turn of the event loop while writes keep arriving: in a burst (a hundred gates at once,
  // slots opening) the writes read from the sockets while the first ones were handled join them,
  // instead of each turn's few writes waiting for a flush of their own, then for the next.
  let gathering = false;
  const gather = (since: number, seen: number) => {
    if (batch.length > seen && batch.length < MAX_GROUP && performance.now() - since < maxGatherMs) {
      setImmediate(gather, since, batch.length);
      return;
    }
    // the log is long: the thread copies its last pages first, and this group's write starts it over
    const restart = logRestartOf(db);
    if (restart?.wanted()) {
      void restart.catchUp().then(start);
      return;
    }
    start();
  };
  const start = () => {
    gathering = false;
    flush();
  };

  return <T>(work: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      batch.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!gathering) {
        gathering = true;
        setImmediate(gather, performance.now(), 0);
      }
    });
}
