/**
 * Reads kept until the database changes. Every driver's page and wait-time request asks the same
 * per-checkpoint questions (the queue's order, the counts behind the estimates), and the answer
 * changes only when something is written: `total_changes()` moves when this connection writes
 * (even inside a transaction, so a caller's own write is never answered from before it), and
 * `data_version` when another connection commits. Not a time-to-live: no page is ever stale.
 *
 * Another connection's commit is seen from the next turn of the event loop: the pragma costs a
 * look at the database file, so it is read once a turn, not on every page. A request sent after
 * the commit always sees it (it is read from the socket in a later turn than the commit).
 */
import type { DB } from "./db.ts";

const MAX_KEYS = 256;

/** Per database, the other connections' commit counter, read at most once a turn. */
const commitCounters = new WeakMap<DB, () => number>();

/** A number that moves when another connection commits to the database, read at most once a turn. */
export function othersCommits(db: DB): () => number {
  let counter = commitCounters.get(db);
  if (!counter) {
    const dataVersion = db.prepare("PRAGMA data_version").pluck();
    let value = -1;
    let fresh = false;
    counter = () => {
      if (!fresh) {
        value = dataVersion.get() as number;
        fresh = true;
        setImmediate(() => {
          fresh = false;
        });
      }
      return value;
    };
    commitCounters.set(db, counter);
  }
  return counter;
}

export function memoUntilWrite(db: DB) {
  const ownChanges = db.prepare("SELECT total_changes()").pluck();
  const others = othersCommits(db);
  let own = -1;
  let othersSeen = -1;
  const values = new Map<string, unknown>();
  return <T>(key: string, read: () => T): T => {
    const ownNow = ownChanges.get() as number;
    const othersNow = others();
    if (ownNow !== own || othersNow !== othersSeen || values.size >= MAX_KEYS) {
      values.clear();
      own = ownNow;
      othersSeen = othersNow;
    }
    if (values.has(key)) return values.get(key) as T;
    const value = read();
    values.set(key, value);
    return value;
  };
}
